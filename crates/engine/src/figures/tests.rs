//! Figures of the bundled corpus and of real sentences from it, pinned row by row: a new bug
//! becomes a new row.

use super::*;

/// `(expression as written, value, value_max, approx, qualifier, noun)`.
type Row<'a> = (
    &'a str,
    f64,
    Option<f64>,
    bool,
    Option<&'a str>,
    Option<&'a str>,
);

fn rows<'a>(text: &'a str, figures: &'a [Figure]) -> Vec<Row<'a>> {
    figures
        .iter()
        .map(|f| {
            (
                &text[f.start..f.end],
                f.value,
                f.value_max,
                f.approx,
                f.qualifier.as_deref(),
                f.noun.as_deref(),
            )
        })
        .collect()
}

/// The article as read from its file alone.
fn article(id: &str) -> Document {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../corpus")
        .join(format!("{id}.txt"));
    let bytes = std::fs::read(&path).expect("bundled article");
    let (doc, problems) = crate::ingest::ingest_article(id, &path.display().to_string(), &bytes);
    assert!(problems.is_empty(), "{problems:?}");
    doc.expect("article ingests")
}

const CORPUS: &[(&str, &[Row])] = &[
    (
        "000_1a0130057ecdf70e",
        &[
            (
                "1.000 Minenentschärfer",
                1000.0,
                None,
                false,
                None,
                Some("Minenentschärfer"),
            ),
            (
                "5.000 Bausoldaten",
                5000.0,
                None,
                false,
                None,
                Some("Bausoldaten"),
            ),
            (
                "11.000 Soldaten",
                11_000.0,
                None,
                false,
                None,
                Some("Soldaten"),
            ),
            (
                "3.000 zusätzliche Truppen",
                3000.0,
                None,
                false,
                None,
                Some("Truppen"),
            ),
            (
                "mindestens 6.000 Soldaten",
                6000.0,
                None,
                true,
                Some("mindestens"),
                Some("Soldaten"),
            ),
            (
                "6.000 weiteren Nordkoreanern",
                6000.0,
                None,
                false,
                None,
                Some("Nordkoreanern"),
            ),
        ],
    ),
    (
        "001_183c5145c417f8dd",
        &[
            ("zwei Länder", 2.0, None, false, None, Some("Länder")),
            (
                "12.000 Soldaten",
                12_000.0,
                None,
                false,
                None,
                Some("Soldaten"),
            ),
            // "die ersten 2000 bereits auf dem Weg": a count, not a year; its noun is not read
            // from the sentence before.
            ("2000", 2000.0, None, false, None, None),
            (
                "rund zehn Offiziere",
                10.0,
                None,
                true,
                Some("rund"),
                Some("Offiziere"),
            ),
            (
                "15.000 Nordkoreaner",
                15_000.0,
                None,
                false,
                None,
                Some("Nordkoreaner"),
            ),
            (
                "Hunderttausende ausländische Soldaten",
                100_000.0,
                None,
                true,
                None,
                Some("Soldaten"),
            ),
            (
                "1,4 Millionen junge Menschen",
                1_400_000.0,
                None,
                false,
                None,
                Some("Menschen"),
            ),
            (
                "neun größten Waffenexporteuren",
                9.0,
                None,
                false,
                None,
                Some("Waffenexporteuren"),
            ),
        ],
    ),
    (
        "002_478a906668a5264f",
        &[
            (
                "1.500 russische Touristen",
                1500.0,
                None,
                false,
                None,
                Some("Touristen"),
            ),
            (
                "rund 10.000 nordkoreanischen Soldaten",
                10_000.0,
                None,
                true,
                Some("rund"),
                Some("Soldaten"),
            ),
            (
                "20.000 Container",
                20_000.0,
                None,
                false,
                None,
                Some("Container"),
            ),
            (
                "bis zu 5,5 Milliarden US-Dollar",
                5_500_000_000.0,
                None,
                true,
                Some("bis zu"),
                Some("US-Dollar"),
            ),
            (
                "10.000 nordkoreanische Soldaten",
                10_000.0,
                None,
                false,
                None,
                Some("Soldaten"),
            ),
        ],
    ),
    (
        "003_5d34e67abcec6209",
        &[
            ("4,5 Tonnen", 4.5, None, false, None, Some("Tonnen")),
            ("17 Kilometer", 17.0, None, false, None, Some("Kilometer")),
            ("24 Jahren", 24.0, None, false, None, Some("Jahren")),
            (
                "Knapp 3000 Menschen",
                3000.0,
                None,
                true,
                Some("knapp"),
                Some("Menschen"),
            ),
            ("40 Prozent", 40.0, None, false, None, Some("Prozent")),
            (
                "1,2 Millionen Soldaten",
                1_200_000.0,
                None,
                false,
                None,
                Some("Soldaten"),
            ),
            (
                "15.000 Soldaten",
                15_000.0,
                None,
                false,
                None,
                Some("Soldaten"),
            ),
            ("5000 Tonnen", 5000.0, None, false, None, Some("Tonnen")),
        ],
    ),
    (
        "004_be1dc431d84a98b3",
        &[
            ("zwei Staaten", 2.0, None, false, None, Some("Staaten")),
            (
                "zwischen zwei und vier Millionen Koreaner",
                2_000_000.0,
                Some(4_000_000.0),
                false,
                None,
                Some("Koreaner"),
            ),
        ],
    ),
];

