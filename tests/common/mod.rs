//! Helpers for the integration tests: running the real binary on real site
//! folders and reading the HTML it writes.

#![allow(dead_code)]

use scraper::{Html, Selector};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub fn fixture(name: &str) -> PathBuf {
    repo().join("tests/fixtures").join(name)
}

/// Runs `leidraad` with `args` in `dir`.
pub fn leidraad(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_leidraad")).current_dir(dir).args(args).output().expect("the binary runs")
}

pub fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

pub fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// Copies a folder tree.
pub fn copy_tree(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.unwrap();
        let target = to.join(entry.path().strip_prefix(from).unwrap());
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target).unwrap();
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// A temporary site: the minimal fixture with the files of `overlay`
/// (a folder under tests/fixtures/errors) laid over it.
pub fn site_with(overlay: Option<&str>) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_tree(&fixture("minimal"), dir.path());
    if let Some(name) = overlay {
        copy_tree(&fixture("errors").join(name), dir.path());
    }
    dir
}

/// Every file of a folder, by relative path with `/`.
pub fn read_tree(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let relative = e.path().strip_prefix(dir).unwrap().to_string_lossy().replace('\\', "/");
            (relative, std::fs::read(e.path()).unwrap())
        })
        .collect()
}

/// Builds the site at `root` into a fresh folder and returns it.
pub fn build(root: &Path) -> tempfile::TempDir {
    let out = tempfile::tempdir().unwrap();
    let output = leidraad(
        root,
        &["build", "--root", root.to_str().unwrap(), "--out", out.path().join("site").to_str().unwrap()],
    );
    assert!(output.status.success(), "build of {} failed:\n{}", root.display(), stderr(&output));
    out
}

pub fn page(site: &Path, path: &str) -> Html {
    let file = site.join(path).join("index.html");
    let text = std::fs::read_to_string(&file).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
    Html::parse_document(&text)
}

pub fn select<'a>(html: &'a Html, selector: &str) -> Vec<scraper::ElementRef<'a>> {
    html.select(&Selector::parse(selector).unwrap()).collect()
}

pub fn text_of(element: &scraper::ElementRef<'_>) -> String {
    element.text().collect::<String>().split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The VSNON example built once per test binary, for tests that only read it.
pub fn built_example() -> &'static Path {
    static SITE: std::sync::OnceLock<(tempfile::TempDir, PathBuf)> = std::sync::OnceLock::new();
    let (_, path) = SITE.get_or_init(|| {
        let out = build(&repo());
        let path = out.path().join("site");
        (out, path)
    });
    path
}

/// The fixture `tests/fixtures/<name>` built once per test binary into a
/// folder of its own under Cargo's temporary folder for tests (a rebuild
/// replaces it, so nothing piles up between runs).
pub fn built_fixture(name: &str) -> PathBuf {
    static BUILT: std::sync::Mutex<std::collections::BTreeSet<String>> =
        std::sync::Mutex::new(std::collections::BTreeSet::new());
    let out = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(env!("CARGO_CRATE_NAME")).join(name);
    let mut built = BUILT.lock().unwrap();
    if built.insert(name.to_owned()) {
        let root = fixture(name);
        let output = leidraad(&root, &["build", "--root", root.to_str().unwrap(), "--out", out.to_str().unwrap()]);
        assert!(output.status.success(), "build of {name} failed:\n{}", stderr(&output));
    }
    out
}

/// The value of `attribute` on every element `selector` matches, in order.
pub fn attrs(html: &Html, selector: &str, attribute: &str) -> Vec<String> {
    select(html, selector).iter().filter_map(|e| e.value().attr(attribute)).map(str::to_owned).collect()
}

/// The text of every element `selector` matches, in order, whitespace folded.
pub fn texts(html: &Html, selector: &str) -> Vec<String> {
    select(html, selector).iter().map(text_of).collect()
}

/// Panics unless every `id` on the page is unique.
pub fn assert_unique_ids(html: &Html, what: &str) {
    let ids = attrs(html, "[id]", "id");
    let mut seen = std::collections::BTreeSet::new();
    let twice: Vec<&String> = ids.iter().filter(|id| !seen.insert(*id)).collect();
    assert!(twice.is_empty(), "{what}: ids used twice: {twice:?}");
}
