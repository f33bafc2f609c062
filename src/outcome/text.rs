//! Plain text: a list of outcomes pasted from a PDF or a Word file.
//!
//! Such a paste keeps little structure: numbers and bullets at line starts, header lines,
//! and line breaks wherever the page wrapped, often with the PDF's glyph-order damage. The
//! reader looks at each line once and decides what it is:
//!
//! - **an item start**: `1.` `1)` `(1)` `๑.` `1.1` `1.1.2` `LO 1` `LO1:` `LO-1`
//!   `ผลลัพธ์การเรียนรู้ที่ 1` `ผลการเรียนรู้ที่ 1` `ข้อ 1`, or a bullet (`-` `•` `*` `–` `▪` `●`
//!   `○` and the private-use bullets Word pastes, such as U+F0B7). A line that starts with a
//!   multi-part number (`1.5 กิโลกรัม`) starts an item only when that number can follow the
//!   previous one (`1` → `1.1`, `1.1` → `1.2`, `1.3` → `2.1`) or is the first of its section:
//!   otherwise it is a decimal that the page wrapped onto a new line.
//! - **a header**, which sets the grade and/or area of the items after it until the next
//!   header of that kind: `ชั้นประถมศึกษาปีที่ ๔`, `ประถมศึกษาปีที่ 6`, `ป.5`, `Grade 4`,
//!   `กลุ่มสาระการเรียนรู้ภาษาไทย`, `ภาษาไทย` or `คณิตศาสตร์` alone on a line, both together
//!   (`ภาษาไทย ป.4`), optionally after a title word (`ผลลัพธ์การเรียนรู้ ชั้น ป.4`). The draft
//!   framework's headers are read the same way: a key stage (`ผลลัพธ์การเรียนรู้เมื่อจบช่วงชั้นที่ 2`,
//!   `ช่วงชั้นที่ ๒`) and a draft area (`สาระการเรียนรู้เทคโนโลยีดิจิทัล`, or a name only the draft
//!   uses alone on its line, such as `การจัดการในครัวเรือนและการประกอบการ`), also when a PDF copy
//!   has broken their words with spaces or displaced their marks. A grade, a stage and an area
//!   header do not reset each other; an area header of either curriculum replaces the area
//!   before it. A grade header outside ป.4–6 is reported, and the items under it get no
//!   grade; a stage whose indicators are not held here (1, 3) is reported as
//!   `stage_not_held`, and the items under it get no stage.
//! - **a title** (`สาระที่ 1 …`, `มาตรฐาน …`, `หน่วยการเรียนรู้ …`, `ผลลัพธ์การเรียนรู้` alone):
//!   ends the item before it and is not an outcome.
//! - **any other line** continues the item before it: lines are joined Thai to Thai with no
//!   space, otherwise with one (see [`super::join_lines`]). A line that starts with a mark or a
//!   following vowel (`ํา…`) always continues, since no word starts with one.
//!
//! When no line starts an item, every other non-empty line is one outcome. When some do,
//! lines before the first item (a document title, an introduction) are not outcomes.
//! The text of each outcome is repaired by [`crate::text::normalize`] after joining, because
//! PDF damage often spans the line break.
//!
//! # Ids
//!
//! A numbered item's id is its number (`1`, `1.1`; `๑` gives `1`); `LO 1` gives `LO1`.
//! A bullet or unnumbered line after a numbered item `N` is `N.1`, `N.2`, …; one with no
//! numbered item before it in its section is its position in the section (`1`, `2`, …).
//! Each header starts a section. When the same id occurs in two sections (the numbering
//! restarts under each grade), every id is prefixed with what tells the sections apart:
//! the grade (`ป.4-1`), the area (its letter, `ท-1`, or a draft area's name,
//! `การจัดการในครัวเรือนและการประกอบการ-1`) or both (`ท ป.4-1`). An id that still
//! repeats is reported as a duplicate and renamed.

