//! Versions, the change log and the reading path on the `onboarding`
//! fixture: the version line on every page, a change log linked from the
//! protocol, and a staff view (marked `onboarding`) that ends in its quiz
//! and a printable acknowledgement, which other audiences do not get.

mod common;

use common::*;
use std::path::PathBuf;

fn site() -> PathBuf {
    built_fixture("onboarding")
}

const VERSION: &str = "Versie 2.1, vastgesteld op 15 maart 2026 door MR";

#[test]
fn the_version_is_on_every_page_and_the_protocol_links_its_change_log() {
    for path in ["nl", "nl/protocol", "nl/protocol/eerst", "nl/team", "nl/quiz/team"] {
        assert_eq!(texts(&page(&site(), path), "footer .footer-version"), [VERSION], "{path}");
    }
    let protocol = page(&site(), "nl/protocol");
    assert_eq!(texts(&protocol, "main .version-line"), [VERSION]);
    assert_eq!(texts(&protocol, "main .print-title-version"), [VERSION], "on the printed title page");
    assert_eq!(attrs(&protocol, "main .changelog-link a", "href"), ["../../nl/protocol/wijzigingen/"]);
    let changes = page(&site(), "nl/protocol/wijzigingen");
    assert_eq!(texts(&changes, "main h1"), ["Wijzigingen"]);
    assert_eq!(texts(&changes, "main .prose h2"), ["Versie 2.1"]);
    assert_eq!(texts(&changes, "main .prose li"), ["Regel 2 is nieuw."]);
}

#[test]
fn without_a_version_nothing_is_shown() {
    let html = page(&built_fixture("audiences"), "nl/protocol");
    assert!(select(&html, ".footer-version, .version-line, .print-title-version").is_empty());
    assert!(select(&html, "main .changelog-link").is_empty(), "no change log, no link");
}

#[test]
fn the_reading_path_ends_in_the_quiz_and_the_acknowledgement() {
    let staff = page(&site(), "nl/team");
    // The article without numbered rules comes last, in the general text,
    // which a reading path shows unfolded.
    assert_eq!(attrs(&staff, "main [data-read-toggle]", "data-read-toggle"), ["eerst", "daarna", "achtergrond"]);
    let general = select(&staff, "main section.general-text details");
    assert_eq!(general.len(), 1);
    assert!(general[0].value().attr("open").is_some(), "the reading path shows the general text open");
    assert_eq!(attrs(&staff, "main [data-onboarding]", "data-onboarding"), ["medewerkers"]);
    assert_eq!(attrs(&staff, "main .reading-finish a", "href"), ["../../nl/quiz/team/", "../../nl/team/verklaring/"]);
    assert_eq!(texts(&staff, "main .reading-finish a"), ["Inwerkquiz", "Verklaring: ik heb het protocol gelezen"]);
    let students = page(&site(), "nl/leerlingen");
    assert!(select(&students, "main [data-read-toggle], main .reading-finish").is_empty());
    assert!(!site().join("nl/leerlingen/verklaring").exists(), "only onboarding audiences get one");
}

#[test]
fn the_acknowledgement_names_version_audience_quiz_and_articles() {
    let html = page(&site(), "nl/team/verklaring");
    assert_eq!(texts(&html, "main h1"), ["Ik heb het social media protocol gelezen en begrepen"]);
    assert_eq!(
        texts(&html, "main .ack-facts dd"),
        [
            "Testschool De Nieuwkomer",
            &format!("Inwerkprotocol {VERSION}"),
            "Medewerkers",
            "Inwerkquiz (niet gemaakt op dit apparaat)"
        ]
    );
    assert_eq!(attrs(&html, "main .ack-facts a", "href"), ["../../../nl/quiz/team/"]);
    assert_eq!(
        attrs(&html, "main [data-ack-list] a", "href"),
        ["../../../nl/protocol/eerst/", "../../../nl/protocol/daarna/", "../../../nl/protocol/achtergrond/"],
        "in reading order"
    );
    assert_eq!(texts(&html, "main .ack-field-label"), ["Naam", "Datum", "Handtekening"]);
    assert_eq!(attrs(&html, "main [data-ack]", "data-quiz-key"), ["leidraad-quiz:quiz-team"]);
}

#[test]
fn without_its_script_the_acknowledgement_says_it_cannot_tell_what_was_read() {
    let html = page(&site(), "nl/team/verklaring");
    // The list as printed without JavaScript: every article with an empty
    // box to tick by hand, under a heading that claims nothing.
    assert_eq!(texts(&html, "main .ack-reading h2"), ["Artikelen van de leesroute"]);
    assert_eq!(select(&html, "main [data-ack-list] li .ack-box").len(), 3);
    assert!(select(&html, "main [data-ack-list][hidden], main [data-ack-unknown][hidden]").is_empty());
    assert_eq!(
        texts(&html, "main [data-ack-unknown]"),
        ["Dit formulier kan niet zien welke artikelen gelezen zijn. Zet op papier een kruisje bij elk artikel dat gelezen is."]
    );
    // What acknowledgement.js shows once it knows: hidden until then.
    for hidden in ["[data-ack-known]", "[data-ack-part=read]", "[data-ack-part=unread]", "[data-ack-incomplete]"] {
        assert_eq!(select(&html, &format!("main {hidden}[hidden]")).len(), 1, "{hidden} starts hidden");
    }
    assert_eq!(
        texts(&html, "main [data-ack-part] h3"),
        ["Gelezen artikelen", "Nog niet gelezen"],
        "the count is filled in by the script"
    );
    assert_eq!(
        attrs(&html, "main [data-ack]", "data-label-incomplete-other"),
        ["Niet compleet: {unread} van de {total} artikelen zijn nog niet als gelezen aangevinkt."]
    );
    assert_eq!(
        attrs(&html, "main [data-ack]", "data-label-incomplete-one"),
        ["Niet compleet: 1 van de {total} artikelen is nog niet als gelezen aangevinkt."]
    );
    // The verdict is worked out from the stored score and these, not taken from storage.
    assert_eq!(attrs(&html, "main [data-ack]", "data-quiz-pass"), ["100"]);
    assert_eq!(attrs(&html, "main [data-ack]", "data-quiz-questions"), ["1"]);
}
