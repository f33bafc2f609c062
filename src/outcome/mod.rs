//! Learning outcomes (ผลลัพธ์การเรียนรู้) as they come in: from a CSV/TSV
//! sheet, a JSON array, a 1EdTech CASE package, or plain text pasted from a
//! PDF or Word file.
//!
//! Every reader returns the outcomes it found *and* the problems it met, each
//! with its line and field. A row with a problem is kept whenever its text can
//! be kept (a bad grade is dropped, not the row): a teacher's work is never
//! silently lost.

use serde::{Deserialize, Serialize};

use crate::curriculum::LearningArea;
use crate::error::Error;

/// One learning outcome, or any Thai text to align (a lesson objective, a unit goal).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Outcome {
    /// The id the source gave (`LO1`, `ผล 2.1`), or one made from its position (`1`, `2`, …).
    pub id: String,
    pub text: String,
    /// ป.4–6 as 4–6, when the source says.
    #[serde(default)]
    pub grade: Option<u8>,
    #[serde(default)]
    pub area: Option<LearningArea>,
    /// The line of the input where the outcome starts, from 1 (none for API input).
    #[serde(default)]
    pub line: Option<usize>,
}

impl Outcome {
    /// An outcome with no grade, area or line.
    pub fn new(id: impl Into<String>, text: impl Into<String>) -> Outcome {
        Outcome {
            id: id.into(),
            text: text.into(),
            grade: None,
            area: None,
            line: None,
        }
    }
}

/// What a reader found: the outcomes, and the problems met on the way.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Outcomes {
    pub outcomes: Vec<Outcome>,
    pub problems: Vec<Error>,
}

mod case;
mod csv;
mod json;
mod text;

pub use case::read_case;
pub use csv::read_csv;
pub use json::{read_json, read_json_value};

pub use text::read_text;

use std::collections::HashMap;

use crate::error::{ErrorKind, Location};
use crate::text::cluster::{is_combining_mark, is_following_vowel, is_thai};
use crate::text::normalize::{ascii_digit, is_invisible, normalize};

/// The ways learning outcomes come in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum OutcomeFormat {
    /// Comma-separated values (RFC 4180), as Excel and Google Sheets export them.
    Csv,
    /// Tab-separated values, as a spreadsheet range copied to the clipboard gives them.
    Tsv,
    /// A JSON array of outcomes (objects or strings), or `{"outcomes": [...]}`.
    Json,
    /// A 1EdTech CASE 1.1 package (`CFDocument`, `CFItems`).
    Case,
    /// Plain text pasted from a PDF or Word file.
    Text,
}

impl OutcomeFormat {
    /// All formats, in the order of [`OutcomeFormat::as_str`]'s names in help texts.
    pub const ALL: [OutcomeFormat; 5] = [
        OutcomeFormat::Csv,
        OutcomeFormat::Tsv,
        OutcomeFormat::Json,
        OutcomeFormat::Case,
        OutcomeFormat::Text,
    ];

    /// The stable name: `csv`, `tsv`, `json`, `case` or `text`.
    pub fn as_str(self) -> &'static str {
        match self {
            OutcomeFormat::Csv => "csv",
            OutcomeFormat::Tsv => "tsv",
            OutcomeFormat::Json => "json",
            OutcomeFormat::Case => "case",
            OutcomeFormat::Text => "text",
        }
    }

    /// Reads a format name, case-insensitively; `txt` is accepted for `text`.
    pub fn parse(name: &str) -> crate::error::Result<OutcomeFormat> {
        let lower = name.trim().to_ascii_lowercase();
        if lower == "txt" {
            return Ok(OutcomeFormat::Text);
        }
        OutcomeFormat::ALL
            .into_iter()
            .find(|f| f.as_str() == lower)
            .ok_or_else(|| {
                Error::new(
                    ErrorKind::InvalidArgument,
                    format!(
                        "unknown outcome format \"{name}\": expected csv, tsv, json, case or text"
                    ),
                    format!("ไม่รู้จักรูปแบบ \"{name}\": ต้องเป็น csv, tsv, json, case หรือ text"),
                )
            })
    }
}

