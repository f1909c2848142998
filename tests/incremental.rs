//! A rebuild that reuses the last build must give exactly the bytes a full
//! build of the same sources gives, whichever path it takes; on copies of
//! the `translations` fixture, whose pages a reader of each article sees are
//! known exactly.

mod common;

use common::*;
use leidraad::pipeline::{self, Rebuild, Session};
use std::path::{Path, PathBuf};

/// A copy of the `translations` fixture to edit: `fotos` (for students)
/// translated as `photos`, `berichten` (for all) as `messages` from an
/// older original, `klachten` (for parents) not translated; with
/// `messages` stamped as translated from the current original if `stamped`.
fn fixture_copy(stamped: bool) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_tree(&fixture("translations"), dir.path());
    if stamped {
        let output = leidraad(dir.path(), &["translated", "content/en/protocol/messages.md"]);
        assert!(output.status.success(), "{}", stderr(&output));
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
    let site = fixture_copy(false);
    let mut session = Session::new(site.path());
    let (_, how) = session.rebuild(&[]).unwrap();
    assert_eq!(how, Rebuild::Full);

    let article = site.path().join("content/nl/protocol/fotos.md");
    edit(&article, "van anderen", "van andere mensen");
    let (build, how) = rebuild(&mut session, &article);
    // Its page, the whole protocol and the students' view of nl.
    assert_eq!(how, Rebuild::Incremental { pages: 3, sites: 1 });
    assert!(String::from_utf8_lossy(&build.files["nl/protocol/fotos/index.html"]).contains("andere mensen"));
    assert_same_as_full_build(site.path(), &mut session);

    // An article shown untranslated in another locale changes there too.
    std::fs::remove_file(site.path().join("content/en/protocol/photos.md")).unwrap();
    session.rebuild(&[]).unwrap();
    edit(&article, "andere mensen", "klasgenoten");
    let (build, how) = rebuild(&mut session, &article);
    assert_eq!(how, Rebuild::Incremental { pages: 6, sites: 1 });
    assert!(String::from_utf8_lossy(&build.files["en/protocol/fotos/index.html"]).contains("klasgenoten"));
    assert_same_as_full_build(site.path(), &mut session);
}

#[test]
fn text_edits_that_change_rules_or_notes_render_the_shared_pages_again() {
    // Pages that show several articles keep their template output while
    // only texts change; a new rule changes their counts and anchors, a
    // footnote their ids, so those edits must render them again.
    let site = fixture_copy(false);
    let mut session = Session::new(site.path());
    session.rebuild(&[]).unwrap();
    let article = site.path().join("content/nl/protocol/fotos.md");
    let stats = |build: &pipeline::Build| {
        let html = String::from_utf8_lossy(&build.files["nl/leerlingen/index.html"]).into_owned();
        let page = scraper::Html::parse_document(&html);
        let stats =
            page.select(&scraper::Selector::parse(".stats").unwrap()).next().unwrap().text().collect::<String>();
        stats
    };
    let (first, _) = session.rebuild(&[]).unwrap();
    edit(&article, "1. We delen", "1. Een nieuwe regel.\n2. We delen");
    let (build, how) = rebuild(&mut session, &article);
    assert_eq!(how, Rebuild::Incremental { pages: 3, sites: 1 });
    assert_eq!((stats(&first).as_str(), stats(&build).as_str()), ("3 regels · 2 artikelen", "4 regels · 2 artikelen"));
    assert!(String::from_utf8_lossy(&build.files["nl/protocol/index.html"])
        .contains("href=\"#r2\" aria-label=\"2\" aria-describedby=\"rule-link-help\"></a> We delen"));
    assert_same_as_full_build(site.path(), &mut session);

    edit(&article, "Een nieuwe regel.", "Een nieuwe regel.[^bron]\n\n[^bron]: Uit het protocol.\n");
    rebuild(&mut session, &article);
    assert_same_as_full_build(site.path(), &mut session);

    // And an edit of words alone, after those, still equals a full build.
    edit(&article, "Een nieuwe regel.", "Een nieuwe, kortere regel.");
    let (build, _) = rebuild(&mut session, &article);
    assert!(String::from_utf8_lossy(&build.files["nl/leerlingen/index.html"]).contains("Een nieuwe, kortere regel."));
    assert_same_as_full_build(site.path(), &mut session);
}

#[test]
fn an_edited_original_marks_its_stamped_translations_out_of_date() {
    let site = fixture_copy(true);
    let mut session = Session::new(site.path());
    session.rebuild(&[]).unwrap();
    let article = site.path().join("content/nl/protocol/berichten.md");
    let before = session.rebuild(&[]).unwrap().0;
    assert!(!String::from_utf8_lossy(&before.files["en/protocol/messages/index.html"]).contains("may be out of date"));
    edit(&article, "vriendelijke", "korte, vriendelijke");
    let (build, how) = rebuild(&mut session, &article);
    // Its page, protocol and both views in Dutch; the same in English.
    assert_eq!(how, Rebuild::Incremental { pages: 8, sites: 1 }, "the English pages now say they may be out of date");
    assert!(String::from_utf8_lossy(&build.files["en/protocol/messages/index.html"]).contains("may be out of date"));
    assert_same_as_full_build(site.path(), &mut session);
}

#[test]
fn front_matter_edits_take_the_full_path_and_errors_keep_the_last_build() {
    let site = fixture_copy(false);
    let mut session = Session::new(site.path());
    session.rebuild(&[]).unwrap();
    let article = site.path().join("content/nl/protocol/fotos.md");
    edit(&article, "title: Foto's", "title: Foto's maken");
    let (_, how) = rebuild(&mut session, &article);
    assert_eq!(how, Rebuild::Full);
    assert_same_as_full_build(site.path(), &mut session);

    // A body edit that breaks a link elsewhere: berichten cites fotos#r1.
    let before = session.files().unwrap().clone();
    let body = std::fs::read_to_string(&article).unwrap();
    let cut = body.find("1. ").expect("rule 1");
    std::fs::write(&article, &body[..cut]).unwrap();
    let changed = std::fs::canonicalize(&article).unwrap();
    let errors = session.rebuild(&[changed]).unwrap_err().to_string();
    assert!(errors.contains("has no anchor `r1`"), "{errors}");
    assert!(session.files().unwrap() == &before, "the last good build is kept");
}
