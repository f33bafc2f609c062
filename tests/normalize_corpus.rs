//! The Thai normaliser against real curriculum text: clean text must pass unchanged, text
//! broken the way PDF copies break it must come back as the original, and normalising must
//! be idempotent. The dictionary is PyThaiNLP's word list (`data/thai/words_th.txt`),
//! normalised with the same character rules as the input.
//!
//! Breakages deliberately kept out of `tests/data/pdf_broken.tsv`, because they cannot be
//! repaired safely (each was checked to fail, not assumed to):
//!
//! - A displaced mark that lands right before a *real* space: `หาผลคูณ ผลหาร` copied as
//!   `หาผลคณู ผลหาร` comes back as `หาผลคูณผลหาร`. The copy's artefact space and the real one
//!   are the same single space, so the repair removes it; the words are right, the space is
//!   lost (harmless for segmenting Thai, which does not rely on spaces).
//! - A displacement whose broken form is itself in the dictionary: `โดยใช้การมดี อกเป็นเกณฑ์`
//!   (for `การมีดอก`) stays, because words_th.txt lists `มดี`, and `อธิบายวัฏจักรหนิ จากแบบจำลอง`
//!   stays because it lists `หนิ`. Both readings are words, so keeping the space is the only
//!   safe choice.
//! - Typos inside words_th.txt: it lists `วสัดุ`, so `และการนำไฟฟา้ ของวสั ดุ โดยใชห้ ...` comes
//!   back with `ของวสัดุ` rather than `ของวัสดุ`.
//! - A line break right after a displaced mark (`หลักสตู\nร`): line breaks are structure and
//!   are never removed by the dictionary rules, so the mark is not repaired across it.
//! - The copy's space before punctuation: `การพดู /การเขียน` becomes `การพูด /การเขียน`; the
//!   mark is repaired, but nothing tells the space before `/` from a real one.

use std::collections::HashSet;
use std::sync::OnceLock;

use sapan::text::normalize::{normalize, normalize_chars, normalize_with};

const CORPUS: &str = include_str!("data/pdf_broken.tsv");

fn dictionary() -> &'static HashSet<String> {
    static WORDS: OnceLock<HashSet<String>> = OnceLock::new();
    WORDS.get_or_init(|| {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/data/thai/words_th.txt");
        std::fs::read_to_string(path)
            .expect("data/thai/words_th.txt is readable")
            .lines()
            .filter(|line| !line.is_empty())
            .map(normalize_chars)
            .collect()
    })
}

fn is_word(word: &str) -> bool {
    dictionary().contains(word)
}

/// The `text` field of every line of a curriculum JSONL file.
fn curriculum_texts(file: &str) -> Vec<String> {
    let path = format!("{}/data/curriculum/{file}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{path}: {e}"))
        .lines()
        .map(|line| {
            let value: serde_json::Value = serde_json::from_str(line).expect("valid JSON");
            value["text"].as_str().expect("a text field").to_string()
        })
        .collect()
}

fn indicator_texts() -> Vec<String> {
    curriculum_texts("indicators_2551_p4-6.jsonl")
}

fn core_content_texts() -> Vec<String> {
    curriculum_texts("core_content_2551_p4-6.jsonl")
}

/// One line of the broken corpus.
struct Case {
    line: usize,
    broken: String,
    expected: String,
    what: String,
}

fn corpus() -> Vec<Case> {
    CORPUS
        .lines()
        .enumerate()
        .filter(|(_, line)| !line.starts_with('#') && !line.is_empty())
        .map(|(i, line)| {
            let fields: Vec<&str> = line.split('\t').collect();
            assert_eq!(fields.len(), 3, "pdf_broken.tsv line {}: {line:?}", i + 1);
            Case {
                line: i + 1,
                broken: unescape(fields[0]),
                expected: unescape(fields[1]),
                what: fields[2].to_string(),
            }
        })
        .collect()
}

/// Undoes the corpus escapes: `\n`, `\r`, `\t`, `\\` and `\u{XXXX}`.
fn unescape(field: &str) -> String {
    let mut out = String::new();
    let mut chars = field.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n') => out.push('\n'),
            Some('r') => out.push('\r'),
            Some('t') => out.push('\t'),
            Some('\\') => out.push('\\'),
            Some('u') => {
                let hex: String = chars.by_ref().skip(1).take_while(|&h| h != '}').collect();
                let code = u32::from_str_radix(&hex, 16).expect("hex escape");
                out.push(char::from_u32(code).expect("a scalar value"));
            }
            other => panic!("unknown escape \\{other:?} in {field:?}"),
        }
    }
    out
}