#[test]
fn every_figure_of_the_bundled_corpus() {
    for (id, expected) in CORPUS {
        let doc = article(id);
        let figures = extract(&doc);
        assert_eq!(rows(&doc.text, &figures), *expected, "{id}");
    }
}

#[test]
fn years_dates_ordinals_and_glued_numbers_are_not_figures() {
    // (article, text around the number, the number)
    let cases: &[(&str, &str, &str)] = &[
        ("001_183c5145c417f8dd", "im Februar 2022 Russland", "2022"),
        ("002_478a906668a5264f", "im Jahr 2024 1.500", "2024"),
        ("002_478a906668a5264f", "im Dezember 2024 20.000", "2024"),
        ("002_478a906668a5264f", "122-mm- und", "122"),
        ("002_478a906668a5264f", "152-mm-Artilleriegeschossen", "152"),
        ("002_478a906668a5264f", "Hwasong-11-Klasse", "11"),
        ("002_478a906668a5264f", "am 6. Januar", "6"),
        ("002_478a906668a5264f", "MiG-29", "29"),
        ("002_478a906668a5264f", "wurde 1977 entwickelt", "1977"),
        ("002_478a906668a5264f", "Staatsgründung 1948 vor", "1948"),
        ("002_478a906668a5264f", "Koreakrieg 1953 endeten", "1953"),
        ("002_478a906668a5264f", "im Oktober 2024 in", "2024"),
        ("003_5d34e67abcec6209", "Im Juni 2024 besuchte", "2024"),
        (
            "003_5d34e67abcec6209",
            "im Sommer 2024 überraschend",
            "2024",
        ),
        ("003_5d34e67abcec6209", "im Juli 2025.", "2025"),
        ("004_be1dc431d84a98b3", "(25. Juli)", "25"),
        ("004_be1dc431d84a98b3", "der 70. Jahrestag", "70"),
        ("004_be1dc431d84a98b3", "Corona-Pandemie 2020 soll", "2020"),
        ("004_be1dc431d84a98b3", "seit 2006 wegen", "2006"),
        ("004_be1dc431d84a98b3", "den 1950er Jahren", "1950"),
        ("004_be1dc431d84a98b3", "Der 27. Juli", "27"),
        ("004_be1dc431d84a98b3", "des 38. Breitengrads", "38"),
        ("004_be1dc431d84a98b3", "zwischen 1950 und 1953", "1950"),
        ("004_be1dc431d84a98b3", "zwischen 1950 und 1953", "1953"),
    ];
    for &(id, context, number) in cases {
        let doc = article(id);
        let at =
            doc.text.find(context).expect("context in article") + context.find(number).unwrap();
        let main = doc
            .main_blocks()
            .any(|b| (b.start as usize..b.end as usize).contains(&at));
        assert!(
            main,
            "{id}: {context:?} is not main text, so proves nothing"
        );
        let hit = extract(&doc)
            .into_iter()
            .find(|f| f.start <= at && at < f.end);
        assert_eq!(hit, None, "{id}: {number} in {context:?}");
    }
}

#[test]
fn boilerplate_yields_no_figures() {
    // 001 has "20.000 Knöllchen" only in a related-links line.
    let doc = article("001_183c5145c417f8dd");
    let line = "- Verrückter Fall: Mann in Südkorea sammelt 20.000 Knöllchen - ohne Konsequenzen";
    assert!(doc.text.contains(line));
    assert!(extract(&doc)
        .iter()
        .all(|f| f.noun.as_deref() != Some("Knöllchen")));
    // The same line as main text would count: it is the block kind that keeps it out.
    let figures = extract_text(line);
    assert_eq!(
        rows(line, &figures),
        [(
            "20.000 Knöllchen",
            20_000.0,
            None,
            false,
            None,
            Some("Knöllchen")
        )]
    );
}

