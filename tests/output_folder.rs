//! The output folder is leidraad's alone: `build --out` refuses folders it
//! did not make and the site's own folders, follows a symbolic link to its
//! target without deleting either, keeps files it did not write, and
//! removes what stopped builds left behind. Each test runs the real binary.

mod common;

use common::*;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const NOT_OURS: &str = "refusing to build here: the folder is not empty and has no .leidraad-build file, \
so leidraad did not make it and will not replace it; choose another --out, or empty or remove the folder \
yourself (an output of a leidraad from before this rule has no such file either: delete it once)";

const OWN_FOLDER: &str = "a build replaces its output folder whole, so --out must be a folder of its own: \
leave out --out to build into public/ in the site folder, or choose another folder";

const CLASH: &str = "the new build writes this path, but what is there now was not made by leidraad \
(.leidraad-build does not list it), and a build never replaces what it did not make: move or rename it, \
then build again";

fn build_into(root: &Path, out: &Path) -> std::process::Output {
    leidraad(root, &["build", "--root", root.to_str().unwrap(), "--out", out.to_str().unwrap()])
}

/// Asserts that the build failed with exactly `errors` (one line each).
fn assert_refused(output: &std::process::Output, errors: &[String]) {
    assert_eq!(output.status.code(), Some(1), "{}", stderr(output));
    let count = errors.len();
    let summary = format!("{count} error{} found; nothing was written", if count == 1 { "" } else { "s" });
    let expected: Vec<&str> = errors.iter().map(String::as_str).chain([summary.as_str()]).collect();
    let lines: Vec<_> = stderr(output).lines().filter(|l| !l.contains(": warning: ")).map(str::to_owned).collect();
    assert_eq!(lines, expected);
}

/// Every entry under `dir` (folders too), with the bytes of files.
fn snapshot(dir: &Path) -> Vec<(String, Option<Vec<u8>>)> {
    let mut all: Vec<_> = walkdir::WalkDir::new(dir)
        .into_iter()
        .map(|e| {
            let e = e.unwrap();
            let relative = e.path().strip_prefix(dir).unwrap().to_string_lossy().into_owned();
            (relative, e.file_type().is_file().then(|| fs::read(e.path()).unwrap()))
        })
        .collect();
    all.sort();
    all
}

fn write(path: &Path, text: &str) {
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(path, text).unwrap();
}

/// The names in `dir` that look like leftovers of builds.
fn leftovers(dir: &Path) -> Vec<String> {
    fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains(".leidraad-"))
        .collect()
}

#[test]
fn a_web_root_with_other_files_is_refused_and_left_as_it_was() {
    let site = site_with(None);
    let dir = tempfile::tempdir().unwrap();
    let web = dir.path().join("www");
    // Looks like an output of an older leidraad, and holds a school's own files.
    write(&web.join("index.html"), "<p>home</p>");
    write(&web.join("sitemap.xml"), "<urlset/>");
    write(&web.join("contact.php"), "<?php mail();");
    write(&web.join("uploads/2024/photo.jpg"), "jpeg");
    let before = snapshot(&web);

    let output = build_into(site.path(), &web);
    assert_refused(&output, &[format!("{}: {NOT_OURS}", web.display())]);
    assert_eq!(snapshot(&web), before);
    assert!(leftovers(dir.path()).is_empty());
}

#[test]
fn an_empty_folder_is_built_into() {
    let site = site_with(None);
    let out = tempfile::tempdir().unwrap();
    let output = build_into(site.path(), out.path());
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(out.path().join("nl/protocol/regels/index.html").is_file());
}

