//! The files of a site that are not pages, each declared here and made from
//! the site, its pages and its messages: the sitemap, the stylesheet of the
//! site's colours, that of the printed protocol's margins and the default
//! icon. (The search index follows the pages as a stage of its own,
//! `crate::search`, since `serve` rebuilds it apart from them.)

use super::{policy, print, Page};
use crate::i18n::Messages;
use crate::markdown::escape;
use crate::model::Site;

/// A file of the site that is not a page.
pub trait SiteFile: Sync {
    /// Its path in the output.
    fn path(&self) -> &'static str;
    fn bytes(&self, site: &Site, pages: &[Page], messages: &Messages) -> Result<Vec<u8>, String>;
}

/// Every such file, in the order they are written.
pub const SITE_FILES: &[&dyn SiteFile] = &[&ColorsStylesheet, &PrintStylesheet, &Favicon, &Sitemap];

/// The site's colours from `site.yaml` as CSS variables: a file, since
/// the pages' policy allows no inline style.
struct ColorsStylesheet;

impl SiteFile for ColorsStylesheet {
    fn path(&self) -> &'static str {
        policy::COLORS_STYLESHEET
    }
    fn bytes(&self, site: &Site, _pages: &[Page], _messages: &Messages) -> Result<Vec<u8>, String> {
        Ok(policy::colors_stylesheet(&site.config.colors).into_bytes())
    }
}

/// The running header and page numbers of the printed protocol and
/// audience views, in each locale's words (`print`).
struct PrintStylesheet;

impl SiteFile for PrintStylesheet {
    fn path(&self) -> &'static str {
        policy::PRINT_STYLESHEET
    }
    fn bytes(&self, site: &Site, _pages: &[Page], messages: &Messages) -> Result<Vec<u8>, String> {
        Ok(print::stylesheet(site, messages)?.into_bytes())
    }
}

/// The icon of a site without a logo (base.html links the logo otherwise):
/// the organisation's initial in white on the site's primary colour, which
/// `config` has checked for contrast with white.
struct Favicon;

/// Its path in the output (base.html links it).
pub const FAVICON: &str = "favicon.svg";

impl SiteFile for Favicon {
    fn path(&self) -> &'static str {
        FAVICON
    }
    fn bytes(&self, site: &Site, _pages: &[Page], _messages: &Messages) -> Result<Vec<u8>, String> {
        let initial: String = site
            .config
            .organisation
            .chars()
            .find(|c| c.is_alphanumeric())
            .map(|c| c.to_uppercase().collect())
            .unwrap_or_default();
        Ok(format!(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 32 32\"><rect width=\"32\" height=\"32\" rx=\"6\" fill=\"{}\"/>\
             <text x=\"16\" y=\"23\" fill=\"#fff\" font-family=\"sans-serif\" font-size=\"20\" font-weight=\"700\" text-anchor=\"middle\">{}</text></svg>\n",
            escape(&site.config.colors.primary),
            escape(&initial)
        )
        .into_bytes())
    }
}

/// Every page in the sitemap, under `base_url`.
struct Sitemap;

impl SiteFile for Sitemap {
    fn path(&self) -> &'static str {
        "sitemap.xml"
    }
    fn bytes(&self, site: &Site, pages: &[Page], _messages: &Messages) -> Result<Vec<u8>, String> {
        let mut xml = String::from(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
        );
        for page in pages.iter().filter(|p| p.in_sitemap()) {
            xml.push_str(&format!("  <url><loc>{}{}</loc></url>\n", escape(&site.config.base_url), escape(&page.path)));
        }
        xml.push_str("</urlset>\n");
        Ok(xml.into_bytes())
    }
}
