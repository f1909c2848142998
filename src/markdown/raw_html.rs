//! The raw HTML content may use, decided on tokens of html5ever's spec
//! tokenizer (tag names lowercased, character references decoded), never on
//! the source text: an allowlist of elements and attributes, with the
//! addresses in `href` and `src` handed to the URL policy by the caller.
//! Source text is searched only to say where a refused token starts.

use html5ever::tendril::StrTendril;
use html5ever::tokenizer::states::RawKind;
use html5ever::tokenizer::{BufferQueue, Tag, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts};
use std::cell::RefCell;

use super::MARK;

/// Elements raw HTML may use, each with the attributes it may carry besides
/// [`GLOBAL_ATTRIBUTES`]. Nothing here runs script, loads from elsewhere
/// (`img src` must name a file of the site) or is read as raw text.
pub const ELEMENTS: &[(&str, &[&str])] = &[
    ("a", &["href"]),
    ("abbr", &[]),
    ("b", &[]),
    ("bdi", &[]),
    ("bdo", &[]),
    ("blockquote", &[]),
    ("br", &[]),
    ("caption", &[]),
    ("cite", &[]),
    ("code", &[]),
    ("col", &["span"]),
    ("colgroup", &["span"]),
    ("dd", &[]),
    ("del", &["datetime"]),
    ("details", &["open"]),
    ("dfn", &[]),
    ("div", &[]),
    ("dl", &[]),
    ("dt", &[]),
    ("em", &[]),
    ("figcaption", &[]),
    ("figure", &[]),
    ("hr", &[]),
    ("i", &[]),
    ("img", &["src", "alt", "width", "height"]),
    ("ins", &["datetime"]),
    ("kbd", &[]),
    ("li", &["value"]),
    ("mark", &[]),
    ("ol", &["start", "type", "reversed"]),
    ("p", &[]),
    ("pre", &[]),
    ("q", &[]),
    ("rp", &[]),
    ("rt", &[]),
    ("ruby", &[]),
    ("s", &[]),
    ("samp", &[]),
    ("small", &[]),
    ("span", &[]),
    ("strong", &[]),
    ("sub", &[]),
    ("summary", &[]),
    ("sup", &[]),
    ("table", &[]),
    ("tbody", &[]),
    ("td", &["colspan", "rowspan"]),
    ("tfoot", &[]),
    ("th", &["colspan", "rowspan", "scope"]),
    ("thead", &[]),
    ("time", &["datetime"]),
    ("tr", &[]),
    ("u", &[]),
    ("ul", &[]),
    ("var", &[]),
    ("wbr", &[]),
];

/// Attributes every allowed element may carry.
pub const GLOBAL_ATTRIBUTES: &[&str] = &["class", "dir", "lang", "title"];

/// An address in an allowed `href` or `src`, for the caller to check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AddressUse {
    /// Byte offset of the attribute in the inspected text.
    pub offset: usize,
    /// `href` (of `<a>`) or `src` (of `<img>`).
    pub attribute: &'static str,
    /// The value, character references decoded.
    pub value: String,
}

/// What [`inspect`] found in a piece of raw HTML.
#[derive(Debug, Default)]
pub struct Inspection {
    /// Refusals, each at a byte offset of the inspected text.
    pub problems: Vec<(usize, String)>,
    pub addresses: Vec<AddressUse>,
}

/// Tokenizes `html` as a browser does and checks every token against the
/// allowlist. `html` is one run of raw HTML: an HTML block, or one inline tag.
pub fn inspect(html: &str) -> Inspection {
    let tokenizer = Tokenizer::new(Collector::default(), TokenizerOpts::default());
    let queue = BufferQueue::default();
    let mut walk = Walk { html, cursor: 0, malformed: false, found: Inspection::default() };
    // Fed up to each `>`, the tokenizer emits a tag exactly when the piece
    // ending with its `>` arrives: that gives the tag's end, and its start is
    // the first `<name` after the previous tag or comment.
    let mut start = 0;
    for end in html.match_indices('>').map(|(i, _)| i + 1).chain([html.len()]) {
        if end > start {
            queue.push_back(StrTendril::from_slice(&html[start..end]));
            let _ = tokenizer.feed(&queue);
            walk.tokens(tokenizer.sink.tokens.take(), end);
            start = end;
        }
    }
    tokenizer.end();
    walk.tokens(tokenizer.sink.tokens.take(), html.len());
    walk.found
}

