//! The Content-Security-Policy every page carries, so that the browser
//! itself keeps the site's promise whatever the content says: nothing from
//! other origins, no script but the theme's files, no inline script or
//! style, no plugins, no `<base>`, forms only to the site itself.

/// The policy as a `<meta http-equiv>` can carry it (`frame-ancestors`
/// and reporting are for headers only). `'wasm-unsafe-eval'` is what
/// search needs: pagefind compiles its WebAssembly, and nothing else.
pub const CONTENT_SECURITY_POLICY: &str = "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; \
style-src 'self'; img-src 'self'; font-src 'self'; connect-src 'self'; worker-src 'self'; \
manifest-src 'self'; media-src 'self'; object-src 'none'; frame-src 'none'; base-uri 'none'; \
form-action 'self'";

/// The stylesheet with the site's colours from `site.yaml`: a file, since
/// the policy allows no inline style.
pub const COLORS_STYLESHEET: &str = "leidraad-colors.css";

/// The stylesheet with the running header and page numbers of the printed
/// protocol and audience views, in each locale's words (`super::print`): a
/// file for the same reason.
pub const PRINT_STYLESHEET: &str = "leidraad-print.css";

/// The text of [`COLORS_STYLESHEET`]. The colours are checked hex colours
/// (`config`), so nothing else can get into the rule.
pub fn colors_stylesheet(colors: &crate::config::Colors) -> String {
    format!(":root {{ --primary: {}; --accent: {}; }}\n", colors.primary, colors.accent)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn loads_nothing_from_elsewhere_and_runs_no_inline_script() {
        let directives: Vec<&str> = CONTENT_SECURITY_POLICY.split("; ").collect();
        assert!(directives.contains(&"default-src 'none'"));
        assert!(directives.contains(&"script-src 'self' 'wasm-unsafe-eval'"));
        assert!(directives.contains(&"base-uri 'none'"));
        assert!(directives.contains(&"object-src 'none'"));
        assert!(!CONTENT_SECURITY_POLICY.contains("unsafe-inline"));
        assert!(!CONTENT_SECURITY_POLICY.contains("frame-ancestors"), "ignored, with a console error, in a meta tag");
    }
}
