//! `leidraad serve`: builds the site (and a board's schools' sites, each
//! under `/<school-id>/`) into memory, serves it with tiny_http,
//! watches the sources with notify and rebuilds on change. A successful
//! rebuild replaces the served build and reloads open pages through
//! server-sent events; a failed one keeps the last good build and shows its
//! errors over the page. Nothing is written to disk.

mod host;
pub mod http;
mod watch;

use std::io::Write;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, RecvTimeoutError};
use std::sync::{Arc, Mutex, RwLock};
use std::thread;
use std::time::{Duration, Instant};

use crate::pipeline::{Rebuild, SearchUpdate, Session};
use http::Sites;

/// Request workers; event streams get threads of their own.
const WORKERS: usize = 4;
const HEARTBEAT: Duration = Duration::from_secs(15);
/// How long edits must pause before search is indexed again.
const SEARCH_PAUSE: Duration = Duration::from_secs(1);

/// Why the server could not start.
#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    #[error("cannot listen on {address}: {message}")]
    Bind { address: String, message: String },
    #[error("cannot watch {path}: {message}")]
    Watch { path: PathBuf, message: String },
}

/// What open pages are told.
#[derive(Debug, Clone)]
enum Notice {
    Reload,
    /// The build is good again and the page as it was: drop the errors.
    Fixed,
    Errors(Vec<String>),
}

/// An open page's event stream: the path of the page, if it said.
struct Listener {
    page: Option<String>,
    sender: mpsc::Sender<Notice>,
}

/// The state every thread shares.
struct Shared {
    files: RwLock<Arc<Sites>>,
    errors: RwLock<Option<Vec<String>>>,
    listeners: Mutex<Vec<Listener>>,
}

impl Shared {
    /// Registers the event stream of `page`. A page of an earlier build
    /// than the one served (a rebuild finished while it loaded) is told to
    /// reload at once: it missed that reload.
    fn listen(&self, page: http::OpenPage, sender: mpsc::Sender<Notice>) {
        let mut listeners = self.listeners.lock().unwrap_or_else(|e| e.into_inner());
        let served = self.files.read().unwrap_or_else(|e| e.into_inner()).generation;
        if page.build.is_some_and(|build| build != served) {
            let _ = sender.send(Notice::Reload);
        }
        listeners.push(Listener { page: page.path, sender });
    }

    fn notify(&self, notice: &Notice) {
        let mut listeners = self.listeners.lock().unwrap_or_else(|e| e.into_inner());
        listeners.retain(|l| l.sender.send(notice.clone()).is_ok());
    }

    /// Serves the files of `build` from now on, as the next generation, and
    /// reloads the open pages they change (every page that did not say which
    /// it is); the others are told the build is good, which drops the errors
    /// they may show.
    fn swap_in(&self, build: &crate::pipeline::Build) {
        // The lock on `files` is let go before `listeners` is taken, which
        // `listen` takes the other way round.
        let mut files = self.files.write().unwrap_or_else(|e| e.into_inner());
        let sites = Arc::new(Sites::of(build, files.generation + 1));
        let before = std::mem::replace(&mut *files, Arc::clone(&sites));
        drop(files);
        let mut listeners = self.listeners.lock().unwrap_or_else(|e| e.into_inner());
        listeners.retain(|l| {
            let changed = l.page.as_deref().is_none_or(|page| sites.changed_since(&before, page));
            l.sender.send(if changed { Notice::Reload } else { Notice::Fixed }).is_ok()
        });
    }
}

/// A running dev server.
pub struct Server {
    address: SocketAddr,
    shared: Arc<Shared>,
    http: Arc<tiny_http::Server>,
    root: PathBuf,
    session: Session,
}

/// What the caller is told as the server works: one line per event.
pub type Log = Arc<dyn Fn(String) + Send + Sync>;

