//! Which outlet published an article: the bundled table of German-language news outlets and
//! agencies (`data/outlets.toml`), and the page evidence read against it.
//!
//! Every way a page prints its outlet, a scraper header (`… Berliner Morgenpost |`), a byline
//! (`Anna Muster / t-online`), a copyright footer (`© Süddeutsche Zeitung GmbH`), a brand in a
//! newsletter or app prompt (`BR24-Newsletter`, `NDR Niedersachsen App`), a sign-off (`red,
//! ORF.at/Agenturen`) or a domain, is looked up in the table, which gives the outlet one
//! canonical name. Pieces of evidence are weighed; a news brand beats its parent
//! (`tagesschau.de` over `ARD`, `BR24` over `BR`), because the brand is what the reader saw.
//!
//! What it does not do: an outlet missing from the table is only found in a scraper header or a
//! byline, and then under the name printed there.

use serde::Deserialize;
use std::collections::HashMap;
use std::sync::OnceLock;

/// One outlet of the table.
#[derive(Debug, Clone, Deserialize)]
pub struct Outlet {
    /// Canonical name, shown in the app and the CLI.
    pub name: String,
    /// Other names, abbreviations and brand spellings.
    #[serde(default)]
    pub short: Vec<String>,
    /// Company names printed in copyright lines.
    #[serde(default)]
    pub publisher: Vec<String>,
    /// Web domains.
    #[serde(default)]
    pub domains: Vec<String>,
    /// ISO country code (or `INT`).
    #[serde(default)]
    pub country: String,
    /// `newspaper`, `magazine`, `broadcaster`, `online`, `agency` or `publisher`.
    #[serde(default)]
    pub kind: String,
    /// Canonical name of the outlet this one is a brand of.
    pub parent: Option<String>,
    /// Short forms that are also ordinary words; they count only where a page prints a brand.
    #[serde(default)]
    pub ambiguous: Vec<String>,
}

impl Outlet {
    /// Whether this is a news agency (whose name on a page is usually a source, not the outlet).
    pub fn is_agency(&self) -> bool {
        self.kind == "agency"
    }
}

#[derive(Debug, Deserialize)]
struct TableFile {
    outlet: Vec<Outlet>,
}

/// The outlet table with its lookup keys.
#[derive(Debug)]
pub struct Outlets {
    /// All outlets, in file order.
    pub list: Vec<Outlet>,
    /// Lookup key → (outlet index, the form as printed if it is ambiguous).
    by_key: HashMap<String, (usize, Option<String>)>,
    /// Longest form, in atoms, for the scan.
    max_atoms: usize,
}

/// The bundled table (parsed once).
pub fn table() -> &'static Outlets {
    static TABLE: OnceLock<Outlets> = OnceLock::new();
    TABLE.get_or_init(|| {
        Outlets::parse(include_str!("../../data/outlets.toml"))
            .expect("the bundled outlet table is valid (tested)")
    })
}

/// The lookup key of an outlet form: lower case, umlauts folded, letters and digits only
/// (`ZEIT ONLINE` = `Zeit Online` = `zeitonline`; `F.A.Z.` = `faz`; `ORF.at` = `orfat`).
pub fn key(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars().flat_map(char::to_lowercase) {
        match c {
            'ä' => out.push_str("ae"),
            'ö' => out.push_str("oe"),
            'ü' => out.push_str("ue"),
            'ß' => out.push_str("ss"),
            c if c.is_alphanumeric() => out.push(c),
            _ => {}
        }
    }
    out
}

/// Splits a line into atoms for the scan: words, split also at hyphens, slashes and commas
/// (`BR24-Newsletter` → `BR24`, `Newsletter`; `ORF.at/Agenturen` → `ORF.at`, `Agenturen`).
fn atoms(line: &str) -> Vec<&str> {
    line.split(|c: char| c.is_whitespace() || "-–—/,;|()[]:„“”\"«»‚‘'·©".contains(c))
        .map(|a| a.trim_matches(|c: char| matches!(c, '.' | '!' | '?')))
        .map(|a| a.strip_prefix("www.").unwrap_or(a))
        .filter(|a| !a.is_empty())
        .collect()
}

/// `WELT`, `derStandard`, `BR24`, `welt.de`: spelled as a brand, not as a word.
fn is_brand_spelling(atom: &str) -> bool {
    let letters = atom.chars().filter(|c| c.is_alphabetic()).count();
    atom.contains('.')
        || atom
            .chars()
            .skip(1)
            .any(|c| c.is_uppercase() || c.is_ascii_digit())
        || (letters > 0
            && atom
                .chars()
                .filter(|c| c.is_alphabetic())
                .all(char::is_uppercase))
}

