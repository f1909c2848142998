//! leidraad: a static site generator for school social media protocols.
//!
//! The pipeline reads as a sentence: `content` loads `site.yaml` (checked by
//! `config`) and the content files, `i18n` reads the UI messages, `model`
//! builds the site as plain data (rendering Markdown through `markdown`),
//! `check` verifies what spans files, `render` turns the model into pages in
//! memory (with `qti`, every quiz as a QTI package) and `output` writes them to disk atomically. `pipeline` strings
//! the stages together.

pub mod board;
pub mod check;
pub mod config;
pub mod content;
pub mod diagnostic;
pub mod files;
pub mod i18n;
pub mod markdown;
pub mod memory;
pub mod model;
pub mod output;
pub mod pipeline;
pub mod qti;
pub mod quiz;
pub mod render;
pub mod search;
pub mod serve;
pub mod text;
pub mod yaml;
