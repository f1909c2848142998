//! Where the links and images of a text point, and its raw HTML: Markdown
//! links and images and the `href` and `src` of raw HTML go through the
//! same URL policy, then to a page by id, a file of the site, an anchor of
//! the text or (for links only) another site. Raw HTML is checked by
//! [`super::raw_html`] one HTML block or inline tag at a time.

use pulldown_cmark::{CowStr, Event, Tag, TagEnd};
use std::collections::BTreeMap;
use std::ops::Range;

use super::url_policy::{self, Address};
use super::{escape, raw_html, Adaptor, LinkTargets, Reference, ID, ROOT};
use crate::text;

/// Raw HTML of one HTML block, line by line, with each line's source range.
pub(super) type RawRun<'s> = Vec<(CowStr<'s>, Range<usize>)>;

impl<'s> Adaptor<'_, 's> {
    pub(super) fn end_image(&mut self) {
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
        let src = self.image_source(&image.dest, image.offset);
        let title = if image.title.is_empty() { String::new() } else { format!(" title=\"{}\"", escape(&image.title)) };
        let html = format!("<img src=\"{}\" alt=\"{}\"{title}>", escape(&src), escape(&image.alt));
        if let Some(heading) = &mut self.heading {
            heading.text.push_str(&image.alt);
        }
        self.out.push(Event::Html(html.into()));
    }

    /// The `src` of an image at `dest`, which must be a file of the site.
    fn image_source(&mut self, dest: &str, offset: usize) -> String {
        let path = match url_policy::classify(dest) {
            Ok(Address::Site { path, anchor: None }) => path,
            Ok(Address::Elsewhere(_)) => {
                self.error(offset, format!("image `{dest}` comes from another site; pages load nothing from elsewhere: put the image in the site's theme `static/` folder"));
                return String::new();
            }
            Ok(_) => dest.to_owned(),
            Err(refused) => {
                self.error(offset, refused.message("an image", dest));
                return String::new();
            }
        };
        if !self.options.links.has_file(&path) {
            self.error(
                offset,
                format!("image `{dest}` is not a file of the site; put it in the theme's static/ folder (themes/default/static/{path})"),
            );
        }
        format!("{ROOT}{path}")
    }

    pub(super) fn start_link(&mut self, dest: &str, title: &str, offset: usize) {
        self.link_depth += 1;
        let href = self.resolve_link(dest, offset, "a link");
        let title = if title.is_empty() { String::new() } else { format!(" title=\"{}\"", escape(title)) };
        self.out.push(Event::Html(format!("<a href=\"{}\"{title}>", escape(&href)).into()));
    }

    /// The address a link of the content points to, checking ids; `place`
    /// names the link in messages.
    fn resolve_link(&mut self, dest: &str, offset: usize, place: &str) -> String {
        // `audience:ouders`: an id with the kind of page it names.
        let (kind, address) = match dest.trim().split_once(':') {
            Some((word, id)) if self.options.links.is_kind(word) => (Some(word), id),
            _ => (None, dest),
        };
        let classified = url_policy::classify(address);
        if let (Some(word), false) = (kind, matches!(classified, Ok(Address::Site { .. }))) {
            self.error(
                offset,
                format!(
                    "link `{}` names no page: after `{word}:` write the id of a page of that kind, and no more",
                    dest.trim()
                ),
            );
            return "#".to_owned();
        }
        let (path, anchor) = match classified {
            Err(refused) => {
                self.error(offset, refused.message(place, dest));
                return "#".to_owned();
            }
            Ok(Address::Elsewhere(url)) => return url,
            Ok(Address::Anchor(anchor)) => {
                let (line, column) = self.position(offset);
                self.local_references.push((anchor.clone(), line, column));
                return format!("#{ID}{anchor}");
            }
            Ok(Address::Site { path, anchor }) => (path, anchor),
        };
        let with_anchor = |base: String| anchor.as_ref().map_or(base.clone(), |a| format!("{base}#{a}"));
        if path.is_empty() || path.contains(['/', '.', '\\', ' ']) {
            if kind.is_none() && self.options.links.has_file(&path) {
                return with_anchor(format!("{ROOT}{path}"));
            }
            self.error(
                offset,
                format!("link `{}` names no page and no file of the site: link to an article by its id (`regels#r9`), to a file in the theme's static/ folder by its path, or give a full address starting with https://", dest.trim()),
            );
            return "#".to_owned();
        }
        let address = match self.options.links.resolve(&path, kind, anchor.as_deref()) {
            Ok(address) => address,
            Err(message) => {
                self.error(offset, message);
                return "#".to_owned();
            }
        };
        if let Some(anchor) = &anchor {
            let (line, column) = self.position(offset);
            self.result.references.push(Reference { target: path.clone(), anchor: anchor.clone(), line, column });
        }
        with_anchor(format!("{ROOT}{address}"))
    }

    /// An HTML block's start, end or line, or an inline tag: written out as
    /// it is, and checked once a block or tag is complete.
    pub(super) fn raw_html_event(&mut self, event: Event<'s>, range: Range<usize>) {
        match event {
            Event::Start(Tag::HtmlBlock) => {
                self.html_block = Some(Vec::new());
                self.out.push(event);
            }
            Event::End(TagEnd::HtmlBlock) => {
                if let Some(run) = self.html_block.take() {
                    self.raw_html(&run);
                }
                self.out.push(event);
            }
            Event::Html(html) | Event::InlineHtml(html) => {
                if let Some(image) = &mut self.image {
                    // In an image's description, tags are text, as pulldown-cmark writes them.
                    image.alt.push_str(&html);
                    return;
                }
                match &mut self.html_block {
                    Some(run) => run.push((html.clone(), range)),
                    None => self.raw_html(&[(html.clone(), range)]),
                }
                self.out.push(Event::Html(html));
            }
            _ => {}
        }
    }

    /// Checks a run of raw HTML (the lines of an HTML block, or one inline
    /// tag) and resolves its addresses for the pass of [`super::sanitize`].
    fn raw_html(&mut self, run: &[(CowStr<'_>, Range<usize>)]) {
        self.has_raw_html = true;
        let html: String = run.iter().map(|(text, _)| &**text).collect();
        let source = self.source;
        // Source offset of a byte offset of `html`.
        let source_offset = |mut at: usize| {
            for (text, range) in run {
                if at < text.len() {
                    return range.start + offset_in_source(text, source.get(range.clone()).unwrap_or(""), at);
                }
                at -= text.len();
            }
            run.last().map_or(0, |(_, range)| range.end)
        };
        let found = raw_html::inspect(&html);
        for (at, message) in found.problems {
            self.error(source_offset(at), message);
        }
        for address in found.addresses {
            let offset = source_offset(address.offset);
            let resolved = if address.attribute == "src" {
                self.image_source(&address.value, offset)
            } else {
                self.resolve_link(&address.value, offset, "`href`")
            };
            self.rewrites.insert(address.value, resolved);
        }
    }
}

/// The offset in `source` of byte `at` of `text`, which is `source` with a
/// prefix taken off some lines (the indentation and `>` of lists and quotes).
fn offset_in_source(text: &str, source: &str, at: usize) -> usize {
    let line = text[..at].matches('\n').count();
    let column = at - text[..at].rfind('\n').map_or(0, |i| i + 1);
    let text_line = text.split('\n').nth(line).unwrap_or("");
    let Some(source_line) = source.split('\n').nth(line) else { return at.min(source.len()) };
    let line_start = source.split('\n').take(line).map(|l| l.len() + 1).sum::<usize>();
    line_start + source_line.len().saturating_sub(text_line.len()) + column
}

/// Ids of a map, for tests and simple link targets; keys starting with `/`
/// are files.
impl LinkTargets for BTreeMap<String, String> {
    fn is_kind(&self, _word: &str) -> bool {
        false
    }
    fn resolve(&self, id: &str, _kind: Option<&str>, _anchor: Option<&str>) -> Result<String, String> {
        self.get(id).cloned().ok_or_else(|| {
            let known = self.keys().filter(|k| !k.starts_with('/')).map(String::as_str);
            format!("link to unknown id `{id}`{}", text::hint(id, known))
        })
    }
    fn has_file(&self, path: &str) -> bool {
        self.contains_key(&format!("/{path}"))
    }
}
