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

/// The text of an element as it reads, whitespace collapsed: without the
/// rules' own links (`a.rule-link`) and the glossary definitions that open
/// in place (`.term-definition`).
pub fn text_of(element: &scraper::ElementRef<'_>) -> String {
    let text: String = element
        .descendants()
        .filter(|node| {
            !node
                .ancestors()
                .filter_map(scraper::ElementRef::wrap)
                .any(|e| e.value().classes().any(|c| c == "rule-link" || c == "term-definition"))
        })
        .filter_map(|node| node.value().as_text().map(|t| t.to_string()))
        .collect();
    text.split_whitespace().collect::<Vec<_>>().join(" ")
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

/// What a phone reads from an inline SVG QR code: its dark modules (`M{x},{y}h1v1h-1`
/// squares of the path) drawn 4 pixels each and decoded.
pub fn read_qr(svg: &str) -> String {
    let view_box = svg.split("viewBox=\"0 0 ").nth(1).and_then(|v| v.split(' ').next()).unwrap();
    let size: usize = view_box.parse().unwrap();
    let mut dark = vec![false; size * size];
    let path = svg.split(" d=\"").nth(1).and_then(|p| p.split('"').next()).unwrap();
    for square in path.split('M').filter(|s| !s.is_empty()) {
        let corner = square.split('h').next().unwrap();
        let (x, y) = corner.split_once(',').unwrap();
        dark[y.parse::<usize>().unwrap() * size + x.parse::<usize>().unwrap()] = true;
    }
    let scale = 4;
    let mut image = rqrr::PreparedImage::prepare_from_bitmap(size * scale, size * scale, |x, y| {
        dark[(y / scale) * size + x / scale]
    });
    let grids = image.detect_grids();
    assert_eq!(grids.len(), 1, "one QR code in the image");
    grids[0].decode().unwrap().1
}

/// Panics unless the whole protocol at `protocol` (a page of `site`) holds
/// every article page of its locale (`<locale>/<protocol section>/*/` with
/// body class `page-article`), by title, with all of that page's rule
/// anchors, each as written or behind its article's id; and no id twice.
pub fn assert_whole_protocol_published(site: &Path, protocol: &str) {
    let whole = page(site, protocol);
    assert_unique_ids(&whole, protocol);
    let title = Selector::parse(".article-title").unwrap();
    let rules = Selector::parse(".prose li[id]").unwrap();
    let sections: Vec<(String, String, Vec<String>)> = select(&whole, "main section.article-section")
        .iter()
        .map(|s| {
            let id = s.value().attr("id").unwrap().to_owned();
            let ids = s.select(&rules).map(|li| li.value().attr("id").unwrap().to_owned()).collect();
            (id, text_of(&s.select(&title).next().unwrap()), ids)
        })
        .collect();
    let mut articles = 0;
    for entry in std::fs::read_dir(site.join(protocol)).unwrap().filter_map(Result::ok) {
        let path = format!("{protocol}/{}", entry.file_name().to_string_lossy());
        if !entry.path().join("index.html").is_file() {
            continue;
        }
        let html = page(site, &path);
        if attrs(&html, "body", "class").iter().all(|c| !c.split(' ').any(|c| c == "page-article")) {
            continue;
        }
        articles += 1;
        let heading = texts(&html, "main h1 .article-title");
        let own = attrs(&html, "main .prose li[id]", "id");
        let (id, _, shown) = sections
            .iter()
            .find(|(_, t, _)| [t] == heading.iter().collect::<Vec<_>>()[..])
            .unwrap_or_else(|| panic!("{protocol} lacks the article of {path}, {heading:?}"));
        let unprefixed: Vec<&str> =
            shown.iter().map(|a| a.strip_prefix(&format!("{id}-")).unwrap_or(a.as_str())).collect();
        assert_eq!(unprefixed, own, "{protocol}: the rules of {path}");
    }
    assert!(articles > 0, "{protocol}: no article pages beside it");
    assert_eq!(sections.len(), articles, "{protocol} shows each article page once");
}
