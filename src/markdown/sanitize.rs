//! Defence in depth for texts with raw HTML: their rendered HTML is parsed
//! as a fragment by html5ever (through ammonia) and written again keeping
//! only the allowlist, so the page stays inert even where the checks of
//! [`super::raw_html`] and a browser could read the source differently.
//! The placeholders of [`super::fragment`] survive only where the renderer
//! puts them: heading tags, and the start of `href`, `src` and `id`.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};

use super::raw_html::{ELEMENTS, GLOBAL_ATTRIBUTES};
use super::url_policy::{self, Address};
use super::{ID, MARK, ROOT};

/// Heading tags as the renderer writes them (`h{MARK}2`), for levels 2 to 6.
const HEADINGS: [&str; 5] = ["h\u{E000}2", "h\u{E000}3", "h\u{E000}4", "h\u{E000}5", "h\u{E000}6"];

/// Elements dropped with everything in them, rather than replaced by their
/// content: what could run, embed or be read as raw text.
const DROPPED: &[&str] = &[
    "script",
    "style",
    "noscript",
    "noembed",
    "noframes",
    "template",
    "textarea",
    "title",
    "xmp",
    "plaintext",
    "iframe",
    "object",
    "embed",
    "applet",
    "frame",
    "frameset",
    "svg",
    "math",
    "select",
    "audio",
    "video",
    "canvas",
    "head",
];

/// Table cell alignment, the one `style` the renderer writes.
const ALIGNMENTS: [&str; 3] = ["text-align: left", "text-align: center", "text-align: right"];

/// `html` (rendered by this module's parent) with only allowed elements and
/// attributes. `rewrites` maps the `href` and `src` values of raw HTML, as
/// decoded, to the addresses the renderer resolved them to; a raw address
/// not in it is dropped.
pub fn clean(html: &str, rewrites: HashMap<String, String>) -> String {
    let mut tags: HashSet<&str> = ELEMENTS.iter().map(|(name, _)| *name).collect();
    tags.extend(HEADINGS);
    let mut tag_attributes: HashMap<&str, HashSet<&str>> =
        ELEMENTS.iter().map(|(name, attributes)| (*name, attributes.iter().copied().collect())).collect();
    for cell in ["td", "th"] {
        tag_attributes.entry(cell).or_default().insert("style");
    }
    let mut generic: HashSet<&str> = GLOBAL_ATTRIBUTES.iter().copied().collect();
    generic.insert("id");
    // Written by the renderer only (a rule's link, `anchors.rs`): raw HTML
    // with it is refused before this (`raw_html::GLOBAL_ATTRIBUTES`).
    generic.insert("aria-label");
    generic.insert("aria-describedby");
    // A glossary term's definition in place (`Adaptor::text`): a button
    // that opens a popover, named through `aria-labelledby`.
    tags.insert("button");
    for attribute in ["aria-labelledby", "popover", "popovertarget", "type"] {
        generic.insert(attribute);
    }
    // A raw link by kind (`audience:ouders`) reads as a scheme: the kinds of
    // the links the renderer resolved into the site pass ammonia's check of
    // schemes, so that `keep_attribute` can replace them by their address.
    let kinds: Vec<String> = rewrites
        .iter()
        .filter(|(_, resolved)| resolved.starts_with(ROOT))
        .filter_map(|(raw, _)| url::Url::parse(raw).ok())
        .map(|url| url.scheme().to_owned())
        .collect();
    let schemes = ["https", "http", "mailto", "tel"].into_iter().chain(kinds.iter().map(String::as_str));
    let cleaned = ammonia::Builder::empty()
        .tags(tags)
        .clean_content_tags(DROPPED.iter().copied().collect())
        .generic_attributes(generic)
        .tag_attributes(tag_attributes)
        .url_schemes(schemes.collect())
        .url_relative(ammonia::UrlRelative::PassThrough)
        .link_rel(None)
        .strip_comments(true)
        .attribute_filter(move |_element, attribute, value| keep_attribute(attribute, value, &rewrites))
        .clean(html)
        .to_string();
    strip_stray_marks(&cleaned)
}

/// The value an allowed attribute keeps, if any.
fn keep_attribute<'v>(attribute: &str, value: &'v str, rewrites: &HashMap<String, String>) -> Option<Cow<'v, str>> {
    match attribute {
        "id" => placeholder_then_plain(value, ID).then_some(Cow::Borrowed(value)),
        "style" => ALIGNMENTS.contains(&value).then_some(Cow::Borrowed(value)),
        "href" | "src" => address(attribute, value, rewrites),
        _ if value.contains(MARK) => Some(Cow::Owned(value.replace(MARK, ""))),
        _ => Some(Cow::Borrowed(value)),
    }
}

