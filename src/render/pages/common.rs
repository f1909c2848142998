//! The template data every page has, whatever its kind (documented for
//! theme authors in docs/themes.md): the site, the page, its counterparts
//! in the other locales and the menu.

use serde::Serialize;

use super::kind::{Content, Input};
use super::shared::Untranslated;
use super::Page;
use crate::model::address;

#[derive(Serialize)]
pub struct Common<'a> {
    lang: &'a str,
    /// `rtl` or `ltr`: the direction of the locale's script.
    dir: &'static str,
    root: &'a str,
    content_security_policy: &'static str,
    colors_stylesheet: &'static str,
    /// The icon: the site's logo, else the generated default.
    favicon: &'a str,
    /// The running header and page numbers in print (`print_stylesheet`).
    print_stylesheet: &'static str,
    site: SiteData<'a>,
    page: PageData<'a>,
    alternates: Vec<Alternate>,
    nav: Vec<NavItem>,
    search_url: String,
    changelog_url: String,
    untranslated: Option<Untranslated>,
}

#[derive(Serialize)]
struct SiteData<'a> {
    organisation: &'a str,
    title: &'a str,
    colors: Colors<'a>,
    logo: &'a str,
    version: &'a str,
    adopted: String,
    adopted_text: String,
    approved_by: &'a str,
    /// `concept` for a draft, else empty.
    status: &'static str,
    stylesheet: &'a str,
    /// On a school's site of a board that says so: the board's name.
    adopted_by: &'a str,
    /// On a school's site: whom to ask, in this locale.
    contact: &'a str,
}

#[derive(Serialize)]
struct Colors<'a> {
    primary: &'a str,
    accent: &'a str,
}

#[derive(Serialize)]
struct PageData<'a> {
    kind: &'static str,
    title: &'a str,
    description: &'a str,
    path: &'a str,
    url: String,
}

#[derive(Serialize)]
struct Alternate {
    lang: String,
    name: String,
    url: String,
    absolute_url: String,
    current: bool,
}

#[derive(Serialize)]
struct NavItem {
    label: String,
    url: String,
    current: bool,
}

/// What every page has, around its kind's `content`.
pub fn common<'a>(input: &'a Input<'a>, page: &'a Page, content: &'a mut Content) -> Result<Common<'a>, String> {
    let config = &input.site.config;
    let locale = input.locale;
    let root = input.root;
    let alternates = config
        .locales
        .iter()
        .map(|other| {
            let path = page.kind.counterpart(input.site, input.here, page.instance, other);
            Ok(Alternate {
                lang: other.clone(),
                name: input.messages.language_name(other),
                url: format!("{root}{path}"),
                absolute_url: format!("{}{path}", config.base_url),
                current: other == locale && page.kind.in_a_locale(),
            })
        })
        .collect::<Result<_, String>>()?;
    Ok(Common {
        lang: locale,
        dir: super::shared::direction(locale),
        root,
        content_security_policy: super::super::policy::CONTENT_SECURITY_POLICY,
        colors_stylesheet: super::super::policy::COLORS_STYLESHEET,
        favicon: config.logo.as_deref().unwrap_or(super::super::site_files::FAVICON),
        print_stylesheet: super::super::policy::PRINT_STYLESHEET,
        site: site_data(input)?,
        page: PageData {
            kind: page.kind.name(),
            title: &content.title,
            description: &content.description,
            path: &page.path,
            url: format!("{}{}", config.base_url, page.path),
        },
        alternates,
        nav: nav(input, page)?,
        search_url: input.link(&address::search(config, locale)),
        changelog_url: if input.here.changelog.is_some() {
            input.link(&address::changelog(config, locale))
        } else {
            String::new()
        },
        untranslated: content.untranslated.take(),
    })
}

fn site_data<'a>(input: &'a Input<'a>) -> Result<SiteData<'a>, String> {
    let config = &input.site.config;
    let adopted_text = match config.adopted {
        Some(date) => {
            let mut args = fluent_bundle::FluentArgs::new();
            args.set("day", date.day);
            args.set("month", input.t.get(&format!("month-{}", date.month))?);
            args.set("year", date.year);
            input.t.format("date-long", Some(&args))?
        }
        None => String::new(),
    };
    Ok(SiteData {
        organisation: &config.organisation,
        title: &config.title[input.locale],
        colors: Colors { primary: &config.colors.primary, accent: &config.colors.accent },
        logo: config.logo.as_deref().unwrap_or_default(),
        version: config.version.as_deref().unwrap_or_default(),
        adopted: config.adopted.map(|d| d.to_string()).unwrap_or_default(),
        adopted_text,
        approved_by: config.approved_by.as_deref().unwrap_or_default(),
        status: config.status.map(|s| s.as_str()).unwrap_or_default(),
        stylesheet: config.stylesheet.as_deref().unwrap_or_default(),
        adopted_by: config.school.as_ref().and_then(|s| s.adopted_by.as_deref()).unwrap_or_default(),
        contact: config.school.as_ref().and_then(|s| s.contact.get(input.locale)).map_or("", String::as_str),
    })
}

/// The menu: home, the whole protocol, the audience views, quizzes,
/// scenario cards and the glossary.
fn nav(input: &Input<'_>, page: &Page) -> Result<Vec<NavItem>, String> {
    let config = &input.site.config;
    let (locale, t) = (input.locale, input.t);
    let mut items =
        vec![(t.get("nav-home")?, address::home(locale)), (t.get("nav-protocol")?, address::protocol(config, locale))];
    for view in &input.here.views {
        items.push((
            config.audiences[view.audience].name[locale].clone(),
            address::audience(config, locale, view.audience),
        ));
    }
    items.push((t.get("nav-quizzes")?, address::quizzes(config, locale)));
    items.push((t.get("nav-scenarios")?, address::scenarios(config, locale)));
    items.push((t.get("nav-glossary")?, address::glossary(config, locale)));
    let within = page.kind.menu_parent(input.site, locale);
    Ok(items
        .into_iter()
        .map(|(label, path)| {
            let current = path == page.path || within.as_ref() == Some(&path);
            NavItem { label, url: input.link(&path), current }
        })
        .collect())
}
