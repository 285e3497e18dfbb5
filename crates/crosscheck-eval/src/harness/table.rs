//! The harness's result: sections of figures, each with its anchor, the
//! command that produced it and its floor, rendered for a terminal or as the
//! markdown blocks of `docs/accuracy.md`.

use std::fmt::Write as _;

use serde::Serialize;

use super::floors::{floor_of, Bound};

/// How a figure is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Unit {
    /// A share in 0–1 shown with three decimals, as score.py prints it.
    Rate,
    /// A share in 0–1 shown as a percentage with two decimals.
    Percent,
    /// A correlation coefficient, three decimals.
    Correlation,
    /// A whole number.
    Count,
}

impl Unit {
    /// `value` written in this unit.
    pub fn format(self, value: f64) -> String {
        match self {
            Unit::Rate | Unit::Correlation => format!("{value:.3}"),
            Unit::Percent => format!("{:.2} %", 100.0 * value),
            Unit::Count => format!("{value:.0}"),
        }
    }
}

/// One figure.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Row {
    /// Stable key (`seed.pair_f1`), used by the floors and by callers.
    pub key: String,
    /// What is measured, in words.
    pub label: String,
    /// The figure, unrounded (shares in 0–1).
    pub value: f64,
    /// How to show it.
    pub unit: Unit,
    /// The reference point from `shared/corpora/README.md` (or the
    /// baseline measured beside it); empty when there is none.
    pub anchor: String,
}

impl Row {
    /// A row.
    pub fn new(key: impl Into<String>, label: impl Into<String>, value: f64, unit: Unit, anchor: impl Into<String>) -> Row {
        Row { key: key.into(), label: label.into(), value, unit, anchor: anchor.into() }
    }

    /// The value as shown.
    pub fn shown(&self) -> String {
        self.unit.format(self.value)
    }

    /// The floor (or ceiling) of this figure from [`super::FLOORS`], as shown.
    pub fn floor_shown(&self) -> String {
        match floor_of(&self.key) {
            Some(Bound::AtLeast(x)) => format!("≥ {}", self.unit.format(x)),
            Some(Bound::AtMost(x)) => format!("≤ {}", self.unit.format(x)),
            None => String::new(),
        }
    }
}

/// A group of figures measured together on one corpus.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Section {
    /// Marker name of the section's block in `docs/accuracy.md` (`seed`, `matching`, …).
    pub id: String,
    /// Heading (`Seed story`, `ECB+ cross-document matching`).
    pub title: String,
    /// The command that produced the figures, from the workspace root.
    pub command: String,
    /// The figures.
    pub rows: Vec<Row>,
    /// Markdown shown after the figures in the docs (a detail table); empty when none.
    pub detail: String,
    /// One-line remarks (sample sizes, what was restricted, honest comparisons).
    pub notes: Vec<String>,
    /// Wall-clock seconds the section took.
    pub seconds: f64,
    /// CPU seconds (all threads) the section took, where measurable.
    pub cpu_seconds: Option<f64>,
}

impl Section {
    /// An empty section.
    pub fn new(id: &str, title: &str, command: &str) -> Section {
        Section {
            id: id.to_string(),
            title: title.to_string(),
            command: command.to_string(),
            rows: Vec::new(),
            detail: String::new(),
            notes: Vec::new(),
            seconds: 0.0,
            cpu_seconds: None,
        }
    }

    /// "12.3 s" or "12.3 s wall, 20.1 s CPU".
    pub fn runtime(&self) -> String {
        runtime(self.seconds, self.cpu_seconds)
    }

    /// The section's docs block: figures table, notes, command, runtime.
    pub fn markdown(&self) -> String {
        let mut s = String::from("| measure | value | anchor | floor |\n|---|---:|---|---:|\n");
        for r in &self.rows {
            let _ = writeln!(s, "| {} | **{}** | {} | {} |", r.label, r.shown(), or_dash(&r.anchor), or_dash(&r.floor_shown()));
        }
        if !self.detail.is_empty() {
            let _ = write!(s, "\n{}", self.detail);
        }
        if !self.notes.is_empty() {
            s.push('\n');
            for n in &self.notes {
                let _ = writeln!(s, "- {n}");
            }
        }
        let _ = write!(s, "\nProduced by `{}` ({}).\n", self.command, self.runtime());
        s
    }
}

