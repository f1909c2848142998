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
    assert_eq!(attrs(&staff, "main [data-read-toggle]", "data-read-toggle"), ["eerst", "daarna"]);
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
        attrs(&html, "main .ack-articles a", "href"),
        ["../../../nl/protocol/eerst/", "../../../nl/protocol/daarna/"]
    );
    assert_eq!(texts(&html, "main .ack-field-label"), ["Naam", "Datum", "Handtekening"]);
    assert_eq!(attrs(&html, "main [data-ack]", "data-quiz-key"), ["leidraad-quiz:quiz-team"]);
}
