//! The harness shared by the integration tests: a temporary directory that
//! writes files and runs the built `crosscheck` binary, in the style of
//! ripgrep's `TestDir`.

#![allow(dead_code, clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

/// The workspace root (two levels above the CLI crate).
pub fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..").canonicalize().expect("workspace root")
}

/// `data/demo` of the workspace.
pub fn demo() -> PathBuf {
    repo_root().join("data/demo")
}

/// `data/hostile` of the workspace.
pub fn hostile() -> PathBuf {
    repo_root().join("data/hostile")
}

/// `../shared/seeds` beside the workspace, when present; otherwise prints a
/// loud SKIP naming `what` and returns `None`.
pub fn shared_seeds(what: &str) -> Option<PathBuf> {
    let seeds = repo_root().join("../shared/seeds");
    if seeds.is_dir() {
        Some(seeds)
    } else {
        eprintln!("\n*** SKIP ({what}): {} is absent; clone the project with shared/ beside it ***\n", seeds.display());
        None
    }
}

/// A finished run of the binary.
#[derive(Debug)]
pub struct Run {
    /// The exit code (-1 when killed by a signal).
    pub code: i32,
    /// Standard output, lossily decoded.
    pub stdout: String,
    /// Standard error, lossily decoded.
    pub stderr: String,
}

impl Run {
    /// Panics with both streams unless the exit code is `code`.
    pub fn expect_code(self, code: i32) -> Run {
        assert_eq!(self.code, code, "exit code\n--- stdout\n{}\n--- stderr\n{}", self.stdout, self.stderr);
        assert!(!self.stderr.contains("panicked"), "the binary panicked:\n{}", self.stderr);
        self
    }

    /// Panics unless the run succeeded.
    pub fn ok(self) -> Run {
        self.expect_code(0)
    }

    /// Standard output parsed as JSON.
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.stdout).unwrap_or_else(|e| panic!("stdout is not JSON ({e}):\n{}", self.stdout))
    }
}

/// A temporary directory that is the working directory of the commands it
/// runs.
pub struct TestDir {
    dir: tempfile::TempDir,
}

impl TestDir {
    /// A fresh empty directory.
    pub fn new() -> TestDir {
        TestDir { dir: tempfile::tempdir().expect("temporary directory") }
    }

    /// The directory's path.
    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    /// `rel` inside the directory.
    pub fn join(&self, rel: &str) -> PathBuf {
        self.path().join(rel)
    }

    /// Writes `contents` to `rel`, creating parent folders.
    pub fn write(&self, rel: &str, contents: impl AsRef<[u8]>) -> PathBuf {
        let path = self.join(rel);
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent).expect("create parent");
        }
        fs::write(&path, contents).expect("write file");
        path
    }

    /// Creates the folder `rel`.
    pub fn mkdir(&self, rel: &str) -> PathBuf {
        let path = self.join(rel);
        fs::create_dir_all(&path).expect("create dir");
        path
    }

    /// Copies the files directly inside `from` into the folder `rel`.
    pub fn copy_dir(&self, from: &Path, rel: &str) -> PathBuf {
        let to = self.mkdir(rel);
        for entry in fs::read_dir(from).expect("read source dir") {
            let path = entry.expect("entry").path();
            if path.is_file() {
                fs::copy(&path, to.join(path.file_name().expect("name"))).expect("copy");
            }
        }
        to
    }

    /// The names of the entries of folder `rel`, sorted.
    pub fn list(&self, rel: &str) -> Vec<String> {
        let mut names: Vec<String> = fs::read_dir(self.join(rel))
            .expect("list dir")
            .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    /// Runs `crosscheck ARGS` in this directory, colour left to the flags.
    pub fn run(&self, args: &[&str]) -> Run {
        run_in(self.path(), args)
    }
}

/// Runs the built binary in `cwd` with `args`; `NO_COLOR` is cleared so
/// that tests decide colour with `--color`.
pub fn run_in(cwd: &Path, args: &[&str]) -> Run {
    let out = Command::new(env!("CARGO_BIN_EXE_crosscheck"))
        .args(args)
        .current_dir(cwd)
        .env_remove("NO_COLOR")
        .output()
        .expect("run crosscheck");
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

/// Runs the binary in the workspace root, where `data/demo` resolves.
pub fn run_at_root(args: &[&str]) -> Run {
    run_in(&repo_root(), args)
}
