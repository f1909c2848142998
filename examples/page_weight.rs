//! The weight of one built page with everything the browser loads for it
//! when it opens: the HTML and the stylesheets, scripts, images and icons it
//! names, plus anything those stylesheets import with `url(...)`. Files a
//! script fetches later (the search index, only once a reader searches) are
//! not part of opening the page and are not counted.
//!
//! cargo run --release --example page_weight -- --site public --page nl/protocol/x/index.html

use scraper::{Html, Selector};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

fn main() {
    let mut site = PathBuf::from("public");
    let mut page = String::new();
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let value = args.next().unwrap_or_else(|| panic!("{arg} needs a value"));
        match arg.as_str() {
            "--site" => site = PathBuf::from(value),
            "--page" => page = value,
            other => panic!("unknown option {other}; use --site DIR --page PATH"),
        }
    }
    let page_path = site.join(&page);
    let html = std::fs::read_to_string(&page_path).unwrap_or_else(|e| panic!("{}: {e}", page_path.display()));
    let document = Html::parse_document(&html);
    let mut loads: BTreeSet<PathBuf> = BTreeSet::new();
    let selector =
        Selector::parse("link[rel~=stylesheet][href], link[rel~=icon][href], script[src], img[src]").unwrap();
    for element in document.select(&selector) {
        let value = element.value();
        let target = value.attr("href").or_else(|| value.attr("src")).unwrap();
        if let Some(file) = local_file(&site, &page_path, target) {
            loads.insert(file);
        }
    }
    let stylesheets: Vec<PathBuf> =
        loads.iter().filter(|f| f.extension().is_some_and(|e| e == "css")).cloned().collect();
    for stylesheet in stylesheets {
        let css = std::fs::read_to_string(&stylesheet).unwrap_or_default();
        for target in css.split("url(").skip(1).filter_map(|rest| rest.split(')').next()) {
            let target = target.trim_matches(|c| c == '"' || c == '\'' || c == ' ');
            if let Some(file) = local_file(&site, &stylesheet, target) {
                loads.insert(file);
            }
        }
    }
    let size = |path: &Path| std::fs::metadata(path).unwrap_or_else(|e| panic!("{}: {e}", path.display())).len();
    let mut total = size(&page_path);
    println!("{:>8}  {page}", total);
    for file in &loads {
        let bytes = size(file);
        total += bytes;
        println!("{bytes:>8}  {}", file.strip_prefix(&site).unwrap_or(file).display());
    }
    println!("{total:>8}  total ({:.1} KB)", total as f64 / 1000.0);
}

/// The file in the built site that `target`, written in `from`, names;
/// `None` for other origins and data addresses (there should be none).
fn local_file(site: &Path, from: &Path, target: &str) -> Option<PathBuf> {
    if target.contains("://") || target.starts_with("data:") || target.starts_with("//") {
        return None;
    }
    let target = target.split(['?', '#']).next()?;
    let mut path = if target.starts_with('/') { site.to_path_buf() } else { from.parent()?.to_path_buf() };
    for part in target.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                path.pop();
            }
            name => path.push(name),
        }
    }
    path.starts_with(site).then_some(path)
}
