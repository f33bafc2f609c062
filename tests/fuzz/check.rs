//! The invariants, one function per target. Each takes any string and returns what it broke.
//!
//! A panic inside a target is caught by the runner and reported as a failure too.

use sapan::code::{parse_code_list, parse_code_list_with_context, IndicatorCode};
use sapan::curriculum::LearningArea;
use sapan::outcome::{detect, read_json_value, read_outcomes, OutcomeFormat, Outcomes};
use sapan::text::dict::Dictionary;
use sapan::text::normalize::{normalize, normalize_chars, normalize_with, repair_pdf_breaks};
use sapan::text::{segment, TokenKind};
use sapan::Location;
use unicode_normalization::UnicodeNormalization;

pub type Verdict = Result<(), String>;

macro_rules! ensure {
    ($cond:expr, $($msg:tt)+) => {
        if !$cond {
            return Err(format!($($msg)+));
        }
    };
}

// ---------------------------------------------------------------------------------------------
// Text pipeline.

/// `normalize_chars` is a fixed point after one run (its documentation promises it).
pub fn normalize_chars_target(input: &str) -> Verdict {
    let once = normalize_chars(input);
    let twice = normalize_chars(&once);
    ensure!(
        twice == once,
        "normalize_chars not idempotent: {once:?} -> {twice:?}"
    );
    ensure!(
        !once.contains('\r'),
        "a CR survived normalize_chars: {once:?}"
    );
    Ok(())
}

/// The full normaliser (characters, then the dictionary repairs) is a fixed point too.
pub fn normalize_target(input: &str) -> Verdict {
    let once = normalize(input);
    let twice = normalize(&once);
    ensure!(
        twice == once,
        "normalize not idempotent: {once:?} -> {twice:?}"
    );
    Ok(())
}

/// The repair over a small word list (any `is_word`), on its own and through
/// `normalize_with`: no panic, and `normalize_with` is a fixed point.
pub fn repair_target(input: &str) -> Verdict {
    const WORDS: &[&str] = &[
        "หลักสูตร",
        "การ",
        "จัด",
        "การจัดการ",
        "ที่",
        "มี",
        "ความ",
        "ประเมิน",
        "สำคัญ",
        "ท่าน",
        "ให้",
        "คำ",
        "เรียน",
        "ผู้เรียน",
        "ดี",
        "มาก",
    ];
    let is_word = |w: &str| WORDS.contains(&w);
    let _ = repair_pdf_breaks(input, &is_word);
    let once = normalize_with(input, &is_word);
    let twice = normalize_with(&once, &is_word);
    ensure!(
        twice == once,
        "normalize_with not idempotent: {once:?} -> {twice:?}"
    );
    Ok(())
}

/// Tokens are in order, do not overlap, and each one's span slices the text it came from
/// (Latin words lower-cased); everything between tokens is whitespace; a `word` is a
/// dictionary word. Checked on the raw input and on its normalised form (what the engine
/// segments).
pub fn segment_target(input: &str) -> Verdict {
    check_segmentation(input)?;
    check_segmentation(&normalize(input))
}

