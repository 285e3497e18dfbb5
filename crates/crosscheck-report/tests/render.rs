//! Behaviour of every renderer on a hand-built sample report (see
//! `common/mod.rs`): the JSON matches the published schema, hostile article
//! text stays inert in HTML, Markdown, CSV, GraphML, DOT and the terminal,
//! and the text outputs are pinned by snapshots.

mod common;

use std::error::Error;

use crosscheck_report::{render, terminal, Format};

type TestResult = Result<(), Box<dyn Error>>;

mod json_schema {
    use super::*;

    fn schema() -> Result<serde_json::Value, Box<dyn Error>> {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../docs/report.schema.json");
        Ok(serde_json::from_str(&std::fs::read_to_string(path)?)?)
    }

    fn errors(schema: &serde_json::Value, instance: &serde_json::Value) -> Result<Vec<String>, Box<dyn Error>> {
        let validator = jsonschema::validator_for(schema).map_err(|e| e.to_string())?;
        Ok(validator.iter_errors(instance).map(|e| format!("{} at {}", e, e.instance_path())).collect())
    }

    #[test]
    fn the_schema_is_a_valid_2020_12_schema() -> TestResult {
        let schema = schema()?;
        assert_eq!(schema["$schema"], "https://json-schema.org/draft/2020-12/schema");
        assert!(jsonschema::meta::is_valid(&schema));
        Ok(())
    }

    #[test]
    fn sample_report_validates() -> TestResult {
        let json: serde_json::Value = serde_json::from_str(&render(&common::sample(), Format::Json))?;
        let errors = errors(&schema()?, &json)?;
        assert!(errors.is_empty(), "{errors:#?}");
        Ok(())
    }

    #[test]
    fn empty_report_validates() -> TestResult {
        let mut report = common::sample();
        report.claims.clear();
        report.articles.clear();
        report.clusters.clear();
        report.edges.clear();
        report.disputes.clear();
        report.derivations.clear();
        report.diagnostics.clear();
        let json: serde_json::Value = serde_json::from_str(&render(&report, Format::Json))?;
        assert!(errors(&schema()?, &json)?.is_empty());
        Ok(())
    }

    #[test]
    fn schema_rejects_wrong_spellings_and_unknown_fields() -> TestResult {
        let schema = schema()?;
        let good: serde_json::Value = serde_json::from_str(&render(&common::sample(), Format::Json))?;
        let mut bad = good.clone();
        bad["clusters"][3]["status"] = "single_sourced".into();
        assert!(!errors(&schema, &bad)?.is_empty(), "snake_case status must be rejected");
        let mut bad = good.clone();
        bad["disputes"][0]["kind"] = "Number".into();
        assert!(!errors(&schema, &bad)?.is_empty(), "enum values are kebab-case");
        let mut bad = good;
        bad["claims"][0]["span"]["offset"] = 3.into();
        assert!(!errors(&schema, &bad)?.is_empty(), "unknown fields are rejected");
        Ok(())
    }

    #[test]
    fn json_round_trips_to_the_same_report() -> TestResult {
        let report = common::sample();
        let back: crosscheck_report::Report = serde_json::from_str(&render(&report, Format::Json))?;
        assert_eq!(back, report);
        Ok(())
    }
}

mod html {
    use super::*;

    fn page() -> String {
        render(&common::sample(), Format::Html)
    }

    /// Every tag of the page, as the text between `<` and `>`.
    fn tags(html: &str) -> Vec<&str> {
        html.split('<').skip(1).map(|t| t.split('>').next().unwrap_or_default()).collect()
    }

    /// The elements this renderer writes; anything else came from input.
    const ELEMENTS: &[&str] = &[
        "!DOCTYPE", "html", "head", "meta", "title", "style", "body", "header", "h1", "h2", "h3", "h4", "p", "nav",
        "a", "section", "ul", "li", "b", "i", "div", "label", "select", "option", "span", "table", "thead", "tbody",
        "tr", "th", "td", "details", "summary", "q", "mark", "article", "blockquote", "footer", "svg", "defs",
        "marker", "path", "line", "g", "circle", "text", "code", "script",
    ];

