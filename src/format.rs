//! German display formats for metadata.

use quellenlage_engine::{Metadata, PartialDate};

const MONTHS: [&str; 12] = [
    "Januar",
    "Februar",
    "März",
    "April",
    "Mai",
    "Juni",
    "Juli",
    "August",
    "September",
    "Oktober",
    "November",
    "Dezember",
];

/// `Juni 2025`, `17. Juni 2025` or `2025`, as precise as the date is known.
pub fn date(d: PartialDate) -> String {
    match (d.month, d.day) {
        (0, _) => d.year.to_string(),
        (m, 0) => format!("{} {}", MONTHS[(m as usize - 1) % 12], d.year),
        (m, day) => format!("{day}. {} {}", MONTHS[(m as usize - 1) % 12], d.year),
    }
}

/// Whether the curator marked `field` as inferred.
pub fn is_inferred(meta: &Metadata, field: &str) -> bool {
    meta.inferred.iter().any(|f| f == field)
}

/// The outlet's name, or a placeholder.
pub fn outlet(meta: &Metadata) -> String {
    meta.outlet
        .clone()
        .unwrap_or_else(|| "Quelle unbekannt".into())
}

/// The date for display, or a placeholder.
pub fn date_or_unknown(meta: &Metadata) -> String {
    meta.date
        .map(date)
        .unwrap_or_else(|| "Datum unbekannt".into())
}
