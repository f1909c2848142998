//! What `serve` keeps between builds: the last good build of the site and,
//! for a board, of each school's site. A change rebuilds only the sites it
//! touches: a file under `schools/<id>/` that school's site alone, a board
//! file the board's site and each school's that shows it. Within a site,
//! `incremental` renders only the pages a text edit touches.

use rayon::prelude::*;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::{incremental, Build, Kept, Prepared, Shared};
use crate::board;
use crate::content::{self, school::FOLDER, Sources};
use crate::diagnostic::{display_path, Diagnostic, Diagnostics};
use crate::render::Files;

/// How a `Session` rebuilt.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rebuild {
    /// Every stage ran on every file of every site.
    Full,
    /// Only the sites a change touches were rebuilt, and within them only
    /// the changed articles read again where that is safe: `pages` pages
    /// rendered in `sites` sites.
    Incremental { pages: usize, sites: usize },
}

/// The last good build of a site (and of a board's schools), rebuilt on request.
pub struct Session {
    root: PathBuf,
    kept: Option<Kept>,
    /// A board's schools: id and last good build, in `site.yaml`'s order.
    schools: Vec<(String, Kept)>,
    /// Counts builds, so that late search indexes of older ones are dropped.
    generation: u64,
}

/// Indexing the sites whose pages changed for search, away from the rebuild
/// loop: each site by its place (0 the board's, then each school's).
pub struct SearchJob {
    generation: u64,
    sites: Vec<(usize, crate::model::Site)>,
}

/// Finished search indexes and the build they belong to.
pub struct SearchUpdate {
    generation: u64,
    files: Vec<(usize, Result<Files, Diagnostics>)>,
}

impl SearchJob {
    pub fn run(self) -> SearchUpdate {
        let files = self.sites.into_iter().map(|(place, site)| (place, crate::search::index(&site))).collect();
        SearchUpdate { generation: self.generation, files }
    }
}

impl Session {
    pub fn new(root: &Path) -> Session {
        Session { root: root.to_path_buf(), kept: None, schools: Vec::new(), generation: 0 }
    }

    /// The files of the last good build of the site itself, if there was one.
    pub fn files(&self) -> Option<&Files> {
        self.kept.as_ref().map(|k| &*k.files)
    }

    /// Rebuilds the search indexes of the last build. An incremental rebuild
    /// leaves them as they were (indexing takes longer than the rest);
    /// `serve` runs `search_job` in the background instead.
    pub fn refresh_search(&mut self) -> Result<Build, Diagnostics> {
        let nothing = || Diagnostics::from(Diagnostic::error("site", 0, 0, "nothing built yet"));
        match self.search_job() {
            Some(job) => self.apply_search(job.run()).ok_or_else(nothing)?,
            None => self.summary().ok_or_else(nothing),
        }
    }

    /// The work of bringing the search indexes up to date with the last
    /// build, to run on another thread; `None` when they are up to date.
    pub fn search_job(&self) -> Option<SearchJob> {
        let sites: Vec<(usize, crate::model::Site)> =
            self.places().filter(|(_, k)| k.search_stale).map(|(place, k)| (place, k.site.clone())).collect();
        (!sites.is_empty()).then_some(SearchJob { generation: self.generation, sites })
    }

    /// Takes finished search indexes in, unless a newer build replaced the
    /// one they were made for (then `None`).
    pub fn apply_search(&mut self, update: SearchUpdate) -> Option<Result<Build, Diagnostics>> {
        if update.generation != self.generation {
            return None;
        }
        let mut problems = Diagnostics::new();
        for (place, index) in update.files {
            let kept = match place {
                0 => self.kept.as_mut()?,
                n => &mut self.schools.get_mut(n - 1)?.1,
            };
            match index {
                Ok(index) => {
                    let files = Arc::make_mut(&mut kept.files);
                    files.retain(|path, _| !path.starts_with(crate::search::FOLDER));
                    files.extend(index);
                    kept.search_stale = false;
                }
                Err(e) => problems.extend(e),
            }
        }
        if problems.has_errors() {
            return Some(Err(problems));
        }
        self.summary().map(Ok)
    }