impl Server {
    /// Builds the site once and starts listening. The first build may fail:
    /// then its errors are shown until a change fixes them.
    pub fn start(root: &Path, bind: &str, port: u16, log: Log) -> Result<Server, ServeError> {
        let shared = Arc::new(Shared {
            files: RwLock::new(Arc::new(Sites::default())),
            errors: RwLock::new(None),
            listeners: Mutex::new(Vec::new()),
        });
        let mut session = Session::new(root);
        rebuild(&mut session, &[], &shared, &log);
        let address = format!("{bind}:{port}");
        let http = tiny_http::Server::http(&address)
            .map_err(|e| ServeError::Bind { address: address.clone(), message: e.to_string() })?;
        let address = http
            .server_addr()
            .to_ip()
            .ok_or_else(|| ServeError::Bind { address, message: "not an IP address".into() })?;
        if host::beyond_loopback(address) {
            log(format!(
                "warning: listening on {address}, which other machines can reach: anyone on the network can read the site being edited; use --bind 127.0.0.1 unless you mean to share it"
            ));
        }
        Ok(Server { address, shared, http: Arc::new(http), root: root.to_path_buf(), session })
    }

    pub fn address(&self) -> SocketAddr {
        self.address
    }

    /// Serves and watches until the process ends.
    pub fn run(mut self, log: Log) -> Result<(), ServeError> {
        let (changes, changed) = mpsc::channel();
        let _watcher = watch::start(&self.root, changes)?;
        for _ in 0..WORKERS {
            let http = Arc::clone(&self.http);
            let shared = Arc::clone(&self.shared);
            let bound = self.address;
            thread::spawn(move || serve_requests(&http, &shared, bound));
        }
        // Rebuild on every burst of changes. Search is indexed again on one
        // background thread once edits pause, so it never delays a reload.
        let (searches, indexed) = mpsc::channel::<SearchUpdate>();
        let mut indexing = false;
        let mut quiet_since = Instant::now();
        loop {
            match changed.recv_timeout(Duration::from_millis(100)) {
                Ok(mut paths) => {
                    while let Ok(more) = changed.try_recv() {
                        paths.extend(more);
                    }
                    paths.sort();
                    paths.dedup();
                    rebuild(&mut self.session, &paths, &self.shared, &log);
                    quiet_since = Instant::now();
                }
                Err(RecvTimeoutError::Timeout) => {}
                Err(RecvTimeoutError::Disconnected) => break,
            }
            while let Ok(update) = indexed.try_recv() {
                indexing = false;
                if let Some(Ok(build)) = self.session.apply_search(update) {
                    // The pages are as they were: the same build for them.
                    let mut files = self.shared.files.write().unwrap_or_else(|e| e.into_inner());
                    *files = Arc::new(Sites::of(&build, files.generation));
                }
            }
            if !indexing && quiet_since.elapsed() >= SEARCH_PAUSE {
                if let Some(job) = self.session.search_job() {
                    indexing = true;
                    let done = searches.clone();
                    thread::spawn(move || {
                        let _ = done.send(job.run());
                    });
                }
            }
        }
        Ok(())
    }
}

/// Rebuilds into memory after `changed` files changed; swaps the build in
/// only on success.
fn rebuild(session: &mut Session, changed: &[PathBuf], shared: &Shared, log: &Log) {
    let started = Instant::now();
    match session.rebuild(changed) {
        Ok((build, how)) => {
            let pages = match how {
                Rebuild::Full => format!("{} pages", build.page_count),
                Rebuild::Incremental { pages, sites } if !build.schools.is_empty() => {
                    format!("{pages} of {} pages in {sites} of {} sites", build.page_count, build.schools.len() + 1)
                }
                Rebuild::Incremental { pages, .. } => format!("{pages} of {} pages", build.page_count),
            };
            *shared.errors.write().unwrap_or_else(|e| e.into_inner()) = None;
            shared.swap_in(&build);
            log(format!("built {pages} in {} ms", started.elapsed().as_millis()));
        }
        Err(diagnostics) => {
            let lines: Vec<String> =
                diagnostics.sorted().into_iter().filter(|d| d.is_error()).map(|d| d.to_string()).collect();
            log(format!(
                "build failed in {} ms with {} error(s); still serving the last good build:\n  {}",
                started.elapsed().as_millis(),
                lines.len(),
                lines.join("\n  ")
            ));
            *shared.errors.write().unwrap_or_else(|e| e.into_inner()) = Some(lines.clone());
            shared.notify(&Notice::Errors(lines));
        }
    }
}