use std::collections::{HashMap, HashSet};

use crate::curriculum::LearningArea;
use crate::error::ErrorKind;
use crate::framework::{held_stage, read_either_area, read_stage, AreaReading, FrameworkArea};
use crate::text::chars::{ascii_digit, is_combining_mark, is_following_vowel, is_invisible};
use crate::text::normalize::normalize;

use super::{join_lines, read_grade, strip_bom, Collector, GradeReading, Labels, Outcomes, Place};

/// Reads outcomes from pasted text (see the module documentation).
///
/// Problems: `parse_text` when no outcome is found at all; `invalid_field` for a grade header
/// outside ป.4–6; `stage_not_held` for a stage header other than ช่วงชั้นที่ 2;
/// `missing_field` for an item number with no text after it; `duplicate_id`.
pub fn read_text(content: &str, source: Option<&str>) -> Outcomes {
    let content = strip_bom(content);
    let lines: Vec<Line> = content
        .split('\n')
        .map(|l| l.strip_suffix('\r').unwrap_or(l))
        .flat_map(|l| l.split('\r'))
        .map(Line::read)
        .collect();
    let numbered = lines.iter().any(|l| matches!(l, Line::Item(..)));
    let mut out = Collector::new(source);
    let mut items = Items::default();
    for (i, line) in lines.into_iter().enumerate() {
        let number = i + 1;
        match line {
            Line::Blank => {}
            Line::Header {
                context:
                    Context {
                        grade,
                        areas,
                        stage,
                    },
                text,
            } => {
                items.finish();
                items.start_section();
                if let Some(reading) = grade {
                    items.grade = match reading {
                        GradeReading::InRange(g) => Some(g),
                        _ => {
                            out.problem(
                                ErrorKind::InvalidField,
                                format!("line {number}: the header \"{text}\" names a grade that is not ป.4–6; the outcomes under it are kept without a grade"),
                                format!("บรรทัด {number}: หัวข้อ \"{text}\" ระบุชั้นที่ไม่ใช่ ป.4–6 เก็บผลลัพธ์ใต้หัวข้อนี้ไว้โดยไม่มีชั้น"),
                                Some(number),
                                None,
                                Some("grade".into()),
                            );
                            None
                        }
                    };
                }
                if let Some(reading) = areas {
                    items.area = reading.area;
                    items.framework_area = reading.framework_area;
                }
                if let Some(n) = stage {
                    items.stage = match held_stage(n) {
                        Ok(s) => Some(s.number),
                        Err((en, th)) => {
                            out.problem(
                                ErrorKind::StageNotHeld,
                                format!("line {number}: the header \"{text}\" names {en}; the outcomes under it are kept without a stage"),
                                format!("บรรทัด {number}: หัวข้อ \"{text}\" ระบุช่วงชั้นที่ไม่มีข้อมูล: {th} เก็บผลลัพธ์ใต้หัวข้อนี้ไว้โดยไม่มีช่วงชั้น"),
                                Some(number),
                                None,
                                Some("stage".into()),
                            );
                            None
                        }
                    };
                }
            }
            Line::Title => items.finish(),
            Line::Item(marker, rest) => {
                if items.accepts(&marker) {
                    items.start(number, Some(marker), rest);
                } else {
                    items.continue_with(number, marker.source);
                }
            }
            Line::Plain(text) => {
                // `1000.` after item 999: a long list goes on (a bare `2551.` stays text).
                if let Some((marker, rest)) = items.next_long_number(&text) {
                    items.start(number, Some(marker), rest);
                    continue;
                }
                let starts_mid_word = text
                    .chars()
                    .next()
                    .is_some_and(|c| is_combining_mark(c) || is_following_vowel(c));
                if items.current.is_some() && (numbered || starts_mid_word) {
                    items.continue_with(number, text);
                } else if !numbered {
                    items.start(number, None, text);
                } else {
                    // Text before the first numbered item (a title, an introduction) is not
                    // an outcome; say so, so that an outcome without a number is not lost unseen.
                    let shown: String = text.chars().take(40).collect();
                    out.problem(
                        ErrorKind::ParseText,
                        format!("line {number}: \"{shown}\" stands outside the numbered list and was not read as an outcome; number it if it is one"),
                        format!("บรรทัด {number}: \"{shown}\" อยู่นอกรายการที่มีเลขข้อ จึงไม่ได้อ่านเป็นผลลัพธ์การเรียนรู้ หากเป็นผลลัพธ์ให้ใส่เลขข้อ"),
                        Some(number),
                        None,
                        Some("text".into()),
                    );
                }
            }
        }
    }
    items.finish();
    let prefixed = items.needs_prefix();
    for item in &items.done {
        let id = match &prefixed {
            Some(parts) => match item.section_label(parts) {
                label if label.is_empty() => item.id.clone(),
                label => format!("{label}-{}", item.id),
            },
            None => item.id.clone(),
        };
        let text = join_lines(item.lines.iter().map(String::as_str));
        out.push(
            Some(id),
            &text,
            item.labels,
            &Place::line(item.line),
            "text",
        );
    }
    if out.outcome_count() == 0 {
        out.problem(
            ErrorKind::ParseText,
            "no learning outcome found in the text: expected one outcome per line, or a numbered or bulleted list".into(),
            "ไม่พบผลลัพธ์การเรียนรู้ในข้อความ: ต้องมีผลลัพธ์บรรทัดละข้อ หรือเป็นรายการที่มีเลขข้อหรือสัญลักษณ์หัวข้อ".into(),
            None,
            None,
            None,
        );
    }
    out.finish()
}