    /// Whether a search index lags behind the pages.
    pub fn search_stale(&self) -> bool {
        self.places().any(|(_, k)| k.search_stale)
    }

    /// Rebuilds after `changed` files (paths as the watcher reports them)
    /// changed. Keeps the last good build of every site when one fails.
    pub fn rebuild(&mut self, changed: &[PathBuf]) -> Result<(Build, Rebuild), Diagnostics> {
        let how = match self.update(changed) {
            Some(result) => result?,
            None => {
                let (kept, schools) = full(&self.root)?;
                (self.kept, self.schools) = (Some(kept), schools);
                Rebuild::Full
            }
        };
        self.generation += 1;
        let build = self.summary().expect("a site was built");
        Ok((build, how))
    }

    /// Every kept site by its place: 0 the board's, then each school's.
    fn places(&self) -> impl Iterator<Item = (usize, &Kept)> {
        self.kept.iter().map(|k| (0, k)).chain(self.schools.iter().enumerate().map(|(n, (_, k))| (n + 1, k)))
    }

    fn summary(&self) -> Option<Build> {
        let mut build = self.kept.as_ref()?.summary();
        for (id, kept) in &self.schools {
            build.page_count += kept.summary().page_count;
            build.schools.push((id.clone(), Arc::clone(&kept.files)));
        }
        Some(build)
    }

    /// Rebuilds only the sites `changed` touches; `None` when the change
    /// needs a full build of every site.
    fn update(&mut self, changed: &[PathBuf]) -> Option<Result<Rebuild, Diagnostics>> {
        let kept = self.kept.as_ref()?;
        if changed.is_empty() {
            return None;
        }
        let root = std::fs::canonicalize(&self.root).ok()?;
        let mut own: Vec<PathBuf> = Vec::new();
        let mut of_schools: BTreeMap<usize, Vec<PathBuf>> = BTreeMap::new();
        for path in changed {
            match school_of(&root, path) {
                Some(id) => {
                    let place = self.schools.iter().position(|(s, _)| s == id)?;
                    of_schools.entry(place).or_default().push(path.clone());
                }
                None => own.push(path.clone()),
            }
        }
        let mut next_board = None;
        let mut pages = 0;
        // Schools whose replacement of a changed board article may have drifted.
        let mut whole: Vec<usize> = Vec::new();
        if !own.is_empty() {
            let (next, count) = match incremental::update(&self.root, kept, &own)? {
                Ok(done) => done,
                Err(problems) => return Some(Err(problems)),
            };
            pages += count;
            for (place, (_, school)) in self.schools.iter().enumerate() {
                let ids = own.iter().filter_map(|p| incremental::article_id(kept, &root, p));
                let replaced = school.sources.overlay.as_ref().map_or(&[][..], |o| &o.replaced[..]);
                if ids.into_iter().any(|id| replaced.iter().any(|r| r.id == id)) {
                    whole.push(place);
                }
                let shown = own.iter().filter(|p| incremental::article_id(school, &root, p).is_some());
                of_schools.entry(place).or_default().extend(shown.cloned());
            }
            next_board = Some(next);
        }
        let mut next_schools = Vec::new();
        let mut problems = Diagnostics::new();
        let mut board_sources: Option<Sources> = None;
        // The schools' sites side by side: a board edit touches them all.
        let touched: Vec<(usize, Vec<PathBuf>)> =
            of_schools.into_iter().filter(|(p, paths)| !paths.is_empty() || whole.contains(p)).collect();
        let quick: Vec<_> = touched
            .par_iter()
            .map(|(place, paths)| {
                let school = &self.schools[*place].1;
                if whole.contains(place) {
                    None
                } else {
                    incremental::update(&self.root, school, paths)
                }
            })
            .collect();
        for ((place, _), quick) in touched.into_iter().zip(quick) {
            let id = &self.schools[place].0;
            let result = quick.unwrap_or_else(|| school_full(&self.root, id, &mut board_sources));
            match result {
                Ok((next, count)) => {
                    pages += count;
                    next_schools.push((place, next));
                }
                Err(errors) => problems.extend(labelled(&self.root, id, errors)),
            }
        }
        if problems.has_errors() {
            return Some(Err(problems));
        }
        let sites = usize::from(next_board.is_some()) + next_schools.len();
        if let Some(next) = next_board {
            self.kept = Some(next);
        }
        for (place, next) in next_schools {
            self.schools[place].1 = next;
        }
        Some(Ok(Rebuild::Incremental { pages, sites }))
    }
}

