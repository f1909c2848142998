//! What a locale's search finds: every rule of an article as a page of its
//! own (so that a hit lands on the rule and shows its number and text), the
//! rest of each article, quizzes, scenario cards and glossary terms.

use std::borrow::Cow;
use std::collections::BTreeMap;

use super::format::Record;
use crate::markdown::plain::{HeadingWords, PlainText, TextAnchor};
use crate::model::{address, Article, LocaleSite, Origin, Site};

/// What a locale's search finds. Texts shown untranslated belong to the
/// index of their own language.
pub fn locale_records<'s>(site: &'s Site, here: &'s LocaleSite) -> Vec<Record<'s>> {
    let config = &site.config;
    let locale = here.locale.as_str();
    let names = |audiences: &[usize]| -> Vec<String> {
        audiences.iter().map(|&a| config.audiences[a].name[locale].clone()).collect()
    };
    let everyone: Vec<usize> = (0..config.audiences.len()).collect();
    let record = |url: String, title: &str, kind: &str, text: Vec<Cow<'s, PlainText>>, audiences: Vec<String>| Record {
        url,
        text,
        meta: BTreeMap::from([
            ("title".to_owned(), title.to_owned()),
            ("kind".to_owned(), kind.to_owned()),
            ("audiences".to_owned(), audiences.join(", ")),
        ]),
        filters: BTreeMap::from([("audience".to_owned(), audiences)]),
    };
    let blocks = |texts: &mut dyn Iterator<Item = &str>| -> Vec<Cow<'s, PlainText>> {
        texts.map(|block| Cow::Owned(PlainText::block(block))).collect()
    };
    let mut records = Vec::new();
    for article in here.articles.iter().filter(|a| a.origin == Origin::Own) {
        let heading = match &article.number {
            Some(number) => format!("{number} {}", article.title),
            None => article.title.clone(),
        };
        let url = address::article(config, locale, &article.slug);
        let cut = cut_at_rules(&article.plain);
        let text = vec![
            Cow::Owned(PlainText::heading(&heading, 1)),
            Cow::Owned(PlainText::block(article.summary.as_deref().unwrap_or(""))),
            Cow::Owned(cut.rest),
        ];
        records.push(record(url.clone(), &heading, "article", text, names(&article.audiences)));
        for (id, text) in cut.rules {
            let mut rule =
                record(format!("{url}#{id}"), &heading, "rule", vec![Cow::Owned(text)], names(&article.audiences));
            rule.meta.insert("rule".to_owned(), rule_number(article, id).to_owned());
            records.push(rule);
        }
    }
    for quiz in here.quizzes.iter().filter(|q| q.origin == Origin::Own) {
        let text = blocks(
            &mut quiz.summary.iter().map(String::as_str).chain(quiz.questions.iter().map(|q| q.prompt.as_str())),
        );
        let url = address::quiz(config, locale, &quiz.slug);
        records.push(record(url, &quiz.title, "quiz", text, names(&quiz.audiences)));
    }
    for card in here.scenarios.iter().filter(|s| s.origin == Origin::Own) {
        let text =
            blocks(&mut card.summary.iter().map(String::as_str).chain(card.steps.iter().map(|s| s.text.as_str())));
        let url = address::scenario(config, locale, &card.slug);
        records.push(record(url, &card.title, "scenario", text, names(&card.audiences)));
    }
    for term in here.glossary.iter().filter(|t| t.origin == Origin::Own) {
        let aliases = term.aliases.join(" ");
        let text = blocks(&mut [term.term.as_str(), &aliases, &term.definition_text].into_iter());
        let url = address::term(config, locale, &term.id);
        records.push(record(url, &term.term, "term", text, names(&everyone)));
    }
    records
}

/// The number a reader sees for the rule `id` (`9d` of `r9d`).
fn rule_number<'a>(article: &Article, id: &'a str) -> &'a str {
    id.strip_prefix(article.anchor_prefix.as_str()).filter(|n| !n.is_empty()).unwrap_or(id)
}

/// An article's text cut at its anchors: each rule (`li`) from its anchor
/// to the next anchor, and the rest (the text before the first rule and
/// each heading's section) with its heading anchors.
pub(super) struct Cut<'a> {
    pub rules: Vec<(&'a str, PlainText)>,
    pub rest: PlainText,
}

pub(super) fn cut_at_rules(plain: &PlainText) -> Cut<'_> {
    let words: Vec<&str> = plain.words().collect();
    let count = words.len() as u32;
    let mut rules = Vec::new();
    let mut rest = slice(plain, &words, 0, plain.anchors.first().map_or(count, |a| a.word.min(count)), None);
    for (i, anchor) in plain.anchors.iter().enumerate() {
        let end = plain.anchors.get(i + 1).map_or(count, |next| next.word.min(count));
        let start = anchor.word.min(end);
        if anchor.element == "li" {
            if start < end {
                rules.push((anchor.id.as_str(), slice(plain, &words, start, end, None)));
            }
        } else {
            rest.append(&slice(plain, &words, start, end, Some(anchor)));
        }
    }
    Cut { rules, rest }
}

/// Words `start..end` of `plain`, with its headings there and `anchor`
/// (which starts them) if any.
fn slice(plain: &PlainText, words: &[&str], start: u32, end: u32, anchor: Option<&TextAnchor>) -> PlainText {
    let part = &words[start as usize..end as usize];
    PlainText {
        text: part.join(" "),
        anchors: anchor.map(|a| TextAnchor { word: 0, ..a.clone() }).into_iter().collect(),
        headings: plain
            .headings
            .iter()
            .filter(|h| h.start < end && h.end > start)
            .map(|h| HeadingWords { start: h.start.max(start) - start, end: h.end.min(end) - start, level: h.level })
            .collect(),
        word_count: part.len() as u32,
    }
}
