//! Command-line arguments (clap), dispatch to the pipeline, and printing of
//! diagnostics and summaries. The only place that prints.

use clap::{Parser, Subcommand};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use leidraad::diagnostic::{Diagnostic, Diagnostics};
use leidraad::{output, pipeline, serve};
use std::sync::Arc;

/// Turns a school's social media protocol, written as Markdown with YAML
/// front matter, into a static website with a view per audience.
#[derive(Debug, Parser)]
#[command(name = "leidraad", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Validate everything, then write the site. The output appears whole or
    /// not at all: a failed build leaves an existing output folder as it was.
    Build {
        /// The site folder: the one with site.yaml and content/.
        #[arg(long, value_name = "DIR", default_value = ".")]
        root: PathBuf,
        /// Where to write the site [default: DIR/public]: a new or empty
        /// folder, or an earlier output (it holds .leidraad-build); never
        /// the site folder or its sources.
        #[arg(long, value_name = "DIR")]
        out: Option<PathBuf>,
        /// For a board: write only this school's site, at the root of the
        /// output (what the school's web editor deploys). Without it, a
        /// board's build writes each school's site under OUT/<school-id>/.
        #[arg(long, value_name = "ID")]
        school: Option<String>,
    },
    /// Run every validation of `build` and write nothing; exit 0 only when
    /// the site is sound. Lists untranslated pages as warnings.
    Check {
        /// The site folder: the one with site.yaml and content/.
        #[arg(long, value_name = "DIR", default_value = ".")]
        root: PathBuf,
    },
    /// Write a starter site for a new school into DIR: site.yaml with every
    /// field explained, one article, quiz and scenario card, a glossary, in
    /// Dutch and English. It builds as it is. DIR must be new or empty.
    New {
        /// The folder to create.
        #[arg(value_name = "DIR")]
        dir: PathBuf,
    },
    /// Record that translations are up to date with their originals: writes
    /// `translated_from:` into each file's front matter. When an original
    /// changes later, `check` warns and the translated page says it may be
    /// out of date.
    Translated {
        /// The site folder: the one with site.yaml and content/.
        #[arg(long, value_name = "DIR", default_value = ".")]
        root: PathBuf,
        /// Translated article files, such as content/en/protocol/rules.md.
        #[arg(value_name = "FILE", required = true)]
        files: Vec<PathBuf>,
    },
    /// Record that a school's replacements of board articles follow the
    /// board's current text: writes `board_from:` into each file's front
    /// matter. When the board's article changes later, `check` warns and the
    /// school's page says the board's text has changed.
    Confirm {
        /// The board's site folder: the one with site.yaml and schools/.
        #[arg(long, value_name = "DIR", default_value = ".")]
        root: PathBuf,
        /// Replacement files, such as schools/<id>/content/<locale>/protocol/<name>.md.
        #[arg(value_name = "FILE", required = true)]
        files: Vec<PathBuf>,
    },
    /// Build into memory and serve the site, rebuilding and reloading open
    /// pages whenever site.yaml, content/, themes/ or locales/ change. A
    /// broken edit shows its errors in the browser while the last good build
    /// stays served. Writes nothing to disk.
    Serve {
        /// The site folder: the one with site.yaml and content/.
        #[arg(long, value_name = "DIR", default_value = ".")]
        root: PathBuf,
        /// The address to listen on; other machines can reach the server
        /// only if you give a non-loopback address such as 0.0.0.0.
        #[arg(long, value_name = "ADDRESS", default_value = "127.0.0.1")]
        bind: String,
        /// The port to listen on; 0 picks a free one.
        #[arg(long, value_name = "PORT", default_value_t = 1111)]
        port: u16,
    },
}

const CONTENT_ERROR: u8 = 1;
const USAGE_ERROR: u8 = 2;

