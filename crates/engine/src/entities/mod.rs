//! Entities: the people, places and organisations articles name, and every mention of them.
//!
//! The curated base (`entities.toml`, see [`base`]) and the bundled knowledge base
//! ([`knowledge`], which the curated base overrides) are matched against main text with the
//! analyzer ([`mentions`]); names neither lists are proposed by rule-based discovery
//! ([`discover`], word lists in [`names`]) so that a new corpus works before anyone edits a base.

#[cfg(feature = "ingest")]
pub mod base;
pub mod discover;
pub mod gazetteer;
#[cfg(feature = "ingest")]
pub mod knowledge;
pub mod mentions;
pub mod names;

use serde::Serialize;

/// What kind of thing an entity is.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Serialize,
    bitcode::Encode,
    bitcode::Decode,
)]
#[serde(rename_all = "lowercase")]
pub enum EntityKind {
    /// A person.
    Person,
    /// A country, city, region, river, resort…
    Place,
    /// An agency, institution, company, government body, armed group…
    Organisation,
}

impl EntityKind {
    /// German label (plural for facet headings is [`EntityKind::plural`]).
    pub fn label(self) -> &'static str {
        match self {
            EntityKind::Person => "Person",
            EntityKind::Place => "Ort",
            EntityKind::Organisation => "Organisation",
        }
    }

    /// German plural, for headings.
    pub fn plural(self) -> &'static str {
        match self {
            EntityKind::Person => "Personen",
            EntityKind::Place => "Orte",
            EntityKind::Organisation => "Organisationen",
        }
    }

    /// Parses `person`, `place`, `organisation` (also `organization`, `org`).
    pub fn parse(s: &str) -> Option<EntityKind> {
        match s.trim().to_lowercase().as_str() {
            "person" => Some(EntityKind::Person),
            "place" | "ort" => Some(EntityKind::Place),
            "organisation" | "organization" | "org" => Some(EntityKind::Organisation),
            _ => None,
        }
    }
}

/// Where an entity comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, bitcode::Encode, bitcode::Decode)]
#[serde(rename_all = "lowercase")]
pub enum EntitySource {
    /// The curator's `entities.toml`.
    Base,
    /// Found by the discovery rules; not yet confirmed by the curator.
    Discovered,
    /// The bundled default knowledge base (`data/entities/`).
    Knowledge,
}

/// A person, place or organisation.
#[derive(Debug, Clone, PartialEq, Serialize, bitcode::Encode, bitcode::Decode)]
pub struct Entity {
    /// Stable slug, used in URLs.
    pub id: String,
    /// Canonical name.
    pub name: String,
    /// Person, place or organisation.
    pub kind: EntityKind,
    /// Other spellings and short forms.
    pub aliases: Vec<String>,
    /// One line of context, if the curator wrote one.
    pub description: Option<String>,
    /// Base or discovered.
    pub source: EntitySource,
}

/// One place in a document's main text where an entity is named.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, bitcode::Encode, bitcode::Decode)]
pub struct Mention {
    /// Index of the entity in the snapshot's entity list.
    pub entity: u32,
    /// Index of the document in the snapshot's documents.
    pub doc: u32,
    /// Byte offset of the name in the document text.
    pub start: u32,
    /// Byte offset one past the name.
    pub end: u32,
}

/// Makes a URL-safe slug of a name: `Kim Jong-un` → `kim-jong-un`, `Südkorea` → `suedkorea`.
pub fn slug(name: &str) -> String {
    let mut out = String::new();
    for c in name.chars().flat_map(char::to_lowercase) {
        match c {
            'ä' => out.push_str("ae"),
            'ö' => out.push_str("oe"),
            'ü' => out.push_str("ue"),
            'ß' => out.push_str("ss"),
            c if c.is_ascii_alphanumeric() => out.push(c),
            _ => {
                if !out.ends_with('-') && !out.is_empty() {
                    out.push('-');
                }
            }
        }
    }
    out.trim_end_matches('-').to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs() {
        for (name, slug_) in [
            ("Kim Jong-un", "kim-jong-un"),
            ("Südkorea", "suedkorea"),
            ("Universität Oslo", "universitaet-oslo"),
            ("  KCNA ", "kcna"),
        ] {
            assert_eq!(slug(name), slug_);
        }
    }
}