    /// The attributes the renderer writes; an event handler, `src` or
    /// `style` attribute would have come from input.
    const ATTRIBUTES: &[&str] = &[
        "lang", "charset", "http-equiv", "content", "name", "href", "id", "class", "value", "title", "data-type",
        "data-key", "data-status", "data-disputed", "data-outlets", "data-outlet", "xmlns", "viewBox", "width",
        "height", "role", "aria-label", "refX", "refY", "markerWidth", "markerHeight", "orient", "d", "x1", "y1",
        "x2", "y2", "stroke-width", "stroke-dasharray", "marker-end", "cx", "cy", "r", "x", "y", "text-anchor",
    ];

    /// The `name="value"` pairs of a tag (the renderer always double-quotes).
    fn attributes(tag: &str) -> Vec<(&str, &str)> {
        let mut out = Vec::new();
        let mut rest = tag.split_once(' ').map_or("", |(_, r)| r).trim_end_matches('/');
        while let Some((name, after)) = rest.trim_start().split_once('=') {
            let after = after.strip_prefix('"').unwrap_or(after);
            let (value, next) = after.split_once('"').unwrap_or((after, ""));
            out.push((name.trim(), value));
            rest = next;
        }
        assert!(rest.trim().is_empty() || tag.starts_with('!'), "unparsed attribute text {rest:?} in <{tag}>");
        out
    }

    #[test]
    fn article_markup_is_escaped() {
        let html = page();
        assert_eq!(html.matches("<script").count(), 1, "only the page's own script");
        assert!(!html.contains("<script>alert"));
        assert!(!html.contains("<img"));
        for tag in tags(&html) {
            let name = tag.trim_start_matches('/').split([' ', '\n']).next().unwrap_or_default();
            assert!(ELEMENTS.contains(&name), "unexpected element <{tag}>");
            for (attr, value) in attributes(tag) {
                assert!(ATTRIBUTES.contains(&attr), "unexpected attribute {attr} in <{tag}>");
                assert!(!value.contains('<') && !value.contains('"'), "unescaped value in <{tag}>");
                if attr == "href" {
                    assert!(value.starts_with('#'), "only in-page links: {value}");
                }
            }
        }
        assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assert!(html.contains("&lt;img src=x onerror=alert(1)&gt;"));
        assert!(!html.contains('\u{1b}'), "control characters are dropped");
    }

    #[test]
    fn article_text_never_reaches_urls_or_handlers() {
        let html = page();
        for href in html.split("href=\"").skip(1) {
            assert!(href.starts_with('#'), "only in-page links: {}", &href[..href.len().min(40)]);
        }
        assert!(!html.contains("href=\"javascript"));
        assert!(tags(&html).iter().flat_map(|t| attributes(t)).all(|(a, _)| a != "src"), "nothing is loaded");
        let lower = html.to_ascii_lowercase();
        assert!(!lower.contains(" onclick=") && !lower.contains(" onload="), "no inline handlers at all");
        let script = html.split("<script>").nth(1).unwrap_or_default();
        assert!(!script.contains("Reuters") && !script.contains("alert"), "no report data in the script");
    }

    #[test]
    fn quotes_in_attributes_are_escaped() {
        let html = page();
        assert!(html.contains("title=\"Daily &quot;Echo&quot; &amp; Co"), "outlet name in an attribute");
        assert!(!html.contains("title=\"Daily \"Echo\""));
    }

    #[test]
    fn page_is_self_contained() {
        let html = page();
        assert!(html.contains("Content-Security-Policy"));
        assert!(!html.contains("http://") || html.matches("http://").count() == html.matches("http://www.w3.org/2000/svg").count());
        assert!(!html.contains("https://"));
        assert!(!html.contains("@import") && !html.contains("url(http"));
    }

