//! `leidraad serve` as a user meets it: a real process on a free port,
//! serving a copy of the minimal fixture; edits rebuild and reload, broken
//! edits show errors while the last good build stays, and nothing outside
//! the build can be fetched.

mod common;

use common::*;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

struct Served {
    child: Child,
    address: String,
    _site: tempfile::TempDir,
    root: std::path::PathBuf,
}

impl Drop for Served {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn start() -> Served {
    start_on(site_with(None))
}

fn start_on(site: tempfile::TempDir) -> Served {
    let root = site.path().to_path_buf();
    let mut child = Command::new(env!("CARGO_BIN_EXE_leidraad"))
        .args(["serve", "--root", root.to_str().unwrap(), "--port", "0"])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap()).read_line(&mut line).unwrap();
    let address = line
        .split("http://")
        .nth(1)
        .and_then(|r| r.split('/').next())
        .unwrap_or_else(|| panic!("no address in {line:?}"))
        .to_owned();
    Served { child, address, _site: site, root }
}

/// A raw HTTP request; returns status and body.
fn request(address: &str, method: &str, target: &str) -> (u16, String) {
    let (status, _, body) = request_with_host(address, method, target, Some(address));
    (status, body)
}

/// A raw HTTP request with the given `Host` header (or none); returns
/// status, headers and body.
fn request_with_host(address: &str, method: &str, target: &str, host: Option<&str>) -> (u16, String, String) {
    let mut stream = TcpStream::connect(address).unwrap();
    stream.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
    let host = host.map_or(String::new(), |h| format!("Host: {h}\r\n"));
    write!(stream, "{method} {target} HTTP/1.1\r\n{host}Connection: close\r\n\r\n").unwrap();
    let mut response = Vec::new();
    stream.read_to_end(&mut response).unwrap();
    let response = String::from_utf8_lossy(&response).into_owned();
    let status = response.split(' ').nth(1).and_then(|s| s.parse().ok()).unwrap_or(0);
    let (head, body) = response.split_once("\r\n\r\n").unwrap_or((&response, ""));
    (status, head.to_owned(), body.to_owned())
}

fn get(address: &str, target: &str) -> (u16, String) {
    request(address, "GET", target)
}

/// An open event stream.
struct Events(BufReader<TcpStream>);

impl Events {
    /// A stream that does not say which page it is for, which every rebuild reloads.
    fn open(address: &str) -> Events {
        Events::connect(address, "/__leidraad/events")
    }

    /// The stream of the page at `page`, as `live.js` opens it.
    fn on_page(address: &str, page: &str) -> Events {
        Events::connect(address, &format!("/__leidraad/events?page={page}"))
    }

    fn connect(address: &str, target: &str) -> Events {
        let mut stream = TcpStream::connect(address).unwrap();
        stream.set_read_timeout(Some(Duration::from_secs(20))).unwrap();
        write!(stream, "GET {target} HTTP/1.1\r\nHost: {address}\r\n\r\n").unwrap();
        let mut events = Events(BufReader::new(stream));
        let mut line = String::new();
        while !line.starts_with(": connected") {
            line.clear();
            events.0.read_line(&mut line).unwrap();
        }
        events
    }

    /// The next event's name and data, within 20 s: heartbeats do not count.
    fn next(&mut self) -> (String, String) {
        let (mut name, mut data) = (String::new(), String::new());
        let started = Instant::now();
        loop {
            assert!(started.elapsed() < Duration::from_secs(20), "no event within 20 s");
            let mut line = String::new();
            self.0.read_line(&mut line).expect("an event before the time-out");
            let line = line.trim_end();
            if let Some(n) = line.strip_prefix("event: ") {
                name = n.to_owned();
            } else if let Some(d) = line.strip_prefix("data: ") {
                data = d.to_owned();
            } else if line.is_empty() && !name.is_empty() {
                return (name, data);
            }
        }
    }
}

fn edit(root: &Path, relative: &str, from: &str, to: &str) {
    let path = root.join(relative);
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains(from));
    std::fs::write(&path, text.replace(from, to)).unwrap();
}

