//! Where content may point: one policy for Markdown links and images, for
//! the `href` and `src` of raw HTML and for the theme files named in
//! `site.yaml`. Addresses are read as browsers read them, by the WHATWG URL
//! parser: tabs and newlines inside, control characters around, backslashes
//! and `//host` forms are what a browser makes of them, not what they look
//! like.

use std::sync::LazyLock;
use url::Url;

/// The page an address is read from, standing for "this site": an address
/// that leaves its host points to another site. `.invalid` is reserved and
/// never a real host.
static THIS_SITE: LazyLock<Url> =
    LazyLock::new(|| Url::parse("https://site.invalid/section/page/").expect("the base is a valid address"));

/// What an address in content points to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Address {
    /// `#anchor`: a rule or heading of the same text.
    Anchor(String),
    /// A page of this site by id or a file of this site by its path, with
    /// any anchor: `regels#r9`, `images/klas.jpg` (a leading `/` removed).
    Site { path: String, anchor: Option<String> },
    /// An `https:`, `http:`, `mailto:` or `tel:` address, as the URL parser
    /// writes it. Fine for a link, never for anything a page loads.
    Elsewhere(String),
}

/// Why an address is refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refused {
    /// `javascript:` or `vbscript:`: the address runs a script.
    Script(String),
    /// `data:`: the address is the file itself.
    Data,
    /// Any other scheme (`file:`, `ftp:`, `c:`...).
    Scheme(String),
    /// No scheme, but it leaves the site: `//host`, `\\host`, `/\host`.
    OtherHost,
    /// Not an address at all (`https://`, `http://[x`).
    Invalid(String),
}

/// Reads an address of content (character references already decoded).
pub fn classify(address: &str) -> Result<Address, Refused> {
    let address = browser_form(address);
    match Url::parse(&address) {
        Ok(url) => absolute(url),
        Err(url::ParseError::RelativeUrlWithoutBase) => relative(&address),
        Err(e) => Err(Refused::Invalid(e.to_string())),
    }
}

/// The path of a file of this site that `address` names, if it names one
/// (`logo.svg`, `/img/logo.svg`); `None` for anything elsewhere or refused.
pub fn site_path(address: &str) -> Option<String> {
    match classify(address) {
        Ok(Address::Site { path, anchor: None }) => Some(path),
        _ => None,
    }
}

/// The address without what browsers ignore: control characters and spaces
/// around it, and every tab and newline inside.
fn browser_form(address: &str) -> String {
    address.trim_matches(|c: char| c <= ' ').chars().filter(|c| !matches!(c, '\t' | '\n' | '\r')).collect()
}

fn absolute(url: Url) -> Result<Address, Refused> {
    match url.scheme() {
        "https" | "http" | "mailto" | "tel" => Ok(Address::Elsewhere(url.into())),
        scheme @ ("javascript" | "vbscript") => Err(Refused::Script(scheme.to_owned())),
        "data" => Err(Refused::Data),
        scheme => Err(Refused::Scheme(scheme.to_owned())),
    }
}

fn relative(address: &str) -> Result<Address, Refused> {
    let base = &*THIS_SITE;
    let joined = base.join(address).map_err(|e| Refused::Invalid(e.to_string()))?;
    if joined.scheme() != base.scheme() || joined.host() != base.host() || joined.port() != base.port() {
        return Err(Refused::OtherHost);
    }
    if let Some(anchor) = address.strip_prefix('#') {
        return Ok(Address::Anchor(anchor.to_owned()));
    }
    let (path, anchor) = match address.split_once('#') {
        Some((path, anchor)) => (path, Some(anchor.to_owned())),
        None => (address, None),
    };
    Ok(Address::Site { path: path.trim_start_matches('/').to_owned(), anchor })
}

impl Refused {
    /// Why `address` cannot be used and what to write instead; `place`
    /// says where it was found ("link", "image", "`src` of `<img>`").
    pub fn message(&self, place: &str, address: &str) -> String {
        match self {
            Refused::Script(scheme) => format!(
                "a `{scheme}:` address in {place} is not allowed in content: pages run no scripts from content; link to a normal page or remove it"
            ),
            Refused::Data => format!(
                "a `data:` address in {place} is not allowed in content: put the file in the theme's static/ folder and give its path"
            ),
            Refused::Scheme(scheme) => format!(
                "the address `{address}` in {place} uses `{scheme}:`, which content may not use: link to an id (`regels#r9`), a file of the site, or an https://, mailto: or tel: address"
            ),
            Refused::OtherHost => format!(
                "the address `{address}` in {place} starts with `//` or a backslash, which browsers read as another site: write the full address starting with https://"
            ),
            Refused::Invalid(reason) => {
                format!("`{address}` in {place} is not a valid address ({reason}); write it as https://host/path")
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site(path: &str, anchor: Option<&str>) -> Result<Address, Refused> {
        Ok(Address::Site { path: path.to_owned(), anchor: anchor.map(str::to_owned) })
    }

    #[test]
    fn links_within_the_site() {
        assert_eq!(classify("regels#r9"), site("regels", Some("r9")));
        assert_eq!(classify("/images/klas.jpg"), site("images/klas.jpg", None));
        assert_eq!(classify(" images/klas.jpg\n"), site("images/klas.jpg", None));
        assert_eq!(classify("#r2"), Ok(Address::Anchor("r2".to_owned())));
        assert_eq!(site_path("/img/logo.svg").as_deref(), Some("img/logo.svg"));
    }

    #[test]
    fn links_elsewhere_are_written_as_browsers_read_them() {
        assert_eq!(classify("https://example.org/a b"), Ok(Address::Elsewhere("https://example.org/a%20b".to_owned())));
        assert_eq!(classify("ht\ttps://example.org/"), Ok(Address::Elsewhere("https://example.org/".to_owned())));
        assert_eq!(
            classify("mailto:mentor@school.example"),
            Ok(Address::Elsewhere("mailto:mentor@school.example".to_owned()))
        );
        assert_eq!(site_path("https://cdn.example/x.css"), None);
    }

    #[test]
    fn scripts_data_and_other_schemes_are_refused() {
        for script in ["javascript:alert(1)", " JaVaScRiPt:x", "jav\tascript:x", "java\nscript:x", "\u{1}javascript:x"]
        {
            assert_eq!(classify(script), Err(Refused::Script("javascript".to_owned())), "{script:?}");
        }
        assert_eq!(classify("vbscript:msgbox"), Err(Refused::Script("vbscript".to_owned())));
        assert_eq!(classify("data:text/html,<script>"), Err(Refused::Data));
        assert_eq!(classify("file:///etc/passwd"), Err(Refused::Scheme("file".to_owned())));
        assert_eq!(classify("C:\\images\\a.png"), Err(Refused::Scheme("c".to_owned())));
        assert!(matches!(classify("https://"), Err(Refused::Invalid(_))));
    }

    #[test]
    fn addresses_that_leave_the_host_are_refused() {
        for other in [
            "//evil.example/x.png",
            "\\\\evil.example/x.png",
            "/\\evil.example/x",
            "\\/evil.example",
            "/\t/evil.example",
        ] {
            assert_eq!(classify(other), Err(Refused::OtherHost), "{other:?}");
        }
        assert_eq!(site_path("//cdn.example/x.css"), None);
    }
}
