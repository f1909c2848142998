//! The whole protocol and each audience view print as a document: a title
//! page with the organisation (its name even without a logo), the contents
//! linking every article, a print button for JavaScript to show, and the
//! stylesheet that gives every later sheet the title at the top and "pagina
//! 3 van 9" at the foot, in each locale's words. (The browser suite prints
//! them and reads the PDF back: `print-document`.)

mod common;

use common::*;

const SECOND_ARTICLE: &str = "---\nid: melden\nnumber: \"3\"\ntitle: Melden\naudiences: [leerlingen]\n\
contexts: [school]\norder: 20\n---\n3. We melden wat niet klopt.\n";

/// The minimal fixture with a second article (for students only), built;
/// with `logo`, the site names a logo.
fn built(logo: bool) -> (tempfile::TempDir, tempfile::TempDir) {
    let root = site_with(None);
    std::fs::write(root.path().join("content/nl/protocol/melden.md"), SECOND_ARTICLE).unwrap();
    if logo {
        let stat = root.path().join("themes/default/static");
        std::fs::create_dir_all(&stat).unwrap();
        std::fs::write(stat.join("logo.svg"), "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 1 1\"/>")
            .unwrap();
        let config = std::fs::read_to_string(root.path().join("site.yaml")).unwrap();
        std::fs::write(root.path().join("site.yaml"), format!("{config}logo: logo.svg\n")).unwrap();
    }
    let out = build(root.path());
    (root, out)
}

/// The title page: the logo's address (if any) and its lines of text.
fn title_page(html: &scraper::Html) -> (Vec<String>, Vec<String>) {
    (attrs(html, "main .print-title-page img", "src"), texts(html, "main .print-title-page p"))
}

/// The print button: its text, and whether it waits hidden for print.js,
/// which the page loads.
fn print_button(html: &scraper::Html, root: &str) -> (Vec<String>, bool) {
    let hidden = select(html, "main [data-print-buttons][hidden] button[type=button][data-print]").len() == 1;
    let script = attrs(html, "head script[src]", "src").contains(&format!("{root}print.js"));
    (texts(html, "main [data-print]"), hidden && script)
}

#[test]
fn the_protocol_has_a_title_page_with_the_organisation_contents_and_a_print_button() {
    let (_root, out) = built(false);
    let site = out.path().join("site");
    let protocol = page(&site, "nl/protocol");
    assert_eq!(title_page(&protocol), (vec![], vec!["Testschool".to_owned(), "Testprotocol".to_owned()]));
    let sections = attrs(&protocol, "main section.article-section", "id");
    assert_eq!(sections, ["regels", "melden"]);
    let contents: Vec<String> = sections.iter().map(|id| format!("#{id}")).collect();
    assert_eq!(attrs(&protocol, "main nav.toc a", "href"), contents);
    assert_eq!(texts(&protocol, "main nav.toc h2"), ["Inhoud"]);
    assert_eq!(print_button(&protocol, "../../"), (vec!["Afdrukken".to_owned()], true));
    let sheets = attrs(&protocol, "head link[rel=stylesheet][media=print]", "href");
    assert_eq!(sheets, ["../../print-document.css", "../../leidraad-print.css"]);

    let english = page(&site, "en/protocol");
    assert_eq!(texts(&english, "main .print-title-page .print-title-title"), ["Test protocol"]);
    assert_eq!(print_button(&english, "../../").0, ["Print"]);
}

#[test]
fn an_audience_view_prints_as_a_leaflet_of_its_own() {
    let (_root, out) = built(false);
    let site = out.path().join("site");
    let students = page(&site, "nl/leerlingen");
    let (logo, lines) = title_page(&students);
    assert!(logo.is_empty());
    assert_eq!(lines, ["Testschool", "Testprotocol", "Voor: Leerlingen"]);
    let articles: Vec<String> =
        attrs(&students, "main .article-section", "id").iter().map(|id| format!("#{id}")).collect();
    assert_eq!(articles.len(), 2);
    let contents = attrs(&students, "main nav.toc ol ol a", "href");
    assert_eq!(contents, articles, "the contents link every article of the view");
    assert_eq!(attrs(&students, "body", "data-audience"), ["leerlingen"]);
    assert_eq!(print_button(&students, "../../"), (vec!["Afdrukken".to_owned()], true));

    let parents = page(&site, "en/parents");
    assert_eq!(title_page(&parents).1, ["Testschool", "Test protocol", "For: Parents"]);
    assert_eq!(attrs(&parents, "body", "data-audience"), ["ouders"]);
}

#[test]
fn with_a_logo_the_title_page_shows_it_and_still_the_name() {
    let (_root, out) = built(true);
    let (logo, lines) = title_page(&page(&out.path().join("site"), "nl/protocol"));
    assert_eq!(logo, ["../../logo.svg"]);
    assert_eq!(lines, ["Testschool", "Testprotocol"]);
}

/// The declarations of the rule that starts with `selector` in `css`, in
/// one line.
fn rule<'a>(css: &'a str, selector: &str) -> Vec<&'a str> {
    css.lines().map(str::trim).skip_while(|line| !line.starts_with(selector)).take_while(|line| *line != "}").collect()
}

#[test]
fn every_later_sheet_carries_the_title_and_page_n_of_m_in_the_locales_words() {
    let (_root, out) = built(false);
    let css = std::fs::read_to_string(out.path().join("site/leidraad-print.css")).unwrap();
    let sheet = |name: &str| rule(&css, &format!("@page {name} {{"));
    assert_eq!(
        sheet("leidraad-protocol-nl"),
        [
            "@page leidraad-protocol-nl {",
            "@top-left { content: \"Testprotocol\"; }",
            "@top-right { content: \"Testschool\"; }",
            "@bottom-center { content: \"pagina \" counter(page) \" van \" counter(pages); }",
        ]
    );
    assert_eq!(
        sheet("leidraad-view-en_leerlingen")[1..3],
        ["@top-left { content: \"Test protocol · Students\"; }", "@top-right { content: \"Testschool\"; }"]
    );
    assert_eq!(
        sheet("leidraad-view-en_leerlingen")[3],
        "@bottom-center { content: \"page \" counter(page) \" of \" counter(pages); }"
    );
    // Not on the title page.
    assert!(sheet("leidraad-protocol-en:first").contains(&"@bottom-center { content: none; }"));
    // Each page chooses its own.
    for (selector, name) in [
        ("html[lang=\"nl\"] body.page-protocol", "leidraad-protocol-nl"),
        ("html[lang=\"en\"] body.page-audience[data-audience=\"ouders\"]", "leidraad-view-en_ouders"),
    ] {
        assert!(css.contains(&format!("  {selector} {{ page: {name}; }}\n")), "{selector} in\n{css}");
    }
}