impl std::fmt::Display for OutcomeFormat {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Guesses the format of `content`, from the file name's extension when it has a known one
/// (`.csv`, `.tsv`/`.tab`, `.json`, `.txt`/`.md`), otherwise from the content itself:
///
/// - text starting with `{` or `[` (then a JSON value) is JSON, and a JSON object with
///   `CFItems` or `CFDocument` is CASE (also under a `.json` name);
/// - a first line that splits on tabs into cells naming known columns, or tabs on every
///   non-blank line (a spreadsheet range), is TSV;
/// - a first line that splits on commas into cells naming known columns is CSV;
/// - anything else is plain text. Headerless comma-separated lines are read as text on
///   purpose: Thai outcome texts often contain commas, and splitting them would be worse
///   than a line per outcome.
pub fn detect(name: Option<&str>, content: &str) -> OutcomeFormat {
    let content = strip_bom(content);
    let ext = name
        .and_then(|n| n.rsplit_once('.'))
        .map(|(_, e)| e.to_ascii_lowercase());
    match ext.as_deref() {
        Some("csv") => return OutcomeFormat::Csv,
        Some("tsv" | "tab") => return OutcomeFormat::Tsv,
        Some("json") => {
            return if looks_like_case(content) {
                OutcomeFormat::Case
            } else {
                OutcomeFormat::Json
            }
        }
        Some("txt" | "text" | "md") => return OutcomeFormat::Text,
        _ => {}
    }
    let trimmed = content.trim_start();
    let mut chars = trimmed.chars();
    let first = chars.next();
    let second = chars.find(|c| !c.is_whitespace());
    let json_start = match (first, second) {
        (Some('{'), _) => true,
        // `[ป.4]` or `[1]` opening a pasted list is text; `[` then a JSON value is JSON.
        (Some('['), Some(c)) => {
            matches!(c, '{' | '[' | '"' | ']' | '-' | 't' | 'f' | 'n')
                || (c.is_ascii_digit() && looks_like_json(trimmed))
        }
        _ => false,
    };
    if json_start {
        return if looks_like_case(content) {
            OutcomeFormat::Case
        } else {
            OutcomeFormat::Json
        };
    }
    let first_line = content.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
    if first_line.contains('\t') {
        let header = csv::Columns::from_header(&split_simple(first_line, '\t'));
        let all_tabbed = content
            .lines()
            .filter(|l| !l.trim().is_empty())
            .all(|l| l.contains('\t'));
        if header.is_some() || all_tabbed {
            return OutcomeFormat::Tsv;
        }
    }
    if first_line.contains(',')
        && csv::Columns::from_header(&split_simple(first_line, ',')).is_some()
    {
        return OutcomeFormat::Csv;
    }
    OutcomeFormat::Text
}

/// Cells of one line split on `delimiter`, with surrounding quotes dropped: enough to look
/// at a header, which never needs the full CSV rules.
fn split_simple(line: &str, delimiter: char) -> Vec<String> {
    line.split(delimiter)
        .map(|c| c.trim().trim_matches('"').to_string())
        .collect()
}

fn looks_like_json(content: &str) -> bool {
    serde_json::from_str::<serde::de::IgnoredAny>(content).is_ok()
}

fn looks_like_case(content: &str) -> bool {
    match serde_json::from_str::<serde_json::Value>(content) {
        Ok(serde_json::Value::Object(map)) => case::is_case_package(&map),
        _ => false,
    }
}

/// Reads `content` in `format`. `source` (a file name) is put into every problem's location.
pub fn read_outcomes(content: &str, format: OutcomeFormat, source: Option<&str>) -> Outcomes {
    match format {
        OutcomeFormat::Csv => read_csv(content, ',', source),
        OutcomeFormat::Tsv => read_csv(content, '\t', source),
        OutcomeFormat::Json => read_json(content, source),
        OutcomeFormat::Case => read_case(content, source),
        OutcomeFormat::Text => read_text(content, source),
    }
}

/// Drops a UTF-8 byte-order mark: Excel writes one at the start of every "CSV UTF-8" file.
fn strip_bom(content: &str) -> &str {
    content.strip_prefix('\u{FEFF}').unwrap_or(content)
}

// ---------------------------------------------------------------------------------------------
// What the readers share: field names, grade and area values, and the collector that gives
// ids and turns bad values into problems.

/// A field of an outcome, as a column or key names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Field {
    Id,
    Text,
    Grade,
    Area,
}