    #[test]
    fn has_the_stable_ids() {
        let html = page();
        for needle in ["<table id=\"matrix\"", "id=\"disputes\"", "<svg id=\"graph\"", "id=\"derivations\"", "id=\"filter-status\"", "id=\"filter-outlet\""] {
            assert!(html.contains(needle), "missing {needle}");
        }
    }

    #[test]
    fn matrix_rows_carry_filter_data_and_evidence() {
        let html = page();
        assert_eq!(html.matches("<tr data-status=").count(), 5);
        assert!(html.contains("<tr data-status=\"corroborated\" data-disputed=\"true\" data-outlets=\"o0 o1 o2\">"));
        assert!(html.contains("<tr data-status=\"single-sourced\" data-disputed=\"false\" data-outlets=\"o2\">"));
        assert_eq!(html.matches("<details>").count(), 5);
        // echo#1 shares "Putin", "Trump", "phone" and "Wednesday" with reuters#1.
        assert!(html.contains("<mark>Putin</mark>") && html.contains("<mark>Wednesday</mark>"));
        assert!(!html.contains("<mark>on</mark>"), "stopwords are not highlighted");
        assert!(html.contains("class=\"cov-contradicts\""), "TASS contradicts the duration");
    }

    #[test]
    fn multi_article_clusters_come_first() {
        let html = page();
        let pos = |id: &str| html.find(&format!("<td data-key=\"{id}\">")).unwrap_or(usize::MAX);
        let rows: Vec<usize> = (0..5).map(|i| pos(&i.to_string())).collect();
        assert!(rows.windows(2).all(|w| w[0] < w[1]));
        let c3 = html.find(">C3</td>").unwrap_or(usize::MAX);
        let c4 = html.find(">C4</td>").unwrap_or(0);
        assert!(c3 < c4);
    }

    #[test]
    fn graph_has_outlets_shared_lines_and_a_dashed_derivation() {
        let html = page();
        assert_eq!(html.matches("<g class=\"outlet\"").count(), 3);
        assert_eq!(html.matches("<line class=\"shared\"").count(), 3);
        assert!(html.contains("<title>Reuters — TASS: 2 shared cluster(s)</title>"));
        assert!(html.contains("<line class=\"derivation\"") && html.contains("stroke-dasharray"));
    }

    #[test]
    fn disputes_quote_both_sides_with_the_reading_marked() {
        let html = page();
        let section = html.split("id=\"disputes\"").nth(1).unwrap_or_default();
        assert!(section.contains("The call lasted <mark>90 minutes</mark>"));
        assert!(section.contains("The conversation lasted <mark>about two hours</mark>"));
    }
}

mod csv_output {
    use super::*;

    #[test]
    fn round_trips_through_a_csv_reader() -> TestResult {
        let report = common::sample();
        let text = render(&report, Format::Csv);
        let mut reader = csv::Reader::from_reader(text.as_bytes());
        assert_eq!(reader.headers()?.iter().collect::<Vec<_>>(), crosscheck_report::csv::HEADER);
        let rows: Vec<csv::StringRecord> = reader.records().collect::<Result<_, _>>()?;
        assert_eq!(rows.len(), 10, "one row per occurrence");
        for row in &rows {
            let claim = report.claims.iter().find(|c| c.id.0 == row[4]).ok_or("unknown claim")?;
            assert_eq!(&row[8], claim.text, "text survives quoting unchanged");
            assert_eq!(row[6].parse::<usize>()?, claim.span.start);
            assert_eq!(row[7].parse::<usize>()?, claim.span.end);
        }
        assert!(rows.iter().any(|r| &r[2] == "Daily \"Echo\" & Co"));
        Ok(())
    }

    #[test]
    fn quoting_follows_rfc_4180() {
        let text = render(&common::sample(), Format::Csv);
        assert!(text.contains("\"Daily \"\"Echo\"\" & Co\""), "quotes are doubled inside quoted fields");
        assert!(text.contains("\"The call lasted 90 minutes, the Kremlin said.\""), "fields with commas are quoted");
        assert!(text.ends_with("\r\n") && text.lines().count() == 11);
    }

