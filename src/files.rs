//! A finished site in memory, as the stages that make files hand it on:
//! output path (with `/`) to bytes, in path order. The bytes are shared so
//! a rebuild can keep the files it did not change.

pub type Files = std::collections::BTreeMap<String, std::sync::Arc<[u8]>>;