#[test]
fn edits_rebuild_reload_and_broken_edits_show_their_errors() {
    let served = start();
    let (status, page) = get(&served.address, "/nl/protocol/regels/");
    assert_eq!(status, 200);
    assert!(page.contains("We delen geen"));
    assert!(
        page.contains("<script src=\"/__leidraad/live.js\" data-build=\"1\" defer></script></body>"),
        "served pages get the live-reload script"
    );

    let mut events = Events::open(&served.address);
    edit(&served.root, "content/nl/protocol/regels.md", "We zijn aardig online.", "We zijn vriendelijk online.");
    assert_eq!(events.next().0, "reload");
    assert!(get(&served.address, "/nl/protocol/regels/").1.contains("We zijn vriendelijk online."));

    // A broken edit: the errors reach open pages, the last good build stays.
    edit(&served.root, "content/nl/protocol/regels.md", "audiences: [all]", "audiences: [leerling]");
    let (name, data) = events.next();
    assert_eq!(name, "errors");
    assert!(
        data.contains("content/nl/protocol/regels.md:5:13: unknown audience `leerling`; did you mean `leerlingen`?"),
        "{data}"
    );
    assert!(get(&served.address, "/nl/protocol/regels/").1.contains("We zijn vriendelijk online."));
    // A page opened now is told at once.
    let mut late = Events::open(&served.address);
    assert_eq!(late.next().0, "errors");

    // Fixing it reloads the pages, which drops the overlay.
    edit(&served.root, "content/nl/protocol/regels.md", "audiences: [leerling]", "audiences: [all]");
    assert_eq!(events.next().0, "reload");
    assert_eq!(late.next().0, "reload");

    // An editor's atomic save: a temporary file renamed over the original.
    let path = served.root.join("content/nl/protocol/regels.md");
    let text = std::fs::read_to_string(&path).unwrap().replace("vriendelijk", "hartelijk");
    let temporary = served.root.join("content/nl/protocol/.regels.md.swp");
    std::fs::write(&temporary, text).unwrap();
    std::fs::rename(&temporary, &path).unwrap();
    assert_eq!(events.next().0, "reload");
    assert!(get(&served.address, "/nl/protocol/regels/").1.contains("We zijn hartelijk online."));

    // New files are picked up. Written whole and then given their name, as
    // an editor saves: written in place, a loaded machine could let the
    // watcher see the file still empty, which is an error until it is full.
    let temporary = served.root.join("content/nl/protocol/.nieuw.md.swp");
    std::fs::write(
        &temporary,
        "---\nid: nieuw\ntitle: Nieuw\naudiences: [all]\norder: 20\nanchor_prefix: n\n---\n1. Een nieuwe regel.\n",
    )
    .unwrap();
    std::fs::rename(&temporary, served.root.join("content/nl/protocol/nieuw.md")).unwrap();
    assert_eq!(events.next().0, "reload");
    assert_eq!(get(&served.address, "/nl/protocol/nieuw/").0, 200);
}

/// A page that a rebuild overtook while it loaded (its stream opens after
/// the reload was sent) is told to reload as soon as it listens.
#[test]
fn a_page_of_an_earlier_build_reloads_when_it_listens() {
    let served = start();
    let page = "/nl/protocol/regels/";
    assert!(get(&served.address, page).1.contains("data-build=\"1\""));
    let mut current = Events::on_page(&served.address, &format!("{page}&build=1"));
    edit(&served.root, "content/nl/protocol/regels.md", "We zijn aardig online.", "We zijn vriendelijk online.");
    assert_eq!(current.next().0, "reload");
    assert!(get(&served.address, page).1.contains("data-build=\"2\""));
    let mut late = Events::on_page(&served.address, &format!("{page}&build=1"));
    assert_eq!(late.next().0, "reload", "a page of build 1 opened its stream during build 2");
}

#[test]
fn nothing_outside_the_build_can_be_fetched() {
    let served = start();
    for target in [
        "/../site.yaml",
        "/nl/../../site.yaml",
        "/%2e%2e/site.yaml",
        "/%2E%2E%2Fsite.yaml",
        "/nl%2f..%2f..%2fsite.yaml",
        "/..\\site.yaml",
        "//etc/passwd",
        "/etc/passwd",
        "/index.html%00.txt",
        "/content/nl/protocol/regels.md",
        "/site.yaml",
    ] {
        let (status, body) = get(&served.address, target);
        assert!(status == 400 || status == 404, "{target}: {status}");
        assert!(!body.contains("organisation:") && !body.contains("root:"), "{target} leaked a file");
    }
    let long = format!("/{}", "a/".repeat(2000));
    assert_eq!(get(&served.address, &long).0, 400);
    assert_eq!(request(&served.address, "POST", "/nl/").0, 405);
    assert_eq!(request(&served.address, "DELETE", "/nl/").0, 405);
    let (status, body) = request(&served.address, "HEAD", "/nl/");
    assert_eq!((status, body.as_str()), (200, ""));
    let (status, body) = get(&served.address, "/nergens/");
    assert_eq!(status, 404);
    assert!(body.contains("<main"), "the theme's 404 page");
}