/// What one line of the paste is.
#[derive(Debug, Clone, PartialEq)]
enum Line {
    Blank,
    Header {
        context: Context,
        text: String,
    },
    Title,
    /// An item start: its marker, and the text after the marker.
    Item(Marker, String),
    Plain(String),
}

impl Line {
    fn read(raw: &str) -> Line {
        let line = clean_line(raw);
        if line.is_empty() {
            return Line::Blank;
        }
        if let Some((marker, rest)) = Marker::read(&line) {
            return Line::Item(marker, rest);
        }
        // Headers are read after repair: a header line is damaged by a PDF copy as often as
        // any other (`ชนั้ ประถมศกึ ษาปที ี่ ๔`).
        let repaired = normalize(&line);
        match read_header(&repaired) {
            Some(HeaderLine::Context(context)) => Line::Header {
                context,
                text: repaired,
            },
            Some(HeaderLine::Title) => Line::Title,
            None => Line::Plain(line),
        }
    }
}

/// A line without invisible characters, with Thai digits as ASCII and odd spaces as spaces,
/// trimmed: what markers and headers are read from.
fn clean_line(raw: &str) -> String {
    let line: String = raw
        .chars()
        .filter(|&c| !is_invisible(c))
        .map(|c| match c {
            '\t' | '\u{00A0}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{3000}' => ' ',
            c => ascii_digit(c),
        })
        .collect();
    line.trim().to_string()
}

/// How an item is marked.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Style {
    /// `1.` `1)` `(1)` `ข้อ 1` `ผลลัพธ์การเรียนรู้ที่ 1`: always an item start.
    Number,
    /// `1.1`, `1.1.2`: an item start only when it can follow the number before it.
    Multipart,
    /// `LO 1`: the id keeps the `LO`.
    Lo,
    Bullet,
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct Marker {
    style: Style,
    /// The number, part by part (`1.2` is `[1, 2]`); empty for a bullet.
    number: Vec<u32>,
    /// The whole line, for when the marker turns out to be text (`1.5 กิโลกรัม`).
    source: String,
}

