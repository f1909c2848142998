use super::glossary::{GlossaryLinker, TermPattern};
use super::*;

fn targets() -> BTreeMap<String, String> {
    [("regels", "nl/protocol/regels/"), ("/images/klas.jpg", ""), ("/files/protocol.pdf", "")]
        .into_iter()
        .map(|(k, v)| (k.to_owned(), v.to_owned()))
        .collect()
}

fn render_with(source: &str, rules: Option<(Numbering, &str)>, glossary: Option<&GlossaryLinker>) -> Rendered {
    let links = targets();
    let options = Options {
        path: Path::new("a.md"),
        first_line: 5,
        id_prefix: "art",
        text_id: "art",
        rules,
        links: &links,
        glossary,
    };
    render(source, &options)
}

#[test]
fn numbered_items_get_rule_anchors() {
    let r = render_with("8. acht\n9. negen\n   1. sub a\n   2. sub b\n", Some((Numbering::Decimal, "r")), None);
    let html = r.html.resolve("", 0, "");
    assert!(html.contains("<ol start=\"8\">"), "{html}");
    let link = |anchor: &str, number: &str| {
        format!(
            "<li id=\"{anchor}\"><a class=\"rule-link\" href=\"#{anchor}\" aria-label=\"{number}\" \
             aria-describedby=\"rule-link-help\"></a> "
        )
    };
    assert!(html.contains(&format!("{}acht</li>", link("r8", "8"))), "{html}");
    assert!(html.contains("<ol type=\"a\">"), "{html}");
    assert!(html.contains(&format!("{}sub b</li>", link("r9b", "9b"))), "{html}");
    assert_eq!(r.rule_anchors, ["r8", "r9", "r9a", "r9b"]);
    assert_eq!(r.rule_count, 2);
}

#[test]
fn plain_text_for_search_has_rule_and_heading_anchors() {
    let r = render_with(
        "Inleiding.\n\n## Op school\n\n1. Een `code`\n2. Twee:\n   1. sub a\n\n![Een klas](images/klas.jpg)\n",
        Some((Numbering::Decimal, "r")),
        None,
    );
    assert_eq!(r.plain.text, "Inleiding. Op school. Een code. Twee: sub a.");
    let anchors: Vec<(u32, &str, &str, &str)> =
        r.plain.anchors.iter().map(|a| (a.word, a.element, a.id.as_str(), a.text.as_str())).collect();
    assert_eq!(
        anchors,
        [(1, "h2", "art-op-school", "Op school"), (3, "li", "r1", ""), (5, "li", "r2", ""), (6, "li", "r2a", "")]
    );
    assert_eq!(r.plain.headings, [plain::HeadingWords { start: 1, end: 3, level: 2 }]);
}

#[test]
fn lettered_articles_and_prefixes() {
    let r = render_with("1. een\n2. twee\n", Some((Numbering::UpperAlpha, "r")), None);
    assert_eq!(r.rule_anchors, ["rA", "rB"]);
    assert!(r.html.resolve("", 0, "").contains("<ol type=\"A\">"));
    let r = render_with("1. een\n", Some((Numbering::Decimal, "u")), None);
    assert_eq!(r.rule_anchors, ["u1"]);
    let r = render_with("- los\n  1. genest\n", Some((Numbering::Decimal, "r")), None);
    assert!(r.rule_anchors.is_empty(), "lists inside bullets are not rules");
    let r = render_with("1. een\n", None, None);
    assert!(r.rule_anchors.is_empty(), "texts without rules get no anchors");
}

#[test]
fn ids_and_local_links_take_the_page_prefix() {
    let r = render_with("1. een\n\nZie [regel 1](#r1).\n", Some((Numbering::Decimal, "r")), None);
    let shared = r.html.resolve("", 1, "art-");
    assert!(shared.contains("<li id=\"art-r1\">") && shared.contains("href=\"#art-r1\""), "{shared}");
    let own = r.html.resolve("", 0, "");
    assert!(own.contains("<li id=\"r1\">") && own.contains("href=\"#r1\""), "{own}");
}

#[test]
fn headings_are_shifted_and_prefixed() {
    let r = render_with("## Daarom dit protocol\n\n## Daarom dit protocol\n", None, None);
    assert_eq!(r.heading_ids, ["art-daarom-dit-protocol", "art-daarom-dit-protocol-2"]);
    assert!(r.html.resolve("", 1, "").contains("<h3 id=\"art-daarom-dit-protocol\">Daarom dit protocol</h3>"));
}

