//! Bounded mutation test: a few hundred damaged copies of the example's files
//! (byte flips, truncations, lost and doubled lines, invalid UTF-8, NUL,
//! huge values, deep nesting, alias bombs), each checked on a copy of a
//! small site. No run may panic, hang, or report an error it cannot place.
//! `LEIDRAAD_MUTATIONS=3000 cargo test --release --test mutations` runs more.

mod common;

use common::*;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// A small deterministic generator (xorshift64*), so that a failure can be
/// repeated from its seed and number.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

const SEED: u64 = 0x1e1d_7aad_2026_0019;

/// A check of a mutated site may take this long at most (a hang guard for
/// a debug build on a shared machine; a real check takes milliseconds).
const BOUND: Duration = Duration::from_secs(20);

/// The site every mutation starts from: the minimal fixture with a quiz,
/// a scenario card, an audience intro and message files of the site's own,
/// so that every kind of file the example has is there to damage.
fn base() -> tempfile::TempDir {
    let dir = site_with(None);
    copy_tree(&fixture("mutations"), dir.path());
    dir
}

/// The files a mutation may damage, relative to the site.
fn files(root: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = walkdir::WalkDir::new(root)
        .sort_by_file_name()
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| e.path().strip_prefix(root).unwrap().to_path_buf())
        .collect();
    files.sort();
    files
}

/// Nesting far past any limit, in flow and block style and mixed.
fn deep(rng: &mut Rng) -> Vec<u8> {
    let n = 20_000 + rng.below(80_000);
    match rng.below(4) {
        0 => "[".repeat(n),
        1 => "{a: ".repeat(n),
        2 => format!("\n{}x", "- ".repeat(n)),
        _ => "[{a: - ".repeat(n / 3),
    }
    .into_bytes()
}

/// Nine levels of nine aliases each: a billion copies if expanded.
fn alias_bomb() -> Vec<u8> {
    let mut text = String::from("\nlol0: &l0 [x, x, x, x, x, x, x, x, x]\n");
    for i in 1..10 {
        let items = vec![format!("*l{}", i - 1); 9].join(", ");
        text.push_str(&format!("lol{i}: &l{i} [{items}]\n"));
    }
    text.into_bytes()
}

/// One damaged copy of `bytes`, and what was done.
fn mutate(rng: &mut Rng, bytes: &[u8]) -> (Vec<u8>, &'static str) {
    let mut out = bytes.to_vec();
    let at = rng.below(out.len() + 1);
    let lines: Vec<&[u8]> = bytes.split_inclusive(|&b| b == b'\n').collect();
    let line = rng.below(lines.len());
    let kind = match rng.below(12) {
        0 => {
            if let Some(byte) = out.get_mut(at) {
                *byte ^= 1 << rng.below(8);
            }
            "byte flip"
        }
        1 => {
            out.truncate(at);
            "truncation"
        }
        2 | 3 => {
            let mut kept: Vec<&[u8]> = lines.clone();
            if rng.below(2) == 0 {
                kept.remove(line);
                out = kept.concat();
                "deleted line"
            } else {
                kept.insert(line, lines[line]);
                out = kept.concat();
                "duplicated line"
            }
        }
        4 => {
            out.splice(at..at, [0xC3, 0x28, 0xFF]);
            "invalid UTF-8"
        }
        5 => {
            out.insert(at, 0);
            "NUL"
        }
        6 => {
            out.splice(at..at, "\u{E000}R".bytes());
            "placeholder mark"
        }
        7 => {
            let huge = "x".repeat(100_000 + rng.below(3_000_000));
            out.splice(at..at, huge.into_bytes());
            "huge value"
        }
        8 | 9 => {
            let deep = deep(rng);
            out.splice(at..at, deep);
            "deep nesting"
        }
        10 => {
            let start: usize = lines[..line].iter().map(|l| l.len()).sum();
            out.splice(start..start, alias_bomb());
            "alias bomb"
        }
        _ => {
            let start: usize = lines[..line].iter().map(|l| l.len()).sum();
            out.splice(start..start, b"  ".iter().copied());
            "indented line"
        }
    };
    (out, kind)
}

/// Errors that are about a whole file or folder, or a file's name, have no line.
fn placeable(diagnostic: &leidraad::diagnostic::Diagnostic) -> bool {
    let about_the_name = ["is not named after an audience", "the file name", "leidraad does not know this file"];
    diagnostic.line > 0 || !diagnostic.path.is_file() || about_the_name.iter().any(|m| diagnostic.message.contains(m))
}

#[test]
fn damaged_files_give_placed_errors_in_bounded_time() {
    let count: usize = std::env::var("LEIDRAAD_MUTATIONS").ok().and_then(|n| n.parse().ok()).unwrap_or(200);
    let clean = base();
    assert!(leidraad::pipeline::check(clean.path()).is_ok(), "the base site checks cleanly");
    let originals = files(clean.path());
    let mut rng = Rng(SEED);
    let mut failures = Vec::new();
    let mut slowest = (Duration::ZERO, String::new());
    let mut outcomes: std::collections::BTreeMap<(&str, bool), usize> = Default::default();
    // `LEIDRAAD_MUTATION=N` only writes the site of mutation N and keeps it,
    // to look at with the binary.
    let only: Option<usize> = std::env::var("LEIDRAAD_MUTATION").ok().and_then(|n| n.parse().ok());
    for number in 0..count.max(only.map_or(0, |n| n + 1)) {
        let file = &originals[rng.below(originals.len())];
        let bytes = std::fs::read(clean.path().join(file)).unwrap();
        let (damaged, kind) = mutate(&mut rng, &bytes);
        if only.is_some_and(|n| n != number) {
            continue;
        }
        let site = base();
        std::fs::write(site.path().join(file), &damaged).unwrap();
        if only.is_some() {
            eprintln!("mutation {number} ({kind}) of {}: kept in {}", file.display(), site.keep().display());
            return;
        }
        let start = Instant::now();
        let result = std::panic::catch_unwind(|| leidraad::pipeline::check(site.path()));
        let took = start.elapsed();
        let what = format!("mutation {number} ({kind}) of {}", file.display());
        if took > slowest.0 {
            slowest = (took, what.clone());
        }
        *outcomes.entry((kind, matches!(result, Ok(Err(_))))).or_default() += 1;
        match result {
            Err(_) => failures.push(format!("{what}: panicked")),
            Ok(Err(diagnostics)) => {
                for d in diagnostics.iter().filter(|d| d.is_error() && !placeable(d)) {
                    failures.push(format!("{what}: no line in `{d}`"));
                }
            }
            Ok(Ok(_)) => {}
        }
        if took > BOUND {
            failures.push(format!("{what}: took {took:?}"));
        }
    }
    eprintln!("{count} mutations; slowest check {:?}: {}", slowest.0, slowest.1);
    for ((kind, failed), n) in &outcomes {
        eprintln!("  {kind}: {n} {}", if *failed { "refused" } else { "passed" });
    }
    assert!(failures.is_empty(), "{} of {count} mutations failed:\n{}", failures.len(), failures.join("\n"));
}