const BULLETS: &[char] = &[
    '•', '▪', '●', '○', '◦', '·', '‣', '■', '□', '➢', '►', '✓', '⁃', '\u{F0B7}', '\u{F0A7}',
    '\u{F076}', '\u{F0D8}', '\u{F0FC}',
];
/// Bullets that are also ordinary characters: only a bullet when a space follows.
const SPACED_BULLETS: &[char] = &['-', '*', '–', '—', '+'];
const NUMBER_WORDS: &[&str] = &["ผลลัพธ์การเรียนรู้ที่", "ผลการเรียนรู้ที่", "ข้อที่", "ข้อ"];

impl Marker {
    /// The marker a line starts with, and the text after it.
    fn read(line: &str) -> Option<(Marker, String)> {
        let marker = |style, number| Marker {
            style,
            number,
            source: line.to_string(),
        };
        let rest = text_after_marker;
        let first = line.chars().next()?;
        if BULLETS.contains(&first) {
            return Some((
                marker(Style::Bullet, Vec::new()),
                rest(&line[first.len_utf8()..]),
            ));
        }
        if SPACED_BULLETS.contains(&first) {
            let after = &line[first.len_utf8()..];
            if after.starts_with(' ') {
                return Some((marker(Style::Bullet, Vec::new()), rest(after)));
            }
            return None;
        }
        for word in NUMBER_WORDS {
            if let Some(after) = line.strip_prefix(word) {
                let (number, after) = read_number(after.trim_start())?;
                return Some((marker(Style::Number, number), rest(after)));
            }
        }
        if let Some(after) = line
            .get(..2)
            .filter(|p| p.eq_ignore_ascii_case("lo"))
            .and(line.get(2..))
        {
            let after = after.trim_start_matches([' ', '-', '.', '_']);
            let (number, after) = read_number(after)?;
            if ends_marker(after) {
                return Some((marker(Style::Lo, number), rest(after)));
            }
            return None;
        }
        if let Some(after) = line.strip_prefix('(') {
            let (number, after) = read_number(after)?;
            let after = after.strip_prefix(')')?;
            return (number.len() == 1).then(|| (marker(Style::Number, number), rest(after)));
        }
        let (number, after) = read_number(line)?;
        if number.len() == 1 {
            // `1.` or `1)`; a bare `1` or `100,000` is text.
            let after = after.strip_prefix(['.', ')'])?;
            return ends_marker(after).then(|| (marker(Style::Number, number), rest(after)));
        }
        let after = after.strip_prefix(['.', ')']).unwrap_or(after);
        ends_marker(after).then(|| (marker(Style::Multipart, number), rest(after)))
    }
}

/// The item's text: what follows its marker, without the marker's punctuation.
fn text_after_marker(r: &str) -> String {
    r.trim_start_matches([' ', ':', '.', ')', '-', '–'])
        .trim()
        .to_string()
}

/// Reads `1`, `1.2`, `1.2.3` at the start of `s`: the parts and what follows. A trailing
/// `.` is left in what follows. Numbers over 999 are not item numbers (`2551.`).
fn read_number(s: &str) -> Option<(Vec<u32>, &str)> {
    let mut parts = Vec::new();
    let mut rest = s;
    loop {
        let digits = rest.len() - rest.trim_start_matches(|c: char| c.is_ascii_digit()).len();
        if digits == 0 || digits > 3 {
            break;
        }
        parts.push(rest[..digits].parse().ok()?);
        let after = &rest[digits..];
        match after.strip_prefix('.') {
            Some(next) if next.starts_with(|c: char| c.is_ascii_digit()) => rest = next,
            _ => {
                rest = after;
                break;
            }
        }
    }
    (!parts.is_empty()).then_some((parts, rest))
}

/// After a marker comes a space, a separator, the end, or the text itself (`1.อ่าน`), but
/// never another digit or a comma (`1.5`, `1,000`).
fn ends_marker(after: &str) -> bool {
    match after.chars().next() {
        None => true,
        Some(c) => !c.is_ascii_digit() && c != ',' && c != '/',
    }
}

