//! Bad input: each fixture under tests/fixtures/errors is laid over the
//! minimal site; the build must fail with exit code 1, name the file, line
//! and column in the exact message, and leave the previous output untouched.

mod common;

use common::*;
use std::path::Path;

/// Builds the clean minimal site into `out`, then the broken one into the
/// same folder; returns stderr of the failed build after checking that the
/// output is byte for byte what the clean build wrote.
fn failing_build(overlay: &str) -> String {
    let clean = site_with(None);
    let broken = site_with(Some(overlay));
    let out_dir = tempfile::tempdir().unwrap();
    let out = out_dir.path().join("public");
    let ok = leidraad(clean.path(), &["build", "--out", out.to_str().unwrap()]);
    assert!(ok.status.success(), "{}", stderr(&ok));
    let before = read_tree(&out);

    let failed = leidraad(broken.path(), &["build", "--out", out.to_str().unwrap()]);
    assert_eq!(failed.status.code(), Some(1), "stderr: {}", stderr(&failed));
    assert_eq!(read_tree(&out), before, "a failed build changed the previous output");
    let siblings: Vec<_> = std::fs::read_dir(out_dir.path()).unwrap().collect();
    assert_eq!(siblings.len(), 1, "a failed build left staging folders behind");

    let check = leidraad(broken.path(), &["check"]);
    assert_eq!(check.status.code(), Some(1));
    assert_eq!(stderr(&check), stderr(&failed), "check and build report the same errors");
    stderr(&failed)
}

fn error_lines(stderr: &str) -> Vec<&str> {
    stderr.lines().filter(|l| !l.contains(" warning: ") && !l.ends_with("nothing was written")).collect()
}

#[test]
fn invalid_yaml() {
    let err = failing_build("invalid-yaml");
    let lines = error_lines(&err);
    assert_eq!(lines.len(), 1, "{err}");
    assert!(lines[0].starts_with("content/nl/protocol/regels.md:5:"), "{err}");
    assert!(lines[0].contains("invalid YAML"), "{err}");
}

#[test]
fn unknown_key_with_hint() {
    let err = failing_build("unknown-key");
    assert_eq!(
        error_lines(&err),
        ["content/nl/protocol/regels.md:4:1: unknown key `audience`; did you mean `audiences`?; known keys are `id`, `number`, `title`, `audiences`, `contexts`, `order`, `summary`, `numbering`, `anchor_prefix`, `translated_from`, `replaces`, `board_from`"]
    );
}

#[test]
fn unknown_audience_with_hint() {
    let err = failing_build("unknown-audience");
    assert_eq!(
        error_lines(&err),
        ["content/nl/protocol/regels.md:4:21: unknown audience `leerling`; did you mean `leerlingen`?; site.yaml defines leerlingen, ouders, all"]
    );
}

#[test]
fn duplicate_id() {
    let err = failing_build("duplicate-id");
    assert_eq!(
        error_lines(&err),
        ["content/nl/protocol/regels.md:2:5: duplicate article id `regels`: content/nl/protocol/meer-regels.md uses it too; ids of articles must be unique"]
    );
}

#[test]
fn dangling_references() {
    let err = failing_build("dangling-reference");
    assert_eq!(
        error_lines(&err),
        [
            "content/nl/protocol/verwijzing.md:8:5: link to `regels#r9`, but `regels` has no anchor `r9`",
            "content/nl/protocol/verwijzing.md:8:29: link to unknown id `regel`; did you mean `regels`?",
        ]
    );
}

#[test]
fn fluent_message_missing_in_one_locale() {
    let err = failing_build("missing-message");
    assert_eq!(
        error_lines(&err),
        ["locales/nl/extra.ftl:2:1: message `extra-welkom` is missing in locale `en`: add it to locales/en/extra.ftl"]
    );
}

#[test]
fn image_without_alt_text() {
    let err = failing_build("image-without-alt");
    assert_eq!(
        error_lines(&err),
        ["content/nl/protocol/regels.md:9:1: image `images/klas.jpg` has no alt text; describe it between the brackets: ![what the image shows](images/klas.jpg)"]
    );
}

#[test]
fn unsafe_html() {
    let err = failing_build("unsafe-html");
    let lines = error_lines(&err);
    assert_eq!(lines.len(), 1, "{err}");
    assert!(lines[0].starts_with("content/nl/protocol/regels.md:9:1: `<iframe>` is not allowed in content"), "{err}");
}