impl Field {
    /// The field a column header or JSON key names, compared case-insensitively after
    /// dropping invisible characters, a trailing `:` or `*`, and a parenthesised note
    /// (`ผลลัพธ์การเรียนรู้ (LO)`). `สาระ` and `วิชา` are read as the area: in school
    /// spreadsheets they hold the subject (คณิตศาสตร์); a strand name there is reported by
    /// the area check, not guessed at.
    pub(crate) fn from_name(name: &str) -> Option<Field> {
        let cleaned: String = name.chars().filter(|&c| !is_invisible(c)).collect();
        let cleaned = cleaned.trim().trim_end_matches([':', '*']).trim();
        let key = collapse_spaces(&cleaned.to_lowercase());
        if let Some(f) = Field::lookup(&key) {
            return Some(f);
        }
        // `ผลลัพธ์การเรียนรู้ (Learning Outcome)`: the name before the note.
        let before = key.split(['(', '[']).next().unwrap_or("").trim();
        if before != key {
            return Field::lookup(before);
        }
        None
    }

    fn lookup(key: &str) -> Option<Field> {
        const ID: &[&str] = &[
            "id",
            "code",
            "รหัส",
            "ลำดับ",
            "ลำดับที่",
            "ที่",
            "ข้อ",
            "no",
            "no.",
            "lo",
            "#",
        ];
        const TEXT: &[&str] = &[
            "text",
            "outcome",
            "learning outcome",
            "ผลลัพธ์การเรียนรู้",
            "ผลลัพธ์",
            "ข้อความ",
            "จุดประสงค์",
            "จุดประสงค์การเรียนรู้",
            "description",
            "fullstatement",
            "full statement",
            "statement",
            "objective",
        ];
        const GRADE: &[&str] = &[
            "grade",
            "ชั้น",
            "ระดับชั้น",
            "ชั้นปี",
            "ชั้นเรียน",
            "level",
            "educationlevel",
        ];
        const AREA: &[&str] = &[
            "area",
            "learning area",
            "subject",
            "กลุ่มสาระ",
            "กลุ่มสาระการเรียนรู้",
            "กลุ่มสาระฯ",
            "สาระ",
            "วิชา",
            "รายวิชา",
        ];
        [
            (Field::Id, ID),
            (Field::Text, TEXT),
            (Field::Grade, GRADE),
            (Field::Area, AREA),
        ]
        .into_iter()
        .find(|(_, names)| names.contains(&key))
        .map(|(f, _)| f)
    }

    /// The canonical English name, used in problem locations when the source gave none.
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            Field::Id => "id",
            Field::Text => "text",
            Field::Grade => "grade",
            Field::Area => "area",
        }
    }
}

fn collapse_spaces(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// What a grade value says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum GradeReading {
    /// ป.4, ป.5 or ป.6, as 4–6.
    InRange(u8),
    /// A grade, but not one of ป.4–6 (`7`, `ป.1`, `ม.2`).
    OutOfRange,
    /// Not a grade at all.
    Unreadable,
}

