//! Markdown to HTML: pulldown-cmark with small event adaptors for rule
//! anchors on numbered list items, links by content id, glossary terms,
//! heading and footnote ids that stay unique on pages showing many articles,
//! alt text on images, and the safe subset of raw HTML.

mod anchors;
pub mod fragment;
pub mod glossary;
mod links;
pub mod plain;
pub mod raw_html;
mod sanitize;
pub mod url_policy;

use pulldown_cmark::{CowStr, Event, LinkType, Options as ParserOptions, Parser, Tag, TagEnd};
use std::collections::{BTreeMap, HashMap};
use std::ops::Range;
use std::path::Path;

use crate::diagnostic::Diagnostic;
use crate::text::{self, LineIndex};
pub use fragment::{Fragment, ID, MARK, ROOT};
use glossary::GlossaryLinker;
use plain::PlainTextBuilder;
pub use plain::{plain_text, PlainText};

/// How the top-level items of an article's numbered lists are labelled.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Numbering {
    #[default]
    Decimal,
    UpperAlpha,
    LowerAlpha,
}

/// What a link by id may point to.
pub trait LinkTargets: Sync {
    /// Whether `word` names a kind of page, as `audience` does in a link to
    /// `audience:ouders`.
    fn is_kind(&self, word: &str) -> bool;
    /// Root-relative address of the page a link by id names
    /// (`nl/protocol/x/`), or the message that says why it names none.
    /// `kind` is the kind the link writes before the id, if any; `anchor`
    /// the part after `#`, if any.
    fn resolve(&self, id: &str, kind: Option<&str>, anchor: Option<&str>) -> Result<String, String>;
    /// Whether the site has this file (a path under the theme's `static/`).
    fn has_file(&self, path: &str) -> bool;
}

/// How to render one text.
pub struct Options<'a> {
    pub path: &'a Path,
    /// Line of the file on which the Markdown starts.
    pub first_line: usize,
    /// Prefix of heading and footnote ids (the article id), so they stay
    /// unique where several articles share a page.
    pub id_prefix: &'a str,
    /// The text's own id (an article's): ids that only this text makes,
    /// such as those of a glossary term's definition in place, carry it, so
    /// they stay unique on any page.
    pub text_id: &'a str,
    /// Numbering and anchor prefix of rules; `None` gives lists no anchors.
    pub rules: Option<(Numbering, &'a str)>,
    pub links: &'a dyn LinkTargets,
    pub glossary: Option<&'a GlossaryLinker>,
}

/// An anchor in another document that a link relies on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reference {
    pub target: String,
    pub anchor: String,
    pub line: usize,
    pub column: usize,
}

/// The result of rendering one text.
#[derive(Debug, Clone, Default)]
pub struct Rendered {
    pub html: Fragment,
    /// Rule anchors (`r9`, `r9a`), in order.
    pub rule_anchors: Vec<String>,
    /// Heading ids, in order.
    pub heading_ids: Vec<String>,
    /// Ids of footnotes and their references.
    pub note_ids: Vec<String>,
    /// The text as readers see it, with its anchors, for search.
    pub plain: PlainText,
    /// Top-level numbered items: the rules of an article.
    pub rule_count: usize,
    /// Links into other documents, to verify once all are rendered.
    pub references: Vec<Reference>,
    pub diagnostics: Vec<Diagnostic>,
}

impl Rendered {
    pub fn has_anchor(&self, anchor: &str) -> bool {
        self.rule_anchors.iter().chain(&self.heading_ids).any(|a| a == anchor)
    }
}

/// Renders `source` (the Markdown body of a file).
pub fn render(source: &str, options: &Options<'_>) -> Rendered {
    let mut parser_options = ParserOptions::empty();
    parser_options.insert(ParserOptions::ENABLE_TABLES);
    parser_options.insert(ParserOptions::ENABLE_FOOTNOTES);
    parser_options.insert(ParserOptions::ENABLE_HEADING_ATTRIBUTES);
    parser_options.insert(ParserOptions::ENABLE_STRIKETHROUGH);
    let mut adaptor = Adaptor {
        options,
        lines: LineIndex::new(source),
        source,
        out: Vec::new(),
        lists: Vec::new(),
        items: Vec::new(),
        heading: None,
        image: None,
        link_depth: 0,
        in_code_block: false,
        used_terms: vec![false; options.glossary.map_or(0, GlossaryLinker::term_count)],
        footnotes: BTreeMap::new(),
        plain: PlainTextBuilder::default(),
        local_references: Vec::new(),
        html_block: None,
        has_raw_html: false,
        rewrites: HashMap::new(),
        heading_numbers: HashMap::new(),
        result: Rendered::default(),
    };
    for (event, range) in Parser::new_ext(source, parser_options).into_offset_iter() {
        adaptor.event(fragment::without_marks(event), range);
    }
    let mut html = String::with_capacity(source.len() * 3 / 2);
    pulldown_cmark::html::push_html(&mut html, adaptor.out.into_iter());
    if adaptor.has_raw_html {
        html = sanitize::clean(&html, adaptor.rewrites);
    }
    let mut result = adaptor.result;
    result.plain = adaptor.plain.finish();
    for (anchor, line, column) in adaptor.local_references {
        if !result.has_anchor(&anchor) {
            let hint = text::hint(&anchor, result.rule_anchors.iter().chain(&result.heading_ids).map(String::as_str));
            result.diagnostics.push(Diagnostic::error(
                options.path,
                line,
                column,
                format!("link to `#{anchor}`, which is not in this file{hint}"),
            ));
        }
    }
    result.html = Fragment::new(html);
    result
}

