//! HTML to main text, keeping a map back to the original bytes.
//!
//! The page is parsed with `tl`. Text is taken from the main content element
//! (`<article>`, else `<main>`, else `<body>`), skipping elements that never
//! hold article prose (scripts, styles, navigation, headers, footers, forms,
//! figure captions). Block elements become blank-line breaks so the layout
//! stage sees paragraphs; entities are decoded and whitespace collapsed, each
//! output byte range recorded against the bytes it came from.

use crate::offsets::OffsetMap;

/// The text and metadata read from an HTML page.
#[derive(Debug, Clone, Default)]
pub struct HtmlText {
    /// The main text, paragraphs separated by blank lines.
    pub text: String,
    /// Positions in `text` to byte positions in the page.
    pub map: OffsetMap,
    /// `<title>` or `og:title`.
    pub title: Option<String>,
    /// `og:site_name` or `application-name`.
    pub site_name: Option<String>,
    /// `article:published_time`, `<time datetime>` or `date` meta, as written.
    pub published: Option<String>,
}

const SKIPPED: &[&str] = &[
    "script", "style", "noscript", "nav", "header", "footer", "aside", "form", "button", "svg", "iframe",
    "template", "head", "figcaption", "select", "menu", "object", "canvas",
];

const BLOCKS: &[&str] = &[
    "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "article", "section", "main", "blockquote",
    "tr", "table", "figure", "pre", "dd", "dt", "dl", "address", "hr", "body", "html",
];

/// Why a page could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HtmlProblem(pub String);

/// Reduces an HTML page to its main text.
pub fn html_to_text(page: &str) -> Result<HtmlText, HtmlProblem> {
    let dom = tl::parse(page, tl::ParserOptions::default()).map_err(|e| HtmlProblem(e.to_string()))?;
    let parser = dom.parser();
    let mut out = HtmlText::default();
    read_metadata(&dom, parser, &mut out);
    let root = main_element(&dom, parser);
    let mut writer = Writer { page, text: String::new(), map: OffsetMap::default() };
    let roots: Vec<tl::NodeHandle> = match root {
        Some(h) => vec![h],
        None => dom.children().to_vec(),
    };
    walk(&roots, parser, &mut writer);
    out.text = writer.text.trim_end().to_string();
    out.map = writer.map;
    Ok(out)
}

fn tag_name(tag: &tl::HTMLTag<'_>) -> String {
    tag.name().as_utf8_str().to_ascii_lowercase()
}

fn main_element(dom: &tl::VDom<'_>, parser: &tl::Parser<'_>) -> Option<tl::NodeHandle> {
    for wanted in ["article", "main", "body"] {
        let found = dom.nodes().iter().position(|n| n.as_tag().is_some_and(|t| tag_name(t) == wanted));
        if let Some(i) = found {
            let handle = tl::NodeHandle::new(u32::try_from(i).ok()?);
            if handle.get(parser).is_some() {
                return Some(handle);
            }
        }
    }
    None
}

fn read_metadata(dom: &tl::VDom<'_>, parser: &tl::Parser<'_>, out: &mut HtmlText) {
    for node in dom.nodes() {
        let Some(tag) = node.as_tag() else { continue };
        let attr = |k: &str| tag.attributes().get(k).flatten().map(|b| decode_entities(&b.as_utf8_str()));
        match tag_name(tag).as_str() {
            "title" if out.title.is_none() => {
                let t = tag.inner_text(parser).trim().to_string();
                if !t.is_empty() {
                    out.title = Some(decode_entities(&t));
                }
            }
            "meta" => {
                let key = attr("property").or_else(|| attr("name")).unwrap_or_default().to_ascii_lowercase();
                let content = attr("content");
                match key.as_str() {
                    "og:site_name" | "application-name" => out.site_name = out.site_name.take().or(content),
                    "og:title" => out.title = out.title.take().or(content),
                    "article:published_time" | "date" | "pubdate" | "dc.date" => {
                        out.published = out.published.take().or(content)
                    }
                    _ => {}
                }
            }
            "time" if out.published.is_none() => out.published = attr("datetime"),
            _ => {}
        }
    }
}

fn decode_entities(s: &str) -> String {
    html_escape::decode_html_entities(s).into_owned()
}

struct Writer<'a> {
    page: &'a str,
    text: String,
    map: OffsetMap,
}

enum Step {
    Enter(tl::NodeHandle),
    Break(usize),
}

fn walk(roots: &[tl::NodeHandle], parser: &tl::Parser<'_>, w: &mut Writer<'_>) {
    // An explicit stack: deeply nested pages must not overflow the call stack.
    let mut stack: Vec<Step> = roots.iter().rev().map(|h| Step::Enter(*h)).collect();
    while let Some(step) = stack.pop() {
        let handle = match step {
            Step::Break(at) => {
                w.paragraph_break(at);
                continue;
            }
            Step::Enter(h) => h,
        };
        match handle.get(parser) {
            Some(tl::Node::Raw(bytes)) => w.push_raw(bytes),
            Some(tl::Node::Tag(tag)) => {
                let name = tag_name(tag);
                if SKIPPED.contains(&name.as_str()) {
                    continue;
                }
                let end = tag.boundaries(parser).1;
                if name == "br" {
                    w.line_break(end);
                    continue;
                }
                let block = BLOCKS.contains(&name.as_str());
                if block {
                    w.paragraph_break(tag.boundaries(parser).0);
                    stack.push(Step::Break(end));
                }
                let children = tag.children();
                let kids: Vec<tl::NodeHandle> = children.top().iter().copied().collect();
                stack.extend(kids.into_iter().rev().map(Step::Enter));
            }
            _ => {}
        }
    }
}