/// What a header line says about the items after it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Context {
    grade: Option<GradeReading>,
    areas: Option<AreaReading>,
    /// The stage as written: whether it is held is checked where it is reported.
    stage: Option<u8>,
}

enum HeaderLine {
    Context(Context),
    Title,
}

/// Words that open a title line; with a grade or area after them the line is a header.
const TITLE_WORDS: &[&str] = &[
    "ผลลัพธ์การเรียนรู้",
    "ผลการเรียนรู้",
    "จุดประสงค์การเรียนรู้",
    "ตัวชี้วัด",
    "learning outcomes",
    "learning outcome",
];
/// Words that open a line naming a part of the curriculum or course, not an outcome.
const SECTION_WORDS: &[&str] = &["สาระที่", "มาตรฐาน", "หน่วยการเรียนรู้", "หน่วยที่", "ภาคเรียนที่"];

fn read_header(line: &str) -> Option<HeaderLine> {
    let lower = line.to_lowercase();
    let (titled, body) = match TITLE_WORDS.iter().find_map(|w| lower.strip_prefix(w)) {
        Some(rest) => (true, rest.trim_start_matches([' ', ':', '-']).trim()),
        None => (false, lower.trim()),
    };
    let body = body.trim_end_matches([':', ' ']);
    if titled && body.is_empty() {
        return Some(HeaderLine::Title);
    }
    if let Some(context) = read_context(body) {
        return Some(context);
    }
    // `ชั้นประถมศึกษาปีที่ 4 (ป.4)`: the header before a note.
    if let Some((before, _)) = body.split_once('(') {
        if let Some(context) = read_context(before.trim()) {
            return Some(context);
        }
    }
    if titled || SECTION_WORDS.iter().any(|w| lower.starts_with(w)) {
        return Some(HeaderLine::Title);
    }
    None
}

/// The longest header [`read_context`] looks at, in chars after collapsing spaces. The
/// longest it can read (`กลุ่มสาระการเรียนรู้สังคมศึกษา ศาสนา และวัฒนธรรม ระดับชั้นประถมศึกษาปีที่ 4`,
/// or the English names) is under 100, even with the spaces a PDF copy adds.
const MAX_HEADER_CHARS: usize = 200;

/// A grade, a stage or an area (of 2551 or of the draft), or two of them side by side in
/// either order.
fn read_context(body: &str) -> Option<HeaderLine> {
    // A longer line is text. Trying every split of it would cost its length squared: a
    // pasted paragraph of 64 KB took half a minute.
    let collapsed = super::collect::collapse_spaces(body);
    if collapsed.chars().count() > MAX_HEADER_CHARS {
        return None;
    }
    let body = collapsed.as_str();
    if let Some(context) = read_part(body) {
        return Some(HeaderLine::Context(context));
    }
    let splits = body
        .char_indices()
        .filter(|&(i, c)| {
            c == ' '
                || ["ชั้น", "ป.", "ประถม", "grade", "ช่วงชั้น", "สาระการเรียนรู้"]
                    .iter()
                    .any(|w| body[i..].starts_with(w))
        })
        .map(|(i, _)| i)
        .filter(|&i| i > 0);
    for i in splits {
        let (left, right) = (body[..i].trim(), body[i..].trim());
        if let (Some(a), Some(b)) = (read_part(left), read_part(right)) {
            // Two parts of different kinds: `ภาษาไทย ป.4`, not `ป.4 ป.5`.
            let kinds = |c: &Context| (c.grade.is_some(), c.areas.is_some(), c.stage.is_some());
            let (ka, kb) = (kinds(&a), kinds(&b));
            if ka.0 && kb.0 || ka.1 && kb.1 || ka.2 && kb.2 {
                continue;
            }
            return Some(HeaderLine::Context(Context {
                grade: a.grade.or(b.grade),
                areas: a.areas.or(b.areas),
                stage: a.stage.or(b.stage),
            }));
        }
    }
    None
}

