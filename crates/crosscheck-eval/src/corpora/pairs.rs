//! Sentence pairs with optional paraphrase labels.
//!
//! Three layouts:
//! - MRPC (`msr_paraphrase_train.txt`): tab-separated, header
//!   `Quality  #1 ID  #2 ID  #1 String  #2 String`, UTF-8 with BOM, no quoting
//!   (strings contain bare `"`). Every row has a 0/1 label.
//! - The same layout as user input (the CLI's `pairs` command): the header
//!   is optional, the label column may be absent (four fields) or empty.
//! - JSON Lines: one object per line, `{"s1", "s2", "label"?, "id1"?, "id2"?}`.

use std::path::Path;

use serde::Serialize;

use super::text_lines;
use crate::error::EvalError;

/// Two sentences and, when known, whether they mean the same.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LabeledPair {
    /// `Some(true)` for a paraphrase, `Some(false)` for not, `None` unlabelled.
    pub label: Option<bool>,
    /// Identifier of the first sentence (for JSON Lines without ids: `LINE:1`).
    pub id1: String,
    /// Identifier of the second sentence (`LINE:2` when not given).
    pub id2: String,
    /// The first sentence.
    pub s1: String,
    /// The second sentence.
    pub s2: String,
}

/// Reads the MRPC training or test file: header required, five fields and a
/// 0/1 label on every row.
pub fn read_mrpc(path: impl AsRef<Path>) -> Result<Vec<LabeledPair>, EvalError> {
    let path = path.as_ref();
    let lines = text_lines(path)?;
    let mut rows = lines.iter().filter(|(_, l)| !l.trim().is_empty());
    match rows.next() {
        Some((_, h)) if is_header(h) => {}
        Some((n, _)) => return Err(EvalError::row(path, *n, "expected the MRPC header `Quality\t#1 ID\t...`")),
        None => return Err(EvalError::row(path, 1, "empty file")),
    }
    rows.map(|(n, l)| {
        let pair = parse_tsv_row(path, *n, l, true)?;
        if pair.label.is_none() {
            return Err(EvalError::row(path, *n, "missing label (Quality must be 0 or 1)"));
        }
        Ok(pair)
    })
    .collect()
}

/// Reads a pair TSV in MRPC layout whose label column may be absent or
/// empty: rows of five fields (label, id1, id2, s1, s2) or four (id1, id2,
/// s1, s2). A first line starting with `Quality`, `label` or `#1` is a header.
pub fn read_pair_tsv(path: impl AsRef<Path>) -> Result<Vec<LabeledPair>, EvalError> {
    let path = path.as_ref();
    let lines = text_lines(path)?;
    let mut rows = lines.iter().filter(|(_, l)| !l.trim().is_empty()).peekable();
    if rows.peek().is_some_and(|(_, l)| is_header(l)) {
        rows.next();
    }
    rows.map(|(n, l)| parse_tsv_row(path, *n, l, false)).collect()
}

fn is_header(line: &str) -> bool {
    let first = line.split('\t').next().unwrap_or("").trim().to_ascii_lowercase();
    first == "quality" || first == "label" || first.starts_with("#1")
}

fn parse_label(path: &Path, line: u64, field: &str) -> Result<Option<bool>, EvalError> {
    match field.trim() {
        "" => Ok(None),
        "1" | "true" => Ok(Some(true)),
        "0" | "false" => Ok(Some(false)),
        other => Err(EvalError::row(path, line, format!("label {other:?} is not 0 or 1"))),
    }
}

fn parse_tsv_row(path: &Path, line: u64, text: &str, need_label: bool) -> Result<LabeledPair, EvalError> {
    let f: Vec<&str> = text.split('\t').collect();
    let (label, rest) = match f.len() {
        5 => (parse_label(path, line, f[0])?, &f[1..]),
        4 if !need_label => (None, &f[..]),
        n => {
            let want = if need_label { "5" } else { "4 or 5" };
            return Err(EvalError::row(path, line, format!("{n} tab-separated fields, expected {want}")));
        }
    };
    Ok(LabeledPair {
        label,
        id1: rest[0].trim().to_string(),
        id2: rest[1].trim().to_string(),
        s1: rest[2].to_string(),
        s2: rest[3].to_string(),
    })
}

/// Reads JSON Lines pairs: each non-blank line an object with string fields
/// `s1` and `s2`, an optional `label` (true/false, 1/0 or null) and optional
/// `id1`/`id2` (strings or numbers).
pub fn read_pairs_jsonl(path: impl AsRef<Path>) -> Result<Vec<LabeledPair>, EvalError> {
    let path = path.as_ref();
    let lines = text_lines(path)?;
    lines.iter().filter(|(_, l)| !l.trim().is_empty()).map(|(n, l)| parse_json_row(path, *n, l)).collect()
}

