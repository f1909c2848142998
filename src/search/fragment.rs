//! A page's fragment file: what a search result shows of it (its address,
//! text, anchors, meta and filters), as pagefind writes it.

use std::collections::BTreeMap;

use super::encoding::{full_hash, Gzip};
use super::record::Record;

/// A page's fragment file: what a result shows.
pub(super) struct Fragment {
    /// `{language}_{sha1}` of the uncompressed fragment.
    pub(super) full_hash: String,
    /// Shared by every site of a build that has the page.
    pub(super) compressed: std::sync::Arc<[u8]>,
    pub(super) word_count: u32,
}

#[derive(serde::Serialize)]
struct FragmentData<'a> {
    url: &'a str,
    content: &'a str,
    word_count: usize,
    filters: &'a BTreeMap<String, Vec<String>>,
    meta: &'a BTreeMap<String, String>,
    anchors: Vec<FragmentAnchor<'a>>,
}

#[derive(serde::Serialize)]
struct FragmentAnchor<'a> {
    element: &'a str,
    id: &'a str,
    text: &'a str,
    location: u32,
}

impl Fragment {
    pub(super) fn new(language: &str, record: &Record, gzip: &mut Gzip) -> Fragment {
        let content: Vec<&str> = record.text.iter().map(|p| p.text.as_str()).filter(|t| !t.is_empty()).collect();
        let content = content.join(" ");
        let word_count = (record.text.iter().map(|p| p.word_count).sum::<u32>() as usize).max(1);
        let offsets = part_offsets(record);
        let data = FragmentData {
            url: &record.url,
            content: &content,
            word_count,
            filters: &record.filters,
            meta: &record.meta,
            anchors: record
                .text
                .iter()
                .zip(&offsets)
                .flat_map(|(part, &offset)| {
                    part.anchors.iter().map(move |a| FragmentAnchor {
                        element: a.element,
                        id: &a.id,
                        text: &a.text,
                        location: a.word + offset,
                    })
                })
                .collect(),
        };
        let json = serde_json::to_vec(&data).expect("a fragment is plain data");
        Fragment {
            full_hash: format!("{language}_{}", full_hash(&json)),
            compressed: gzip.compress(&json).into(),
            word_count: word_count as u32,
        }
    }
}

/// Where each part of a record starts, in words.
fn part_offsets(record: &Record) -> Vec<u32> {
    let mut offset = 0;
    record
        .text
        .iter()
        .map(|part| {
            let start = offset;
            offset += part.word_count;
            start
        })
        .collect()
}
