//! The synthetic benchmark corpus and its queries, generated reproducibly from a fixed seed.
//!
//! Articles are built from the sentences of the bundled corpus (main text only), in which
//! about a quarter of the words are swapped for words of the German word list
//! (`/usr/share/dict/ngerman`, Debian package `wngerman`). The replacement words are drawn
//! with a Zipf-like (log-uniform) rank distribution over a shuffled list, so a few words are
//! frequent and most are rare, as in real news text, and the vocabulary is large.

use std::collections::{BTreeSet, HashSet};
use std::fmt::Write as _;
use std::fs;
use std::path::Path;

use quellenlage_engine::analyze::{analyze, fold::fold, sentence::sentences, stem::stem};
use quellenlage_engine::ingest::ingest_dir;
use quellenlage_engine::BlockKind;
use serde_json::{json, Value};

use crate::Result;

/// Bump when the generated articles or queries change: the corpus is then regenerated.
pub const GENERATOR_VERSION: u32 = 2;
/// The seed of every random choice.
const SEED: u64 = 0x5155_454c_4c45_4e21;
/// Number of generated articles unless `--docs` says otherwise.
pub const DOCS: usize = 10_000;
/// Words per article: uniformly between these bounds.
const WORDS_MIN: usize = 450;
const WORDS_MAX: usize = 550;
/// Share of sentence words replaced by word-list words.
const REPLACE_RATE: f64 = 0.25;
/// Zipf offset of word-list ranks (see [`Rng::zipf`]).
const ZIPF_OFFSET: usize = 100;
/// The German word list.
pub const WORD_LIST: &str = "/usr/share/dict/ngerman";
/// The stamp file in the corpus directory (hidden, so ingest skips it).
const STAMP: &str = ".generator";
/// Fewest distinct terms the corpus must have for a realistic vocabulary.
pub const MIN_DISTINCT_TERMS: usize = 50_000;

const PLACES: [&str; 12] = [
    "Berlin",
    "Seoul",
    "Moskau",
    "Kiew",
    "Peking",
    "Tokio",
    "Washington",
    "Brüssel",
    "Hamburg",
    "München",
    "Wien",
    "Zürich",
];
const OUTLETS: [&str; 10] = [
    "taz",
    "t-online",
    "Spiegel",
    "Zeit",
    "FAZ",
    "SZ",
    "dpa",
    "Tagesschau",
    "Welt",
    "nd",
];

/// SplitMix64: a tiny, fast, well-mixed PRNG; plenty for reproducible test data.
pub struct Rng(u64);

impl Rng {
    /// A generator starting from `seed`.
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A float in `[0, 1)`.
    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    /// An index in `0..n` (`n > 0`).
    pub fn below(&mut self, n: usize) -> usize {
        (self.unit() * n as f64) as usize % n
    }

    /// A number in `lo..=hi`.
    pub fn between(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi - lo + 1)
    }

    /// A rank in `0..n`, Zipf-like: rank r has probability ~ 1/(r + [`ZIPF_OFFSET`]), i.e.
    /// `r + offset` is log-uniform. The offset keeps the most frequent word-list words at
    /// the frequency of common content words; function words come from the sentences.
    pub fn zipf(&mut self, n: usize) -> usize {
        let offset = ZIPF_OFFSET as f64;
        let span = ((n as f64 + offset) / offset).ln();
        let r = (offset * (span * self.unit()).exp() - offset) as usize;
        r.min(n - 1)
    }

    /// One element of a non-empty slice.
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    /// Shuffles in place (Fisher–Yates).
    pub fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            items.swap(i, self.below(i + 1));
        }
    }
}

/// What the generator reports about the corpus (also kept in `corpus.json`).
pub struct CorpusStats {
    /// Articles written.
    pub docs: usize,
    /// Words (analyzer tokens) in all articles.
    pub words: usize,
    /// Distinct folded terms (the analyzer's exact terms).
    pub distinct_terms: usize,
    /// Sentences taken from the bundled corpus.
    pub source_sentences: usize,
    /// Words read from the word list.
    pub word_list_words: usize,
}

