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

/// Below this many freed bytes held, giving them back costs more than it
/// saves: every page given back is faulted in again by the next stage, and
/// at most this much stays held until jemalloc's own decay lets it go. A
/// board's build of 41 small sites gave back a few megabytes 490 times;
/// not doing so made it 13% faster (peak 103 MiB, was 94), while a site
/// of 5,000 articles still gives back its tens of megabytes and keeps its
/// peak.
#[cfg(not(target_env = "msvc"))]
const PURGE_FROM: usize = 32 << 20;

/// Returns the dirty pages of every jemalloc arena to the system at once,
/// rather than over the ten seconds jemalloc would otherwise take, when
/// they are many.
#[cfg(not(target_env = "msvc"))]
fn purge_all_arenas() {
    if dirty_bytes().is_some_and(|bytes| bytes < PURGE_FROM) {
        return;
    }
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

/// The freed bytes all arenas hold, if jemalloc says.
#[cfg(not(target_env = "msvc"))]
fn dirty_bytes() -> Option<usize> {
    use std::ffi::c_void;
    let mut epoch: u64 = 1;
    let (mut pages, mut page_size): (usize, usize) = (0, 0);
    let mut length = std::mem::size_of::<usize>();
    // SAFETY: each name is a valid C string; `epoch` is written with a
    // u64 and the other two read into a usize of the length given, as
    // jemalloc's manual types them.
    let read = unsafe {
        let refreshed = tikv_jemalloc_sys::mallctl(
            c"epoch".as_ptr(),
            std::ptr::null_mut(),
            std::ptr::null_mut(),
            (&raw mut epoch).cast::<c_void>(),
            std::mem::size_of::<u64>(),
        );
        let dirty = tikv_jemalloc_sys::mallctl(
            c"stats.arenas.4096.pdirty".as_ptr(),
            (&raw mut pages).cast::<c_void>(),
            &raw mut length,
            std::ptr::null_mut(),
            0,
        );
        length = std::mem::size_of::<usize>();
        let size = tikv_jemalloc_sys::mallctl(
            c"arenas.page".as_ptr(),
            (&raw mut page_size).cast::<c_void>(),
            &raw mut length,
            std::ptr::null_mut(),
            0,
        );
        refreshed == 0 && dirty == 0 && size == 0
    };
    read.then_some(pages * page_size)
}
