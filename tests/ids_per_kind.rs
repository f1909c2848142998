//! Ids per kind (issue 21): articles, audiences, quizzes, scenario cards and
//! glossary terms each have their own ids, so an article may share its id
//! with an audience and a quiz; a link says which it means where it could
//! mean several, and duplicates within one kind stay errors.

mod common;

use common::*;
use std::path::Path;

/// A copy of the ids-per-kind fixture with `files` (path, text) written
/// over it.
fn fixture_with(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_tree(&fixture("ids-per-kind"), dir.path());
    for (path, text) in files {
        let path = dir.path().join(path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
    dir
}

/// The error lines of `check` on `root`, which must fail.
fn check_errors(root: &Path) -> Vec<String> {
    let output = leidraad(root, &["check"]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    stderr(&output).lines().filter(|l| !l.contains(" warning: ") && !l.contains(" found")).map(str::to_owned).collect()
}

/// The `href` of the link whose text is `text` on `html`.
fn href_of(html: &scraper::Html, text: &str) -> String {
    let links = select(html, "main a");
    let link = links.iter().find(|a| text_of(a) == text).unwrap_or_else(|| panic!("no link `{text}`"));
    link.value().attr("href").unwrap().to_owned()
}

#[test]
fn an_article_an_audience_and_a_quiz_share_an_id_and_each_has_its_page() {
    let site = built_fixture("ids-per-kind");
    let article = page(&site, "nl/protocol/docenten");
    assert_eq!(texts(&article, "h1"), ["Afspraken voor docenten"]);
    let audience = page(&site, "nl/docenten");
    assert_eq!(texts(&audience, "h1"), ["Docenten"]);
    // The audience's page shows the article it shares its id with.
    assert!(texts(&audience, "main .article-title").contains(&"Afspraken voor docenten".to_owned()));
    let quiz = page(&site, "nl/quiz/docenten");
    assert_eq!(texts(&quiz, "h1"), ["Quiz voor docenten"]);
    // The same in English, at the English slugs.
    assert_eq!(texts(&page(&site, "en/protocol/teachers"), "h1"), ["Agreements for teachers"]);
    assert_eq!(texts(&page(&site, "en/teachers"), "h1"), ["Teachers"]);
}

#[test]
fn a_link_says_the_kind_where_an_id_has_several_and_an_anchor_means_the_article() {
    let site = built_fixture("ids-per-kind");
    let general = page(&site, "nl/protocol/algemeen");
    assert_eq!(href_of(&general, "regel 1 voor docenten"), "../../../nl/protocol/docenten/#r1");
    assert_eq!(href_of(&general, "pagina voor docenten"), "../../../nl/docenten/");
    assert_eq!(href_of(&general, "hun afspraken"), "../../../nl/protocol/docenten/");
    assert_eq!(href_of(&general, "hun quiz"), "../../../nl/quiz/docenten/");
    // An id only one kind has needs no kind.
    assert_eq!(href_of(&general, "de pagina voor studenten"), "../../../nl/studenten/");
    let english = page(&site, "en/protocol/general");
    assert_eq!(href_of(&english, "page for teachers"), "../../../en/teachers/");
    assert_eq!(href_of(&english, "rule 1 for teachers"), "../../../en/protocol/teachers/#r1");
}

#[test]
fn a_refs_entry_with_an_anchor_cites_the_article() {
    let site = built_fixture("ids-per-kind");
    for (path, article) in [("nl/quiz/docenten", "nl/protocol/docenten"), ("en/quiz/teachers", "en/protocol/teachers")]
    {
        let quiz = page(&site, path);
        let cited = attrs(&quiz, "main a[href*='#r1']", "href");
        assert!(!cited.is_empty(), "{path}: no link to the cited rule");
        for href in cited {
            assert_eq!(href, format!("../../../{article}/#r1"), "{path}");
        }
    }
}

#[test]
fn an_ambiguous_link_names_each_kind_and_how_to_write_it() {
    let site = fixture_with(&[(
        "content/nl/protocol/docenten.md",
        "---\nid: docenten\ntitle: Afspraken voor docenten\naudiences: [docenten]\norder: 20\n---\n1. Zie [de docenten](docenten).\n",
    )]);
    assert_eq!(
        check_errors(site.path()),
        ["content/nl/protocol/docenten.md:7:8: link `docenten` could mean the article `docenten`, the audience `docenten` or the quiz `docenten`; write `article:docenten`, `audience:docenten` or `quiz:docenten`"]
    );
}

#[test]
fn a_link_with_a_kind_names_a_page_of_that_kind() {
    let site = fixture_with(&[(
        "content/nl/protocol/docenten.md",
        "---\nid: docenten\ntitle: Afspraken voor docenten\naudiences: [docenten]\norder: 20\n---\n1. Zie [de quiz](quiz:algemeen).\n2. En [regel 1](audience:docenten#r1).\n3. En [de site](audience:https://example.org/).\n",
    )]);
    assert_eq!(
        check_errors(site.path()),
        [
            "content/nl/protocol/docenten.md:7:8: link to unknown quiz `algemeen`",
            "content/nl/protocol/docenten.md:8:7: link to `audience:docenten#r1`: only articles have anchors; link to `audience:docenten` without `#r1`",
            "content/nl/protocol/docenten.md:9:7: link `audience:https://example.org/` names no page: after `audience:` write the id of a page of that kind, and no more",
        ]
    );
}

#[test]
fn duplicate_article_ids_are_errors_naming_both_files() {
    let site = fixture_with(&[(
        "content/nl/protocol/meer.md",
        "---\nid: docenten\ntitle: Meer\naudiences: [all]\norder: 30\n---\n1. Meer.\n",
    )]);
    assert_eq!(
        check_errors(site.path()),
        ["content/nl/protocol/meer.md:2:5: duplicate article id `docenten`: content/nl/protocol/docenten.md uses it too; ids of articles must be unique"]
    );
}

#[test]
fn duplicate_quiz_ids_are_errors_naming_both_files() {
    let quiz = std::fs::read_to_string(fixture("ids-per-kind").join("content/nl/quiz/docenten.md")).unwrap();
    let site = fixture_with(&[("content/nl/quiz/nog-een.md", &quiz)]);
    assert_eq!(
        check_errors(site.path()),
        ["content/nl/quiz/nog-een.md:2:5: duplicate quiz id `docenten`: content/nl/quiz/docenten.md uses it too; ids of quizzes must be unique"]
    );
}

#[test]
fn the_college_has_an_article_and_an_audience_named_for_its_teachers() {
    let site = built_fixture("college");
    for (locale, audience, article) in [("nl", "docenten", "docenten"), ("en", "teachers", "teachers")] {
        let view = page(&site, &format!("{locale}/{audience}"));
        let url = format!("{locale}/afspraken/{article}");
        let url = if locale == "en" { format!("{locale}/agreements/{article}") } else { url };
        let shown = page(&site, &url);
        assert_eq!(select(&shown, "main ol li[id='r4']").len(), 1, "{url}");
        // The view of the teachers shows the article of the same id under its
        // id, with its rules, and its contents link there.
        assert_unique_ids(&view, locale);
        let title = texts(&shown, "h1 .article-title");
        assert_eq!(texts(&view, "main article#docenten .article-title"), title, "{locale}");
        assert_eq!(select(&view, "main article#docenten li[id='r4']").len(), 1, "{locale}");
        assert!(attrs(&view, "nav.toc a", "href").contains(&"#docenten".to_owned()), "{locale}");
    }
}

#[test]
fn a_context_may_share_its_id_with_an_audience_but_not_with_another_context() {
    let config = std::fs::read_to_string(fixture("ids-per-kind").join("site.yaml")).unwrap();
    let context = "contexts:\n  - id: docenten\n    name: { nl: In de les, en: In class }\n";
    let shared = fixture_with(&[("site.yaml", &format!("{config}{context}"))]);
    let output = leidraad(shared.path(), &["check"]);
    assert!(output.status.success(), "{}", stderr(&output));

    let twice = format!("{config}{context}  - id: docenten\n    name: {{ nl: Op stage, en: On placement }}\n");
    let site = fixture_with(&[("site.yaml", &twice)]);
    // Placed at the second context, the one to rename.
    assert_eq!(
        check_errors(site.path()),
        ["site.yaml:22:9: duplicate context id `docenten`; ids of contexts must be unique"]
    );
}

#[test]
fn a_term_may_share_its_id_with_an_article_and_a_link_to_it_names_its_kind() {
    let term =
        "- id: algemeen\n  term: algemene regel\n  definition: Een regel voor iedereen, zoals [deze](term:algemeen).\n";
    let shared = fixture_with(&[("content/nl/glossary.yaml", term), ("content/en/glossary.yaml", term)]);
    let out = build(shared.path());
    let glossary = page(&out.path().join("site"), "nl/begrippen");
    assert_eq!(attrs(&glossary, "dt#algemeen", "id"), ["algemeen"]);
    assert_eq!(attrs(&glossary, "dd a", "href"), ["../../nl/begrippen/#algemeen"]);

    let ambiguous = "- id: algemeen\n  term: algemene regel\n  definition: Zie [de regels](algemeen).\n";
    let site = fixture_with(&[("content/nl/glossary.yaml", ambiguous), ("content/en/glossary.yaml", term)]);
    assert_eq!(
        check_errors(site.path()),
        ["content/nl/glossary.yaml:3:19: link `algemeen` could mean the article `algemeen` or the term `algemeen`; write `article:algemeen` or `term:algemeen`"]
    );
}

#[test]
fn raw_html_links_by_kind_as_markdown_does() {
    let article = "---\nid: docenten\ntitle: Afspraken voor docenten\naudiences: [docenten]\norder: 20\n---\n1. Regel.\n\n<p>Zie <a href=\"audience:docenten\">de pagina</a> en <a href=\"quiz:docenten\">de quiz</a>.</p>\n";
    let site = fixture_with(&[("content/nl/protocol/docenten.md", article)]);
    let out = build(site.path());
    let html = page(&out.path().join("site"), "nl/protocol/docenten");
    assert_eq!(href_of(&html, "de pagina"), "../../../nl/docenten/");
    assert_eq!(href_of(&html, "de quiz"), "../../../nl/quiz/docenten/");
}

#[test]
fn a_term_whose_id_the_page_uses_is_anchored_apart_and_linked_there() {
    let term = "- id: main\n  term: hoofdzaak\n  definition: Waar het om gaat.\n";
    let article = "---\nid: docenten\ntitle: Afspraken voor docenten\naudiences: [docenten]\norder: 20\n---\n1. De hoofdzaak is respect; zie [het begrip](term:main).\n";
    let site = fixture_with(&[
        ("content/nl/glossary.yaml", term),
        ("content/en/glossary.yaml", term),
        ("content/nl/protocol/docenten.md", article),
    ]);
    let out = build(site.path());
    let glossary = page(&out.path().join("site"), "nl/begrippen");
    assert_unique_ids(&glossary, "nl/begrippen");
    assert_eq!(texts(&glossary, "dt#term-main"), ["hoofdzaak"]);
    let html = page(&out.path().join("site"), "nl/protocol/docenten");
    assert_eq!(href_of(&html, "hoofdzaak"), "../../../nl/begrippen/#term-main");
    assert_eq!(href_of(&html, "het begrip"), "../../../nl/begrippen/#term-main");
}
