//! The generator knows no school: no organisation, audience, context or
//! locale of the example sites appears as a string literal in `src/`
//! outside tests. They all come from site.yaml. The one table of language
//! codes, which names the stemmer of every language search can stem
//! (`"nl" => Algorithm::Dutch`), is general knowledge, not a site's, and
//! is the exception.

mod common;

use common::*;
use std::collections::BTreeSet;

/// Names the example sites define, from their site.yaml files.
fn site_names() -> BTreeSet<String> {
    let mut names = BTreeSet::new();
    let mut roots = vec![repo()];
    if let Ok(examples) = std::fs::read_dir(repo().join("examples")) {
        roots.extend(examples.filter_map(Result::ok).map(|e| e.path()).filter(|p| p.join("site.yaml").is_file()));
    }
    for root in roots {
        let text = std::fs::read_to_string(root.join("site.yaml")).unwrap();
        let yaml: serde_yaml::Value = serde_yaml::from_str(&text).unwrap();
        names.insert(yaml["organisation"].as_str().unwrap().to_owned());
        for locale in yaml["locales"].as_sequence().unwrap() {
            names.insert(locale.as_str().unwrap().to_owned());
        }
        for school in yaml["schools"].as_sequence().into_iter().flatten() {
            names.insert(school["id"].as_str().unwrap().to_owned());
            names.insert(school["name"].as_str().unwrap().to_owned());
        }
        for key in ["audiences", "contexts"] {
            for item in yaml[key].as_sequence().into_iter().flatten() {
                names.insert(item["id"].as_str().unwrap().to_owned());
                for field in ["name", "slug"] {
                    for value in item[field].as_mapping().into_iter().flat_map(|m| m.values()) {
                        names.insert(value.as_str().unwrap().to_owned());
                    }
                }
            }
        }
    }
    names
}

/// Words of leidraad's own vocabulary that an example site may also use
/// as an id: boards list `schools:` and `build --school ID` builds one, so
/// messages about them say "school" (the VSNON example's context `school`
/// shares the word).
const OWN_WORDS: [&str; 1] = ["school"];

/// String literals of a Rust source, with test modules left out.
fn literals(source: &str) -> Vec<(usize, String)> {
    let code = source.split("#[cfg(test)]").next().unwrap_or(source);
    let mut found = Vec::new();
    for (number, line) in code.lines().enumerate() {
        let line = line.trim_start();
        if line.starts_with("//") || line.contains("=> Algorithm::") {
            continue;
        }
        let parts: Vec<&str> = line.split('"').collect();
        for literal in parts.iter().skip(1).step_by(2) {
            found.push((number + 1, (*literal).to_owned()));
        }
    }
    found
}

#[test]
fn no_school_audience_context_or_locale_in_the_generator() {
    let mut names = site_names();
    for word in OWN_WORDS {
        names.remove(word);
    }
    assert!(names.contains("nl") && names.contains("leerlingen"), "{names:?}");
    let mut offences = Vec::new();
    for entry in walkdir::WalkDir::new(repo().join("src")).into_iter().filter_map(Result::ok) {
        let path = entry.path();
        if path.extension().is_none_or(|e| e != "rs") || path.file_name().is_some_and(|n| n == "tests.rs") {
            continue;
        }
        let source = std::fs::read_to_string(path).unwrap();
        for (line, literal) in literals(&source) {
            let words: Vec<&str> = literal.split(|c: char| !c.is_alphanumeric() && c != '-').collect();
            for name in &names {
                if literal == *name || words.contains(&name.as_str()) && name.len() > 2 {
                    offences.push(format!("{}:{line}: \"{literal}\" names `{name}`", path.display()));
                }
            }
        }
    }
    assert!(offences.is_empty(), "the generator must not know these names:\n{}", offences.join("\n"));
}
