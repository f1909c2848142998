//! Answering one request from an in-memory build: safe path resolution
//! (nothing outside the build can be named), content types, the theme's 404
//! page, and the live-reload script added to every served HTML page.

use percent_encoding::percent_decode_str;

use crate::render::Files;

/// Path of the live-reload script and the event stream.
pub const LIVE_SCRIPT: &str = "/__leidraad/live.js";
pub const EVENTS: &str = "/__leidraad/events";
const LIVE_JS: &str = include_str!("live.js");
const MAX_PATH: usize = 1024;

/// What to send back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reply {
    pub status: u16,
    pub content_type: String,
    pub body: Vec<u8>,
    /// For redirects.
    pub location: Option<String>,
}

impl Reply {
    fn text(status: u16, message: &str) -> Self {
        Reply {
            status,
            content_type: "text/plain; charset=utf-8".into(),
            body: message.as_bytes().to_vec(),
            location: None,
        }
    }
}

/// The files served: the site's own at `/`, each school's of a board at
/// `/<school-id>/`, as `leidraad build` lays them out.
#[derive(Debug, Default)]
pub struct Sites {
    pub own: std::sync::Arc<Files>,
    pub schools: std::collections::BTreeMap<String, std::sync::Arc<Files>>,
    /// Which build this is, counted from the first: a page says the build
    /// it came from when it opens its event stream.
    pub generation: u64,
}

impl Sites {
    /// The files of `build`, served as build number `generation`.
    pub fn of(build: &crate::pipeline::Build, generation: u64) -> Sites {
        let schools = build.schools.iter().map(|(id, files)| (id.clone(), std::sync::Arc::clone(files))).collect();
        Sites { own: std::sync::Arc::clone(&build.files), schools, generation }
    }

    /// The reply to a GET or HEAD of `target`, from the site it is in.
    pub fn reply(&self, target: &str) -> Reply {
        match self.site_of(target) {
            Site::Own => reply(&self.own, target, self.generation),
            Site::School { prefix, .. } if !target[prefix.len()..].starts_with('/') => {
                let rest = &target[prefix.len()..];
                Reply { location: Some(format!("{prefix}/{rest}")), ..Reply::text(301, "moved") }
            }
            Site::School { files, prefix } => {
                let mut answer = reply(files, &target[prefix.len()..], self.generation);
                answer.location = answer.location.map(|l| format!("{prefix}{l}"));
                answer
            }
        }
    }

    /// Whether a page open at `target` shows anything else here than in
    /// `before`: its own bytes (the 404 page's where it names no page), or
    /// a file its site's pages load. A school's page stays as it is when
    /// only another site changed.
    pub fn changed_since(&self, before: &Sites, target: &str) -> bool {
        let (now, then) = (self.files_of(target), before.files_of(target));
        if std::sync::Arc::ptr_eq(now.0, then.0) {
            return false;
        }
        let page = |(files, path): (&Files, &str)| match resolve(files, path) {
            Resolved::File(key) => files.get(&key).cloned(),
            Resolved::Folder(_) => None,
            Resolved::Missing | Resolved::Refused => files.get("404.html").cloned(),
        };
        page((now.0, now.1)) != page((then.0, then.1)) || !loaded_by_pages(now.0).eq(loaded_by_pages(then.0))
    }

    /// The files of the site `target` is in, and its path there.
    fn files_of<'a>(&'a self, target: &'a str) -> (&'a std::sync::Arc<Files>, &'a str) {
        match self.site_of(target) {
            Site::School { files, prefix } if target[prefix.len()..].starts_with('/') => {
                (files, &target[prefix.len()..])
            }
            _ => (&self.own, target),
        }
    }

    /// The site whose files answer `target`.
    fn site_of<'a>(&'a self, target: &'a str) -> Site<'a> {
        let path = target.split(['?', '#']).next().unwrap_or("");
        let first = path.strip_prefix('/').and_then(|p| p.split('/').next()).unwrap_or("");
        match self.schools.get(first) {
            Some(files) => Site::School { files, prefix: &target[..first.len() + 1] },
            None => Site::Own,
        }
    }
}

/// The files a site's pages load with them: stylesheets, scripts, images
/// and fonts, but not the search index's (read as the reader searches).
/// Downloads (quiz packages) and the sitemap are no part of a page.
fn loaded_by_pages(files: &Files) -> impl Iterator<Item = (&String, &std::sync::Arc<[u8]>)> {
    files.iter().filter(|(path, _)| {
        let kind = content_type(path);
        !path.starts_with("pagefind/")
            && ["text/css", "text/javascript", "image/", "font/"].iter().any(|k| kind.starts_with(k))
    })
}

/// The board's own site, or a school's under `prefix` (`/<school-id>`).
enum Site<'a> {
    Own,
    School { files: &'a std::sync::Arc<Files>, prefix: &'a str },
}

/// What an event stream says of its page, as `live.js` opens it:
/// `/__leidraad/events?page=<path>&build=<generation>`.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct OpenPage {
    pub path: Option<String>,
    /// The build the page came from.
    pub build: Option<u64>,
}