/// Keeps the tokens, and switches the tokenizer into the raw text states a
/// browser's tree builder would, so that what follows a refused `<script>`
/// or `<title>` is read as the browser reads it.
#[derive(Default)]
struct Collector {
    tokens: RefCell<Vec<Token>>,
}

impl TokenSink for Collector {
    type Handle = ();

    fn process_token(&self, token: Token, _line: u64) -> TokenSinkResult<()> {
        let switch = match &token {
            Token::TagToken(Tag { kind: TagKind::StartTag, name, .. }) => match &**name {
                "script" => TokenSinkResult::RawData(RawKind::ScriptData),
                "style" | "xmp" | "iframe" | "noembed" | "noframes" | "noscript" => {
                    TokenSinkResult::RawData(RawKind::Rawtext)
                }
                "textarea" | "title" => TokenSinkResult::RawData(RawKind::Rcdata),
                "plaintext" => TokenSinkResult::Plaintext,
                _ => TokenSinkResult::Continue,
            },
            _ => TokenSinkResult::Continue,
        };
        self.tokens.borrow_mut().push(token);
        switch
    }
}

struct Walk<'h> {
    html: &'h str,
    /// Where the next tag or comment starts at the earliest.
    cursor: usize,
    /// Whether a parse error was reported: one per run, the rest follow from it.
    malformed: bool,
    found: Inspection,
}

impl Walk<'_> {
    /// Checks tokens emitted by the piece of input that ends at `end`.
    fn tokens(&mut self, tokens: Vec<Token>, end: usize) {
        for token in tokens {
            match token {
                Token::TagToken(tag) if tag.kind == TagKind::StartTag => {
                    self.start_tag(&tag, end);
                    self.cursor = end;
                }
                Token::TagToken(_) | Token::CommentToken(_) => self.cursor = end,
                Token::DoctypeToken(_) => {
                    let at = self.next_from_cursor("<");
                    self.problem(at, "`<!DOCTYPE>` is not allowed in content; remove it".to_owned());
                    self.cursor = end;
                }
                Token::CharacterTokens(text) if text.contains(MARK) => {
                    let at = self.next_from_cursor("&");
                    self.problem(at, marker_message());
                }
                Token::NullCharacterToken => {
                    let at = self.next_from_cursor("\0");
                    self.problem(at, "a NUL character is not allowed in content; remove it".to_owned());
                }
                Token::ParseError(error) if !self.malformed => {
                    self.malformed = true;
                    let at = self.next_from_cursor("<");
                    self.problem(at, malformed_message(&error));
                }
                _ => {}
            }
        }
    }

    fn start_tag(&mut self, tag: &Tag, end: usize) {
        let start = tag_start(self.html, self.cursor, &tag.name).unwrap_or(self.cursor);
        let span = &self.html[start..end.max(start)];
        let Some((_, allowed)) = ELEMENTS.iter().find(|(name, _)| *name == &*tag.name) else {
            self.problem(start, element_message(&tag.name));
            return;
        };
        let mut has_alt = false;
        for attribute in &tag.attrs {
            let name = &*attribute.name.local;
            let value = &*attribute.value;
            let at = start + attribute_offset(span, name).unwrap_or(0);
            if !(GLOBAL_ATTRIBUTES.contains(&name) || allowed.contains(&name)) {
                self.problem(at, attribute_message(&tag.name, name, allowed));
            } else if value.contains(MARK) {
                self.problem(at, marker_message());
            } else if matches!(name, "href" | "src") {
                let attribute = if name == "href" { "href" } else { "src" };
                self.found.addresses.push(AddressUse { offset: at, attribute, value: value.to_owned() });
            }
            has_alt |= name == "alt" && !value.trim().is_empty();
        }
        if &*tag.name == "img" && !has_alt {
            self.problem(
                start,
                "`<img>` has no alt text; describe the image: <img alt=\"what the image shows\" src=\"...\">"
                    .to_owned(),
            );
        }
    }

    fn next_from_cursor(&self, needle: &str) -> usize {
        self.html[self.cursor..].find(needle).map_or(self.cursor, |i| self.cursor + i)
    }

    fn problem(&mut self, offset: usize, message: String) {
        self.found.problems.push((offset, message));
    }
}

