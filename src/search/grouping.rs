//! A page's words grouped by word and form, and their positions packed as
//! pagefind packs them: the per-page half of building the word lists.

/// Puts a page's occurrences in groups of one word and form, keeping the
/// order they were found in within each group, in time linear in their
/// number (a counting sort on the word's number). Sorting them by word
/// took a third of the time of indexing a page.
#[derive(Debug, Default)]
pub(super) struct Grouping {
    /// Per word number: the count of `pages` when it was last seen and its
    /// group there; for the words themselves, not their forms.
    plain: Vec<(u32, u32)>,
    /// The groups of a word's forms (`café` of `cafe`) on this page.
    forms: hashbrown::HashMap<(u32, u32), u32>,
    /// Counts the pages grouped, which `plain` tells apart by it: one
    /// grouping serves the pages of several sites.
    pages: u32,
    /// The group of each occurrence, then where each group starts.
    group_of: Vec<u32>,
    starts: Vec<u32>,
    grouped: Vec<Occurrence>,
}

impl Grouping {
    /// The occurrences of `found` by group, and where each group ends.
    pub(super) fn group(&mut self, found: &[Occurrence]) -> (&mut [Occurrence], &[u32]) {
        self.pages = self.pages.wrapping_add(1);
        if self.pages == 0 {
            self.plain.clear();
            self.pages = 1;
        }
        let stamp = self.pages;
        self.forms.clear();
        self.group_of.clear();
        self.starts.clear();
        for o in found {
            let next = self.starts.len() as u32;
            let group = match o.original {
                None => {
                    let at = o.stem as usize;
                    if at >= self.plain.len() {
                        self.plain.resize(at + 1, (0, 0));
                    }
                    let slot = &mut self.plain[at];
                    if slot.0 != stamp {
                        *slot = (stamp, next);
                    }
                    slot.1
                }
                Some(form) => *self.forms.entry((o.stem, form)).or_insert(next),
            };
            if group == next {
                self.starts.push(0);
            }
            self.starts[group as usize] += 1;
            self.group_of.push(group);
        }
        // Counts to starts; each group is then filled in order.
        let mut total = 0;
        for count in &mut self.starts {
            let size = *count;
            *count = total;
            total += size;
        }
        self.grouped.clear();
        self.grouped.resize(found.len(), found.first().copied().unwrap_or(Occurrence::EMPTY));
        for (o, &group) in found.iter().zip(&self.group_of) {
            let at = &mut self.starts[group as usize];
            self.grouped[*at as usize] = *o;
            *at += 1;
        }
        // Each start has moved to its group's end.
        (&mut self.grouped, &self.starts)
    }
}

/// One occurrence of a word on a page.
#[derive(Debug, Clone, Copy)]
pub(super) struct Occurrence {
    pub(super) stem: u32,
    pub(super) original: Option<u32>,
    /// Word position, or the meta field and position.
    pub(super) position: u32,
    pub(super) field: u16,
    pub(super) weight: u8,
    pub(super) in_meta: bool,
}

impl Occurrence {
    pub(super) const EMPTY: Occurrence =
        Occurrence { stem: 0, original: None, position: 0, field: 0, weight: 0, in_meta: false };
}

/// Appends positions as pagefind packs them, and says how many it wrote in
/// the text and in meta. `group` comes sorted: the text first, weight 25
/// first, then by weight and position; then meta, by field and position.
/// In the text a change of weight is `-weight - 1` followed by the
/// position, other positions are differences. In meta `-field - 1` starts
/// a field, positions are differences.
pub(super) fn pack(group: &[Occurrence], out: &mut Vec<i32>) -> (u32, u32) {
    let split = group.partition_point(|o| !o.in_meta);
    let (text, meta) = group.split_at(split);
    let before = out.len();
    let (mut weight, mut last) = (25, 0);
    for o in text {
        if o.weight != weight {
            out.push(-(o.weight as i32) - 1);
            out.push(o.position as i32);
            weight = o.weight;
        } else {
            out.push((o.position - last) as i32);
        }
        last = o.position;
    }
    let text = (out.len() - before) as u32;
    let (mut field, mut last) = (None, 0);
    for o in meta {
        if field != Some(o.field) {
            out.push(-(o.field as i32) - 1);
            field = Some(o.field);
            last = 0;
        }
        out.push((o.position - last) as i32);
        last = o.position;
    }
    (text, (out.len() - before) as u32 - text)
}