/// Parses the arguments and runs the command.
pub fn run() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            // Help and version go to stdout with 0; usage errors exit 2.
            let _ = e.print();
            return ExitCode::from(if e.use_stderr() { USAGE_ERROR } else { 0 });
        }
    };
    match cli.command {
        Command::Build { root, out, school } => {
            build(&root, out.unwrap_or_else(|| root.join("public")), school.as_deref())
        }
        Command::Check { root } => check(&root),
        Command::Serve { root, bind, port } => serve(&root, &bind, port),
        Command::New { dir } => new(&dir),
        Command::Translated { root, files } => translated(&root, &files),
        Command::Confirm { root, files } => confirm(&root, &files),
    }
}

fn confirm(root: &Path, files: &[PathBuf]) -> ExitCode {
    match output::confirm::stamp(root, files) {
        Ok(changed) => {
            for file in &changed {
                println!("{}: board_from recorded", file.display());
            }
            println!("{} of {} files stamped; the others were up to date", changed.len(), files.len());
            ExitCode::SUCCESS
        }
        Err(diagnostics) => report_failure(diagnostics),
    }
}

fn translated(root: &Path, files: &[PathBuf]) -> ExitCode {
    match output::translated::stamp(root, files) {
        Ok(changed) => {
            for file in &changed {
                println!("{}: translated_from recorded", file.display());
            }
            println!("{} of {} files stamped; the others were up to date", changed.len(), files.len());
            ExitCode::SUCCESS
        }
        Err(diagnostics) => report_failure(diagnostics),
    }
}

fn new(dir: &Path) -> ExitCode {
    match output::starter::write(dir) {
        Ok(files) => {
            println!(
                "created a starter site in {} ({} files); next: cd {} && leidraad serve",
                dir.display(),
                files.len(),
                dir.display()
            );
            ExitCode::SUCCESS
        }
        Err(e @ output::starter::StarterError::NotEmpty(_)) => {
            eprintln!("{e}");
            ExitCode::from(USAGE_ERROR)
        }
        Err(e) => {
            eprintln!("{e}");
            ExitCode::from(CONTENT_ERROR)
        }
    }
}

fn serve(root: &Path, bind: &str, port: u16) -> ExitCode {
    let log: serve::Log = Arc::new(|line: String| eprintln!("{line}"));
    let server = match serve::Server::start(root, bind, port, Arc::clone(&log)) {
        Ok(server) => server,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::from(CONTENT_ERROR);
        }
    };
    println!("serving http://{}/ (Ctrl-C to stop)", server.address());
    let _ = ctrlc::set_handler(|| {
        eprintln!("stopped");
        std::process::exit(0);
    });
    match server.run(log) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("{e}");
            ExitCode::from(CONTENT_ERROR)
        }
    }
}

fn print_all(diagnostics: impl IntoIterator<Item = Diagnostic>) {
    for diagnostic in diagnostics {
        eprintln!("{diagnostic}");
    }
}

fn report_failure(diagnostics: Diagnostics) -> ExitCode {
    let all = diagnostics.sorted();
    let errors = all.iter().filter(|d| d.is_error()).count();
    print_all(all);
    eprintln!("{errors} error{} found; nothing was written", if errors == 1 { "" } else { "s" });
    ExitCode::from(CONTENT_ERROR)
}

fn build(root: &Path, out: PathBuf, school: Option<&str>) -> ExitCode {
    let started = Instant::now();
    let sites = school.map_or(pipeline::Sites::All, pipeline::Sites::School);
    let written = match pipeline::write_sites(root, &out, sites) {
        Ok(written) => written,
        Err(diagnostics) => return report_failure(diagnostics),
    };
    print_all(written.warnings);
    println!(
        "built {} pages ({} files) in {} ms into {}",
        written.page_count,
        written.file_count,
        started.elapsed().as_millis(),
        out.display()
    );
    ExitCode::SUCCESS
}

fn check(root: &Path) -> ExitCode {
    let started = Instant::now();
    match pipeline::check(root) {
        Ok(result) => {
            let warnings = result.warnings.len();
            print_all(result.warnings);
            println!(
                "the site is sound: {} pages checked in {} ms, {warnings} warning{}",
                result.page_count,
                started.elapsed().as_millis(),
                if warnings == 1 { "" } else { "s" }
            );
            ExitCode::SUCCESS
        }
        Err(diagnostics) => report_failure(diagnostics),
    }
}
