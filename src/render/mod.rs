//! Rendering: Tera templates over the read-only model, in parallel, giving
//! every output file as bytes in memory. Nothing here touches the disk.

mod learning;
mod pages;
pub mod policy;
mod print;
mod site_files;
mod splice;

use rayon::prelude::*;
use std::collections::BTreeMap;
use std::error::Error as _;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use crate::config::Config;
use crate::content::assets::Assets;
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::i18n::{Messages, TranslateFunction};
use crate::model::Site;
pub use pages::{Page, PageKind, Shows};
pub use splice::Body;
use splice::Splices;

pub use crate::files::Files;

/// The templates the theme must provide: one per kind of page.
pub fn templates() -> impl Iterator<Item = &'static str> {
    pages::KINDS.iter().map(|kind| kind.template())
}

/// One rendered output file.
pub type Output = (String, Arc<[u8]>);

/// A file as `Renderer::site_into` hands it over.
#[derive(Clone, Copy)]
pub enum Content<'a> {
    Bytes(&'a [u8]),
    /// Bytes that every site of a build with this file hands over as the
    /// same allocation (see `files::Bytes::Shared`).
    Shared(&'a Arc<[u8]>),
    /// A page, whose articles are spliced in as it is written.
    Page(&'a Body),
}

impl Content<'_> {
    pub fn write_to(&self, out: &mut dyn std::io::Write) -> std::io::Result<()> {
        match self {
            Content::Bytes(bytes) => out.write_all(bytes),
            Content::Shared(bytes) => out.write_all(bytes),
            Content::Page(body) => body.write_to(out),
        }
    }

    pub fn to_vec(&self) -> Vec<u8> {
        match self {
            Content::Bytes(bytes) => bytes.to_vec(),
            Content::Shared(bytes) => bytes.to_vec(),
            Content::Page(body) => body.to_bytes(),
        }
    }

    /// All the bytes at once, unless the file is a page too large to
    /// hold in memory again (then `write_to` streams it).
    pub fn whole(&self) -> Option<std::borrow::Cow<'_, [u8]>> {
        match self {
            Content::Bytes(bytes) => Some(std::borrow::Cow::Borrowed(bytes)),
            Content::Shared(bytes) => Some(std::borrow::Cow::Borrowed(bytes)),
            Content::Page(body) if body.size() <= splice::WHOLE => Some(std::borrow::Cow::Owned(body.to_bytes())),
            Content::Page(_) => None,
        }
    }
}

/// Where `Renderer::site_into` puts each file: its path (with `/`) and content.
pub type Put<'a> = dyn Fn(&str, Content<'_>) -> Result<(), Diagnostic> + Sync + 'a;

/// How much `Renderer::site_into` made.
#[derive(Debug, Clone, Copy)]
pub struct Written {
    /// HTML pages among the files.
    pub page_count: usize,
    pub file_count: usize,
}

/// Templates compiled once per build, one Tera per locale and register
/// (form of address) with its `t()`.
pub struct Renderer {
    engines: BTreeMap<(String, Option<String>), tera::Tera>,
    /// Template name to the file it came from, for messages.
    origins: BTreeMap<String, PathBuf>,
    messages: Arc<Messages>,
}

/// Renders every page, the sitemap and the theme's static files.
pub fn site(site: &Site, assets: &Assets, messages: Arc<Messages>) -> Result<Files, Diagnostics> {
    Ok(Renderer::new(&site.config, assets, messages)?.site(site, assets)?.files)
}

/// The template output of the pages that show several articles, by output
/// path, kept so that a rebuild after text edits only splices new texts in.
pub type Bodies = BTreeMap<String, Arc<Body>>;

/// A site rendered into memory.
pub struct InMemory {
    pub files: Files,
    pub bodies: Bodies,
}

