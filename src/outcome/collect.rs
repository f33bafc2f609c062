//! What the outcome readers share: the field a column or key names, the place a value came
//! from, and the collector that checks grade and area values, gives ids and turns bad values
//! into problems, so that every reader reports the same problem the same way.

use std::collections::HashMap;

use crate::area::{read_grade, GradeReading};
use crate::curriculum::LearningArea;
use crate::error::{Error, ErrorKind, Location};
use crate::framework::{
    held_stage, read_draft_area_value, read_either_area, read_stage, AreaReading, FrameworkArea,
};
use crate::text::chars::{is_combining_mark, is_following_vowel, is_invisible, is_thai};
use crate::text::normalize::normalize;

use super::{Outcome, Outcomes};

/// Drops a UTF-8 byte-order mark: Excel writes one at the start of every "CSV UTF-8" file.
pub(crate) fn strip_bom(content: &str) -> &str {
    content.strip_prefix('\u{FEFF}').unwrap_or(content)
}

/// A field of an outcome, as a column or key names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Field {
    Id,
    Text,
    Grade,
    Area,
    /// The draft framework's key stage (ช่วงชั้น).
    Stage,
    /// The draft framework's area, by a name that says so (`frameworkArea`, as Sapan's own
    /// JSON writes it). A draft name in the area field is read too.
    FrameworkArea,
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
        const STAGE: &[&str] = &["stage", "key stage", "keystage", "ช่วงชั้น", "ช่วงชั้นที่"];
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
            "สาระการเรียนรู้",
        ];
        const FRAMEWORK_AREA: &[&str] = &[
            "frameworkarea",
            "framework area",
            "framework_area",
            "draft area",
        ];
        [
            (Field::Id, ID),
            (Field::Text, TEXT),
            (Field::Grade, GRADE),
            (Field::Area, AREA),
            (Field::Stage, STAGE),
            (Field::FrameworkArea, FRAMEWORK_AREA),
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
            Field::Stage => "stage",
            Field::FrameworkArea => "frameworkArea",
        }
    }
}

/// What a source says about an outcome besides its text: its grade, its area (2551's, the
/// draft's, or both) and its key stage.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Labels {
    pub grade: Option<u8>,
    pub area: Option<LearningArea>,
    pub stage: Option<u8>,
    pub framework_area: Option<FrameworkArea>,
}

impl Labels {
    /// The labels a row or record gives: its grade and stage, the areas its area field
    /// names (of either curriculum), and the draft area of its own field, which wins over
    /// one the area field named.
    pub(crate) fn read(
        grade: Option<u8>,
        stage: Option<u8>,
        areas: Option<AreaReading>,
        framework_area: Option<FrameworkArea>,
    ) -> Labels {
        Labels {
            grade,
            stage,
            ..Labels::default()
        }
        .with_areas(areas)
        .with_framework_area(framework_area)
    }

    /// The labels with the areas `reading` names in place of the ones before.
    pub(crate) fn with_areas(self, reading: Option<AreaReading>) -> Labels {
        let reading = reading.unwrap_or_default();
        Labels {
            area: reading.area,
            framework_area: reading.framework_area,
            ..self
        }
    }

    /// The labels with `framework_area` (from its own field) in place of the draft area
    /// the area field gave, when there is one.
    pub(crate) fn with_framework_area(self, framework_area: Option<FrameworkArea>) -> Labels {
        Labels {
            framework_area: framework_area.or(self.framework_area),
            ..self
        }
    }
}

