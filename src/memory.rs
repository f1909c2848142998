//! Giving memory back between stages. A build of thousands of articles
//! frees tens of megabytes at once when a stage ends (the articles' HTML
//! once every page is written, a locale's text once it is indexed); an
//! allocator keeps freed pages for reuse, so that the next stage's memory
//! comes on top of them. The program registers how its allocator returns
//! them (`main.rs`); the library knows no allocator.

use std::sync::OnceLock;

static RETURN_FREED: OnceLock<fn()> = OnceLock::new();

/// Sets how `return_freed` gives freed memory back; only the first call counts.
pub fn on_return_freed(give_back: fn()) {
    let _ = RETURN_FREED.set(give_back);
}

/// Gives the memory freed so far back to the system, where the program
/// said how; else does nothing.
pub fn return_freed() {
    if let Some(give_back) = RETURN_FREED.get() {
        give_back();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};

    static CALLS: AtomicUsize = AtomicUsize::new(0);

    #[test]
    fn calls_what_was_registered_first() {
        on_return_freed(|| {
            CALLS.fetch_add(1, Ordering::SeqCst);
        });
        on_return_freed(|| panic!("only the first registration counts"));
        let before = CALLS.load(Ordering::SeqCst);
        return_freed();
        return_freed();
        // Other tests of this binary may build (and so give back) meanwhile.
        assert!(CALLS.load(Ordering::SeqCst) >= before + 2);
    }
}
