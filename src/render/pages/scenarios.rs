//! The list of a locale's scenario cards, filterable by audience; printed,
//! the deck of every card.

use serde::Serialize;

use super::kind::{Content, Input, PageKind, Splices};
use super::shared::{all_audiences, Link};
use crate::model::{address, LocaleSite, Site};
use crate::render::learning::{self, ScenarioData};

pub struct Scenarios;

#[derive(Serialize)]
struct Data {
    scenarios: Vec<ScenarioData>,
    audiences: Vec<Link>,
}

impl PageKind for Scenarios {
    fn name(&self) -> &'static str {
        "scenarios"
    }
    fn template(&self) -> &'static str {
        "scenarios.html"
    }
    fn address(&self, site: &Site, here: &LocaleSite, _instance: usize) -> String {
        address::scenarios(&site.config, &here.locale)
    }
    fn counterpart(&self, site: &Site, _here: &LocaleSite, _instance: usize, other: &str) -> String {
        address::scenarios(&site.config, other)
    }
    fn content(&self, page: &Input<'_>, _splices: &mut Splices) -> Result<Content, String> {
        let scenarios = page.here.scenarios.iter().map(|s| learning::scenario(page, s)).collect();
        let data = Data { scenarios, audiences: all_audiences(page) };
        Content::new(page.t.get("scenarios-title")?, String::new(), &data)
    }
}
