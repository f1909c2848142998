//! The `leidraad` command: parses arguments, runs a command, prints what
//! happened and chooses the exit code (0 success, 1 content errors, 2 usage).

mod cli;

/// jemalloc rather than the system's malloc. Profiled on a build of 5,000
/// articles per locale: glibc's malloc took 16% of the CPU time (malloc,
/// free, consolidation across the rendering threads) and its heap grew
/// to 310 MiB; jemalloc builds it 20% faster and, with the freed pages
/// given back between stages, peaks near the memory the stages need.
#[cfg(not(target_env = "msvc"))]
#[global_allocator]
static ALLOCATOR: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

fn main() -> std::process::ExitCode {
    #[cfg(not(target_env = "msvc"))]
    leidraad::memory::on_return_freed(purge_all_arenas);
    cli::run()
}

/// Returns the dirty pages of every jemalloc arena to the system at once,
/// rather than over the ten seconds jemalloc would otherwise take.
#[cfg(not(target_env = "msvc"))]
fn purge_all_arenas() {
    // `arena.<MALLCTL_ARENAS_ALL>.purge`: a command without arguments.
    // SAFETY: the name is a valid C string and the command reads and
    // writes no values, so null pointers and length 0 are what it takes.
    unsafe {
        tikv_jemalloc_sys::mallctl(
            c"arena.4096.purge".as_ptr(),
            std::ptr::null_mut(),
            std::ptr::null_mut(),
            std::ptr::null_mut(),
            0,
        );
    }
}
