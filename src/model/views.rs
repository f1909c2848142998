//! What each audience reads: its articles in protocol order, grouped by the
//! contexts they apply in, its quizzes and its scenario cards.

use std::collections::BTreeMap;

use super::{AudienceView, ContextGroup, LocaleSite, TextPage};
use crate::config::Config;

/// For each audience: its articles with numbered rules in protocol order,
/// each run of them with the same contexts one group (so a view never
/// reorders the protocol to gather a context); then its general text, the
/// articles without numbered rules; its quizzes and cards.
pub(super) fn audience_views(
    config: &Config,
    site: &LocaleSite,
    intros: &mut BTreeMap<String, TextPage>,
) -> Vec<AudienceView> {
    config
        .audiences
        .iter()
        .enumerate()
        .map(|(audience, a)| {
            let mut groups: Vec<ContextGroup> = Vec::new();
            let mut general = Vec::new();
            for (i, article) in site.articles.iter().enumerate().filter(|(_, art)| art.audiences.contains(&audience)) {
                if article.rule_count == 0 {
                    general.push(i);
                    continue;
                }
                match groups.last_mut().filter(|g| g.contexts == article.contexts) {
                    Some(group) => group.articles.push(i),
                    None => groups.push(ContextGroup { contexts: article.contexts.clone(), articles: vec![i] }),
                }
            }
            let for_audience = |audiences: &[usize]| audiences.contains(&audience);
            AudienceView {
                audience,
                intro: intros.remove(&a.id),
                groups,
                general,
                quizzes: (0..site.quizzes.len()).filter(|&i| for_audience(&site.quizzes[i].audiences)).collect(),
                scenarios: (0..site.scenarios.len()).filter(|&i| for_audience(&site.scenarios[i].audiences)).collect(),
            }
        })
        .collect()
}
