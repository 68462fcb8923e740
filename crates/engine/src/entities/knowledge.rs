//! The bundled default knowledge base (`data/entities/*.toml`): the people, places and
//! organisations German-language news names most, each with its kind and its German and English
//! spellings. It is used at build time only: an entity reaches the app only if the corpus names
//! it, and a corpus's own `entities.toml` overrides it (same id, or a shared name or alias).
//!
//! Sources and licences of the files: `data/entities/README.md`.

use super::base::parse_entities;
use super::{Entity, EntitySource};
use crate::analyze::fold::fold;
use std::collections::HashSet;
use std::sync::OnceLock;

/// The knowledge base files, by name.
const FILES: &[(&str, &str)] = &[
    (
        "data/entities/people.toml",
        include_str!("../../data/entities/people.toml"),
    ),
    (
        "data/entities/places.toml",
        include_str!("../../data/entities/places.toml"),
    ),
    (
        "data/entities/organisations.toml",
        include_str!("../../data/entities/organisations.toml"),
    ),
];

/// Every entity of the knowledge base (parsed once). The files are tested to parse without
/// problems; an entry that does not would be left out.
pub fn entities() -> &'static [Entity] {
    static ALL: OnceLock<Vec<Entity>> = OnceLock::new();
    ALL.get_or_init(|| {
        FILES
            .iter()
            .flat_map(|(path, text)| parse_entities(path, text).0)
            .map(|mut e| {
                e.source = EntitySource::Knowledge;
                e
            })
            .collect()
    })
}

/// Whether the knowledge base lists `name` (as written, any case) as a place.
pub fn is_place(name: &str) -> bool {
    static PLACES: OnceLock<HashSet<String>> = OnceLock::new();
    PLACES
        .get_or_init(|| {
            entities()
                .iter()
                .filter(|e| e.kind == super::EntityKind::Place)
                .flat_map(|e| std::iter::once(&e.name).chain(&e.aliases))
                .map(|n| fold(n))
                .collect()
        })
        .contains(&fold(name))
}

/// The curator's entities followed by every knowledge-base entity they do not override.
pub fn with_defaults(curated: Vec<Entity>) -> Vec<Entity> {
    let ids: HashSet<&str> = curated.iter().map(|e| e.id.as_str()).collect();
    let forms: HashSet<String> = curated
        .iter()
        .flat_map(|e| std::iter::once(&e.name).chain(&e.aliases))
        .map(|n| fold(n))
        .collect();
    let defaults: Vec<Entity> = entities()
        .iter()
        .filter(|e| !ids.contains(e.id.as_str()))
        .filter(|e| {
            !std::iter::once(&e.name)
                .chain(&e.aliases)
                .any(|n| forms.contains(&fold(n)))
        })
        .cloned()
        .collect();
    let mut all = curated;
    all.extend(defaults);
    all
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entities::EntityKind;

    #[test]
    fn the_files_parse_without_problems_and_ids_are_unique() {
        let mut ids = HashSet::new();
        for (path, text) in FILES {
            let (entities, problems) = parse_entities(path, text);
            assert!(problems.is_empty(), "{problems:?}");
            assert!(!entities.is_empty(), "{path}");
            for e in entities {
                assert!(ids.insert(e.id.clone()), "{} twice", e.id);
            }
        }
    }

    #[test]
    fn no_name_belongs_to_two_entities() {
        let mut owner: std::collections::HashMap<String, &str> = Default::default();
        for e in entities() {
            for n in std::iter::once(&e.name).chain(&e.aliases) {
                if let Some(other) = owner.insert(fold(n), &e.id) {
                    assert_eq!(other, e.id, "{n:?} names {other} and {}", e.id);
                }
            }
        }
    }

    #[test]
    fn the_curators_base_overrides_the_defaults() {
        let berlin = entities()
            .iter()
            .find(|e| e.name == "Berlin")
            .expect("Berlin is in the knowledge base");
        assert_eq!(berlin.kind, EntityKind::Place);
        let curated = Entity {
            id: "hauptstadt".into(),
            name: "Hauptstadt".into(),
            kind: EntityKind::Place,
            aliases: vec!["Berlin".into()],
            description: None,
            source: EntitySource::Base,
        };
        let all = with_defaults(vec![curated]);
        assert_eq!(all[0].id, "hauptstadt");
        assert!(all.iter().all(|e| e.name != "Berlin"));
        assert!(all.len() > 1000, "{}", all.len());
    }
}