impl Writer<'_> {
    fn offset_of(&self, bytes: &tl::Bytes<'_>) -> Option<usize> {
        let slice = bytes.as_bytes_borrowed()?;
        let base = self.page.as_ptr() as usize;
        let at = (slice.as_ptr() as usize).checked_sub(base)?;
        (at + slice.len() <= self.page.len()).then_some(at)
    }

    /// `at` moved forward to the next character boundary of the page: tl
    /// works on bytes and can cut inside a character (after `<!DOCTYPE` it
    /// skips one byte, the first of "é" in `<!DOCTYPEé`).
    fn boundary(&self, at: usize) -> usize {
        let mut at = at.min(self.page.len());
        while !self.page.is_char_boundary(at) {
            at += 1;
        }
        at
    }

    fn push_raw(&mut self, bytes: &tl::Bytes<'_>) {
        let Some(at) = self.offset_of(bytes) else { return };
        let (start, end) = (self.boundary(at), self.boundary(at + bytes.as_bytes().len()));
        let Some(raw) = self.page.get(start..end) else { return };
        let mut i = 0;
        while i < raw.len() {
            let rest = &raw[i..];
            let Some(ch) = rest.chars().next() else { break };
            if ch.is_whitespace() {
                let run = rest.len() - rest.trim_start().len();
                self.push_space(start + i..start + i + run);
                i += run;
            } else if ch == '&' {
                let len = entity_len(rest);
                let decoded = decode_entities(&rest[..len]);
                self.push(&decoded, start + i..start + i + len);
                i += len;
            } else {
                let len = ch.len_utf8();
                self.push(&rest[..len], start + i..start + i + len);
                i += len;
            }
        }
    }

    fn push(&mut self, s: &str, orig: std::ops::Range<usize>) {
        let at = self.text.len();
        self.text.push_str(s);
        self.map.push(at..self.text.len(), orig);
    }

    fn push_space(&mut self, orig: std::ops::Range<usize>) {
        if self.text.is_empty() || self.text.ends_with(char::is_whitespace) {
            return;
        }
        self.push(" ", orig);
    }

    fn line_break(&mut self, at: usize) {
        let at = self.boundary(at);
        self.trim_trailing_space();
        if !self.text.is_empty() && !self.text.ends_with('\n') {
            self.push("\n", at..at);
        }
    }

    fn paragraph_break(&mut self, at: usize) {
        let at = self.boundary(at);
        self.trim_trailing_space();
        if self.text.is_empty() || self.text.ends_with("\n\n") {
            return;
        }
        let nl = if self.text.ends_with('\n') { "\n" } else { "\n\n" };
        self.push(nl, at..at);
    }

    fn trim_trailing_space(&mut self) {
        // A trailing space stays mapped; only drop it from the text when it is
        // the very last byte, keeping the map consistent by re-pushing.
        if self.text.ends_with(' ') {
            let at = self.text.len() - 1;
            self.text.truncate(at);
            self.map.truncate_clean(at);
        }
    }
}

/// Length of the entity at the start of `s` (`&amp;` → 5), or 1 for a bare `&`.
fn entity_len(s: &str) -> usize {
    let body = s.get(1..).unwrap_or("");
    let end = body.find(|c: char| !(c.is_ascii_alphanumeric() || c == '#')).unwrap_or(body.len());
    if end > 0 && end <= 32 && body[end..].starts_with(';') {
        end + 2
    } else {
        1
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn main_text_skips_scripts_and_navigation_and_maps_back() {
        let page = "<html><head><title>T &amp; U</title><meta property=\"og:site_name\" content=\"Daily\"></head>\
            <body><nav>Home | World</nav><article><h1>Big news</h1><p>The council met for <b>two</b> hours.</p>\
            <script>alert(1)</script><p>Fish &amp; chips were served.</p></article><footer>(c) Daily</footer></body></html>";
        let h = html_to_text(page).unwrap_or_default();
        assert_eq!(h.text, "Big news\n\nThe council met for two hours.\n\nFish & chips were served.");
        assert_eq!(h.title.as_deref(), Some("T & U"));
        assert_eq!(h.site_name.as_deref(), Some("Daily"));
        let at = h.text.find("Fish").unwrap_or(0);
        let span = h.map.to_original(at, h.text.len());
        assert_eq!(&page[span.start..span.end], "Fish &amp; chips were served.");
        let two = h.text.find("two").unwrap_or(0);
        let span = h.map.to_original(two, two + 3);
        assert_eq!(&page[span.start..span.end], "two");
    }

    /// Regression (fuzz target `html`): tl cut a text node inside "é"
    /// after `<!DOCTYPE`, and slicing the page there panicked.
    #[test]
    fn a_text_node_cut_inside_a_character_is_read_from_the_next_one() {
        for page in ["<!DOCTYPEéx>b", "<p>a</p><!DOCTYPE\u{FFFD}e Old html>b<br>ü<p>ß</p>"] {
            let Ok(h) = html_to_text(page) else { unreachable!("{page:?} is readable") };
            for (i, c) in h.text.char_indices() {
                let s = h.map.to_original(i, i + c.len_utf8());
                assert!(page.is_char_boundary(s.start) && page.is_char_boundary(s.end), "{page:?}: {c:?} → {s:?}");
            }
        }
    }

    #[test]
    fn deeply_nested_pages_do_not_overflow() {
        let page = format!("{}text{}", "<div>".repeat(20_000), "</div>".repeat(20_000));
        let h = html_to_text(&page).unwrap_or_default();
        assert_eq!(h.text, "text");
    }
}
