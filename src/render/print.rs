//! The printed protocol and audience views as documents: the running
//! header (the title, the organisation) and "page 3 of 9" in the margins
//! of every sheet but the title page. `@page` margin boxes cannot read the
//! page they print, and the policy allows no inline style, so these words
//! come from `site.yaml` and the messages of each locale into a stylesheet
//! of their own: one named page per locale for the whole protocol and one
//! per locale and audience view, chosen by the page's `lang` and body.

use fluent_bundle::FluentArgs;

use crate::i18n::Messages;
use crate::model::Site;

/// Stand-ins for the page counters while the message is formatted: private
/// use characters, which no message has.
const PAGE: char = '\u{E000}';
const PAGES: char = '\u{E001}';

/// The text of [`super::policy::PRINT_STYLESHEET`].
pub fn stylesheet(site: &Site, messages: &Messages) -> Result<String, String> {
    let config = &site.config;
    let mut css = String::from(
        "/* leidraad: the running header and page numbers of the printed protocol and audience views,\n   \
         made from site.yaml and the messages of each locale (src/render/print.rs). */\n@media print {\n",
    );
    for here in &site.locales {
        let locale = &here.locale;
        let t = messages.translator(locale);
        let mut args = FluentArgs::new();
        args.set("page", PAGE.to_string());
        args.set("pages", PAGES.to_string());
        let number = counters(&t.format("print-page-number", Some(&args))?);
        let title = &config.title[locale];
        let organisation = css_string(&config.organisation);
        let protocol = format!("leidraad-protocol-{locale}");
        css.push_str(&named_page(&protocol, &css_string(title), &organisation, &number));
        css.push_str(&format!("  html[lang={}] body.page-protocol {{ page: {protocol}; }}\n", css_string(locale)));
        for view in &here.views {
            let audience = &config.audiences[view.audience];
            let mut args = FluentArgs::new();
            args.set("title", title.clone());
            args.set("audience", audience.name[locale].clone());
            let header = t.format("print-running-audience", Some(&args))?;
            let name = format!("leidraad-view-{locale}_{}", audience.id);
            css.push_str(&named_page(&name, &css_string(&header), &organisation, &number));
            css.push_str(&format!(
                "  html[lang={}] body.page-audience[data-audience={}] {{ page: {name}; }}\n",
                css_string(locale),
                css_string(&audience.id)
            ));
        }
    }
    css.push_str("}\n");
    Ok(css)
}

/// A named page with its margin boxes, and none on its first sheet (the
/// title page). The theme's `@page` rules style the boxes.
fn named_page(name: &str, header: &str, organisation: &str, number: &str) -> String {
    format!(
        "  @page {name} {{\n    @top-left {{ content: {header}; }}\n    @top-right {{ content: {organisation}; }}\n    \
         @bottom-center {{ content: {number}; }}\n  }}\n  @page {name}:first {{\n    @top-left {{ content: none; }}\n    \
         @top-right {{ content: none; }}\n    @bottom-center {{ content: none; }}\n  }}\n"
    )
}

/// A formatted message as the value of `content`: its text as strings,
/// [`PAGE`] and [`PAGES`] as the page counters.
fn counters(message: &str) -> String {
    let mut parts = Vec::new();
    let mut text = String::new();
    for c in message.chars() {
        let counter = match c {
            PAGE => "counter(page)",
            PAGES => "counter(pages)",
            _ => {
                text.push(c);
                continue;
            }
        };
        if !text.is_empty() {
            parts.push(css_string(&std::mem::take(&mut text)));
        }
        parts.push(counter.to_owned());
    }
    if !text.is_empty() || parts.is_empty() {
        parts.push(css_string(&text));
    }
    parts.join(" ")
}

/// `text` as a CSS string: quotes, backslashes and control characters
/// escaped, so that nothing in `site.yaml` or a message can end it.
fn css_string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' | '\\' => {
                out.push('\\');
                out.push(c);
            }
            c if c.is_control() => out.push_str(&format!("\\{:x} ", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_page_counters_take_the_places_of_the_arguments() {
        assert_eq!(counters("pagina \u{E000} van \u{E001}"), r#""pagina " counter(page) " van " counter(pages)"#);
        assert_eq!(counters("\u{E000}/\u{E001}"), r#"counter(page) "/" counter(pages)"#);
        assert_eq!(counters("page"), r#""page""#);
    }

    #[test]
    fn nothing_can_end_the_string() {
        assert_eq!(css_string(r#"a "b" \c"#), r#""a \"b\" \\c""#);
        assert_eq!(css_string("a\nb}"), "\"a\\a b}\"");
    }
}
