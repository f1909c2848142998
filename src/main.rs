//! The `leidraad` command: parses arguments, runs a command, prints what
//! happened and chooses the exit code (0 success, 1 content errors, 2 usage).

mod cli;

fn main() -> std::process::ExitCode {
    cli::run()
}
