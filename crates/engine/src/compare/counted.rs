//! What a figure counts, for putting the same fact of several articles in one row.
//!
//! Nouns that mean the same thing share a group ([`GROUPS`], the one table of them):
//! `Tote`/`Todesopfer`, `Teilnehmer`/`Demonstranten`, `Stellen`/`Jobs`/`Arbeitsplätze`… A group
//! may lie within a broader one (`Teilnehmer` within `Menschen`), so a generic noun meets the
//! specific ones (`160.000 Menschen` and `150.000 Teilnehmer`) but two specific ones of
//! different groups never do (`Tote` and `Teilnehmer`). Gendered forms count as the noun
//! (`Helferinnen`, `Soldat*innen`), and marked words also as the last part of a compound
//! (`Gegendemonstranten`; not `Bausoldaten`, which are soldiers of a kind of their own).
//!
//! The figure's own clause can say more than its noun: `19 Menschen kamen ums Leben` counts
//! dead, as does `die Zahl der Toten … mit 212` without any noun after the number.
//! Unknown nouns are their own group, by stem.

use super::clause::Token;
use crate::analyze::fold::fold;
use crate::analyze::stem::stem;
use std::collections::HashMap;
use std::sync::OnceLock;

/// A group of counted nouns that mean the same: its label, the broader group it lies within,
/// and its words as written (a leading `*` marks a word that also counts as a compound's last
/// part: `*Demonstranten` covers `Gegendemonstranten`).
pub struct Group {
    /// The name shown for the row.
    pub label: &'static str,
    /// The label of the broader group, if any.
    pub within: Option<&'static str>,
    /// Singular, plural and inflected forms (stems are compared too).
    pub words: &'static [&'static str],
}

/// The synonym groups.
pub const GROUPS: &[Group] = &[
    Group {
        label: "Menschen",
        within: None,
        words: &["Menschen", "Mensch", "Personen", "Person", "Leute"],
    },
    Group {
        label: "Teilnehmer",
        within: Some("Menschen"),
        words: &[
            "*Teilnehmer",
            "Teilnehmende",
            "Teilnehmenden",
            "*Demonstranten",
            "Demonstrant",
            "Demonstrierende",
            "Demonstrierenden",
            "Protestierende",
            "Protestierenden",
        ],
    },
    Group {
        label: "Tote",
        within: Some("Menschen"),
        words: &[
            "Tote",
            "Toten",
            "*Todesopfer",
            "Todesfälle",
            "Todesfällen",
            "Todesfall",
            "Getötete",
            "Getöteten",
            "Verstorbene",
            "Verstorbenen",
        ],
    },
    Group {
        label: "Verletzte",
        within: Some("Menschen"),
        words: &["*Verletzte", "*Verletzten", "Verwundete", "Verwundeten"],
    },
    Group {
        label: "Beschäftigte",
        within: Some("Menschen"),
        words: &[
            "*Beschäftigte",
            "*Beschäftigten",
            "*Mitarbeiter",
            "*Mitarbeitende",
            "*Mitarbeitenden",
            "*Angestellte",
            "*Angestellten",
            "*Arbeitnehmer",
            "Arbeitnehmende",
            "Arbeiter",
            "*Arbeitskräfte",
        ],
    },
    Group {
        label: "Streikende",
        within: Some("Beschäftigte"),
        words: &["Streikende", "Streikenden"],
    },
    Group {
        label: "Bewohner",
        within: Some("Menschen"),
        words: &["Bewohner", "Einwohner", "Anwohner"],
    },
    Group {
        label: "Einsatzkräfte",
        within: Some("Menschen"),
        words: &[
            "*Einsatzkräfte",
            "*Einsatzkräften",
            "Einsatzkraft",
            "Helfer",
            "Helfende",
            "Helfenden",
            "*Rettungskräfte",
            "*Rettungskräften",
            "*Hilfskräfte",
            "*Hilfskräften",
        ],
    },
    Group {
        label: "Polizisten",
        within: Some("Einsatzkräfte"),
        words: &[
            "Polizisten",
            "Polizist",
            "Polizeibeamte",
            "Polizeibeamten",
            "Beamte",
            "Beamten",
            "*Polizeikräfte",
            "*Polizeikräften",
        ],
    },
    Group {
        label: "Feuerwehrleute",
        within: Some("Einsatzkräfte"),
        words: &[
            "Feuerwehrleute",
            "Feuerwehrleuten",
            "Feuerwehrkräfte",
            "Feuerwehrmänner",
        ],
    },
    Group {
        label: "Soldaten",
        within: None,
        words: &[
            // No compounds: `Bausoldaten`, `Zeitsoldaten` are soldiers of a kind of their own.
            "Soldaten",
            "Soldat",
            "Truppen",
            "Truppe",
            "Mann",
            "Infanteristen",
            "Kämpfer",
            "Streitkräfte",
            "Streitkraft",
        ],
    },
    Group {
        label: "Häftlinge",
        within: Some("Menschen"),
        words: &[
            "*Häftlinge",
            "Häftling",
            "*Gefangene",
            "*Gefangenen",
            "Inhaftierte",
            "Inhaftierten",
        ],
    },
    Group {
        label: "Geiseln",
        within: Some("Menschen"),
        words: &[
            "Geiseln",
            "Geisel",
            "Verschleppte",
            "Verschleppten",
            "Entführte",
            "Entführten",
        ],
    },
    Group {
        label: "Flüchtlinge",
        within: Some("Menschen"),
        words: &[
            "Flüchtlinge",
            "Flüchtlingen",
            "Geflüchtete",
            "Geflüchteten",
            "Vertriebene",
            "Vertriebenen",
        ],
    },
    Group {
        label: "Stellen",
        within: None,
        words: &[
            "Stellen",
            "Stelle",
            "Vollzeitstellen",
            "Jobs",
            "Job",
            "*Arbeitsplätze",
            "*Arbeitsplätzen",
            "Arbeitsplatz",
        ],
    },
    Group {
        label: "Fahrzeuge",
        within: None,
        words: &["*Fahrzeuge", "Fahrzeug", "*Autos", "Auto", "Pkw", "Wagen"],
    },
    Group {
        label: "Euro",
        within: None,
        words: &["Euro", "EUR", "€"],
    },
    Group {
        label: "US-Dollar",
        within: None,
        words: &["US-Dollar", "Dollar", "USD", "$"],
    },
    Group {
        label: "Franken",
        within: None,
        words: &["Franken", "CHF"],
    },
    Group {
        label: "Prozent",
        within: None,
        words: &["Prozent", "%"],
    },
    Group {
        label: "Kilometer",
        within: None,
        words: &["Kilometer", "Kilometern", "km"],
    },
    Group {
        label: "Meter",
        within: None,
        words: &["Meter", "Metern"],
    },
    Group {
        label: "Tonnen",
        within: None,
        words: &["Tonnen", "Tonne"],
    },
];

