//! Attacks on the raw HTML, links and images of content, from
//! tests/fixtures/payloads/payloads.txt (shared with the browser test
//! tests/browser/lib/payloads.js): each payload in an article of its own is
//! either refused with an error at its file, line and column, or builds into
//! pages that stay inert: nothing that runs script, nothing loaded from or
//! sent to another origin, no placeholder character.

mod common;

use common::*;
use scraper::{ElementRef, Html};
use std::collections::BTreeMap;
use std::path::Path;
use url::Url;

/// Lines of an article before its payload (front matter and one rule).
const HEADER_LINES: usize = 8;

struct Payload {
    /// The `# --- ` heading the payload stands under.
    kind: String,
    name: String,
    /// `None` when the payload must build; else line, column and the start
    /// of the first error, counted within the payload.
    error: Option<(usize, usize, String)>,
    text: String,
}

fn payloads() -> Vec<Payload> {
    let file = fixture("payloads").join("payloads.txt");
    let text = std::fs::read_to_string(&file).unwrap();
    let mut payloads: Vec<Payload> = Vec::new();
    let mut kind = String::new();
    for line in text.lines() {
        if let Some(heading) = line.strip_prefix("# --- ") {
            kind = heading.to_owned();
        } else if let Some(head) = line.strip_prefix("=== ") {
            let (name, expect) = head.split_once(" | ").expect("`=== name | expect`");
            let error = expect.strip_prefix("error ").map(|e| {
                let (position, message) = e.split_once(' ').unwrap();
                let (line, column) = position.split_once(':').unwrap();
                (line.parse().unwrap(), column.parse().unwrap(), message.to_owned())
            });
            assert!(error.is_some() || expect == "ok", "{line}");
            payloads.push(Payload { kind: kind.clone(), name: name.to_owned(), error, text: String::new() });
        } else if let Some(last) = payloads.last_mut() {
            last.text.push_str(line);
            last.text.push('\n');
        }
    }
    for payload in &mut payloads {
        // Blank lines and comments between payloads belong to none.
        let kept: Vec<&str> = payload.text.lines().collect();
        let end = kept.iter().rposition(|l| !l.is_empty() && !l.starts_with("# ")).map_or(0, |i| i + 1);
        payload.text = kept[..end].join("\n") + "\n";
    }
    payloads
}

/// The minimal site with the image `images/klas.svg` and an article per payload.
fn site_with_payloads<'p>(payloads: impl IntoIterator<Item = &'p Payload>) -> tempfile::TempDir {
    let site = site_with(None);
    copy_tree(&fixture("payloads").join("site"), site.path());
    for (order, payload) in payloads.into_iter().enumerate() {
        let article = format!(
            "---\nid: {name}\ntitle: {name}\naudiences: [all]\norder: {}\n---\n1. Regel een.\n\n{}",
            order + 100,
            payload.text,
            name = payload.name
        );
        assert_eq!(article.lines().position(|l| l == "1. Regel een."), Some(HEADER_LINES - 2));
        std::fs::write(site.path().join(format!("content/nl/protocol/{}.md", payload.name)), article).unwrap();
    }
    site
}

/// `cargo test --test html_payloads -- --nocapture every_kind` prints how many
/// payloads of each kind there are, and how many are refused (each at its
/// place, by the next test) or built into inert pages (by the one after).
#[test]
fn there_are_enough_payloads_of_every_kind() {
    let all = payloads();
    let mut kinds: Vec<(&str, usize, usize)> = Vec::new();
    for payload in &all {
        if kinds.last().is_none_or(|(kind, _, _)| *kind != payload.kind) {
            kinds.push((&payload.kind, 0, 0));
        }
        let row = kinds.last_mut().unwrap();
        if payload.error.is_some() {
            row.1 += 1;
        } else {
            row.2 += 1;
        }
    }
    println!("{:<42} {:>8} {:>8}", "kind", "refused", "inert");
    for (kind, refused, inert) in &kinds {
        println!("{kind:<42} {refused:>8} {inert:>8}");
    }
    let refused = all.iter().filter(|p| p.error.is_some()).count();
    println!("{:<42} {refused:>8} {:>8}", "all", all.len() - refused);
    assert!(refused >= 60, "{refused} refused payloads");
    assert!(all.len() - refused >= 10, "accepted payloads");
    assert!(kinds.len() >= 10 && kinds.iter().all(|(kind, _, _)| !kind.is_empty()), "every payload has a kind");
    let mut names: Vec<_> = all.iter().map(|p| &p.name).collect();
    names.sort();
    names.dedup();
    assert_eq!(names.len(), all.len(), "payload names are unique");
}