#[test]
fn links_by_id_resolve_per_page_and_unknown_ids_are_errors() {
    let r = render_with("Zie [regel 9](regels#r9) en [x](regel).\n", None, None);
    assert!(r.html.resolve("../../", 0, "").contains("<a href=\"../../nl/protocol/regels/#r9\">regel 9</a>"));
    assert_eq!(r.references, [Reference { target: "regels".into(), anchor: "r9".into(), line: 5, column: 5 }]);
    assert_eq!(r.diagnostics.len(), 1);
    assert_eq!(r.diagnostics[0].to_string(), "a.md:5:29: link to unknown id `regel`; did you mean `regels`?");
}

#[test]
fn local_anchor_must_exist() {
    let r = render_with("1. een\n\nZie [regel 1](#r1) en [2](#r2).\n", Some((Numbering::Decimal, "r")), None);
    assert_eq!(r.diagnostics.len(), 1);
    assert_eq!(r.diagnostics[0].line, 7);
    assert!(r.diagnostics[0].message.contains("`#r2`"), "{}", r.diagnostics[0]);
}

#[test]
fn external_links_stay_and_other_paths_are_errors() {
    let r = render_with("[AP](https://example.org/x) [bad](../x.md) [js](javascript:alert(1))\n", None, None);
    assert!(r.html.resolve("", 0, "").contains("href=\"https://example.org/x\""));
    let messages: Vec<_> = r.diagnostics.iter().map(|d| d.message.as_str()).collect();
    assert_eq!(messages.len(), 2, "{messages:?}");
    assert!(messages[0].contains("names no page and no file of the site"));
    assert!(messages[1].contains("javascript:"));
}

#[test]
fn images_need_alt_text_and_a_local_source() {
    let r = render_with("Tekst\n\n![](foto.jpg)\n\n![Klas](https://cdn.example/k.jpg)\n", None, None);
    let lines: Vec<_> =
        r.diagnostics.iter().map(|d| (d.line, d.message.split(';').next().unwrap().to_owned())).collect();
    assert_eq!(
        lines,
        [
            (7, "image `foto.jpg` has no alt text".to_owned()),
            (7, "image `foto.jpg` is not a file of the site".to_owned()),
            (9, "image `https://cdn.example/k.jpg` comes from another site".to_owned())
        ]
    );
    let missing = render_with("![Een klas](images/kas.jpg)\n", None, None);
    assert!(
        missing.diagnostics[0].message.starts_with("image `images/kas.jpg` is not a file of the site"),
        "{:?}",
        missing.diagnostics
    );
    let file = render_with("[het protocol als pdf](files/protocol.pdf)\n", None, None);
    assert!(file.diagnostics.is_empty());
    assert!(file.html.resolve("../", 0, "").contains("href=\"../files/protocol.pdf\""));
    let ok = render_with("![Een klas](images/klas.jpg)\n", None, None);
    assert!(ok.diagnostics.is_empty());
    assert_eq!(ok.html.resolve("../", 0, ""), "<p><img src=\"../images/klas.jpg\" alt=\"Een klas\"></p>\n");
}

#[test]
fn unsafe_html_is_reported_with_line() {
    let r = render_with("Tekst\n\n<iframe src=\"https://video.example/x\"></iframe>\n", None, None);
    assert_eq!(r.diagnostics[0].line, 7);
    assert!(r.diagnostics[0].message.contains("`<iframe>` is not allowed"));
}

#[test]
fn first_use_of_a_glossary_term_links_outside_links_and_headings() {
    let linker = GlossaryLinker::new(
        &[TermPattern { id: "privacy".into(), words: vec!["privacy".into()], definition: "Wat van jou is.".into() }],
        "nl/begrippen/#".into(),
    );
    let r = render_with("## Privacy\n\n[privacy](regels) en Privacy, privacy.\n", None, Some(&linker));
    let html = r.html.resolve("../", 0, "");
    assert_eq!(html.matches("class=\"term\"").count(), 1, "{html}");
    assert!(
        html.contains(
            "en <a class=\"term\" href=\"../nl/begrippen/#privacy\" id=\"art-use-privacy\">Privacy</a>\
             <button type=\"button\" class=\"term-info\" popovertarget=\"art-def-privacy\" \
             aria-labelledby=\"term-help art-use-privacy\"></button>\
             <span class=\"term-definition\" popover id=\"art-def-privacy\">Wat van jou is.</span>, privacy."
        ),
        "{html}"
    );
}