fn address<'v>(attribute: &str, value: &'v str, rewrites: &HashMap<String, String>) -> Option<Cow<'v, str>> {
    // Written by the renderer: a file or page of the site, or an anchor.
    if let Some(path) = value.strip_prefix(ROOT) {
        let on_site = !path.contains(MARK)
            && !path.starts_with(['/', '\\'])
            && matches!(url_policy::classify(path), Ok(Address::Site { .. }));
        return on_site.then_some(Cow::Borrowed(value));
    }
    if attribute == "href" && value.strip_prefix('#').is_some_and(|anchor| placeholder_then_plain(anchor, ID)) {
        return Some(Cow::Borrowed(value));
    }
    if value.contains(MARK) {
        return None;
    }
    // Written in raw HTML and resolved by the renderer.
    if let Some(resolved) = rewrites.get(value) {
        return Some(Cow::Owned(resolved.clone()));
    }
    // Links of Markdown to other sites, as the renderer wrote them.
    match url_policy::classify(value) {
        Ok(Address::Elsewhere(url)) if attribute == "href" && url == value => Some(Cow::Borrowed(value)),
        _ => None,
    }
}

/// Whether `value` is `placeholder` followed by text without markers.
fn placeholder_then_plain(value: &str, placeholder: &str) -> bool {
    value.strip_prefix(placeholder).is_some_and(|rest| !rest.contains(MARK))
}

/// `html` without markers other than those at the start of an attribute
/// value or in a heading tag: the serializer quotes every attribute value
/// with `"`, so those are the only places the renderer's markers can be.
fn strip_stray_marks(html: &str) -> String {
    if !html.contains(MARK) {
        return html.to_owned();
    }
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(i) = rest.find(MARK) {
        let before = &rest[..i];
        let after = &rest[i + MARK.len_utf8()..];
        out.push_str(before);
        let in_heading_tag =
            (before.ends_with("<h") || before.ends_with("</h")) && after.starts_with(['2', '3', '4', '5', '6']);
        let at_value_start = (before.ends_with("=\"") || before.ends_with("=\"#")) && after.starts_with(['R', 'I']);
        if in_heading_tag || at_value_start {
            out.push(MARK);
        }
        rest = after;
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn clean_alone(html: &str) -> String {
        clean(html, HashMap::new())
    }

    #[test]
    fn keeps_the_renderer_s_placeholders_and_markup() {
        let html = "<h\u{E000}2 id=\"\u{E000}Iintro\">Intro</h\u{E000}2>\n<p><a href=\"\u{E000}Rnl/protocol/\">x</a> \
                    <a href=\"#\u{E000}Ir1\">1</a> <img src=\"\u{E000}Rimages/a.png\" alt=\"a\"> \
                    <a href=\"https://example.org/\">e</a></p>\n<table><thead><tr><th style=\"text-align: center\">k</th></tr></thead></table>\n";
        assert_eq!(clean_alone(html), html);
    }

    #[test]
    fn drops_what_is_not_allowed() {
        assert_eq!(clean_alone("<p onclick=\"x\" style=\"color:red\" id=\"top\">a<script>b</script></p>"), "<p>a</p>");
        assert_eq!(
            clean_alone("<img src=\"https://evil.example/x.png\" alt=\"x\" srcset=\"y 2x\">"),
            "<img alt=\"x\">"
        );
        assert_eq!(clean_alone("<a href=\"\u{E000}R//evil.example/\">x</a>"), "<a>x</a>");
        assert_eq!(clean_alone("<a href=\"javascript:x\">x</a><svg><a href=\"#x\">y</a></svg>"), "<a>x</a>");
        assert_eq!(
            clean_alone("<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\"></noscript>"),
            "<img>\"&gt;"
        );
    }

    #[test]
    fn markers_from_character_references_are_removed() {
        assert_eq!(clean_alone("<p title=\"&#xE000;R\">&#xE000;I</p>"), "<p title=\"R\">I</p>");
        assert_eq!(clean_alone("<a href=\"&#xE000;R&#xE000;x\">x</a>"), "<a>x</a>");
    }

    #[test]
    fn raw_addresses_take_their_resolved_form() {
        let rewrites = HashMap::from([("images/a.png".to_owned(), format!("{ROOT}images/a.png"))]);
        assert_eq!(
            clean("<img src=\"images/a.png\" alt=\"a\">", rewrites),
            format!("<img src=\"{ROOT}images/a.png\" alt=\"a\">")
        );
    }
}