struct ListFrame {
    /// For numbered lists that carry anchors: the nesting level (0 = rules)
    /// and the anchor the items' anchors start with.
    anchored: Option<(usize, String)>,
    next: u64,
}

struct HeadingState {
    out_index: usize,
    level: u8,
    id: Option<String>,
    classes: Vec<String>,
    text: String,
}

struct ImageState {
    dest: String,
    title: String,
    alt: String,
    offset: usize,
}

struct Adaptor<'o, 's> {
    options: &'o Options<'o>,
    lines: LineIndex,
    source: &'s str,
    out: Vec<Event<'s>>,
    lists: Vec<ListFrame>,
    /// Anchor of every open list item (`None` for items without one).
    items: Vec<Option<(usize, String)>>,
    heading: Option<HeadingState>,
    image: Option<ImageState>,
    link_depth: usize,
    in_code_block: bool,
    used_terms: Vec<bool>,
    /// Footnote name to its number.
    footnotes: BTreeMap<String, usize>,
    plain: PlainTextBuilder,
    local_references: Vec<(String, usize, usize)>,
    /// The lines of the HTML block being read.
    html_block: Option<links::RawRun<'s>>,
    has_raw_html: bool,
    /// Addresses in raw HTML, as written, to what they resolve to.
    rewrites: HashMap<String, String>,
    /// Heading ids given so far, each with the next number to try after it.
    heading_numbers: HashMap<String, usize>,
    result: Rendered,
}

impl<'o, 's> Adaptor<'o, 's> {
    fn position(&self, offset: usize) -> (usize, usize) {
        let (line, column) = self.lines.position(self.source, offset);
        (line + self.options.first_line - 1, column)
    }

    fn error(&mut self, offset: usize, message: String) {
        let (line, column) = self.position(offset);
        self.result.diagnostics.push(Diagnostic::error(self.options.path, line, column, message));
    }

    fn event(&mut self, event: Event<'s>, range: Range<usize>) {
        match event {
            Event::Start(Tag::List(start)) => self.start_list(start),
            Event::End(TagEnd::List(ordered)) => {
                self.lists.pop();
                self.out.push(Event::End(TagEnd::List(ordered)));
            }
            Event::Start(Tag::Item) => self.start_item(),
            Event::End(TagEnd::Item) => {
                self.plain.end_block();
                self.items.pop();
                self.out.push(Event::End(TagEnd::Item));
            }
            Event::Start(Tag::Heading { level, id, classes, .. }) => self.start_heading(level, id, &classes),
            Event::End(TagEnd::Heading(_)) => self.end_heading(),
            Event::Start(Tag::Image { dest_url, title, .. }) => {
                self.image = Some(ImageState {
                    dest: dest_url.to_string(),
                    title: title.to_string(),
                    alt: String::new(),
                    offset: range.start,
                });
            }
            Event::End(TagEnd::Image) => self.end_image(),
            Event::Start(Tag::Link { link_type: LinkType::Email, dest_url, title, .. }) => {
                self.start_link(&format!("mailto:{dest_url}"), &title, range.start)
            }
            Event::Start(Tag::Link { dest_url, title, .. }) => self.start_link(&dest_url, &title, range.start),
            Event::End(TagEnd::Link) => {
                self.link_depth = self.link_depth.saturating_sub(1);
                self.out.push(Event::Html("</a>".into()));
            }
            Event::Start(Tag::CodeBlock(kind)) => {
                self.in_code_block = true;
                self.out.push(Event::Start(Tag::CodeBlock(kind)));
            }
            Event::End(TagEnd::CodeBlock) => {
                self.in_code_block = false;
                self.out.push(Event::End(TagEnd::CodeBlock));
            }
            Event::Start(Tag::Table(alignments)) => {
                // A wrapper that scrolls keeps wide tables from widening the page.
                self.out.push(Event::Html("<div class=\"table-wrap\">".into()));
                self.out.push(Event::Start(Tag::Table(alignments)));
            }
            Event::End(TagEnd::Table) => {
                self.out.push(Event::End(TagEnd::Table));
                self.out.push(Event::Html("</div>\n".into()));
            }
            Event::Text(text) => self.text(text),
            Event::Code(code) => {
                if let Some(image) = &mut self.image {
                    image.alt.push_str(&code);
                } else {
                    self.plain.push(&code);
                    if let Some(heading) = &mut self.heading {
                        heading.text.push_str(&code);
                    }
                    self.out.push(Event::Code(code));
                }
            }
            Event::Start(Tag::HtmlBlock) | Event::End(TagEnd::HtmlBlock) | Event::Html(_) | Event::InlineHtml(_) => {
                self.raw_html_event(event, range)
            }
            Event::FootnoteReference(name) => self.footnote_reference(&name),
            Event::Start(Tag::FootnoteDefinition(name)) => self.footnote_definition(&name),
            other => {
                match other {
                    Event::SoftBreak | Event::HardBreak => self.plain.push(" "),
                    Event::End(TagEnd::Paragraph | TagEnd::TableCell | TagEnd::BlockQuote(_)) => self.plain.end_block(),
                    _ => {}
                }
                if self.image.is_none() {
                    self.out.push(other);
                }
            }
        }
    }

