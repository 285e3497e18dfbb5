//! The embedding runtime: all-MiniLM-L6-v2 (a 6-layer BERT) on candle's CPU
//! backend, WordPiece tokenisation with the `tokenizers` crate, mean pooling
//! over real tokens and L2 normalisation — what sentence-transformers does
//! for this model.

use std::path::{Path, PathBuf};

use candle_core::{DType, Device, Tensor};
use candle_nn::VarBuilder;
use candle_transformers::models::bert::{BertModel, Config, DTYPE};
use tokenizers::{PaddingParams, PaddingStrategy, Tokenizer, TruncationParams};

use crate::error::EmbedError;
use crate::install::{sha256_hex, verify};
use crate::settings::{BATCH_SIZE, MAX_TOKENS};

/// A loaded sentence-embedding model. `Send + Sync`: share one behind an
/// `Arc` (or a plain reference) across threads; [`Embedder::embed`] takes
/// `&self`, and candle's matrix products already use every core.
pub struct Embedder {
    model: BertModel,
    tokenizer: Tokenizer,
    device: Device,
    dir: PathBuf,
    model_id: String,
    dim: usize,
}

impl std::fmt::Debug for Embedder {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Embedder").field("dir", &self.dir).field("model_id", &self.model_id).field("dim", &self.dim).finish()
    }
}

fn model_err(e: impl std::fmt::Display) -> EmbedError {
    EmbedError::Model(e.to_string())
}

impl Embedder {
    /// Load the model from an installed directory (`model.safetensors`,
    /// `tokenizer.json`, `config.json`, `install.json`). The installation is
    /// verified first: sizes and the weights' SHA-256 must match the record.
    pub fn load(dir: &Path) -> Result<Embedder, EmbedError> {
        verify(dir)?;
        let read = |name: &str| std::fs::read(dir.join(name)).map_err(|e| EmbedError::io(dir.join(name), e));
        let weights = read(crate::install::WEIGHTS_FILE)?;
        let model_id = sha256_hex(&weights);
        let config_path = dir.join("config.json");
        let config: Config = serde_json::from_slice(&read("config.json")?)
            .map_err(|source| EmbedError::Json { path: config_path, source })?;
        let dim = config.hidden_size;
        let device = Device::Cpu;
        let vb = VarBuilder::from_buffered_safetensors(weights, DTYPE, &device).map_err(model_err)?;
        let model = BertModel::load(vb, &config).map_err(model_err)?;
        let tokenizer = load_tokenizer(&dir.join("tokenizer.json"))?;
        Ok(Embedder { model, tokenizer, device, dir: dir.to_path_buf(), model_id, dim })
    }

    /// The directory the model was loaded from.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// SHA-256 of the weights: identifies the model in embedding caches.
    pub fn model_id(&self) -> &str {
        &self.model_id
    }

    /// Embedding dimension (384 for all-MiniLM-L6-v2).
    pub fn dim(&self) -> usize {
        self.dim
    }

    /// Unit-length embeddings of `texts`, in order, computed in batches of
    /// [`BATCH_SIZE`]. Texts longer than [`MAX_TOKENS`] word pieces are
    /// truncated (as sentence-transformers does); an empty text gets the
    /// embedding of `[CLS] [SEP]`.
    ///
    /// Texts are batched in order of length, so that a batch pads little;
    /// the result is in input order.
    pub fn embed(&self, texts: &[&str]) -> Result<Vec<Vec<f32>>, EmbedError> {
        let mut order: Vec<usize> = (0..texts.len()).collect();
        order.sort_by_key(|&i| texts[i].len());
        let mut out: Vec<Vec<f32>> = vec![Vec::new(); texts.len()];
        for chunk in order.chunks(BATCH_SIZE) {
            let batch: Vec<&str> = chunk.iter().map(|&i| texts[i]).collect();
            for (&i, v) in chunk.iter().zip(self.embed_batch(&batch)?) {
                out[i] = v;
            }
        }
        Ok(out)
    }

    fn embed_batch(&self, texts: &[&str]) -> Result<Vec<Vec<f32>>, EmbedError> {
        if texts.is_empty() {
            return Ok(Vec::new());
        }
        let enc = self.tokenizer.encode_batch(texts.to_vec(), true).map_err(|e| EmbedError::Tokenizer(e.to_string()))?;
        let rows = |f: &dyn Fn(&tokenizers::Encoding) -> Vec<u32>| -> Result<Tensor, EmbedError> {
            let t: Vec<Tensor> = enc.iter().map(|e| Tensor::new(f(e).as_slice(), &self.device)).collect::<Result<_, _>>().map_err(model_err)?;
            Tensor::stack(&t, 0).map_err(model_err)
        };
        let ids = rows(&|e| e.get_ids().to_vec())?;
        let types = rows(&|e| e.get_type_ids().to_vec())?;
        let mask = rows(&|e| e.get_attention_mask().to_vec())?;
        let hidden = self.model.forward(&ids, &types, Some(&mask)).map_err(model_err)?;
        mean_pool_normalise(&hidden, &mask).map_err(model_err)
    }
}

/// Mean of the hidden states over real (unmasked) tokens, then L2
/// normalisation: `[batch, tokens, dim]` → `batch` unit vectors.
fn mean_pool_normalise(hidden: &Tensor, mask: &Tensor) -> candle_core::Result<Vec<Vec<f32>>> {
    let mask = mask.to_dtype(DType::F32)?.unsqueeze(2)?;
    let summed = hidden.broadcast_mul(&mask)?.sum(1)?;
    let counts = mask.sum(1)?.clamp(1e-9, f64::MAX)?;
    let mean = summed.broadcast_div(&counts)?;
    let norm = mean.sqr()?.sum_keepdim(1)?.sqrt()?.clamp(1e-12, f64::MAX)?;
    mean.broadcast_div(&norm)?.to_vec2::<f32>()
}

/// The tokenizer with padding to the longest text of a batch (the file
/// pads to a fixed 128) and truncation at [`MAX_TOKENS`].
fn load_tokenizer(path: &Path) -> Result<Tokenizer, EmbedError> {
    let mut tok = Tokenizer::from_file(path).map_err(|e| EmbedError::Tokenizer(format!("{}: {e}", path.display())))?;
    let pad_id = tok.token_to_id("[PAD]").unwrap_or(0);
    tok.with_padding(Some(PaddingParams {
        strategy: PaddingStrategy::BatchLongest,
        pad_id,
        pad_token: "[PAD]".into(),
        ..PaddingParams::default()
    }));
    tok.with_truncation(Some(TruncationParams { max_length: MAX_TOKENS, ..TruncationParams::default() }))
        .map_err(|e| EmbedError::Tokenizer(e.to_string()))?;
    Ok(tok)
}
