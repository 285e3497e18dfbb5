//! FNC-1 (Fake News Challenge stage 1): article bodies and the stances of
//! headlines toward them. Both files are CSV with RFC 4180 quoting; bodies
//! contain newlines.

use std::collections::HashMap;
use std::path::Path;

use serde::Serialize;

use crate::error::EvalError;

/// An article body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FncBody {
    /// `Body ID`.
    pub id: u32,
    /// `articleBody`.
    pub body: String,
}

/// The stance of a body toward a headline.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Stance {
    /// The body supports the headline.
    Agree,
    /// The body refutes it.
    Disagree,
    /// The body discusses it without taking a position.
    Discuss,
    /// The body is about something else.
    Unrelated,
}

impl Stance {
    fn parse(s: &str) -> Option<Stance> {
        match s.trim() {
            "agree" => Some(Stance::Agree),
            "disagree" => Some(Stance::Disagree),
            "discuss" => Some(Stance::Discuss),
            "unrelated" => Some(Stance::Unrelated),
            _ => None,
        }
    }
}

/// One headline–body stance.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FncStance {
    /// The headline (the claim).
    pub headline: String,
    /// The body it is paired with.
    pub body_id: u32,
    /// The body's stance toward the headline.
    pub stance: Stance,
}

/// A body related to a headline, with its stance (never `Unrelated`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct RelatedBody {
    /// The body.
    pub body_id: u32,
    /// Its stance.
    pub stance: Stance,
}

/// A headline with the bodies related to it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct HeadlineGroup {
    /// The headline.
    pub headline: String,
    /// Its related bodies (stance other than unrelated), in file order.
    pub related: Vec<RelatedBody>,
}

/// Reads CSV records of `path`, checking the header, as (line, fields).
fn csv_rows(path: &Path, header: &[&str]) -> Result<Vec<(u64, Vec<String>)>, EvalError> {
    let mut rdr = csv::ReaderBuilder::new().has_headers(true).from_path(path).map_err(|e| EvalError::row(path, 0, e.to_string()))?;
    let got = rdr.headers().map_err(|e| EvalError::row(path, 1, e.to_string()))?;
    let got: Vec<&str> = got.iter().map(|h| h.trim_start_matches('\u{feff}')).collect();
    if got != header {
        return Err(EvalError::row(path, 1, format!("header {got:?}, expected {header:?}")));
    }
    let mut out = Vec::new();
    let mut rec = csv::StringRecord::new();
    loop {
        let line = rdr.position().line();
        match rdr.read_record(&mut rec) {
            Ok(false) => break,
            Ok(true) if rec.len() == header.len() => out.push((line, rec.iter().map(str::to_string).collect())),
            Ok(true) => return Err(EvalError::row(path, line, format!("{} fields, expected {}", rec.len(), header.len()))),
            Err(e) => return Err(EvalError::row(path, line, e.to_string())),
        }
    }
    Ok(out)
}

fn body_id(path: &Path, line: u64, s: &str) -> Result<u32, EvalError> {
    s.trim().parse().map_err(|_| EvalError::row(path, line, format!("Body ID {s:?} is not a number")))
}

/// Reads `train_bodies.csv` (`Body ID,articleBody`).
pub fn read_fnc_bodies(path: impl AsRef<Path>) -> Result<Vec<FncBody>, EvalError> {
    let path = path.as_ref();
    csv_rows(path, &["Body ID", "articleBody"])?
        .into_iter()
        .map(|(line, mut f)| Ok(FncBody { id: body_id(path, line, &f[0])?, body: std::mem::take(&mut f[1]) }))
        .collect()
}

/// Reads a stances file (`Headline,Body ID,Stance`).
pub fn read_fnc_stances(path: impl AsRef<Path>) -> Result<Vec<FncStance>, EvalError> {
    let path = path.as_ref();
    csv_rows(path, &["Headline", "Body ID", "Stance"])?
        .into_iter()
        .map(|(line, mut f)| {
            let stance =
                Stance::parse(&f[2]).ok_or_else(|| EvalError::row(path, line, format!("unknown stance {:?}", f[2])))?;
            Ok(FncStance { headline: std::mem::take(&mut f[0]), body_id: body_id(path, line, &f[1])?, stance })
        })
        .collect()
}

/// Groups stances by headline, in order of first appearance: every headline
/// with the bodies related to it (stance other than unrelated). Headlines
/// whose bodies are all unrelated are kept with an empty list; a body listed
/// twice for a headline is kept once (its first stance).
pub fn group_related(stances: &[FncStance]) -> Vec<HeadlineGroup> {
    let mut index: HashMap<&str, usize> = HashMap::new();
    let mut out: Vec<HeadlineGroup> = Vec::new();
    for s in stances {
        let i = *index.entry(&s.headline).or_insert_with(|| {
            out.push(HeadlineGroup { headline: s.headline.clone(), related: Vec::new() });
            out.len() - 1
        });
        let related = &mut out[i].related;
        if s.stance != Stance::Unrelated && !related.iter().any(|r| r.body_id == s.body_id) {
            related.push(RelatedBody { body_id: s.body_id, stance: s.stance });
        }
    }
    out
}

#[cfg(test)]
#[allow(clippy::expect_used)]
mod tests {
    use super::*;

    #[test]
    fn quoted_bodies_and_grouping() {
        let dir = std::env::temp_dir();
        let b = dir.join(format!("crosscheck-eval-fnc-b-{}.csv", std::process::id()));
        std::fs::write(&b, "Body ID,articleBody\n0,\"line one,\n\"\"two\"\"\"\n7,plain\n").ok();
        let bodies = read_fnc_bodies(&b).expect("reads");
        assert_eq!(bodies[0].body, "line one,\n\"two\"");
        assert_eq!(bodies[1].id, 7);
        let s = dir.join(format!("crosscheck-eval-fnc-s-{}.csv", std::process::id()));
        std::fs::write(&s, "Headline,Body ID,Stance\nH1,0,agree\nH2,0,unrelated\nH1,7,disagree\n").ok();
        let groups = group_related(&read_fnc_stances(&s).expect("reads"));
        assert_eq!(groups.len(), 2);
        assert_eq!(groups[0].related.iter().map(|r| r.stance).collect::<Vec<_>>(), vec![Stance::Agree, Stance::Disagree]);
        assert!(groups[1].related.is_empty());
        std::fs::write(&s, "Headline,Body ID,Stance\nH1,0,agree\nH2,x,agree\n").ok();
        let err = read_fnc_stances(&s).err().map(|e| e.to_string()).unwrap_or_default();
        assert!(err.contains(".csv:3: Body ID \"x\""), "{err}");
    }
}
