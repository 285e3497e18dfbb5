//! STS Benchmark (`sts-{train,dev,test}.csv`): tab-separated, no header, no
//! quoting; only the first seven fields count (some rows carry two more).

use std::path::Path;

pub use crosscheck_match::training::StsPair;

use crate::error::EvalError;

/// Fields of an STS row that are read.
const STS_FIELDS: usize = 7;

/// Reads an STS Benchmark file into [`StsPair`]s (the matcher's type; this
/// reader is CSV-based and names the line and field of a bad row).
pub fn read_sts(path: impl AsRef<Path>) -> Result<Vec<StsPair>, EvalError> {
    let path = path.as_ref();
    let mut rdr = csv::ReaderBuilder::new()
        .delimiter(b'\t')
        .has_headers(false)
        .quoting(false)
        .flexible(true)
        .from_path(path)
        .map_err(|e| EvalError::row(path, 0, e.to_string()))?;
    let mut out = Vec::new();
    let mut rec = csv::ByteRecord::new();
    loop {
        let line = rdr.position().line();
        match rdr.read_byte_record(&mut rec) {
            Ok(false) => break,
            Ok(true) => out.push(sts_row(path, rec.position().map_or(line, |p| p.line()), &rec)?),
            Err(e) => return Err(EvalError::row(path, line, e.to_string())),
        }
    }
    Ok(out)
}

fn sts_row(path: &Path, line: u64, rec: &csv::ByteRecord) -> Result<StsPair, EvalError> {
    if rec.len() < STS_FIELDS {
        return Err(EvalError::row(path, line, format!("{} fields, expected at least {STS_FIELDS}", rec.len())));
    }
    let field = |i: usize| {
        std::str::from_utf8(&rec[i])
            .map(str::to_string)
            .map_err(|e| EvalError::row(path, line, format!("field {} is not UTF-8: {e}", i + 1)))
    };
    let score_text = field(4)?;
    let score: f64 = score_text
        .trim()
        .parse()
        .map_err(|_| EvalError::row(path, line, format!("score {score_text:?} is not a number")))?;
    Ok(StsPair {
        genre: field(0)?,
        file: field(1)?,
        year: field(2)?,
        id: field(3)?,
        score,
        a: field(5)?,
        b: field(6)?,
    })
}

#[cfg(test)]
#[allow(clippy::expect_used)]
mod tests {
    use super::*;

    #[test]
    fn extra_fields_are_ignored_and_quotes_kept() {
        let p = std::env::temp_dir().join(format!("crosscheck-eval-sts-{}.csv", std::process::id()));
        std::fs::write(&p, "main-news\theadlines\t2013\t0001\t3.5\t\"Quoted\" start\tb\textra\tmore\nx\ty\n").ok();
        let err = read_sts(&p).err().map(|e| e.to_string()).unwrap_or_default();
        assert!(err.contains(":2: 2 fields, expected at least 7"), "{err}");
        std::fs::write(&p, "main-news\theadlines\t2013\t0001\t3.5\t\"Quoted\" start\tb\textra\tmore\n").ok();
        let v = read_sts(&p).expect("reads");
        assert_eq!((v[0].score, v[0].a.as_str(), v[0].b.as_str()), (3.5, "\"Quoted\" start", "b"));
    }
}