#[test]
fn each_refused_payload_is_an_error_at_its_place() {
    let all = payloads();
    let site = site_with_payloads(&all);
    let output = leidraad(site.path(), &["check"]);
    assert_eq!(output.status.code(), Some(1));
    let stderr = stderr(&output);
    let mut first_errors: BTreeMap<String, &str> = BTreeMap::new();
    for line in stderr.lines().filter(|l| l.contains(": ") && !l.contains(": warning: ")) {
        if let Some(file) = line.strip_prefix("content/nl/protocol/").and_then(|l| l.split(".md:").next()) {
            first_errors.entry(file.to_owned()).or_insert(line);
        }
    }
    let mut wrong = Vec::new();
    for payload in &all {
        let found = first_errors.get(&payload.name).copied();
        match (&payload.error, found) {
            (None, None) => {}
            (None, Some(line)) => wrong.push(format!("{}: expected to build, got {line}", payload.name)),
            (Some((line, column, message)), found) => {
                let expected =
                    format!("content/nl/protocol/{}.md:{}:{column}: {message}", payload.name, line + HEADER_LINES);
                if !found.is_some_and(|f| f.starts_with(&expected)) {
                    wrong.push(format!(
                        "{}:\n  expected {expected}\n  got      {}",
                        payload.name,
                        found.unwrap_or("-")
                    ));
                }
            }
        }
    }
    assert!(wrong.is_empty(), "{}\n\nall errors:\n{stderr}", wrong.join("\n"));
}

#[test]
fn accepted_payloads_build_into_inert_pages() {
    let all = payloads();
    let site = site_with_payloads(all.iter().filter(|p| p.error.is_none()));
    let out = build(site.path());
    let site_dir = out.path().join("site");
    let mut problems = Vec::new();
    let mut pages = 0;
    for (path, bytes) in read_tree(&site_dir) {
        if !path.ends_with(".html") {
            continue;
        }
        pages += 1;
        let text = String::from_utf8(bytes).unwrap();
        if text.contains('\u{E000}') {
            problems.push(format!("{path}: the placeholder character U+E000"));
        }
        let page = Url::parse("http://127.0.0.1:1/school/").unwrap().join(&path).unwrap();
        let html = Html::parse_document(&text);
        let mut found = Vec::new();
        for element in select(&html, "*") {
            inert_element(&element, &page, &site_dir, &mut found);
        }
        for element in select(&html, ".prose *") {
            inert_content(&element, &mut found);
        }
        problems.extend(found.into_iter().map(|p| format!("{path}: {p}")));
    }
    assert!(pages > 10);
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    // Every accepted payload is on its page.
    for payload in all.iter().filter(|p| p.error.is_none()) {
        let page = page(&site_dir, &format!("nl/protocol/{}", payload.name));
        assert_eq!(select(&page, ".prose li#r1").len(), 1, "{}", payload.name);
    }
}

/// Checks that hold for every element of every page, the theme's included.
fn inert_element(element: &ElementRef<'_>, page: &Url, site: &Path, problems: &mut Vec<String>) {
    let name = element.value().name();
    for (attribute, value) in element.value().attrs() {
        if attribute.starts_with("on") {
            problems.push(format!("<{name} {attribute}>: an event handler"));
        }
        // Links, and `<link>`s that name a page rather than load one.
        let names_page = name == "link" && matches!(element.value().attr("rel"), Some("canonical" | "alternate"));
        let is_link = attribute == "href" && (matches!(name, "a" | "area") || names_page);
        let loads = matches!(
            attribute,
            "src" | "srcset" | "poster" | "data" | "action" | "formaction" | "ping" | "background" | "xlink:href"
        ) || (attribute == "href" && !is_link);
        if !(is_link || loads) {
            continue;
        }
        let Ok(url) = page.join(value) else { continue };
        let same_origin = url.origin() == page.origin();
        let allowed_link = same_origin || matches!(url.scheme(), "https" | "http" | "mailto" | "tel");
        if (loads && !same_origin) || (is_link && !allowed_link) {
            problems.push(format!("<{name} {attribute}=\"{value}\">: points to {url}"));
        }
    }
    match name {
        "script" => match element.value().attr("src").and_then(|src| page.join(src).ok()) {
            Some(src) if src.origin() == page.origin() => {
                let file = site.join(src.path().trim_start_matches("/school/"));
                if !file.is_file() {
                    problems.push(format!("<script src={src}>: no file of the site"));
                }
            }
            _ => problems.push("<script> without a file of the site".to_owned()),
        },
        "base" | "object" | "embed" | "iframe" => problems.push(format!("<{name}>")),
        "meta" => {
            let equiv = element.value().attr("http-equiv").unwrap_or("").to_ascii_lowercase();
            // The theme's own refresh (the root leads to a home page) goes
            // to a page of the site; content may put no refresh anywhere.
            let content = element.value().attr("content").unwrap_or("");
            let to_own_page = content
                .strip_prefix("0; url=")
                .and_then(|to| page.join(to).ok())
                .filter(|to| to.origin() == page.origin())
                .is_some_and(|to| site.join(to.path().trim_start_matches("/school/")).join("index.html").is_file());
            if !equiv.is_empty() && equiv != "content-security-policy" && !(equiv == "refresh" && to_own_page) {
                problems.push(format!("<meta http-equiv={equiv} content={content}>"));
            }
        }
        _ => {}
    }
}

