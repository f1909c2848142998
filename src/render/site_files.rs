//! The files of a site that are not pages, each declared here and made from
//! the site and its pages: the sitemap and the stylesheet of the site's
//! colours. (The search index follows the pages as a stage of its own,
//! `crate::search`, since `serve` rebuilds it apart from them.)

use super::{policy, Page};
use crate::markdown::escape;
use crate::model::Site;

/// A file of the site that is not a page.
pub trait SiteFile: Sync {
    /// Its path in the output.
    fn path(&self) -> &'static str;
    fn bytes(&self, site: &Site, pages: &[Page]) -> Vec<u8>;
}

/// Every such file, in the order they are written.
pub const SITE_FILES: &[&dyn SiteFile] = &[&ColorsStylesheet, &Sitemap];

/// The site's colours from `site.yaml` as CSS variables: a file, since
/// the pages' policy allows no inline style.
struct ColorsStylesheet;

impl SiteFile for ColorsStylesheet {
    fn path(&self) -> &'static str {
        policy::COLORS_STYLESHEET
    }
    fn bytes(&self, site: &Site, _pages: &[Page]) -> Vec<u8> {
        policy::colors_stylesheet(&site.config.colors).into_bytes()
    }
}

/// Every page in the sitemap, under `base_url`.
struct Sitemap;

impl SiteFile for Sitemap {
    fn path(&self) -> &'static str {
        "sitemap.xml"
    }
    fn bytes(&self, site: &Site, pages: &[Page]) -> Vec<u8> {
        let mut xml = String::from(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
        );
        for page in pages.iter().filter(|p| p.in_sitemap()) {
            xml.push_str(&format!("  <url><loc>{}{}</loc></url>\n", escape(&site.config.base_url), escape(&page.path)));
        }
        xml.push_str("</urlset>\n");
        xml.into_bytes()
    }
}
