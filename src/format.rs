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

/// `value` with at most `places` decimals and a decimal point (`5.5`, `11000`, `-0.25`), for SVG
/// attributes and CSV cells. Integer arithmetic only: the app ships no floating-point formatting
/// code (about 15 KB of WASM). At most 9 places; not a number or beyond ±10^18 / 10^places: the
/// whole part only.
pub fn decimal(value: f64, places: u32) -> String {
    let places = places.min(9);
    let scale = 10i64.pow(places);
    let scaled = (value * scale as f64).round();
    if !scaled.is_finite() || scaled.abs() >= 1e18 {
        // `as` saturates (and turns NaN into 0).
        return (value as i64).to_string();
    }
    let scaled = scaled as i64;
    let sign = if scaled < 0 { "-" } else { "" };
    let (whole, fraction) = (
        scaled.unsigned_abs() / scale as u64,
        scaled.unsigned_abs() % scale as u64,
    );
    if fraction == 0 {
        return format!("{sign}{whole}");
    }
    let mut digits = format!("{fraction:0width$}", width = places as usize);
    while digits.ends_with('0') {
        digits.pop();
    }
    format!("{sign}{whole}.{digits}")
}

/// `ratio` as whole percent (0.125 → 13), rounded half away from zero.
pub fn percent(ratio: f64) -> i64 {
    (ratio * 100.0).round() as i64
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimals_without_float_formatting() {
        #[rustfmt::skip]
        let cases: &[(f64, u32, &str)] = &[
            (11_000.0, 6, "11000"), (5.5, 6, "5.5"), (0.1, 6, "0.1"), (-0.25, 4, "-0.25"),
            (1.234_567_89, 4, "1.2346"), (2.0 / 3.0, 1, "0.7"), (12.96, 1, "13"), (-0.04, 1, "0"),
            (5_500_000_000.0, 6, "5500000000"), (1e300, 6, "9223372036854775807"),
            (f64::NAN, 2, "0"), (0.000_001, 6, "0.000001"), (3.05, 2, "3.05"), (0.5, 12, "0.5"),
        ];
        for &(value, places, want) in cases {
            assert_eq!(decimal(value, places), want, "{value} with {places} places");
            // What the standard formatting would show, trailing zeros trimmed.
            if value.is_finite() && value.abs() < 1e12 {
                let std = format!("{value:.*}", places as usize);
                let std = std.trim_end_matches('0').trim_end_matches('.');
                let std = if std == "-0" { "0" } else { std };
                assert_eq!(decimal(value, places), std, "{value} like std");
            }
        }
    }

    #[test]
    fn percents_round_half_away_from_zero() {
        for (ratio, want) in [
            (0.125, 13),
            (0.5, 50),
            (-0.125, -13),
            (0.004, 0),
            (1.0, 100),
        ] {
            assert_eq!(percent(ratio), want, "{ratio}");
        }
    }
}
