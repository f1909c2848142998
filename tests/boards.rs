//! A board's schools: each school's site from the board's text with the
//! school's folder over it (tests/fixtures/board: the board has the rules,
//! an article for parents and a quiz citing rule 2; De Linde has only
//! students, an article of its own and its own rules; Het Anker has no
//! folder).

mod common;

use common::*;
use std::path::{Path, PathBuf};

fn fixture_copy() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_tree(&fixture("board"), dir.path());
    dir
}

fn built() -> &'static Path {
    static SITE: std::sync::OnceLock<(tempfile::TempDir, PathBuf)> = std::sync::OnceLock::new();
    let (_, path) = SITE.get_or_init(|| {
        let out = build(&fixture("board"));
        let path = out.path().join("site");
        (out, path)
    });
    path
}

fn main_text(site: &Path, path: &str) -> String {
    texts(&page(site, path), "main").join(" ")
}

#[test]
fn a_schools_own_article_is_on_its_site_only() {
    let site = built();
    let title = texts(&page(site, "de-linde/nl/protocol/eigen"), "h1").join(" ");
    assert!(title.contains("Afspraak van De Linde"), "{title}");
    assert!(site.join("de-linde/en/protocol/own/index.html").is_file());
    for other in ["nl/protocol/eigen", "het-anker/nl/protocol/eigen"] {
        assert!(!site.join(other).exists(), "{other} should not exist");
    }
    assert!(!main_text(site, "het-anker/nl/protocol").contains("Afspraak van De Linde"));
}

#[test]
fn a_replaced_article_shows_the_schools_text_there_and_the_boards_elsewhere() {
    let site = built();
    let linde = main_text(site, "de-linde/nl/protocol/regels");
    assert!(linde.contains("Wij delen nooit foto's van anderen."), "{linde}");
    assert!(!linde.contains("We delen geen foto's."), "{linde}");
    assert!(main_text(site, "de-linde/en/protocol/rules").contains("We never share photos of others."));
    for board_text in ["nl/protocol/regels", "het-anker/nl/protocol/regels"] {
        let text = main_text(site, board_text);
        assert!(text.contains("We delen geen foto's."), "{board_text}: {text}");
        assert!(!text.contains("Wij delen nooit"), "{board_text}: {text}");
    }
    // Confirmed against the board's current text: no notice.
    assert!(select(&page(site, "de-linde/nl/protocol/regels"), ".notice-board").is_empty());
}

#[test]
fn each_school_site_has_its_own_name_colours_contact_and_the_boards_statement() {
    let site = built();
    let home = page(site, "de-linde/nl");
    assert_eq!(texts(&home, ".brand-org"), ["Vrije School De Linde (testschool)"]);
    assert_eq!(texts(&home, ".footer-board"), ["Dit protocol is vastgesteld door Testschool."]);
    assert_eq!(texts(&home, ".footer-contact"), ["Contactpersoon: Mevrouw Jansen, vertrouwenspersoon."]);
    assert_eq!(attrs(&home, "link[rel=canonical]", "href"), ["https://linde.example/protocol/nl/"]);
    let colours = std::fs::read_to_string(site.join("de-linde/leidraad-colors.css")).unwrap();
    assert!(colours.contains("#2d5016"), "{colours}");
    let anker = page(site, "het-anker/en");
    assert_eq!(texts(&anker, ".brand-org"), ["Het Anker (testschool)"]);
    assert_eq!(texts(&anker, ".footer-board"), ["This protocol was adopted by Testschool."]);
    assert!(texts(&anker, ".footer-contact").is_empty());
    // The board's own site says nothing of a board.
    assert!(texts(&page(site, "nl"), ".footer-board").is_empty());
}

