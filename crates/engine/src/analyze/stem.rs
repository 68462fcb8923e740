//! Step 3 of the analyzer: the Snowball German stemmer (via `frostem`), which also maps the
//! transliterations `ae`/`oe`/`ue` to umlauts before removing them: `Brücke` = `Bruecke` →
//! `bruck`, `Pjöngjang` = `Pjoengjang` → `pjongjang`, `Sanktionen` = `Sanktion` → `sanktion`.

use crate::analyze::fold::fold;
use frostem::{Algorithm, Stemmer};

/// The stem of a word: lower-cased, Snowball-German-stemmed, then diacritic-folded.
/// Numbers and words with digits are returned folded but not stemmed.
pub fn stem(word: &str) -> String {
    let lower = word.to_lowercase();
    if lower.chars().any(|c| c.is_ascii_digit()) {
        return fold(&lower);
    }
    let stemmer = Stemmer::new(Algorithm::German);
    fold(&stemmer.stem(&lower))
}

#[cfg(test)]
mod tests {
    use super::stem;

    #[test]
    fn table() {
        for (a, b) in [
            ("Brücke", "Bruecke"),
            ("Pjöngjang", "Pjoengjang"),
            ("Sanktionen", "Sanktion"),
            ("Soldaten", "Soldat"),
            ("Maßnahme", "Massnahme"),
            ("Raketen", "Rakete"),
        ] {
            assert_eq!(stem(a), stem(b), "{a} / {b}");
        }
        // Different words keep different stems.
        for (a, b) in [
            ("Soldat", "Söldnertruppe"),
            ("Trump", "Truppen"),
            ("Kim", "Kiew"),
        ] {
            assert_ne!(stem(a), stem(b), "{a} / {b}");
        }
        assert_eq!(stem("11.000"), "11.000");
    }
}
