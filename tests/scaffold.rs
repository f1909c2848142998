//! `leidraad new`: a starter site that passes `check` and builds as it is,
//! and never writes into a folder that holds something.

mod common;

use common::*;

#[test]
fn the_starter_site_checks_and_builds() {
    let dir = tempfile::tempdir().unwrap();
    let site = dir.path().join("mijnschool");
    let output = leidraad(dir.path(), &["new", site.to_str().unwrap()]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(stdout(&output).starts_with(&format!("created a starter site in {}", site.display())));
    for file in ["site.yaml", "README.md", "content/nl/_index.md", "content/en/_index.md", "content/nl/glossary.yaml"] {
        assert!(site.join(file).is_file(), "{file}");
    }
    let check = leidraad(&site, &["check"]);
    assert!(check.status.success(), "{}", stderr(&check));
    // Every page is translated; the one warning asks for the school's own
    // address, which the starter cannot know.
    let warnings: Vec<String> = stderr(&check).lines().map(str::to_owned).collect();
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert!(
        warnings[0].contains("warning: the QR codes on quiz pages lead to https://www.example.org/"),
        "{warnings:?}"
    );
    let out = build(&site);
    let root = out.path().join("site");
    for page_path in ["nl/protocol", "en/protocol", "nl/quiz", "nl/scenarios", "en/glossary"] {
        let html = page(&root, page_path);
        assert_eq!(select(&html, "main").len(), 1, "{page_path}");
    }
    let quizzes =
        std::fs::read_dir(root.join("nl/quiz")).unwrap().filter(|e| e.as_ref().unwrap().path().is_dir()).count();
    assert_eq!(quizzes, 1, "one example quiz");
}

#[test]
fn refuses_a_folder_that_is_not_empty() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("notities.txt"), "van mij").unwrap();
    let output = leidraad(dir.path(), &["new", dir.path().to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("the folder is not empty"), "{}", stderr(&output));
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1, "nothing was written");
}
