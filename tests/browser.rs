//! The HTML report in a real browser: headless Chromium loads the page,
//! runs its script and dumps the resulting DOM.
//!
//! - The seed story's report shows the coverage matrix, the disputes and
//!   the outlet graph.
//! - A report built from hostile articles runs none of their markup: no
//!   element is created from article text, an injected script that would
//!   retitle the page does not, and an `onerror` handler never fires.
//!
//! Without `/usr/bin/chromium` the tests print a loud SKIP and pass, unless
//! `CROSSCHECK_REQUIRE_CHROMIUM=1` (set by `.ci/run` after installing it).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

use support::{hostile, shared_seeds, TestDir};

const CHROMIUM: &str = "/usr/bin/chromium";
const BROWSER_TIMEOUT: Duration = Duration::from_secs(120);

/// The browser, or `None` after a loud SKIP; a hard failure when the
/// environment requires it.
fn chromium(what: &str) -> Option<PathBuf> {
    let path = Path::new(CHROMIUM);
    if path.exists() {
        return Some(path.to_path_buf());
    }
    if std::env::var("CROSSCHECK_REQUIRE_CHROMIUM").is_ok_and(|v| v == "1") {
        panic!("{CHROMIUM} is missing but CROSSCHECK_REQUIRE_CHROMIUM=1; install it with `apt-get install -y chromium`");
    }
    eprintln!("\n*** SKIP ({what}): {CHROMIUM} not found; install chromium to run the browser tests ***\n");
    None
}

/// Loads `page` in headless Chromium and returns the DOM after its scripts ran.
fn dump_dom(browser: &Path, page: &Path) -> String {
    let profile = tempfile::tempdir().expect("profile dir");
    let child = Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--no-first-run",
            "--disable-dev-shm-usage",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .arg("--dump-dom")
        .arg(format!("file://{}", page.display()))
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start chromium");
    let pid = child.id();
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(child.wait_with_output());
    });
    let Ok(output) = rx.recv_timeout(BROWSER_TIMEOUT) else {
        let _ = Command::new("kill").arg("-9").arg(pid.to_string()).status();
        panic!("chromium did not finish within {BROWSER_TIMEOUT:?}");
    };
    let output = output.expect("chromium output");
    let dom = String::from_utf8_lossy(&output.stdout).into_owned();
    assert!(
        dom.contains("</html>"),
        "chromium dumped no DOM (status {:?}):\n{}",
        output.status,
        String::from_utf8_lossy(&output.stderr)
    );
    dom
}

/// The text between the first `<title>` and `</title>`.
fn title(dom: &str) -> &str {
    let start = dom.find("<title>").map(|i| i + "<title>".len()).unwrap_or(0);
    let end = dom[start..].find("</title>").map(|i| start + i).unwrap_or(start);
    &dom[start..end]
}

#[test]
fn seed_report_shows_matrix_disputes_and_graph_in_a_browser() {
    let Some(seeds) = shared_seeds("browser rendering of the seed story") else { return };
    let Some(browser) = chromium("browser rendering of the seed story") else { return };
    let dir = TestDir::new();
    let story = dir.copy_dir(&seeds, "seeds");
    dir.run(&["check", story.to_str().expect("path"), "--out", "seeds.html"]).ok();
    let dom = dump_dom(&browser, &dir.join("seeds.html"));
    assert!(dom.contains("<table id=\"matrix\""), "coverage matrix");
    let rows = dom.matches("<tr").count();
    assert!(rows > 10, "the matrix has rows ({rows})");
    assert!(dom.contains("id=\"disputes\"") && dom.contains("class=\"dispute\""), "disputes section with disputes");
    assert!(dom.contains("<svg id=\"graph\"") && dom.matches("<circle").count() >= 2, "outlet graph with nodes");
    assert!(dom.contains("id=\"filter-status\""), "filter controls");
}

#[test]
fn hostile_report_runs_no_article_markup_in_a_browser() {
    let Some(browser) = chromium("browser safety of the hostile report") else { return };
    let dir = TestDir::new();
    let story = dir.copy_dir(&hostile(), "hostile");
    // Payloads with an effect a DOM dump can see, beside data/hostile's alerts.
    dir.write(
        "hostile/trap.txt",
        "Harbour vote sparks debate\n\n\
         The council voted on Tuesday to switch off the harbour lights <script>document.title='PWNED'</script> at midnight.\n\n\
         A councillor said the saving would reach 120,000 euros <img src=x onerror=\"document.title='PWNED';document.body.setAttribute('data-pwned','1')\"> a year.\n\n\
         The clerk said the decision <svg onload=\"document.title='PWNED'\"></svg> can be read online.\n",
    );
    dir.run(&["check", story.to_str().expect("path"), "--out", "hostile.html"]).ok();
    let html = std::fs::read_to_string(dir.join("hostile.html")).expect("report");
    assert!(html.contains("&lt;script&gt;"), "the hostile text is on the page, escaped");
    let dom = dump_dom(&browser, &dir.join("hostile.html"));
    assert!(!title(&dom).contains("PWNED"), "an article's script ran: title {:?}", title(&dom));
    assert!(!dom.contains("data-pwned=\"1\""), "an article's onerror handler ran");
    assert!(!dom.contains("<img"), "an <img> element was created from article text");
    assert!(!dom.contains("<script>alert") && !dom.contains("<script>document"), "article script element in the DOM");
    assert!(!dom.to_ascii_lowercase().contains("href=\"javascript:"), "a javascript: link");
    assert!(dom.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "the text is shown as text");
}