#[test]
fn clean_curriculum_text_passes_unchanged() {
    let mut changed = Vec::new();
    let indicators = indicator_texts();
    let content = core_content_texts();
    assert_eq!(indicators.len(), 582);
    assert_eq!(content.len(), 1336);
    // Both the plain word list and the shipped normaliser (word list + curriculum lexicon).
    for text in indicators.iter().chain(&content) {
        for normal in [normalize_with(text, &is_word), normalize(text)] {
            if &normal != text {
                changed.push(format!("{text:?}\n  -> {normal:?}"));
            }
        }
    }
    assert!(changed.is_empty(), "changed:\n{}", changed.join("\n"));
}

#[test]
fn broken_pdf_copies_are_repaired() {
    let cases = corpus();
    assert!(cases.len() >= 40, "only {} corpus lines", cases.len());
    let indicators = indicator_texts();
    let mut failures = Vec::new();
    for case in &cases {
        assert!(
            indicators.iter().any(|t| t.contains(&case.expected)),
            "line {}: expected side is not indicator text: {:?}",
            case.line,
            case.expected
        );
        assert_ne!(
            case.broken, case.expected,
            "line {}: nothing broken",
            case.line
        );
        for repaired in [
            normalize_with(&case.broken, &is_word),
            normalize(&case.broken),
        ] {
            if repaired != case.expected {
                failures.push(format!(
                    "line {} ({}): {:?}\n  -> {repaired:?}\n  expected {:?}",
                    case.line, case.what, case.broken, case.expected
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn normalising_twice_changes_nothing() {
    let texts = indicator_texts()
        .into_iter()
        .chain(core_content_texts())
        .chain(corpus().into_iter().flat_map(|c| [c.broken, c.expected]));
    for text in texts {
        let once = normalize_with(&text, &is_word);
        assert_eq!(normalize_with(&once, &is_word), once, "{text:?}");
        let chars = normalize_chars(&text);
        assert_eq!(normalize_chars(&chars), chars, "{text:?}");
        let plain = normalize(&text);
        assert_eq!(normalize(&plain), plain, "{text:?}");
    }
}

#[test]
fn character_rules_alone_repair_what_needs_no_dictionary() {
    // Without a dictionary only character evidence counts; these need nothing else.
    for (broken, expected) in [
        ("ผเู้ รียน", "ผู้เรียน"),
        ("สาํ คญั", "สำคัญ"),
        ("การจดั การเรียนรู้", "การจัดการเรียนรู้"),
        ("ท่ี\u{200B}ใช้", "ที่ใช้"),
    ] {
        assert_eq!(normalize(broken), expected);
    }
    assert_eq!(normalize_with("หลกั สตู ร", &is_word), "หลักสูตร");
}

/// A deterministic xorshift generator, so a failure can be replayed.
struct Xorshift(u64);

impl Xorshift {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[(self.next() % items.len() as u64) as usize]
    }
}

#[test]
fn arbitrary_input_does_not_panic() {
    // Thai letters and marks, the characters the rules treat specially, and some others.
    let alphabet: Vec<char> = ('\u{0E01}'..='\u{0E5B}')
        .chain([
            ' ', ' ', ' ', '\n', '\r', '\t', '\u{00A0}', '\u{200B}', '\u{FEFF}',
        ])
        .chain(['a', '1', '.', 'é', '\u{0301}', '😀'])
        .collect();
    let mut random = Xorshift(0x5A9A_2551);
    for _ in 0..3000 {
        let len = (random.next() % 40) as usize;
        let text: String = (0..len).map(|_| *random.pick(&alphabet)).collect();
        let once = normalize_with(&text, &is_word);
        let _ = normalize(&text);
        let chars = normalize_chars(&text);
        assert_eq!(normalize_chars(&chars), chars, "{text:?}");
        let _ = normalize_with(&once, &is_word);
    }
}

#[test]
fn a_megabyte_of_text_is_normalised() {
    // Real text, broken text and pathological runs, about 1 MB in all: every rule must stay
    // linear (the test does not time it; a quadratic rule would not finish).
    let mut text = String::new();
    let cases = corpus();
    let clean = indicator_texts();
    let mut k = 0;
    while text.len() < 1_000_000 {
        let case = &cases[k % cases.len()];
        text.push_str(&case.broken);
        text.push(' ');
        text.push_str(&clean[k % clean.len()]);
        text.push('\n');
        if k % 50 == 0 {
            text.push_str(&"\u{0E48}".repeat(2000));
            text.push_str(&" ั".repeat(1000));
            text.push_str(&"เ".repeat(1000));
            text.push_str(&"กกั ".repeat(500));
            text.push_str(&"ก".repeat(3000));
        }
        k += 1;
    }
    let normal = normalize_with(&text, &is_word);
    assert!(!normal.is_empty());
    assert!(normalize(&text).len() <= text.len() + text.len() / 2);
}