    fn prefixed(&self, id: &str) -> String {
        if self.options.id_prefix.is_empty() {
            id.to_owned()
        } else {
            format!("{}-{id}", self.options.id_prefix)
        }
    }

    fn text(&mut self, text: CowStr<'s>) {
        if self.image.is_none() {
            self.plain.push(&text);
        }
        if let Some(image) = &mut self.image {
            image.alt.push_str(&text);
            return;
        }
        if let Some(heading) = &mut self.heading {
            heading.text.push_str(&text);
            self.out.push(Event::Text(text));
            return;
        }
        let Some(glossary) = self.options.glossary.filter(|_| self.link_depth == 0 && !self.in_code_block) else {
            self.out.push(Event::Text(text));
            return;
        };
        let matches = glossary.first_uses(&text, &mut self.used_terms);
        if matches.is_empty() {
            self.out.push(Event::Text(text));
            return;
        }
        let mut last = 0;
        for m in matches {
            if m.start > last {
                self.out.push(Event::Text(text[last..m.start].to_owned().into()));
            }
            let term = glossary.id(m.term);
            // Unique on a page that shows several articles: the text's id is in them.
            let own = self.options.text_id;
            let (used, defined) = (escape(&format!("{own}-use-{term}")), escape(&format!("{own}-def-{term}")));
            let href = escape(&format!("{ROOT}{}{term}", glossary.url_prefix));
            self.out.push(Event::Html(format!("<a class=\"term\" href=\"{href}\" id=\"{ID}{used}\">").into()));
            self.out.push(Event::Text(text[m.start..m.end].to_owned().into()));
            // The definition in place: a native popover that a button
            // opens and Escape closes, without script; named "Betekenis
            // van <term>" through `term-help` (base.html).
            self.out.push(Event::Html(
                format!(
                    "</a><button type=\"button\" class=\"term-info\" popovertarget=\"{ID}{defined}\" \
                     aria-labelledby=\"term-help {ID}{used}\"></button>\
                     <span class=\"term-definition\" popover id=\"{ID}{defined}\">{}</span>",
                    escape(glossary.definition(m.term))
                )
                .into(),
            ));
            last = m.end;
        }
        if last < text.len() {
            self.out.push(Event::Text(text[last..].to_owned().into()));
        }
    }
}

/// Escapes text for an HTML attribute or element.
pub fn escape(text: &str) -> String {
    // The text between the characters to escape is copied whole: a
    // character at a time, escaping was a tenth of the time of rendering
    // a page's template.
    let mut out = String::with_capacity(text.len() + text.len() / 16);
    let mut copied = 0;
    for (i, byte) in text.bytes().enumerate() {
        let entity = match byte {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            b'\'' => "&#39;",
            _ => continue,
        };
        // An ASCII byte is a character of its own: `i` is a boundary.
        out.push_str(&text[copied..i]);
        out.push_str(entity);
        copied = i + 1;
    }
    out.push_str(&text[copied..]);
    out
}

#[cfg(test)]
mod tests;
