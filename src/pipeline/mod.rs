//! The build, stage by stage: load the sources, read the messages, build the
//! model, check it, render it. `build` and `check` run the same pipeline;
//! only `build` hands the result to `output`. A `Session` keeps the last good
//! build in memory for `serve` and rebuilds only what a change touches when
//! that is safe (see `incremental`).

mod incremental;
mod prepare;
mod schools;
mod session;
mod shared;

use prepare::{load_messages, model_of};
use shared::{Shared, Theme};

pub use schools::Sites;
pub use session::{Rebuild, SearchJob, SearchUpdate, Session};

use std::path::Path;
use std::sync::Arc;

use crate::content::{self, Sources};
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::files::Bytes;
use crate::i18n::Messages;
use crate::memory;
use crate::model::{Environment, Site};
use crate::output;
use crate::render::{Bodies, Content, Files, InMemory, Renderer};
use crate::search;

/// A successful build in memory.
#[derive(Debug)]
pub struct Build {
    /// Shared with the session that keeps it.
    pub files: Arc<Files>,
    pub warnings: Vec<Diagnostic>,
    /// HTML pages among the files (of every site).
    pub page_count: usize,
    /// In `serve`, a board's schools: each one's id and files.
    pub schools: Vec<(String, Arc<Files>)>,
}

/// Runs every stage on the site at `root`, keeping the files in memory. On
/// failure, the diagnostics hold every error found (and the warnings).
pub fn build(root: &Path) -> Result<Build, Diagnostics> {
    let kept = Kept::full(root)?;
    Ok(kept.summary())
}

/// What `write` wrote.
#[derive(Debug)]
pub struct Written {
    pub warnings: Vec<Diagnostic>,
    /// HTML pages among the files.
    pub page_count: usize,
    pub file_count: usize,
}

/// Runs every stage on the site at `root` and writes it to `out`, with the
/// site of each school of a board under `out/<school-id>/`
/// ([`write_sites`] with [`Sites::All`]).
pub fn write(root: &Path, out: &Path) -> Result<Written, Diagnostics> {
    write_sites(root, out, Sites::All)
}

/// Runs every stage on the sites at `root` and writes them to `out`: each
/// page as soon as it is rendered, then the search index, nothing kept in
/// memory once written. `out` is replaced only when every file of every
/// site was written: on failure it stays as it was.
pub fn write_sites(root: &Path, out: &Path, sites: Sites<'_>) -> Result<Written, Diagnostics> {
    // Where the output may go is settled before anything is built.
    let target = output::guard::target(root, out)?;
    let staging = std::sync::OnceLock::new();
    // Made by the first site that gets this far (sites are made two at a time).
    let making = std::sync::Mutex::new(());
    let result = schools::each_site(root, sites, |prefix, prepared, shared| {
        let staging = match staging.get() {
            Some(staging) => staging,
            None => {
                let _making = making.lock().unwrap_or_else(|e| e.into_inner());
                match staging.get() {
                    Some(staging) => staging,
                    None => match output::Staging::new(&target) {
                        Ok(made) => staging.get_or_init(|| made),
                        Err(e) => return Err(Diagnostics::from(e)),
                    },
                }
            }
        };
        let put = |path: &str, content: Content<'_>| {
            let path = format!("{prefix}{path}");
            match content {
                Content::Shared(bytes) => staging.put(&path, Bytes::Shared(Arc::clone(bytes))),
                _ => match content.whole() {
                    Some(bytes) => staging.put(&path, Bytes::Own(bytes.into_owned())),
                    None => staging.put_with(&path, |out| content.write_to(out)),
                },
            }
            .map_err(Diagnostic::from)
        };
        emit(prepared, shared, &put)
    });
    let mut written = result?;
    let staging =
        staging.into_inner().ok_or_else(|| Diagnostics::from(Diagnostic::error(out, 0, 0, "no site to write")))?;
    match staging.commit() {
        Ok(warnings) => written.warnings.extend(warnings),
        Err(e) => {
            let mut failed = Diagnostics::from(e);
            failed.extend(written.warnings);
            return Err(failed);
        }
    }
    Ok(written)
}

/// Renders and indexes one prepared site through `put`.
fn emit(prepared: Prepared, shared: &Shared, put: &crate::render::Put<'_>) -> Result<Written, Diagnostics> {
    let Prepared { sources, mut site, renderer, mut diagnostics, .. } = prepared;
    // The model holds all the text from here on: let the sources go.
    drop(sources.locales);
    memory::return_freed();
    let mut fail = |problems: Diagnostics| {
        diagnostics.extend(problems);
        diagnostics.clone()
    };
    let rendered = renderer.site_into(&site, &sources.assets, put).map_err(&mut fail)?;
    site.release_article_html();
    memory::return_freed();
    let put_index = |path: String, bytes: Bytes| match &bytes {
        Bytes::Own(own) => put(&path, Content::Bytes(own)),
        Bytes::Shared(shared) => put(&path, Content::Shared(shared)),
    };
    let mut index = search::Writer::new(&site, &shared.search).map_err(&mut fail)?;
    // A locale's index files are handed to the writing thread from a
    // thread of their own while the next locale is indexed: handed over
    // from the indexing threads, they waited on the writing (a tenth of
    // the index's time), and one locale's files at a time are few.
    let handed = std::thread::scope(|scope| {
        let mut handing: Option<std::thread::ScopedJoinHandle<'_, Result<(), Diagnostic>>> = None;
        for locale in 0..site.locales.len() {
            let files = index.locale_files(&site, &site.locales[locale]);
            site.release_plain_text(locale);
            memory::return_freed();
            if let Some(previous) = handing.take() {
                previous.join().expect("handing files over does not panic")?;
            }
            handing = Some(scope.spawn(|| files.into_iter().try_for_each(|(path, bytes)| put_index(path, bytes))));
        }
        handing.map_or(Ok(()), |last| last.join().expect("handing files over does not panic"))
    });
    handed.map_err(|e| fail(e.into()))?;
    let index_count = index.finish(&put_index).map_err(&mut fail)?;
    Ok(Written {
        warnings: diagnostics.sorted(),
        page_count: rendered.page_count,
        file_count: rendered.file_count + index_count,
    })
}