/// Reads the ways a grade is written: `4`, `04`, `ป.4`, `ป. 4`, `ป4`, `ชั้น ป.4`,
/// `ประถมศึกษาปีที่ 4`, `ชั้นประถมศึกษาปีที่ ๔`, `Grade 4`, `P4`, `ม.1` (out of range).
/// With `bare` false a number alone is not a grade: a text line `4` is not a header.
pub fn read_grade(value: &str, bare: bool) -> GradeReading {
    // Thai marks are dropped on both sides: a PDF copy displaces them (`ชนั้ ประถมศกึ ษาปที ี่`)
    // but leaves the letters in order, and no grade word differs from another only by marks.
    let compact: String = value
        .chars()
        .filter(|&c| !c.is_whitespace() && !is_invisible(c) && !is_combining_mark(c))
        .map(ascii_digit)
        .collect::<String>()
        .to_lowercase();
    let compact = compact.trim_end_matches([':', '.']);
    let compact = compact
        .strip_prefix('(')
        .and_then(|c| c.strip_suffix(')'))
        .unwrap_or(compact);
    // Longest prefixes first, so that `ชั้นป.` is not read as `ชั้น` + `ป.4`.
    const PRIMARY: &[&str] = &[
        "ระดับชั้นประถมศึกษาปีที่",
        "ชั้นประถมศึกษาปีที่",
        "ประถมศึกษาปีที่",
        "ชั้นป.",
        "ชั้นป",
        "ชั้นปีที่",
        "ชั้น",
        "ป.",
        "ป",
        "grade",
        "gr.",
        "p.",
        "p",
    ];
    const SECONDARY: &[&str] = &["ชั้นมัธยมศึกษาปีที่", "มัธยมศึกษาปีที่", "ชั้นม.", "ม.", "ม"];
    let unmarked = |p: &&str| -> String { p.chars().filter(|&c| !is_combining_mark(c)).collect() };
    let number = |rest: &str| -> Option<u32> {
        (!rest.is_empty() && rest.len() <= 2 && rest.bytes().all(|b| b.is_ascii_digit()))
            .then(|| rest.parse().ok())
            .flatten()
    };
    if let Some(rest) = SECONDARY
        .iter()
        .find_map(|p| compact.strip_prefix(unmarked(p).as_str()))
    {
        return match number(rest) {
            Some(_) => GradeReading::OutOfRange,
            None => GradeReading::Unreadable,
        };
    }
    let rest = match PRIMARY
        .iter()
        .find_map(|p| compact.strip_prefix(unmarked(p).as_str()))
    {
        Some(rest) => rest,
        None if bare => compact,
        None => return GradeReading::Unreadable,
    };
    match number(rest) {
        Some(n @ 4..=6) => GradeReading::InRange(n as u8),
        Some(_) => GradeReading::OutOfRange,
        None => GradeReading::Unreadable,
    }
}

/// Reads a learning area with [`LearningArea::parse`], also after dropping the words that
/// school documents put before the name (`กลุ่มสาระการเรียนรู้ภาษาไทย`, `วิชาคณิตศาสตร์`)
/// and the spaces inside the longer Thai names (`สังคมศึกษาศาสนาและวัฒนธรรม`).
pub fn read_area(value: &str) -> Option<LearningArea> {
    let cleaned: String = value.chars().filter(|&c| !is_invisible(c)).collect();
    let cleaned = collapse_spaces(cleaned.trim().trim_end_matches(':'));
    if let Some(a) = LearningArea::parse(&cleaned) {
        return Some(a);
    }
    const PREFIXES: &[&str] = &[
        "กลุ่มสาระการเรียนรู้",
        "กลุ่มสาระฯ",
        "กลุ่มสาระ",
        "สาระการเรียนรู้",
        "รายวิชา",
        "วิชา",
        "learning area",
        "subject",
    ];
    let lower = cleaned.to_lowercase();
    let rest = PREFIXES
        .iter()
        .find_map(|p| lower.strip_prefix(p))
        .map(|r| r.trim_start_matches([' ', ':']).trim())
        .unwrap_or(&lower);
    if let Some(a) = LearningArea::parse(rest) {
        return Some(a);
    }
    let squeezed: String = rest.chars().filter(|c| !c.is_whitespace()).collect();
    LearningArea::ALL.into_iter().find(|a| {
        let name: String = a.name_th().chars().filter(|c| !c.is_whitespace()).collect();
        name == squeezed
    })
}

/// Joins the lines of one outcome: Thai to Thai with no space (Thai puts no spaces between
/// words, so a line break inside Thai text is a wrap, not a word gap), anything else with one
/// space. A line starting with a mark or a following vowel is joined with no space whatever
/// came before: no word starts with one.
pub(crate) fn join_lines<'a>(lines: impl IntoIterator<Item = &'a str>) -> String {
    let mut out = String::new();
    for line in lines {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        if let (Some(prev), Some(next)) = (out.chars().last(), line.chars().next()) {
            let glued = (is_thai(prev) && is_thai(next))
                || is_combining_mark(next)
                || is_following_vowel(next);
            if !glued {
                out.push(' ');
            }
        }
        out.push_str(line);
    }
    out
}

