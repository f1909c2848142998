//! The scenario card of the `scenario` fixture: a start step with two
//! choices, one ending badly at once, the other branching again into a good
//! and a neutral end. Without JavaScript every step is a section that plain
//! links lead to; the outcomes are named in words; the list of cards prints
//! as a deck.

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
        ("step-gevraagd", vec!["#step-bijgesneden", "#step-bewaard"]),
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
    assert_eq!(texts(&html, "main section[data-step] h2"), ["De situatie", "Stap 2", "Stap 3", "Stap 4", "Stap 5"]);
    assert_eq!(texts(&html, "main .scenario-intro"), ["Op schoolreis."]);
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

#[test]
fn the_list_of_cards_links_the_card_and_prints_it_as_a_deck() {
    let html = page(&site(), "nl/casussen");
    assert_eq!(attrs(&html, "main .card-scenario a", "href"), ["../../nl/casussen/klassenfoto/"]);
    assert_eq!(texts(&html, "main .card-scenario p"), ["Een foto van de klas.", "Geldt voor: Leerlingen"]);
    assert_eq!(texts(&html, "main .deck-card .deck-title"), ["De klassenfoto"]);
    assert_eq!(texts(&html, "main .deck-card .deck-situation"), ["Je hebt een foto van de klas gemaakt."]);
    assert_eq!(texts(&html, "main .deck-card .deck-choices li"), ["Ik zet hem online.", "Ik vraag het eerst."]);
    assert_eq!(
        texts(&html, "main .deck-card .deck-outcome"),
        [
            "Slechte afloop Een klasgenoot is boos.",
            "Goede afloop Iedereen is tevreden.",
            "Neutrale afloop Er komt geen foto online."
        ]
    );
}
