//! Rendered HTML that still depends on where it is shown: links are written
//! relative to the site root and headings relative to the article title, and
//! both are fixed per page in one pass when the page is rendered. This lets
//! an article be rendered once and shown on its own page, on the whole
//! protocol and in every audience view.

/// Starts a placeholder inside rendered HTML. U+E000 is a private-use
/// character; content never needs it and [`sanitize_text`] removes it.
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

/// Removes the placeholder character from content text.
pub fn sanitize_text(text: &str) -> std::borrow::Cow<'_, str> {
    if text.contains(MARK) {
        text.replace(MARK, "").into()
    } else {
        text.into()
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