/// An outcome's text as the engine should see it: lines joined, PDF breakage repaired.
fn clean_text(text: &str) -> String {
    // A lone CR ends a line too (old Mac files; a JSON "\r"): `str::lines` would keep it, and
    // normalising would turn it into a line break inside the outcome.
    let joined = join_lines(text.split(['\n', '\r']));
    normalize(&joined).trim().to_string()
}

/// Where a value came from: its line, and the field as the source named it.
#[derive(Debug, Clone, Default)]
pub(crate) struct Place {
    pub line: Option<usize>,
    /// Put before field names, e.g. `[3].` for the fourth element of a JSON array.
    pub prefix: String,
}

impl Place {
    /// `"line 3, "` and `"บรรทัด 3 "` to open a message, or nothing without a line.
    pub(crate) fn said(&self) -> (String, String) {
        match self.line {
            Some(l) => (format!("line {l}, "), format!("บรรทัด {l} ")),
            None => (String::new(), String::new()),
        }
    }

    pub(crate) fn line(line: usize) -> Place {
        Place {
            line: Some(line),
            prefix: String::new(),
        }
    }

    fn describe_en(&self) -> String {
        match (self.line, self.prefix.is_empty()) {
            (Some(l), _) => format!("line {l}"),
            (None, false) => format!("element {}", self.prefix.trim_end_matches('.')),
            (None, true) => "the input".to_string(),
        }
    }

    fn describe_th(&self) -> String {
        match (self.line, self.prefix.is_empty()) {
            (Some(l), _) => format!("บรรทัด {l}"),
            (None, false) => format!("รายการ {}", self.prefix.trim_end_matches('.')),
            (None, true) => "ข้อมูลนำเข้า".to_string(),
        }
    }
}

/// Gathers outcomes and problems for one read: checks values, gives ids and keeps them unique.
pub(crate) struct Collector<'a> {
    source: Option<&'a str>,
    found: Outcomes,
    /// Each id given so far, with the line of its outcome (for the duplicate message).
    ids: HashMap<String, Option<usize>>,
    /// For each id given twice, the suffix to try next: counting from 2 for each repeat
    /// cost the number of repeats squared (100k rows with one id never finished).
    next_suffix: HashMap<String, usize>,
}