/// One part of a header: a grade, else a stage, else an area.
fn read_part(s: &str) -> Option<Context> {
    match read_grade(s, false) {
        GradeReading::Unreadable => {}
        reading => {
            return Some(Context {
                grade: Some(reading),
                ..Context::default()
            })
        }
    }
    if let Some(n) = read_stage(s, false) {
        return Some(Context {
            stage: Some(n),
            ..Context::default()
        });
    }
    // One Thai letter alone is a wrapped line's tail far more often than an area header.
    if s.chars().count() < 2 {
        return None;
    }
    read_either_area(s).map(|areas| Context {
        areas: Some(areas),
        ..Context::default()
    })
}

/// An outcome being gathered from its lines.
#[derive(Debug, Clone)]
struct Item {
    id: String,
    lines: Vec<String>,
    line: usize,
    labels: Labels,
}

impl Item {
    /// The prefix naming this item's section: the parts of its context in `parts` that it
    /// has (an item before any grade header has no grade to show).
    fn section_label(&self, parts: &(bool, bool)) -> String {
        let (by_area, by_grade) = *parts;
        let mut label = Vec::new();
        if by_area {
            // A draft area by its name: two draft areas can draw on one 2551 letter.
            label.push(match (self.labels.framework_area, self.labels.area) {
                (Some(f), _) => f.name_th().to_string(),
                (None, Some(a)) => a.letter().to_string(),
                (None, None) => "-".to_string(),
            });
        }
        if by_grade {
            label.push(
                self.labels
                    .grade
                    .map_or("ป.?".to_string(), |g| format!("ป.{g}")),
            );
        }
        label.join(" ")
    }
}

/// The items read so far, and the context the headers set.
#[derive(Debug, Default)]
struct Items {
    done: Vec<Item>,
    /// The section of each item in `done`.
    sections: Vec<usize>,
    current: Option<Item>,
    section: usize,
    grade: Option<u8>,
    area: Option<LearningArea>,
    framework_area: Option<FrameworkArea>,
    stage: Option<u8>,
    /// The number of the section's last numbered item, and how many items followed it.
    last_number: Option<(Vec<u32>, Style)>,
    after_number: usize,
    /// Items in the section so far.
    in_section: usize,
}

impl Items {
    fn start_section(&mut self) {
        self.section += 1;
        self.last_number = None;
        self.after_number = 0;
        self.in_section = 0;
    }

    /// A line opening with `N.` or `N)` where N is over 999 (not read as a marker, so that a
    /// year such as `2551.` stays text) and the last item was exactly N − 1: the list goes on.
    fn next_long_number(&self, line: &str) -> Option<(Marker, String)> {
        let Some((last, Style::Number)) = &self.last_number else {
            return None;
        };
        let [last] = last.as_slice() else {
            return None;
        };
        let digits = line.len() - line.trim_start_matches(|c: char| c.is_ascii_digit()).len();
        let n: u32 = line.get(..digits)?.parse().ok()?;
        let after = line[digits..].strip_prefix(['.', ')'])?;
        let marker = Marker {
            style: Style::Number,
            number: vec![n],
            source: line.to_string(),
        };
        (digits > 3 && n == last.checked_add(1)? && ends_marker(after))
            .then(|| (marker, text_after_marker(after)))
    }

    /// Whether `marker` starts an item here (see the module documentation).
    fn accepts(&self, marker: &Marker) -> bool {
        if marker.style != Style::Multipart {
            return true;
        }
        match &self.last_number {
            None => self.in_section == 0,
            Some((last, _)) => follows(last, &marker.number),
        }
    }

