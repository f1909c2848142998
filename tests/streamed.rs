//! `leidraad build` writes each file as soon as it is rendered, with the
//! search index built alongside, rather than the whole site from memory.
//! The folder it writes must hold exactly the files, byte for byte, of the
//! in-memory build that `serve` and the other tests use, and the manifest
//! `.leidraad-build` that lists them.

mod common;

use common::*;
use leidraad::pipeline;

#[test]
fn the_written_site_is_the_built_site() {
    for root in [repo(), repo().join("examples/buitengewoon")] {
        let out = tempfile::tempdir().unwrap();
        let target = out.path().join("public");
        let written = pipeline::write(&root, &target).unwrap_or_else(|e| panic!("{e}"));
        let in_memory = pipeline::build(&root).unwrap();
        let mut on_disk = read_tree(&target);
        let manifest = String::from_utf8(on_disk.remove(".leidraad-build").expect("a manifest")).unwrap();
        let listed: Vec<&str> = manifest.lines().filter(|l| !l.starts_with('#')).collect();
        assert_eq!(listed, in_memory.files.keys().map(String::as_str).collect::<Vec<_>>());
        assert_eq!(written.file_count, in_memory.files.len());
        assert_eq!(written.page_count, in_memory.page_count);
        let paths = |files: Vec<&String>| files.into_iter().cloned().collect::<Vec<_>>();
        assert_eq!(paths(on_disk.keys().collect()), paths(in_memory.files.keys().collect()));
        for (path, bytes) in in_memory.files.iter() {
            assert!(on_disk[path] == bytes[..], "{path} on disk differs from the build in memory");
        }
        let staging_left: Vec<_> = std::fs::read_dir(out.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
        assert_eq!(staging_left, ["public"], "nothing but the output is left beside it");
    }
}
