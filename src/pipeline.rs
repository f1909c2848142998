//! The build, stage by stage: load the sources, read the messages, build the
//! model, check it, render it. `build` and `check` run the same pipeline;
//! only `build` hands the result to `output`.

use std::path::Path;

use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::render::Files;
use crate::{check, content, i18n, model, render};

/// A successful build in memory.
#[derive(Debug)]
pub struct Build {
    pub files: Files,
    pub warnings: Vec<Diagnostic>,
    /// HTML pages among the files.
    pub page_count: usize,
}

/// Runs every stage on the site at `root`. On failure, the diagnostics hold
/// every error found (and the warnings).
pub fn build(root: &Path) -> Result<Build, Diagnostics> {
    let sources = content::load(root)?;
    let mut diagnostics = Diagnostics::new();
    let messages = i18n::load(&sources.config, &sources.assets).map_err(|e| diagnostics.extend(e)).ok();
    let (site, problems) = model::build(&sources);
    diagnostics.extend(problems);
    diagnostics.extend(check::site(&site));
    let Some(messages) = messages.filter(|_| !diagnostics.has_errors()) else { return Err(diagnostics) };
    let files = render::site(&site, &sources.assets, &messages).map_err(|e| {
        diagnostics.extend(e);
        diagnostics.clone()
    })?;
    let page_count = files.keys().filter(|p| p.ends_with(".html")).count();
    Ok(Build { files, warnings: diagnostics.sorted(), page_count })
}
