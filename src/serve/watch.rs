//! Watching a site's sources with notify: `site.yaml`, `content/`,
//! `themes/`, `locales/` and a board's `schools/`. Bursts of events (an editor's atomic save is a
//! write, a rename and more) are debounced into one signal; events of
//! reading and of anything else in the site folder, such as a build's output
//! folder, are ignored so a build never triggers itself.

use notify::event::EventKind;
use notify::RecursiveMode;
use notify_debouncer_full::{new_debouncer, DebounceEventResult, Debouncer, RecommendedCache};
use std::path::{Path, PathBuf};
use std::sync::mpsc::Sender;
use std::time::Duration;

use super::ServeError;

/// The folders of a site that a rebuild depends on, beside `site.yaml`.
const WATCHED: &[&str] = &["content", "themes", "locales", "schools"];
/// An editor's save is a burst of events within a millisecond or two.
const DEBOUNCE: Duration = Duration::from_millis(5);

/// Starts watching; the returned value keeps the watcher alive.
pub fn start(
    root: &Path,
    changes: Sender<Vec<PathBuf>>,
) -> Result<Debouncer<notify::RecommendedWatcher, RecommendedCache>, ServeError> {
    let root = std::fs::canonicalize(root).unwrap_or_else(|_| root.to_path_buf());
    let sources: Vec<PathBuf> = WATCHED.iter().map(|d| root.join(d)).collect();
    let config = root.join("site.yaml");
    let relevant = {
        let sources = sources.clone();
        move |path: &Path| {
            let hidden = path.file_name().is_some_and(|n| {
                let n = n.to_string_lossy();
                n.starts_with('.') || n.ends_with('~')
            });
            !hidden && (path == config || sources.iter().any(|s| path.starts_with(s)))
        }
    };
    let mut debouncer = new_debouncer(DEBOUNCE, Some(Duration::from_millis(2)), move |result: DebounceEventResult| {
        let Ok(events) = result else { return };
        let paths: Vec<PathBuf> = events
            .iter()
            .filter(|event| matches!(event.kind, EventKind::Create(_) | EventKind::Modify(_) | EventKind::Remove(_)))
            .flat_map(|event| event.paths.iter().filter(|p| relevant(p)).cloned())
            .collect();
        if !paths.is_empty() {
            let _ = changes.send(paths);
        }
    })
    .map_err(|e| ServeError::Watch { path: root.clone(), message: e.to_string() })?;
    // The root itself, flat: `site.yaml` and folders created later.
    debouncer
        .watch(&root, RecursiveMode::NonRecursive)
        .map_err(|e| ServeError::Watch { path: root.clone(), message: e.to_string() })?;
    for source in sources.iter().filter(|s| s.is_dir()) {
        debouncer
            .watch(source, RecursiveMode::Recursive)
            .map_err(|e| ServeError::Watch { path: source.clone(), message: e.to_string() })?;
    }
    Ok(debouncer)
}
