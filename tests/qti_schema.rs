//! Every file of every QTI package of both example sites and of the `quiz`
//! fixture validates against the QTI 3.0 XSDs of 1EdTech, with `xmllint`.
//!
//! The XSDs are not in the repository: set `QTI_XSD_DIR` to a folder laid
//! out as 1EdTech publishes them (`qtiv3p0/imsqti_asiv3p0_v1p0.xsd`, or
//! its SBAC profile `qtiv3p0/imsqti_asiv3p0_sbacv1p0_v1p0.xsd`;
//! `qtiv3p0/imsqtiv3p0_imscpv1p2_v1p0.xsd` with what it imports; the W3C
//! schemas under `w3/`), with an optional `catalog.xml` (an XML catalog that
//! maps the schemas' remote imports to local copies). Without it the test
//! says so and checks nothing; with it, a missing `xmllint` is a failure.

mod common;

use common::*;
use std::path::{Path, PathBuf};
use std::process::Command;

fn xsd_dir() -> Option<PathBuf> {
    std::env::var_os("QTI_XSD_DIR").map(PathBuf::from)
}

/// Runs xmllint on `files` against `schema`; the files that fail, with why.
fn validate(dir: &Path, schema: &str, files: &[PathBuf]) -> Result<usize, String> {
    let mut command = Command::new("xmllint");
    command.args(["--noout", "--nonet", "--schema"]).arg(dir.join(schema)).args(files);
    let catalog = dir.join("catalog.xml");
    if catalog.exists() {
        command.env("XML_CATALOG_FILES", catalog);
    }
    let output = command
        .output()
        .unwrap_or_else(|e| panic!("xmllint cannot be run ({e}); install it (Debian: apt-get install libxml2-utils)"));
    let report = String::from_utf8_lossy(&output.stderr).into_owned();
    let valid = report.lines().filter(|l| l.ends_with(" validates")).count();
    if output.status.success() && valid == files.len() {
        Ok(valid)
    } else {
        Err(report)
    }
}

/// Every package of the site built at `site`, unzipped into `into`.
fn unzip_all(site: &Path, into: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for (path, bytes) in read_tree(site).into_iter().filter(|(p, _)| p.ends_with("-qti3.zip")) {
        let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
        let folder = into.join(path.replace('/', "_"));
        archive.extract(&folder).unwrap();
        for i in 0..archive.len() {
            files.push(folder.join(archive.by_index(i).unwrap().name().unwrap().as_ref()));
        }
    }
    files
}

#[test]
fn every_package_validates_against_the_qti_schemas() {
    let Some(dir) = xsd_dir() else {
        eprintln!("NOTICE: QTI_XSD_DIR is not set: the QTI packages were not validated against the XSDs");
        return;
    };
    let asi = ["qtiv3p0/imsqti_asiv3p0_v1p0.xsd", "qtiv3p0/imsqti_asiv3p0_sbacv1p0_v1p0.xsd"]
        .into_iter()
        .find(|f| dir.join(f).exists())
        .expect("QTI_XSD_DIR has no qtiv3p0/imsqti_asiv3p0_v1p0.xsd (nor its SBAC profile)");
    let out = tempfile::tempdir().unwrap();
    let second = build(&repo().join("examples/buitengewoon"));
    let sites = [built_example().to_owned(), second.path().join("site")];
    let mut files = unzip_all(&built_fixture("quiz"), &out.path().join("fixture"));
    for (i, site) in sites.iter().enumerate() {
        files.extend(unzip_all(site, &out.path().join(i.to_string())));
    }
    let (manifests, others): (Vec<PathBuf>, Vec<PathBuf>) =
        files.into_iter().partition(|f| f.ends_with("imsmanifest.xml"));
    // 6 quizzes (3 per locale) in each example, 1 in the fixture.
    assert_eq!(manifests.len(), 13);
    let items = validate(&dir, asi, &others).unwrap_or_else(|report| panic!("{report}"));
    let packages =
        validate(&dir, "qtiv3p0/imsqtiv3p0_imscpv1p2_v1p0.xsd", &manifests).unwrap_or_else(|report| panic!("{report}"));
    eprintln!("validated {items} items and tests against {asi} and {packages} manifests");
    // The validator is live: a broken item fails.
    let broken = out.path().join("broken.xml");
    let text = std::fs::read_to_string(&others[1]).unwrap();
    std::fs::write(&broken, text.replacen("cardinality=\"", "cardinality=\"x", 1)).unwrap();
    assert!(validate(&dir, asi, &[broken]).is_err());
}
