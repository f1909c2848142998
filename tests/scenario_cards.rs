//! The scenario card of the `scenario` fixture: a start step with two
//! choices, one ending badly at once, the other branching again into a good
//! and a neutral end or the same bad one. Its file lists the steps in another
//! order than a reader meets them. Every step is a section that plain links
//! lead to, in reading order; the outcomes are named in words; the card and
//! the list of cards print as a deck whose choices name the card they lead
//! to, the endings on a page of their own.

mod common;

use common::*;
use std::collections::BTreeMap;
use std::path::PathBuf;

fn site() -> PathBuf {
    built_fixture("scenario")
}

fn card() -> scraper::Html {
    page(&site(), "nl/casussen/klassenfoto")
}

/// Each step's id with the targets of its choice links.
fn branches(html: &scraper::Html) -> BTreeMap<String, Vec<String>> {
    let links = scraper::Selector::parse("ul.choices a").unwrap();
    select(html, "main section[data-step]")
        .iter()
        .map(|step| {
            let targets = step.select(&links).map(|a| a.value().attr("href").unwrap().to_owned()).collect();
            (step.value().attr("id").unwrap().to_owned(), targets)
        })
        .collect()
}

#[test]
fn every_step_is_reached_through_links_from_the_start() {
    let html = card();
    assert_eq!(attrs(&html, "main [data-scenario]", "data-start"), ["step-foto"]);
    assert_eq!(
        attrs(&html, "main section[data-step]", "id"),
        ["step-foto", "step-online", "step-gevraagd", "step-bijgesneden", "step-bewaard"]
    );
    let branches = branches(&html);
    let expected: BTreeMap<String, Vec<String>> = [
        ("step-foto", vec!["#step-online", "#step-gevraagd"]),
        ("step-online", vec![]),
        ("step-gevraagd", vec!["#step-bijgesneden", "#step-bewaard", "#step-online"]),
        ("step-bijgesneden", vec![]),
        ("step-bewaard", vec![]),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_owned(), v.into_iter().map(str::to_owned).collect()))
    .collect();
    assert_eq!(branches, expected);
    assert_eq!(
        texts(&html, "#step-foto ul.choices a"),
        ["Ik zet hem online.", "Ik vraag het eerst."],
        "choices are labelled in the card's words"
    );
    assert_eq!(texts(&html, "main .scenario-intro"), ["Op schoolreis."]);
}

#[test]
fn steps_follow_the_reading_order_and_carry_no_step_number_that_could_skip() {
    let html = card();
    // Breadth first from the start, whatever the order of the file.
    assert_eq!(
        attrs(&html, "main section[data-step]", "id"),
        ["step-foto", "step-online", "step-gevraagd", "step-bijgesneden", "step-bewaard"]
    );
    // A reader meets "the situation", then what happens, then an end: no
    // "Step 4" after "Step 2" along a path.
    assert_eq!(
        texts(&html, "main section[data-step] h2"),
        ["De situatie", "Zo loopt het af", "Wat gebeurt er?", "Zo loopt het af", "Zo loopt het af"]
    );
}

#[test]
fn the_start_is_the_one_step_shown_without_javascript_and_the_trail_waits_for_the_script() {
    let html = card();
    // scenario.css shows the :target step, else the step marked data-start.
    assert_eq!(attrs(&html, "main section[data-step][data-start]", "id"), ["step-foto"]);
    assert_eq!(select(&html, "main .steps > section[data-step]").len(), 5, "the steps share one parent for :has()");
    let trail = select(&html, "main nav[data-trail]");
    assert_eq!(trail.len(), 1);
    assert!(trail[0].value().attr("hidden").is_some(), "the trail is empty and hidden until the script fills it");
    assert_eq!(texts(&html, "main nav[data-trail] h2"), ["Jouw keuzes"]);
    assert_eq!(select(&html, "main a[data-choice]").len(), 5, "every choice link is marked for the trail");
}

