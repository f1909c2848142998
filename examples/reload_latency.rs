//! Save-to-reload latency of `leidraad serve`: edits an article's text, waits
//! for the reload event on the live-reload stream, repeats, and reports the
//! median and the worst. Needs the release binary (cargo build --release).
//!
//! cargo run --release --example reload_latency -- --root DIR [--edits 30] [--file PATH]
//!
//! `--file` names the article to edit (relative to DIR), for instance one
//! in a board school's folder; without it, the first article of the
//! default locale.

use std::io::{BufRead, BufReader, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn main() {
    let mut root = PathBuf::from(".");
    let mut edits = 30;
    let mut file: Option<PathBuf> = None;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let value = args.next().unwrap_or_else(|| panic!("{arg} needs a value"));
        match arg.as_str() {
            "--root" => root = PathBuf::from(value),
            "--edits" => edits = value.parse().expect("a number of edits"),
            "--file" => file = Some(PathBuf::from(value)),
            other => panic!("unknown option {other}; use --root DIR [--edits N] [--file PATH]"),
        }
    }
    let binary = std::env::var("LEIDRAAD").map_or_else(|_| PathBuf::from("target/release/leidraad"), PathBuf::from);
    let article = file.map_or_else(|| first_article(&root), |f| root.join(f));
    let original = std::fs::read_to_string(&article).unwrap();

    let mut server = Command::new(&binary)
        .args(["serve", "--root", root.to_str().unwrap(), "--port", "0"])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap_or_else(|e| panic!("cannot start {}: {e}; run cargo build --release first", binary.display()));
    let mut line = String::new();
    BufReader::new(server.stdout.take().unwrap()).read_line(&mut line).unwrap();
    let address = line
        .split("http://")
        .nth(1)
        .and_then(|r| r.split('/').next())
        .expect("the server prints its address")
        .to_owned();

    let mut stream = TcpStream::connect(&address).unwrap();
    stream.set_read_timeout(Some(Duration::from_secs(30))).unwrap();
    write!(stream, "GET /__leidraad/events HTTP/1.1\r\nHost: {address}\r\n\r\n").unwrap();
    let mut events = BufReader::new(stream);
    wait_for(&mut events, ": connected");

    let mut samples = Vec::new();
    for n in 0..edits {
        std::thread::sleep(Duration::from_millis(150));
        let text = original.replacen("\n\n", &format!("\n\nEdit {n}.\n\n"), 1);
        let saved = Instant::now();
        std::fs::write(&article, text).unwrap();
        wait_for(&mut events, "event: reload");
        samples.push(saved.elapsed());
    }
    std::fs::write(&article, original).unwrap();
    let _ = server.kill();
    let _ = server.wait();

    samples.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!(
        "save-to-reload over {edits} edits of {}: median {:.1} ms, worst {:.1} ms, best {:.1} ms",
        article.display(),
        ms(samples[samples.len() / 2]),
        ms(samples[samples.len() - 1]),
        ms(samples[0])
    );
}

fn wait_for(events: &mut BufReader<TcpStream>, wanted: &str) {
    let mut line = String::new();
    loop {
        line.clear();
        events.read_line(&mut line).expect("the server answers");
        if line.trim_end() == wanted {
            return;
        }
    }
}

/// The first article of the default locale, by file name.
fn first_article(root: &Path) -> PathBuf {
    let config = std::fs::read_to_string(root.join("site.yaml")).expect("a site.yaml");
    let locale = config
        .lines()
        .find_map(|l| l.strip_prefix("default_locale:"))
        .map(|l| l.trim().to_owned())
        .expect("default_locale in site.yaml");
    let mut files: Vec<PathBuf> = std::fs::read_dir(root.join("content").join(locale).join("protocol"))
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
        .collect();
    files.sort();
    files.remove(0)
}