    fn start(&mut self, line: usize, marker: Option<Marker>, text: String) {
        self.finish();
        self.in_section += 1;
        let id = match marker {
            Some(m) if !m.number.is_empty() => {
                let number = m
                    .number
                    .iter()
                    .map(u32::to_string)
                    .collect::<Vec<_>>()
                    .join(".");
                let id = if m.style == Style::Lo {
                    format!("LO{number}")
                } else {
                    number
                };
                self.last_number = Some((m.number, m.style));
                self.after_number = 0;
                id
            }
            _ => match &self.last_number {
                Some((number, style)) => {
                    self.after_number += 1;
                    let number = number
                        .iter()
                        .map(u32::to_string)
                        .collect::<Vec<_>>()
                        .join(".");
                    let lo = if *style == Style::Lo { "LO" } else { "" };
                    format!("{lo}{number}.{}", self.after_number)
                }
                None => self.in_section.to_string(),
            },
        };
        self.current = Some(Item {
            id,
            lines: vec![text],
            line,
            labels: Labels {
                grade: self.grade,
                area: self.area,
                stage: self.stage,
                framework_area: self.framework_area,
            },
        });
    }

    fn continue_with(&mut self, line: usize, text: String) {
        match &mut self.current {
            Some(item) => item.lines.push(text),
            None => self.start(line, None, text),
        }
    }

    fn finish(&mut self) {
        if let Some(item) = self.current.take() {
            self.done.push(item);
            self.sections.push(self.section);
        }
    }

    /// `Some((by_area, by_grade))` when an id occurs in two sections: the parts of the
    /// context that tell the sections apart.
    fn needs_prefix(&self) -> Option<(bool, bool)> {
        let mut seen: HashMap<&str, usize> = HashMap::new();
        let clash = self
            .done
            .iter()
            .zip(&self.sections)
            .any(|(item, &section)| *seen.entry(item.id.as_str()).or_insert(section) != section);
        if !clash {
            return None;
        }
        let areas: HashSet<_> = self
            .done
            .iter()
            .map(|i| (i.labels.area, i.labels.framework_area))
            .collect();
        let grades: HashSet<_> = self.done.iter().map(|i| i.labels.grade).collect();
        let parts = (areas.len() > 1, grades.len() > 1);
        (parts != (false, false)).then_some(parts)
    }
}