/// The id of the school whose folder holds `path` (absolute, under `root`).
fn school_of<'a>(root: &Path, path: &'a Path) -> Option<&'a str> {
    let mut parts = path.strip_prefix(root).ok()?.components();
    (parts.next()?.as_os_str() == FOLDER).then_some(())?;
    parts.next()?.as_os_str().to_str()
}

/// The board's sources as `serve` builds them: its home links to each
/// school's site in the same server.
fn load(root: &Path) -> Result<Sources, Diagnostics> {
    let mut sources = content::load(root)?;
    sources.config.schools_local = true;
    Ok(sources)
}

/// Builds every site: each school's, then the board's own.
fn full(root: &Path) -> Result<(Kept, Vec<(String, Kept)>), Diagnostics> {
    let mut board = load(root)?;
    let schools = std::mem::take(&mut board.schools);
    // The schools' sites share the board's text, theme and index pages.
    let shared = Shared::for_sites(schools.len() + 1);
    let mut built = Vec::new();
    let mut failed = Vec::new();
    let made = super::schools::in_parallel(schools.len(), |i| prepare_school(&board, &schools[i], &shared));
    for (school, made) in schools.iter().zip(made) {
        let id = &school.school.id;
        match made {
            Ok(kept) => built.push((id.clone(), kept)),
            Err(errors) => failed.push((id, errors)),
        }
    }
    let (kept, own) = match Prepared::from_sources(board, &shared).and_then(|p| Kept::from_prepared(p, &shared)) {
        Ok(kept) => (Some(kept), Vec::new()),
        Err(errors) => (None, errors.sorted()),
    };
    // What the board's site reports is said once, not again for each school.
    let mut problems = Diagnostics::new();
    for (id, errors) in failed {
        let errors = errors.sorted().into_iter().filter(|d| !own.contains(d));
        problems.extend(labelled(root, id, errors));
    }
    problems.extend(own);
    match kept {
        Some(kept) if !problems.has_errors() => Ok((kept, built)),
        _ => Err(problems),
    }
}

fn prepare_school(
    board: &Sources,
    school: &content::school::SchoolSources,
    shared: &Shared,
) -> Result<Kept, Diagnostics> {
    let (mut sources, problems) = board::school_sources(board, school);
    sources.problems.extend(problems);
    Prepared::from_sources(sources, shared).and_then(|p| Kept::from_prepared(p, shared))
}

/// Builds the site of school `id` again from the board's sources, read once
/// per rebuild into `board`.
fn school_full(root: &Path, id: &str, board: &mut Option<Sources>) -> Result<(Kept, usize), Diagnostics> {
    let board = match board {
        Some(board) => board,
        None => board.insert(load(root)?),
    };
    let Some(school) = board.schools.iter().find(|s| s.school.id == id) else {
        let message = format!("school `{id}` is no longer in `schools:`");
        return Err(Diagnostic::error(display_path(root, Path::new("site.yaml")), 0, 0, message).into());
    };
    let kept = prepare_school(board, school, &Shared::default())?;
    let pages = kept.summary().page_count;
    Ok((kept, pages))
}

/// A school's errors: those of its own folder as they are, the others
/// said to be on its site (the board's own are the board's site's too).
fn labelled(root: &Path, id: &str, errors: impl IntoIterator<Item = Diagnostic>) -> Vec<Diagnostic> {
    let folder = display_path(root, Path::new(FOLDER));
    errors
        .into_iter()
        .map(|mut d| {
            if d.is_error() && !d.path.starts_with(&folder) {
                d.message = format!("on the site of school `{id}`: {}", d.message);
            }
            d
        })
        .collect()
}