/// The stamp written after a complete generation; a different one means "regenerate".
fn stamp(docs: usize) -> String {
    format!("generator {GENERATOR_VERSION} seed {SEED:#x} docs {docs}\n")
}

/// Generates `docs` articles into `bench_dir/corpus` and the queries into
/// `bench_dir/queries.json` unless both are there from this generator version. Returns the stats
/// as JSON.
pub fn ensure(root: &Path, bench_dir: &Path, docs: usize) -> Result<Value> {
    let dir = bench_dir.join("corpus");
    let stats_path = bench_dir.join("corpus.json");
    let queries_path = bench_dir.join("queries.json");
    let current = fs::read_to_string(dir.join(STAMP)).is_ok_and(|s| s == stamp(docs));
    if current && queries_path.is_file() {
        if let Ok(stats) = fs::read_to_string(&stats_path) {
            if let Ok(stats) = serde_json::from_str::<Value>(&stats) {
                eprintln!(
                    "corpus: {} is up to date (generator {GENERATOR_VERSION})",
                    dir.display()
                );
                return Ok(stats);
            }
        }
    }
    eprintln!("corpus: generating {docs} articles into {}", dir.display());
    if dir.exists() {
        fs::remove_dir_all(&dir).map_err(|e| format!("cannot remove {}: {e}", dir.display()))?;
    }
    fs::create_dir_all(&dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;

    let source = source_sentences(&root.join("corpus"))?;
    let words = WordList::read(Path::new(WORD_LIST))?;
    let mut rng = Rng::new(SEED);
    let mut articles = Vec::with_capacity(docs);
    for i in 0..docs {
        let article = article(&mut rng, &source, &words);
        let path = dir.join(format!("syn_{i:05}.txt"));
        fs::write(&path, &article).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
        articles.push(article);
    }

    let vocabulary = Vocabulary::of(&articles);
    let stats = CorpusStats {
        docs: articles.len(),
        words: vocabulary.words,
        distinct_terms: vocabulary.terms.len(),
        source_sentences: source.len(),
        word_list_words: words.nouns.len() + words.others.len(),
    };
    if stats.distinct_terms < MIN_DISTINCT_TERMS {
        return Err(format!(
            "the synthetic corpus has only {} distinct terms (want ≥ {MIN_DISTINCT_TERMS}): \
             raise REPLACE_RATE in xtask/src/bench/corpus.rs",
            stats.distinct_terms
        ));
    }
    let queries = queries(
        &mut Rng::new(SEED ^ 0x7175_6572_7973),
        &articles,
        &vocabulary,
    );
    write_json(&queries_path, &Value::Array(queries))?;
    let stats = json!({
        "generator": GENERATOR_VERSION,
        "docs": stats.docs,
        "words": stats.words,
        "distinct_terms": stats.distinct_terms,
        "source_sentences": stats.source_sentences,
        "word_list_words": stats.word_list_words,
    });
    write_json(&stats_path, &stats)?;
    // Last: only a complete corpus is ever considered up to date.
    fs::write(dir.join(STAMP), stamp(docs)).map_err(|e| format!("cannot write the stamp: {e}"))?;
    Ok(stats)
}

/// Writes pretty JSON to `path`.
pub fn write_json(path: &Path, value: &Value) -> Result {
    let text = serde_json::to_string_pretty(value).map_err(|e| e.to_string())?;
    fs::write(path, text).map_err(|e| format!("cannot write {}: {e}", path.display()))
}

/// The sentences of the bundled corpus's main text (titles excluded), at least five words
/// long, without duplicates, in corpus order.
fn source_sentences(corpus: &Path) -> Result<Vec<String>> {
    let ingested = ingest_dir(corpus);
    let mut seen = HashSet::new();
    let mut out = Vec::new();
    for doc in &ingested.docs {
        for block in doc.main_blocks() {
            if block.kind == BlockKind::Title {
                continue;
            }
            let text = doc.block_text(block);
            for (start, end) in sentences(text) {
                let sentence = text[start..end].split_whitespace().collect::<Vec<_>>();
                if sentence.len() >= 5 && seen.insert(sentence.join(" ")) {
                    out.push(sentence.join(" "));
                }
            }
        }
    }
    if out.len() < 20 {
        return Err(format!(
            "found only {} usable sentences in {}: the generator needs the bundled corpus",
            out.len(),
            corpus.display()
        ));
    }
    Ok(out)
}

/// The word list, split by capitalisation and shuffled (so Zipf ranks are random words).
struct WordList {
    /// Capitalised words (nouns and names).
    nouns: Vec<String>,
    /// Lower-case words (verbs, adjectives, …).
    others: Vec<String>,
}

impl WordList {
    fn read(path: &Path) -> Result<WordList> {
        let text = fs::read_to_string(path).map_err(|e| {
            format!(
                "cannot read the German word list {}: {e} (Debian package wngerman)",
                path.display()
            )
        })?;
        let mut nouns = Vec::new();
        let mut others = Vec::new();
        for word in text.lines().map(str::trim) {
            let letters = word.chars().count();
            if !(3..=24).contains(&letters) || !word.chars().all(char::is_alphabetic) {
                continue;
            }
            if word.starts_with(char::is_uppercase) {
                nouns.push(word.to_owned());
            } else {
                others.push(word.to_owned());
            }
        }
        let mut rng = Rng::new(SEED ^ 0x0077_6f72_6473);
        rng.shuffle(&mut nouns);
        rng.shuffle(&mut others);
        if nouns.len() < 1000 || others.len() < 1000 {
            return Err(format!("{} has too few words", path.display()));
        }
        Ok(WordList { nouns, others })
    }
}

/// One article: header line with date, place, outlet and title, then paragraphs.
fn article(rng: &mut Rng, source: &[String], words: &WordList) -> String {
    let mut text = String::new();
    let year = rng.between(2015, 2025);
    let month = rng.between(1, 12);
    let place = rng.pick(&PLACES);
    let outlet = rng.pick(&OUTLETS);
    let title = title(rng, source, words);
    let _ = write!(
        text,
        " date {year}-{month:02} {place} {outlet} | {title}\n\n"
    );
    let target = rng.between(WORDS_MIN, WORDS_MAX);
    let mut count = title.split_whitespace().count();
    while count < target {
        let sentences = rng.between(3, 6);
        let mut paragraph = Vec::new();
        for _ in 0..sentences {
            let original: &String = rng.pick(source);
            let sentence = mutate(rng, original, words);
            count += sentence.split_whitespace().count();
            paragraph.push(sentence);
            if count >= target {
                break;
            }
        }
        text.push_str(&paragraph.join(" "));
        text.push_str("\n\n");
    }
    text
}

/// A headline: the first words of a mutated sentence, without sentence punctuation or a
/// dateline.
fn title(rng: &mut Rng, source: &[String], words: &WordList) -> String {
    loop {
        let original: &String = rng.pick(source);
        let sentence = mutate(rng, original, words);
        let wanted = rng.between(4, 9);
        let title: Vec<&str> = sentence
            .split_whitespace()
            .take_while(|w| !w.contains(['.', '!', '?', ':', ';', '"', '„', '“']))
            .take(wanted)
            .collect();
        // `Pjöngjang – Russland …` reads as a dateline, not as a headline.
        if title.len() >= 3 && !title.contains(&"–") {
            return title
                .join(" ")
                .trim_end_matches(|c: char| !c.is_alphanumeric())
                .to_owned();
        }
    }
}

/// Replaces about [`REPLACE_RATE`] of the words of `sentence` (not the first) by word-list
/// words of the same capitalisation; punctuation around the words stays.
fn mutate(rng: &mut Rng, sentence: &str, words: &WordList) -> String {
    let mut out = Vec::new();
    for (i, token) in sentence.split_whitespace().enumerate() {
        let start = token.find(char::is_alphabetic);
        let end = token
            .rfind(char::is_alphabetic)
            .map(|e| e + token[e..].chars().next().map_or(1, char::len_utf8));
        let (Some(start), Some(end)) = (start, end) else {
            out.push(token.to_owned());
            continue;
        };
        let core = &token[start..end];
        let plain = core.chars().count() >= 3 && core.chars().all(char::is_alphabetic);
        if i == 0 || !plain || rng.unit() >= REPLACE_RATE {
            out.push(token.to_owned());
            continue;
        }
        let list = if core.starts_with(char::is_uppercase) {
            &words.nouns
        } else {
            &words.others
        };
        let replacement = &list[rng.zipf(list.len())];
        out.push(format!("{}{replacement}{}", &token[..start], &token[end..]));
    }
    out.join(" ")
}

/// The terms of the generated articles, as the engine's analyzer sees them.
struct Vocabulary {
    /// Distinct folded terms.
    terms: HashSet<String>,
    /// Stems of those terms (a typo must not match any: the engine would not correct it).
    stems: HashSet<String>,
    /// Capitalised surface words (for compound tails: `Versuch` in `Mordversuch`).
    nouns: BTreeSet<String>,
    /// Token count.
    words: usize,
}

impl Vocabulary {
    fn of(articles: &[String]) -> Vocabulary {
        let mut terms = HashSet::new();
        let mut surfaces = HashSet::new();
        let mut words = 0;
        for article in articles {
            for token in analyze(article, 0).0 {
                if token.whole {
                    continue;
                }
                words += 1;
                surfaces.insert(&article[token.start..token.end]);
                terms.insert(token.term);
            }
        }
        // Stemmed as the index stems them: the surface form, not the folded term.
        let stems = surfaces.iter().map(|w| stem(w)).collect();
        let nouns = surfaces
            .into_iter()
            .filter(|w| w.starts_with(char::is_uppercase) && w.chars().all(char::is_alphabetic))
            .map(str::to_owned)
            .collect();
        Vocabulary {
            terms,
            stems,
            nouns,
            words,
        }
    }

    /// Whether the engine would take `word` as known (exact, stem or genitive match), so
    /// that it would not treat it as a typo.
    fn knows(&self, word: &str) -> bool {
        let genitive = word
            .strip_suffix('s')
            .is_some_and(|base| base.chars().count() >= 4 && self.stems.contains(&stem(base)));
        self.terms.contains(&fold(word)) || self.stems.contains(&stem(word)) || genitive
    }
}

/// The words of a random sentence of a random article (header excluded), as written.
fn sentence_words<'a>(rng: &mut Rng, articles: &'a [String]) -> Vec<&'a str> {
    let article = rng.pick(articles);
    let body = article.split_once("\n\n").map_or("", |(_, body)| body);
    let spans = sentences(body);
    let (start, end) = *rng.pick(&spans);
    body[start..end]
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty())
        .collect()
}