impl OpenPage {
    pub fn of_events(target: &str) -> OpenPage {
        let query = target.split_once('?').map_or("", |(_, q)| q);
        let value = |name: &str| query.split('&').find_map(|pair| pair.strip_prefix(name)?.strip_prefix('='));
        let path = value("page")
            .and_then(|v| percent_decode_str(v).decode_utf8().ok())
            .filter(|p| p.starts_with('/'))
            .map(|p| p.into_owned());
        OpenPage { path, build: value("build").and_then(|b| b.parse().ok()) }
    }
}

/// The file a request path names in the build, or why it names none.
#[derive(Debug, PartialEq, Eq)]
pub enum Resolved {
    File(String),
    /// A folder without its trailing slash: redirect so relative links work.
    Folder(String),
    Missing,
    Refused,
}

/// Maps a raw request target (`/nl/protocol/?klas`) to a key of the build.
pub fn resolve(files: &Files, target: &str) -> Resolved {
    let path = target.split(['?', '#']).next().unwrap_or("");
    if path.len() > MAX_PATH || !path.starts_with('/') || path.starts_with("//") || path.contains('\\') {
        return Resolved::Refused;
    }
    let lower = path.to_ascii_lowercase();
    // Encoded separators, dots and NULs are never part of a page address.
    if ["%2f", "%5c", "%00", "%2e"].iter().any(|e| lower.contains(e)) {
        return Resolved::Refused;
    }
    let Ok(decoded) = percent_decode_str(path).decode_utf8() else { return Resolved::Refused };
    if decoded.contains('\0') || decoded.split('/').any(|segment| segment == ".." || segment == ".") {
        return Resolved::Refused;
    }
    let relative = decoded.trim_start_matches('/');
    if relative.is_empty() || relative.ends_with('/') {
        let key = format!("{relative}index.html");
        return if files.contains_key(&key) { Resolved::File(key) } else { Resolved::Missing };
    }
    if files.contains_key(relative) {
        return Resolved::File(relative.to_owned());
    }
    if files.contains_key(&format!("{relative}/index.html")) {
        return Resolved::Folder(format!("{path}/"));
    }
    Resolved::Missing
}

/// The reply to a GET or HEAD of `target`, from build number `generation`.
pub fn reply(files: &Files, target: &str, generation: u64) -> Reply {
    if target.split('?').next() == Some(LIVE_SCRIPT) {
        return Reply {
            status: 200,
            content_type: "text/javascript; charset=utf-8".into(),
            body: LIVE_JS.into(),
            location: None,
        };
    }
    match resolve(files, target) {
        Resolved::File(key) => {
            let content_type = content_type(&key);
            let body = if content_type.starts_with("text/html") {
                with_live_reload(&files[&key], generation)
            } else {
                files[&key].to_vec()
            };
            Reply { status: 200, content_type, body, location: None }
        }
        Resolved::Folder(location) => Reply { location: Some(location), ..Reply::text(301, "moved") },
        Resolved::Refused => Reply::text(400, "bad request"),
        Resolved::Missing => match files.get("404.html") {
            Some(page) => Reply {
                status: 404,
                content_type: "text/html; charset=utf-8".into(),
                body: with_live_reload(page, generation),
                location: None,
            },
            None => Reply::text(404, "not found"),
        },
    }
}

pub fn content_type(key: &str) -> String {
    let guess = mime_guess::from_path(key).first_or_octet_stream();
    match guess.type_() {
        mime_guess::mime::TEXT => format!("{guess}; charset=utf-8"),
        _ if guess.subtype() == "javascript" => "text/javascript; charset=utf-8".to_owned(),
        _ => guess.to_string(),
    }
}

/// The policy of the built pages, as a header: the same, and no page of
/// another site may frame the preview.
pub fn content_security_policy() -> String {
    format!("{}; frame-ancestors 'none'", crate::render::policy::CONTENT_SECURITY_POLICY)
}