/// Runs every stage that can find a mistake on the site at `root` and on
/// each school's, rendering every page but keeping none and writing
/// nothing. The search index is left out: it is made from the checked
/// model and cannot fail on content.
pub fn check(root: &Path) -> Result<Written, Diagnostics> {
    schools::each_site(root, Sites::All, |_, prepared, _| {
        let Prepared { sources, site, renderer, mut diagnostics, .. } = prepared;
        let rendered = renderer.site_into(&site, &sources.assets, &|_: &str, _: Content<'_>| Ok(())).map_err(|e| {
            diagnostics.extend(e);
            diagnostics.clone()
        })?;
        Ok(Written { warnings: diagnostics.sorted(), page_count: rendered.page_count, file_count: rendered.file_count })
    })
}

/// The stages before rendering, which every command runs: the sources
/// read, the messages, the model built and checked, the templates compiled.
struct Prepared {
    sources: Sources,
    messages: Arc<Messages>,
    site: Site,
    environment: Environment,
    renderer: Arc<Renderer>,
    /// The warnings so far.
    diagnostics: Diagnostics,
}

impl Prepared {
    fn new(root: &Path) -> Result<Prepared, Diagnostics> {
        let mut sources = content::load(root)?;
        sources.schools.clear();
        Prepared::from_sources(sources, &Shared::default())
    }

    /// The stages before rendering, on sources already read, with what
    /// earlier sites of the build made that this one can reuse.
    fn from_sources(mut sources: Sources, shared: &Shared) -> Result<Prepared, Diagnostics> {
        // The model lets each article's Markdown go once rendered; later
        // rebuilds read the files they need again.
        let bodies = content::take_article_bodies(&mut sources);
        let mut diagnostics = Diagnostics::new();
        diagnostics.extend(sources.problems.iter().cloned());
        let reused = shared.theme(&sources.config, &sources.assets);
        let mut theme_warnings = Diagnostics::new();
        let messages = match &reused {
            Some(theme) => Some(Arc::clone(&theme.messages)),
            None => load_messages(&sources, &mut theme_warnings),
        };
        // Compiling the templates takes as long as the Markdown of a few
        // hundred articles: it runs beside the model.
        let ((site, environment, problems), renderer) = rayon::join(
            || model_of(&sources, bodies, shared.renders()),
            || match &reused {
                Some(theme) => Some(Ok(Arc::clone(&theme.renderer))),
                None => messages
                    .as_ref()
                    .map(|m| Renderer::new(&sources.config, &sources.assets, Arc::clone(m)).map(Arc::new)),
            },
        );
        let theme_warnings: Vec<Diagnostic> = match &reused {
            Some(theme) => theme.warnings.clone(),
            None => theme_warnings.into_iter().collect(),
        };
        diagnostics.extend(theme_warnings.iter().cloned());
        diagnostics.extend(problems);
        let (Some(messages), Some(renderer)) = (messages, renderer) else { return Err(diagnostics) };
        let renderer = match renderer {
            Ok(renderer) if !diagnostics.has_errors() => renderer,
            Ok(_) => return Err(diagnostics),
            Err(e) => {
                diagnostics.extend(e);
                return Err(diagnostics);
            }
        };
        if reused.is_none() {
            let theme =
                Theme { messages: Arc::clone(&messages), renderer: Arc::clone(&renderer), warnings: theme_warnings };
            shared.keep_theme(&sources.config, &sources.assets, theme);
        }
        Ok(Prepared { sources, messages, site, environment, renderer, diagnostics })
    }
}

/// Everything a build made, kept so that the next one can reuse it.
struct Kept {
    sources: Sources,
    messages: Arc<Messages>,
    site: Site,
    environment: Arc<Environment>,
    renderer: Arc<Renderer>,
    files: Arc<Files>,
    /// Template output of the pages that show several articles.
    bodies: Arc<Bodies>,
    warnings: Vec<Diagnostic>,
    /// The pages changed since the search index was built.
    search_stale: bool,
}

impl Kept {
    fn full(root: &Path) -> Result<Kept, Diagnostics> {
        Kept::from_prepared(Prepared::new(root)?, &Shared::default())
    }

    /// Renders and indexes a prepared site, reusing the index pages that
    /// earlier sites of `shared` made.
    fn from_prepared(prepared: Prepared, shared: &Shared) -> Result<Kept, Diagnostics> {
        let Prepared { sources, messages, site, environment, renderer, mut diagnostics } = prepared;
        let InMemory { mut files, bodies } = renderer.site(&site, &sources.assets).map_err(|e| {
            diagnostics.extend(e);
            diagnostics.clone()
        })?;
        files.extend(crate::search::index_shared(&site, &shared.search).map_err(|e| {
            diagnostics.extend(e);
            diagnostics.clone()
        })?);
        let environment = Arc::new(environment);
        Ok(Kept {
            sources,
            messages,
            site,
            environment,
            renderer,
            files: Arc::new(files),
            bodies: Arc::new(bodies),
            warnings: diagnostics.sorted(),
            search_stale: false,
        })
    }

    fn summary(&self) -> Build {
        let page_count = self.files.keys().filter(|p| p.ends_with(".html")).count();
        Build { files: Arc::clone(&self.files), warnings: self.warnings.clone(), page_count, schools: Vec::new() }
    }
}