impl Outlets {
    /// Parses the table's TOML.
    pub fn parse(text: &str) -> Result<Outlets, String> {
        let file: TableFile = toml::from_str(text).map_err(|e| e.to_string())?;
        let mut by_key = HashMap::new();
        let mut max_atoms = 1;
        for (i, outlet) in file.outlet.iter().enumerate() {
            let ambiguous: Vec<String> = outlet.ambiguous.iter().map(|a| key(a)).collect();
            let forms = std::iter::once(&outlet.name)
                .chain(&outlet.short)
                .chain(&outlet.publisher)
                .chain(&outlet.domains)
                .chain(&outlet.ambiguous);
            for form in forms {
                let k = key(form);
                if k.is_empty() {
                    continue;
                }
                max_atoms = max_atoms.max(atoms(form).len());
                let printed = ambiguous.contains(&k).then(|| form.clone());
                by_key.entry(k).or_insert((i, printed));
            }
        }
        Ok(Outlets {
            list: file.outlet,
            by_key,
            max_atoms: max_atoms.min(8),
        })
    }

    /// The outlet a whole name denotes (`Berliner Morgenpost`, `F.A.Z.`, `sueddeutsche.de`),
    /// ignoring a trailing year and legal form (`Handelsblatt GmbH 2024`).
    pub fn lookup(&self, name: &str) -> Option<&Outlet> {
        let atoms = atoms(name);
        let core = strip_legal(&atoms);
        let k: String = core.iter().map(|a| key(a)).collect();
        self.by_key.get(&k).map(|(i, _)| &self.list[*i])
    }

    /// The outlet with this canonical name.
    pub fn by_name(&self, name: &str) -> Option<&Outlet> {
        self.list.iter().find(|o| o.name == name)
    }

    /// Every outlet named in `line`, longest form first, as (outlet index, atoms used).
    /// `brands_only` leaves out forms that are also ordinary words unless printed in capitals
    /// or with a domain ending.
    pub fn scan(&self, line: &str, brands_only: bool) -> Vec<usize> {
        let line_atoms = atoms(line);
        let mut found = Vec::new();
        let mut i = 0;
        while i < line_atoms.len() {
            let mut matched = 0;
            for n in (1..=self.max_atoms.min(line_atoms.len() - i)).rev() {
                let span = &line_atoms[i..i + n];
                let k: String = span.iter().map(|a| key(a)).collect();
                let Some((outlet, ambiguous)) = self.by_key.get(&k) else {
                    continue;
                };
                // An ambiguous form counts as a brand only in a brand's spelling: capitals,
                // an inner capital or digit, or a domain ending (`WELT`, `welt.de`, not `die Welt`).
                let branded = span.iter().any(|a| is_brand_spelling(a));
                if ambiguous.is_some() && brands_only && !branded {
                    continue;
                }
                let outlet = *outlet;
                found.push(outlet);
                matched = n;
                break;
            }
            i += matched.max(1);
        }
        found
    }
}

/// Words of company law and copyright boilerplate that follow an outlet's name.
const LEGAL: &[&str] = &[
    "gmbh",
    "ag",
    "mbh",
    "m.b.h",
    "kg",
    "se",
    "co",
    "verlag",
    "verlagsgesellschaft",
    "alle",
    "rechte",
    "vorbehalten",
    "inc",
    "ltd",
];

/// The atoms of a name without trailing years and legal-form words.
fn strip_legal<'a>(atoms: &[&'a str]) -> Vec<&'a str> {
    let mut end = atoms.len();
    while end > 1 {
        let a = atoms[end - 1].to_lowercase();
        if LEGAL.contains(&a.as_str()) || a.chars().all(|c| c.is_ascii_digit()) {
            end -= 1;
        } else {
            break;
        }
    }
    let start = atoms
        .iter()
        .position(|a| !a.eq_ignore_ascii_case("copyright"))
        .unwrap_or(0)
        .min(end);
    atoms[start..end].to_vec()
}

/// How much a piece of page evidence counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Evidence {
    /// The scraper's header line.
    Header,
    /// A byline's `/ outlet`.
    Byline,
    /// A copyright line (`© …`).
    Copyright,
    /// A line that is nothing but the outlet's name (`ZDFheute`).
    SiteName,
    /// A brand inside a prompt, sign-off or broadcast note.
    Brand,
}

