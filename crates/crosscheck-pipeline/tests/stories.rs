//! Small hand-written stories through the whole pipeline, one rule each:
//! role phrases resolved across a story (an outlet that writes "the Finnish
//! president" states the same fact as one that writes "Lehtonen"),
//! quotations that are not provenance, and disputes over a portfolio
//! office or between common-noun sources ("police said" / "according to
//! the hospital").

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use chrono::NaiveDate;
use crosscheck_core::{DisputeKind, EntityKind, Format, Report, Source};
use crosscheck_pipeline::{check_story, Options, SemanticMode};
use crosscheck_text::{document_from_text, Document, Overrides, Story};

fn article(id: &str, text: &str) -> Document {
    let overrides = Overrides {
        id: None,
        outlet: Some(id.to_string()),
        published: NaiveDate::from_ymd_opt(2025, 5, 14),
        title: None,
        source: Source::Manifest,
    };
    document_from_text(id, text, Format::Text, &overrides).unwrap()
}

fn check(documents: Vec<Document>) -> Report {
    let story = Story { path: "stories".to_string(), documents, diagnostics: Vec::new() };
    check_story(&story, &Options { semantic: SemanticMode::Off, ..Options::default() }).unwrap()
}

fn claim_with<'r>(report: &'r Report, article: &str, words: &str) -> &'r crosscheck_core::Claim {
    report
        .claims
        .iter()
        .find(|c| c.article.0 == article && c.text.contains(words))
        .unwrap_or_else(|| panic!("no claim of {article} contains {words:?}"))
}

fn cluster_of(report: &Report, claim: &crosscheck_core::Claim) -> String {
    report.clusters.iter().find(|c| c.claims.contains(&claim.id)).map(|c| c.id.to_string()).unwrap_or_default()
}

#[test]
fn a_role_phrase_reads_as_the_person_another_outlet_names() {
    let report = check(vec![
        article(
            "alpha",
            "Talks in Oslo\n\nFinnish President Aino Lehtonen met Estonian Prime Minister Kaarel Tamm in Oslo on Tuesday.\n\n\
             Lehtonen invited Tamm to visit Helsinki in the autumn.\n",
        ),
        article(
            "beta",
            "Leaders meet\n\nThe two leaders held talks in Oslo on Tuesday.\n\n\
             The Finnish president invited her Estonian counterpart to visit Helsinki in the autumn.\n",
        ),
    ]);
    let beta = claim_with(&report, "beta", "invited her Estonian counterpart");
    assert_eq!(beta.resolved_text.as_deref(), Some("Lehtonen invited Tamm to visit Helsinki in the autumn."));
    let people: Vec<&str> = beta.entities.iter().filter(|e| e.kind == EntityKind::Person).map(|e| e.text.as_str()).collect();
    assert_eq!(people, ["The Finnish president", "her Estonian counterpart"]);
    let alpha = claim_with(&report, "alpha", "Lehtonen invited Tamm");
    assert_eq!(cluster_of(&report, alpha), cluster_of(&report, beta), "{:#?}", report.clusters);
}

#[test]
fn an_office_two_people_hold_in_the_story_stays_unresolved() {
    let report = check(vec![
        article("alpha", "Visit\n\nPresident Aino Lehtonen opened the new bridge in Turku on Tuesday.\n"),
        article("beta", "Visit\n\nPresident Kaarel Tamm opened a school in Tartu on Tuesday.\n"),
        article("gamma", "Visit\n\nThe president opened the new bridge in Turku on Tuesday.\n"),
    ]);
    let gamma = claim_with(&report, "gamma", "opened the new bridge");
    assert_eq!(gamma.resolved_text, None);
}

/// Two outlets that quote the same statement at length, each in its own
/// narrative, are two reports of it: neither is derived from the other,
/// and the quoted facts are corroborated.
#[test]
fn shared_quotations_do_not_make_a_copy() {
    let quotes = "\"We will reopen the northern border crossing on Monday,\" Lehtonen said.\n\n\
                  \"Trucks will be checked at the gate and buses will pass without delay,\" Lehtonen said.\n\n\
                  \"The ferry line to Tallinn stays closed until the storm has passed,\" Lehtonen said.\n";
    let report = check(vec![
        article("alpha", &format!("Border news\n\nFinnish President Aino Lehtonen spoke in Turku on Tuesday.\n\n{quotes}")),
        article("beta", &format!("Crossing to reopen\n\nLehtonen addressed reporters at the harbour after a cabinet meeting.\n\n{quotes}")),
    ]);
    assert!(report.derivations.is_empty(), "{:#?}", report.derivations);
    let quoted = claim_with(&report, "beta", "reopen the northern border crossing");
    let cluster = report.clusters.iter().find(|c| c.claims.contains(&quoted.id)).expect("every claim has a cluster");
    assert_eq!(cluster.independent_sources, 2, "{cluster:#?}");
}

#[test]
fn a_former_holder_of_a_portfolio_office_is_a_role_dispute() {
    let report = check(vec![
        article("alpha", "Bridge inquiry\n\nTransport Minister Jonas Falk visited the collapsed bridge on Tuesday afternoon.\n"),
        article("beta", "Inquiry promised\n\nFormer Transport Minister Jonas Falk visited the collapsed bridge on Tuesday.\n"),
    ]);
    let roles: Vec<String> = report.disputes.iter().filter(|d| d.kind == DisputeKind::Role).map(|d| d.detail.clone()).collect();
    assert_eq!(roles.len(), 1, "{:#?}", report.disputes);
    assert!(roles[0].contains("former transport minister vs transport minister"), "{roles:?}");
}

