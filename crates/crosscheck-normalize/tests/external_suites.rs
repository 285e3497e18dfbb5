//! External suites (Recognizers-Text, Duckling) read from ../shared/corpora at
//! run time. Each file's pass rate must stay at or above its floor.

use crosscheck_normalize::suites::{corpora_dir, markdown_table, suite_report, FileReport};

fn reports() -> Option<Vec<FileReport>> {
    let dir = corpora_dir();
    if !dir.exists() {
        eprintln!("SKIPPED: ../shared/corpora missing");
        return None;
    }
    match suite_report(&dir) {
        Ok(r) => Some(r),
        Err(e) => {
            eprintln!("SKIPPED: cannot read suites: {e}");
            None
        }
    }
}

fn check(file: &str, floor: f64) {
    let Some(reports) = reports() else { return };
    let Some(r) = reports.iter().find(|r| r.file == file) else {
        eprintln!("SKIPPED: {file} missing");
        return;
    };
    eprintln!("{file}: {}/{} in scope = {:.1} %; failures: {:#?}", r.passed, r.in_scope, r.rate(), r.failures);
    assert!(r.rate() >= floor, "{file}: {:.1} % < floor {floor} %", r.rate());
}

#[test]
fn print_table() {
    if let Some(r) = reports() {
        println!("{}", markdown_table(&r));
    }
}

#[test]
fn recognizers_duration_extractor() {
    check("DateTime__English__DurationExtractor.json", 99.0);
}
#[test]
fn recognizers_duration_parser() {
    check("DateTime__English__DurationParser.json", 99.0);
}
#[test]
fn recognizers_number_model() {
    check("Number__English__NumberModel.json", 94.0);
}
#[test]
fn recognizers_ordinal_model() {
    check("Number__English__OrdinalModel.json", 87.0);
}
#[test]
fn recognizers_percent_model() {
    check("Number__English__PercentModel.json", 83.0);
}
#[test]
fn recognizers_number_range_model() {
    check("Number__English__NumberRangeModel.json", 60.0);
}
#[test]
fn duckling_duration() {
    check("Duration__EN__Corpus.hs", 96.0);
}
#[test]
fn duckling_numeral() {
    check("Numeral__EN__Corpus.hs", 92.0);
}
