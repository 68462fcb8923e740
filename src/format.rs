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

/// Shown where an article's outlet is not known.
pub const UNKNOWN_OUTLET: &str = "Quelle unbekannt";

/// The outlet's name, or a placeholder.
pub fn outlet(meta: &Metadata) -> String {
    meta.outlet.clone().unwrap_or_else(|| UNKNOWN_OUTLET.into())
}

/// The date for display, or a placeholder.
pub fn date_or_unknown(meta: &Metadata) -> String {
    meta.date
        .map(date)
        .unwrap_or_else(|| "Datum unbekannt".into())
}

/// A number in German notation: `11.000`, `1,4 Mio.`, `5,5 Mrd.`, `4,5`.
pub fn number(value: f64) -> String {
    let (scaled, suffix) = if value >= 1e9 {
        (value / 1e9, " Mrd.")
    } else if value >= 1e6 {
        (value / 1e6, " Mio.")
    } else {
        (value, "")
    };
    let rounded = (scaled * 100.0).round() / 100.0;
    let int = rounded.trunc() as u64;
    let frac = ((rounded - rounded.trunc()) * 100.0).round() as u64;
    let digits = int.to_string();
    let mut grouped = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            grouped.push('.');
        }
        grouped.push(c);
    }
    let frac = match frac {
        0 => String::new(),
        f if f % 10 == 0 => format!(",{}", f / 10),
        f => format!(",{f:02}"),
    };
    format!("{grouped}{frac}{suffix}")
}

/// A tooltip for a figure: `Zahl: rund 10.000 Soldaten (ungefähr)`.
pub fn figure(f: &quellenlage_engine::figures::Figure) -> String {
    let value = match f.value_max {
        Some(max) => format!("{}–{}", number(f.value), number(max)),
        None => number(f.value),
    };
    let qualifier = f
        .qualifier
        .as_deref()
        .map(|q| format!("{q} "))
        .unwrap_or_default();
    let noun = f
        .noun
        .as_deref()
        .map(|n| format!(" {n}"))
        .unwrap_or_default();
    let approx = if f.approx { " (ungefähr)" } else { "" };
    format!("Zahl: {qualifier}{value}{noun}{approx}")
}
