//! What the sites of one build share: a board's sites are mostly the same
//! text and the same theme, so what one site made of them is kept for the
//! next that has them unchanged. For a single site nothing is kept.

use std::sync::{Arc, Mutex};

use crate::config::Config;
use crate::content::assets::Assets;
use crate::diagnostic::Diagnostic;
use crate::i18n::Messages;
use crate::render::Renderer;
use crate::search;

/// The work of earlier sites of the build, for the later ones to reuse.
#[derive(Default)]
pub(super) struct Shared {
    keep: bool,
    /// The pages of the search index, read once.
    pub search: search::Shared,
    /// The messages and compiled templates, with what they were made of.
    themes: Mutex<Vec<(ThemeKey, Theme)>>,
    /// The articles rendered so far.
    renders: crate::model::Renders,
}

/// A site's UI messages and compiled templates, and their warnings.
#[derive(Clone)]
pub(super) struct Theme {
    pub messages: Arc<Messages>,
    pub renderer: Arc<Renderer>,
    pub warnings: Vec<Diagnostic>,
}

/// What the messages and templates are made of: the theme's and message
/// files and `site.yaml` but for what only a school's site changes and
/// neither reads (its name, address, colours, logo): a new setting of
/// `site.yaml` is in the key until it is known not to matter.
#[derive(PartialEq)]
struct ThemeKey {
    config: Config,
    templates: std::collections::BTreeMap<String, crate::content::assets::TextAsset>,
    messages: std::collections::BTreeMap<String, std::collections::BTreeMap<String, crate::content::assets::TextAsset>>,
    locales_dir: std::path::PathBuf,
}

impl ThemeKey {
    fn new(config: &Config, assets: &Assets) -> ThemeKey {
        let mut config = config.clone();
        config.organisation.clear();
        config.base_url.clear();
        config.base_path.clear();
        config.colors = crate::config::Colors { primary: String::new(), accent: String::new() };
        config.logo = None;
        config.schools.clear();
        config.school = None;
        ThemeKey {
            config,
            templates: assets.templates.clone(),
            messages: assets.messages.clone(),
            locales_dir: assets.locales_dir.clone(),
        }
    }
}

impl Shared {
    /// For a build of `sites` sites.
    pub(super) fn for_sites(sites: usize) -> Shared {
        match sites {
            0 | 1 => Shared::default(),
            _ => Shared { keep: true, search: search::Shared::for_several_sites(), ..Shared::default() },
        }
    }

    /// The articles earlier sites rendered, when sites share their work.
    pub(super) fn renders(&self) -> Option<&crate::model::Renders> {
        self.keep.then_some(&self.renders)
    }

    /// The theme an earlier site made of the same files and settings.
    pub(super) fn theme(&self, config: &Config, assets: &Assets) -> Option<Theme> {
        if !self.keep {
            return None;
        }
        let key = ThemeKey::new(config, assets);
        let themes = self.themes.lock().unwrap_or_else(|e| e.into_inner());
        themes.iter().find(|(k, _)| *k == key).map(|(_, theme)| theme.clone())
    }

    /// Keeps the theme of a site for the next.
    pub(super) fn keep_theme(&self, config: &Config, assets: &Assets, theme: Theme) {
        if self.keep {
            let key = ThemeKey::new(config, assets);
            self.themes.lock().unwrap_or_else(|e| e.into_inner()).push((key, theme));
        }
    }
}
