//! Rendered articles kept for the other sites of one build. A board's
//! schools show the board's articles from the same files, so one school's
//! rendering of an article serves the next, as long as every question its
//! rendering asked of the site (where a linked id lives, whether a file
//! exists) gets the same answer there and the glossary is the same.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use crate::markdown::glossary::GlossaryLinker;
use crate::markdown::{LinkTargets, Numbering, Rendered};

/// How many renderings of one article are kept: schools whose links differ
/// each get their own, up to this many; the others render it afresh. (Two
/// sites made at once may both render an article first: the second
/// rendering is kept only when it differs.)
const KEPT_PER_ARTICLE: usize = 8;

/// The renderings of the build so far, shared by its sites.
#[derive(Default)]
pub struct Renders {
    kept: Mutex<Kept>,
}

#[derive(Default)]
struct Kept {
    /// Each distinct glossary of a locale that articles were rendered with.
    linkers: Vec<(String, GlossaryLinker)>,
    articles: HashMap<(String, PathBuf), Vec<Arc<Rendering>>>,
}

/// What an article's rendering depends on besides its site.
#[derive(PartialEq)]
pub(super) struct Text<'a> {
    pub first_line: usize,
    pub id: &'a str,
    pub rules: (Numbering, &'a str),
    pub body: &'a str,
}

struct Rendering {
    first_line: usize,
    id: String,
    rules: (Numbering, String),
    body: String,
    /// Index into `Kept::linkers`.
    linker: usize,
    lookups: Vec<Lookup>,
    rendered: Rendered,
}

impl Rendering {
    fn text(&self) -> Text<'_> {
        Text { first_line: self.first_line, id: &self.id, rules: (self.rules.0, &self.rules.1), body: &self.body }
    }
}

/// A question a rendering asked of its site, with the answer it got.
#[derive(Debug, PartialEq)]
enum Lookup {
    Kind(String, bool),
    Resolve { id: String, kind: Option<String>, anchor: Option<String>, answer: Result<String, String> },
    File(String, bool),
}

impl Lookup {
    fn holds_for(&self, targets: &dyn LinkTargets) -> bool {
        match self {
            Lookup::Kind(word, answer) => targets.is_kind(word) == *answer,
            Lookup::Resolve { id, kind, anchor, answer } => {
                targets.resolve(id, kind.as_deref(), anchor.as_deref()) == *answer
            }
            Lookup::File(path, answer) => targets.has_file(path) == *answer,
        }
    }
}

/// The link targets of a site, noting every question asked of them.
pub(super) struct Recorder<'a> {
    targets: &'a dyn LinkTargets,
    lookups: Mutex<Vec<Lookup>>,
}

impl<'a> Recorder<'a> {
    pub fn new(targets: &'a dyn LinkTargets) -> Self {
        Recorder { targets, lookups: Mutex::new(Vec::new()) }
    }

    fn note(&self, lookup: Lookup) {
        self.lookups.lock().unwrap_or_else(|e| e.into_inner()).push(lookup);
    }

    fn into_lookups(self) -> Vec<Lookup> {
        self.lookups.into_inner().unwrap_or_else(|e| e.into_inner())
    }
}

impl LinkTargets for Recorder<'_> {
    fn is_kind(&self, word: &str) -> bool {
        let answer = self.targets.is_kind(word);
        self.note(Lookup::Kind(word.to_owned(), answer));
        answer
    }

    fn resolve(&self, id: &str, kind: Option<&str>, anchor: Option<&str>) -> Result<String, String> {
        let answer = self.targets.resolve(id, kind, anchor);
        self.note(Lookup::Resolve {
            id: id.to_owned(),
            kind: kind.map(str::to_owned),
            anchor: anchor.map(str::to_owned),
            answer: answer.clone(),
        });
        answer
    }

    fn has_file(&self, path: &str) -> bool {
        let answer = self.targets.has_file(path);
        self.note(Lookup::File(path.to_owned(), answer));
        answer
    }
}

/// Which of the kept glossaries a site's is, per locale: found once per
/// site, before its articles are rendered.
pub(super) struct Glossaries(HashMap<String, usize>);