fn serve_requests(http: &tiny_http::Server, shared: &Arc<Shared>, bound: SocketAddr) {
    while let Ok(request) = http.recv() {
        let host = request.headers().iter().find(|h| h.field.equiv("Host")).map(|h| h.value.as_str());
        if !host::allowed(host, bound) {
            let response = tiny_http::Response::from_string(host::REFUSED_HOST)
                .with_status_code(403)
                .with_header(header("Content-Type", "text/plain; charset=utf-8"));
            let _ = request.respond(response);
            continue;
        }
        if request.url().split('?').next() == Some(http::EVENTS) {
            let shared = Arc::clone(shared);
            thread::spawn(move || stream_events(request, &shared));
            continue;
        }
        let _ = answer(request, shared);
    }
}

fn answer(request: tiny_http::Request, shared: &Shared) -> std::io::Result<()> {
    let head = match request.method() {
        tiny_http::Method::Get => false,
        tiny_http::Method::Head => true,
        _ => {
            let response = tiny_http::Response::from_string("method not allowed")
                .with_status_code(405)
                .with_header(header("Allow", "GET, HEAD"));
            return request.respond(response);
        }
    };
    let sites = Arc::clone(&shared.files.read().unwrap_or_else(|e| e.into_inner()));
    let reply = sites.reply(request.url());
    let length = reply.body.len();
    let mut response = tiny_http::Response::from_data(if head { Vec::new() } else { reply.body })
        .with_status_code(reply.status)
        .with_header(header("Content-Type", &reply.content_type))
        .with_header(header("Cache-Control", "no-store"))
        .with_header(header("Content-Security-Policy", &http::content_security_policy()));
    if head {
        response = response.with_header(header("Content-Length", &length.to_string()));
    }
    if let Some(location) = reply.location {
        response = response.with_header(header("Location", &location));
    }
    request.respond(response)
}

fn header(name: &str, value: &str) -> tiny_http::Header {
    tiny_http::Header::from_bytes(name.as_bytes(), value.as_bytes()).expect("header names and values are ASCII")
}

/// Holds a server-sent-events stream open on its own thread. tiny_http
/// buffers streamed bodies, so the response is written by hand.
fn stream_events(request: tiny_http::Request, shared: &Shared) {
    let (sender, notices) = mpsc::channel();
    shared.listen(http::OpenPage::of_events(request.url()), sender);
    let pending = shared.errors.read().unwrap_or_else(|e| e.into_inner()).clone();
    let mut writer = request.into_writer();
    let head = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-cache\r\nConnection: keep-alive\r\n\r\n";
    let mut send = |text: &str| writer.write_all(text.as_bytes()).and_then(|()| writer.flush());
    if send(head).and_then(|()| send(": connected\n\n")).is_err() {
        return;
    }
    if let Some(errors) = pending {
        if send(&event(&Notice::Errors(errors))).is_err() {
            return;
        }
    }
    loop {
        let text = match notices.recv_timeout(HEARTBEAT) {
            Ok(notice) => event(&notice),
            Err(RecvTimeoutError::Timeout) => ": heartbeat\n\n".to_owned(),
            Err(RecvTimeoutError::Disconnected) => return,
        };
        if send(&text).is_err() {
            return;
        }
    }
}

fn event(notice: &Notice) -> String {
    match notice {
        Notice::Reload => "event: reload\ndata: {}\n\n".to_owned(),
        Notice::Fixed => "event: ok\ndata: {}\n\n".to_owned(),
        Notice::Errors(lines) => {
            format!("event: errors\ndata: {}\n\n", serde_json::to_string(lines).unwrap_or_default())
        }
    }
}
