//! The stages before rendering that every site of a build runs for
//! itself: its messages (when no earlier site's can be reused) and its model
//! with the checks on it.

use std::sync::Arc;

use crate::check;
use crate::content::{self, Sources};
use crate::diagnostic::Diagnostics;
use crate::i18n::{self, Messages};
use crate::model::{self, Environment, Site};

/// The UI messages of the site, with their warnings and those of the
/// templates' use of them in `diagnostics`.
pub(super) fn load_messages(sources: &Sources, diagnostics: &mut Diagnostics) -> Option<Arc<Messages>> {
    match i18n::load(&sources.config, &sources.assets) {
        Ok((messages, warnings)) => {
            diagnostics.extend(warnings);
            diagnostics.extend(i18n::check_templates(&sources.assets, &messages));
            Some(Arc::new(messages))
        }
        Err(errors) => {
            diagnostics.extend(errors);
            None
        }
    }
}

/// The model of the site and every problem the checks of the model find.
/// `renders` holds the articles earlier sites of the build rendered.
pub(super) fn model_of(
    sources: &Sources,
    bodies: content::ArticleBodies,
    renders: Option<&model::Renders>,
) -> (Site, Environment, Diagnostics) {
    let (site, environment, mut problems) = model::build_with(sources, bodies, renders);
    problems.extend(check::site(&site));
    match &sources.overlay {
        Some(overlay) => problems.extend(crate::board::replaced_rules(&site, overlay)),
        None => {
            let config_text = std::fs::read_to_string(&sources.config_path).unwrap_or_default();
            problems.extend(check::placeholder_address(&site, &sources.config_path, &config_text));
        }
    }
    (site, environment, problems)
}