fn parse_json_row(path: &Path, line: u64, text: &str) -> Result<LabeledPair, EvalError> {
    let v: serde_json::Value =
        serde_json::from_str(text).map_err(|e| EvalError::row(path, line, format!("bad JSON: {e}")))?;
    let obj = v.as_object().ok_or_else(|| EvalError::row(path, line, "not a JSON object"))?;
    let text_field = |k: &str| match obj.get(k) {
        Some(serde_json::Value::String(s)) => Ok(s.clone()),
        Some(_) => Err(EvalError::row(path, line, format!("`{k}` is not a string"))),
        None => Err(EvalError::row(path, line, format!("missing `{k}`"))),
    };
    let id_field = |k: &str, n: u8| match obj.get(k) {
        Some(serde_json::Value::String(s)) => Ok(s.clone()),
        Some(serde_json::Value::Number(x)) => Ok(x.to_string()),
        None | Some(serde_json::Value::Null) => Ok(format!("{line}:{n}")),
        Some(_) => Err(EvalError::row(path, line, format!("`{k}` is not a string or number"))),
    };
    let label = match obj.get("label") {
        None | Some(serde_json::Value::Null) => None,
        Some(serde_json::Value::Bool(b)) => Some(*b),
        Some(serde_json::Value::Number(x)) if x.as_f64() == Some(1.0) => Some(true),
        Some(serde_json::Value::Number(x)) if x.as_f64() == Some(0.0) => Some(false),
        Some(other) => return Err(EvalError::row(path, line, format!("label {other} is not true/false, 1/0 or null"))),
    };
    Ok(LabeledPair { label, id1: id_field("id1", 1)?, id2: id_field("id2", 2)?, s1: text_field("s1")?, s2: text_field("s2")? })
}

#[cfg(test)]
#[allow(clippy::expect_used)]
mod tests {
    use super::*;

    fn tmp(name: &str, body: &str) -> std::path::PathBuf {
        let p = std::env::temp_dir().join(format!("crosscheck-eval-pairs-{}-{name}", std::process::id()));
        std::fs::write(&p, body).ok();
        p
    }

    #[test]
    fn tsv_with_and_without_labels() {
        let p = tmp("a.tsv", "\u{feff}Quality\t#1 ID\t#2 ID\t#1 String\t#2 String\r\n1\t1\t2\tA \"b\"\tC\n\t3\t4\tD\tE\n5\t6\tF\tG\n");
        let v = read_pair_tsv(&p).expect("reads");
        assert_eq!(v.len(), 3);
        assert_eq!((v[0].label, v[0].s1.as_str()), (Some(true), "A \"b\""));
        assert_eq!((v[1].label, v[1].id1.as_str()), (None, "3"));
        assert_eq!((v[2].label, v[2].s2.as_str()), (None, "G"));
        let err = read_mrpc(&p).err().map(|e| e.to_string()).unwrap_or_default();
        assert!(err.ends_with(":3: missing label (Quality must be 0 or 1)"), "{err}");
    }

    #[test]
    fn bad_rows_name_file_and_line() {
        let p = tmp("b.tsv", "1\t2\t3\n");
        let err = read_pair_tsv(&p).err().map(|e| e.to_string()).unwrap_or_default();
        assert!(err.contains("b.tsv:1: 3 tab-separated fields"), "{err}");
        let p = tmp("c.tsv", "x\t1\t2\ta\tb\n");
        let err = read_pair_tsv(&p).err().map(|e| e.to_string()).unwrap_or_default();
        assert!(err.contains("c.tsv:1: label \"x\""), "{err}");
    }

    #[test]
    fn jsonl_pairs() {
        let p = tmp("d.jsonl", "{\"s1\":\"a\",\"s2\":\"b\",\"label\":1}\n\n{\"s1\":\"c\",\"s2\":\"d\",\"id1\":7}\n{\"s1\":\"e\"}\n");
        let err = read_pairs_jsonl(&p).err().map(|e| e.to_string()).unwrap_or_default();
        assert!(err.contains("d.jsonl:4: missing `s2`"), "{err}");
        let p = tmp("e.jsonl", "{\"s1\":\"a\",\"s2\":\"b\",\"label\":true}\n{\"s1\":\"c\",\"s2\":\"d\",\"id1\":7}\n");
        let v = read_pairs_jsonl(&p).expect("reads");
        assert_eq!((v[0].label, v[1].label), (Some(true), None));
        assert_eq!((v[1].id1.as_str(), v[1].id2.as_str()), ("7", "2:2"));
    }
}