#[test]
fn held_open_event_streams_do_not_block_pages() {
    let served = start();
    let streams: Vec<Events> = (0..50).map(|_| Events::open(&served.address)).collect();
    let started = Instant::now();
    for _ in 0..20 {
        assert_eq!(get(&served.address, "/nl/").0, 200);
    }
    assert!(started.elapsed() < Duration::from_secs(10), "pages are served while 50 streams are open");
    drop(streams);
}

#[test]
fn answers_only_its_own_address_and_sends_the_policy() {
    let served = start();
    let port = served.address.rsplit(':').next().unwrap().to_owned();
    for host in [served.address.clone(), format!("localhost:{port}"), format!("[::1]:{port}")] {
        let (status, head, _) = request_with_host(&served.address, "GET", "/nl/", Some(&host));
        assert_eq!(status, 200, "Host: {host}");
        let policy = head
            .lines()
            .find_map(|l| l.strip_prefix("Content-Security-Policy: "))
            .unwrap_or_else(|| panic!("no policy header in {head}"));
        assert!(policy.starts_with("default-src 'none'; script-src 'self' 'wasm-unsafe-eval';"), "{policy}");
        assert!(policy.ends_with("; frame-ancestors 'none'"), "{policy}");
    }
    // A name that may resolve to this machine (DNS rebinding), or none at all.
    for host in [Some(format!("evil.example:{port}")), Some("127.0.0.1.nip.example".to_owned()), None] {
        let (status, _, body) = request_with_host(&served.address, "GET", "/nl/", host.as_deref());
        assert_eq!(status, 403, "Host: {host:?}");
        assert!(body.contains("answers only requests to its own address"), "{body}");
        assert!(!body.contains("<main"), "no page for {host:?}");
    }
    let (status, _, _) = request_with_host(&served.address, "GET", "/__leidraad/events", Some("evil.example"));
    assert_eq!(status, 403, "nor its event stream");
}

#[test]
fn warns_when_others_can_reach_it() {
    let site = site_with(None);
    let mut child = Command::new(env!("CARGO_BIN_EXE_leidraad"))
        .args(["serve", "--root", site.path().to_str().unwrap(), "--bind", "0.0.0.0", "--port", "0"])
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stderr = BufReader::new(child.stderr.take().unwrap());
    let mut warning = String::new();
    for _ in 0..5 {
        let mut line = String::new();
        if stderr.read_line(&mut line).unwrap() == 0 {
            break;
        }
        if line.starts_with("warning:") {
            warning = line;
            break;
        }
    }
    let _ = child.kill();
    let _ = child.wait();
    assert!(warning.contains("which other machines can reach"), "{warning:?}");
    assert!(warning.contains("--bind 127.0.0.1"), "{warning:?}");
}

#[test]
fn a_boards_schools_are_served_under_their_ids_and_their_edits_reload() {
    let site = tempfile::tempdir().unwrap();
    copy_tree(&fixture("board"), site.path());
    let served = start_on(site);
    let (status, home) = get(&served.address, "/nl/");
    assert_eq!(status, 200);
    assert!(home.contains("href=\"../de-linde/nl/\""), "the board's home links to the school's site here");
    let (status, page) = get(&served.address, "/de-linde/nl/protocol/eigen/");
    assert_eq!(status, 200);
    assert!(page.contains("<script src=\"/__leidraad/live.js\" data-build=\"1\" defer></script></body>"));
    let (status, head, _) = request_with_host(&served.address, "GET", "/de-linde", Some(&served.address));
    assert_eq!(status, 301);
    assert!(head.contains("Location: /de-linde/"), "{head}");

    let mut events = Events::open(&served.address);
    edit(&served.root, "schools/de-linde/content/nl/protocol/eigen.md", "geen telefoons", "nooit telefoons");
    assert_eq!(events.next().0, "reload");
    assert!(get(&served.address, "/de-linde/nl/protocol/eigen/").1.contains("nooit telefoons"));

    // Only the open pages an edit changes reload: a teacher's projected page
    // of another school, or of this one, stays; those pages are told the
    // build is good, which drops any errors they showed.
    let mut edited = Events::on_page(&served.address, "/de-linde/nl/protocol/eigen/");
    let untouched =
        ["/de-linde/nl/protocol/regels/", "/het-anker/nl/protocol/regels/", "/het-anker/nl/", "/nl/protocol/regels/"];
    let mut others: Vec<Events> = untouched.iter().map(|page| Events::on_page(&served.address, page)).collect();
    edit(&served.root, "schools/de-linde/content/nl/protocol/eigen.md", "nooit telefoons", "zelden telefoons");
    assert_eq!(edited.next().0, "reload");
    for (page, events) in untouched.iter().zip(&mut others) {
        assert_eq!(events.next().0, "ok", "{page} was reloaded");
    }
}
