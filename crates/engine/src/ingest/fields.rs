//! Field names as the common tools and exports write them, mapped onto a [`Record`]: JSON keys
//! of trafilatura (`title`, `author` as `A; B`, `date`, `sitename`, `hostname`, `text`, `url`)
//! and news-please (`title`, `authors`, `date_publish`, `source_domain`, `maintext`, `url`,
//! `description`), plain names in English and German (`body`, `content`, `outlet`, `source`,
//! `Titel`, `Datum`, `Medium`, `Autor`, `Dachzeile`, `Text`), and CSV header cells the same way.
//!
//! A key is compared without case, spaces and punctuation (`date_publish` = `Date Publish` =
//! `datepublish`). Where two keys fill the same slot the more specific one wins whatever their
//! order: an outlet's name (`sitename`) over its domain (`hostname`), `text` over `raw_text`.
//! Unknown keys are ignored.

use super::record::Record;

/// What a field holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Slot {
    /// Headline.
    Title,
    /// Kicker above the headline.
    Kicker,
    /// Lead (teaser) paragraph.
    Lead,
    /// Publication date.
    Date,
    /// Outlet name or domain.
    Outlet,
    /// Author names.
    Authors,
    /// Address of the article.
    Url,
    /// Dateline place.
    Place,
    /// The article text.
    Text,
}

const SLOTS: usize = 9;

impl Slot {
    fn index(self) -> usize {
        self as usize
    }
}

/// Known keys (normalised: lowercase letters and digits only) with their slot and rank; a lower
/// rank wins over a higher one in the same slot.
const KEYS: &[(&str, Slot, u8)] = &[
    ("title", Slot::Title, 0),
    ("headline", Slot::Title, 0),
    ("titel", Slot::Title, 0),
    ("überschrift", Slot::Title, 0),
    ("schlagzeile", Slot::Title, 0),
    ("titlerss", Slot::Title, 1),
    ("kicker", Slot::Kicker, 0),
    ("dachzeile", Slot::Kicker, 0),
    ("topline", Slot::Kicker, 0),
    ("overline", Slot::Kicker, 0),
    ("spitzmarke", Slot::Kicker, 0),
    ("lead", Slot::Lead, 0),
    ("teaser", Slot::Lead, 0),
    ("vorspann", Slot::Lead, 0),
    ("einleitung", Slot::Lead, 0),
    ("description", Slot::Lead, 1),
    ("date", Slot::Date, 0),
    ("datum", Slot::Date, 0),
    ("datepublish", Slot::Date, 0),
    ("datepublished", Slot::Date, 0),
    ("published", Slot::Date, 0),
    ("publishedat", Slot::Date, 0),
    ("publishdate", Slot::Date, 0),
    ("publicationdate", Slot::Date, 0),
    ("pubdate", Slot::Date, 0),
    ("veröffentlicht", Slot::Date, 0),
    ("veröffentlichtam", Slot::Date, 0),
    ("erscheinungsdatum", Slot::Date, 0),
    ("publikationsdatum", Slot::Date, 0),
    ("outlet", Slot::Outlet, 0),
    ("sitename", Slot::Outlet, 0),
    ("medium", Slot::Outlet, 0),
    ("medienname", Slot::Outlet, 0),
    ("publication", Slot::Outlet, 0),
    ("zeitung", Slot::Outlet, 0),
    ("quelle", Slot::Outlet, 1),
    ("source", Slot::Outlet, 1),
    ("publisher", Slot::Outlet, 1),
    ("sourcedomain", Slot::Outlet, 2),
    ("hostname", Slot::Outlet, 2),
    ("domain", Slot::Outlet, 2),
    ("author", Slot::Authors, 0),
    ("authors", Slot::Authors, 0),
    ("autor", Slot::Authors, 0),
    ("autoren", Slot::Authors, 0),
    ("autorin", Slot::Authors, 0),
    ("autorinnen", Slot::Authors, 0),
    ("verfasser", Slot::Authors, 0),
    ("byline", Slot::Authors, 1),
    ("url", Slot::Url, 0),
    ("link", Slot::Url, 0),
    ("permalink", Slot::Url, 0),
    ("canonical", Slot::Url, 0),
    ("canonicalurl", Slot::Url, 0),
    ("sourceurl", Slot::Url, 1),
    ("adresse", Slot::Url, 1),
    ("place", Slot::Place, 0),
    ("ort", Slot::Place, 0),
    ("dateline", Slot::Place, 0),
    ("text", Slot::Text, 0),
    ("maintext", Slot::Text, 0),
    ("body", Slot::Text, 0),
    ("content", Slot::Text, 0),
    ("articlebody", Slot::Text, 0),
    ("fulltext", Slot::Text, 0),
    ("volltext", Slot::Text, 0),
    ("artikeltext", Slot::Text, 0),
    ("artikel", Slot::Text, 1),
    ("inhalt", Slot::Text, 1),
    ("rawtext", Slot::Text, 2),
];