fn check_segmentation(text: &str) -> Verdict {
    let chars: Vec<char> = text.chars().collect();
    let tokens = segment(text);
    let mut at = 0;
    for t in &tokens {
        ensure!(
            t.start >= at && t.start < t.end && t.end <= chars.len(),
            "token {t:?} out of order or out of bounds (previous end {at}, {} chars)",
            chars.len()
        );
        let gap: String = chars[at..t.start].iter().collect();
        ensure!(
            gap.chars().all(char::is_whitespace),
            "non-whitespace {gap:?} dropped before {t:?}"
        );
        let span: String = chars[t.start..t.end].iter().collect();
        let expected = if t.kind == TokenKind::Latin {
            span.to_lowercase()
        } else {
            span.clone()
        };
        ensure!(t.text == expected, "token {t:?} does not slice {span:?}");
        if t.kind == TokenKind::Word {
            ensure!(
                Dictionary::embedded().contains(&t.text),
                "token {t:?} is a word but not in the dictionary"
            );
        }
        at = t.end;
    }
    let tail: String = chars[at..].iter().collect();
    ensure!(
        tail.chars().all(char::is_whitespace),
        "non-whitespace {tail:?} dropped at the end"
    );
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// Indicator codes.

/// A parsed code prints to a string that parses to the same code; an error's position lies
/// in the input.
pub fn code_parse_target(input: &str) -> Verdict {
    match IndicatorCode::parse(input) {
        Ok(code) => round_trip(code),
        Err(e) => within(input, e.location(), &LineRule::LineFeeds),
    }
}

/// A parsed list prints (`, `-joined canonical codes) to a string that parses to the same
/// list; every code round-trips; no code twice; errors point into the input. With a
/// context too.
pub fn code_list_target(input: &str) -> Verdict {
    for result in [
        parse_code_list(input),
        parse_code_list_with_context(input, Some((LearningArea::Thai, 1, 1))),
    ] {
        match result {
            Ok(list) => {
                for &code in &list {
                    round_trip(code)?;
                }
                let mut seen = std::collections::HashSet::new();
                ensure!(
                    list.iter().all(|c| seen.insert(*c)),
                    "a code twice in {list:?}"
                );
                let printed = list
                    .iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
                    .join(", ");
                let again = parse_code_list(&printed)
                    .map_err(|e| format!("printed list {printed:?} does not parse: {e}"))?;
                ensure!(
                    again == list,
                    "{printed:?} parses to {again:?}, not {list:?}"
                );
            }
            Err(e) => within(input, e.location(), &LineRule::LineFeeds)?,
        }
    }
    Ok(())
}

fn round_trip(code: IndicatorCode) -> Verdict {
    let printed = code.to_string();
    match IndicatorCode::parse(&printed) {
        Ok(again) if again == code => Ok(()),
        other => Err(format!(
            "{code:?} prints as {printed:?}, which reads as {other:?}"
        )),
    }
}

// ---------------------------------------------------------------------------------------------
// Outcome readers.

/// How a reader counts lines.
pub enum LineRule {
    /// `\n` only (serde_json, and the code parser).
    LineFeeds,
    /// `\r\n`, a lone `\r` and `\n` each end a line (the CSV/TSV and text readers).
    AnyBreak,
}

impl LineRule {
    /// The lines of `input` as the reader counts them. A break at the very end opens one
    /// more (empty) line, as in an editor.
    pub fn lines(&self, input: &str) -> Vec<String> {
        match self {
            LineRule::LineFeeds => input.split('\n').map(str::to_string).collect(),
            LineRule::AnyBreak => input
                .split('\n')
                .map(|l| l.strip_suffix('\r').unwrap_or(l))
                .flat_map(|l| l.split('\r'))
                .map(str::to_string)
                .collect(),
        }
    }
}

/// A location's line is a line of `input` (from 1), and its column (from 1) lies within that
/// line or just after its end. Locations without a line must not give a column either,
/// unless the input is one line.
fn within(input: &str, location: Option<&Location>, rule: &LineRule) -> Verdict {
    let Some(loc) = location else { return Ok(()) };
    let lines = rule.lines(input);
    let line = match loc.line {
        Some(l) => {
            ensure!(
                (1..=lines.len()).contains(&l),
                "line {l} is not a line of the input ({} lines): {loc:?}",
                lines.len()
            );
            Some(l)
        }
        None => (lines.len() == 1).then_some(1),
    };
    if let Some(c) = loc.column {
        let Some(l) = line else {
            return Err(format!(
                "a column without a line in multi-line input: {loc:?}"
            ));
        };
        let width = lines[l - 1].chars().count();
        ensure!(
            (1..=width + 1).contains(&c),
            "column {c} is outside line {l} ({width} chars): {loc:?}"
        );
    }
    Ok(())
}

/// What a text is made of, for comparing an outcome with its source: compatibility-decomposed,
/// letters and digits only (no marks, spaces, punctuation or invisible characters), Thai
/// digits as ASCII, `ำ` as `า` (its `ํ` is a mark). Normalisation only removes, moves or
/// recomposes what this drops, so an outcome and the value it was read from have the same
/// skeleton.
pub fn skeleton(text: &str) -> String {
    text.nfkd()
        .filter(|&c| {
            c.is_alphanumeric()
                && !sapan::text::chars::is_combining_mark(c)
                && !unicode_normalization::char::is_combining_mark(c)
        })
        .map(|c| match c {
            '๐'..='๙' => char::from_u32('0' as u32 + (c as u32 - 0x0E50)).unwrap(),
            'ำ' => 'า',
            c => c,
        })
        .collect()
}

/// Where outcome texts come from, for the containment check.
pub enum TextSource<'a> {
    /// The text is written in the input as is, apart from quotes, line breaks and what
    /// normalisation changes (CSV, TSV, pasted text): its skeleton is a substring of the
    /// input's.
    Written(&'a str),
    /// The text is one JSON string value of the document (JSON, CASE): its skeleton is the
    /// skeleton of one of the document's strings.
    JsonStrings(Vec<String>),
}

fn json_strings(value: &serde_json::Value, out: &mut Vec<String>) {
    match value {
        serde_json::Value::String(s) => out.push(s.clone()),
        serde_json::Value::Array(a) => a.iter().for_each(|v| json_strings(v, out)),
        serde_json::Value::Object(m) => m.values().for_each(|v| json_strings(v, out)),
        _ => {}
    }
}

/// The invariants every reader keeps.
pub fn check_outcomes(
    input: &str,
    found: &Outcomes,
    rule: &LineRule,
    source: &TextSource,
) -> Verdict {
    let lines = rule.lines(input);
    let written = match source {
        TextSource::Written(s) => Some(skeleton(s)),
        TextSource::JsonStrings(_) => None,
    };
    let strings: Vec<String> = match source {
        TextSource::JsonStrings(v) => v.iter().map(|s| skeleton(s)).collect(),
        TextSource::Written(_) => Vec::new(),
    };
    let mut ids = std::collections::HashSet::new();
    for o in &found.outcomes {
        ensure!(!o.text.is_empty(), "an outcome with empty text: {o:?}");
        ensure!(
            o.text.trim() == o.text,
            "an outcome text not trimmed: {o:?}"
        );
        ensure!(
            !o.text.contains(['\n', '\r']),
            "an outcome text with a line break: {o:?}"
        );
        let again = normalize(&o.text);
        ensure!(
            again == o.text,
            "an outcome text not normalised: {o:?} -> {again:?}"
        );
        ensure!(ids.insert(o.id.clone()), "id {:?} given twice", o.id);
        ensure!(
            !o.id.is_empty() && o.id.trim() == o.id,
            "an empty or untrimmed id: {o:?}"
        );
        if let Some(g) = o.grade {
            ensure!((4..=6).contains(&g), "grade {g} outside ป.4–6: {o:?}");
        }
        let text = skeleton(&o.text);
        match &written {
            Some(all) => ensure!(
                all.contains(&text),
                "outcome text {:?} (skeleton {text:?}) is not in the input",
                o.text
            ),
            None => ensure!(
                strings.contains(&text),
                "outcome text {:?} (skeleton {text:?}) is no string of the document",
                o.text
            ),
        }
        if let Some(l) = o.line {
            ensure!(
                (1..=lines.len()).contains(&l),
                "outcome line {l} is not a line of the input ({} lines): {o:?}",
                lines.len()
            );
            ensure!(
                !lines[l - 1].trim().is_empty(),
                "outcome line {l} is blank: {o:?}"
            );
        }
    }
    for p in &found.problems {
        ensure!(
            !p.message_en().is_empty() && !p.message_th().is_empty(),
            "a problem without both messages: {p:?}"
        );
        within(input, p.location(), rule).map_err(|e| format!("{e} in {p:?}"))?;
    }
    Ok(())
}

fn read_written(input: &str, format: OutcomeFormat) -> Verdict {
    let found = read_outcomes(input, format, Some("fuzz"));
    check_outcomes(
        input,
        &found,
        &LineRule::AnyBreak,
        &TextSource::Written(input),
    )
}

fn read_json_like(input: &str, format: OutcomeFormat) -> Verdict {
    let found = read_outcomes(input, format, Some("fuzz"));
    let body = input.strip_prefix('\u{FEFF}').unwrap_or(input);
    let mut strings = Vec::new();
    if let Ok(v) = serde_json::from_str::<serde_json::Value>(body) {
        json_strings(&v, &mut strings);
    }
    check_outcomes(
        input,
        &found,
        &LineRule::LineFeeds,
        &TextSource::JsonStrings(strings),
    )
}

pub fn csv_target(input: &str) -> Verdict {
    read_written(input, OutcomeFormat::Csv)
}

pub fn tsv_target(input: &str) -> Verdict {
    read_written(input, OutcomeFormat::Tsv)
}

pub fn text_target(input: &str) -> Verdict {
    read_written(input, OutcomeFormat::Text)
}

pub fn json_target(input: &str) -> Verdict {
    read_json_like(input, OutcomeFormat::Json)
}

pub fn case_target(input: &str) -> Verdict {
    read_json_like(input, OutcomeFormat::Case)
}

/// `detect`, then the reader it picks (as the CLI and the app do), with and without a name.
pub fn detect_target(input: &str) -> Verdict {
    for name in [
        None,
        Some("outcomes.csv"),
        Some("x.json"),
        Some("a.txt"),
        Some("noext"),
    ] {
        match detect(name, input) {
            OutcomeFormat::Csv => csv_target(input)?,
            OutcomeFormat::Tsv => tsv_target(input)?,
            OutcomeFormat::Json => json_target(input)?,
            OutcomeFormat::Case => case_target(input)?,
            OutcomeFormat::Text => text_target(input)?,
        }
    }
    Ok(())
}

/// `read_json_value` on the parsed document: texts are strings of the value, lines are the
/// `line` numbers the elements carry, and problems name elements, not lines.
pub fn json_value_target(input: &str) -> Verdict {
    let body = input.strip_prefix('\u{FEFF}').unwrap_or(input);
    let Ok(value) = serde_json::from_str::<serde_json::Value>(body) else {
        return Ok(());
    };
    let found = read_json_value(&value, None);
    let mut strings = Vec::new();
    json_strings(&value, &mut strings);
    let strings: Vec<String> = strings.iter().map(|s| skeleton(s)).collect();
    let mut given = Vec::new();
    line_values(&value, &mut given);
    for o in &found.outcomes {
        ensure!(
            !o.text.is_empty() && !o.text.contains(['\n', '\r']),
            "bad text: {o:?}"
        );
        let text = skeleton(&o.text);
        ensure!(
            strings.contains(&text),
            "outcome text {:?} is no string of the value",
            o.text
        );
        if let Some(l) = o.line {
            ensure!(given.contains(&(l as u64)), "line {l} was not given: {o:?}");
        }
    }
    Ok(())
}

fn line_values(value: &serde_json::Value, out: &mut Vec<u64>) {
    match value {
        serde_json::Value::Array(a) => a.iter().for_each(|v| line_values(v, out)),
        serde_json::Value::Object(m) => {
            if let Some(l) = m.get("line").and_then(serde_json::Value::as_u64) {
                out.push(l);
            }
            m.values().for_each(|v| line_values(v, out));
        }
        _ => {}
    }
}