/// The first `<name` at or after `from` that starts a tag of that name.
fn tag_start(html: &str, from: usize, name: &str) -> Option<usize> {
    let bytes = html.as_bytes();
    html[from..].match_indices('<').map(|(i, _)| from + i).find(|&i| {
        let after = i + 1 + name.len();
        bytes.get(i + 1..after).is_some_and(|n| n.eq_ignore_ascii_case(name.as_bytes()))
            && bytes.get(after).is_none_or(|&b| b.is_ascii_whitespace() || b == b'/' || b == b'>')
    })
}

/// Offset in the tag `span` of the attribute `name`, after the tag's name.
fn attribute_offset(span: &str, name: &str) -> Option<usize> {
    let bytes = span.as_bytes();
    (1..span.len()).find(|&i| {
        let end = i + name.len();
        matches!(bytes[i - 1], b' ' | b'\t' | b'\n' | b'\r' | b'\x0c' | b'/' | b'"' | b'\'')
            && bytes.get(i..end).is_some_and(|n| n.eq_ignore_ascii_case(name.as_bytes()))
            && bytes.get(end).is_none_or(|&b| b.is_ascii_whitespace() || matches!(b, b'=' | b'/' | b'>'))
    })
}

fn element_message(name: &str) -> String {
    let instead = match name {
        "script" => "pages run no scripts from content; remove it",
        "style" | "link" | "font" | "center" => {
            "the look of pages comes from the theme: remove it and style a `class` in the site's stylesheet (docs/themes.md)"
        }
        "form" | "input" | "button" | "select" | "option" | "optgroup" | "textarea" | "label" | "fieldset"
        | "legend" | "datalist" | "output" | "meter" | "progress" => {
            "pages hold no forms: link to the form on your own website instead"
        }
        "svg" | "math" => "put the image in the theme's static/ folder and show it with ![what it shows](images/name.svg)",
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
            "write a Markdown heading (`## ...`) instead: it gets its anchor and the right level on every page"
        }
        "iframe" | "object" | "embed" | "frame" | "frameset" | "applet" | "video" | "audio" | "source" | "track"
        | "picture" | "canvas" | "map" | "area" | "portal" | "fencedframe" | "base" | "meta" => {
            "pages may run no scripts, embed nothing and load nothing from elsewhere; remove it (link to the page instead)"
        }
        _ => "raw HTML may use simple text elements only (abbr, b, br, code, del, details, em, img, kbd, sub, sup, table...; see docs/content.md); remove it",
    };
    format!("`<{name}>` is not allowed in content: {instead}")
}

fn attribute_message(element: &str, name: &str, allowed: &[&str]) -> String {
    if name.starts_with("on") {
        return format!(
            "the event attribute `{name}` is not allowed in content: pages run no scripts from content; remove it"
        );
    }
    let why = match name {
        "style" => "the look of pages comes from the theme: remove it and style a `class` in the site's stylesheet (docs/themes.md)",
        "id" | "name" => "anchors come from headings and numbered rules (a Markdown heading `## ...` gets one); remove it",
        "srcset" | "ping" | "poster" | "background" | "formaction" | "action" | "xlink:href" | "data" => {
            "pages load nothing from elsewhere and send nothing; remove it (give one file of the site in `src`)"
        }
        "target" => "links open in the same window; remove it",
        _ => "",
    };
    if !why.is_empty() {
        return format!("the attribute `{name}` is not allowed in content: {why}");
    }
    let mut allowed_here: Vec<&str> = GLOBAL_ATTRIBUTES.iter().chain(allowed).copied().collect();
    allowed_here.sort_unstable();
    format!(
        "the attribute `{name}` is not allowed on `<{element}>` in content; remove it (allowed: {})",
        allowed_here.join(", ")
    )
}

