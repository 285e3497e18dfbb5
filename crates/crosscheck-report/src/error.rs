//! The one error type of this crate.

use std::io;
use std::path::PathBuf;

use thiserror::Error;

/// What can go wrong while rendering or writing a report. Every variant says
/// what was being done and what the user can do about it.
#[derive(Debug, Error)]
pub enum ReportError {
    /// Writing an output file failed. Nothing was left at `path`: either the
    /// old content is still there or the file does not exist.
    #[error("cannot write the report to {path}: {stage} failed ({source}); check that the directory exists and is writable, and that there is space left")]
    Write {
        /// The file the report was meant for.
        path: PathBuf,
        /// The step that failed: "creating a temporary file", "writing",
        /// "syncing" or "renaming into place".
        stage: &'static str,
        /// The underlying I/O error.
        #[source]
        source: io::Error,
    },
    /// `inspect` was asked about an id that is neither a cluster nor a claim.
    #[error("no cluster or claim with id {id:?} in this report; use a cluster id such as C1 or a claim id such as ARTICLE#3 (see the JSON or CSV output for the ids)")]
    NotFound {
        /// The id as given.
        id: String,
    },
    /// A format name that is not one of the supported ones.
    #[error("unknown report format {given:?}; use one of: json, md, html, csv, dot, graphml")]
    UnknownFormat {
        /// The name as given.
        given: String,
    },
}
