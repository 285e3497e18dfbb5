//! The shipped model files parse to exactly the numbers written in them,
//! whatever else the build compiles: a last-bit difference in one weight
//! once flipped a tie between two cluster representatives, so that
//! `cargo build` and `cargo test` binaries wrote different reports.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use crosscheck_match::{Model, SemanticModel};

/// The numbers of the JSON array `"name": [ … ]` in `text`, each parsed by
/// the standard library (correctly rounded).
fn array(text: &str, name: &str) -> Vec<f64> {
    let start = text.find(&format!("\"{name}\": [")).unwrap_or_else(|| panic!("no {name} array"));
    let body = &text[start..];
    let body = &body[body.find('[').unwrap() + 1..body.find(']').unwrap()];
    body.split(',').map(|n| n.trim().parse::<f64>().unwrap()).collect()
}

fn check(text: &str, model: &Model) {
    for (name, parsed) in [("means", &model.means), ("scales", &model.scales), ("weights", &model.weights)] {
        let exact = array(text, name);
        assert_eq!(exact.len(), parsed.len(), "{name}");
        for (i, (e, p)) in exact.iter().zip(parsed.iter()).enumerate() {
            assert_eq!(e.to_bits(), p.to_bits(), "{name}[{i}]: written {e}, parsed {p}");
        }
    }
}

#[test]
fn lexical_weights_parse_exactly() {
    let text = include_str!("../model/weights.json");
    check(text, &Model::from_json(text).unwrap());
}

#[test]
fn semantic_weights_parse_exactly() {
    let text = include_str!("../model/weights-semantic.json");
    check(text, SemanticModel::from_json(text).unwrap().model());
}