fn marker_message() -> String {
    "the private-use character U+E000 is not allowed in content (here written as a character reference); remove it"
        .to_owned()
}

/// A parse error of html5ever's tokenizer, as what to do about it.
fn malformed_message(error: &str) -> String {
    let advice = if error.contains("EOF") {
        "it ends inside a tag or a comment: finish the tag with `>` or the comment with `-->`"
    } else if error.contains("state TagOpen") || error.contains("state EndTagOpen") {
        "a `<` that starts no tag: write `&lt;` for a less-than sign"
    } else if error.contains("Comment") || error.contains("MarkupDeclaration") || error.contains("Doctype") {
        "browsers may read this comment in more than one way: write comments as `<!-- text -->`"
    } else if error.contains("Duplicate attribute") {
        "an attribute is given twice: keep one"
    } else if error.contains("haracter reference") {
        "a character reference that browsers may read in more than one way: end it with `;`, as in `&amp;`"
    } else {
        "browsers may read it in more than one way: write plain tags with attribute values in quotes"
    };
    format!("malformed HTML ({error}): {advice}")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn problems(html: &str) -> Vec<(usize, String)> {
        inspect(html).problems
    }

    #[test]
    fn allows_harmless_markup() {
        let html = "<abbr title=\"Algemene verordening\">AVG</abbr><br/><sup>1</sup><!-- <script> -->\
                    <details open><summary>Meer</summary><kbd>Ctrl</kbd></details>";
        assert_eq!(problems(html), []);
        let found = inspect("<a href=\"https://example.org\">x</a> <IMG SRC='images/a.png' alt=a>");
        assert_eq!(found.problems, []);
        let values: Vec<_> = found.addresses.iter().map(|a| (a.offset, a.attribute, a.value.as_str())).collect();
        assert_eq!(values, [(3, "href", "https://example.org"), (41, "src", "images/a.png")]);
    }

    #[test]
    fn positions_are_those_of_the_tag_and_attribute() {
        let html = "<abbr title=\"<b onclick=x>\">x</abbr>\n<b\n  onclick = 'x()'>";
        assert_eq!(problems(html), [(42, attribute_message("b", "onclick", &[]))]);
        assert_eq!(problems("<!-- <b> --> <iframe src=x>")[0].0, 13);
    }

    #[test]
    fn decisions_are_on_decoded_values() {
        let found = inspect("<a href=\"&#106;ava&#x09;script&colon;x\">x</a>");
        assert_eq!(found.addresses[0].value, "java\tscript:x");
        assert_eq!(problems("<b title=\"&#xE000;R\">x</b>")[0].1, marker_message());
        assert_eq!(problems("<b>&#57344;</b>")[0], (3, marker_message()));
    }

    #[test]
    fn refuses_elements_attributes_and_malformed_html() {
        assert!(problems("<script>alert(1)</script>")[0].1.starts_with("`<script>` is not allowed"));
        assert!(problems("<IFRAME src=x>")[0].1.starts_with("`<iframe>` is not allowed"));
        assert!(problems("<svg><feImage href=//x/>")[0].1.starts_with("`<svg>`"));
        assert!(problems("<p style=\"x\">")[0].1.starts_with("the attribute `style`"));
        assert!(problems("<img src=a.png>")[0].1.starts_with("`<img>` has no alt text"));
        assert!(problems("<!-- x --!> <b>")[0].1.starts_with("malformed HTML"));
        assert!(problems("<div title=\"open")[0].1.contains("ends inside a tag"));
        // `noscript` is raw text to a browser that runs scripts: the `img` in
        // the "attribute" is a tag, as the tokenizer is told.
        let found = problems("<noscript><p title=\"</noscript><img src=x onerror=y>\"></p></noscript>");
        let messages: Vec<_> = found.iter().map(|(at, m)| (*at, m.split(':').next().unwrap_or(""))).collect();
        assert_eq!(
            messages,
            [
                (0, "`<noscript>` is not allowed in content"),
                (42, "the event attribute `onerror` is not allowed in content"),
                (31, "`<img>` has no alt text; describe the image")
            ]
        );
    }
}