fn runtime(wall: f64, cpu: Option<f64>) -> String {
    match cpu {
        Some(c) => format!("{wall:.1} s wall, {c:.1} s CPU"),
        None => format!("{wall:.1} s"),
    }
}

fn or_dash(s: &str) -> &str {
    if s.is_empty() {
        "—"
    } else {
        s
    }
}

/// Everything a harness run measured, and what it could not measure.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Table {
    /// `quick`, `all`, `gold` or a combination (`all+gold`).
    pub mode: String,
    /// The sections, in run order.
    pub sections: Vec<Section>,
    /// One `SKIPPED: …` line per measure whose data is missing.
    pub skipped: Vec<String>,
    /// Wall-clock seconds of the whole run.
    pub seconds: f64,
    /// CPU seconds (all threads) of the whole run, where measurable.
    pub cpu_seconds: Option<f64>,
}

impl Table {
    /// The figure with key `key`, when it was measured.
    pub fn figure(&self, key: &str) -> Option<f64> {
        self.rows().find(|r| r.key == key).map(|r| r.value)
    }

    /// Every row of every section.
    pub fn rows(&self) -> impl Iterator<Item = &Row> {
        self.sections.iter().flat_map(|s| &s.rows)
    }

    /// The section with marker name `id`.
    pub fn section(&self, id: &str) -> Option<&Section> {
        self.sections.iter().find(|s| s.id == id)
    }

    /// Rows whose figure is below its floor (or above its ceiling).
    pub fn below_floor(&self) -> Vec<&Row> {
        self.rows().filter(|r| floor_of(&r.key).is_some_and(|b| !b.holds(r.value))).collect()
    }

    /// A plain-text table for a terminal: one line per figure with its
    /// anchor and floor, section commands and runtimes, then the skips.
    pub fn terminal(&self) -> String {
        let w_label = self.rows().map(|r| r.label.chars().count()).max().unwrap_or(0).max(7);
        let w_value = self.rows().map(|r| r.shown().chars().count()).max().unwrap_or(0).max(5);
        let w_floor = self.rows().map(|r| r.floor_shown().chars().count()).max().unwrap_or(0).max(5);
        let mut s = String::new();
        let _ = writeln!(s, "crosscheck accuracy ({}, {})", self.mode, runtime(self.seconds, self.cpu_seconds));
        for sec in &self.sections {
            let _ = writeln!(s, "\n== {} ({}) — {}", sec.title, sec.runtime(), sec.command);
            let _ = writeln!(s, "  {:<w_label$}  {:>w_value$}  {:<w_floor$}  anchor", "measure", "value", "floor");
            for r in &sec.rows {
                let mark = if floor_of(&r.key).is_some_and(|b| !b.holds(r.value)) { " BELOW FLOOR" } else { "" };
                let _ = writeln!(
                    s,
                    "  {:<w_label$}  {:>w_value$}  {:<w_floor$}  {}{mark}",
                    r.label,
                    r.shown(),
                    r.floor_shown(),
                    r.anchor
                );
            }
            for n in &sec.notes {
                let _ = writeln!(s, "  * {n}");
            }
        }
        for k in &self.skipped {
            let _ = writeln!(s, "\n{k}");
        }
        s
    }

    /// The whole table as markdown: one heading and block per section
    /// (what [`super::docs::write_docs`] splices into `docs/accuracy.md`).
    pub fn markdown(&self) -> String {
        let mut s = String::new();
        for sec in &self.sections {
            let _ = write!(s, "### {}\n\n{}\n", sec.title, sec.markdown());
        }
        for k in &self.skipped {
            let _ = writeln!(s, "{k}\n");
        }
        s
    }
}

impl std::fmt::Display for Table {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.terminal())
    }
}