impl Evidence {
    fn weight(self) -> u32 {
        match self {
            Evidence::Header => 100,
            Evidence::Byline => 50,
            Evidence::Copyright => 40,
            Evidence::SiteName => 30,
            Evidence::Brand => 10,
        }
    }
}

/// Weighs evidence and returns the canonical outlet name. Agencies count only from a header,
/// byline or copyright line (elsewhere `dpa` is a source, not the publisher). A brand whose
/// parent also has evidence takes the parent's weight.
pub fn decide(evidence: &[(usize, Evidence)]) -> Option<String> {
    let table = table();
    let mut weights: Vec<(usize, u32)> = Vec::new();
    for &(outlet, kind) in evidence {
        if table.list[outlet].is_agency()
            && !matches!(
                kind,
                Evidence::Header | Evidence::Byline | Evidence::Copyright
            )
        {
            continue;
        }
        match weights.iter_mut().find(|(o, _)| *o == outlet) {
            Some((_, w)) => *w += kind.weight(),
            None => weights.push((outlet, kind.weight())),
        }
    }
    let own: Vec<(usize, u32)> = weights.clone();
    for (outlet, weight) in weights.iter_mut() {
        let Some(parent) = table.list[*outlet].parent.as_deref() else {
            continue;
        };
        if let Some((_, w)) = own.iter().find(|(o, _)| table.list[*o].name == parent) {
            *weight += w;
        }
    }
    weights
        .iter()
        .max_by_key(|(o, w)| (*w, std::cmp::Reverse(*o)))
        .map(|(o, _)| table.list[*o].name.clone())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bundled_table_is_valid_and_unambiguous() {
        let table = table();
        assert!(table.list.len() >= 150, "{} outlets", table.list.len());
        let mut names = std::collections::HashSet::new();
        for outlet in &table.list {
            assert!(names.insert(&outlet.name), "{} twice", outlet.name);
            if let Some(parent) = &outlet.parent {
                assert!(
                    table.by_name(parent).is_some(),
                    "{}: parent {parent}",
                    outlet.name
                );
            }
        }
    }

    #[test]
    fn lookups_fold_case_punctuation_and_legal_forms() {
        let t = table();
        let canonical = |s: &str| t.lookup(s).map(|o| o.name.as_str());
        let faz = canonical("Frankfurter Allgemeine Zeitung");
        assert!(faz.is_some());
        assert_eq!(canonical("F.A.Z."), faz);
        assert_eq!(canonical("Frankfurter Allgemeine Zeitung GmbH 2024"), faz);
        assert_eq!(canonical("ZEIT ONLINE"), canonical("Zeit Online"));
        assert!(canonical("Berliner Morgenpost").is_some());
        assert!(canonical("Deutsche Welle").is_some());
        assert_eq!(canonical("Der Standard"), canonical("derStandard.at"));
        assert_eq!(canonical("Irgendein Blatt"), None);
    }

    #[test]
    fn scans_lines_for_brands() {
        let t = table();
        let names = |line: &str| -> Vec<String> {
            t.scan(line, true)
                .into_iter()
                .map(|i| t.list[i].name.clone())
                .collect()
        };
        let br24 = t.lookup("BR24").map(|o| o.name.clone()).unwrap();
        assert_eq!(names("Hier geht's zum BR24-Newsletter."), vec![br24]);
        let orf = t.lookup("ORF.at").map(|o| o.name.clone()).unwrap();
        assert_eq!(names("red, ORF.at/Agenturen"), vec![orf]);
        // An outlet name that is also a word counts only as a brand.
        assert!(names("Was die Welt bewegt: der Newsletter").is_empty());
    }

    #[test]
    fn a_brand_beats_its_parent_and_agencies_need_a_strong_place() {
        let t = table();
        let index = |name: &str| t.list.iter().position(|o| o.name == name).unwrap();
        let brand = t
            .list
            .iter()
            .position(|o| o.parent.is_some())
            .expect("the table has brands");
        let parent = index(t.list[brand].parent.as_deref().unwrap());
        let got = decide(&[(parent, Evidence::Copyright), (brand, Evidence::Brand)]);
        assert_eq!(got.as_deref(), Some(t.list[brand].name.as_str()));
        let agency = t.list.iter().position(|o| o.is_agency()).unwrap();
        assert_eq!(decide(&[(agency, Evidence::Brand)]), None);
        assert!(decide(&[(agency, Evidence::Copyright)]).is_some());
    }
}
