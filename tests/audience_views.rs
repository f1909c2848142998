//! Audience views on the `audiences` fixture: each view shows exactly the
//! articles for its audience (`all` counting for every one), grouped by the
//! contexts they apply in, in the order of their first article, and links
//! the quizzes and scenario cards of that audience only.

mod common;

use common::*;
use std::path::PathBuf;

fn site() -> PathBuf {
    built_fixture("audiences")
}

/// The groups of a view: each heading with the ids of its articles.
fn groups(html: &scraper::Html) -> Vec<(String, Vec<String>)> {
    let article = scraper::Selector::parse("article.article-section").unwrap();
    let heading = scraper::Selector::parse("h2.group-heading").unwrap();
    select(html, "main section.group")
        .iter()
        .map(|group| {
            let label = text_of(&group.select(&heading).next().unwrap());
            let ids = group.select(&article).map(|a| a.value().attr("id").unwrap().to_owned()).collect();
            (label, ids)
        })
        .collect()
}

fn group(label: &str, ids: &[&str]) -> (String, Vec<String>) {
    (label.to_owned(), ids.iter().map(|id| (*id).to_owned()).collect())
}

#[test]
fn each_view_shows_exactly_its_articles_grouped_by_context() {
    let students = page(&site(), "nl/leerlingen");
    assert_eq!(
        groups(&students),
        [
            group("Op school", &["iedereen"]),
            group("Thuis", &["leerlingen-thuis"]),
            group("Op school · Thuis", &["beide"])
        ]
    );
    assert_eq!(attrs(&students, "main li[id]", "id"), ["i1", "l1", "b1"]);

    let parents = page(&site(), "nl/ouders");
    assert_eq!(groups(&parents), [group("Op school", &["iedereen"]), group("Altijd en overal", &["ouders-overal"])]);
    assert_eq!(attrs(&parents, "main li[id]", "id"), ["i1", "o1"]);

    let staff = page(&site(), "nl/team");
    assert_eq!(
        groups(&staff),
        [
            group("Op school", &["iedereen", "team-school"]),
            group("Altijd en overal", &["ouders-overal"]),
            group("Op school · Thuis", &["beide"]),
            // Protocol order wins over gathering a context: the last article
            // shares its context with the first group, yet comes last.
            group("Op school", &["team-afsluiting"])
        ]
    );
    assert_eq!(attrs(&staff, "main li[id]", "id"), ["i1", "m1", "o1", "b1", "t1"]);
    assert_eq!(texts(&staff, "main li#m1"), ["Het team gebruikt schoolaccounts."]);
}

#[test]
fn views_have_their_title_intro_and_table_of_contents() {
    let students = page(&site(), "nl/leerlingen");
    assert_eq!(texts(&students, "main h1"), ["Voor leerlingen"], "the title of the audience intro");
    assert_eq!(texts(&students, "main .intro"), ["Lees dit eerst."]);
    assert_eq!(texts(&students, "main p.stats"), ["3 regels · 3 artikelen"]);
    assert_eq!(
        attrs(&students, "main nav.toc a", "href"),
        ["#group-1", "#iedereen", "#group-2", "#leerlingen-thuis", "#group-3", "#beide", "#learning-title"]
    );
    let staff = page(&site(), "nl/team");
    assert_eq!(texts(&staff, "main h1"), ["Medewerkers"], "without an intro, the audience's name");
    assert_eq!(texts(&staff, ".print-header-audience"), ["Voor: Medewerkers"]);
}

#[test]
fn views_link_the_quizzes_and_cards_of_their_audience_only() {
    let links = |path: &str| -> Vec<(String, String)> {
        let html = page(&site(), path);
        select(&html, "main section.learning a")
            .iter()
            .map(|a| (a.value().attr("href").unwrap().to_owned(), text_of(a)))
            .collect()
    };
    let pair = |href: &str, text: &str| (href.to_owned(), text.to_owned());
    assert_eq!(
        links("nl/leerlingen"),
        [
            pair("../../nl/quiz/leerlingen/", "Quiz voor leerlingen"),
            pair("../../nl/casussen/groeten/", "Groeten in de gang")
        ]
    );
    assert_eq!(links("nl/ouders"), [pair("../../nl/casussen/groeten/", "Groeten in de gang")]);
    assert_eq!(links("nl/team"), [pair("../../nl/quiz/team/", "Quiz voor het team")]);
}

#[test]
fn article_pages_name_their_audiences_and_contexts() {
    let meta = |slug: &str| texts(&page(&site(), &format!("nl/protocol/{slug}")), "main dl.meta dd");
    assert_eq!(meta("iedereen"), ["Leerlingen, Ouders, Medewerkers", "Op school"], "`all` is every audience");
    assert_eq!(meta("ouders-overal"), ["Ouders, Medewerkers", "Overal"], "no contexts: everywhere");
    assert_eq!(meta("beide"), ["Leerlingen, Medewerkers", "Op school, Thuis"]);
    let html = page(&site(), "nl/protocol/ouders-overal");
    assert_eq!(attrs(&html, "main dl.meta a", "href"), ["../../../nl/ouders/", "../../../nl/team/"]);
}
