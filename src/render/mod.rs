//! Rendering: Tera templates over the read-only model, in parallel, giving
//! every output file as bytes in memory. Nothing here touches the disk.

mod context;
mod learning;

use rayon::prelude::*;
use std::collections::BTreeMap;
use std::error::Error as _;

use crate::content::assets::Assets;
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::i18n::{Messages, TranslateFunction};
use crate::model::Site;
use context::Page;

/// A finished site: output path (with `/`) to bytes, in path order. The
/// bytes are shared so a rebuild can keep the pages it did not change.
pub type Files = BTreeMap<String, std::sync::Arc<[u8]>>;

/// The templates the theme must provide.
pub const TEMPLATES: &[&str] = &[
    "language.html",
    "home.html",
    "protocol.html",
    "article.html",
    "audience.html",
    "glossary.html",
    "quizzes.html",
    "quiz.html",
    "scenarios.html",
    "scenario.html",
    "404.html",
];

/// Renders every page, the sitemap and the theme's static files.
pub fn site(site: &Site, assets: &Assets, messages: &Messages) -> Result<Files, Diagnostics> {
    let engines = engines(site, assets, messages)?;
    let pages = context::pages(site);
    let rendered: Vec<Result<(String, std::sync::Arc<[u8]>), Diagnostic>> = pages
        .par_iter()
        .map(|page| {
            let engine = &engines[&page.locale];
            let context = context::build(site, page, messages)
                .map_err(|message| template_error(assets, page.template, message))?;
            let context =
                tera::Context::from_value(context).map_err(|e| template_error(assets, page.template, e.to_string()))?;
            let html =
                engine.render(page.template, &context).map_err(|e| template_error(assets, page.template, chain(&e)))?;
            Ok((page.output.clone(), html.into_bytes().into()))
        })
        .collect();

    let mut files = Files::new();
    let mut errors = Diagnostics::new();
    for result in rendered {
        match result {
            Ok((path, bytes)) => {
                files.insert(path, bytes);
            }
            Err(diagnostic) => errors.push(diagnostic),
        }
    }
    if errors.has_errors() {
        return Err(errors);
    }
    for (path, bytes) in &assets.statics {
        files.insert(path.clone(), bytes.clone().into());
    }
    files.insert("sitemap.xml".to_owned(), sitemap(site, &pages).into_bytes().into());
    Ok(files)
}

/// One Tera per locale, compiled once and cloned, each with its own `t()`.
fn engines(site: &Site, assets: &Assets, messages: &Messages) -> Result<BTreeMap<String, tera::Tera>, Diagnostics> {
    let mut errors = Diagnostics::new();
    for name in TEMPLATES {
        if !assets.templates.contains_key(*name) {
            errors.push(Diagnostic::error(
                "themes",
                0,
                0,
                format!("the theme has no template `{name}`; add themes/{}/templates/{name}", site.config.theme),
            ));
        }
    }
    let mut tera = tera::Tera::default();
    // Tera's own escaping also encodes `/`, which makes every address unreadable.
    tera.set_escape_fn(escape_html);
    let sources: Vec<(&str, &str)> =
        assets.templates.iter().map(|(name, asset)| (name.as_str(), asset.text.as_str())).collect();
    if let Err(e) = tera.add_raw_templates(sources) {
        let message = chain(&e);
        let culprit = assets.templates.iter().find(|(name, _)| message.contains(&format!("'{name}'")));
        let path = culprit.map_or_else(|| std::path::PathBuf::from("themes"), |(_, asset)| asset.origin.clone());
        errors.push(Diagnostic::error(path, 0, 0, format!("template error: {message}")));
    }
    if errors.has_errors() {
        return Err(errors);
    }
    Ok(site
        .config
        .locales
        .iter()
        .map(|locale| {
            let mut engine = tera.clone();
            engine.register_function("t", TranslateFunction(messages.translator(locale)));
            (locale.clone(), engine)
        })
        .collect())
}

fn escape_html(text: &str) -> String {
    crate::markdown::escape(text)
}

fn template_error(assets: &Assets, template: &str, message: String) -> Diagnostic {
    let path = assets.templates.get(template).map_or_else(|| std::path::PathBuf::from(template), |a| a.origin.clone());
    Diagnostic::error(path, 0, 0, format!("template error: {message}"))
}

/// A Tera error with its causes, which hold the useful part.
fn chain(error: &tera::Error) -> String {
    let mut message = error.to_string();
    let mut source = error.source();
    while let Some(cause) = source {
        message.push_str(": ");
        message.push_str(&cause.to_string());
        source = cause.source();
    }
    message
}

fn sitemap(site: &Site, pages: &[Page]) -> String {
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for page in pages.iter().filter(|p| p.in_sitemap()) {
        xml.push_str(&format!(
            "  <url><loc>{}{}</loc></url>\n",
            crate::markdown::escape(&site.config.base_url),
            crate::markdown::escape(&page.path)
        ));
    }
    xml.push_str("</urlset>\n");
    xml
}
