//! The sites of one build: a board's own and each school's (`board`), or a
//! single school's. The board's sources are read once; each school's are
//! made from them, prepared, handed on and let go before the next.

use std::path::Path;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::Mutex;

use super::shared::Shared;
use super::{Prepared, Written};
use crate::board;
use crate::content::{self, school::SchoolSources};
use crate::diagnostic::{display_path, Diagnostic, Diagnostics};

/// Which sites a build makes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sites<'a> {
    /// The site's own and, for a board, every school's under `<school-id>/`.
    All,
    /// One school's site alone, at the root of the output.
    School(&'a str),
}

/// How many schools' sites are made at a time: each spreads its pages over
/// every core, but has stretches on one (the sources, the index's word
/// lists, the writing), which a second site fills.
const SITES_AT_ONCE: usize = 2;

/// What became of one site.
struct Outcome {
    page_count: usize,
    file_count: usize,
    diagnostics: Vec<Diagnostic>,
}

/// Prepares each site and hands it to `emit` with the prefix of its output
/// paths; once a site failed, the others are only checked, so that one run
/// reports every error. The warnings and counts of all sites together.
pub(super) fn each_site(
    root: &Path,
    sites: Sites<'_>,
    emit: impl Fn(&str, Prepared, &Shared) -> Result<Written, Diagnostics> + Sync,
) -> Result<Written, Diagnostics> {
    let mut board = content::load(root)?;
    let chosen = chosen(root, &mut board, sites)?;
    let shared = Shared::for_sites(chosen.len() + usize::from(sites == Sites::All));
    let failed = AtomicBool::new(false);
    let run = |prefix: &str, sources: content::Sources| -> Outcome {
        let outcome = match Prepared::from_sources(sources, &shared) {
            Ok(prepared) if failed.load(Ordering::SeqCst) => {
                Ok(Written { warnings: prepared.diagnostics.sorted(), page_count: 0, file_count: 0 })
            }
            Ok(prepared) => emit(prefix, prepared, &shared),
            Err(problems) => Err(problems),
        };
        match outcome {
            Ok(w) => Outcome { page_count: w.page_count, file_count: w.file_count, diagnostics: w.warnings },
            Err(problems) => {
                failed.store(true, Ordering::SeqCst);
                Outcome { page_count: 0, file_count: 0, diagnostics: problems.sorted() }
            }
        }
    };
    // Each school's sources are copied from the board's: the board's own
    // site comes last, when they are no longer needed.
    let of_schools = in_parallel(chosen.len(), |i| {
        let school = &chosen[i];
        let (mut sources, problems) = board::school_sources(&board, school);
        sources.problems.extend(problems);
        let prefix = match sites {
            Sites::All => format!("{}/", school.school.id),
            Sites::School(_) => {
                sources.problems.extend(board.problems.iter().cloned());
                String::new()
            }
        };
        run(&prefix, sources)
    });
    let mut total = Written { warnings: Vec::new(), page_count: 0, file_count: 0 };
    let mut count = |outcome: &Outcome| {
        total.page_count += outcome.page_count;
        total.file_count += outcome.file_count;
    };
    of_schools.iter().for_each(&mut count);
    let mut all = Vec::new();
    if sites == Sites::All {
        let own = run("", board);
        count(&own);
        for (school, outcome) in chosen.iter().zip(of_schools) {
            all.extend(relabel(root, school, outcome.diagnostics, &own.diagnostics));
        }
        all.extend(own.diagnostics);
    } else {
        all.extend(of_schools.into_iter().flat_map(|o| o.diagnostics));
    }
    let mut gathered = Diagnostics::new();
    gathered.extend(all);
    if failed.into_inner() {
        return Err(gathered);
    }
    total.warnings = gathered.sorted();
    Ok(total)
}

/// `job` of each of `0..count`, on `SITES_AT_ONCE` threads, in order.
pub(super) fn in_parallel<T: Send>(count: usize, job: impl Fn(usize) -> T + Sync) -> Vec<T> {
    let next = AtomicUsize::new(0);
    let results: Vec<Mutex<Option<T>>> = (0..count).map(|_| Mutex::new(None)).collect();
    std::thread::scope(|scope| {
        for _ in 0..SITES_AT_ONCE.min(count) {
            scope.spawn(|| loop {
                let i = next.fetch_add(1, Ordering::SeqCst);
                if i >= count {
                    break;
                }
                let made = job(i);
                *results[i].lock().unwrap_or_else(|e| e.into_inner()) = Some(made);
            });
        }
    });
    results.into_iter().map(|r| r.into_inner().unwrap_or_else(|e| e.into_inner()).expect("every job ran")).collect()
}

/// The schools to build: all, or the one asked for.
fn chosen(root: &Path, board: &mut content::Sources, sites: Sites<'_>) -> Result<Vec<SchoolSources>, Diagnostics> {
    let all = std::mem::take(&mut board.schools);
    let Sites::School(id) = sites else { return Ok(all) };
    let ids: Vec<String> = all.iter().map(|s| s.school.id.clone()).collect();
    match all.into_iter().find(|s| s.school.id == id) {
        Some(school) => Ok(vec![school]),
        None => {
            let hint = crate::text::hint(id, ids.iter().map(String::as_str));
            let message = if ids.is_empty() {
                format!("no school `{id}`: site.yaml lists no `schools:`; `--school` builds the site of one school of a board")
            } else {
                format!("no school `{id}` in `schools:` of site.yaml{hint}; the schools are {}", ids.join(", "))
            };
            Err(Diagnostic::error(display_path(root, Path::new("site.yaml")), 0, 0, message).into())
        }
    }
}

/// A school's diagnostics beside the board's: what the board's site
/// reports too is said once, a warning about the board's files is the
/// board's, and an error only a school's site has says which school.
fn relabel(root: &Path, school: &SchoolSources, diagnostics: Vec<Diagnostic>, board: &[Diagnostic]) -> Vec<Diagnostic> {
    let folder = display_path(root, Path::new(content::school::FOLDER));
    diagnostics
        .into_iter()
        .filter(|d| !board.contains(d))
        .filter_map(|mut d| {
            if d.path.starts_with(&folder) {
                return Some(d);
            }
            if !d.is_error() {
                return None;
            }
            d.message = format!("on the site of school `{}`: {}", school.school.id, d.message);
            Some(d)
        })
        .collect()
}