#[test]
fn the_site_folder_and_its_sources_are_refused_before_anything_is_built() {
    let site = site_with(None);
    let root = site.path();
    fs::create_dir(root.join("themes")).unwrap();
    let real_root = fs::canonicalize(root).unwrap();
    let before = snapshot(root);
    let cases: [(PathBuf, String); 6] = [
        (root.to_path_buf(), "--out is the site folder".into()),
        (root.parent().unwrap().to_path_buf(), format!("--out contains the site folder {}", real_root.display())),
        (root.join("content"), "--out is the site's content/ folder".into()),
        (root.join("content/nl/out"), "--out is inside the site's content/ folder".into()),
        (root.join("themes"), "--out is the site's themes/ folder".into()),
        (root.join("locales/site"), "--out is inside the site's locales/ folder".into()),
    ];
    for (out, reason) in cases {
        let output = build_into(root, &out);
        assert_refused(&output, &[format!("{}: {reason}; {OWN_FOLDER}", out.display())]);
        assert_eq!(snapshot(root), before, "--out {} changed the site", out.display());
    }
    assert!(root.join("site.yaml").is_file() && root.join("content/nl/protocol/regels.md").is_file());

    // The default, public/ in the site folder, stays allowed.
    let output = leidraad(root, &["build"]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(root.join("public/index.html").is_file());
}

#[test]
fn a_second_build_replaces_the_first_and_keeps_files_it_did_not_write() {
    let site = site_with(None);
    let extra = site.path().join("content/nl/protocol/extra.md");
    write(&extra, "---\nid: extra\ntitle: Extra\naudiences: [all]\ncontexts: [school]\norder: 20\n---\nTekst.\n");
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("public");
    assert!(build_into(site.path(), &out).status.success());
    assert!(out.join("nl/protocol/extra/index.html").is_file());
    let manifest = fs::read_to_string(out.join(".leidraad-build")).unwrap();
    assert!(manifest.lines().any(|l| l == "nl/protocol/extra/index.html"), "{manifest}");
    // A web editor's files, beside and inside leidraad's folders.
    write(&out.join(".htaccess"), "Options -Indexes");
    write(&out.join("uploads/logo.png"), "png");
    write(&out.join("nl/protocol/extra/notes.txt"), "mine");

    fs::remove_file(&extra).unwrap();
    let regels = site.path().join("content/nl/protocol/regels.md");
    fs::write(&regels, fs::read_to_string(&regels).unwrap().replace("aardig", "vriendelijk")).unwrap();
    let output = build_into(site.path(), &out);
    assert!(output.status.success(), "{}", stderr(&output));

    assert!(fs::read_to_string(out.join("nl/protocol/regels/index.html")).unwrap().contains("vriendelijk"));
    assert!(!out.join("nl/protocol/extra/index.html").exists(), "the page of the removed article is gone");
    assert_eq!(fs::read_to_string(out.join(".htaccess")).unwrap(), "Options -Indexes");
    assert_eq!(fs::read_to_string(out.join("uploads/logo.png")).unwrap(), "png");
    assert_eq!(fs::read_to_string(out.join("nl/protocol/extra/notes.txt")).unwrap(), "mine");
    let manifest = fs::read_to_string(out.join(".leidraad-build")).unwrap();
    assert!(!manifest.contains("htaccess") && !manifest.contains("uploads") && !manifest.contains("extra"));
    assert!(leftovers(dir.path()).is_empty(), "{:?}", leftovers(dir.path()));

    // The same input gives the same output, manifest included.
    let again = tempfile::tempdir().unwrap();
    assert!(build_into(site.path(), &again.path().join("public")).status.success());
    let fresh = read_tree(&again.path().join("public"));
    let mut kept = read_tree(&out);
    kept.retain(|path, _| !path.starts_with("uploads/") && path != ".htaccess" && !path.ends_with("notes.txt"));
    assert_eq!(kept, fresh);
}

#[test]
fn a_file_it_did_not_write_is_never_overwritten() {
    let site = site_with(None);
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("public");
    assert!(build_into(site.path(), &out).status.success());
    // Someone made this page by hand; then the site gets an article there.
    write(&out.join("nl/protocol/extra/index.html"), "handmade");
    let before = snapshot(&out);
    let extra = "---\nid: extra\ntitle: Extra\naudiences: [all]\ncontexts: [school]\norder: 20\n---\nTekst.\n";
    write(&site.path().join("content/nl/protocol/extra.md"), extra);

    let output = build_into(site.path(), &out);
    assert_refused(&output, &[format!("{}: {CLASH}", out.join("nl/protocol/extra/index.html").display())]);
    assert_eq!(snapshot(&out), before);
    assert!(leftovers(dir.path()).is_empty(), "{:?}", leftovers(dir.path()));
}

#[cfg(unix)]
#[test]
fn a_linked_output_is_built_into_its_target_and_the_link_stays() {
    use std::os::unix::fs::symlink;
    let site = site_with(None);
    let dir = tempfile::tempdir().unwrap();
    let (target, link) = (dir.path().join("real/www"), dir.path().join("link"));
    fs::create_dir_all(&target).unwrap();
    symlink(&target, &link).unwrap();

    // Not leidraad's yet: refused, and nothing happens to either.
    write(&target.join("contact.php"), "<?php");
    let output = build_into(site.path(), &link);
    assert_refused(&output, &[format!("{}: {NOT_OURS}", link.display())]);
    assert_eq!(fs::read_to_string(target.join("contact.php")).unwrap(), "<?php");
    assert!(fs::symlink_metadata(&link).unwrap().is_symlink());

    // Empty: built into, through the link.
    fs::remove_file(target.join("contact.php")).unwrap();
    let output = build_into(site.path(), &link);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(fs::symlink_metadata(&link).unwrap().is_symlink(), "the link is still a link");
    assert_eq!(fs::read_link(&link).unwrap(), target);
    assert!(target.join("nl/protocol/regels/index.html").is_file());

    // Marked now: replaced, keeping the target's other files.
    write(&target.join(".htaccess"), "Options -Indexes");
    let regels = site.path().join("content/nl/protocol/regels.md");
    fs::write(&regels, fs::read_to_string(&regels).unwrap().replace("aardig", "vriendelijk")).unwrap();
    let output = build_into(site.path(), &link);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(fs::symlink_metadata(&link).unwrap().is_symlink());
    assert!(fs::read_to_string(target.join("nl/protocol/regels/index.html")).unwrap().contains("vriendelijk"));
    assert_eq!(fs::read_to_string(target.join(".htaccess")).unwrap(), "Options -Indexes");
    assert!(leftovers(dir.path()).is_empty() && leftovers(&dir.path().join("real")).is_empty());
}

#[cfg(unix)]
#[test]
fn a_link_into_the_sources_is_refused() {
    let site = site_with(None);
    let dir = tempfile::tempdir().unwrap();
    let link = dir.path().join("link");
    std::os::unix::fs::symlink(site.path().join("content"), &link).unwrap();
    let before = snapshot(site.path());
    let output = build_into(site.path(), &link);
    let real = fs::canonicalize(site.path().join("content")).unwrap();
    let reason = format!("--out is the site's content/ folder (a link to {}); {OWN_FOLDER}", real.display());
    assert_refused(&output, &[format!("{}: {reason}", link.display())]);
    assert_eq!(snapshot(site.path()), before);
    assert!(fs::symlink_metadata(&link).unwrap().is_symlink());
}

/// A site with `count` more articles, so that writing it takes a while.
fn big_site(count: usize) -> tempfile::TempDir {
    let site = site_with(None);
    let paragraph = "We delen geen foto's van anderen zonder te vragen, en we zijn aardig online. ".repeat(12);
    for i in 0..count {
        let mut text = format!(
            "---\nid: a{i}\ntitle: Artikel {i}\naudiences: [all]\ncontexts: [school]\norder: {}\n---\n",
            i + 100
        );
        for rule in 1..=12 {
            text.push_str(&format!("{rule}. {paragraph}\n"));
        }
        fs::write(site.path().join(format!("content/nl/protocol/a{i}.md")), text).unwrap();
    }
    site
}

/// The folder a build of `out` is writing, once it holds a page.
fn staging_with_a_page(parent: &Path) -> Option<PathBuf> {
    let folder = fs::read_dir(parent)
        .ok()?
        .map(|e| e.unwrap().path())
        .find(|p| p.file_name().unwrap().to_string_lossy().starts_with(".public.leidraad-new-"))?;
    let has_page = walkdir::WalkDir::new(&folder)
        .into_iter()
        .filter_map(Result::ok)
        .any(|e| e.path().extension().is_some_and(|x| x == "html"));
    (has_page && folder.join(".leidraad-staging").is_file()).then_some(folder)
}

#[test]
fn the_next_build_removes_what_a_killed_build_left_and_nothing_else() {
    let big = big_site(300);
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("public");
    // Something of the user's that only looks like a leftover: no marker.
    write(&dir.path().join(".public.leidraad-new-12/mine.txt"), "keep");

    let mut child = Command::new(env!("CARGO_BIN_EXE_leidraad"))
        .args(["build", "--root", big.path().to_str().unwrap(), "--out", out.to_str().unwrap()])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    // A hang guard, not a timing: the build writes for seconds.
    let deadline = Instant::now() + Duration::from_secs(120);
    let mut killed = None;
    while Instant::now() < deadline && child.try_wait().unwrap().is_none() {
        if let Some(folder) = staging_with_a_page(dir.path()) {
            child.kill().unwrap(); // SIGKILL: no chance to clean up
            eprintln!("killed the build while it wrote {}", folder.display());
            killed = Some(folder);
            break;
        }
        std::thread::sleep(Duration::from_millis(2));
    }
    child.wait().unwrap();
    let killed = match killed {
        Some(folder) => folder,
        None => {
            // The build was too quick to catch: leave what a killed one would.
            let folder = dir.path().join(".public.leidraad-new-4194304");
            write(&folder.join(".leidraad-staging"), "a leidraad build (process 4194304) is writing this folder\n");
            write(&folder.join("nl/index.html"), "half");
            folder
        }
    };
    assert!(killed.join(".leidraad-staging").is_file(), "the killed build left its folder");

    let small = site_with(None);
    let output = build_into(small.path(), &out);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(!killed.exists(), "the killed build's folder is gone");
    assert_eq!(leftovers(dir.path()), [".public.leidraad-new-12"]);
    assert_eq!(fs::read_to_string(dir.path().join(".public.leidraad-new-12/mine.txt")).unwrap(), "keep");
    assert!(out.join("nl/protocol/regels/index.html").is_file());
}