#[test]
fn each_end_names_its_outcome_cites_its_rules_and_leads_back_to_the_start() {
    let html = card();
    let ends = [
        ("step-online", "Slechte afloop", "Een klasgenoot is boos.", vec!["../../../nl/protocol/regels/#r1"]),
        (
            "step-bijgesneden",
            "Goede afloop",
            "Iedereen is tevreden.",
            vec!["../../../nl/protocol/regels/#r1", "../../../nl/protocol/regels/"],
        ),
        ("step-bewaard", "Neutrale afloop", "Er komt geen foto online.", vec![]),
    ];
    for (step, outcome, text, refs) in ends {
        assert_eq!(texts(&html, &format!("#{step} .outcome-text")), [outcome], "{step}");
        assert_eq!(texts(&html, &format!("#{step} .step-text")), [text], "{step}");
        assert_eq!(attrs(&html, &format!("#{step} .refs a"), "href"), refs, "{step}");
        assert_eq!(attrs(&html, &format!("#{step} .restart a"), "href"), ["#step-foto"], "{step}");
    }
    assert_eq!(texts(&html, "#step-bijgesneden .refs a"), ["Regel 1 — Regels", "Regels"]);
    assert!(select(&html, "#step-foto .outcome, #step-gevraagd .outcome").is_empty(), "a step with choices has no end");
}

/// The deck's cards with choices: (number, "after" line, [letter label → target]).
fn deck_fronts(html: &scraper::Html) -> Vec<(String, String, Vec<String>)> {
    let inner = |card: &scraper::ElementRef<'_>, selector: &str| -> Vec<String> {
        card.select(&scraper::Selector::parse(selector).unwrap()).map(|e| text_of(&e)).collect()
    };
    select(html, "main .deck-fronts > .deck-card")
        .iter()
        .map(|card| {
            (inner(card, ".deck-number").concat(), inner(card, ".deck-from").concat(), inner(card, ".deck-choices li"))
        })
        .collect()
}

fn expected_fronts() -> Vec<(String, String, Vec<String>)> {
    let card = |head: &str, from: &str, choices: &[&str]| {
        (head.to_owned(), from.to_owned(), choices.iter().map(|c| (*c).to_owned()).collect())
    };
    vec![
        card("Kaart 1", "", &["A Ik zet hem online. → afloop 1", "B Ik vraag het eerst. → kaart 2"]),
        card(
            "Kaart 2",
            "Na kaart 1, keuze B",
            &[
                "A Ik snijd hen eruit. → afloop 2",
                "B Ik laat de foto liggen. → afloop 3",
                "C Ik zet hem toch online. → afloop 1",
            ],
        ),
    ]
}

#[test]
fn the_printed_deck_keeps_the_branching_and_puts_the_endings_on_their_own_page() {
    for path in ["nl/casussen", "nl/casussen/klassenfoto"] {
        let html = page(&site(), path);
        assert_eq!(texts(&html, "main .deck .deck-title"), ["De klassenfoto"], "{path}");
        assert_eq!(deck_fronts(&html), expected_fronts(), "{path}: each choice names the card it leads to");
        assert_eq!(
            texts(&html, "main .deck-fronts .deck-text"),
            ["Je hebt een foto van de klas gemaakt.", "Niet iedereen wil erop. Wat nu?"]
        );
        assert_eq!(texts(&html, "main .deck-fronts .deck-intro"), ["Op schoolreis."], "{path}: the intro is on card 1");
        // The endings: numbered apart, in reading order, after the fronts.
        assert_eq!(
            texts(&html, "main .deck-backs .deck-card"),
            [
                "Afloop 1 De klassenfoto Na kaart 1, keuze A · kaart 2, keuze C Slechte afloop Een klasgenoot is boos. \
                 Zie in het protocol: Regel 1 — Regels",
                "Afloop 2 De klassenfoto Na kaart 2, keuze A Goede afloop Iedereen is tevreden. \
                 Zie in het protocol: Regel 1 — Regels; Regels",
                "Afloop 3 De klassenfoto Na kaart 2, keuze B Neutrale afloop Er komt geen foto online.",
            ],
            "{path}"
        );
        assert!(
            select(&html, "main .deck-fronts .outcome-label, main .deck-fronts [class*=outcome-]").is_empty(),
            "{path}: no ending on a front"
        );
        assert_eq!(
            select(&html, "main .deck-scenario > .deck-fronts + .deck-backs").len(),
            1,
            "{path}: the endings come after every front (print breaks the page before them)"
        );
        assert!(select(&html, "main .deck-backs ~ .deck-fronts").is_empty(), "{path}");
    }
}

#[test]
fn the_list_of_cards_links_the_card_and_prints_it_as_a_deck() {
    let html = page(&site(), "nl/casussen");
    assert_eq!(attrs(&html, "main .card-scenario a", "href"), ["../../nl/casussen/klassenfoto/"]);
    assert_eq!(texts(&html, "main .card-scenario p"), ["Een foto van de klas.", "Geldt voor: Leerlingen"]);
    assert_eq!(
        attrs(&html, "main .deck[data-filter-list] > article", "data-audiences"),
        ["leerlingen"],
        "the filter hides a whole scenario"
    );
}