/// Checks for what content puts on a page.
fn inert_content(element: &ElementRef<'_>, problems: &mut Vec<String>) {
    const FORBIDDEN: &[&str] = &[
        "script",
        "style",
        "iframe",
        "object",
        "embed",
        "svg",
        "math",
        "form",
        "input",
        "button",
        "select",
        "textarea",
        "noscript",
        "noembed",
        "noframes",
        "template",
        "xmp",
        "title",
        "meta",
        "link",
        "base",
        "video",
        "audio",
        "source",
        "picture",
        "frame",
        "frameset",
        "applet",
        "canvas",
        "plaintext",
    ];
    let name = element.value().name();
    // The renderer's one button: a glossary term's "?" that opens its
    // definition (a popover), with nothing else on it.
    let term_button = name == "button"
        && element.value().classes().eq(["term-info"])
        && element.value().attrs().all(|(a, v)| match a {
            "type" => v == "button",
            "class" | "popovertarget" | "aria-labelledby" => true,
            _ => false,
        });
    if FORBIDDEN.contains(&name) && !term_button {
        problems.push(format!("<{name}> in content"));
    }
    for (attribute, value) in element.value().attrs() {
        let alignment = attribute == "style" && value.starts_with("text-align: ");
        if matches!(attribute, "style" | "srcset" | "ping" | "target" | "name" | "formaction") && !alignment {
            problems.push(format!("<{name} {attribute}> in content"));
        }
    }
}

#[test]
fn legitimate_markup_keeps_working() {
    let all = payloads();
    let site = site_with_payloads(all.iter().filter(|p| p.name.starts_with("legit-") || p.name == "mail-and-phone"));
    let out = build(site.path());
    let site_dir = out.path().join("site");
    let text = page(&site_dir, "nl/protocol/legit-text-elements");
    for selector in
        ["abbr[title='Algemene verordening gegevensbescherming']", "sup", "kbd", "br", "mark", "del", "ins", "q"]
    {
        assert!(!select(&text, &format!(".prose {selector}")).is_empty(), "{selector}");
    }
    let details = page(&site_dir, "nl/protocol/legit-details");
    assert_eq!(text_of(&select(&details, ".prose details > summary")[0]), "Meer weten");
    assert_eq!(select(&details, ".prose details em").len(), 1, "Markdown inside details");
    let table = page(&site_dir, "nl/protocol/legit-table");
    assert_eq!(select(&table, ".prose table th[scope=col]").len(), 2);
    assert_eq!(select(&table, ".prose table td[colspan]").len(), 1);
    // Addresses in raw HTML resolve like those of Markdown, on every page.
    let links = page(&site_dir, "nl/protocol/legit-image-and-links");
    let sources: Vec<_> =
        select(&links, ".prose img").iter().map(|i| i.value().attr("src").unwrap().to_owned()).collect();
    assert_eq!(sources, ["../../../images/klas.svg", "../../../images/klas.svg"]);
    assert_eq!(select(&links, ".prose img[width='200'][alt='Een klas']").len(), 1);
    let hrefs: Vec<_> =
        select(&links, ".prose a:not(.rule-link)").iter().map(|a| a.value().attr("href").unwrap().to_owned()).collect();
    assert_eq!(hrefs, ["https://example.org/", "../../../nl/protocol/regels/#r1", "#r1"]);
    let whole = page(&site_dir, "nl/protocol");
    assert!(select(&whole, ".prose img").iter().all(|i| i.value().attr("src") == Some("../../images/klas.svg")));
    let mail = page(&site_dir, "nl/protocol/mail-and-phone");
    let hrefs: Vec<_> =
        select(&mail, ".prose a:not(.rule-link)").iter().map(|a| a.value().attr("href").unwrap().to_owned()).collect();
    assert_eq!(hrefs, ["mailto:mentor@school.example", "mailto:mentor@school.example", "tel:+31201234567"]);
    let lists = page(&site_dir, "nl/protocol/legit-lists");
    assert_eq!(select(&lists, ".prose dl > dt").len(), 1);
    assert_eq!(select(&lists, ".prose ol[start='3'][type=a]").len(), 1);
    assert_eq!(select(&lists, ".prose p.note[lang=en] time[datetime]").len(), 1);
}