impl Renders {
    /// The index of each locale's glossary of a site among those kept,
    /// keeping those not yet seen.
    pub(super) fn glossaries<'a>(&self, linkers: impl Iterator<Item = (&'a String, &'a GlossaryLinker)>) -> Glossaries {
        let mut kept = self.lock();
        let mut found = HashMap::new();
        for (locale, linker) in linkers {
            let index = match kept.linkers.iter().position(|(l, k)| l == locale && k == linker) {
                Some(index) => index,
                None => {
                    kept.linkers.push((locale.clone(), linker.clone()));
                    kept.linkers.len() - 1
                }
            };
            found.insert(locale.clone(), index);
        }
        Glossaries(found)
    }

    /// An earlier rendering of `text` that holds on this site.
    pub(super) fn find(
        &self,
        glossaries: &Glossaries,
        (locale, path): (&str, &std::path::Path),
        text: &Text<'_>,
        targets: &dyn LinkTargets,
    ) -> Option<Rendered> {
        let linker = *glossaries.0.get(locale)?;
        let renderings = self.lock().articles.get(&(locale.to_owned(), path.to_owned()))?.clone();
        renderings
            .iter()
            .find(|r| r.linker == linker && r.text() == *text && r.lookups.iter().all(|l| l.holds_for(targets)))
            .map(|r| r.rendered.clone())
    }

    /// Keeps a rendering of `text` made with `recorder` for the next sites.
    pub(super) fn keep(
        &self,
        glossaries: &Glossaries,
        (locale, path): (&str, &std::path::Path),
        text: &Text<'_>,
        recorder: Recorder<'_>,
        rendered: &Rendered,
    ) {
        let Some(&linker) = glossaries.0.get(locale) else { return };
        let rendering = Rendering {
            first_line: text.first_line,
            id: text.id.to_owned(),
            rules: (text.rules.0, text.rules.1.to_owned()),
            body: text.body.to_owned(),
            linker,
            lookups: recorder.into_lookups(),
            rendered: rendered.clone(),
        };
        let mut kept = self.lock();
        let renderings = kept.articles.entry((locale.to_owned(), path.to_owned())).or_default();
        let known = renderings
            .iter()
            .any(|r| r.linker == rendering.linker && r.text() == rendering.text() && r.lookups == rendering.lookups);
        if !known && renderings.len() < KEPT_PER_ARTICLE {
            renderings.push(Arc::new(rendering));
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Kept> {
        self.kept.lock().unwrap_or_else(|e| e.into_inner())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::markdown::glossary::TermPattern;
    use std::path::Path;

    /// A site where `rules` lives at `address`.
    struct Site {
        address: &'static str,
    }

    impl LinkTargets for Site {
        fn is_kind(&self, _: &str) -> bool {
            false
        }
        fn resolve(&self, id: &str, _: Option<&str>, _: Option<&str>) -> Result<String, String> {
            (id == "rules").then(|| self.address.to_owned()).ok_or_else(|| format!("no `{id}`"))
        }
        fn has_file(&self, _: &str) -> bool {
            false
        }
    }

    fn glossary(words: &[&str]) -> GlossaryLinker {
        let term = TermPattern {
            id: "term".into(),
            words: words.iter().map(|w| (*w).to_owned()).collect(),
            definition: "A term.".into(),
        };
        GlossaryLinker::new(&[term], "glossary/#".into())
    }

    const TEXT: Text<'static> =
        Text { first_line: 1, id: "a", rules: (Numbering::Decimal, "r"), body: "See [the rules](rules)." };

    /// Renders `TEXT` on `site` and keeps it, as the first site of a build does.
    fn keep_rendering(renders: &Renders, glossaries: &Glossaries, site: &Site) {
        let recorder = Recorder::new(site);
        let at = ("nl", Path::new("a.md"));
        assert_eq!(recorder.resolve("rules", None, None), Ok(site.address.to_owned()));
        let rendered = Rendered { rule_count: 7, ..Rendered::default() };
        renders.keep(glossaries, at, &TEXT, recorder, &rendered);
    }

    #[test]
    fn a_rendering_is_reused_where_its_links_and_glossary_are_the_same() {
        let renders = Renders::default();
        let nl = "nl".to_owned();
        let linker = glossary(&["sociale media"]);
        let first = renders.glossaries([(&nl, &linker)].into_iter());
        let board = Site { address: "nl/protocol/regels/" };
        keep_rendering(&renders, &first, &board);
        let at = ("nl", Path::new("a.md"));

        let same = renders.glossaries([(&nl, &glossary(&["sociale media"]))].into_iter());
        assert_eq!(renders.find(&same, at, &TEXT, &board).map(|r| r.rule_count), Some(7));

        let moved = Site { address: "nl/protocol/onze-regels/" };
        assert!(renders.find(&same, at, &TEXT, &moved).is_none(), "a link leads elsewhere");
        let other_glossary = renders.glossaries([(&nl, &glossary(&["privacy"]))].into_iter());
        assert!(renders.find(&other_glossary, at, &TEXT, &board).is_none(), "another glossary");
        let edited = Text { body: "See [the rules](rules)!", ..TEXT };
        assert!(renders.find(&same, at, &edited, &board).is_none(), "another text");
        assert!(renders.find(&same, ("en", Path::new("a.md")), &TEXT, &board).is_none(), "another locale");
    }
}
