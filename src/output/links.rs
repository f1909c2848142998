//! Files of the same bytes written once: the sites of a board share most
//! of their search fragments, pagefind's scripts and the theme's files,
//! each handed over as one allocation (`Bytes::Shared`). The first is
//! written; the others become hard links to it, which take no space and a
//! fraction of the time. Where the file system has no hard links, each is
//! written.

use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::{in_folder, OutputError};
use crate::files::Bytes;

/// The files written so far from shared bytes, by the address of those
/// bytes; holding them keeps an address from being reused for others.
#[derive(Default)]
pub(super) struct Links {
    written: HashMap<usize, (PathBuf, Arc<[u8]>)>,
}

impl Links {
    /// Writes `bytes` at `path` (inside `folder`), or links the file that
    /// has them already.
    pub(super) fn write(&mut self, folder: &Path, path: &Path, bytes: Bytes) -> Result<(), OutputError> {
        let shared = match bytes {
            Bytes::Own(bytes) => return in_folder(folder, path, |p| fs::write(p, &bytes)),
            Bytes::Shared(shared) => shared,
        };
        let address = shared.as_ptr() as usize;
        if let Some((first, _)) = self.written.get(&address).filter(|(_, kept)| kept.len() == shared.len()) {
            if in_folder(folder, path, |p| fs::hard_link(first, p)).is_ok() {
                return Ok(());
            }
        }
        in_folder(folder, path, |p| fs::write(p, &*shared))?;
        self.written.insert(address, (path.to_path_buf(), shared));
        Ok(())
    }
}