/// Words of a figure's clause that say it counts the dead (`ums Leben gekommen`, `getötet`,
/// `starben`), lower-case.
const DEATH_WORDS: &[&str] = &[
    "getötet",
    "starben",
    "gestorben",
    "umgekommen",
    "tot",
    "getöteten",
    "verstorben",
];
/// Words that say it counts the injured.
const INJURY_WORDS: &[&str] = &["verletzt", "verwundet", "schwerverletzt"];
/// What a figure counts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Counted {
    /// A group of [`GROUPS`] (its index).
    Group(usize),
    /// A noun in no group, by its folded stem.
    Noun(String),
}

impl Counted {
    /// The row label: the group's label, or `None` for a noun in no group.
    pub fn label(&self) -> Option<&'static str> {
        match self {
            Counted::Group(g) => Some(GROUPS[*g].label),
            Counted::Noun(_) => None,
        }
    }

    /// Whether two figures may count the same thing: the same group or noun, or one group
    /// within the other.
    pub fn meets(&self, other: &Counted) -> bool {
        match (self, other) {
            (Counted::Group(a), Counted::Group(b)) => within(*a, *b) || within(*b, *a),
            (a, b) => a == b,
        }
    }

    /// The narrower of two that meet.
    pub fn narrower(self, other: Counted) -> Counted {
        match (&self, &other) {
            (Counted::Group(a), Counted::Group(b)) if within(*b, *a) && a != b => other,
            _ => self,
        }
    }
}

/// Whether group `a` is `b` or lies within it.
fn within(a: usize, b: usize) -> bool {
    let mut at = Some(a);
    while let Some(g) = at {
        if g == b {
            return true;
        }
        at = GROUPS[g]
            .within
            .and_then(|label| GROUPS.iter().position(|x| x.label == label));
    }
    false
}

fn group(label: &str) -> Option<usize> {
    GROUPS.iter().position(|g| g.label == label)
}