pub(super) fn collapse_spaces(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
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

    /// A problem with the value of `field` at `place` (the field named with the place's
    /// prefix, as every reader names it).
    fn field_problem(
        &mut self,
        kind: ErrorKind,
        place: &Place,
        field: &str,
        en: String,
        th: String,
    ) {
        let field = format!("{}{field}", place.prefix);
        self.problem(kind, en, th, place.line, None, Some(field));
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
        self.field_problem(ErrorKind::InvalidField, place, field, en, th);
        None
    }

    /// A learning area of 2551 or of the draft framework (or both, see [`read_either_area`]),
    /// or `None` with an `invalid_field` problem when it names neither.
    pub(crate) fn area(&mut self, value: &str, place: &Place, field: &str) -> Option<AreaReading> {
        let value = value.trim();
        if value.is_empty() {
            return None;
        }
        if let Some(a) = read_either_area(value) {
            return Some(a);
        }
        self.field_problem(
            ErrorKind::InvalidField,
            place,
            field,
            format!("{}: learning area \"{value}\" is not one of ท ค ว ส พ ศ ง ต or their names, nor one of the draft framework's nine areas; the outcome is kept without an area", place.describe_en()),
            format!("{}: \"{value}\" ไม่ใช่กลุ่มสาระ ท ค ว ส พ ศ ง ต หรือชื่อกลุ่มสาระ และไม่ใช่สาระการเรียนรู้ของกรอบหลักสูตร (ร่าง) เก็บผลลัพธ์ไว้โดยไม่มีกลุ่มสาระ", place.describe_th()),
        );
        None
    }

    /// A draft area from a field that holds only draft areas (`frameworkArea`): its key
    /// (`natural_science`), or its name, also a name 2551 shares (`ภาษาไทย` there is the
    /// draft's), or `None` with an `invalid_field` problem.
    pub(crate) fn framework_area(
        &mut self,
        value: &str,
        place: &Place,
        field: &str,
    ) -> Option<FrameworkArea> {
        let value = value.trim();
        if value.is_empty() {
            return None;
        }
        if let Some(a) = read_draft_area_value(value) {
            return Some(a);
        }
        self.field_problem(
            ErrorKind::InvalidField,
            place,
            field,
            format!("{}: \"{value}\" is not one of the draft framework's nine learning areas; the outcome is kept without it", place.describe_en()),
            format!("{}: \"{value}\" ไม่ใช่สาระการเรียนรู้หนึ่งในเก้าสาระของกรอบหลักสูตร (ร่าง) เก็บผลลัพธ์ไว้โดยไม่มีสาระนี้", place.describe_th()),
        );
        None
    }

    /// A key stage (`2`, `ช่วงชั้นที่ ๒`), or `None` with a problem: `stage_not_held` for a
    /// stage whose indicators are not held here (1, 3), `invalid_field` for a value that is
    /// no stage. Either way the outcome is kept, without a stage. Blank is no stage.
    pub(crate) fn stage(&mut self, value: &str, place: &Place, field: &str) -> Option<u8> {
        let value = value.trim();
        if value.is_empty() {
            return None;
        }
        let Some(n) = read_stage(value, true) else {
            self.field_problem(
                ErrorKind::InvalidField,
                place,
                field,
                format!("{}: stage \"{value}\" cannot be read (expected 2 or ช่วงชั้นที่ 2); the outcome is kept without a stage", place.describe_en()),
                format!("{}: อ่านช่วงชั้น \"{value}\" ไม่ได้ (ต้องเป็น 2 หรือ ช่วงชั้นที่ 2) เก็บผลลัพธ์ไว้โดยไม่มีช่วงชั้น", place.describe_th()),
            );
            return None;
        };
        match held_stage(n) {
            Ok(s) => Some(s.number),
            Err((en, th)) => {
                self.field_problem(
                    ErrorKind::StageNotHeld,
                    place,
                    field,
                    format!(
                        "{}: {en}; the outcome is kept without a stage",
                        place.describe_en()
                    ),
                    format!("{}: {th} เก็บผลลัพธ์ไว้โดยไม่มีช่วงชั้น", place.describe_th()),
                );
                None
            }
        }
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
        labels: Labels,
        place: &Place,
        text_field: &str,
    ) {
        let text = clean_text(text);
        if text.is_empty() {
            self.field_problem(
                ErrorKind::MissingField,
                place,
                text_field,
                format!(
                    "{}: no outcome text; this entry is skipped",
                    place.describe_en()
                ),
                format!(
                    "{}: ไม่มีข้อความผลลัพธ์การเรียนรู้ จึงข้ามรายการนี้",
                    place.describe_th()
                ),
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
            grade: labels.grade,
            area: labels.area,
            stage: labels.stage,
            framework_area: labels.framework_area,
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
        self.field_problem(
            ErrorKind::DuplicateId,
            place,
            "id",
            format!(
                "{}: id \"{id}\" is used twice{first_en}; this outcome is renamed \"{renamed}\"",
                place.describe_en()
            ),
            format!(
                "{}: รหัส \"{id}\" ซ้ำ{first_th} เปลี่ยนรหัสของผลลัพธ์นี้เป็น \"{renamed}\"",
                place.describe_th()
            ),
        );
        renamed
    }
}
