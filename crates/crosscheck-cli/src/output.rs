//! Where output goes and how it looks: colour, verbosity, diagnostics on
//! standard error, and reports on standard output or in a file.

use std::io::{IsTerminal, Write};
use std::path::Path;

use anyhow::Context;
use crosscheck_core::{Diagnostic, Report, Severity};
use crosscheck_report::{sanitize_terminal, Format};

use crate::args::{ColorChoice, GlobalOpts};

/// How the user wants to be talked to, resolved once from the global flags
/// and the environment.
#[derive(Debug, Clone, Copy)]
pub struct Console {
    /// Colour terminal views.
    pub color: bool,
    /// Standard output is a terminal.
    pub stdout_tty: bool,
    /// Standard error is a terminal (progress bars go there).
    pub stderr_tty: bool,
    /// Only errors on standard error.
    pub quiet: bool,
    /// Info diagnostics and timings too.
    pub verbose: bool,
}

impl Console {
    /// Resolves colour and verbosity from the flags, `NO_COLOR` and the
    /// terminals.
    pub fn new(global: &GlobalOpts) -> Console {
        let stdout_tty = std::io::stdout().is_terminal();
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        let color = match global.color {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => stdout_tty && !no_color,
        };
        Console {
            color,
            stdout_tty,
            stderr_tty: std::io::stderr().is_terminal(),
            quiet: global.quiet,
            verbose: global.verbose && !global.quiet,
        }
    }

    /// Prints a note on standard error unless `--quiet`.
    pub fn note(&self, message: &str) {
        if !self.quiet {
            eprintln!("{message}");
        }
    }

    /// Prints a note on standard error only with `--verbose`.
    pub fn detail(&self, message: &str) {
        if self.verbose {
            eprintln!("{message}");
        }
    }

    /// Prints a report's diagnostics on standard error: warnings unless
    /// `--quiet`, info notes only with `--verbose`.
    pub fn diagnostics(&self, report: &Report) {
        for line in self.diagnostic_lines(&report.diagnostics, None) {
            eprintln!("{line}");
        }
    }

    /// The diagnostic lines this console shows, each prefixed with `story`
    /// when given (batch mode).
    pub fn diagnostic_lines(&self, diagnostics: &[Diagnostic], story: Option<&str>) -> Vec<String> {
        diagnostics
            .iter()
            .filter(|d| !self.quiet && (d.severity == Severity::Warning || self.verbose))
            .map(|d| {
                let label = match d.severity {
                    Severity::Warning => "warning",
                    Severity::Info => "note",
                };
                let prefix = story.map(|s| format!("[{s}] ")).unwrap_or_default();
                format!("{prefix}{label}: {}", diagnostic_text(d))
            })
            .collect()
    }
}

/// A diagnostic as one safe line: file, location, message, with escape
/// sequences removed (file names and messages may quote article bytes).
fn diagnostic_text(d: &Diagnostic) -> String {
    let mut text = String::new();
    if let Some(file) = &d.file {
        text.push_str(file);
        if let Some(at) = &d.location {
            text.push_str(&format!(" ({at})"));
        }
        text.push_str(": ");
    }
    text.push_str(&d.message);
    sanitize_terminal(&text).replace('\n', " ")
}

/// The format an `--out` file's extension names, if any.
pub fn format_from_extension(path: &Path) -> Option<Format> {
    let ext = path.extension()?.to_str()?;
    match ext.to_ascii_lowercase().as_str() {
        "txt" => None,
        other => other.parse().ok(),
    }
}

/// Writes `text` to `out` atomically, or to standard output. A reader that
/// closes the pipe early (`| head`) is not an error.
pub fn emit(out: Option<&Path>, text: &str) -> anyhow::Result<()> {
    match out {
        Some(path) => Ok(crosscheck_report::write_atomic(path, text.as_bytes())?),
        None => write_stdout(text),
    }
}

/// Writes `text` to standard output, ignoring a closed pipe.
pub fn write_stdout(text: &str) -> anyhow::Result<()> {
    let mut stdout = std::io::stdout().lock();
    let result = stdout.write_all(text.as_bytes()).and_then(|()| stdout.flush());
    match result {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        other => other.context("cannot write to standard output"),
    }
}
