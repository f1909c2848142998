//! One scenario card: a short story whose choices branch through links.

use serde::Serialize;

use super::kind::{Content, Input, PageKind, Splices};
use super::shared::untranslated;
use crate::model::{address, LocaleSite, Site};
use crate::render::learning::{self, ScenarioData};

pub struct Scenario;

#[derive(Serialize)]
struct Data {
    scenario: ScenarioData,
}

impl PageKind for Scenario {
    fn name(&self) -> &'static str {
        "scenario"
    }
    fn template(&self) -> &'static str {
        "scenario.html"
    }
    fn instances(&self, _site: &Site, here: &LocaleSite) -> Vec<usize> {
        (0..here.scenarios.len()).collect()
    }
    fn address(&self, site: &Site, here: &LocaleSite, instance: usize) -> String {
        address::scenario(&site.config, &here.locale, &here.scenarios[instance].slug)
    }
    fn counterpart(&self, site: &Site, here: &LocaleSite, instance: usize, other: &str) -> String {
        let card = &here.scenarios[instance];
        let there = site.locale(other).and_then(|l| l.scenarios.iter().find(|s| s.id == card.id));
        address::scenario(&site.config, other, there.map_or(&card.slug, |s| &s.slug))
    }
    fn audiences(&self, here: &LocaleSite, instance: usize) -> Vec<usize> {
        here.scenarios[instance].audiences.clone()
    }
    fn content(&self, page: &Input<'_>, _splices: &mut Splices) -> Result<Content, String> {
        let card = &page.here.scenarios[page.instance];
        let config = &page.site.config;
        let notice = untranslated(&card.origin, page.root, |from| address::scenario(config, from, &card.slug));
        let data = Data { scenario: learning::scenario(page, card) };
        Ok(Content::new(card.title.clone(), card.summary.clone().unwrap_or_default(), &data)?.untranslated(notice))
    }
}
