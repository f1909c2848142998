//! Article texts spliced into a page while it is written. The template
//! data carries a short token where an article's HTML goes; the template's
//! output keeps it, and writing the page puts the HTML there, resolved for
//! the page. The whole protocol of 5,000 articles is 26 MB of HTML: as
//! template data, template output and file it was held three times over.
//!
//! A page's template output depends on its articles' front matter, not on
//! their text, so `serve` keeps it and, when only texts changed, splices
//! the new texts into it without rendering the template again.

use std::io::{self, Write};
use std::sync::Arc;

use crate::markdown::{Fragment, MARK};
use crate::model::Article;

/// Tokens look like `{MARK}S12;`. The escaping of template output removes
/// `MARK` from all other text (`escape_html`), so only tokens carry it.
const TOKEN: char = 'S';

/// An article's HTML as a page shows it.
#[derive(Debug, Clone)]
struct Splice {
    /// Index of the article in its locale's articles.
    article: usize,
    /// Its HTML (shared, not copied).
    fragment: Fragment,
    root: String,
    heading_shift: u8,
    id_prefix: String,
}

/// The splices of one page, collected while its template data is made.
#[derive(Debug, Default)]
pub struct Splices {
    splices: Vec<Splice>,
}

impl Splices {
    /// The token to put in the template data for the HTML of `article`
    /// (its index in its locale's articles), resolved with `root`,
    /// `heading_shift` and `id_prefix` (see [`Fragment::resolve`]).
    pub fn token(
        &mut self,
        (index, article): (usize, &Article),
        root: &str,
        heading_shift: u8,
        id_prefix: &str,
    ) -> String {
        self.splices.push(Splice {
            article: index,
            fragment: article.html.clone(),
            root: root.to_owned(),
            heading_shift,
            id_prefix: id_prefix.to_owned(),
        });
        format!("{MARK}{TOKEN}{};", self.splices.len() - 1)
    }
}

/// A rendered page: the template's output and the texts to splice into it.
#[derive(Debug, Clone)]
pub struct Body {
    html: String,
    splices: Vec<Splice>,
}

/// Pages up to this size are put together in memory and written at once.
pub(super) const WHOLE: usize = 256 * 1024;

impl Body {
    pub fn new(html: String, splices: Splices) -> Body {
        Body { html, splices: splices.splices }
    }

    /// Whether the page shows several articles: the pages whose template
    /// output is worth keeping for the next rebuild.
    pub fn shows_several_articles(&self) -> bool {
        self.splices.len() > 1
    }

    /// The same page with the current texts of its articles, from the
    /// articles of its locale (the same articles, in the same order).
    pub fn with_texts_of(&self, articles: &[Arc<Article>]) -> Option<Body> {
        let mut body = self.clone();
        for splice in &mut body.splices {
            splice.fragment = articles.get(splice.article)?.html.clone();
        }
        Some(body)
    }

    /// About how many bytes the page has.
    pub fn size(&self) -> usize {
        self.html.len() + self.splices.iter().map(|s| s.fragment.len()).sum::<usize>()
    }

    /// The page's bytes.
    pub fn to_bytes(&self) -> Vec<u8> {
        self.to_bytes_in_one()
    }

    /// Writes the page, its articles resolved one at a time.
    pub fn write_to(&self, out: &mut dyn Write) -> io::Result<()> {
        if self.size() <= WHOLE && !self.splices.is_empty() {
            return out.write_all(&self.to_bytes_in_one());
        }
        let mut buffer = String::new();
        let mut rest = self.html.as_str();
        while let Some((before, index, after)) = next_token(rest) {
            out.write_all(before.as_bytes())?;
            let splice = self.splices.get(index).ok_or_else(|| io::Error::other("a page names a text it lacks"))?;
            buffer.clear();
            splice.fragment.resolve_into(&mut buffer, &splice.root, splice.heading_shift, &splice.id_prefix);
            out.write_all(buffer.as_bytes())?;
            rest = after;
        }
        out.write_all(rest.as_bytes())
    }

    fn to_bytes_in_one(&self) -> Vec<u8> {
        let mut page = String::with_capacity(self.size() + self.size() / 16);
        let mut rest = self.html.as_str();
        while let Some((before, index, after)) = next_token(rest) {
            page.push_str(before);
            if let Some(splice) = self.splices.get(index) {
                splice.fragment.resolve_into(&mut page, &splice.root, splice.heading_shift, &splice.id_prefix);
            }
            rest = after;
        }
        page.push_str(rest);
        page.into_bytes()
    }
}

/// The text before the next token, the token's number and the text after it.
fn next_token(text: &str) -> Option<(&str, usize, &str)> {
    let mut from = 0;
    loop {
        let at = from + text[from..].find(MARK)?;
        let after = &text[at + MARK.len_utf8()..];
        if let Some(digits) = after.strip_prefix(TOKEN) {
            let end = digits.find(';').unwrap_or(0);
            if let Ok(index) = digits[..end].parse() {
                return Some((&text[..at], index, &digits[end + 1..]));
            }
        }
        from = at + MARK.len_utf8();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(html: &str) -> Article {
        Article {
            id: "a".into(),
            slug: "a".into(),
            number: None,
            title: "A".into(),
            summary: None,
            audiences: Vec::new(),
            contexts: Vec::new(),
            order: 0,
            html: Fragment::new(html.to_owned()),
            anchor_prefix: "r".into(),
            rule_anchors: Vec::new(),
            heading_ids: Vec::new(),
            note_ids: Vec::new(),
            plain: Default::default(),
            outdated: None,
            board_changed: false,
            rule_count: 0,
            references: Vec::new(),
            source: Default::default(),
            origin: crate::model::Origin::Own,
        }
    }

    #[test]
    fn tokens_become_the_texts_resolved_for_the_page() {
        let article = article(&format!("<h{MARK}2 id=\"{}x\">T</h{MARK}2>", crate::markdown::ID));
        let mut splices = Splices::default();
        let a = splices.token((0, &article), "../", 1, "a-");
        let b = splices.token((0, &article), "../", 0, "");
        let body = Body::new(format!("<main>{a}<hr>{b}</main>"), splices);
        let expected = "<main><h3 id=\"a-x\">T</h3><hr><h2 id=\"x\">T</h2></main>";
        assert_eq!(String::from_utf8(body.to_bytes()).unwrap(), expected);
        let edited = vec![Arc::new(super::tests::article("<p>Nieuw</p>"))];
        assert_eq!(
            String::from_utf8(body.with_texts_of(&edited).unwrap().to_bytes()).unwrap(),
            "<main><p>Nieuw</p><hr><p>Nieuw</p></main>"
        );
        let mut streamed = Vec::new();
        let mut big = Splices::default();
        let token = big.token((0, &article), "../", 1, "a-");
        let big_page = Body::new(format!("<main>{token}{}</main>", " ".repeat(WHOLE)), big);
        big_page.write_to(&mut streamed).unwrap();
        assert!(String::from_utf8(streamed).unwrap().starts_with("<main><h3 id=\"a-x\">T</h3>  "));
    }
}