#[test]
fn the_boards_home_lists_its_schools_linking_to_their_own_sites() {
    let site = built();
    for (locale, title) in [("nl", "Onze scholen"), ("en", "Our schools")] {
        let home = page(site, locale);
        assert_eq!(texts(&home, ".home-schools h2"), [title], "{locale}");
        // The name school.yaml gives, and the address where the school publishes its site.
        assert_eq!(
            texts(&home, ".home-schools li a"),
            ["Vrije School De Linde (testschool)", "Het Anker (testschool)"],
            "{locale}"
        );
        assert_eq!(
            attrs(&home, ".home-schools li a", "href"),
            [format!("https://linde.example/protocol/{locale}/"), format!("https://anker.example/protocol/{locale}/")]
        );
    }
    // A school's site lists no schools.
    for school in ["de-linde/nl", "het-anker/en"] {
        assert!(select(&page(site, school), ".home-schools").is_empty(), "{school}");
    }
}

#[test]
fn a_school_sees_only_the_board_text_for_its_audiences() {
    let site = built();
    assert!(site.join("het-anker/nl/protocol/ouders/index.html").is_file());
    assert!(site.join("het-anker/nl/ouders/index.html").is_file());
    assert!(!site.join("de-linde/nl/protocol/ouders").exists());
    assert!(!site.join("de-linde/nl/ouders").exists());
    let menu = texts(&page(site, "de-linde/nl"), "nav a").join(" | ");
    assert!(menu.contains("Leerlingen") && !menu.contains("Ouders"), "{menu}");
}

