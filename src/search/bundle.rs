//! Pagefind's browser side, as the pagefind crate ships it: the search
//! script, its worker and, per language, the WebAssembly that reads the
//! index and stems queries. The index itself is written by `format`.

use pagefind::api::PagefindIndex;
use pagefind::options::PagefindServiceConfig;
use std::collections::BTreeMap;

use super::format::Version;

/// Pagefind's files for a site in `languages`.
pub struct Bundle {
    /// What the index must agree on with the browser side.
    pub version: Version,
    /// Paths relative to the index folder, and contents.
    pub files: Vec<(String, std::sync::Arc<[u8]>)>,
    /// The languages that have WebAssembly of their own (with stemming).
    pub wasm: BTreeMap<String, bool>,
}

/// The files the theme's search uses; pagefind's ready-made interfaces
/// (430 KB) are left out.
fn is_used(name: &str) -> bool {
    name == "pagefind.js" || name == "pagefind-worker.js" || (name.starts_with("wasm.") && name.ends_with(".pagefind"))
}

/// Asks pagefind for its files, giving it one word in each language so
/// that it hands out the WebAssembly of each.
pub fn bundle(languages: &[&str]) -> anyhow::Result<Bundle> {
    let runtime = tokio::runtime::Builder::new_current_thread().build()?;
    runtime.block_on(async {
        let options = PagefindServiceConfig::builder().keep_index_url(true).build();
        let mut index = PagefindIndex::new(Some(options))?;
        for language in languages {
            index
                .add_custom_record(format!("/{language}/"), "leidraad".into(), (*language).into(), None, None, None)
                .await?;
        }
        let mut files = Vec::new();
        let mut entry: Option<serde_json::Value> = None;
        for file in index.get_files().await? {
            let name = file.filename.to_string_lossy().replace('\\', "/");
            if name == "pagefind-entry.json" {
                entry = Some(serde_json::from_slice(&file.contents)?);
            } else if is_used(&name) {
                files.push((name, file.contents.into()));
            }
        }
        let entry = entry.ok_or_else(|| anyhow::anyhow!("pagefind gave no pagefind-entry.json"))?;
        let characters = entry["include_characters"].as_array().into_iter().flatten();
        let version = Version {
            number: entry["version"].as_str().unwrap_or_default().to_owned(),
            word_characters: characters.filter_map(|c| c.as_str()?.chars().next()).collect(),
        };
        let wasm = languages.iter().map(|l| ((*l).to_owned(), entry["languages"][*l]["wasm"].is_string())).collect();
        files.sort();
        Ok(Bundle { version, files, wasm })
    })
}