/// Adds the live-reload script before `</body>`, with the number of the
/// build the page is from.
fn with_live_reload(page: &[u8], generation: u64) -> Vec<u8> {
    let tag = format!("<script src=\"{LIVE_SCRIPT}\" data-build=\"{generation}\" defer></script>");
    let text = String::from_utf8_lossy(page);
    match text.rfind("</body>") {
        Some(at) => format!("{}{tag}{}", &text[..at], &text[at..]).into_bytes(),
        None => format!("{text}{tag}").into_bytes(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn files() -> Files {
        [
            ("index.html", "<body>root</body>"),
            ("nl/index.html", "<body>nl</body>"),
            ("leidraad.css", "a{}"),
            ("404.html", "<body>weg</body>"),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_owned(), v.as_bytes().into()))
        .collect()
    }

    #[test]
    fn a_schools_site_is_served_under_its_id() {
        let school: Files =
            [("index.html", "<body>school</body>"), ("nl/index.html", "<body>school nl</body>"), ("404.html", "x")]
                .into_iter()
                .map(|(k, v)| (k.to_owned(), v.as_bytes().into()))
                .collect();
        let sites = Sites {
            own: files().into(),
            schools: [("de-linde".to_owned(), std::sync::Arc::new(school))].into_iter().collect(),
            generation: 0,
        };
        let body = |target: &str| String::from_utf8(sites.reply(target).body).unwrap();
        assert!(body("/nl/").starts_with("<body>nl<"));
        assert!(body("/de-linde/nl/").starts_with("<body>school nl<"));
        assert!(body("/de-linde/").starts_with("<body>school<"));
        assert_eq!(sites.reply("/de-linde").location.as_deref(), Some("/de-linde/"));
        assert_eq!(sites.reply("/de-linde/nl").location.as_deref(), Some("/de-linde/nl/"));
        assert_eq!(sites.reply("/de-linde/../nl/").status, 400);
        assert_eq!(sites.reply("/het-anker/").status, 404);
    }

    #[test]
    fn resolves_pages_folders_and_files() {
        let files = files();
        assert_eq!(resolve(&files, "/"), Resolved::File("index.html".into()));
        assert_eq!(resolve(&files, "/nl/?klas"), Resolved::File("nl/index.html".into()));
        assert_eq!(resolve(&files, "/nl"), Resolved::Folder("/nl/".into()));
        assert_eq!(resolve(&files, "/leidraad.css"), Resolved::File("leidraad.css".into()));
        assert_eq!(resolve(&files, "/en/"), Resolved::Missing);
    }

    #[test]
    fn refuses_every_kind_of_traversal() {
        let files = files();
        for target in [
            "/../etc/passwd",
            "/nl/../../etc/passwd",
            "/%2e%2e/etc/passwd",
            "/%2E%2E%2Fetc%2Fpasswd",
            "/nl%2f..%2f..%2fetc",
            "/..\\..\\windows",
            "//etc/passwd",
            "/etc/passwd%00.html",
            "etc/passwd",
            "/./index.html",
        ] {
            assert_eq!(resolve(&files, target), Resolved::Refused, "{target}");
        }
        assert_eq!(resolve(&files, &format!("/{}", "a/".repeat(600))), Resolved::Refused);
    }

    /// A site of `files()` with `path` holding `text`.
    fn with(path: &str, text: &str) -> Sites {
        let mut files = files();
        files.insert(path.to_owned(), text.as_bytes().into());
        Sites { own: files.into(), schools: Default::default(), generation: 0 }
    }

    #[test]
    fn an_open_page_reloads_when_it_or_what_it_loads_changed() {
        let before = with("sitemap.xml", "<urlset/>");
        assert!(!with("sitemap.xml", "<urlset/>").changed_since(&before, "/nl/"), "the same bytes");
        assert!(with("nl/index.html", "<body>nieuw</body>").changed_since(&before, "/nl/"));
        assert!(!with("index.html", "<body>nieuw</body>").changed_since(&before, "/nl/"), "another page");
        assert!(with("leidraad.css", "a{color:red}").changed_since(&before, "/nl/"), "the stylesheet");
        assert!(!with("sitemap.xml", "<urlset>x</urlset>").changed_since(&before, "/nl/"), "the sitemap");
        assert!(with("404.html", "<body>niet hier</body>").changed_since(&before, "/nl/weg/"), "the 404 page");
        assert!(!with("404.html", "<body>niet hier</body>").changed_since(&before, "/nl/"));
    }

    #[test]
    fn an_event_stream_says_which_page_it_is_for_and_its_build() {
        let open = OpenPage::of_events("/__leidraad/events?page=%2Fde-linde%2Fnl%2F&build=3");
        assert_eq!(open, OpenPage { path: Some("/de-linde/nl/".into()), build: Some(3) });
        assert_eq!(OpenPage::of_events("/__leidraad/events?x=1&page=/nl/").path.as_deref(), Some("/nl/"));
        assert_eq!(OpenPage::of_events("/__leidraad/events"), OpenPage::default());
        assert_eq!(OpenPage::of_events("/__leidraad/events?page=nl&build=x"), OpenPage::default(), "not a path");
        assert_eq!(OpenPage::of_events("/__leidraad/events?pages=/nl/").path, None);
    }

    #[test]
    fn pages_get_the_live_reload_script_and_misses_the_404_page() {
        let files = files();
        let page = reply(&files, "/nl/", 7);
        assert_eq!(page.content_type, "text/html; charset=utf-8");
        assert_eq!(
            String::from_utf8(page.body).unwrap(),
            format!("<body>nl<script src=\"{LIVE_SCRIPT}\" data-build=\"7\" defer></script></body>")
        );
        let css = reply(&files, "/leidraad.css", 0);
        assert_eq!((css.content_type.as_str(), css.body.as_slice()), ("text/css; charset=utf-8", b"a{}".as_slice()));
        let missing = reply(&files, "/nergens/", 0);
        assert_eq!(missing.status, 404);
        assert!(String::from_utf8(missing.body).unwrap().starts_with("<body>weg"));
        assert_eq!(reply(&files, "/nl", 0).location.as_deref(), Some("/nl/"));
    }
}
