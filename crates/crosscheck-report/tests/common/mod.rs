//! A small, realistic report built by hand, shared by the integration tests.
//!
//! Three outlets cover one story (a phone call). `echo` is derived from
//! `reuters`; the outlets disagree on how long the call lasted; two claims
//! carry hostile text (HTML injection, a `javascript:` URL, an ANSI escape).
#![allow(dead_code)]

use std::collections::BTreeMap;

use chrono::NaiveDate;
use crosscheck_core::*;

/// The hostile fragments planted in article text and metadata.
pub const HOSTILE: [&str; 4] = ["<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "javascript:alert(1)", "\u{1b}[31m"];

/// Claims per article as (text, kind); offsets are computed as if the file
/// were the texts joined by blank lines.
fn texts() -> Vec<(&'static str, Vec<&'static str>)> {
    vec![
        ("echo", vec![
            "Trump and Putin spoke by phone on Wednesday.",
            "Their call went on for 90 minutes.",
            "The two leaders may meet in Saudi Arabia, sources say.",
            "Click <img src=x onerror=alert(1)> or javascript:alert(1) for \u{1b}[31mmore\u{1b}[0m, readers were told.",
        ]),
        ("reuters", vec![
            "Putin and Trump held a phone call on Wednesday",
            "The call lasted 90 minutes, the Kremlin said.",
            "The leaders agreed to meet in Saudi Arabia.",
        ]),
        ("tass", vec![
            "Putin and Trump held a phone call on Wednesday.",
            "The conversation lasted about two hours, according to Peskov.",
            "Officials said <script>alert(1)</script> the \"deal\", worth $5 billion, was final.",
        ]),
    ]
}

fn id(s: &str) -> ClaimId {
    ClaimId(s.to_string())
}

fn aid(s: &str) -> ArticleId {
    ArticleId(s.to_string())
}

fn date(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

fn claims() -> Vec<Claim> {
    let mut out = Vec::new();
    for (article, list) in texts() {
        let mut offset = 0;
        for (i, text) in list.iter().enumerate() {
            let span = Span { start: offset, end: offset + text.len() };
            offset += text.len() + 2;
            out.push(Claim {
                id: ClaimId::new(&aid(article), i + 1),
                article: aid(article),
                span,
                text: text.to_string(),
                kind: if i == 0 && article == "reuters" { ClaimKind::Headline } else { ClaimKind::Body },
                attribution: None,
                mode: AttributionMode::OutletStatement,
                entities: Vec::new(),
                quantities: Vec::new(),
                negated: false,
                hedged: false,
                paragraph: i,
                part_of: None,
                resolved_text: None,
            });
        }
    }
    enrich(&mut out);
    out
}

/// Adds attribution, entities and quantities so every optional field of the
/// schema is exercised.
fn enrich(claims: &mut [Claim]) {
    for c in claims.iter_mut() {
        match c.id.0.as_str() {
            "reuters#2" => {
                c.mode = AttributionMode::ReportedSpeech;
                c.attribution = Some(Attribution {
                    speaker: "the Kremlin".into(),
                    speaker_key: "kremlin".into(),
                    speaker_span: Some(Span { start: c.span.start + 32, end: c.span.start + 39 }),
                    cue: "said".into(),
                    via: None,
                    mode: AttributionMode::ReportedSpeech,
                });
                c.quantities.push(Quantity {
                    text: "90 minutes".into(),
                    span: Span { start: c.span.start + 16, end: c.span.start + 26 },
                    kind: QuantityKind::Duration,
                    value: Some(Interval::point(5400.0)),
                    unit: Some(Unit::Seconds),
                    date: None,
                });
            }
            "tass#2" => {
                c.quantities.push(Quantity {
                    text: "about two hours".into(),
                    span: Span { start: c.span.start + 25, end: c.span.start + 40 },
                    kind: QuantityKind::Duration,
                    value: Some(Interval { low: 6300.0, high: Some(8100.0), low_open: true, high_open: false }),
                    unit: Some(Unit::Seconds),
                    date: None,
                });
                c.attribution = Some(Attribution {
                    speaker: "Peskov".into(),
                    speaker_key: "peskov".into(),
                    speaker_span: None,
                    cue: "according to".into(),
                    via: Some("TASS".into()),
                    mode: AttributionMode::ReportedSpeech,
                });
            }
            "reuters#1" => {
                c.entities.push(Entity {
                    text: "Putin".into(),
                    span: Span { start: c.span.start, end: c.span.start + 5 },
                    kind: EntityKind::Person,
                    key: "putin".into(),
                    role: Some(Role { key: "russia|president".into(), title: "president".into(), qualifier: None, of: Some("russia".into()) }),
                });
                c.quantities.push(Quantity {
                    text: "Wednesday".into(),
                    span: Span { start: c.span.start + 37, end: c.span.start + 46 },
                    kind: QuantityKind::Date,
                    value: None,
                    unit: None,
                    date: Some(DateValue { start: date(2025, 2, 12).unwrap_or_default(), end: None, rule: "weekday-before-publication".into() }),
                });
            }
            "tass#3" => {
                c.quantities.push(Quantity {
                    text: "$5 billion".into(),
                    span: Span { start: c.span.start + 59, end: c.span.start + 69 },
                    kind: QuantityKind::Money,
                    value: Some(Interval::point(5e9)),
                    unit: Some(Unit::Money("USD".into())),
                    date: None,
                });
            }
            "echo#3" => c.hedged = true,
            _ => {}
        }
    }
}

fn articles() -> Vec<Article> {
    vec![
        Article {
            id: aid("echo"),
            path: "story/echo.md".into(),
            format: Format::Markdown,
            outlet: Inferred::from("Daily \"Echo\" & Co".to_string(), Source::Credit).with_evidence("— Daily \"Echo\" & Co staff"),
            published: Inferred::unknown(),
            title: Some("Trump, Putin talk <script>alert(1)</script>".into()),
            credits: vec![Credit { kind: CreditKind::Reference, text: "Source: Reuters".into(), span: Span { start: 300, end: 315 }, names: vec!["reuters".into()] }],
            duplicate_of: None,
            bytes: 320,
        },
        Article {
            id: aid("reuters"),
            path: "story/reuters.txt".into(),
            format: Format::Text,
            outlet: Inferred::from("Reuters".to_string(), Source::Manifest),
            published: Inferred { value: date(2025, 2, 13), source: Source::Manifest, evidence: None },
            title: Some("Putin and Trump held a phone call on Wednesday".into()),
            credits: Vec::new(),
            duplicate_of: None,
            bytes: 140,
        },
        Article {
            id: aid("tass"),
            path: "story/tass.html".into(),
            format: Format::Html,
            outlet: Inferred::from("TASS".to_string(), Source::HtmlMeta).with_evidence("<meta property=\"og:site_name\" content=\"TASS\">"),
            published: Inferred { value: date(2025, 2, 13), source: Source::Dateline, evidence: Some("MOSCOW, February 13. /TASS/".into()) },
            title: None,
            credits: Vec::new(),
            duplicate_of: None,
            bytes: 2048,
        },
    ]
}

fn occ(claim: &str, outlet: &str, relation: EdgeKind) -> Occurrence {
    let article = claim.split('#').next().unwrap_or_default();
    Occurrence { claim: id(claim), article: aid(article), outlet: outlet.into(), relation }
}

const ECHO: &str = "Daily \"Echo\" & Co";

fn cluster(n: usize, status: ClusterStatus, occurrences: Vec<Occurrence>, independent: usize, reason: &str) -> Cluster {
    let mut outlets: Vec<String> = Vec::new();
    for o in &occurrences {
        if !outlets.contains(&o.outlet) {
            outlets.push(o.outlet.clone());
        }
    }
    let mut claims: Vec<ClaimId> = occurrences.iter().map(|o| o.claim.clone()).collect();
    claims.sort();
    let mut articles: Vec<ArticleId> = occurrences.iter().map(|o| o.article.clone()).collect();
    articles.sort();
    articles.dedup();
    let representative = occurrences.first().map(|o| o.claim.clone()).unwrap_or_else(|| id("?"));
    let summary = texts()
        .into_iter()
        .flat_map(|(a, l)| l.into_iter().enumerate().map(move |(i, t)| (format!("{a}#{}", i + 1), t)))
        .find(|(cid, _)| *cid == representative.0)
        .map(|(_, t)| t.to_string())
        .unwrap_or_default();
    Cluster {
        id: ClusterId(format!("C{n}")),
        status,
        disputed: false,
        representative,
        summary,
        claims,
        articles,
        outlets,
        independent_sources: independent,
        occurrences,
        reason: reason.into(),
    }
}

fn clusters() -> Vec<Cluster> {
    use ClusterStatus::*;
    use EdgeKind::*;
    let mut c2 = cluster(2, Corroborated, vec![occ("reuters#2", "Reuters", Verbatim), occ("tass#2", "TASS", Conflict), occ("echo#2", ECHO, Paraphrase)], 2, "stated by 2 independent outlets (Reuters, TASS); Daily \"Echo\" & Co derives from Reuters");
    c2.disputed = true;
    vec![
        cluster(1, Corroborated, vec![occ("reuters#1", "Reuters", Verbatim), occ("tass#1", "TASS", Verbatim), occ("echo#1", ECHO, Paraphrase)], 2, "stated by 2 independent outlets (Reuters, TASS)"),
        c2,
        cluster(3, Paraphrased, vec![occ("reuters#3", "Reuters", Verbatim), occ("echo#3", ECHO, Paraphrase)], 1, "2 articles, but echo derives from reuters: 1 independent origin"),
        cluster(4, SingleSourced, vec![occ("tass#3", "TASS", Verbatim)], 1, "stated by TASS only"),
        cluster(5, SingleSourced, vec![occ("echo#4", ECHO, Verbatim)], 1, "stated by Daily \"Echo\" & Co only"),
    ]
}

fn edge(source: &str, target: &str, kind: EdgeKind, score: f64, rule: &str) -> Edge {
    let features: BTreeMap<String, f64> =
        [("token_jaccard".to_string(), score - 0.1), ("entity_overlap".to_string(), 1.0)].into_iter().collect();
    Edge { source: id(source), target: id(target), kind, score, features: features.into(), rule: rule.into() }
}

fn edges() -> Vec<Edge> {
    use EdgeKind::*;
    vec![
        edge("reuters#1", "tass#1", Verbatim, 0.97, "token overlap ≥ 0.9"),
        edge("echo#1", "reuters#1", Paraphrase, 0.84, "score ≥ 0.7, same entities"),
        edge("echo#1", "tass#1", Paraphrase, 0.81, "score ≥ 0.7, same entities"),
        edge("reuters#2", "tass#2", Conflict, 0.78, "same subject and predicate, durations 90 min vs about 2 h do not overlap"),
        edge("echo#2", "reuters#2", Paraphrase, 0.8, "score ≥ 0.7, same duration"),
        edge("echo#3", "reuters#3", Paraphrase, 0.76, "score ≥ 0.7, same entities"),
    ]
}

/// The sample report.
pub fn sample() -> Report {
    Report {
        schema_version: SCHEMA_VERSION.to_string(),
        generator: "crosscheck 0.1.0".into(),
        story: "story/".into(),
        articles: articles(),
        claims: claims(),
        edges: edges(),
        clusters: clusters(),
        disputes: vec![Dispute {
            id: "D1".into(),
            cluster: Some(ClusterId("C2".into())),
            claims: vec![id("echo#2"), id("reuters#2"), id("tass#2")],
            kind: DisputeKind::Number,
            detail: "call duration: 90 minutes vs about two hours".into(),
            sides: vec![
                DisputeSide { reading: "90 minutes".into(), claims: vec![id("echo#2"), id("reuters#2")] },
                DisputeSide { reading: "about two hours".into(), claims: vec![id("tass#2")] },
            ],
        }],
        derivations: vec![Derivation {
            article: aid("echo"),
            derived_from: aid("reuters"),
            evidence: vec!["credit line \"Source: Reuters\"".into(), "3 of 4 claims paraphrase reuters in the same order".into()],
            score: 0.86,
        }],
        diagnostics: vec![Diagnostic::warning("story/echo.md", "no publication date found; left unknown").at("line 1")],
    }
}