#[test]
fn numbers_from_different_common_noun_sources_are_an_attribution_dispute() {
    let report = check(vec![
        article("alpha", "Bridge collapse\n\nTwelve people were killed when the Tessa river bridge collapsed in Lorvik, police said.\n"),
        article(
            "beta",
            "Lorvik toll rises\n\nFifteen people were killed when the Tessa river bridge collapsed in Lorvik, according to the local hospital.\n",
        ),
    ]);
    let alpha = claim_with(&report, "alpha", "police said");
    let beta = claim_with(&report, "beta", "local hospital");
    assert_eq!(alpha.attribution.as_ref().map(|a| a.speaker.as_str()), Some("police"));
    assert_eq!(beta.attribution.as_ref().map(|a| a.speaker.as_str()), Some("the local hospital"));
    let kinds: Vec<DisputeKind> =
        report.disputes.iter().filter(|d| d.claims.contains(&alpha.id) && d.claims.contains(&beta.id)).map(|d| d.kind).collect();
    assert_eq!(kinds, [DisputeKind::Attribution], "{:#?}", report.disputes);
}

#[test]
fn two_days_for_one_event_are_a_date_dispute() {
    let report = check(vec![
        article("alpha", "Bridge collapse\n\nThe Tessa river bridge in Lorvik collapsed on Tuesday morning during heavy rain.\n"),
        article("beta", "Lorvik bridge\n\nThe Tessa river bridge in Lorvik collapsed on Wednesday morning during heavy rain.\n"),
    ]);
    let kinds: Vec<DisputeKind> = report.disputes.iter().map(|d| d.kind).collect();
    assert_eq!(kinds, [DisputeKind::Date], "{:#?}", report.disputes);
}

#[test]
fn one_office_given_to_two_people_is_a_name_dispute() {
    let report = check(vec![
        article("alpha", "Talks\n\nBritish Foreign Secretary Helen Marsh met the delegation in Geneva on Tuesday.\n"),
        article("beta", "Talks\n\nBritish Foreign Secretary Tom Reid met the delegation in Geneva on Tuesday.\n"),
        article("gamma", "Visit\n\nPresident Aino Lehtonen opened the new bridge in Turku on Tuesday.\n"),
        article("delta", "Visit\n\nPresident Kaarel Tamm opened a school in Tartu on Tuesday.\n"),
    ]);
    let names: Vec<&str> = report.disputes.iter().filter(|d| d.kind == DisputeKind::Name).map(|d| d.detail.as_str()).collect();
    // Presidents of no named country may be of two countries: no dispute.
    assert_eq!(names, ["the uk foreign secretary is named differently: Helen Marsh vs Tom Reid"], "{:#?}", report.disputes);
}

#[test]
fn a_wire_dateline_credits_the_agency_and_stays_out_of_the_claim() {
    let wire = "Storm hits Lorvik\n\nA powerful storm cut power to 40,000 homes in the coastal town of Lorvik on Monday, the grid operator said.\n\n\
                Schools in the region will stay closed until Thursday, the regional council said.\n\n\
                The storm is expected to weaken by Wednesday, the national weather service said.\n";
    let copy = "Lorvik storm\n\nLORVIK, Norway (Reuters) - A powerful storm cut power to 40,000 homes in the coastal town of Lorvik on Monday, the grid operator said.\n\n\
                Local shops stayed shut as fallen trees blocked the main road into the town centre.\n\n\
                Ferry crossings to the islands were cancelled for a second day in a row.\n\n\
                Volunteers handed out blankets and hot meals at the sports hall near the harbour.\n\n\
                Schools in the region will stay closed until Thursday, the regional council said.\n";
    // Two of the copy's five claims match: too few for an uncredited copy
    // (half), enough for a credited one.
    let report = check(vec![article("reuters", wire), article("daily", copy)]);
    let first = claim_with(&report, "daily", "powerful storm");
    assert!(first.text.starts_with("A powerful storm"), "{:?}", first.text);
    let derived: Vec<(&str, &str)> = report.derivations.iter().map(|d| (d.article.0.as_str(), d.derived_from.0.as_str())).collect();
    assert_eq!(derived, [("daily", "reuters")], "{:#?}", report.derivations);
}

#[test]
fn identical_subheadings_are_not_a_fact_reported_twice() {
    let report = check(vec![
        article(
            "alpha",
            "Port strike ends\n\nDock workers in Rotterdam ended their strike on Tuesday after nine days.\n\n\
             Talks to resume\n\nThe union and the port authority will meet again in March to discuss wages.\n",
        ),
        article(
            "beta",
            "Rotterdam strike over\n\nDock workers in Rotterdam ended their nine-day strike on Tuesday.\n\n\
             Talks to resume\n\nUnion leaders said the wage dispute itself remains unresolved.\n",
        ),
    ]);
    let (a, b) = (claim_with(&report, "alpha", "Talks to resume"), claim_with(&report, "beta", "Talks to resume"));
    assert_eq!(a.kind, crosscheck_core::ClaimKind::Subheading);
    assert_ne!(cluster_of(&report, a), cluster_of(&report, b), "a heading labels its section; it is not matched");
    let (x, y) = (claim_with(&report, "alpha", "ended their strike"), claim_with(&report, "beta", "ended their nine-day"));
    assert_eq!(cluster_of(&report, x), cluster_of(&report, y), "the sentences under the headings still match");
}
