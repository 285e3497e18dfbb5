//! A persistent cache of embeddings keyed by the SHA-256 of the text, so a
//! re-run over the same story (or the same training corpus) embeds nothing
//! twice.
//!
//! File format (little-endian): the 8 bytes `CCEMB01\n`, the model id as a
//! u32 length and UTF-8 bytes, the dimension as u32, the entry count as
//! u64, then per entry 32 bytes of text digest and `dim` f32 values. A file
//! written for another model (other weights digest or dimension) is
//! ignored on load rather than trusted.

use std::collections::HashMap;
use std::io::{BufReader, BufWriter, Read, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use sha2::{Digest, Sha256};

use crate::error::EmbedError;

const MAGIC: &[u8; 8] = b"CCEMB01\n";

/// Text digest → unit embedding, for one model.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct EmbeddingCache {
    model_id: String,
    dim: usize,
    entries: HashMap<[u8; 32], Vec<f32>>,
    dirty: bool,
}

/// SHA-256 of a text: the cache key.
pub fn text_key(text: &str) -> [u8; 32] {
    Sha256::digest(text.as_bytes()).into()
}

impl EmbeddingCache {
    /// An empty cache for the model with this id (weights digest) and
    /// dimension.
    pub fn new(model_id: &str, dim: usize) -> EmbeddingCache {
        EmbeddingCache { model_id: model_id.to_string(), dim, entries: HashMap::new(), dirty: false }
    }

    /// Number of cached texts.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// True when nothing is cached.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// True when entries were added since the cache was loaded or saved.
    pub fn is_dirty(&self) -> bool {
        self.dirty
    }

    /// The cached embedding of `text`.
    pub fn get(&self, text: &str) -> Option<&[f32]> {
        self.entries.get(&text_key(text)).map(Vec::as_slice)
    }

    /// Cache `vector` as the embedding of `text`; a vector of the wrong
    /// dimension is not stored (returns false).
    pub fn insert(&mut self, text: &str, vector: Vec<f32>) -> bool {
        if vector.len() != self.dim {
            return false;
        }
        self.entries.insert(text_key(text), vector);
        self.dirty = true;
        true
    }

    /// Load `path` for the given model. A missing file, or one written for
    /// another model or dimension, gives an empty cache; a damaged file is
    /// an error.
    pub fn load(path: &Path, model_id: &str, dim: usize) -> Result<EmbeddingCache, EmbedError> {
        let mut cache = EmbeddingCache::new(model_id, dim);
        let file = match std::fs::File::open(path) {
            Ok(f) => f,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(cache),
            Err(e) => return Err(EmbedError::io(path, e)),
        };
        let bad = |m: &str| EmbedError::Cache { path: path.to_path_buf(), message: m.to_string() };
        let mut r = BufReader::new(file);
        let mut magic = [0u8; 8];
        r.read_exact(&mut magic).map_err(|_| bad("too short"))?;
        if &magic != MAGIC {
            return Err(bad("not an embedding cache"));
        }
        let id_len = read_u32(&mut r).map_err(|_| bad("truncated header"))? as usize;
        if id_len > 1024 {
            return Err(bad("model id too long"));
        }
        let mut id = vec![0u8; id_len];
        r.read_exact(&mut id).map_err(|_| bad("truncated header"))?;
        let file_dim = read_u32(&mut r).map_err(|_| bad("truncated header"))? as usize;
        let count = read_u64(&mut r).map_err(|_| bad("truncated header"))?;
        if id != model_id.as_bytes() || file_dim != dim {
            return Ok(cache);
        }
        let mut row = vec![0u8; 4 * dim];
        for _ in 0..count {
            let mut key = [0u8; 32];
            r.read_exact(&mut key).map_err(|_| bad("truncated entry"))?;
            r.read_exact(&mut row).map_err(|_| bad("truncated entry"))?;
            let v = row.chunks_exact(4).map(|c| f32::from_le_bytes([c[0], c[1], c[2], c[3]])).collect();
            cache.entries.insert(key, v);
        }
        Ok(cache)
    }