/// The noun without a gender ending: `Helferinnen`, `Soldat*innen`, `LehrerInnen` → the base.
fn ungendered(noun: &str) -> &str {
    for ending in ["*innen", ":innen", "_innen", "Innen", "*in", ":in"] {
        if let Some(base) = noun.strip_suffix(ending) {
            return base;
        }
    }
    match noun.strip_suffix("innen") {
        Some(base) if base.chars().count() >= 4 => base,
        _ => noun,
    }
}

/// The table's words folded and stemmed, once: (folded or stemmed form → group), and the
/// folded compound heads with their groups.
struct Index {
    forms: HashMap<String, usize>,
    heads: Vec<(String, usize)>,
}

fn index() -> &'static Index {
    static INDEX: OnceLock<Index> = OnceLock::new();
    INDEX.get_or_init(|| {
        let mut forms = HashMap::new();
        let mut heads = Vec::new();
        for (g, group) in GROUPS.iter().enumerate() {
            for w in group.words {
                let marked = w.starts_with('*');
                let w = w.trim_start_matches('*');
                forms.entry(fold(w)).or_insert(g);
                forms.entry(format!("~{}", stem(w))).or_insert(g);
                if marked {
                    heads.push((fold(w), g));
                }
            }
        }
        Index { forms, heads }
    })
}

/// Whether a noun is in a group only as a compound's last part (`Bausoldaten`), so that a row
/// of it alone keeps the noun as its label.
pub fn is_compound(noun: &str) -> bool {
    let base = ungendered(noun);
    let index = index();
    !index.forms.contains_key(&fold(base))
        && !index.forms.contains_key(&format!("~{}", stem(base)))
        && group_of_noun(noun).is_some()
}

/// The group of a counted noun, by form, by stem, or as a compound's last part.
pub fn group_of_noun(noun: &str) -> Option<usize> {
    let base = ungendered(noun);
    let folded = fold(base);
    let index = index();
    index
        .forms
        .get(&folded)
        .or_else(|| index.forms.get(&format!("~{}", stem(base))))
        .copied()
        .or_else(|| {
            index
                .heads
                .iter()
                .find(|(h, _)| folded.len() >= h.len() + 3 && folded.ends_with(h.as_str()))
                .map(|&(_, g)| g)
        })
}

