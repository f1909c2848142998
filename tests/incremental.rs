//! A rebuild that reuses the last build must give exactly the bytes a full
//! build of the same sources gives, whichever path it takes.

mod common;

use common::*;
use leidraad::pipeline::{self, Rebuild, Session};
use std::path::{Path, PathBuf};

/// A copy of the VSNON example (site.yaml and content/) to edit, with its
/// translations' `translated_from` stamps left out unless `stamped`.
fn example_copy(stamped: bool) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(repo().join("site.yaml"), dir.path().join("site.yaml")).unwrap();
    copy_tree(&repo().join("content"), &dir.path().join("content"));
    if !stamped {
        for entry in std::fs::read_dir(dir.path().join("content/en/protocol")).unwrap() {
            let path = entry.unwrap().path();
            let text = std::fs::read_to_string(&path).unwrap();
            let kept: Vec<&str> = text.lines().filter(|l| !l.starts_with("translated_from:")).collect();
            std::fs::write(&path, kept.join("\n") + "\n").unwrap();
        }
    }
    dir
}

fn edit(path: &Path, from: &str, to: &str) {
    let text = std::fs::read_to_string(path).unwrap();
    assert!(text.contains(from), "{} lacks {from:?}", path.display());
    std::fs::write(path, text.replacen(from, to, 1)).unwrap();
}

fn rebuild(session: &mut Session, changed: &Path) -> (pipeline::Build, Rebuild) {
    let changed: PathBuf = std::fs::canonicalize(changed).unwrap();
    session.rebuild(&[changed]).unwrap_or_else(|e| panic!("rebuild failed:\n{e}"))
}

fn assert_same_as_full_build(root: &Path, session: &mut Session) {
    let incremental = &session.refresh_search().unwrap();
    let full = pipeline::build(root).unwrap();
    assert_eq!(incremental.files.len(), full.files.len());
    for (path, bytes) in full.files.iter() {
        assert!(incremental.files.get(path) == Some(bytes), "{path} differs from a full build");
    }
}

#[test]
fn an_edited_article_text_rebuilds_only_its_pages_and_equals_a_full_build() {
    let site = example_copy(false);
    let mut session = Session::new(site.path());
    let (_, how) = session.rebuild(&[]).unwrap();
    assert_eq!(how, Rebuild::Full);

    let article = site.path().join("content/nl/protocol/regels-op-school.md");
    edit(&article, "acceptabele doeleinden", "acceptabele en veilige doeleinden");
    let (build, how) = rebuild(&mut session, &article);
    // Its page, the whole protocol and the three audience views of nl.
    assert_eq!(how, Rebuild::Incremental { pages: 5 });
    assert!(String::from_utf8_lossy(&build.files["nl/protocol/regels-op-school/index.html"])
        .contains("acceptabele en veilige"));
    assert_same_as_full_build(site.path(), &mut session);

    // An article shown untranslated in another locale changes there too.
    std::fs::remove_file(site.path().join("content/en/protocol/rules-at-school.md")).unwrap();
    session.rebuild(&[]).unwrap();
    edit(&article, "veilige", "verstandige");
    let (build, how) = rebuild(&mut session, &article);
    assert_eq!(how, Rebuild::Incremental { pages: 10 });
    assert!(String::from_utf8_lossy(&build.files["en/protocol/regels-op-school/index.html"]).contains("verstandige"));
    assert_same_as_full_build(site.path(), &mut session);
}

#[test]
fn text_edits_that_change_rules_or_notes_render_the_shared_pages_again() {
    // Pages that show several articles keep their template output while
    // only texts change; a new rule changes their counts and anchors, a
    // footnote their ids, so those edits must render them again.
    let site = example_copy(false);
    let mut session = Session::new(site.path());
    session.rebuild(&[]).unwrap();
    let article = site.path().join("content/nl/protocol/regels-op-school.md");
    let stats = |build: &pipeline::Build| {
        let html = String::from_utf8_lossy(&build.files["nl/leerlingen/index.html"]).into_owned();
        let page = scraper::Html::parse_document(&html);
        let stats =
            page.select(&scraper::Selector::parse(".stats").unwrap()).next().unwrap().text().collect::<String>();
        stats
    };
    let (first, _) = session.rebuild(&[]).unwrap();
    edit(&article, "10. Als we over", "10. Een nieuwe regel.\n11. Als we over");
    let (build, how) = rebuild(&mut session, &article);
    assert_eq!(how, Rebuild::Incremental { pages: 5 });
    assert_ne!(stats(&build), stats(&first), "the students' view counts the new rule");
    assert!(String::from_utf8_lossy(&build.files["nl/protocol/index.html"]).contains("id=\"r11\""));
    assert_same_as_full_build(site.path(), &mut session);

    edit(&article, "Een nieuwe regel.", "Een nieuwe regel.[^bron]\n\n[^bron]: Uit het protocol.\n");
    rebuild(&mut session, &article);
    assert_same_as_full_build(site.path(), &mut session);

    // And an edit of words alone, after those, still equals a full build.
    edit(&article, "Een nieuwe regel.", "Een nieuwe, kortere regel.");
    let (build, _) = rebuild(&mut session, &article);
    assert!(String::from_utf8_lossy(&build.files["nl/ouders/index.html"]).contains("Een nieuwe, kortere regel."));
    assert_same_as_full_build(site.path(), &mut session);
}

#[test]
fn an_edited_original_marks_its_stamped_translations_out_of_date() {
    let site = example_copy(true);
    let mut session = Session::new(site.path());
    session.rebuild(&[]).unwrap();
    let article = site.path().join("content/nl/protocol/regels-op-school.md");
    edit(&article, "acceptabele doeleinden", "acceptabele en veilige doeleinden");
    let (build, how) = rebuild(&mut session, &article);
    // Its page, protocol and three views in Dutch; the same in English.
    assert_eq!(how, Rebuild::Incremental { pages: 10 }, "the English pages now say they may be out of date");
    assert!(
        String::from_utf8_lossy(&build.files["en/protocol/rules-at-school/index.html"]).contains("may be out of date")
    );
    assert_same_as_full_build(site.path(), &mut session);
}

#[test]
fn front_matter_edits_take_the_full_path_and_errors_keep_the_last_build() {
    let site = example_copy(false);
    let mut session = Session::new(site.path());
    session.rebuild(&[]).unwrap();
    let article = site.path().join("content/nl/protocol/regels-algemeen.md");
    edit(&article, "title: Hoe gaan wij om met social media?", "title: Hoe gaan we om met social media?");
    let (_, how) = rebuild(&mut session, &article);
    assert_eq!(how, Rebuild::Full);
    assert_same_as_full_build(site.path(), &mut session);

    // A body edit that breaks a link elsewhere: regels-op-school cites r7.
    let before = session.files().unwrap().clone();
    let body = std::fs::read_to_string(&article).unwrap();
    let cut = body.find("7. ").expect("rule 7");
    std::fs::write(&article, &body[..cut]).unwrap();
    let changed = std::fs::canonicalize(&article).unwrap();
    let errors = session.rebuild(&[changed]).unwrap_err().to_string();
    assert!(errors.contains("has no anchor `r7`"), "{errors}");
    assert!(session.files().unwrap() == &before, "the last good build is kept");
}