/// A content word (≥ `min` letters, letters only) of a random sentence.
fn content_word<'a>(rng: &mut Rng, articles: &'a [String], min: usize) -> &'a str {
    loop {
        let words = sentence_words(rng, articles);
        let candidates: Vec<&str> = words
            .into_iter()
            .filter(|w| w.chars().count() >= min && w.chars().all(char::is_alphabetic))
            .collect();
        if !candidates.is_empty() {
            return candidates[rng.below(candidates.len())];
        }
    }
}

/// One benchmark query for both engines.
fn query(kind: &str, quellenlage: String, typing: bool, minisearch: String, and: bool) -> Value {
    json!({
        "kind": kind,
        "quellenlage": quellenlage,
        "quellenlage_typing": typing,
        "minisearch": minisearch,
        "minisearch_and": and,
    })
}

/// The 50 queries: 10 single words, 10 two-word ANDs, 10 phrases, 10 typos, 5 prefixes and
/// 5 compound tails, all drawn from the generated text so that they match something.
fn queries(rng: &mut Rng, articles: &[String], vocabulary: &Vocabulary) -> Vec<Value> {
    let mut out = Vec::new();
    for _ in 0..10 {
        let word = content_word(rng, articles, 5).to_owned();
        out.push(query("single", word.clone(), false, word, false));
    }
    for _ in 0..10 {
        let article = std::slice::from_ref(rng.pick(articles));
        let a = content_word(rng, article, 5);
        let b = loop {
            let b = content_word(rng, article, 5);
            if fold(b) != fold(a) {
                break b;
            }
        };
        let both = format!("{a} {b}");
        out.push(query("and", both.clone(), false, both, true));
    }
    for _ in 0..10 {
        let words = loop {
            let words = sentence_words(rng, articles);
            let len = rng.between(2, 3);
            if words.len() > len {
                let start = rng.below(words.len() - len);
                break words[start..start + len].join(" ");
            }
        };
        out.push(query("phrase", format!("\"{words}\""), false, words, true));
    }
    for _ in 0..10 {
        let typo = loop {
            let word = content_word(rng, articles, 6);
            let typo = misspell(rng, word);
            if !vocabulary.knows(&typo) {
                break typo;
            }
        };
        out.push(query("typo", typo.clone(), false, typo, false));
    }
    for _ in 0..5 {
        let word = content_word(rng, articles, 9);
        let prefix: String = word.chars().take(rng.between(4, 5)).collect();
        out.push(query("prefix", prefix.clone(), true, prefix, false));
    }
    let nouns: Vec<&String> = vocabulary
        .nouns
        .iter()
        .filter(|w| w.chars().count() >= 10)
        .collect();
    let mut tails = 0;
    while tails < 5 {
        let word: Vec<char> = rng.pick(&nouns).chars().collect();
        // The shortest tail (≥ 5 letters, ≥ 4 letters of head) that is itself a noun.
        let tail = (4..word.len().saturating_sub(4)).rev().find_map(|i| {
            let rest: String = word[i..].iter().collect();
            let mut chars = rest.chars();
            let first = chars.next()?;
            let noun: String = first.to_uppercase().chain(chars).collect();
            vocabulary.nouns.contains(&noun).then_some(noun)
        });
        if let Some(tail) = tail {
            out.push(query("compound_tail", tail.clone(), false, tail, false));
            tails += 1;
        }
    }
    out
}

