//! A locale's defined terms, which the articles link to.

use serde::Serialize;

use super::kind::{Content, Input, PageKind, Splices};
use super::shared::{untranslated, Untranslated};
use crate::content::TermSource;
use crate::model::{address, LocaleSite, Site};

pub struct Glossary;

#[derive(Serialize)]
struct Data {
    terms: Vec<Term>,
}

#[derive(Serialize)]
struct Term {
    id: String,
    term: String,
    aliases: Vec<String>,
    definition_html: String,
    /// Whose words the definition is, as the page labels it.
    source: String,
    untranslated: Option<Untranslated>,
}

impl PageKind for Glossary {
    fn name(&self) -> &'static str {
        "glossary"
    }
    fn template(&self) -> &'static str {
        "glossary.html"
    }
    fn address(&self, site: &Site, here: &LocaleSite, _instance: usize) -> String {
        address::glossary(&site.config, &here.locale)
    }
    fn counterpart(&self, site: &Site, _here: &LocaleSite, _instance: usize, other: &str) -> String {
        address::glossary(&site.config, other)
    }
    fn content(&self, page: &Input<'_>, _splices: &mut Splices) -> Result<Content, String> {
        let config = &page.site.config;
        let terms = page
            .here
            .glossary
            .iter()
            .map(|term| -> Result<Term, String> {
                let source = match term.source {
                    TermSource::Protocol => "glossary-source-protocol",
                    TermSource::Explanation => "glossary-source-explanation",
                };
                Ok(Term {
                    // The term's HTML id, which links to it name.
                    id: address::term_anchor(&term.id),
                    term: term.term.clone(),
                    aliases: term.aliases.clone(),
                    definition_html: term.definition.resolve(page.root, 0, ""),
                    source: page.t.get(source)?,
                    untranslated: untranslated(&term.origin, page.root, |from| address::glossary(config, from)),
                })
            })
            .collect::<Result<_, _>>()?;
        Content::new(page.t.get("glossary-title")?, String::new(), &Data { terms })
    }
}