#[test]
fn footnotes_get_prefixed_ids() {
    let r = render_with("Tekst[^1].\n\n[^1]: Uitleg.\n", None, None);
    let html = r.html.resolve("", 0, "");
    assert!(
        html.contains("<sup class=\"footnote-reference\" id=\"art-fnref-1\"><a href=\"#art-fn-1\">1</a></sup>"),
        "{html}"
    );
    assert!(html.contains("<div class=\"footnote-definition\" id=\"art-fn-1\">"), "{html}");
}

#[test]
fn placeholder_character_in_content_is_removed() {
    let r = render_with("a\u{E000}Rb\n", None, None);
    assert_eq!(r.html.resolve("X", 0, ""), "<p>aRb</p>\n");
}

#[test]
fn escape_replaces_the_five_characters_and_keeps_all_others() {
    assert_eq!(escape(""), "");
    assert_eq!(escape("geen"), "geen");
    assert_eq!(
        escape("<a href=\"x\">Foto's & video's</a>"),
        "&lt;a href=&quot;x&quot;&gt;Foto&#39;s &amp; video&#39;s&lt;/a&gt;"
    );
    assert_eq!(escape("€ café ©&ĳ"), "€ café ©&amp;ĳ");
    assert_eq!(escape("&&"), "&amp;&amp;");
}

#[test]
fn raw_html_errors_point_into_quotes_and_lists() {
    let r = render_with("> <div>\n> <p onclick=\"x\">a</p>\n> </div>\n\n- <span\n  style=\"x\">b</span>\n", None, None);
    let found: Vec<_> =
        r.diagnostics.iter().map(|d| (d.line, d.column, d.message.split(':').next().unwrap())).collect();
    assert_eq!(
        found,
        [
            (6, 6, "the event attribute `onclick` is not allowed in content"),
            (10, 3, "the attribute `style` is not allowed in content")
        ]
    );
}

#[test]
fn placeholder_character_never_reaches_code_titles_alt_text_or_addresses() {
    let r = render_with(
        "`a\u{E000}R` [x](regels \"t\u{E000}R\") ![K\u{E000}Rlas](images/klas.jpg) [y](#r\u{E000}1)\n\n## Kop {#k\u{E000}Ra .c\u{E000}R}\n\n1. een\n",
        Some((Numbering::Decimal, "r")),
        None,
    );
    assert!(r.diagnostics.is_empty(), "{:?}", r.diagnostics);
    let html = r.html.resolve("ROOT/", 0, "");
    assert!(!html.contains('\u{E000}'));
    assert_eq!(html.matches("ROOT/").count(), 2, "the link and the image only: {html}");
    assert!(
        html.contains("<code>aR</code>") && html.contains("title=\"tR\"") && html.contains("alt=\"KRlas\""),
        "{html}"
    );
    assert!(html.contains("id=\"kRa\" class=\"cR\"") && html.contains("href=\"#r1\""), "{html}");
}

#[test]
fn email_autolinks_are_mail_links() {
    let r = render_with("<mentor@school.example>\n", None, None);
    assert!(r.diagnostics.is_empty(), "{:?}", r.diagnostics);
    assert!(r.html.resolve("", 0, "").contains("href=\"mailto:mentor@school.example\""));
}

#[test]
fn raw_html_addresses_resolve_like_markdown_ones() {
    let r = render_with(
        "1. een\n\n<a href=\"regels#r9\">9</a> <a href=\"#r1\">1</a> <img alt=\"k\" src=\"/images/klas.jpg\">\n",
        Some((Numbering::Decimal, "r")),
        None,
    );
    assert!(r.diagnostics.is_empty(), "{:?}", r.diagnostics);
    let html = r.html.resolve("../", 0, "art-");
    assert!(html.contains("<a href=\"../nl/protocol/regels/#r9\">9</a> <a href=\"#art-r1\">1</a> <img alt=\"k\" src=\"../images/klas.jpg\">"), "{html}");
    assert_eq!(r.references, [Reference { target: "regels".into(), anchor: "r9".into(), line: 7, column: 4 }]);
}

#[test]
fn every_prefix_of_every_payload_renders_without_panic() {
    let payloads = include_str!("../../tests/fixtures/payloads/payloads.txt");
    for payload in payloads.split("\n=== ").skip(1) {
        let text = payload.split_once('\n').map_or("", |(_, text)| text);
        for (end, _) in text.char_indices() {
            let r = render_with(&text[..end], Some((Numbering::Decimal, "r")), None);
            assert!(!r.html.resolve("", 0, "").contains('\u{E000}'), "{:?}", &text[..end]);
        }
    }
}