#[test]
fn figures_know_their_sentence() {
    let doc = article("000_1a0130057ecdf70e");
    let figures = extract(&doc);
    let sentence = |text: &str| {
        let f = figures
            .iter()
            .find(|f| &doc.text[f.start..f.end] == text)
            .unwrap();
        &doc.text[f.sentence_start..f.sentence_end]
    };
    assert_eq!(
        sentence("mindestens 6.000 Soldaten"),
        "Zuletzt gab der britische Geheimdienst am Sonntag bekannt, dass man davon ausgehe, \
         Nordkoreas Armee hätte in der Region rund um Kursk mindestens 6.000 Soldaten verloren."
    );
    assert_eq!(
        sentence("3.000 zusätzliche Truppen"),
        "Im Frühjahr soll Pjöngjang in einer zweiten Welle 3.000 zusätzliche Truppen geschickt haben."
    );
}

/// Real sentences from the corpus, and variants of them (marked) for forms it lacks.
const SENTENCES: &[(&str, &[Row])] = &[
    (
        "Bereits im Vorjahr hat das Kim-Regime nicht nur Artillerie und Munition nach Russland entsandt, sondern auch 11.000 Soldaten.",
        &[("11.000 Soldaten", 11_000.0, None, false, None, Some("Soldaten"))],
    ),
    // Variants: thousands grouped with a space, a no-break space, a narrow no-break space.
    (
        "Bereits im Vorjahr hat das Kim-Regime nicht nur Artillerie und Munition nach Russland entsandt, sondern auch 11 000 Soldaten.",
        &[("11 000 Soldaten", 11_000.0, None, false, None, Some("Soldaten"))],
    ),
    (
        "Bereits im Vorjahr hat das Kim-Regime nicht nur Artillerie und Munition nach Russland entsandt, sondern auch 11\u{a0}000 Soldaten.",
        &[("11\u{a0}000 Soldaten", 11_000.0, None, false, None, Some("Soldaten"))],
    ),
    (
        "Mit 1\u{202f}200\u{202f}000 Soldaten hat Nordkorea eine der größten Armeen der Welt.",
        &[("1\u{202f}200\u{202f}000 Soldaten", 1_200_000.0, None, false, None, Some("Soldaten"))],
    ),
    (
        "Mit 1,2 Millionen Soldaten hat Nordkorea eine der größten Armeen der Welt.",
        &[("1,2 Millionen Soldaten", 1_200_000.0, None, false, None, Some("Soldaten"))],
    ),
    // Variants: abbreviated and article-led multipliers.
    (
        "Mit 1,2 Mio. Soldaten hat Nordkorea eine der größten Armeen der Welt.",
        &[("1,2 Mio. Soldaten", 1_200_000.0, None, false, None, Some("Soldaten"))],
    ),
    (
        "Demnach hat Nordkorea bisher eine Milliarde US-Dollar durch Waffenverkäufe mit Moskau verdient.",
        &[("eine Milliarde US-Dollar", 1e9, None, false, None, Some("US-Dollar"))],
    ),
    (
        "Demnach hat Nordkorea bisher ca. 5,5 Mrd. US-Dollar durch Waffenverkäufe mit Moskau verdient.",
        &[("ca. 5,5 Mrd. US-Dollar", 5.5e9, None, true, Some("ca."), Some("US-Dollar"))],
    ),
    (
        "Der ukrainische Geheimdienstchef sagte zuletzt, dass Nordkorea mittlerweile für 40 Prozent der von Russland eingesetzten Munition verantwortlich sei.",
        &[("40 Prozent", 40.0, None, false, None, Some("Prozent"))],
    ),
    (
        "Der ukrainische Geheimdienstchef sagte zuletzt, dass Nordkorea mittlerweile für 40 % der von Russland eingesetzten Munition verantwortlich sei.",
        &[("40 %", 40.0, None, false, None, Some("%"))],
    ),
    // Number words: before a noun or a multiplier only.
    (
        "Dort sollen nun rund zehn Offiziere vor Ort sein, um eine Basis zu sichern.",
        &[("rund zehn Offiziere", 10.0, None, true, Some("rund"), Some("Offiziere"))],
    ),
    (
        "Dort sollen nun rund zwölftausend Offiziere und dreihundertfünfzig Generäle vor Ort sein.",
        &[
            ("rund zwölftausend Offiziere", 12_000.0, None, true, Some("rund"), Some("Offiziere")),
            ("dreihundertfünfzig Generäle", 350.0, None, false, None, Some("Generäle")),
        ],
    ),
    (
        "Drei Generäle und einundzwanzig Offiziere kamen.",
        &[
            ("Drei Generäle", 3.0, None, false, None, Some("Generäle")),
            ("einundzwanzig Offiziere", 21.0, None, false, None, Some("Offiziere")),
        ],
    ),
    (
        "Nordkoreanische Soldaten haben normalerweise keine andere Wahl, als Befehle zu missachten.",
        &[],
    ),
    (
        "Dramatische Schicksale in mehr als einer Hinsicht.",
        &[],
    ),
    (
        "Im Frühjahr soll Pjöngjang in einer zweiten Welle 3.000 zusätzliche Truppen geschickt haben.",
        &[("3.000 zusätzliche Truppen", 3000.0, None, false, None, Some("Truppen"))],
    ),
    (
        "Nach offiziellen Angaben ist er nun zu einem dreitägigen Besuch im Nachbarland Nordkorea eingetroffen.",
        &[],
    ),
    (
        "Bis vor ein paar Jahren wollte sich niemand (oder fast niemand) auf die Seite des Autokraten stellen.",
        &[],
    ),
    (
        "Die Sorge, die zwei seien verbündet, ist berechtigt.",
        &[],
    ),
    // Vague plurals.
    (
        "Dafür müssten es Hunderttausende ausländische Soldaten sein.",
        &[("Hunderttausende ausländische Soldaten", 100_000.0, None, true, None, Some("Soldaten"))],
    ),
    (
        "Dafür müssten es Zehntausende sein, nicht Dutzende von Offizieren.",
        &[
            ("Zehntausende", 10_000.0, None, true, None, None),
            ("Dutzende von Offizieren", 12.0, None, true, None, Some("Offizieren")),
        ],
    ),
    // Ranges.
    (
        "In dem Krieg zwischen 1950 und 1953 sollen zwischen zwei und vier Millionen Koreaner getötet worden sein.",
        &[(
            "zwischen zwei und vier Millionen Koreaner",
            2e6,
            Some(4e6),
            false,
            None,
            Some("Koreaner"),
        )],
    ),
    (
        "Die Russen schickten 10.000 bis 12.000 Soldaten, andere sprechen von 10.000–12.000 Soldaten.",
        &[
            ("10.000 bis 12.000 Soldaten", 10_000.0, Some(12_000.0), false, None, Some("Soldaten")),
            ("10.000–12.000 Soldaten", 10_000.0, Some(12_000.0), false, None, Some("Soldaten")),
        ],
    ),
    // Years and counts side by side.
    (
        "Laut russischen Medien werden allein im Jahr 2024 1.500 russische Touristen Nordkorea besucht haben, Tendenz steigend.",
        &[("1.500 russische Touristen", 1500.0, None, false, None, Some("Touristen"))],
    ),
    (
        "Knapp 3000 Menschen könnten dadurch pro Tag den Grenzfluss überqueren.",
        &[("Knapp 3000 Menschen", 3000.0, None, true, Some("knapp"), Some("Menschen"))],
    ),
    (
        "Das soll sich jetzt ändern. Im Juni 2024 besuchte Russlands Präsident Wladimir Putin Nordkorea erstmals wieder seit 24 Jahren.",
        &[("24 Jahren", 24.0, None, false, None, Some("Jahren"))],
    ),
    // A number word with no noun after it counts what `Zahl der …` named before it (variants).
    (
        "Die Zahl der Verletzten ist am Abend auf sieben gestiegen.",
        &[("sieben", 7.0, None, false, None, None)],
    ),
    (
        "Die Behörde gab die Zahl der Opfer mit zwölf an, auf zwei Schiffen.",
        &[
            ("zwölf", 12.0, None, false, None, None),
            ("zwei Schiffen", 2.0, None, false, None, Some("Schiffen")),
        ],
    ),
    ("Auf zwei Beinen steht man besser als auf einem.", &[("zwei Beinen", 2.0, None, false, None, Some("Beinen"))]),
    ("Die Zahl stieg auf drei.", &[]),
    // Labels, times of day and scores are not quantities.
    (
        "Nach Resolution 2397 darf um 10 Uhr kein Schiff ablegen; es stand 1:0.",
        &[],
    ),
];

#[test]
fn sentences_table() {
    for (text, expected) in SENTENCES {
        let figures = extract_text(text);
        assert_eq!(rows(text, &figures), *expected, "{text:?}");
    }
}

#[test]
fn figures_serialise_for_the_snapshot_and_the_cli() {
    let doc = article("002_478a906668a5264f");
    let figures = extract(&doc);
    let bytes = bitcode::encode(&figures);
    let back: Vec<Figure> = bitcode::decode(&bytes).unwrap();
    assert_eq!(back, figures);
    let json = serde_json::to_value(&figures[3]).unwrap();
    assert_eq!(json["qualifier"], "bis zu");
    assert_eq!(json["noun"], "US-Dollar");
    assert_eq!(json["value"], 5_500_000_000.0);
}