/// Whether number `next` can follow `last` in a list: a first child (`1` → `1.1`), or the
/// next at some level with any deeper parts at 1 (`1.1` → `1.2`, `1.3` → `2.1`, `1.3` → `2`).
fn follows(last: &[u32], next: &[u32]) -> bool {
    let ones = |s: &[u32]| s.iter().all(|&n| n == 1);
    if next.len() > last.len() && next[..last.len()] == *last && ones(&next[last.len()..]) {
        return true;
    }
    (0..last.len().min(next.len()))
        .any(|k| next[..k] == last[..k] && next[k] == last[k] + 1 && ones(&next[k + 1..]))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn marker(line: &str) -> Option<(Vec<u32>, Style, String)> {
        Marker::read(&clean_line(line)).map(|(m, rest)| (m.number, m.style, rest))
    }

    #[test]
    fn markers_are_read_in_their_many_forms() {
        let n = |v: &[u32], rest: &str| Some((v.to_vec(), Style::Number, rest.to_string()));
        assert_eq!(marker("1. อ่าน"), n(&[1], "อ่าน"));
        assert_eq!(marker("1) อ่าน"), n(&[1], "อ่าน"));
        assert_eq!(marker("(12) อ่าน"), n(&[12], "อ่าน"));
        assert_eq!(marker("๑. อ่าน"), n(&[1], "อ่าน"));
        assert_eq!(marker("1.อ่าน"), n(&[1], "อ่าน"));
        assert_eq!(marker("ผลลัพธ์การเรียนรู้ที่ 3: อ่าน"), n(&[3], "อ่าน"));
        assert_eq!(marker("ข้อ 2 อ่าน"), n(&[2], "อ่าน"));
        assert_eq!(
            marker("1.2.3 อ่าน"),
            Some((vec![1, 2, 3], Style::Multipart, "อ่าน".into()))
        );
        assert_eq!(marker("LO1: อ่าน"), Some((vec![1], Style::Lo, "อ่าน".into())));
        assert_eq!(marker("lo 2 อ่าน"), Some((vec![2], Style::Lo, "อ่าน".into())));
        assert_eq!(marker("• อ่าน"), Some((vec![], Style::Bullet, "อ่าน".into())));
        assert_eq!(marker("- อ่าน"), Some((vec![], Style::Bullet, "อ่าน".into())));
    }

    #[test]
    fn text_that_only_looks_like_a_marker_is_not_one() {
        for line in [
            "100,000 และ 0",
            "5 ชนิด",
            "2551",
            "-5 องศา",
            "ข้อความ",
            "Look at",
            "1/2 ของ",
        ] {
            assert_eq!(marker(line), None, "{line}");
        }
    }

    #[test]
    fn multipart_numbers_follow_their_list() {
        assert!(follows(&[1], &[1, 1]));
        assert!(follows(&[1, 1], &[1, 2]));
        assert!(follows(&[1, 3], &[2, 1]));
        assert!(follows(&[1, 3], &[2]));
        assert!(!follows(&[2], &[1, 5]));
        assert!(!follows(&[1, 1], &[1, 5]));
    }

    #[test]
    fn headers_name_a_grade_an_area_or_both() {
        let context = |l: &str| match read_header(&normalize(&clean_line(l))) {
            Some(HeaderLine::Context(c)) => Some((c.grade, c.areas.and_then(|a| a.area))),
            _ => None,
        };
        let p = |g| Some(GradeReading::InRange(g));
        assert_eq!(context("ชั้นประถมศึกษาปีที่ ๔"), Some((p(4), None)));
        assert_eq!(context("ป.5"), Some((p(5), None)));
        assert_eq!(context("Grade 6:"), Some((p(6), None)));
        assert_eq!(context("ภาษาไทย"), Some((None, Some(LearningArea::Thai))));
        assert_eq!(
            context("กลุ่มสาระการเรียนรู้คณิตศาสตร์ ชั้นประถมศึกษาปีที่ 5"),
            Some((p(5), Some(LearningArea::Mathematics)))
        );
        assert_eq!(
            context("ผลลัพธ์การเรียนรู้ ภาษาไทย ป.4"),
            Some((p(4), Some(LearningArea::Thai)))
        );
        assert_eq!(context("ม.1"), Some((Some(GradeReading::OutOfRange), None)));
        assert_eq!(context("4"), None);
        assert_eq!(context("ค"), None);
        assert_eq!(context("อ่านออกเสียงบทร้อยแก้ว"), None);
    }

    #[test]
    fn a_numbered_list_goes_on_past_999_but_a_year_stays_text() {
        let list: String = (1..=1002)
            .map(|i| format!("{i}. อ่านออกเสียง ข้อ {i}\n"))
            .collect();
        let read = read_text(&list, None);
        assert_eq!(read.outcomes.len(), 1002, "{:?}", read.problems);
        assert_eq!(read.outcomes[999].id, "1000");
        assert_eq!(read.outcomes[999].text, "อ่านออกเสียง ข้อ 1000");
        assert_eq!(read.outcomes[998].text, "อ่านออกเสียง ข้อ 999");

        // Not after 999: a year (or a number out of sequence) is text, as before.
        let read = read_text("2551. ปีที่ประกาศใช้หลักสูตร\n1. อ่านออกเสียง\n", None);
        assert_eq!(read.outcomes.len(), 1);
        assert_eq!(read.problems.len(), 1);
        let read = read_text("1. อ่านออกเสียง\n1002. ข้อความ\n", None);
        assert_eq!(read.outcomes.len(), 1);
        assert_eq!(read.outcomes[0].text, "อ่านออกเสียง 1002. ข้อความ");
    }
}
