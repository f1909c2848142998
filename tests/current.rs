//! Versions and translations that stay current, the onboarding path, and the
//! search index, on copies of the VSNON example.

mod common;

use common::*;
use std::path::Path;

fn example_copy() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(repo().join("site.yaml"), dir.path().join("site.yaml")).unwrap();
    copy_tree(&repo().join("content"), &dir.path().join("content"));
    dir
}

#[test]
fn a_changed_original_makes_its_translation_stale_until_stamped() {
    let site = example_copy();
    let original = site.path().join("content/nl/protocol/regels-op-school.md");
    let text = std::fs::read_to_string(&original).unwrap();
    std::fs::write(&original, text.replace("acceptabele doeleinden", "acceptabele en veilige doeleinden")).unwrap();

    let check = leidraad(site.path(), &["check", "--root", site.path().to_str().unwrap()]);
    assert!(check.status.success(), "a stale translation is a warning, not an error");
    let warning = stderr(&check);
    assert!(
        warning.contains("content/en/protocol/rules-at-school.md:9:18: warning: this translation may be out of date:")
            && warning.contains("regels-op-school.md changed since it was translated"),
        "{warning}"
    );

    let out = build(site.path());
    let html = page(&out.path().join("site"), "en/protocol/rules-at-school");
    let links: Vec<_> = select(&html, "main a[hreflang=nl]");
    assert!(
        links.iter().any(|a| a.value().attr("href") == Some("../../../nl/protocol/regels-op-school/")),
        "the notice links to the current original"
    );
    assert!(text_of(&select(&html, "main")[0]).contains("may be out of date"));

    let translation = site.path().join("content/en/protocol/rules-at-school.md");
    let stamped =
        leidraad(site.path(), &["translated", "--root", site.path().to_str().unwrap(), translation.to_str().unwrap()]);
    assert!(stamped.status.success(), "{}", stderr(&stamped));
    let check = leidraad(site.path(), &["check", "--root", site.path().to_str().unwrap()]);
    assert_eq!(stderr(&check), "", "stamping clears the warning");
}

#[test]
fn versions_change_log_and_acknowledgement() {
    // The VSNON protocol names no version and no adoption date, so the
    // example shows none: not in the footer, not on the form staff sign.
    let out = build(&repo());
    let root = out.path().join("site");
    let home = page(&root, "nl");
    let footer = text_of(&select(&home, "footer")[0]);
    assert!(!footer.contains("Versie") && !footer.contains("vastgesteld"), "{footer}");
    let protocol = page(&root, "nl/protocol");
    assert!(select(&protocol, "main a[href]")
        .iter()
        .any(|a| a.value().attr("href").is_some_and(|h| h.ends_with("protocol/wijzigingen/"))));
    let changes = page(&root, "nl/protocol/wijzigingen");
    assert!(text_of(&select(&changes, "main")[0]).contains("Deze website"));

    let form = page(&root, "nl/medewerkers/verklaring");
    let text = text_of(&select(&form, "main")[0]);
    assert!(
        text.contains("gelezen en begrepen") && !text.contains("Versie") && !text.contains("vastgesteld"),
        "{text}"
    );
    let staff = page(&root, "nl/medewerkers");
    let links: Vec<&str> = select(&staff, "main a[href]").iter().filter_map(|a| a.value().attr("href")).collect();
    assert!(links.contains(&"../../nl/medewerkers/verklaring/"), "the path ends in the acknowledgement: {links:?}");
    assert!(links.contains(&"../../nl/quiz/medewerkers/"), "and the staff quiz");
    assert!(!root.join("nl/leerlingen/verklaring").exists(), "only onboarding audiences get one");

    // A school that adopts it fills them in; then they are on every page
    // and on the form.
    let site = example_copy();
    let config = site.path().join("site.yaml");
    let mut yaml = std::fs::read_to_string(&config).unwrap();
    yaml.push_str("version: \"1.0\"\nadopted: 2025-09-01\n");
    std::fs::write(&config, yaml).unwrap();
    let out = build(site.path());
    let root = out.path().join("site");
    assert!(text_of(&select(&page(&root, "nl"), "footer")[0]).contains("1.0"), "the version is on every page");
    let form = page(&root, "nl/medewerkers/verklaring");
    let text = text_of(&select(&form, "main")[0]);
    assert!(text.contains("1.0") && text.contains("1 september 2025"), "{text}");
}

#[test]
fn every_page_offers_search_and_the_index_has_both_languages() {
    let out = build(&repo());
    let root = out.path().join("site");
    for path in ["nl", "en/protocol", "nl/quiz/leerlingen"] {
        let html = page(&root, path);
        assert_eq!(select(&html, "form[role=search] input[type=search]").len(), 1, "{path}");
    }
    let search = page(&root, "nl/zoeken");
    assert_eq!(select(&search, "main input[type=search]").len(), 1);
    for file in [
        "pagefind/pagefind.js",
        "pagefind/pagefind-entry.json",
        "pagefind/wasm.nl.pagefind",
        "pagefind/wasm.en.pagefind",
    ] {
        assert!(root.join(file).is_file(), "{file}");
    }
    let entry = std::fs::read_to_string(root.join("pagefind/pagefind-entry.json")).unwrap();
    assert!(entry.contains("\"nl\"") && entry.contains("\"en\""), "an index per language: {entry}");
}

#[test]
fn translated_refuses_originals_and_unknown_files() {
    let site = example_copy();
    let original = site.path().join("content/nl/protocol/regels-op-school.md");
    let output =
        leidraad(Path::new("."), &["translated", "--root", site.path().to_str().unwrap(), original.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).contains("this is an original"), "{}", stderr(&output));
}
