//! Writing outputs whole: replacing, refusing, keeping and cleaning up.

use super::*;

fn files(pairs: &[(&str, &str)]) -> Files {
    pairs.iter().map(|(p, c)| ((*p).to_owned(), c.as_bytes().into())).collect()
}

#[test]
fn replaces_a_previous_build_whole() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("public");
    write(&out, &files(&[("index.html", "1"), ("sitemap.xml", ""), ("old/index.html", "x")])).unwrap();
    write(&out, &files(&[("index.html", "2"), ("sitemap.xml", ""), ("nl/index.html", "nl")])).unwrap();
    assert_eq!(fs::read_to_string(out.join("index.html")).unwrap(), "2");
    assert!(!out.join("old").exists());
    assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1, "no staging folders left behind");
}

#[test]
fn refuses_to_replace_a_folder_that_is_not_a_build() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("notes.txt"), "keep").unwrap();
    let err = write(dir.path(), &files(&[("index.html", "1")])).unwrap_err();
    assert!(matches!(err, OutputError::Refused { .. }), "{err}");
    assert!(dir.path().join("notes.txt").exists());
}

#[test]
fn files_the_manifest_does_not_list_are_kept_and_never_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("public");
    write(&out, &files(&[("index.html", "1"), ("nl/index.html", "1")])).unwrap();
    fs::write(out.join(".htaccess"), "keep").unwrap();
    fs::write(out.join("nl/photo.jpg"), "keep").unwrap();
    write(&out, &files(&[("index.html", "2")])).unwrap();
    assert_eq!(fs::read_to_string(out.join(".htaccess")).unwrap(), "keep");
    assert_eq!(fs::read_to_string(out.join("nl/photo.jpg")).unwrap(), "keep");
    assert!(!out.join("nl/index.html").exists());
    assert_eq!(fs::read_to_string(out.join(MANIFEST)).unwrap().lines().last(), Some("index.html"));

    let err = write(&out, &files(&[("index.html", "3"), (".htaccess", "mine")])).unwrap_err();
    let OutputError::Clashes { paths } = err else { panic!("{err}") };
    assert_eq!(paths, [out.join(".htaccess")]);
    assert_eq!(fs::read_to_string(out.join("index.html")).unwrap(), "2");
    assert_eq!(fs::read_to_string(out.join(".htaccess")).unwrap(), "keep");
    assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1, "no staging folders left behind");
}

#[test]
fn the_marker_names_are_not_for_content() {
    let dir = tempfile::tempdir().unwrap();
    let err = write(&dir.path().join("out"), &files(&[(MANIFEST, "fake")])).unwrap_err();
    assert!(matches!(err, OutputError::Refused { .. }), "{err}");
}

#[test]
fn a_file_the_writing_thread_cannot_write_fails_the_commit() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("public");
    write(&out, &files(&[("index.html", "1"), ("sitemap.xml", "")])).unwrap();
    let staging = Staging::new(&guard::resolve(&out).unwrap()).unwrap();
    staging.put("nl", Bytes::Own(b"a file".to_vec())).unwrap();
    // `nl` is a file, so no folder `nl` can hold this one.
    let later = staging.put("nl/index.html", Bytes::Own(b"page".to_vec()));
    let committed = later.and_then(|_| staging.commit());
    let Err(OutputError::Io { path, .. }) = committed else { panic!("expected the write to fail: {committed:?}") };
    assert!(path.ends_with("nl") || path.ends_with("nl/index.html"), "names the file: {}", path.display());
    assert_eq!(fs::read_to_string(out.join("index.html")).unwrap(), "1");
    assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1, "the staging folder is gone");
}

#[test]
fn an_abandoned_staging_folder_leaves_the_previous_build() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("public");
    write(&out, &files(&[("index.html", "1"), ("sitemap.xml", "")])).unwrap();
    let staging = Staging::new(&guard::resolve(&out).unwrap()).unwrap();
    staging.put("nl/deep/index.html", Bytes::Own(b"half a build".to_vec())).unwrap();
    drop(staging);
    assert_eq!(fs::read_to_string(out.join("index.html")).unwrap(), "1");
    assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1, "the staging folder is gone");
}

#[cfg(unix)]
#[test]
fn writes_shared_bytes_once_and_links_the_other_paths() {
    use std::os::unix::fs::MetadataExt;
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("public");
    let shared: Arc<[u8]> = Arc::from(&b"the same fragment"[..]);
    let staging = Staging::new(&guard::resolve(&out).unwrap()).unwrap();
    staging.put("a/pagefind/f.pf_fragment", Bytes::Shared(Arc::clone(&shared))).unwrap();
    staging.put("b/pagefind/f.pf_fragment", Bytes::Shared(Arc::clone(&shared))).unwrap();
    staging.put("c/pagefind/f.pf_fragment", Bytes::Own(shared.to_vec())).unwrap();
    staging.commit().unwrap();
    let inode = |p: &str| fs::metadata(out.join(p)).unwrap().ino();
    for p in ["a/pagefind/f.pf_fragment", "b/pagefind/f.pf_fragment", "c/pagefind/f.pf_fragment"] {
        assert_eq!(fs::read(out.join(p)).unwrap(), b"the same fragment");
    }
    assert_eq!(inode("a/pagefind/f.pf_fragment"), inode("b/pagefind/f.pf_fragment"));
    assert_ne!(inode("a/pagefind/f.pf_fragment"), inode("c/pagefind/f.pf_fragment"));
    // The next build replaces the linked files whole and removes the old ones.
    let staging = Staging::new(&guard::resolve(&out).unwrap()).unwrap();
    staging.put("a/pagefind/f.pf_fragment", Bytes::Own(b"new".to_vec())).unwrap();
    staging.commit().unwrap();
    assert_eq!(fs::read(out.join("a/pagefind/f.pf_fragment")).unwrap(), b"new");
    assert!(!out.join("b").exists());
}
