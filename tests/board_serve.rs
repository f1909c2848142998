//! `serve` on a board (tests/fixtures/board): a `Session` keeps the board's
//! site and each school's; a change rebuilds only the sites it touches, and
//! gives exactly the bytes a full build of every site gives.

mod common;

use common::*;
use leidraad::pipeline::{Build, Rebuild, Session};
use std::path::Path;

fn fixture_copy() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_tree(&fixture("board"), dir.path());
    dir
}

/// A session that has built every site once.
fn session(root: &Path) -> Session {
    let mut session = Session::new(root);
    let (_, how) = session.rebuild(&[]).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(how, Rebuild::Full);
    session
}

/// `relative` edited, then rebuilt.
fn edit(session: &mut Session, root: &Path, relative: &str, from: &str, to: &str) -> (Build, Rebuild) {
    let path = root.join(relative);
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains(from), "{relative} lacks {from:?}");
    std::fs::write(&path, text.replacen(from, to, 1)).unwrap();
    let changed = std::fs::canonicalize(&path).unwrap();
    session.rebuild(&[changed]).unwrap_or_else(|e| panic!("rebuild failed:\n{e}"))
}

fn html(files: &leidraad::render::Files, path: &str) -> scraper::Html {
    scraper::Html::parse_document(&String::from_utf8_lossy(&files[path]))
}

fn school<'a>(build: &'a Build, id: &str) -> &'a leidraad::render::Files {
    &build.schools.iter().find(|(s, _)| s == id).unwrap_or_else(|| panic!("no school {id}")).1
}

fn assert_same_as_full_build(root: &Path, session: &mut Session) {
    let kept = session.refresh_search().unwrap();
    let full = Session::new(root).rebuild(&[]).unwrap().0;
    let sites = |b: &Build| {
        let mut all = vec![(String::new(), b.files.clone())];
        all.extend(b.schools.iter().cloned());
        all
    };
    let (kept, full) = (sites(&kept), sites(&full));
    assert_eq!(kept.len(), full.len());
    for ((id, kept), (_, full)) in kept.iter().zip(&full) {
        assert_eq!(kept.len(), full.len(), "{id}");
        for (path, bytes) in full.iter() {
            assert!(kept.get(path) == Some(bytes), "{id}/{path} differs from a full build");
        }
    }
}

#[test]
fn serve_builds_every_site_and_the_board_home_links_to_the_local_copies() {
    let site = fixture_copy();
    let build = session(site.path()).rebuild(&[]).unwrap().0;
    let ids: Vec<&str> = build.schools.iter().map(|(id, _)| id.as_str()).collect();
    assert_eq!(ids, ["de-linde", "het-anker"]);
    assert!(school(&build, "de-linde").contains_key("nl/protocol/eigen/index.html"));
    // In `serve`, the chooser leads to the schools' sites on the same server.
    let home = html(&build.files, "en/index.html");
    let links: Vec<String> = select(&home, ".home-schools a").iter().map(|a| a.attr("href").unwrap().into()).collect();
    assert_eq!(links, ["../de-linde/en/", "../het-anker/en/"]);
}

#[test]
fn an_edit_in_a_schools_folder_rebuilds_that_school_only() {
    let site = fixture_copy();
    let mut session = session(site.path());
    let file = "schools/de-linde/content/nl/protocol/eigen.md";
    let (build, how) = edit(&mut session, site.path(), file, "geen telefoons", "nooit telefoons");
    // The article, the whole protocol and the students' view of De Linde.
    assert_eq!(how, Rebuild::Incremental { pages: 3, sites: 1 });
    let page = html(school(&build, "de-linde"), "nl/protocol/eigen/index.html");
    assert!(texts(&page, "main").join(" ").contains("nooit telefoons"));
    assert_same_as_full_build(site.path(), &mut session);
}

#[test]
fn a_board_edit_rebuilds_the_board_and_each_school_that_shows_it() {
    let site = fixture_copy();
    let mut session = session(site.path());
    // For parents: De Linde (students only) does not show it.
    let (build, how) = edit(&mut session, site.path(), "content/nl/protocol/ouders.md", "lezen mee", "kijken mee");
    assert!(matches!(how, Rebuild::Incremental { sites: 2, .. }), "{how:?}");
    let page = html(school(&build, "het-anker"), "nl/protocol/ouders/index.html");
    assert!(texts(&page, "main").join(" ").contains("kijken mee"));
    assert_same_as_full_build(site.path(), &mut session);
}

#[test]
fn a_board_edit_of_a_replaced_article_shows_the_drift_notice_on_that_schools_site() {
    let site = fixture_copy();
    let mut session = session(site.path());
    let linde = |build: &Build| html(school(build, "de-linde"), "nl/protocol/regels/index.html");
    let before = session.rebuild(&[]).unwrap().0;
    assert!(select(&linde(&before), ".notice-board").is_empty());
    let (build, how) = edit(&mut session, site.path(), "content/nl/protocol/regels.md", "aardig", "vriendelijk");
    assert!(matches!(how, Rebuild::Incremental { sites: 3, .. }), "{how:?}");
    assert_eq!(select(&linde(&build), ".notice-board").len(), 1);
    assert!(texts(&linde(&build), "main").join(" ").contains("Wij delen nooit"));
    let anker = html(school(&build, "het-anker"), "nl/protocol/regels/index.html");
    assert!(texts(&anker, "main").join(" ").contains("vriendelijk online"));
    assert_same_as_full_build(site.path(), &mut session);
}

#[test]
fn an_error_in_the_boards_text_is_reported_once_and_the_last_good_build_stays() {
    let site = fixture_copy();
    let mut session = session(site.path());
    // A link to an article nobody has, in a board article every site shows.
    let path = site.path().join("content/nl/protocol/regels.md");
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(
        &path,
        text.replace("title: Regels", "title: Regels\nsummary: x")
            .replace("aardig online.", "aardig online, zie [dit](nergens)."),
    )
    .unwrap();
    let errors = session.rebuild(&[std::fs::canonicalize(&path).unwrap()]).unwrap_err().to_string();
    assert_eq!(errors.matches("nergens").count(), 1, "{errors}");
    assert!(!errors.contains("on the site of school"), "{errors}");
    assert!(session.files().unwrap().contains_key("nl/protocol/regels/index.html"));
}