#[test]
fn two_bad_files_are_reported_in_one_run() {
    let err = failing_build("two-bad-files");
    assert_eq!(
        error_lines(&err),
        [
            "content/en/protocol/rules.md:5:12: unknown context `scool`; did you mean `school`?; site.yaml defines school",
            "content/nl/protocol/regels.md:4:13: unknown audience `leerling`; did you mean `leerlingen`?; site.yaml defines leerlingen, ouders, all",
        ]
    );
    assert!(err.ends_with("2 errors found; nothing was written\n"), "{err}");
}

#[test]
fn quiz_citing_a_rule_that_does_not_exist() {
    let err = failing_build("quiz-bad-ref");
    assert_eq!(
        error_lines(&err),
        ["content/nl/quiz/toets.md:13:12: `refs` cites `regels#r3`, but `regels` has no anchor `r3`"]
    );
}

#[test]
fn quiz_whose_id_differs_between_locales() {
    let err = failing_build("quiz-id-differs");
    assert_eq!(
        error_lines(&err),
        ["content/en/quiz/test.md:2:5: no `nl` original has id `test`; did you mean `toets`?; a translation uses the id of its original"]
    );
}

#[test]
fn latin1_file_names_its_first_bad_line() {
    let site = site_with(None);
    let path = site.path().join("content/nl/protocol/regels.md");
    let mut bytes = std::fs::read(&path).unwrap();
    bytes.extend_from_slice(b"3. Caf\xe9 en cr\xe8che.\n");
    std::fs::write(&path, bytes).unwrap();
    let output = leidraad(site.path(), &["check"]);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        error_lines(&stderr(&output)),
        ["content/nl/protocol/regels.md:11:1: the file is not UTF-8 text; save it as UTF-8 in your editor (\"Save as\", encoding UTF-8)"]
    );
}

#[test]
fn crlf_and_byte_order_mark_build_like_plain_files() {
    let plain = site_with(None);
    let windows = site_with(None);
    for entry in walkdir::WalkDir::new(windows.path().join("content")).into_iter().filter_map(Result::ok) {
        if entry.file_type().is_file() {
            let text = std::fs::read_to_string(entry.path()).unwrap();
            let mut bytes = b"\xEF\xBB\xBF".to_vec();
            bytes.extend(text.replace('\n', "\r\n").into_bytes());
            std::fs::write(entry.path(), bytes).unwrap();
        }
    }
    let a = build(plain.path());
    let b = build(windows.path());
    assert_eq!(read_tree(a.path()), read_tree(b.path()));
}

#[test]
fn missing_translation_is_built_with_a_notice_and_warned_by_check() {
    let site = site_with(None);
    std::fs::remove_file(site.path().join("content/en/protocol/rules.md")).unwrap();
    let check = leidraad(site.path(), &["check"]);
    assert!(check.status.success(), "{}", stderr(&check));
    assert_eq!(
        stderr(&check),
        "content/nl/protocol/regels.md: warning: not translated into `en` yet: its page shows this text with a notice; add content/en/protocol/<name>.md with `id: regels`\n"
    );
    let out = build(site.path());
    let html = page(&out.path().join("site"), "en/protocol/regels");
    assert_eq!(select(&html, "html")[0].value().attr("lang"), Some("en"));
    let notice = select(&html, "main .notice");
    assert_eq!(notice.len(), 1, "one visible notice");
    let original = select(&html, "main .notice a[href]");
    assert_eq!(original[0].value().attr("href"), Some("../../../nl/protocol/regels/"));
    let dutch = select(&html, "main [lang=nl]");
    assert!(dutch.iter().any(|e| text_of(e).contains("We delen geen foto's")), "the Dutch text is marked lang=nl");
}

#[test]
fn missing_site_yaml_and_usage_errors() {
    let empty = tempfile::tempdir().unwrap();
    let output = leidraad(empty.path(), &["check"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).starts_with("site.yaml: no site.yaml here"), "{}", stderr(&output));

    let output = leidraad(Path::new("."), &["build", "--frobnicate"]);
    assert_eq!(output.status.code(), Some(2));
    let output = leidraad(Path::new("."), &[]);
    assert_eq!(output.status.code(), Some(2));
    let output = leidraad(Path::new("."), &["build", "--help"]);
    assert_eq!(output.status.code(), Some(0));
    assert!(stdout(&output).contains("--out <DIR>"), "{}", stdout(&output));
}

#[test]
fn glossary_source_names_its_values_and_an_unreadable_glossary_lacks_no_translations() {
    let err = failing_build("glossary-bad-source");
    assert_eq!(
        err.lines().filter(|l| !l.ends_with("nothing was written")).collect::<Vec<_>>(),
        ["content/nl/glossary.yaml:4:11: entry 1, `source`: unknown value `wet`; allowed are `protocol`, `explanation`"],
        "one error, and no warning that the other locale's terms are untranslated"
    );
}
