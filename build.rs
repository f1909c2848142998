//! The default theme, the UI messages and the starter site are compiled into
//! the binary (include_dir); rebuild whenever one of their files changes.

fn main() {
    for folder in ["themes/default", "locales", "starter"] {
        println!("cargo:rerun-if-changed={folder}");
    }
}