    /// Write the cache to `path` (through a temporary file of this writer's
    /// own, renamed into place), entries sorted by key so equal caches give
    /// equal files. Writers that save the same path at the same time (two
    /// runs over one story) each leave a whole file; the last rename wins.
    pub fn save(&mut self, path: &Path) -> Result<(), EmbedError> {
        if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            std::fs::create_dir_all(parent).map_err(|e| EmbedError::io(parent, e))?;
        }
        let tmp = temp_path(path);
        let written = self.write_file(&tmp).and_then(|()| std::fs::rename(&tmp, path).map_err(|e| EmbedError::io(path, e)));
        if written.is_err() {
            let _ = std::fs::remove_file(&tmp);
        }
        written?;
        self.dirty = false;
        Ok(())
    }

    /// Writes the cache file format to `file`, synced to disk.
    fn write_file(&self, file: &Path) -> Result<(), EmbedError> {
        let io = |e| EmbedError::io(file, e);
        let mut w = BufWriter::new(std::fs::File::create(file).map_err(io)?);
        w.write_all(MAGIC).map_err(io)?;
        w.write_all(&(self.model_id.len() as u32).to_le_bytes()).map_err(io)?;
        w.write_all(self.model_id.as_bytes()).map_err(io)?;
        w.write_all(&(self.dim as u32).to_le_bytes()).map_err(io)?;
        w.write_all(&(self.entries.len() as u64).to_le_bytes()).map_err(io)?;
        let mut keys: Vec<&[u8; 32]> = self.entries.keys().collect();
        keys.sort();
        for k in keys {
            w.write_all(k).map_err(io)?;
            for x in &self.entries[k] {
                w.write_all(&x.to_le_bytes()).map_err(io)?;
            }
        }
        w.into_inner().map_err(|e| EmbedError::io(file, e.into_error()))?.sync_all().map_err(io)
    }

    /// Embeddings of `texts` in order, taking cached ones from the cache
    /// and computing the rest with `embed` (called once, on the distinct
    /// missing texts), which are then cached.
    pub fn embed_with<F>(&mut self, texts: &[&str], embed: F) -> Result<Vec<Vec<f32>>, EmbedError>
    where
        F: FnOnce(&[&str]) -> Result<Vec<Vec<f32>>, EmbedError>,
    {
        let mut missing: Vec<&str> = texts.iter().copied().filter(|t| self.get(t).is_none()).collect();
        missing.sort_unstable();
        missing.dedup();
        if !missing.is_empty() {
            let vectors = embed(&missing)?;
            if vectors.len() != missing.len() {
                return Err(EmbedError::Model(format!("{} embeddings for {} texts", vectors.len(), missing.len())));
            }
            for (t, v) in missing.iter().zip(vectors) {
                if !self.insert(t, v) {
                    return Err(EmbedError::Model(format!("embedding of dimension other than {}", self.dim)));
                }
            }
        }
        Ok(texts.iter().map(|t| self.get(t).map(<[f32]>::to_vec).unwrap_or_default()).collect())
    }
}

fn read_u32(r: &mut impl Read) -> std::io::Result<u32> {
    let mut b = [0u8; 4];
    r.read_exact(&mut b)?;
    Ok(u32::from_le_bytes(b))
}

fn read_u64(r: &mut impl Read) -> std::io::Result<u64> {
    let mut b = [0u8; 8];
    r.read_exact(&mut b)?;
    Ok(u64::from_le_bytes(b))
}

/// A temporary name beside `path` that no other writer uses at the same
/// time: the process id and a per-process counter.
fn temp_path(path: &Path) -> PathBuf {
    static NEXT: AtomicU64 = AtomicU64::new(0);
    let n = NEXT.fetch_add(1, Ordering::Relaxed);
    let mut name = path.file_name().map(|s| s.to_os_string()).unwrap_or_default();
    name.push(format!(".{}.{n}.part", std::process::id()));
    path.with_file_name(name)
}