impl Renderer {
    /// Compiles the theme's templates; needs only `site.yaml`, so that it
    /// can run while the model is built.
    pub fn new(config: &Config, assets: &Assets, messages: Arc<Messages>) -> Result<Renderer, Diagnostics> {
        let engines = engines(config, assets, &messages)?;
        let origins = assets.templates.iter().map(|(name, asset)| (name.clone(), asset.origin.clone())).collect();
        Ok(Renderer { engines, origins, messages })
    }

    /// Every file of the site, in memory, with the template output of the
    /// pages that show several articles.
    pub fn site(&self, site: &Site, assets: &Assets) -> Result<InMemory, Diagnostics> {
        let files = Mutex::new(Files::new());
        let bodies = Mutex::new(Bodies::new());
        self.site_into(site, assets, &|path: &str, content: Content<'_>| {
            let bytes: Arc<[u8]> = match content {
                Content::Shared(bytes) => Arc::clone(bytes),
                _ => content.to_vec().into(),
            };
            if let Content::Page(body) = content {
                if body.shows_several_articles() {
                    bodies
                        .lock()
                        .expect("no thread panicked holding it")
                        .insert(path.to_owned(), Arc::new(body.clone()));
                }
            }
            files.lock().expect("no thread panicked holding it").insert(path.to_owned(), bytes);
            Ok(())
        })?;
        Ok(InMemory {
            files: files.into_inner().expect("no thread panicked holding it"),
            bodies: bodies.into_inner().expect("no thread panicked holding it"),
        })
    }

    /// Every file of the site, each handed to `put` (on the rendering
    /// threads) as soon as it is made and then let go, so that a large site
    /// need not fit in memory. Stops at the first error `put` returns.
    pub fn site_into(&self, site: &Site, assets: &Assets, put: &Put<'_>) -> Result<Written, Diagnostics> {
        let pages = pages::pages(site);
        let render = |page: &Page| self.page(site, page).and_then(|body| put(&page.output, Content::Page(&body)));
        // The pages that show many articles one after another, beside the
        // others, so that one of their large contexts is in memory at a time.
        let (many, others): (Vec<&Page>, Vec<&Page>) = pages.iter().partition(|p| p.shows_many_articles());
        let (mut failures, more_failures): (Vec<Diagnostic>, Vec<Diagnostic>) = rayon::join(
            || {
                many.iter()
                    .filter_map(|page| {
                        let rendered = render(page);
                        // Megabytes of template data and output, not needed again.
                        crate::memory::return_freed();
                        rendered.err()
                    })
                    .collect()
            },
            || others.par_iter().map(|page| render(page)).filter_map(Result::err).collect(),
        );
        failures.extend(more_failures);
        if !failures.is_empty() {
            let mut errors = Diagnostics::new();
            errors.extend(failures);
            return Err(errors);
        }
        for (path, bytes) in &assets.statics {
            put(path, Content::Shared(bytes))?;
        }
        for file in site_files::SITE_FILES {
            let bytes = file.bytes(site, &pages, &self.messages).map_err(|message| {
                Diagnostic::error(file.path(), 0, 0, format!("cannot make {}: {message}", file.path()))
            })?;
            put(file.path(), Content::Bytes(&bytes))?;
        }
        let packages = crate::qti::packages(site, &self.messages).map_err(|problems| {
            let mut errors = Diagnostics::new();
            errors.extend(problems);
            errors
        })?;
        for (path, bytes) in &packages {
            put(path, Content::Bytes(bytes))?;
        }
        let page_count = pages.iter().filter(|p| p.output.ends_with(".html")).count();
        let file_count = pages.len() + assets.statics.len() + site_files::SITE_FILES.len() + packages.len();
        Ok(Written { page_count, file_count })
    }

    /// The pages `wanted` picks, for a rebuild that keeps the others.
    /// Pages in `reuse` keep their template output from the last build with
    /// the current texts of their articles spliced in; the bodies of the
    /// pages that show several articles are returned to be kept.
    pub fn pages(
        &self,
        site: &Site,
        wanted: impl Fn(&Page) -> bool,
        reuse: &Bodies,
    ) -> Result<(Vec<Output>, Bodies), Diagnostics> {
        let pages: Vec<Page> = pages::pages(site).into_iter().filter(|p| wanted(p)).collect();
        type Made = (Output, Option<Arc<Body>>);
        let rendered: Vec<Result<Made, Diagnostic>> = pages
            .par_iter()
            .map(|page| {
                let kept =
                    reuse.get(&page.output).and_then(|body| body.with_texts_of(&site.locale(&page.locale)?.articles));
                let body = match kept {
                    Some(body) => body,
                    None => self.page(site, page)?,
                };
                let output = (page.output.clone(), body.to_bytes().into());
                Ok((output, body.shows_several_articles().then(|| Arc::new(body))))
            })
            .collect();
        let mut outputs = Vec::with_capacity(rendered.len());
        let mut bodies = Bodies::new();
        let mut errors = Diagnostics::new();
        for result in rendered {
            match result {
                Ok((output, body)) => {
                    if let Some(body) = body {
                        bodies.insert(output.0.clone(), body);
                    }
                    outputs.push(output);
                }
                Err(diagnostic) => errors.push(diagnostic),
            }
        }
        if errors.has_errors() {
            return Err(errors);
        }
        Ok((outputs, bodies))
    }

    fn page(&self, site: &Site, page: &Page) -> Result<Body, Diagnostic> {
        let register = page.register(site, &self.messages);
        let engine = self
            .engines
            .get(&(page.locale.clone(), register))
            .unwrap_or_else(|| &self.engines[&(page.locale.clone(), None)]);
        let template = page.template();
        let error = |message: String| {
            let path = self.origins.get(template).cloned().unwrap_or_else(|| PathBuf::from(template));
            Diagnostic::error(path, 0, 0, format!("template error: {message}"))
        };
        let mut splices = Splices::default();
        let context = pages::context(site, page, &self.messages, &mut splices).map_err(error)?;
        let html = engine.render(template, &context).map_err(|e| error(chain(&e)))?;
        Ok(Body::new(html, splices))
    }
}

