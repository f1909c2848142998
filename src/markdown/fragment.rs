//! Rendered HTML that still depends on where it is shown: links are written
//! relative to the site root and headings relative to the article title, and
//! both are fixed per page in one pass when the page is rendered. This lets
//! an article be rendered once and shown on its own page, on the whole
//! protocol and in every audience view.

use pulldown_cmark::{CodeBlockKind, CowStr, Event, Tag};

/// Starts a placeholder inside rendered HTML. U+E000 is a private-use
/// character; content never needs it and [`without_marks`] removes it.
pub const MARK: char = '\u{E000}';

/// A root-relative link prefix: `<a href="{ROOT}nl/protocol/">`.
pub const ROOT: &str = "\u{E000}R";

/// Starts an element id or a link to one within the same text: `id="{ID}r9"`.
/// Where several articles share a page and their anchors would clash, the
/// page puts the article's id in front of all its ids.
pub const ID: &str = "\u{E000}I";

/// HTML with placeholders for the page's root, heading levels and ids.
/// Shared, so that copies of the model for a rebuild cost nothing.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Fragment(pub(crate) std::sync::Arc<str>);

impl Fragment {
    pub(crate) fn new(html: String) -> Self {
        Fragment(html.into())
    }
}

impl Fragment {
    /// Heading placeholder for a source heading of `level` (2 = `##`).
    pub(crate) fn heading_tag(level: u8) -> String {
        format!("h{MARK}{level}")
    }

    /// The HTML for a page whose root is `root` (e.g. `../../`), with every
    /// heading moved down by `heading_shift` levels (at most to `h6`) and
    /// `id_prefix` before every id of the text.
    pub fn resolve(&self, root: &str, heading_shift: u8, id_prefix: &str) -> String {
        let mut out = String::with_capacity(self.0.len() + 64);
        self.resolve_into(&mut out, root, heading_shift, id_prefix);
        out
    }

    /// [`Fragment::resolve`], appending to `out`.
    pub fn resolve_into(&self, out: &mut String, root: &str, heading_shift: u8, id_prefix: &str) {
        let mut rest: &str = &self.0;
        while let Some(i) = rest.find(MARK) {
            out.push_str(&rest[..i]);
            let after = &rest[i + MARK.len_utf8()..];
            let mut chars = after.chars();
            match chars.next() {
                Some('R') => out.push_str(root),
                Some('I') => out.push_str(id_prefix),
                Some(d @ '1'..='6') => {
                    let level = d as u8 - b'0' + heading_shift;
                    out.push(char::from(b'0' + level.min(6)));
                }
                Some(other) => out.push(other),
                None => {}
            }
            rest = chars.as_str();
        }
        out.push_str(rest);
    }

    /// Bytes of the text with its placeholders.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The rendered text as it is, placeholders included (for tests).
    pub fn raw(&self) -> &str {
        &self.0
    }
}

/// `event` of content without the placeholder character in any of its
/// text: words, code, raw HTML, addresses, titles, ids, classes, labels.
/// Character references are decoded by then, so `&#xE000;` goes too (in raw
/// HTML they stay encoded; [`super::raw_html`] refuses them).
pub fn without_marks(event: Event<'_>) -> Event<'_> {
    match event {
        Event::Text(text) => Event::Text(clean(text)),
        Event::Code(code) => Event::Code(clean(code)),
        Event::Html(html) => Event::Html(clean(html)),
        Event::InlineHtml(html) => Event::InlineHtml(clean(html)),
        Event::FootnoteReference(label) => Event::FootnoteReference(clean(label)),
        Event::Start(tag) => Event::Start(match tag {
            Tag::Link { link_type, dest_url, title, id } => {
                Tag::Link { link_type, dest_url: clean(dest_url), title: clean(title), id: clean(id) }
            }
            Tag::Image { link_type, dest_url, title, id } => {
                Tag::Image { link_type, dest_url: clean(dest_url), title: clean(title), id: clean(id) }
            }
            Tag::Heading { level, id, classes, attrs } => Tag::Heading {
                level,
                id: id.map(clean),
                classes: classes.into_iter().map(clean).collect(),
                attrs: attrs.into_iter().map(|(key, value)| (clean(key), value.map(clean))).collect(),
            },
            Tag::CodeBlock(CodeBlockKind::Fenced(info)) => Tag::CodeBlock(CodeBlockKind::Fenced(clean(info))),
            Tag::FootnoteDefinition(label) => Tag::FootnoteDefinition(clean(label)),
            other => other,
        }),
        other => other,
    }
}

fn clean(text: CowStr<'_>) -> CowStr<'_> {
    if text.contains(MARK) {
        text.replace(MARK, "").into()
    } else {
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resolves_root_and_headings() {
        let tag = Fragment::heading_tag(2);
        let fragment = Fragment::new(format!("<{tag} id=\"{ID}x\">T</{tag}><a href=\"{ROOT}nl/#{ID}x\">x</a>"));
        assert_eq!(fragment.resolve("../../", 0, ""), "<h2 id=\"x\">T</h2><a href=\"../../nl/#x\">x</a>");
        assert_eq!(fragment.resolve("../", 2, "a-"), "<h4 id=\"a-x\">T</h4><a href=\"../nl/#a-x\">x</a>");
        assert_eq!(fragment.resolve("", 9, ""), "<h6 id=\"x\">T</h6><a href=\"nl/#x\">x</a>");
    }
}
