//! Quiz and scenario card pages of the example, read with an HTML parser:
//! what a student sees without JavaScript, what a teacher projects, and
//! that branching works through plain links.

mod common;

use common::*;
use std::collections::BTreeSet;
use std::path::Path;

fn site() -> &'static Path {
    built_example()
}

/// The pages under a folder of the built site.
fn pages_under(folder: &str) -> Vec<String> {
    let mut pages: Vec<String> = std::fs::read_dir(site().join(folder))
        .unwrap()
        .filter_map(Result::ok)
        .filter(|e| e.path().join("index.html").is_file())
        .map(|e| format!("{folder}/{}", e.file_name().to_string_lossy()))
        .collect();
    pages.sort();
    pages
}

#[test]
fn every_quiz_works_without_javascript() {
    for locale in ["nl", "en"] {
        let quizzes = pages_under(&format!("{locale}/quiz"));
        assert!(quizzes.len() >= 3, "{locale}: {quizzes:?}");
        for path in quizzes {
            let html = page(site(), &path);
            let fieldsets = select(&html, "main form fieldset, main fieldset");
            assert!(fieldsets.len() >= 8, "{path}: {} questions", fieldsets.len());
            for fieldset in &fieldsets {
                let legend = fieldset.select(&scraper::Selector::parse("legend").unwrap()).next();
                assert!(legend.is_some_and(|l| !text_of(&l).is_empty()), "{path}: a question without legend");
            }
            for input in select(&html, "main input[type=radio], main input[type=checkbox], main fieldset select") {
                let id = input.value().attr("id").unwrap_or_else(|| panic!("{path}: an input without id"));
                assert_eq!(select(&html, &format!("label[for=\"{id}\"]")).len(), 1, "{path}: #{id} has no label");
            }
            // Each question is followed by a disclosure with its answer.
            let details = select(&html, "main fieldset + details, main details");
            assert!(
                details.len() >= fieldsets.len(),
                "{path}: {} answers for {} questions",
                details.len(),
                fieldsets.len()
            );
            // Teachers get the full address and a QR code to project.
            let qr = select(&html, "main svg[role=img][aria-label]");
            assert_eq!(qr.len(), 1, "{path}: one labelled QR code");
            let text = text_of(&select(&html, "main")[0]);
            let address = format!("https://www.example.org/social-media/{path}/");
            assert!(text.contains(&address), "{path}: full URL shown");
            assert_eq!(read_qr(&qr[0].html()), address, "{path}: a phone that scans the code opens this quiz");
        }
    }
}

#[test]
fn quizzes_use_all_question_types_and_cite_rules() {
    let html = page(site(), "nl/quiz/leerlingen");
    assert!(!select(&html, "main input[type=radio]").is_empty());
    assert!(!select(&html, "main input[type=checkbox]").is_empty());
    assert!(!select(&html, "main fieldset select").is_empty(), "order questions can be answered without JavaScript");
    let rule_links: Vec<String> = select(&html, "main details a[href*=\"/protocol/\"]")
        .iter()
        .map(|a| a.value().attr("href").unwrap().to_owned())
        .collect();
    assert!(rule_links.iter().any(|h| h.contains('#')), "answers link to the cited rules: {rule_links:?}");
    for href in rule_links {
        let relative = href.trim_start_matches("../../../");
        let (path, anchor) = relative.split_once('#').unwrap_or((relative, ""));
        let target = page(site(), path.trim_end_matches('/'));
        if !anchor.is_empty() {
            assert_eq!(select(&target, &format!("[id=\"{anchor}\"]")).len(), 1, "{href}");
        }
    }
}

#[test]
fn scenario_cards_branch_through_links() {
    for locale in ["nl", "en"] {
        let cards = pages_under(&format!("{locale}/scenarios"));
        assert!(cards.len() >= 8, "{locale}: {cards:?}");
        for path in cards {
            let html = page(site(), &path);
            let steps = select(&html, "main section[id^=step-]");
            assert!(steps.len() >= 3, "{path}: {} steps", steps.len());
            let ids: BTreeSet<&str> = steps.iter().map(|s| s.value().attr("id").unwrap()).collect();
            let choices = select(&html, "main section[id^=step-] a[href^=\"#step-\"]");
            assert!(choices.len() >= 2, "{path}");
            for link in choices {
                let target = link.value().attr("href").unwrap().trim_start_matches('#');
                assert!(ids.contains(target), "{path}: choice leads to missing step {target}");
            }
            let text = text_of(&select(&html, "main")[0]);
            let (good, bad) =
                if locale == "nl" { ("Goede afloop", "Slechte afloop") } else { ("Good outcome", "Bad outcome") };
            assert!(text.contains(good) && text.contains(bad), "{path}: outcomes are named in words");
        }
    }
}

#[test]
fn audience_views_and_home_point_to_quizzes_and_cards() {
    let students = page(site(), "nl/leerlingen");
    let links: Vec<&str> = select(&students, "main a[href]").iter().map(|a| a.value().attr("href").unwrap()).collect();
    assert!(links.contains(&"../../nl/quiz/leerlingen/"), "{links:?}");
    assert!(links.iter().any(|l| l.starts_with("../../nl/scenarios/")), "{links:?}");
    assert!(!links.contains(&"../../nl/quiz/medewerkers/"), "the staff quiz is not in the students' view");
    let home = page(site(), "nl");
    assert!(select(&home, "main a[href]").iter().any(|a| a.value().attr("href") == Some("../nl/quiz/")));
}

/// What a phone reads from an inline SVG QR code: its dark modules (`M{x},{y}h1v1h-1`
/// squares of the path) drawn 4 pixels each and decoded.
fn read_qr(svg: &str) -> String {
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