#[test]
fn build_school_writes_one_schools_site_alone() {
    let root = fixture("board");
    let out = tempfile::tempdir().unwrap();
    let target = out.path().join("site");
    let output = leidraad(&root, &["build", "--school", "de-linde", "--out", target.to_str().unwrap()]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(main_text(&target, "nl/protocol/regels").contains("Wij delen nooit"));
    assert!(target.join("nl/protocol/eigen/index.html").is_file());
    assert!(!target.join("de-linde").exists() && !target.join("het-anker").exists());
    let unknown = leidraad(&root, &["build", "--school", "de-lind", "--out", target.to_str().unwrap()]);
    assert_eq!(unknown.status.code(), Some(1));
    assert!(stderr(&unknown).contains("no school `de-lind` in `schools:` of site.yaml; did you mean `de-linde`?"));
}

#[test]
fn a_board_edit_warns_the_school_that_replaced_it_until_it_confirms() {
    let dir = fixture_copy();
    let root = dir.path();
    let regels = root.join("content/nl/protocol/regels.md");
    let text = std::fs::read_to_string(&regels).unwrap();
    std::fs::write(&regels, text.replace("We zijn aardig online.", "We zijn aardig en eerlijk online.")).unwrap();
    let check = leidraad(root, &["check"]);
    assert!(check.status.success(), "{}", stderr(&check));
    let warnings = stderr(&check);
    let replacement = "schools/de-linde/content/nl/protocol/regels.md:9:13: warning: the board's article content/nl/protocol/regels.md changed since this replacement was confirmed";
    assert!(warnings.contains(replacement), "{warnings}");
    let out = build(root);
    let site = out.path().join("site");
    let notice = texts(&page(&site, "de-linde/nl/protocol/regels"), ".notice-board").join(" ");
    assert!(notice.contains("Het bestuur heeft zijn tekst van dit artikel gewijzigd"), "{notice}");
    assert!(!texts(&page(&site, "de-linde/nl/protocol"), ".notice-board").is_empty());
    assert!(select(&page(&site, "de-linde/en/protocol/rules"), ".notice-board").is_empty());
    let confirmed = leidraad(root, &["confirm", "schools/de-linde/content/nl/protocol/regels.md"]);
    assert!(confirmed.status.success(), "{}", stderr(&confirmed));
    assert!(!stderr(&leidraad(root, &["check"])).contains("changed since"));
}

/// The fixture with `edit` applied; the errors of `leidraad check` on it.
fn errors_with(edit: impl FnOnce(&Path)) -> String {
    let dir = fixture_copy();
    edit(dir.path());
    let output = leidraad(dir.path(), &["check"]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    stderr(&output)
}

fn replace_in(path: &Path, from: &str, to: &str) {
    let text = std::fs::read_to_string(path).unwrap();
    assert!(text.contains(from), "{}: {from}", path.display());
    std::fs::write(path, text.replace(from, to)).unwrap();
}

#[test]
fn a_school_id_must_be_a_slug() {
    let errors = errors_with(|root| replace_in(&root.join("site.yaml"), "id: het-anker", "id: Het_Anker"));
    assert!(errors.contains("site.yaml:24:9: school id `Het_Anker` becomes a folder of the output"), "{errors}");
}

#[test]
fn two_schools_may_not_share_a_base_url() {
    let errors = errors_with(|root| {
        replace_in(&root.join("site.yaml"), "https://anker.example/protocol/", "https://linde.example/protocol")
    });
    assert!(errors.contains("site.yaml:26:15: schools `de-linde` and `het-anker` have the same base_url"), "{errors}");
}

#[test]
fn a_school_yaml_base_url_may_not_be_another_schools_or_the_boards() {
    // De Linde's school.yaml moves it to Het Anker's address (from site.yaml).
    let errors = errors_with(|root| {
        let file = root.join("schools/de-linde/school.yaml");
        let text = std::fs::read_to_string(&file).unwrap();
        std::fs::write(&file, format!("{text}base_url: https://anker.example/protocol\n")).unwrap();
    });
    let expected = "schools/de-linde/school.yaml:7:11: base_url `https://anker.example/protocol/` is also the address of school `het-anker` (site.yaml)";
    assert!(errors.contains(expected), "{errors}");
    assert!(errors.contains("give this school the address where its site is published"), "{errors}");
    // Het Anker's own school.yaml takes the board's address.
    let errors = errors_with(|root| {
        std::fs::create_dir_all(root.join("schools/het-anker")).unwrap();
        std::fs::write(root.join("schools/het-anker/school.yaml"), "base_url: https://school.example/protocol/\n")
            .unwrap();
    });
    let expected = "schools/het-anker/school.yaml:1:11: base_url `https://school.example/protocol/` is also the address of the board's own site";
    assert!(errors.contains(expected), "{errors}");
}

#[test]
fn a_school_in_site_yaml_may_not_have_the_boards_base_url() {
    let errors = errors_with(|root| {
        replace_in(&root.join("site.yaml"), "https://anker.example/protocol/", "https://school.example/protocol")
    });
    assert!(errors.contains("site.yaml:26:15: school `het-anker` has the board's own base_url"), "{errors}");
}

#[test]
fn a_school_folder_must_be_declared() {
    let errors = errors_with(|root| std::fs::create_dir_all(root.join("schools/de-eik/content")).unwrap());
    assert!(errors.contains("schools/de-eik: `schools/de-eik` is not a school of site.yaml"), "{errors}");
    assert!(errors.contains("add it under `schools:`"), "{errors}");
}

#[test]
fn a_replacement_must_name_a_board_article() {
    let errors = errors_with(|root| {
        let file = root.join("schools/de-linde/content/nl/protocol/eigen.md");
        replace_in(&file, "id: eigen\n", "id: regles\nreplaces: true\n");
    });
    let expected = "schools/de-linde/content/nl/protocol/eigen.md:2:5: `replaces: true`, but the board has no article `regles`; did you mean `regels`?";
    assert!(errors.contains(expected), "{errors}");
}

#[test]
fn replaces_is_only_for_a_schools_folder() {
    let errors = errors_with(|root| {
        replace_in(&root.join("content/nl/protocol/regels.md"), "order: 10\n", "order: 10\nreplaces: true\n")
    });
    let expected = "content/nl/protocol/regels.md:8:1: `replaces` is for a school's replacement of a board article";
    assert!(errors.contains(expected), "{errors}");
}

#[test]
fn a_replacement_keeps_the_rules_a_board_quiz_cites() {
    let errors = errors_with(|root| {
        let file = root.join("schools/de-linde/content/nl/protocol/regels.md");
        replace_in(&file, "2. Wij zijn aardig online, ook buiten school.\n", "");
    });
    let expected = "schools/de-linde/content/nl/protocol/regels.md:8:11: this replacement of the board's article `regels` has no `r2`, which content/nl/quiz/toets.md:13:12 cites";
    assert!(errors.contains(expected), "{errors}");
    assert!(errors.contains("on the site of school `de-linde`: `refs` cites `regels#r2`"), "{errors}");
    // The board's own site and the other school are sound: said once.
    assert_eq!(errors.matches("cites `regels#r2`").count(), 1, "{errors}");
}

/// The sites of a board's build share what is the same (search pages, the
/// compiled theme): each school's site must still be exactly the one it
/// gets when built alone, which shares nothing.
#[test]
fn each_schools_site_in_the_boards_build_is_the_one_built_alone() {
    let root = fixture("board");
    let site = built();
    for school in ["de-linde", "het-anker"] {
        let out = tempfile::tempdir().unwrap();
        let target = out.path().join("site");
        let output = leidraad(&root, &["build", "--school", school, "--out", target.to_str().unwrap()]);
        assert!(output.status.success(), "{}", stderr(&output));
        let mut alone = read_tree(&target);
        alone.remove(".leidraad-build");
        let in_board = read_tree(&site.join(school));
        assert!(alone.keys().any(|p| p.starts_with("pagefind/fragment/")), "{school}: no search pages");
        let differ: Vec<&String> =
            alone.keys().chain(in_board.keys()).filter(|p| alone.get(*p) != in_board.get(*p)).collect();
        assert!(differ.is_empty(), "{school}: these files differ: {differ:?}");
    }
}

/// The files the schools' sites share (pagefind's scripts, the theme's,
/// the search pages of the board's text) are written once and linked.
#[cfg(unix)]
#[test]
fn the_schools_sites_link_the_files_they_share() {
    use std::os::unix::fs::MetadataExt;
    let site = built();
    let inode = |path: &Path| std::fs::metadata(path).unwrap().ino();
    let in_schools = |relative: &str| [site.join("de-linde").join(relative), site.join("het-anker").join(relative)];
    for relative in ["pagefind/pagefind.js", "leidraad.css"] {
        let [a, b] = in_schools(relative);
        assert_eq!(inode(&a), inode(&b), "{relative} is written twice");
    }
    let fragments = |school: &str| -> std::collections::BTreeSet<String> {
        read_tree(&site.join(school)).into_keys().filter(|p| p.starts_with("pagefind/fragment/")).collect()
    };
    let shared: Vec<String> = fragments("de-linde").intersection(&fragments("het-anker")).cloned().collect();
    assert!(!shared.is_empty(), "the schools share no search page");
    for relative in &shared {
        let [a, b] = in_schools(relative);
        assert_eq!(inode(&a), inode(&b), "{relative} is written twice");
    }
    // A school's own page is its own file.
    let [a, b] = in_schools("nl/index.html");
    assert_ne!(inode(&a), inode(&b));
}

/// The schools' sites share each rendering of a board article only where
/// its links lead to the same pages: a school whose replacement has a file
/// name of its own gets the links to it, and the others the board's.
#[test]
fn a_board_articles_links_follow_each_schools_pages() {
    let dir = fixture_copy();
    let root = dir.path();
    let school = root.join("schools/de-linde/content/nl/protocol");
    std::fs::rename(school.join("regels.md"), school.join("onze-regels.md")).unwrap();
    std::fs::write(
        root.join("content/nl/protocol/verwijzing.md"),
        "---\nid: verwijzing\ntitle: Verwijzing\naudiences: [all]\norder: 30\n---\nZie [regel 2](regels#r2).\n",
    )
    .unwrap();
    let out = build(root);
    let site = out.path().join("site");
    let link = |site: &Path| -> String {
        let hrefs = attrs(&page(site, "nl/protocol/verwijzing"), "main a[href*='#r2']", "href");
        assert_eq!(hrefs.len(), 1, "{hrefs:?}");
        hrefs[0].clone()
    };
    assert_eq!(link(&site.join("de-linde")), "../../../nl/protocol/onze-regels/#r2");
    for other in [site.join("het-anker"), site.clone()] {
        assert_eq!(link(&other), "../../../nl/protocol/regels/#r2", "{}", other.display());
    }
}