    #[test]
    fn unclustered_claims_still_get_a_row() -> TestResult {
        let mut report = common::sample();
        report.clusters.retain(|c| c.id.0 != "C5");
        let text = render(&report, Format::Csv);
        let mut reader = csv::Reader::from_reader(text.as_bytes());
        let rows: Vec<csv::StringRecord> = reader.records().collect::<Result<_, _>>()?;
        let row = rows.iter().find(|r| &r[4] == "echo#4").ok_or("echo#4 lost")?;
        assert_eq!((&row[0], &row[1]), ("", ""));
        Ok(())
    }
}

mod graphs {
    use super::*;
    use quick_xml::events::Event;

    #[test]
    fn graphml_is_well_formed_xml() -> TestResult {
        let xml = render(&common::sample(), Format::Graphml);
        let mut reader = quick_xml::Reader::from_str(&xml);
        let (mut nodes, mut edges, mut depth) = (0, 0, 0i32);
        loop {
            match reader.read_event()? {
                Event::Start(e) => {
                    depth += 1;
                    let qname = e.name();
                    let name: &str = qname.as_ref();
                    nodes += usize::from(name == "node");
                    edges += usize::from(name == "edge");
                    for a in e.attributes() {
                        a?;
                    }
                }
                Event::Empty(e) => {
                    for a in e.attributes() {
                        a?;
                    }
                }
                Event::End(_) => depth -= 1,
                Event::GeneralRef(r) => {
                    let name = r.into_inner();
                    assert!(["lt", "gt", "amp", "quot", "apos"].contains(&name.as_ref()), "entity {name}");
                }
                Event::Eof => break,
                _ => {}
            }
        }
        assert_eq!(depth, 0, "balanced");
        assert_eq!(nodes, 3 + 10, "3 outlets and 10 claims");
        assert_eq!(edges, 6 + 10 + 1, "scored edges, memberships, one derivation");
        assert!(!xml.contains('\u{1b}'), "XML 1.0 cannot carry ESC");
        assert!(xml.contains("&lt;script&gt;") && !xml.contains("<script"));
        Ok(())
    }

    #[test]
    fn graphml_carries_attributes() {
        let xml = render(&common::sample(), Format::Graphml);
        assert!(xml.contains("<key id=\"e_score\" for=\"edge\" attr.name=\"score\" attr.type=\"double\"/>"));
        assert!(xml.contains("<node id=\"claim:tass#2\">"));
        assert!(xml.contains("<data key=\"e_kind\">conflict</data>"));
        assert!(xml.contains("<data key=\"n_status\">single-sourced</data>"));
        assert!(xml.contains("<node id=\"outlet:Daily &quot;Echo&quot; &amp; Co\">"));
    }

    #[test]
    fn dot_escapes_quotes_and_backslashes() {
        let mut report = common::sample();
        if let Some(c) = report.claims.first_mut() {
            c.text = "A \\N trick and a \"quote\"\nacross lines".into();
        }
        let dot = render(&report, Format::Dot);
        assert!(dot.starts_with("digraph crosscheck {") && dot.trim_end().ends_with('}'));
        assert!(dot.contains("\"outlet:Daily \\\"Echo\\\" & Co\""));
        assert!(dot.contains("A \\\\N trick and a \\\"quote\\\" across lines"));
        assert!(dot.contains("\"claim:reuters#2\" -> \"claim:tass#2\" [kind=\"conflict\", score=\"0.780\""));
        assert!(dot.contains("\"outlet:Daily \\\"Echo\\\" & Co\" -> \"outlet:Reuters\" [kind=\"derived-from\""));
        assert!(!dot.contains('\u{1b}'));
        // Every line but the braces is one statement; no string was broken open.
        for line in dot.lines().skip(3).filter(|l| *l != "}") {
            assert!(line.ends_with("];"), "{line}");
            assert_eq!(line.replace("\\\\", "").replace("\\\"", "").matches('"').count() % 2, 0, "{line}");
        }
    }
}

mod text_outputs {
    use super::*;

