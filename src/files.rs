//! A finished site in memory, as the stages that make files hand it on:
//! output path (with `/`) to bytes, in path order. The bytes are shared so
//! a rebuild can keep the files it did not change.

use std::sync::Arc;

pub type Files = std::collections::BTreeMap<String, Arc<[u8]>>;

/// The bytes of one file on their way out.
#[derive(Debug, Clone)]
pub enum Bytes {
    /// Made for this file alone.
    Own(Vec<u8>),
    /// One allocation that the sites of a build hand over for every file
    /// with these bytes (a search fragment of a page the sites share,
    /// pagefind's scripts): the output writes it once and links the rest.
    Shared(Arc<[u8]>),
}

impl std::ops::Deref for Bytes {
    type Target = [u8];

    fn deref(&self) -> &[u8] {
        match self {
            Bytes::Own(bytes) => bytes,
            Bytes::Shared(bytes) => bytes,
        }
    }
}

impl AsRef<[u8]> for Bytes {
    fn as_ref(&self) -> &[u8] {
        self
    }
}

impl From<Bytes> for Arc<[u8]> {
    fn from(bytes: Bytes) -> Arc<[u8]> {
        match bytes {
            Bytes::Own(bytes) => Arc::from(bytes),
            Bytes::Shared(bytes) => bytes,
        }
    }
}