/// What the figure counts, from its noun (`None` without one) and the words of its own clause;
/// `after` is the index of the first clause word after the number.
pub fn counted(noun: Option<&str>, clause: &[Token], after: usize) -> Option<Counted> {
    let lower: Vec<String> = clause.iter().map(Token::lower).collect();
    let has = |list: &[&str]| lower.iter().any(|w| list.contains(&w.as_str()));
    let dead = has(DEATH_WORDS) || lower.windows(2).any(|w| w[0] == "ums" && w[1] == "leben");
    let from_clause = if dead {
        group("Tote")
    } else if has(INJURY_WORDS) {
        group("Verletzte")
    } else {
        None
    };
    let Some(noun) = noun else {
        // No noun: `die Zahl der Toten … mit 212`, a partitive (`91 der … Verschleppten`,
        // `drei der Verletzten`), or what the clause says.
        let named = lower
            .windows(3)
            .position(|w| w[0] == "zahl" && matches!(w[1].as_str(), "der" | "von"))
            .and_then(|at| clause[at + 2..].iter().find(|t| t.is_capitalised()))
            .and_then(|t| group_of_noun(t.text));
        let partitive = lower
            .get(after)
            .filter(|w| matches!(w.as_str(), "der" | "von"))
            .and_then(|_| {
                clause
                    .iter()
                    .skip(after + 1)
                    .take(6)
                    .filter(|t| t.is_capitalised())
                    .find_map(|t| group_of_noun(t.text))
            });
        return named.or(partitive).or(from_clause).map(Counted::Group);
    };
    match group_of_noun(noun) {
        // A generic noun (`Menschen`) takes the clause's narrower meaning.
        Some(g) => match from_clause {
            Some(c) if within(c, g) => Some(Counted::Group(c)),
            _ => Some(Counted::Group(g)),
        },
        None => Some(Counted::Noun(stem(ungendered(noun)))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compare::clause::tokens;

    fn of(noun: Option<&str>, clause: &str) -> Option<String> {
        let words = tokens(clause, 0, clause.len());
        // The number is the first word written with digits or a number word.
        let number = words
            .iter()
            .position(|w| {
                w.is_number() || crate::figures::numerals::parse_number_word(w.text).is_some()
            })
            .unwrap_or(0);
        counted(noun, &words, number + 1).map(|c| match c {
            Counted::Group(g) => GROUPS[g].label.to_string(),
            Counted::Noun(n) => format!("~{n}"),
        })
    }

    #[test]
    fn nouns_and_clauses_name_what_is_counted() {
        let cases: &[(Option<&str>, &str, Option<&str>)] = &[
            (
                Some("Teilnehmern"),
                "sprach von 3.000 Teilnehmern",
                Some("Teilnehmer"),
            ),
            (
                Some("Teilnehmerinnen"),
                "von 3.000 Teilnehmerinnen",
                Some("Teilnehmer"),
            ),
            (
                Some("Demonstrierende"),
                "rund 500 Demonstrierende",
                Some("Teilnehmer"),
            ),
            (
                Some("Gegendemonstranten"),
                "knapp 80 Gegendemonstranten",
                Some("Teilnehmer"),
            ),
            (
                Some("Menschen"),
                "rund 900 Menschen zogen durch die Stadt",
                Some("Menschen"),
            ),
            (
                Some("Menschen"),
                "kamen dabei 7 Menschen ums Leben",
                Some("Tote"),
            ),
            (Some("Menschen"), "wurden 3 Menschen getötet", Some("Tote")),
            (
                Some("Personen"),
                "zwei Personen wurden verletzt",
                Some("Verletzte"),
            ),
            (Some("Todesopfer"), "zählt 120 Todesopfer", Some("Tote")),
            (None, "gab die Zahl der Toten mit 212 an", Some("Tote")),
            (None, "starben mindestens 40", Some("Tote")),
            (None, "waren es noch 300", None),
            (
                None,
                "sind noch 91 der im Mai Verschleppten in Haft",
                Some("Geiseln"),
            ),
            (None, "91 der 120 Schüler", None),
            (Some("Jobs"), "sollen 2.000 Jobs wegfallen", Some("Stellen")),
            (
                Some("Arbeitsplätze"),
                "2.000 Arbeitsplätze",
                Some("Stellen"),
            ),
            (
                Some("Mitarbeitende"),
                "etwa 500 Mitarbeitende",
                Some("Beschäftigte"),
            ),
            (
                Some("Helferinnen"),
                "rund 600 Helferinnen und Helfer",
                Some("Einsatzkräfte"),
            ),
            (
                Some("Soldatinnen"),
                "rund 250 Soldatinnen und Soldaten",
                Some("Soldaten"),
            ),
            (Some("Bausoldaten"), "5.000 Bausoldaten", Some("~bausoldat")),
            (
                Some("Kundgebungsteilnehmer"),
                "500 Kundgebungsteilnehmer",
                Some("Teilnehmer"),
            ),
            (
                Some("Gefangene"),
                "2.000 palästinensische Gefangene",
                Some("Häftlinge"),
            ),
            (Some("Autos"), "700.000 Autos", Some("Fahrzeuge")),
            (Some("Dollar"), "5 Milliarden Dollar", Some("US-Dollar")),
            // Freed, but whether prisoners or hostages the noun does not say.
            (
                Some("Frauen"),
                "sollen drei Frauen freikommen",
                Some("~frau"),
            ),
            // Not a job: a building site is no `Stelle` of work.
            (Some("Baustellen"), "an 40 Baustellen", Some("~baustell")),
            (Some("Container"), "1.000 Container", Some("~contain")),
        ];
        for (noun, clause, expected) in cases {
            assert_eq!(
                of(*noun, clause).as_deref(),
                *expected,
                "{noun:?} in {clause}"
            );
        }
    }

    #[test]
    fn generic_groups_meet_specific_ones_but_siblings_do_not() {
        let g = |l: &str| Counted::Group(group(l).unwrap());
        assert!(g("Menschen").meets(&g("Teilnehmer")));
        assert!(g("Tote").meets(&g("Menschen")));
        assert!(g("Einsatzkräfte").meets(&g("Polizisten")));
        assert!(g("Menschen").meets(&g("Polizisten")));
        assert!(!g("Tote").meets(&g("Teilnehmer")));
        assert!(!g("Polizisten").meets(&g("Feuerwehrleute")));
        assert!(!g("Soldaten").meets(&g("Menschen")));
        assert_eq!(g("Menschen").narrower(g("Tote")), g("Tote"));
        assert_eq!(g("Tote").narrower(g("Menschen")), g("Tote"));
        assert!(Counted::Noun("contain".into()).meets(&Counted::Noun("contain".into())));
        assert!(is_compound("Gegendemonstranten"));
        assert!(!is_compound("Demonstranten") && !is_compound("Bausoldaten"));
    }
}