    fn no_foreign_escapes(out: &str) {
        let mut rest = out.to_string();
        for code in terminal::PALETTE {
            rest = rest.replace(code, "");
        }
        assert!(!rest.contains('\u{1b}'), "an escape sequence not from the palette: {rest:?}");
        assert!(!out.contains("\u{1b}[31m"), "the article's own colour code");
        assert!(!out.contains("[31m"), "no residue of the article's sequence");
    }

    #[test]
    fn markdown_snapshot() {
        insta::assert_snapshot!("markdown", render(&common::sample(), Format::Md));
    }

    #[test]
    fn markdown_escapes_html_and_table_pipes() {
        let mut report = common::sample();
        if let Some(c) = report.clusters.iter_mut().find(|c| c.id.0 == "C4") {
            c.summary = "a | b <b>bold</b>".into();
        }
        let md = render(&report, Format::Md);
        assert!(md.contains("a \\| b \\<b\\>bold\\</b\\>"));
        assert!(md.contains("Click \\<img src=x onerror=alert(1)\\>"));
        let unescaped = md.char_indices().filter(|(i, c)| *c == '<' && !md[..*i].ends_with('\\')).count();
        assert_eq!(unescaped, 0, "every < is backslash-escaped, so no raw HTML");
        assert!(!md.contains('\u{1b}'));
    }

    #[test]
    fn markdown_matrix_cells() {
        let md = render(&common::sample(), Format::Md);
        assert!(md.contains("| Cluster | Status | Claim | Daily \"Echo\" \\& Co | Reuters | TASS |"));
        assert!(md.contains("| C2 | corroborated, disputed | The call lasted 90 minutes, the Kremlin said. | ≈ | ✔ | ✘ |"));
        assert!(md.contains("| C3 | paraphrased | The leaders agreed to meet in Saudi Arabia. | ≈ | ✔ |  |"));
    }

    #[test]
    fn terminal_snapshots() -> TestResult {
        let report = common::sample();
        insta::assert_snapshot!("summary", terminal::summary(&report, false));
        insta::assert_snapshot!("disputes", terminal::disputes(&report, false));
        insta::assert_snapshot!("inspect_cluster", terminal::inspect(&report, "C2", false)?);
        insta::assert_snapshot!("inspect_claim", terminal::inspect(&report, "tass#2", false)?);
        Ok(())
    }

    #[test]
    fn terminal_output_strips_article_escapes() -> TestResult {
        let report = common::sample();
        for color in [false, true] {
            no_foreign_escapes(&terminal::summary(&report, color));
            no_foreign_escapes(&terminal::disputes(&report, color));
            no_foreign_escapes(&terminal::inspect(&report, "C5", color)?);
            no_foreign_escapes(&terminal::inspect(&report, "echo#4", color)?);
        }
        let plain = terminal::inspect(&report, "echo#4", false)?;
        assert!(plain.contains("for more, readers were told"), "{plain}");
        assert!(!plain.contains('\u{1b}'), "no colour at all without color");
        Ok(())
    }

    #[test]
    fn colour_is_added_only_on_request() -> TestResult {
        let report = common::sample();
        assert!(terminal::summary(&report, true).contains("\u{1b}[32mcorroborated"));
        let disputes = terminal::disputes(&report, true);
        assert!(disputes.contains("\u{1b}[1;31m90\u{1b}[0m \u{1b}[1;31mminutes\u{1b}[0m, the Kremlin"), "{disputes}");
        let plain = terminal::disputes(&report, false);
        assert!(plain.contains("The call lasted »90 minutes«, the Kremlin said."), "{plain}");
        assert!(plain.contains("lasted »about two hours«,"), "{plain}");
        Ok(())
    }

    #[test]
    fn inspect_unknown_id_is_a_typed_error() {
        let err = terminal::inspect(&common::sample(), "C99", false).err().map(|e| e.to_string()).unwrap_or_default();
        assert!(err.contains("\"C99\"") && err.contains("cluster id such as C1"), "{err}");
    }
}