/// One Tera per locale and register (and one for the locale's default),
/// compiled once and cloned, each with its own `t()`.
fn engines(
    config: &Config,
    assets: &Assets,
    messages: &Messages,
) -> Result<BTreeMap<(String, Option<String>), tera::Tera>, Diagnostics> {
    let mut errors = Diagnostics::new();
    for name in templates() {
        if !assets.templates.contains_key(name) {
            errors.push(Diagnostic::error(
                "themes",
                0,
                0,
                format!("the theme has no template `{name}`; add themes/{}/templates/{name}", config.theme),
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
        let (line, column) = parse_position(&message).unwrap_or((0, 0));
        errors.push(Diagnostic::error(path, line, column, format!("template error: {message}")));
    }
    if errors.has_errors() {
        return Err(errors);
    }
    let registers = config.locales.iter().flat_map(|locale| {
        let known = messages.registers(locale).into_iter().map(|r| Some(r.to_owned()));
        std::iter::once(None).chain(known).map(move |register| (locale.clone(), register))
    });
    Ok(registers
        .map(|(locale, register)| {
            let mut engine = tera.clone();
            let translator = messages.translator_in(&locale, register.as_deref());
            engine.register_function("t", TranslateFunction(translator));
            ((locale, register), engine)
        })
        .collect())
}

/// The `--> line:column` that Tera's parser puts in its messages.
fn parse_position(message: &str) -> Option<(usize, usize)> {
    let rest = &message[message.find(" --> ")? + 5..];
    let end = rest.find(|c: char| !(c.is_ascii_digit() || c == ':')).unwrap_or(rest.len());
    let (line, column) = rest[..end].split_once(':')?;
    Some((line.parse().ok()?, column.parse().ok()?))
}

/// Escapes template output, and removes `MARK`, so that only the tokens
/// of `splice` carry it.
fn escape_html(text: &str) -> String {
    let escaped = crate::markdown::escape(text);
    if escaped.contains(crate::markdown::MARK) {
        escaped.replace(crate::markdown::MARK, "")
    } else {
        escaped
    }
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
