//! Markdown to HTML: pulldown-cmark with small event adaptors for rule
//! anchors on numbered list items, links by content id, glossary terms,
//! heading and footnote ids that stay unique on pages showing many articles,
//! alt text on images, and the safe subset of raw HTML.

pub mod fragment;
pub mod glossary;
pub mod html_guard;
pub mod plain;

use pulldown_cmark::{CowStr, Event, HeadingLevel, Options as ParserOptions, Parser, Tag, TagEnd};
use std::collections::BTreeMap;
use std::ops::Range;
use std::path::Path;

use crate::content::Numbering;
use crate::diagnostic::Diagnostic;
use crate::text::{self, LineIndex};
pub use fragment::{Fragment, ID, MARK, ROOT};
use glossary::GlossaryLinker;
pub use plain::PlainText;
use plain::PlainTextBuilder;

/// What a link by id may point to.
pub trait LinkTargets: Sync {
    /// Root-relative address of the page with this id (`nl/protocol/x/`).
    fn address(&self, id: &str) -> Option<String>;
    /// Every id that may be linked, for suggestions.
    fn known_ids(&self) -> Vec<&str>;
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
        heading_numbers: std::collections::HashMap::new(),
        result: Rendered::default(),
    };
    for (event, range) in Parser::new_ext(source, parser_options).into_offset_iter() {
        adaptor.event(event, range);
    }
    let mut html = String::with_capacity(source.len() * 3 / 2);
    pulldown_cmark::html::push_html(&mut html, adaptor.out.into_iter());
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
    /// Heading ids given so far, each with the next number to try after it.
    heading_numbers: std::collections::HashMap<String, usize>,
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
            Event::Start(Tag::Heading { level, id, classes, .. }) => {
                self.heading = Some(HeadingState {
                    out_index: self.out.len(),
                    level: heading_number(level).max(2),
                    id: id.map(|i| i.to_string()),
                    classes: classes.iter().map(|c| c.to_string()).collect(),
                    text: String::new(),
                });
                self.plain.start_heading(heading_number(level).max(2));
                self.out.push(Event::Html(CowStr::Borrowed("")));
            }
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
            Event::Html(html) | Event::InlineHtml(html) => {
                for (offset, message) in html_guard::check(&html) {
                    self.error(range.start + offset, message);
                }
                self.out.push(Event::Html(html));
            }
            Event::FootnoteReference(name) => self.footnote_reference(&name),
            Event::Start(Tag::FootnoteDefinition(name)) => {
                let number = self.footnote_number(&name);
                let id = self.prefixed(&format!("fn-{name}"));
                self.result.note_ids.push(id.clone());
                let id = escape(&id);
                self.out.push(Event::Html(
                    format!("<div class=\"footnote-definition\" id=\"{ID}{id}\"><sup class=\"footnote-definition-label\">{number}</sup>").into(),
                ));
            }
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

    fn start_list(&mut self, start: Option<u64>) {
        self.plain.push(" ");
        let Some(first) = start else {
            self.lists.push(ListFrame { anchored: None, next: 0 });
            self.out.push(Event::Start(Tag::List(None)));
            return;
        };
        let anchored = match (self.items.last(), self.options.rules) {
            (None, Some((_, prefix))) if self.lists.is_empty() => Some((0, prefix.to_owned())),
            (Some(Some((level, anchor))), Some(_)) => Some((level + 1, anchor.clone())),
            _ => None,
        };
        let list_type = match (&anchored, self.options.rules) {
            (Some((0, _)), Some((Numbering::UpperAlpha, _))) => " type=\"A\"",
            (Some((0, _)), Some((Numbering::LowerAlpha, _))) | (Some((1, _)), _) => " type=\"a\"",
            _ => "",
        };
        let start_attribute = if first == 1 { String::new() } else { format!(" start=\"{first}\"") };
        self.out.push(Event::Html(format!("<ol{list_type}{start_attribute}>\n").into()));
        self.lists.push(ListFrame { anchored, next: first });
    }

    fn start_item(&mut self) {
        let Some(frame) = self.lists.last_mut() else { return };
        let Some((level, base)) = &frame.anchored else {
            self.items.push(None);
            self.out.push(Event::Start(Tag::Item));
            return;
        };
        let number = frame.next;
        frame.next += 1;
        let numbering = self.options.rules.map_or(Numbering::Decimal, |(n, _)| n);
        let label = match (level, numbering) {
            (0, Numbering::Decimal) => number.to_string(),
            (0, Numbering::UpperAlpha) => letters(number).to_uppercase(),
            (0, Numbering::LowerAlpha) | (1, _) => letters(number),
            _ => format!("-{number}"),
        };
        let anchor = format!("{base}{label}");
        if *level == 0 {
            self.result.rule_count += 1;
        }
        self.out.push(Event::Html(format!("<li id=\"{ID}{}\">", escape(&anchor)).into()));
        self.result.rule_anchors.push(anchor.clone());
        self.plain.anchor("li", &anchor);
        self.items.push(Some((*level, anchor)));
    }

    fn end_heading(&mut self) {
        let Some(heading) = self.heading.take() else { return };
        let id = heading.id.clone().unwrap_or_else(|| {
            let slug = text::slugify(&heading.text);
            let base = self.prefixed(if slug.is_empty() { "section" } else { &slug });
            // The next free number of this base is remembered, so that many
            // equal headings cost linear time.
            let mut id = base.clone();
            let mut n = self.heading_numbers.get(&base).copied().unwrap_or(2);
            while self.heading_numbers.contains_key(&id) {
                id = format!("{base}-{n}");
                n += 1;
            }
            self.heading_numbers.insert(base, n);
            id
        });
        self.heading_numbers.entry(id.clone()).or_insert(2);
        let tag = Fragment::heading_tag(heading.level);
        let class = if heading.classes.is_empty() {
            String::new()
        } else {
            format!(" class=\"{}\"", escape(&heading.classes.join(" ")))
        };
        self.out[heading.out_index] = Event::Html(format!("<{tag} id=\"{ID}{}\"{class}>", escape(&id)).into());
        self.out.push(Event::Html(format!("</{tag}>\n").into()));
        self.plain.end_heading(&id);
        self.result.heading_ids.push(id);
    }

    fn end_image(&mut self) {
        let Some(image) = self.image.take() else { return };
        if image.alt.trim().is_empty() {
            self.error(
                image.offset,
                format!(
                    "image `{}` has no alt text; describe it between the brackets: ![what the image shows]({})",
                    image.dest, image.dest
                ),
            );
        }
        if html_guard::is_other_origin(&image.dest) {
            self.error(
                image.offset,
                format!("image `{}` comes from another site; pages load nothing from elsewhere: put the image in the site's theme `static/` folder", image.dest),
            );
        } else if !self.options.links.has_file(image.dest.trim_start_matches('/')) {
            self.error(
                image.offset,
                format!("image `{}` is not a file of the site; put it in the theme's static/ folder (themes/default/static/{})", image.dest, image.dest.trim_start_matches('/')),
            );
        }
        let title = if image.title.is_empty() { String::new() } else { format!(" title=\"{}\"", escape(&image.title)) };
        let src = format!("{ROOT}{}", image.dest.trim_start_matches('/'));
        let html = format!("<img src=\"{}\" alt=\"{}\"{title}>", escape(&src), escape(&image.alt));
        if let Some(heading) = &mut self.heading {
            heading.text.push_str(&image.alt);
        }
        self.out.push(Event::Html(html.into()));
    }

    fn start_link(&mut self, dest: &str, title: &str, offset: usize) {
        self.link_depth += 1;
        let href = self.resolve_link(dest, offset);
        let title = if title.is_empty() { String::new() } else { format!(" title=\"{}\"", escape(title)) };
        self.out.push(Event::Html(format!("<a href=\"{}\"{title}>", escape(&href)).into()));
    }

    /// The address a link of the content points to, checking ids.
    fn resolve_link(&mut self, dest: &str, offset: usize) -> String {
        let dest = dest.trim();
        if dest.to_ascii_lowercase().starts_with("javascript:") {
            self.error(offset, "a `javascript:` link is not allowed in content".to_owned());
            return "#".to_owned();
        }
        if html_guard::is_other_origin(dest) {
            return dest.to_owned();
        }
        if let Some(anchor) = dest.strip_prefix('#') {
            let (line, column) = self.position(offset);
            self.local_references.push((anchor.to_owned(), line, column));
            return format!("#{ID}{anchor}");
        }
        let (id, anchor) = match dest.split_once('#') {
            Some((id, anchor)) => (id, Some(anchor)),
            None => (dest, None),
        };
        if id.is_empty() || id.contains(['/', '.', '\\', ' ']) {
            let file = id.trim_start_matches('/');
            if self.options.links.has_file(file) {
                return format!("{ROOT}{file}{}", anchor.map_or(String::new(), |a| format!("#{a}")));
            }
            self.error(
                offset,
                format!("link `{dest}` names no page and no file of the site: link to an article by its id (`regels#r9`), to a file in the theme's static/ folder by its path, or give a full address starting with https://"),
            );
            return dest.to_owned();
        }
        match self.options.links.address(id) {
            Some(address) => {
                if let Some(anchor) = anchor {
                    let (line, column) = self.position(offset);
                    self.result.references.push(Reference {
                        target: id.to_owned(),
                        anchor: anchor.to_owned(),
                        line,
                        column,
                    });
                    format!("{ROOT}{address}#{anchor}")
                } else {
                    format!("{ROOT}{address}")
                }
            }
            None => {
                let hint = text::hint(id, self.options.links.known_ids());
                self.error(offset, format!("link to unknown id `{id}`{hint}"));
                dest.to_owned()
            }
        }
    }

    fn text(&mut self, text: CowStr<'s>) {
        let text = match fragment::sanitize_text(&text) {
            std::borrow::Cow::Borrowed(_) => text,
            std::borrow::Cow::Owned(clean) => CowStr::from(clean),
        };
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
            let href = format!("{ROOT}{}{}", glossary.url_prefix, glossary.id(m.term));
            self.out.push(Event::Html(format!("<a class=\"term\" href=\"{}\">", escape(&href)).into()));
            self.out.push(Event::Text(text[m.start..m.end].to_owned().into()));
            self.out.push(Event::Html("</a>".into()));
            last = m.end;
        }
        if last < text.len() {
            self.out.push(Event::Text(text[last..].to_owned().into()));
        }
    }

    fn footnote_number(&mut self, name: &str) -> usize {
        let next = self.footnotes.len() + 1;
        *self.footnotes.entry(name.to_owned()).or_insert(next)
    }

    fn footnote_reference(&mut self, name: &str) {
        let first = !self.footnotes.contains_key(name);
        let number = self.footnote_number(name);
        let target = escape(&self.prefixed(&format!("fn-{name}")));
        let id = if first {
            format!(" id=\"{ID}{}\"", escape(&self.prefixed(&format!("fnref-{name}"))))
        } else {
            String::new()
        };
        self.out.push(Event::Html(
            format!("<sup class=\"footnote-reference\"{id}><a href=\"#{ID}{target}\">{number}</a></sup>").into(),
        ));
    }
}

fn heading_number(level: HeadingLevel) -> u8 {
    level as u8
}

/// 1 → a, 26 → z, 27 → aa.
fn letters(mut n: u64) -> String {
    let mut out = Vec::new();
    while n > 0 {
        n -= 1;
        out.push(b'a' + (n % 26) as u8);
        n /= 26;
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
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

/// Ids of a map, for tests and simple link targets; keys starting with `/`
/// are files.
impl LinkTargets for BTreeMap<String, String> {
    fn address(&self, id: &str) -> Option<String> {
        self.get(id).cloned()
    }
    fn known_ids(&self) -> Vec<&str> {
        self.keys().filter(|k| !k.starts_with('/')).map(String::as_str).collect()
    }
    fn has_file(&self, path: &str) -> bool {
        self.contains_key(&format!("/{path}"))
    }
}

#[cfg(test)]
mod tests;
