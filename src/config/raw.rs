//! `site.yaml` as written: the raw schema that serde reads, before any check.

use serde::Deserialize;

pub(super) use super::section::RawSection;

use super::{Localized, Status};

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawConfig {
    pub(super) organisation: String,
    pub(super) title: Localized,
    pub(super) base_url: String,
    pub(super) default_locale: String,
    pub(super) locales: Vec<String>,
    pub(super) audiences: Vec<RawAudience>,
    #[serde(default)]
    pub(super) contexts: Vec<RawContext>,
    pub(super) sections: RawSections,
    #[serde(default = "default_theme")]
    pub(super) theme: String,
    #[serde(default)]
    pub(super) colors: RawColors,
    #[serde(default)]
    pub(super) logo: Option<String>,
    #[serde(default)]
    pub(super) stylesheet: Option<String>,
    #[serde(default, deserialize_with = "crate::yaml::string_or_number")]
    pub(super) version: Option<String>,
    #[serde(default)]
    pub(super) adopted: Option<String>,
    #[serde(default)]
    pub(super) approved_by: Option<String>,
    #[serde(default)]
    pub(super) organisation_kind: Option<Localized>,
    #[serde(default)]
    pub(super) status: Option<Status>,
    /// The register of each locale where an audience sets none.
    #[serde(default)]
    pub(super) register: Localized,
    /// A board's schools, each with a site of its own.
    #[serde(default)]
    pub(super) schools: Vec<super::schools::RawSchool>,
    /// Whether each school's site says that the board adopted the protocol.
    #[serde(default)]
    pub(super) board_adopted: bool,
}

fn default_theme() -> String {
    "default".to_owned()
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawAudience {
    pub(super) id: String,
    pub(super) name: Localized,
    pub(super) slug: Localized,
    #[serde(default)]
    pub(super) onboarding: bool,
    #[serde(default)]
    pub(super) summary: Option<Localized>,
    #[serde(default)]
    pub(super) classroom: bool,
    #[serde(default)]
    pub(super) register: Localized,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawContext {
    pub(super) id: String,
    pub(super) name: Localized,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawSections {
    pub(super) protocol: RawSection,
    pub(super) glossary: RawSection,
    #[serde(default)]
    pub(super) quiz: Option<RawSection>,
    #[serde(default)]
    pub(super) scenarios: Option<RawSection>,
    #[serde(default)]
    pub(super) search: Option<RawSection>,
    #[serde(default)]
    pub(super) changelog: Option<RawSection>,
    #[serde(default)]
    pub(super) acknowledgement: Option<RawSection>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawColors {
    pub(super) primary: Option<String>,
    pub(super) accent: Option<String>,
}
