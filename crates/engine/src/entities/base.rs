//! `entities.toml`: the curator's entity base.

use super::{slug, Entity, EntityKind, EntitySource};
use crate::ingest::sources::line_col;
use crate::problem::Problem;
use serde::Deserialize;
use std::collections::BTreeMap;

/// One entry as written in the file.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Entry {
    name: String,
    kind: String,
    #[serde(default)]
    aliases: Vec<String>,
    description: Option<String>,
}

/// Parses `entities.toml`. Syntax errors are one problem with line and column; a bad entry
/// (unknown kind, invalid id) is reported and skipped, the rest kept.
pub fn parse_entities(path: &str, text: &str) -> (Vec<Entity>, Vec<Problem>) {
    let entries: BTreeMap<String, Entry> = match toml::from_str(text) {
        Ok(entries) => entries,
        Err(e) => {
            let message = format!("entity base is not valid: {}", e.message());
            let problem = match e.span() {
                Some(span) => {
                    let (line, column) = line_col(text, span.start);
                    Problem::error(path, message).at(line, Some(column))
                }
                None => Problem::error(path, message),
            };
            return (Vec::new(), vec![problem]);
        }
    };
    let mut entities = Vec::new();
    let mut problems = Vec::new();
    for (id, entry) in entries {
        // The line is looked up only for a problem: finding it for every entry is quadratic.
        let locate = |p: Problem| match text.find(&format!("[{id}]")) {
            Some(at) => p.at(line_col(text, at).0, None),
            None => p,
        };
        if slug(&id) != id {
            problems.push(locate(Problem::error(
                path,
                format!(
                    "entity id [{id}] must be a lower-case slug like [{}]",
                    slug(&id)
                ),
            )));
            continue;
        }
        let Some(kind) = EntityKind::parse(&entry.kind) else {
            problems.push(locate(Problem::error(
                path,
                format!(
                    "entity [{id}] has kind {:?}; use \"person\", \"place\" or \"organisation\"",
                    entry.kind
                ),
            )));
            continue;
        };
        entities.push(Entity {
            id,
            name: entry.name.trim().to_string(),
            kind,
            aliases: entry
                .aliases
                .iter()
                .map(|a| a.trim().to_string())
                .filter(|a| !a.is_empty())
                .collect(),
            description: entry.description.filter(|d| !d.trim().is_empty()),
            source: EntitySource::Base,
        });
    }
    (entities, problems)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_reports() {
        let text = "[kim-jong-un]\nname = \"Kim Jong Un\"\nkind = \"person\"\naliases = [\"Kim\"]\n\n[x]\nname = \"X\"\nkind = \"thing\"\n";
        let (entities, problems) = parse_entities("e.toml", text);
        assert_eq!(entities.len(), 1);
        assert_eq!(entities[0].aliases, vec!["Kim".to_string()]);
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].line, Some(6));
        assert!(problems[0].message.contains("thing"));
    }

    #[test]
    fn syntax_errors_have_line_and_column() {
        let (entities, problems) = parse_entities("e.toml", "[a]\nname = \"A\"\nkind = person\n");
        assert!(entities.is_empty());
        assert_eq!(problems[0].line, Some(3));
        assert!(problems[0].column.is_some());
    }
}