/// The slot and rank of a field name, if it is one of the known names.
pub fn slot(key: &str) -> Option<(Slot, u8)> {
    let key: String = key
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect();
    KEYS.iter()
        .find(|(k, _, _)| *k == key)
        .map(|&(_, slot, rank)| (slot, rank))
}

/// The names a text column may have, for messages.
pub const TEXT_NAMES: &str = "text, maintext, body, content, Text, Volltext, Inhalt";

/// Fills a record field by field, keeping for each slot the value of the best-ranked key.
#[derive(Debug, Clone)]
pub struct Filler {
    ranks: [u8; SLOTS],
}

impl Default for Filler {
    fn default() -> Filler {
        Filler {
            ranks: [u8::MAX; SLOTS],
        }
    }
}

impl Filler {
    /// Sets the field named `key` to `values` (several for a list: authors); returns whether the
    /// key is known. Empty values are no value.
    pub fn set(&mut self, record: &mut Record, key: &str, values: Vec<String>) -> bool {
        let Some((slot, rank)) = slot(key) else {
            return false;
        };
        let values: Vec<String> = values
            .into_iter()
            .map(|v| v.trim().to_string())
            .filter(|v| !v.is_empty())
            .collect();
        if values.is_empty() || rank >= self.ranks[slot.index()] {
            return true;
        }
        if slot == Slot::Lead && (values[0].ends_with('…') || values[0].ends_with("...")) {
            // A cut-off description is a preview of the text, not a lead of its own.
            return true;
        }
        self.ranks[slot.index()] = rank;
        let first = || values[0].clone();
        let fields = &mut record.fields;
        match slot {
            Slot::Title => fields.title = Some(first()),
            Slot::Kicker => fields.kicker = Some(first()),
            Slot::Lead => fields.lead = Some(first()),
            Slot::Date => fields.date = Some(first()),
            Slot::Outlet => fields.outlet = Some(first()),
            Slot::Url => fields.url = Some(first()),
            Slot::Place => fields.place = Some(first()),
            Slot::Authors => fields.authors = values,
            Slot::Text => record.text = paragraphs(&values.join("\n\n")),
        }
        true
    }
}

/// An exported text with its paragraphs separated by blank lines. Tools and spreadsheets write
/// one paragraph per line (trafilatura, news-please, Excel cells); where a text has no blank
/// line at all, every line break is a paragraph break.
pub fn paragraphs(text: &str) -> String {
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    if text.contains("\n\n") {
        return text.trim().to_string();
    }
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join("\n\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_of_every_tool_map_to_one_slot() {
        let cases = [
            ("title", Some(Slot::Title)),
            ("Titel", Some(Slot::Title)),
            ("date_publish", Some(Slot::Date)),
            ("Veröffentlicht am", Some(Slot::Date)),
            ("source_domain", Some(Slot::Outlet)),
            ("Medium", Some(Slot::Outlet)),
            ("Autor(en)", Some(Slot::Authors)),
            ("maintext", Some(Slot::Text)),
            ("Dachzeile", Some(Slot::Kicker)),
            ("language", None),
            ("filedate", None),
            ("image_url", None),
        ];
        for (key, expected) in cases {
            assert_eq!(slot(key).map(|s| s.0), expected, "{key}");
        }
    }

    #[test]
    fn the_more_specific_key_wins_in_any_order() {
        for order in [["hostname", "sitename"], ["sitename", "hostname"]] {
            let mut record = Record::default();
            let mut filler = Filler::default();
            for key in order {
                let value = if key == "hostname" {
                    "www.kurier.example"
                } else {
                    "Kurier"
                };
                assert!(filler.set(&mut record, key, vec![value.into()]));
            }
            assert_eq!(record.fields.outlet.as_deref(), Some("Kurier"), "{order:?}");
        }
        let mut record = Record::default();
        let mut filler = Filler::default();
        assert!(!filler.set(&mut record, "fingerprint", vec!["x".into()]));
        assert!(filler.set(&mut record, "sitename", vec!["  ".into()]));
        assert_eq!(record.fields.outlet, None);
    }

    #[test]
    fn a_cut_off_description_is_no_lead() {
        let mut record = Record::default();
        let mut filler = Filler::default();
        filler.set(&mut record, "description", vec!["Der Rat hat …".into()]);
        assert_eq!(record.fields.lead, None);
        filler.set(
            &mut record,
            "description",
            vec!["Der Rat hat entschieden.".into()],
        );
        assert_eq!(
            record.fields.lead.as_deref(),
            Some("Der Rat hat entschieden.")
        );
    }

    #[test]
    fn line_per_paragraph_texts_get_blank_lines() {
        let cases = [
            ("Eins.\nZwei.\r\nDrei.", "Eins.\n\nZwei.\n\nDrei."),
            ("Eins.\n\nZwei\nnoch zwei.", "Eins.\n\nZwei\nnoch zwei."),
            ("  Eins.  \n\n", "Eins."),
        ];
        for (text, expected) in cases {
            assert_eq!(paragraphs(text), expected, "{text:?}");
        }
    }
}
