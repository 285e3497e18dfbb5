//! Prints the classified blocks and sentences of a story: a debugging aid
//! for the layout rules. `cargo run -p crosscheck-text --example blocks -- DIR`
use std::path::Path;

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: blocks STORY");
        std::process::exit(2);
    };
    let story = match crosscheck_text::load_story(Path::new(&path), &Default::default()) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("error: {e}");
            std::process::exit(1);
        }
    };
    for d in &story.diagnostics {
        eprintln!("diagnostic: {d:?}");
    }
    for doc in &story.documents {
        let a = &doc.article;
        println!("=== {} outlet={:?} ({:?}) published={:?} ({:?}) title={:?}", a.id, a.outlet.value, a.outlet.source, a.published.value, a.published.source, a.title);
        for c in &a.credits {
            println!("  credit {:?} {:?}", c.kind, c.names);
        }
        for b in &doc.blocks {
            let text = &doc.text[b.range.clone()];
            let short: String = text.chars().take(90).collect();
            println!("[{:?}] {}", b.kind, short.replace('\n', "⏎"));
            if b.sentences.len() > 1 {
                for s in &b.sentences {
                    let t: String = doc.text[s.clone()].chars().take(70).collect();
                    println!("      · {}", t.replace('\n', "⏎"));
                }
            }
        }
    }
}
