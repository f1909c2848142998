//! The ids of a text: anchors of rules on numbered list items (`r9`,
//! `r9a`), heading ids that stay unique where articles share a page, and
//! footnote numbers and ids.

use pulldown_cmark::{CowStr, Event, HeadingLevel, Tag};

use super::{escape, text, Adaptor, Fragment, HeadingState, ListFrame, Numbering, ID};

impl Adaptor<'_, '_> {
    pub(super) fn start_heading(&mut self, level: HeadingLevel, id: Option<CowStr<'_>>, classes: &[CowStr<'_>]) {
        self.heading = Some(HeadingState {
            out_index: self.out.len(),
            level: heading_number(level).max(2),
            id: id.map(|i| i.to_string()),
            classes: classes.iter().map(|c| c.to_string()).collect(),
            text: String::new(),
        });
        self.plain.start_heading(heading_number(level).max(2));
        self.out.push(Event::Html(CowStr::Borrowed("")));
    }

    pub(super) fn start_list(&mut self, start: Option<u64>) {
        self.plain.push(" ");
        let Some(first) = start else {
            self.lists.push(ListFrame { anchored: None, next: 0 });
            self.out.push(Event::Start(Tag::List(None)));
            return;
        };
        let anchored = match (self.items.last(), self.options.rules) {
            (None, Some((_, prefix))) if self.lists.is_empty() => Some((0, prefix.to_owned())),
            (Some(Some((level, anchor))), Some(_)) => Some((level + 1, anchor.clone())),
            _ => None,
        };
        let list_type = match (&anchored, self.options.rules) {
            (Some((0, _)), Some((Numbering::UpperAlpha, _))) => " type=\"A\"",
            (Some((0, _)), Some((Numbering::LowerAlpha, _))) | (Some((1, _)), _) => " type=\"a\"",
            _ => "",
        };
        let start_attribute = if first == 1 { String::new() } else { format!(" start=\"{first}\"") };
        self.out.push(Event::Html(format!("<ol{list_type}{start_attribute}>\n").into()));
        self.lists.push(ListFrame { anchored, next: first });
    }

    pub(super) fn start_item(&mut self) {
        let Some(frame) = self.lists.last_mut() else { return };
        let Some((level, base)) = &frame.anchored else {
            self.items.push(None);
            self.out.push(Event::Start(Tag::Item));
            return;
        };
        let number = frame.next;
        frame.next += 1;
        let numbering = self.options.rules.map_or(Numbering::Decimal, |(n, _)| n);
        let label = match (level, numbering) {
            (0, Numbering::Decimal) => number.to_string(),
            (0, Numbering::UpperAlpha) => letters(number).to_uppercase(),
            (0, Numbering::LowerAlpha) | (1, _) => letters(number),
            _ => format!("-{number}"),
        };
        let anchor = format!("{base}{label}");
        if *level == 0 {
            self.result.rule_count += 1;
        }
        // The rule's own link, to share its address: "#" on screen (CSS),
        // named by the rule's number for a screen reader and described by
        // the page (`rule-link-help` in base.html).
        let prefix = self.options.rules.map_or("", |(_, p)| p);
        let number = anchor.strip_prefix(prefix).unwrap_or(&anchor);
        self.out.push(Event::Html(
            format!(
                "<li id=\"{ID}{anchor}\"><a class=\"rule-link\" href=\"#{ID}{anchor}\" aria-label=\"{number}\" \
                 aria-describedby=\"rule-link-help\"></a> ",
                anchor = escape(&anchor),
                number = escape(number)
            )
            .into(),
        ));
        self.result.rule_anchors.push(anchor.clone());
        self.plain.anchor("li", &anchor);
        self.items.push(Some((*level, anchor)));
    }

    pub(super) fn end_heading(&mut self) {
        let Some(heading) = self.heading.take() else { return };
        let id = heading.id.clone().unwrap_or_else(|| {
            let slug = text::slugify(&heading.text);
            let base = self.prefixed(if slug.is_empty() { "section" } else { &slug });
            // The next free number of this base is remembered, so that many
            // equal headings cost linear time.
            let mut id = base.clone();
            let mut n = self.heading_numbers.get(&base).copied().unwrap_or(2);
            while self.heading_numbers.contains_key(&id) {
                id = format!("{base}-{n}");
                n += 1;
            }
            self.heading_numbers.insert(base, n);
            id
        });
        self.heading_numbers.entry(id.clone()).or_insert(2);
        let tag = Fragment::heading_tag(heading.level);
        let class = if heading.classes.is_empty() {
            String::new()
        } else {
            format!(" class=\"{}\"", escape(&heading.classes.join(" ")))
        };
        self.out[heading.out_index] = Event::Html(format!("<{tag} id=\"{ID}{}\"{class}>", escape(&id)).into());
        self.out.push(Event::Html(format!("</{tag}>\n").into()));
        self.plain.end_heading(&id);
        self.result.heading_ids.push(id);
    }

    pub(super) fn footnote_definition(&mut self, name: &str) {
        let number = self.footnote_number(name);
        let id = self.prefixed(&format!("fn-{name}"));
        self.result.note_ids.push(id.clone());
        // Search keeps a note apart from the rule before it.
        self.plain.anchor("div", &id);
        let id = escape(&id);
        self.out.push(Event::Html(
            format!("<div class=\"footnote-definition\" id=\"{ID}{id}\"><sup class=\"footnote-definition-label\">{number}</sup>").into(),
        ));
    }

    pub(super) fn footnote_number(&mut self, name: &str) -> usize {
        let next = self.footnotes.len() + 1;
        *self.footnotes.entry(name.to_owned()).or_insert(next)
    }

    pub(super) fn footnote_reference(&mut self, name: &str) {
        let first = !self.footnotes.contains_key(name);
        let number = self.footnote_number(name);
        let target = escape(&self.prefixed(&format!("fn-{name}")));
        let id = if first {
            format!(" id=\"{ID}{}\"", escape(&self.prefixed(&format!("fnref-{name}"))))
        } else {
            String::new()
        };
        self.out.push(Event::Html(
            format!("<sup class=\"footnote-reference\"{id}><a href=\"#{ID}{target}\">{number}</a></sup>").into(),
        ));
    }
}

fn heading_number(level: HeadingLevel) -> u8 {
    level as u8
}

/// 1 → a, 26 → z, 27 → aa.
fn letters(mut n: u64) -> String {
    let mut out = Vec::new();
    while n > 0 {
        n -= 1;
        out.push(b'a' + (n % 26) as u8);
        n /= 26;
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}