impl<'a> Collector<'a> {
    pub(crate) fn new(source: Option<&'a str>) -> Collector<'a> {
        Collector {
            source,
            found: Outcomes::default(),
            ids: HashMap::new(),
            next_suffix: HashMap::new(),
        }
    }

    pub(crate) fn finish(self) -> Outcomes {
        self.found
    }

    pub(crate) fn outcome_count(&self) -> usize {
        self.found.outcomes.len()
    }

    /// Records a problem at `line`/`column` in `field`.
    pub(crate) fn problem(
        &mut self,
        kind: ErrorKind,
        en: String,
        th: String,
        line: Option<usize>,
        column: Option<usize>,
        field: Option<String>,
    ) {
        let location = Location {
            source: self.source.map(str::to_string),
            line,
            column,
            field,
        };
        self.found
            .problems
            .push(Error::new(kind, en, th).at(location));
    }

    /// A grade value, or `None` with an `invalid_field` problem when it is not ป.4–6.
    /// Blank values are no grade and no problem.
    pub(crate) fn grade(&mut self, value: &str, place: &Place, field: &str) -> Option<u8> {
        let value = value.trim();
        if value.is_empty() {
            return None;
        }
        let (en, th) = match read_grade(value, true) {
            GradeReading::InRange(g) => return Some(g),
            GradeReading::OutOfRange => (
                format!("{}: grade \"{value}\" is not ป.4–6; the outcome is kept without a grade", place.describe_en()),
                format!("{}: ชั้น \"{value}\" ไม่ใช่ ป.4–6 เก็บผลลัพธ์ไว้โดยไม่มีชั้น", place.describe_th()),
            ),
            GradeReading::Unreadable => (
                format!("{}: grade \"{value}\" cannot be read (expected 4, 5, 6 or ป.4–ป.6); the outcome is kept without a grade", place.describe_en()),
                format!("{}: อ่านชั้น \"{value}\" ไม่ได้ (ต้องเป็น 4, 5, 6 หรือ ป.4–ป.6) เก็บผลลัพธ์ไว้โดยไม่มีชั้น", place.describe_th()),
            ),
        };
        let field = format!("{}{field}", place.prefix);
        self.problem(
            ErrorKind::InvalidField,
            en,
            th,
            place.line,
            None,
            Some(field),
        );
        None
    }

    /// A learning area, or `None` with an `invalid_field` problem when it names none.
    pub(crate) fn area(&mut self, value: &str, place: &Place, field: &str) -> Option<LearningArea> {
        let value = value.trim();
        if value.is_empty() {
            return None;
        }
        if let Some(a) = read_area(value) {
            return Some(a);
        }
        let field = format!("{}{field}", place.prefix);
        self.problem(
            ErrorKind::InvalidField,
            format!("{}: learning area \"{value}\" is not one of ท ค ว ส พ ศ ง ต or their names; the outcome is kept without an area", place.describe_en()),
            format!("{}: \"{value}\" ไม่ใช่กลุ่มสาระ ท ค ว ส พ ศ ง ต หรือชื่อกลุ่มสาระ เก็บผลลัพธ์ไว้โดยไม่มีกลุ่มสาระ", place.describe_th()),
            place.line,
            None,
            Some(field),
        );
        None
    }

    /// Adds an outcome. Its text is cleaned ([`clean_text`]); an empty text is the one thing
    /// that drops an outcome, with a `missing_field` problem. A missing id becomes the
    /// outcome's position (`1`, `2`, … counting the outcomes kept so far, this one included);
    /// an id already given is reported and renamed `id-2`, `id-3`, … so that every outcome
    /// can still be told apart in a report.
    pub(crate) fn push(
        &mut self,
        id: Option<String>,
        text: &str,
        grade: Option<u8>,
        area: Option<LearningArea>,
        place: &Place,
        text_field: &str,
    ) {
        let text = clean_text(text);
        if text.is_empty() {
            let field = format!("{}{text_field}", place.prefix);
            self.problem(
                ErrorKind::MissingField,
                format!(
                    "{}: no outcome text; this entry is skipped",
                    place.describe_en()
                ),
                format!(
                    "{}: ไม่มีข้อความผลลัพธ์การเรียนรู้ จึงข้ามรายการนี้",
                    place.describe_th()
                ),
                place.line,
                None,
                Some(field),
            );
            return;
        }
        // Bidi controls and zero-width characters in an id (a right-to-left override
        // pasted with it) would show it reversed or make two ids look the same.
        let id = id
            .map(|i| collapse_spaces(&i.chars().filter(|&c| !is_invisible(c)).collect::<String>()))
            .filter(|i| !i.is_empty())
            .unwrap_or_else(|| (self.found.outcomes.len() + 1).to_string());
        let id = self.unique_id(id, place);
        self.ids.insert(id.clone(), place.line);
        self.found.outcomes.push(Outcome {
            id,
            text,
            grade,
            area,
            line: place.line,
        });
    }

    fn unique_id(&mut self, id: String, place: &Place) -> String {
        let Some(first) = self.ids.get(&id).copied() else {
            return id;
        };
        // Ids are never taken back, so every suffix below the last one given is still taken.
        let mut n = self.next_suffix.get(&id).copied().unwrap_or(2);
        let renamed = loop {
            let candidate = format!("{id}-{n}");
            n += 1;
            if !self.ids.contains_key(&candidate) {
                break candidate;
            }
        };
        self.next_suffix.insert(id.clone(), n);
        let (first_en, first_th) = match first {
            Some(l) => (
                format!(" (first at line {l})"),
                format!(" (ครั้งแรกที่บรรทัด {l})"),
            ),
            None => (String::new(), String::new()),
        };
        let field = format!("{}id", place.prefix);
        self.problem(
            ErrorKind::DuplicateId,
            format!(
                "{}: id \"{id}\" is used twice{first_en}; this outcome is renamed \"{renamed}\"",
                place.describe_en()
            ),
            format!(
                "{}: รหัส \"{id}\" ซ้ำ{first_th} เปลี่ยนรหัสของผลลัพธ์นี้เป็น \"{renamed}\"",
                place.describe_th()
            ),
            place.line,
            None,
            Some(field),
        );
        renamed
    }
}
