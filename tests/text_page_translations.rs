//! Text pages (an audience intro, the home page) follow their original as
//! articles do: `leidraad translated` records the version a translation
//! follows, and when the original changes, `check` warns at the translation's
//! `translated_from` and the translated page says it may be out of date.

mod common;

use common::*;
use std::path::Path;

/// The translations fixture with a parents' intro in both locales.
fn site() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_tree(&fixture("translations"), dir.path());
    let write = |path: &str, text: &str| {
        let file = dir.path().join(path);
        std::fs::create_dir_all(file.parent().unwrap()).unwrap();
        std::fs::write(file, text).unwrap();
    };
    write("content/nl/audiences/ouders.md", "---\ntitle: Voor ouders\n---\nWat voor ouders geldt.\n");
    write("content/en/audiences/ouders.md", "---\ntitle: For parents\n---\nWhat applies to parents.\n");
    dir
}

fn check(root: &Path) -> String {
    stderr(&leidraad(root, &["check"])).lines().filter(|l| l.contains("audiences/")).collect::<Vec<_>>().join("\n")
}

#[test]
fn an_audience_intro_warns_and_says_so_when_its_original_changed() {
    let site = site();
    let stamped = leidraad(site.path(), &["translated", "content/en/audiences/ouders.md", "content/en/_index.md"]);
    assert!(stamped.status.success(), "{}", stderr(&stamped));
    let stamped_text = std::fs::read_to_string(site.path().join("content/en/audiences/ouders.md")).unwrap();
    assert!(stamped_text.starts_with("---\ntitle: For parents\ntranslated_from: "), "{stamped_text}");
    assert_eq!(check(site.path()), "", "a stamped intro is up to date");
    let out = build(site.path());
    assert!(select(&page(&out.path().join("site"), "en/parents"), "div.notice[role=note]").is_empty());

    let original = site.path().join("content/nl/audiences/ouders.md");
    std::fs::write(&original, "---\ntitle: Voor ouders\n---\nWat voor ouders en verzorgers geldt.\n").unwrap();
    assert_eq!(
        check(site.path()),
        "content/en/audiences/ouders.md:3:18: warning: this translation may be out of date: content/nl/audiences/ouders.md changed since it was translated; update the text, then run `leidraad translated content/en/audiences/ouders.md`"
    );
    let out = build(site.path());
    let parents = page(&out.path().join("site"), "en/parents");
    assert_eq!(texts(&parents, "div.notice[role=note] .notice-title"), ["This translation may be out of date."]);
    assert_eq!(attrs(&parents, "div.notice[role=note] a[hreflang=nl]", "href"), ["../../nl/ouders/"]);
    let home = page(&out.path().join("site"), "en");
    assert!(select(&home, "div.notice[role=note]").is_empty(), "the home page's original did not change");
}

#[test]
fn translated_refuses_a_page_without_an_original() {
    let site = site();
    std::fs::remove_file(site.path().join("content/nl/audiences/ouders.md")).unwrap();
    let output = leidraad(site.path(), &["translated", "content/en/audiences/ouders.md"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).contains("`nl` has no original of this page"), "{}", stderr(&output));
}
