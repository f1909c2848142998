//! A school's replacement keeps the rules that the rest of its site cites:
//! a quiz citing `regels-algemeen#r9` must still find rule 9. The general
//! check reports the broken citation where it is written; this one says at
//! the replacement which of its rules went missing and who cites it.

use crate::content::{Overlay, Replaced};
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::model::{Origin, Site};
use std::collections::BTreeMap;

/// A citation: the article and anchor it names, where it is written.
struct Citation<'a> {
    target: &'a str,
    anchor: &'a str,
    source: &'a std::path::Path,
    line: usize,
    column: usize,
}

/// Errors at each replacement of `overlay` that lacks a rule or heading
/// another page of the school's `site` cites.
pub fn replaced_rules(site: &Site, overlay: &Overlay) -> Diagnostics {
    let mut diagnostics = Diagnostics::new();
    let replaced: BTreeMap<(&str, &str), &Replaced> =
        overlay.replaced.iter().map(|r| ((r.locale.as_str(), r.id.as_str()), r)).collect();
    for here in &site.locales {
        for citation in citations(here) {
            let Some(replacement) = replaced.get(&(here.locale.as_str(), citation.target)) else { continue };
            let Some(article) = here.article(citation.target) else { continue };
            if article.has_anchor(citation.anchor) || article.source != replacement.path {
                continue;
            }
            let message = format!(
                "this replacement of the board's article `{}` has no `{}`, which {}:{}:{} cites; keep the board's rule numbers (a rule that does not apply here can say so), or cite another rule there",
                citation.target,
                citation.anchor,
                citation.source.display(),
                citation.line,
                citation.column
            );
            diagnostics.push(Diagnostic::error(&replacement.path, replacement.line, replacement.column, message));
        }
    }
    diagnostics
}

/// Every citation of a rule or heading in the locale's own pages.
fn citations(here: &crate::model::LocaleSite) -> Vec<Citation<'_>> {
    let mut all = Vec::new();
    for quiz in here.quizzes.iter().filter(|q| q.origin == Origin::Own) {
        for r in quiz.questions.iter().flat_map(|q| &q.refs) {
            if let Some(anchor) = &r.anchor {
                all.push(Citation { target: &r.target, anchor, source: &quiz.source, line: r.line, column: r.column });
            }
        }
    }
    for card in here.scenarios.iter().filter(|s| s.origin == Origin::Own) {
        for r in card.steps.iter().flat_map(|s| &s.refs) {
            if let Some(anchor) = &r.anchor {
                all.push(Citation { target: &r.target, anchor, source: &card.source, line: r.line, column: r.column });
            }
        }
    }
    for article in here.articles.iter().filter(|a| a.origin == Origin::Own) {
        for r in &article.references {
            all.push(Citation {
                target: &r.target,
                anchor: &r.anchor,
                source: &article.source,
                line: r.line,
                column: r.column,
            });
        }
    }
    all
}