/// One spelling mistake inside `word` (first letter kept): a swap of neighbours, a dropped
/// letter or a changed letter.
fn misspell(rng: &mut Rng, word: &str) -> String {
    let mut chars: Vec<char> = word.chars().collect();
    let i = rng.between(1, chars.len() - 2);
    match rng.below(3) {
        0 => chars.swap(i, i + 1),
        1 => {
            chars.remove(i);
        }
        _ => {
            let letters = ['a', 'e', 'i', 'o', 'u', 'n', 'r', 's', 't', 'l'];
            let mut c = *rng.pick(&letters);
            if c == chars[i] {
                c = 'k';
            }
            chars[i] = c;
        }
    }
    chars.into_iter().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_generator_is_reproducible_and_in_range() {
        let mut a = Rng::new(7);
        let mut b = Rng::new(7);
        for _ in 0..1000 {
            assert_eq!(a.next_u64(), b.next_u64());
            let x = a.unit();
            assert!((0.0..1.0).contains(&x));
            assert!(a.below(10) < 10);
            assert!(a.zipf(5) < 5);
            b.unit();
            b.below(10);
            b.zipf(5);
        }
        let ranks: Vec<usize> = (0..10_000).map(|_| a.zipf(100_000)).collect();
        let top = ranks.iter().filter(|&&r| r < 10).count();
        let tail = ranks.iter().filter(|&&r| r >= 99_990).count();
        assert!(top > 50 && top > 10 * tail, "Zipf-like: {top} vs {tail}");
    }

    #[test]
    fn mutation_keeps_punctuation_and_the_first_word() {
        let words = WordList {
            nouns: vec!["Haus".into()],
            others: vec!["gehen".into()],
        };
        let mut rng = Rng::new(1);
        for _ in 0..50 {
            let out = mutate(&mut rng, "Kim traf Putin, sagte er „heute“.", &words);
            assert!(out.starts_with("Kim "), "{out}");
            assert!(out.ends_with("“."), "{out}");
            assert_eq!(out.split_whitespace().count(), 6, "{out}");
        }
    }

    #[test]
    fn misspellings_differ_and_keep_the_first_letter() {
        let mut rng = Rng::new(3);
        for _ in 0..100 {
            let typo = misspell(&mut rng, "Regierung");
            assert_ne!(typo, "Regierung");
            assert!(typo.starts_with('R'));
        }
    }
}
