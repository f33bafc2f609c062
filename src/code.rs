//! Indicator codes (รหัสตัวชี้วัด) such as `ท 1.1 ป.4/1`.
//!
//! A code names one indicator: the learning-area letter (`ท`), the standard
//! (มาตรฐาน) as `major.minor` (`1.1`), the level and grade (`ป.4`: `ป.` for
//! primary, `ม.` for secondary) and the indicator's number within that grade
//! (`/1`).
//!
//! Teachers type codes in many ways: with Thai digits (`ท ๑.๑ ป.๔/๑`), without
//! spaces, with a dot after the letter, with invisible characters pasted from
//! Word or a PDF. [`IndicatorCode::parse`] reads exactly one code in any of those
//! forms; [`parse_code_list`] reads the lists and ranges of school documents
//! (`ท 1.1 ป.4/1-3, 5/2`), where a later item borrows what it leaves out from
//! the item before it. Whatever was typed, [`IndicatorCode`]'s `Display` gives
//! the one canonical form.

use std::collections::HashSet;
use std::fmt;
use std::str::FromStr;

use crate::area::LearningArea;
use crate::error::{Error, ErrorKind, Location, Result};
// Invisible characters (zero-width spaces that Thai word processors use as
// word breaks, BOM, soft hyphen, bidi marks) ride along when a teacher copies
// a code: they are dropped by the same rule the normaliser uses.
use crate::text::chars::{ascii_digit, is_consonant, is_invisible};

/// The highest grade within a level: ป.1–ป.6 and ม.1–ม.6.
pub const MAX_GRADE: u8 = 6;

/// The most indicators one range may name. No standard has anywhere near this
/// many indicators in one grade, so a longer range is a typo (`4/1-40` for
/// `4/1-4`), not an intent.
pub const MAX_RANGE_LEN: u16 = 50;

/// The level of schooling, written before the grade in a code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Level {
    /// ป. ประถมศึกษา (primary), grades ป.1–ป.6
    Primary,
    /// ม. มัธยมศึกษา (secondary), grades ม.1–ม.6
    Secondary,
}

impl Level {
    /// Both levels, primary first.
    pub const ALL: [Level; 2] = [Level::Primary, Level::Secondary];

    /// The letter written before the grade, e.g. `'ป'`.
    pub fn letter(self) -> char {
        match self {
            Level::Primary => 'ป',
            Level::Secondary => 'ม',
        }
    }

    /// The level for a letter, e.g. `'ม'` → Secondary.
    pub fn from_letter(letter: char) -> Option<Level> {
        Level::ALL.into_iter().find(|l| l.letter() == letter)
    }
}

/// `ป.` or `ม.`, as printed before the grade.
impl fmt::Display for Level {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}.", self.letter())
    }
}

/// One indicator code, e.g. `ท 1.1 ป.4/1`.
///
/// Codes order as the curriculum lists them: by area, then standard, then
/// level and grade, then number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct IndicatorCode {
    area: LearningArea,
    standard: (u8, u8),
    level: Level,
    grade: u8,
    seq: u16,
}

impl IndicatorCode {
    /// A code from its parts, checked: the standard's numbers and `seq` count
    /// from 1, and `grade` is 1–6.
    pub fn new(
        area: LearningArea,
        standard_major: u8,
        standard_minor: u8,
        level: Level,
        grade: u8,
        seq: u16,
    ) -> Result<IndicatorCode> {
        let code = IndicatorCode {
            area,
            standard: (standard_major, standard_minor),
            level,
            grade,
            seq,
        };
        let problem = if standard_major == 0 || standard_minor == 0 {
            Some(Problem::standard_zero())
        } else if !(1..=MAX_GRADE).contains(&grade) {
            Some(Problem::grade_out_of_range(level, &grade.to_string()))
        } else if seq == 0 {
            Some(Problem::seq_zero())
        } else {
            None
        };
        match problem {
            None => Ok(code),
            Some(p) => Err(Error::new(
                ErrorKind::InvalidCode,
                format!("invalid indicator code: {}", p.en),
                format!("รหัสตัวชี้วัดไม่ถูกต้อง: {}", p.th),
            )),
        }
    }

    /// Reads exactly one code, in any of the forms teachers type (see the
    /// module documentation). Lists and ranges are an error here; use
    /// [`parse_code_list`] for them.
    pub fn parse(input: &str) -> Result<IndicatorCode> {
        let mut p = Parser::new(input);
        p.skip_spaces();
        p.item_start = p.pos;
        let code = p.parse_item(&Context::default())?;
        p.skip_spaces();
        p.eat_final_full_stop();
        if !p.at_end() {
            return Err(p.fail_quoting(
                p.pos,
                &shorten(input.trim()),
                &Problem::new(
                    format!("expected exactly one code, but more text follows {code}"),
                    format!("ต้องเป็นรหัสเดียว แต่มีข้อความต่อท้าย {code}"),
                ),
            ));
        }
        Ok(code)
    }

    pub fn area(&self) -> LearningArea {
        self.area
    }

    /// The standard as written in the curriculum, e.g. `"ท 1.1"`.
    pub fn standard(&self) -> String {
        let (major, minor) = self.standard;
        format!("{} {major}.{minor}", self.area.letter())
    }

    /// The standard's two numbers, e.g. `(1, 1)` for `ท 1.1`.
    pub fn standard_number(&self) -> (u8, u8) {
        self.standard
    }

    pub fn level(&self) -> Level {
        self.level
    }

    /// The grade within the level, 1–6.
    pub fn grade(&self) -> u8 {
        self.grade
    }

    /// The indicator's number within its standard and grade, from 1.
    pub fn seq(&self) -> u16 {
        self.seq
    }
}

/// The canonical form: `ท 1.1 ป.4/1`, Arabic digits, single spaces.
impl fmt::Display for IndicatorCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (major, minor) = self.standard;
        write!(
            f,
            "{} {major}.{minor} {}{}/{}",
            self.area.letter(),
            self.level,
            self.grade,
            self.seq
        )
    }
}

impl FromStr for IndicatorCode {
    type Err = Error;

    fn from_str(s: &str) -> Result<IndicatorCode> {
        IndicatorCode::parse(s)
    }
}

/// A code travels as its canonical string, so JSON and JS see `"ท 1.1 ป.4/1"`.
impl serde::Serialize for IndicatorCode {
    fn serialize<S: serde::Serializer>(
        &self,
        serializer: S,
    ) -> std::result::Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> serde::Deserialize<'de> for IndicatorCode {
    fn deserialize<D: serde::Deserializer<'de>>(
        deserializer: D,
    ) -> std::result::Result<Self, D::Error> {
        deserializer.deserialize_str(CodeVisitor)
    }
}

struct CodeVisitor;

impl serde::de::Visitor<'_> for CodeVisitor {
    type Value = IndicatorCode;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an indicator code such as \"ท 1.1 ป.4/1\"")
    }

    fn visit_str<E: serde::de::Error>(self, v: &str) -> std::result::Result<IndicatorCode, E> {
        IndicatorCode::parse(v).map_err(E::custom)
    }
}

/// Reads a list of codes as school documents write them, e.g.
/// `ท 1.1 ป.4/1-3, 5/2 และ ท 2.1 ป.4/1`.
///
/// Items are separated by commas, semicolons, spaces, newlines or `และ`. An
/// item may leave out what it shares with the item before it: `4/2` keeps the
/// area, standard and level, `2` also keeps the grade, `2.1 ป.4/1` keeps the
/// area. Ranges use `-`, `–`, `—` or `ถึง` and stay within one grade. Codes
/// come back in the order written, each once. A blank input gives an empty
/// list: a lesson plan may name no indicator.
pub fn parse_code_list(input: &str) -> Result<Vec<IndicatorCode>> {
    parse_code_list_with_context(input, None)
}

/// Like [`parse_code_list`], but the first item may borrow its area and
/// standard from `context`, e.g. a column of `ป.4/1` cells under a heading
/// `ท 1.1`. The context is `(area, standard_major, standard_minor)`.
pub fn parse_code_list_with_context(
    input: &str,
    context: Option<(LearningArea, u8, u8)>,
) -> Result<Vec<IndicatorCode>> {
    let mut ctx = Context::default();
    if let Some((area, major, minor)) = context {
        if major == 0 || minor == 0 {
            let p = Problem::standard_zero();
            return Err(Error::new(
                ErrorKind::InvalidArgument,
                format!(
                    "invalid context standard {} {major}.{minor}: {}",
                    area.letter(),
                    p.en
                ),
                format!(
                    "มาตรฐาน {} {major}.{minor} ที่ให้มาไม่ถูกต้อง: {}",
                    area.letter(),
                    p.th
                ),
            ));
        }
        ctx.area = Some(area);
        ctx.standard = Some((major, minor));
    }

    let mut p = Parser::new(input);
    let mut codes = Vec::new();
    let mut seen = HashSet::new();
    p.skip_separators();
    while !p.at_end() {
        p.item_start = p.pos;
        let first = p.parse_item(&ctx)?;
        let last = p.parse_range_tail(first)?;
        for seq in first.seq..=last.seq {
            let code = IndicatorCode { seq, ..first };
            if seen.insert(code) {
                codes.push(code);
            }
        }
        ctx = Context::from_code(last);

        // What may follow an item: a separator, the end, a sentence's full stop,
        // or the next code's area letter (cells of a copied table lose their
        // borders and glue codes together: `ท 1.1 ป.4/1ท 1.1 ป.4/2`).
        if p.eat_final_full_stop() {
            break;
        }
        let separated = p.skip_separators();
        if p.at_end() {
            break;
        }
        let next_is_area = p.peek().and_then(LearningArea::from_letter).is_some();
        if !separated && !next_is_area {
            let found = p.peek().map(String::from).unwrap_or_default();
            return Err(p.fail(
                p.pos,
                &Problem::new(
                    format!(
                        "unexpected \"{found}\" after {last}; separate codes with \",\" \
                         (e.g. ท 1.1 ป.4/1, 4/2)"
                    ),
                    format!(
                        "มี \"{found}\" ต่อท้าย {last} ให้คั่นรหัสด้วย \",\" \
                         (เช่น ท 1.1 ป.4/1, 4/2)"
                    ),
                ),
            ));
        }
    }
    Ok(codes)
}

/// What an item of a list may borrow from the item before it.
#[derive(Debug, Default, Clone, Copy)]
struct Context {
    area: Option<LearningArea>,
    standard: Option<(u8, u8)>,
    level: Option<Level>,
    grade: Option<u8>,
}

impl Context {
    fn from_code(code: IndicatorCode) -> Context {
        Context {
            area: Some(code.area),
            standard: Some(code.standard),
            level: Some(code.level),
            grade: Some(code.grade),
        }
    }
}

/// What is wrong, in both languages, before the parser adds the quote and the
/// place.
struct Problem {
    en: String,
    th: String,
}

impl Problem {
    fn new(en: impl Into<String>, th: impl Into<String>) -> Problem {
        Problem {
            en: en.into(),
            th: th.into(),
        }
    }

    fn standard_zero() -> Problem {
        Problem::new(
            "standard numbers count from 1 (e.g. ท 1.1)",
            "เลขมาตรฐานเริ่มที่ 1 (เช่น ท 1.1)",
        )
    }

    fn seq_zero() -> Problem {
        Problem::new(
            "indicator numbers count from 1 (e.g. ท 1.1 ป.4/1)",
            "เลขตัวชี้วัดเริ่มที่ 1 (เช่น ท 1.1 ป.4/1)",
        )
    }

    fn grade_out_of_range(level: Level, grade: &str) -> Problem {
        let l = level.letter();
        Problem::new(
            format!("grade {l}.{grade} does not exist; expected {l}.1 to {l}.{MAX_GRADE}"),
            format!("ไม่มีชั้น {l}.{grade} ต้องเป็น {l}.1 ถึง {l}.{MAX_GRADE}"),
        )
    }

    fn needs_area_and_standard() -> Problem {
        Problem::new(
            "needs the area and standard, e.g. ท 1.1 ป.4/1",
            "ต้องระบุกลุ่มสาระและมาตรฐานก่อน เช่น ท 1.1 ป.4/1",
        )
    }
}

/// One character as the grammar sees it: Thai digits become Arabic (official
/// documents print codes with ๐–๙), every dash becomes `-` (word processors
/// turn `1-3` into `1–3`), every kind of space (NBSP, tab, newline) becomes
/// `' '`.
fn normalise(c: char) -> char {
    match c {
        '๐'..='๙' => ascii_digit(c),
        '‐' | '‑' | '‒' | '–' | '—' | '―' | '−' => '-',
        c if c.is_whitespace() => ' ',
        c => c,
    }
}

/// A number as read, kept as text for messages so that `99999999999` is
/// reported as typed rather than overflowing.
struct Number {
    value: u32,
    text: String,
    at: usize,
}

/// A hand-written recursive-descent reader over normalised characters. It
/// works on a `Vec<char>`, never on byte offsets, so no input can split a
/// multi-byte Thai character and panic.
struct Parser {
    original: Vec<char>,
    /// Normalised characters, each with its index in `original`.
    chars: Vec<(char, usize)>,
    pos: usize,
    /// Where the current list item starts, for quoting it in errors.
    item_start: usize,
}

impl Parser {
    fn new(input: &str) -> Parser {
        let original: Vec<char> = input.chars().collect();
        let chars = original
            .iter()
            .enumerate()
            .filter(|(_, c)| !is_invisible(**c))
            .map(|(i, c)| (normalise(*c), i))
            .collect();
        Parser {
            original,
            chars,
            pos: 0,
            item_start: 0,
        }
    }

    fn peek(&self) -> Option<char> {
        self.peek_at(0)
    }

    fn peek_at(&self, offset: usize) -> Option<char> {
        self.chars.get(self.pos + offset).map(|c| c.0)
    }

    fn at_end(&self) -> bool {
        self.pos >= self.chars.len()
    }

    fn eat(&mut self, c: char) -> bool {
        if self.peek() == Some(c) {
            self.pos += 1;
            true
        } else {
            false
        }
    }

    fn eat_word(&mut self, word: &str) -> bool {
        let mut i = self.pos;
        for w in word.chars() {
            if self.chars.get(i).map(|c| c.0) != Some(w) {
                return false;
            }
            i += 1;
        }
        self.pos = i;
        true
    }

    fn skip_spaces(&mut self) -> bool {
        let start = self.pos;
        while self.eat(' ') {}
        self.pos > start
    }

    /// Skips what separates list items; true if anything was skipped. `เเละ`
    /// (two sara e) is how many people type `และ` (sara ae), and it looks the same.
    fn skip_separators(&mut self) -> bool {
        let start = self.pos;
        while self.eat(' ')
            || self.eat(',')
            || self.eat(';')
            || self.eat_word("และ")
            || self.eat_word("เเละ")
        {}
        self.pos > start
    }

    /// A sentence may end right after a code (`… ตามตัวชี้วัด ท 1.1 ป.4/1.`).
    /// Consumes the full stop only if nothing but spaces follows it.
    fn eat_final_full_stop(&mut self) -> bool {
        let save = self.pos;
        self.skip_spaces();
        if self.eat('.') {
            self.skip_spaces();
            if self.at_end() {
                return true;
            }
        }
        self.pos = save;
        false
    }

    /// Skips a word that labels a code in school documents: `มาตรฐาน ท 1.1`,
    /// `มฐ. ท 1.1`, `ตัวชี้วัด ป.4/1`, `ตัวชี้วัดที่`. The label is read, not
    /// required.
    fn skip_label(&mut self) {
        for label in ["มาตรฐาน", "มฐ", "ตัวชี้วัด"] {
            if self.eat_word(label) {
                // "ตัวชี้วัดที่ 1" ("indicator no. 1"): skip the ordinal word so
                // the error is about the missing area, not about "ที่" read as ท.
                self.eat_word("ที่");
                self.skip_spaces();
                if self.eat('.') || self.eat(':') {
                    self.skip_spaces();
                }
                return;
            }
        }
    }

    fn read_number(&mut self) -> Option<Number> {
        let at = self.pos;
        let mut value: u32 = 0;
        let mut text = String::new();
        while let Some(d) = self.peek().and_then(|c| c.to_digit(10)) {
            value = value.saturating_mul(10).saturating_add(d);
            if text.chars().count() < 12 {
                text.push(char::from_digit(d, 10).unwrap_or('?'));
            } else if !text.ends_with('…') {
                text.push('…');
            }
            self.pos += 1;
        }
        (self.pos > at).then_some(Number { value, text, at })
    }

    /// Reads one item of a list: a full code, or a shorter form that borrows
    /// from `ctx`.
    fn parse_item(&mut self, ctx: &Context) -> Result<IndicatorCode> {
        self.skip_label();
        let start = self.pos;
        let Some(c) = self.peek() else {
            return Err(self.fail(
                start,
                &Problem::new(
                    "expected an indicator code, e.g. ท 1.1 ป.4/1, but found nothing",
                    "ไม่พบรหัสตัวชี้วัด ต้องเป็นรูปแบบ เช่น ท 1.1 ป.4/1",
                ),
            ));
        };
        if let Some(area) = LearningArea::from_letter(c) {
            self.pos += 1;
            return self.parse_after_area(area);
        }
        if Level::from_letter(c).is_some() {
            let (Some(area), Some(standard)) = (ctx.area, ctx.standard) else {
                return Err(self.fail(start, &Problem::needs_area_and_standard()));
            };
            return self.parse_level_part(area, standard);
        }
        if c.is_ascii_digit() {
            return self.parse_number_led(ctx);
        }
        // A Thai consonant is what an area letter looks like, so a wrong one gets
        // the "not a learning area" message rather than a generic one.
        if is_consonant(c) {
            let valid: Vec<String> = LearningArea::ALL
                .iter()
                .map(|a| a.letter().to_string())
                .collect();
            let valid = valid.join(" ");
            return Err(self.fail(
                start,
                &Problem::new(
                    format!(
                        "\"{c}\" is not a learning-area letter; expected one of {valid} \
                         (e.g. ท 1.1 ป.4/1)"
                    ),
                    format!(
                        "\"{c}\" ไม่ใช่อักษรของกลุ่มสาระ ต้องเป็นตัวใดตัวหนึ่งใน {valid} \
                         (เช่น ท 1.1 ป.4/1)"
                    ),
                ),
            ));
        }
        Err(self.fail(
            start,
            &Problem::new(
                format!("expected an indicator code such as ท 1.1 ป.4/1, found \"{c}\""),
                format!("ต้องเป็นรหัสตัวชี้วัด เช่น ท 1.1 ป.4/1 แต่พบ \"{c}\""),
            ),
        ))
    }

    /// After the area letter: `1.1 ป.4/1`, also `.1.1` (`ท.1.1` is a common
    /// way to write it) and spaces anywhere in between.
    fn parse_after_area(&mut self, area: LearningArea) -> Result<IndicatorCode> {
        let letter = area.letter();
        self.skip_spaces();
        if self.eat('.') {
            self.skip_spaces();
        }
        let Some(major) = self.read_number() else {
            return Err(self.fail(
                self.pos,
                &Problem::new(
                    format!("expected the standard number after \"{letter}\", e.g. {letter} 1.1"),
                    format!("ต้องมีเลขมาตรฐานหลัง \"{letter}\" เช่น {letter} 1.1"),
                ),
            ));
        };
        self.skip_spaces();
        let dot_at = self.pos;
        let minor = if self.eat('.') {
            self.skip_spaces();
            self.read_number()
        } else {
            None
        };
        let Some(minor) = minor else {
            let m = &major.text;
            return Err(self.fail(
                dot_at,
                &Problem::new(
                    format!(
                        "expected the standard as two numbers, e.g. {letter} {m}.1, \
                         after \"{letter} {m}\""
                    ),
                    format!("มาตรฐานต้องมีเลขสองส่วน เช่น {letter} {m}.1"),
                ),
            ));
        };
        let standard = (self.standard_part(&major)?, self.standard_part(&minor)?);
        self.parse_level_part(area, standard)
    }

    /// An item that starts with a number: `2.1 ป.4/1` (new standard), `4/2`
    /// (new grade or number) or `2` (new number).
    fn parse_number_led(&mut self, ctx: &Context) -> Result<IndicatorCode> {
        let start = self.pos;
        let Some(first) = self.read_number() else {
            return Err(self.fail(start, &Problem::needs_area_and_standard()));
        };

        if self.peek() == Some('.') && self.peek_at(1).is_some_and(|c| c.is_ascii_digit()) {
            let Some(area) = ctx.area else {
                return Err(self.fail(start, &Problem::needs_area_and_standard()));
            };
            self.pos += 1;
            let Some(minor) = self.read_number() else {
                return Err(self.fail(self.pos, &Problem::needs_area_and_standard()));
            };
            let standard = (self.standard_part(&first)?, self.standard_part(&minor)?);
            return self.parse_level_part(area, standard);
        }

        let save = self.pos;
        self.skip_spaces();
        if self.eat('/') {
            let (Some(area), Some(standard)) = (ctx.area, ctx.standard) else {
                return Err(self.fail(start, &Problem::needs_area_and_standard()));
            };
            let Some(level) = ctx.level else {
                return Err(self.fail(
                    start,
                    &Problem::new(
                        format!("needs ป. or ม. before the grade, e.g. ป.{}/1", first.text),
                        format!("ต้องมี ป. หรือ ม. หน้าชั้น เช่น ป.{}/1", first.text),
                    ),
                ));
            };
            let grade = self.grade(level, &first)?;
            let seq = self.read_seq()?;
            return Ok(IndicatorCode {
                area,
                standard,
                level,
                grade,
                seq,
            });
        }
        self.pos = save;

        let (Some(area), Some(standard)) = (ctx.area, ctx.standard) else {
            return Err(self.fail(start, &Problem::needs_area_and_standard()));
        };
        let (Some(level), Some(grade)) = (ctx.level, ctx.grade) else {
            return Err(self.fail(
                start,
                &Problem::new(
                    "needs the grade before the indicator number, e.g. ป.4/1",
                    "ต้องระบุชั้นก่อนเลขตัวชี้วัด เช่น ป.4/1",
                ),
            ));
        };
        let seq = self.seq_value(&first)?;
        Ok(IndicatorCode {
            area,
            standard,
            level,
            grade,
            seq,
        })
    }

    /// The level, grade and number: `ป.4/1`, also `ป. 4/1`, `ป4/1`. School
    /// documents sometimes put the word `ตัวชี้วัด` between standard and grade.
    fn parse_level_part(
        &mut self,
        area: LearningArea,
        standard: (u8, u8),
    ) -> Result<IndicatorCode> {
        self.skip_spaces();
        if self.eat_word("ตัวชี้วัด") {
            self.skip_spaces();
            if self.eat(':') {
                self.skip_spaces();
            }
        }
        let level_at = self.pos;
        let Some(level) = self.peek().and_then(Level::from_letter) else {
            let (major, minor) = standard;
            let std = format!("{} {major}.{minor}", area.letter());
            return Err(self.fail(
                level_at,
                &Problem::new(
                    format!("expected ป. or ม. and the grade after {std}, e.g. {std} ป.4/1"),
                    format!("ต้องมี ป. หรือ ม. และชั้นต่อจาก {std} เช่น {std} ป.4/1"),
                ),
            ));
        };
        self.pos += 1;
        self.skip_spaces();
        if self.eat('.') {
            self.skip_spaces();
        }
        let l = level.letter();
        let Some(grade_number) = self.read_number() else {
            return Err(self.fail(
                self.pos,
                &Problem::new(
                    format!("expected the grade after \"{l}.\", e.g. {l}.4/1"),
                    format!("ต้องมีเลขชั้นหลัง \"{l}.\" เช่น {l}.4/1"),
                ),
            ));
        };
        let grade = self.grade(level, &grade_number)?;
        self.skip_spaces();
        if !self.eat('/') {
            return Err(self.missing_slash(level, &grade_number));
        }
        let seq = self.read_seq()?;
        Ok(IndicatorCode {
            area,
            standard,
            level,
            grade,
            seq,
        })
    }

    /// The error for a grade not followed by `/`. The upper-secondary
    /// indicators of 2551 are written for three grades at once (`ม.4-6/1`);
    /// that deserves its own message, since it is real curriculum text that
    /// this type does not model.
    fn missing_slash(&mut self, level: Level, grade: &Number) -> Error {
        let at = self.pos;
        let l = level.letter();
        let g = &grade.text;
        if self.eat('-') {
            self.skip_spaces();
            if let Some(to) = self.read_number() {
                self.skip_spaces();
                if self.peek() == Some('/') {
                    let to = to.text;
                    return self.fail(
                        grade.at,
                        &Problem::new(
                            format!(
                                "combined grades such as \"{l}.{g}-{to}\" are not supported; \
                                 write one grade, e.g. {l}.{g}/1"
                            ),
                            format!(
                                "ยังไม่รองรับรหัสหลายชั้นแบบ \"{l}.{g}-{to}\" ให้ระบุชั้นเดียว เช่น {l}.{g}/1"
                            ),
                        ),
                    );
                }
            }
        }
        self.fail(
            at,
            &Problem::new(
                format!(
                    "expected \"/\" and the indicator number after \"{l}.{g}\", e.g. {l}.{g}/1"
                ),
                format!("ต้องมี \"/\" และเลขตัวชี้วัดหลัง \"{l}.{g}\" เช่น {l}.{g}/1"),
            ),
        )
    }

    /// The number after `/`.
    fn read_seq(&mut self) -> Result<u16> {
        self.skip_spaces();
        match self.read_number() {
            Some(n) => self.seq_value(&n),
            None => Err(self.fail(
                self.pos,
                &Problem::new(
                    "expected a number after \"/\" (e.g. ท 1.1 ป.4/1)",
                    "ต้องมีตัวเลขหลัง \"/\" (เช่น ท 1.1 ป.4/1)",
                ),
            )),
        }
    }

    /// After a first code, an optional `-3`, `– 4/3`, `ถึง ป.4/3` or a full
    /// code; returns the range's last code (the first code itself if there is
    /// no range).
    fn parse_range_tail(&mut self, first: IndicatorCode) -> Result<IndicatorCode> {
        let save = self.pos;
        self.skip_spaces();
        if !(self.eat('-') || self.eat_word("ถึง")) {
            self.pos = save;
            return Ok(first);
        }
        self.skip_spaces();
        let end_at = self.pos;
        let ends_early = match self.peek() {
            None | Some(',') | Some(';') => true,
            Some(c) => {
                !(c.is_ascii_digit()
                    || Level::from_letter(c).is_some()
                    || LearningArea::from_letter(c).is_some())
            }
        };
        if ends_early {
            return Err(self.fail(
                end_at,
                &Problem::new(
                    format!(
                        "expected the last number of the range after {first}, \
                         e.g. {first}-{}",
                        first.seq.saturating_add(2)
                    ),
                    format!(
                        "ต้องมีเลขตัวสุดท้ายของช่วงต่อจาก {first} เช่น {first}-{}",
                        first.seq.saturating_add(2)
                    ),
                ),
            ));
        }
        let last = self.parse_item(&Context::from_code(first))?;
        if (IndicatorCode {
            seq: first.seq,
            ..last
        }) != first
        {
            return Err(self.fail(
                end_at,
                &Problem::new(
                    format!(
                        "a range must stay within one standard and grade, but goes from \
                         {first} to {last} (e.g. ท 1.1 ป.4/1-3)"
                    ),
                    format!(
                        "ช่วงต้องอยู่ในมาตรฐานและชั้นเดียวกัน แต่ {first} ถึง {last} ไม่ใช่ \
                         (เช่น ท 1.1 ป.4/1-3)"
                    ),
                ),
            ));
        }
        let (from, to) = (first.seq, last.seq);
        if to < from {
            return Err(self.fail(
                end_at,
                &Problem::new(
                    format!(
                        "the range {from}-{to} runs backwards; write the smaller number \
                         first, e.g. /{to}-{from}"
                    ),
                    format!("ช่วง {from}-{to} กลับด้าน ให้เขียนเลขน้อยก่อน เช่น /{to}-{from}"),
                ),
            ));
        }
        let len = to - from + 1;
        if len > MAX_RANGE_LEN {
            return Err(self.fail(
                end_at,
                &Problem::new(
                    format!(
                        "the range {from}-{to} names {len} indicators; one range may name \
                         at most {MAX_RANGE_LEN}"
                    ),
                    format!("ช่วง {from}-{to} มี {len} ตัวชี้วัด ช่วงหนึ่งมีได้ไม่เกิน {MAX_RANGE_LEN} ตัว"),
                ),
            ));
        }
        Ok(last)
    }

    fn standard_part(&self, n: &Number) -> Result<u8> {
        match u8::try_from(n.value) {
            Ok(0) => Err(self.fail(n.at, &Problem::standard_zero())),
            Ok(v) => Ok(v),
            Err(_) => Err(self.fail(
                n.at,
                &Problem::new(
                    format!("standard number {} is too large", n.text),
                    format!("เลขมาตรฐาน {} มากเกินไป", n.text),
                ),
            )),
        }
    }

    fn grade(&self, level: Level, n: &Number) -> Result<u8> {
        match u8::try_from(n.value) {
            Ok(g) if (1..=MAX_GRADE).contains(&g) => Ok(g),
            _ => Err(self.fail(n.at, &Problem::grade_out_of_range(level, &n.text))),
        }
    }

    fn seq_value(&self, n: &Number) -> Result<u16> {
        match u16::try_from(n.value) {
            Ok(0) => Err(self.fail(n.at, &Problem::seq_zero())),
            Ok(v) => Ok(v),
            Err(_) => Err(self.fail(
                n.at,
                &Problem::new(
                    format!("indicator number {} is too large", n.text),
                    format!("เลขตัวชี้วัด {} มากเกินไป", n.text),
                ),
            )),
        }
    }

    /// Index in the original text of normalised position `pos`. Past the
    /// last character it is just after the last visible one, so an error at
    /// the end of `ป.4/` followed by a pasted zero-width space points where
    /// the teacher sees the end.
    fn original_index(&self, pos: usize) -> usize {
        match self.chars.get(pos) {
            Some(c) => c.1,
            None => self.chars.last().map_or(0, |c| c.1 + 1),
        }
    }

    /// An `InvalidCode` error quoting the current item as the teacher typed it
    /// and pointing at the character where the problem starts.
    fn fail(&self, pos: usize, problem: &Problem) -> Error {
        self.fail_quoting(pos, &self.quote(pos), problem)
    }

    fn fail_quoting(&self, pos: usize, quote: &str, problem: &Problem) -> Error {
        let at = self.original_index(pos);
        let before = self.original.get(..at).unwrap_or(&self.original);
        let line = 1 + before.iter().filter(|c| **c == '\n').count();
        let column = 1 + before.iter().rev().take_while(|c| **c != '\n').count();
        let multiline = self.original.contains(&'\n');
        Error::new(
            ErrorKind::InvalidCode,
            format!("cannot read \"{quote}\": {}", problem.en),
            format!("อ่านรหัส \"{quote}\" ไม่ได้: {}", problem.th),
        )
        .at(Location {
            line: multiline.then_some(line),
            column: Some(column),
            ..Location::default()
        })
    }

    /// The current item as typed: from its start to the next `,`, `;` or line
    /// break, or to the bad character if that lies further on.
    fn quote(&self, pos: usize) -> String {
        let start = self.original_index(self.item_start);
        let at = self.original_index(pos);
        let item_end = (start..self.original.len())
            .find(|&i| matches!(self.original.get(i), Some(',' | ';' | '\n')))
            .unwrap_or(self.original.len());
        let end = if at > item_end {
            (at + 1).min(self.original.len())
        } else {
            item_end
        };
        let text: String = self
            .original
            .get(start..end.max(start))
            .unwrap_or_default()
            .iter()
            .filter(|c| !is_invisible(**c))
            .collect();
        shorten(text.trim())
    }
}

/// Text quoted in a message, cut to a readable length.
fn shorten(text: &str) -> String {
    const MAX_CHARS: usize = 40;
    if text.chars().count() > MAX_CHARS {
        let mut short: String = text.chars().take(MAX_CHARS).collect();
        short.push('…');
        short
    } else {
        text.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const INDICATORS: &str = include_str!("../data/curriculum/indicators_2551_p4-6.jsonl");

    fn curriculum_codes() -> Vec<String> {
        INDICATORS
            .lines()
            .filter(|l| !l.trim().is_empty())
            .map(|l| {
                let v: serde_json::Value = serde_json::from_str(l).expect("valid JSON line");
                v["code"].as_str().expect("code field").to_string()
            })
            .collect()
    }

    fn code(s: &str) -> IndicatorCode {
        IndicatorCode::parse(s).unwrap_or_else(|e| panic!("{s:?}: {e}"))
    }

    fn list(s: &str) -> Vec<String> {
        parse_code_list(s)
            .unwrap_or_else(|e| panic!("{s:?}: {e}"))
            .iter()
            .map(ToString::to_string)
            .collect()
    }

    fn code_err(s: &str) -> Error {
        let e = IndicatorCode::parse(s).expect_err(s);
        assert_eq!(e.kind(), ErrorKind::InvalidCode, "{s:?}");
        e
    }

    fn list_err(s: &str) -> Error {
        let e = parse_code_list(s).expect_err(s);
        assert_eq!(e.kind(), ErrorKind::InvalidCode, "{s:?}");
        e
    }

    fn column(e: &Error) -> Option<usize> {
        e.location().and_then(|l| l.column)
    }

    // The data: every real code reads, prints back unchanged, and agrees with
    // the record's other fields.

    #[test]
    fn all_582_curriculum_codes_round_trip() {
        let mut n = 0;
        for line in INDICATORS.lines().filter(|l| !l.trim().is_empty()) {
            let v: serde_json::Value = serde_json::from_str(line).unwrap();
            let text = v["code"].as_str().unwrap();
            let c = code(text);
            assert_eq!(c.to_string(), text);
            assert_eq!(
                c.area().letter().to_string(),
                v["area_code"].as_str().unwrap()
            );
            assert_eq!(c.standard(), v["standard"].as_str().unwrap());
            assert_eq!(u64::from(c.grade()), v["grade"].as_u64().unwrap());
            assert_eq!(u64::from(c.seq()), v["seq"].as_u64().unwrap());
            assert_eq!(c.level(), Level::Primary);
            let json = serde_json::to_string(&c).unwrap();
            assert_eq!(serde_json::from_str::<IndicatorCode>(&json).unwrap(), c);
            n += 1;
        }
        assert_eq!(n, 582);
    }

    #[test]
    fn display_of_parse_is_identity_for_canonical_codes() {
        let codes = curriculum_codes();
        for text in &codes {
            assert_eq!(&code(text).to_string(), text);
            assert_eq!(&text.parse::<IndicatorCode>().unwrap().to_string(), text);
        }
        for text in ["ท 1.1 ป.1/1", "ต 4.2 ม.6/12", "ส 5.1 ม.1/3"] {
            assert_eq!(code(text).to_string(), text);
        }
    }

    #[test]
    fn the_whole_curriculum_reads_as_one_list() {
        let codes = curriculum_codes();
        let joined = codes.join(", ");
        assert_eq!(list(&joined), codes);
    }

    #[test]
    fn curriculum_order_is_area_standard_grade_then_number() {
        let mut codes: Vec<IndicatorCode> = [
            "ค 1.1 ป.4/1",
            "ท 2.1 ป.4/1",
            "ท 1.1 ป.5/1",
            "ท 1.1 ป.4/10",
            "ท 1.1 ป.4/2",
        ]
        .iter()
        .map(|s| code(s))
        .collect();
        codes.sort();
        let sorted: Vec<String> = codes.iter().map(ToString::to_string).collect();
        assert_eq!(
            sorted,
            [
                "ท 1.1 ป.4/2",
                "ท 1.1 ป.4/10",
                "ท 1.1 ป.5/1",
                "ท 2.1 ป.4/1",
                "ค 1.1 ป.4/1"
            ]
        );
    }

    // Single codes in the forms teachers type.

    #[test]
    fn accessors_give_the_parts_of_a_code() {
        let c = code("ค 2.3 ป.6/11");
        assert_eq!(c.area(), LearningArea::Mathematics);
        assert_eq!(c.standard(), "ค 2.3");
        assert_eq!(c.standard_number(), (2, 3));
        assert_eq!(c.level(), Level::Primary);
        assert_eq!(c.grade(), 6);
        assert_eq!(c.seq(), 11);
    }

    #[test]
    fn accepts_every_area_letter() {
        for area in LearningArea::ALL {
            let text = format!("{} 1.1 ป.4/1", area.letter());
            assert_eq!(code(&text).area(), area);
        }
    }

    #[test]
    fn accepts_no_space_after_the_area_letter() {
        assert_eq!(code("ท1.1 ป.4/1").to_string(), "ท 1.1 ป.4/1");
    }

    #[test]
    fn accepts_thai_digits() {
        assert_eq!(code("ท ๑.๑ ป.๔/๑").to_string(), "ท 1.1 ป.4/1");
        assert_eq!(code("ค ๒.๓ ป.๖/๑๐").to_string(), "ค 2.3 ป.6/10");
    }

    #[test]
    fn accepts_a_space_after_the_grade_prefix() {
        assert_eq!(code("ท 1.1 ป. 4/1").to_string(), "ท 1.1 ป.4/1");
        assert_eq!(code("ท 1.1 ป 4 / 1").to_string(), "ท 1.1 ป.4/1");
        assert_eq!(code("ท 1.1 ป4/1").to_string(), "ท 1.1 ป.4/1");
    }

    #[test]
    fn accepts_a_dot_after_the_area_letter() {
        assert_eq!(code("ท.1.1 ป.4/1").to_string(), "ท 1.1 ป.4/1");
        assert_eq!(code("ท. 1.1 ป.4/1").to_string(), "ท 1.1 ป.4/1");
    }

    #[test]
    fn accepts_the_grade_glued_to_the_standard() {
        assert_eq!(code("ท 1.1ป.4/1").to_string(), "ท 1.1 ป.4/1");
        assert_eq!(code("ท1.1ป.4/1").to_string(), "ท 1.1 ป.4/1");
    }

    #[test]
    fn accepts_odd_whitespace_and_invisible_characters() {
        for s in [
            "  ท 1.1 ป.4/1  ",
            "ท\u{00A0}1.1\u{00A0}ป.4/1",
            "ท\t1.1\tป.4/1",
            "ท 1.1\u{200B} ป.4/1",
            "\u{FEFF}ท 1.1 ป.4/\u{200B}1",
            "ท  1.1 \n ป.4/1\n",
            "ท 1.1 ป.4/1\u{200B}",
            "ท 1.\u{200B}1 ป.4/1",
        ] {
            assert_eq!(code(s).to_string(), "ท 1.1 ป.4/1", "{s:?}");
        }
    }

    #[test]
    fn accepts_standard_and_indicator_labels() {
        for s in [
            "มฐ. ท 1.1 ป.4/1",
            "มฐ ท 1.1 ป.4/1",
            "มาตรฐาน ท 1.1 ป.4/1",
            "ตัวชี้วัด ท 1.1 ป.4/1",
            "มาตรฐาน ท 1.1 ตัวชี้วัด ป.4/1",
            "ตัวชี้วัด: ท 1.1 ป.4/1",
        ] {
            assert_eq!(code(s).to_string(), "ท 1.1 ป.4/1", "{s:?}");
        }
    }

    #[test]
    fn keeps_the_secondary_prefix_it_was_given() {
        let c = code("ค 1.1 ม.2/3");
        assert_eq!(c.level(), Level::Secondary);
        assert_eq!(c.to_string(), "ค 1.1 ม.2/3");
        assert_eq!(code("ว ๒.๑ ม. ๖/๔").to_string(), "ว 2.1 ม.6/4");
        assert_ne!(code("ค 1.1 ม.2/3"), code("ค 1.1 ป.2/3"));
    }

    #[test]
    fn accepts_a_sentence_final_full_stop() {
        assert_eq!(code("ท 1.1 ป.4/1.").to_string(), "ท 1.1 ป.4/1");
        assert_eq!(list("ท 1.1 ป.4/1, 4/2."), ["ท 1.1 ป.4/1", "ท 1.1 ป.4/2"]);
    }

    #[test]
    fn from_str_and_serde_use_the_canonical_string() {
        let c: IndicatorCode = "ท๑.๑ ป.๔/๑".parse().unwrap();
        assert_eq!(serde_json::to_string(&c).unwrap(), "\"ท 1.1 ป.4/1\"");
        let back: IndicatorCode = serde_json::from_str("\"ท1.1 ป.4/1\"").unwrap();
        assert_eq!(back, c);
        let owned: Vec<IndicatorCode> =
            serde_json::from_value(serde_json::json!(["ค 1.1 ป.5/2"])).unwrap();
        assert_eq!(owned[0].to_string(), "ค 1.1 ป.5/2");
    }

    #[test]
    fn serde_rejects_a_bad_code_with_the_bilingual_message() {
        let e = serde_json::from_str::<IndicatorCode>("\"ท 1.1 ป.4/\"").unwrap_err();
        let msg = e.to_string();
        assert!(msg.contains("expected a number after \"/\""), "{msg}");
        assert!(msg.contains("ต้องมีตัวเลขหลัง"), "{msg}");
        assert!(serde_json::from_str::<IndicatorCode>("42").is_err());
    }

    #[test]
    fn new_builds_a_checked_code() {
        let c = IndicatorCode::new(LearningArea::Thai, 1, 1, Level::Primary, 4, 1).unwrap();
        assert_eq!(c, code("ท 1.1 ป.4/1"));
        let c = IndicatorCode::new(
            LearningArea::ForeignLanguages,
            4,
            2,
            Level::Secondary,
            6,
            12,
        )
        .unwrap();
        assert_eq!(c.to_string(), "ต 4.2 ม.6/12");
        for (major, minor, grade, seq) in [
            (0, 1, 4, 1),
            (1, 0, 4, 1),
            (1, 1, 0, 1),
            (1, 1, 7, 1),
            (1, 1, 4, 0),
        ] {
            let e =
                IndicatorCode::new(LearningArea::Thai, major, minor, Level::Primary, grade, seq)
                    .unwrap_err();
            assert_eq!(e.kind(), ErrorKind::InvalidCode);
        }
    }

    // Lists and ranges as school documents write them.

    #[test]
    fn a_later_item_inherits_area_standard_and_grade_prefix() {
        assert_eq!(list("ท 1.1 ป.4/1, 4/2"), ["ท 1.1 ป.4/1", "ท 1.1 ป.4/2"]);
        assert_eq!(list("ท 1.1 ป.4/1, 5/2"), ["ท 1.1 ป.4/1", "ท 1.1 ป.5/2"]);
        assert_eq!(list("ค 1.1 ม.1/1, 2/1"), ["ค 1.1 ม.1/1", "ค 1.1 ม.2/1"]);
    }

    #[test]
    fn a_bare_number_after_a_comma_inherits_the_grade() {
        assert_eq!(list("ท 1.1 ป.4/1,2"), ["ท 1.1 ป.4/1", "ท 1.1 ป.4/2"]);
        assert_eq!(
            list("ท 1.1 ป.4/1, 2, 5"),
            ["ท 1.1 ป.4/1", "ท 1.1 ป.4/2", "ท 1.1 ป.4/5"]
        );
    }

    #[test]
    fn a_repeated_grade_prefix_is_accepted() {
        assert_eq!(list("ท 1.1 ป.4/1, ป.4/3"), ["ท 1.1 ป.4/1", "ท 1.1 ป.4/3"]);
    }

    #[test]
    fn a_new_standard_inherits_the_area() {
        assert_eq!(
            list("ค 1.1 ป.4/1, 2.1 ป.4/3"),
            ["ค 1.1 ป.4/1", "ค 2.1 ป.4/3"]
        );
    }

    #[test]
    fn ranges_accept_hyphen_en_dash_em_dash_and_thueng() {
        let want = ["ท 1.1 ป.4/1", "ท 1.1 ป.4/2", "ท 1.1 ป.4/3"];
        for s in [
            "ท 1.1 ป.4/1-3",
            "ท 1.1 ป.4/1–3",
            "ท 1.1 ป.4/1—3",
            "ท 1.1 ป.4/1 - 3",
            "ท 1.1 ป.4/1 ถึง 3",
            "ท 1.1 ป.4/1ถึง3",
            "ท 1.1 ป.4/1-4/3",
            "ท 1.1 ป.4/1 – ป.4/3",
            "ท 1.1 ป.4/1 ถึง ท 1.1 ป.4/3",
            "ท ๑.๑ ป.๔/๑–๓",
        ] {
            assert_eq!(list(s), want, "{s:?}");
        }
        assert_eq!(list("ท 1.1 ป.4/2-2"), ["ท 1.1 ป.4/2"]);
    }

    #[test]
    fn ranges_mix_with_list_items() {
        assert_eq!(
            list("ท 1.1 ป.4/1-2, 5/1–2, 4"),
            [
                "ท 1.1 ป.4/1",
                "ท 1.1 ป.4/2",
                "ท 1.1 ป.5/1",
                "ท 1.1 ป.5/2",
                "ท 1.1 ป.5/4"
            ]
        );
    }

    #[test]
    fn full_codes_may_be_separated_by_commas_spaces_semicolons_and_newlines() {
        let want = ["ท 1.1 ป.4/1", "ท 2.1 ป.4/2"];
        for s in [
            "ท 1.1 ป.4/1 ท 2.1 ป.4/2",
            "ท 1.1 ป.4/1, ท 2.1 ป.4/2",
            "ท 1.1 ป.4/1; ท 2.1 ป.4/2",
            "ท 1.1 ป.4/1 และ ท 2.1 ป.4/2",
            "ท 1.1 ป.4/1 เเละ ท 2.1 ป.4/2",
            "ท 1.1 ป.4/1\nท 2.1 ป.4/2",
            "ท 1.1 ป.4/1\r\n\r\nท 2.1 ป.4/2\n",
            "ท 1.1 ป.4/1,\u{00A0}ท 2.1 ป.4/2",
            "ท 1.1 ป.4/1ท 2.1 ป.4/2",
            ", ท 1.1 ป.4/1 ,, ท 2.1 ป.4/2 ,",
        ] {
            assert_eq!(list(s), want, "{s:?}");
        }
    }

    #[test]
    fn a_code_named_twice_is_listed_once() {
        assert_eq!(
            list("ท 1.1 ป.4/1-3, 4/2, ท 1.1 ป.4/1"),
            ["ท 1.1 ป.4/1", "ท 1.1 ป.4/2", "ท 1.1 ป.4/3"]
        );
    }

    #[test]
    fn a_blank_list_is_empty() {
        assert!(parse_code_list("").unwrap().is_empty());
        assert!(parse_code_list(" \n\t\u{200B} ").unwrap().is_empty());
        assert!(parse_code_list(" , ; ").unwrap().is_empty());
    }

    #[test]
    fn context_lets_a_list_start_without_area_and_standard() {
        let ctx = Some((LearningArea::Thai, 1, 1));
        let got = parse_code_list_with_context("ป.4/1, 2, ป.5/3", ctx).unwrap();
        let got: Vec<String> = got.iter().map(ToString::to_string).collect();
        assert_eq!(got, ["ท 1.1 ป.4/1", "ท 1.1 ป.4/2", "ท 1.1 ป.5/3"]);
        let got = parse_code_list_with_context("ค 2.1 ป.4/1, ป.4/2", ctx).unwrap();
        assert_eq!(got[1].to_string(), "ค 2.1 ป.4/2");
    }

    #[test]
    fn context_without_a_grade_still_needs_the_level() {
        let ctx = Some((LearningArea::Thai, 1, 1));
        let e = parse_code_list_with_context("4/1", ctx).unwrap_err();
        assert!(
            e.message_en().contains("needs ป. or ม. before the grade"),
            "{e}"
        );
        let e = parse_code_list_with_context("1", ctx).unwrap_err();
        assert!(e.message_en().contains("needs the grade"), "{e}");
        let e =
            parse_code_list_with_context("ป.4/1", Some((LearningArea::Thai, 0, 1))).unwrap_err();
        assert_eq!(e.kind(), ErrorKind::InvalidArgument);
    }

    // Errors: each names the part that is wrong, says what was expected, in
    // English and Thai, and points at the column where it starts.

    #[test]
    fn a_missing_indicator_number_is_named_with_an_example() {
        let e = code_err("ท 1.1 ป.4/");
        assert_eq!(
            e.message_en(),
            "cannot read \"ท 1.1 ป.4/\": expected a number after \"/\" (e.g. ท 1.1 ป.4/1)"
        );
        assert_eq!(
            e.message_th(),
            "อ่านรหัส \"ท 1.1 ป.4/\" ไม่ได้: ต้องมีตัวเลขหลัง \"/\" (เช่น ท 1.1 ป.4/1)"
        );
        assert_eq!(column(&e), Some(11));
        assert_eq!(e.code(), "invalid_code");
    }

    #[test]
    fn an_unknown_area_letter_is_named_and_the_valid_ones_listed() {
        let e = code_err("ก 1.1 ป.4/1");
        assert!(
            e.message_en()
                .contains("\"ก\" is not a learning-area letter"),
            "{e}"
        );
        assert!(e.message_en().contains("ท ค ว ส พ ศ ง ต"), "{e}");
        assert!(e.message_th().contains("\"ก\" ไม่ใช่อักษรของกลุ่มสาระ"), "{e}");
        assert_eq!(column(&e), Some(1));
        let e = list_err("ท 1.1 ป.4/1, ข 1.1 ป.4/1");
        assert!(e.message_en().contains("\"ข\""), "{e}");
        assert_eq!(column(&e), Some(14));
    }

    #[test]
    fn a_grade_outside_one_to_six_is_rejected() {
        for (s, grade) in [
            ("ท 1.1 ป.7/1", "ป.7"),
            ("ท 1.1 ป.0/1", "ป.0"),
            ("ท 1.1 ม.9/1", "ม.9"),
            ("ท 1.1 ป.300/1", "ป.300"),
        ] {
            let e = code_err(s);
            assert!(
                e.message_en()
                    .contains(&format!("grade {grade} does not exist")),
                "{e}"
            );
            assert!(e.message_th().contains(&format!("ไม่มีชั้น {grade}")), "{e}");
            assert_eq!(column(&e), Some(9), "{s}");
        }
    }

    #[test]
    fn zero_and_oversized_numbers_are_rejected() {
        assert!(code_err("ท 1.1 ป.4/0")
            .message_en()
            .contains("count from 1"));
        assert!(code_err("ท 0.1 ป.4/1")
            .message_en()
            .contains("count from 1"));
        assert!(code_err("ท 1.0 ป.4/1")
            .message_en()
            .contains("count from 1"));
        assert!(code_err("ท 1.1 ป.4/70000")
            .message_en()
            .contains("too large"));
        assert!(code_err("ท 999.1 ป.4/1").message_en().contains("too large"));
        let e = code_err("ท 1.1 ป.4/99999999999999999999999999");
        assert!(e.message_en().contains("999999999999…"), "{e}");
    }

    #[test]
    fn missing_parts_are_named() {
        let cases = [
            ("ท", "expected the standard number after \"ท\"", 2),
            ("ท ป.4/1", "expected the standard number after \"ท\"", 3),
            ("ท 1 ป.4/1", "expected the standard as two numbers", 5),
            ("ท 1.1", "expected ป. or ม. and the grade after ท 1.1", 6),
            (
                "ท 1.1 4/1",
                "expected ป. or ม. and the grade after ท 1.1",
                7,
            ),
            ("ท 1.1 ป./1", "expected the grade after \"ป.\"", 9),
            (
                "ท 1.1 ป.4",
                "expected \"/\" and the indicator number after \"ป.4\"",
                10,
            ),
            (
                "ท 1.1 ป.4-1",
                "expected \"/\" and the indicator number after \"ป.4\"",
                10,
            ),
            ("ท 1.1 ป.4/x", "expected a number after \"/\"", 11),
            ("", "expected an indicator code", 1),
            (
                "x",
                "expected an indicator code such as ท 1.1 ป.4/1, found \"x\"",
                1,
            ),
        ];
        for (s, want, col) in cases {
            let e = code_err(s);
            assert!(e.message_en().contains(want), "{s:?}: {e}");
            assert!(!e.message_th().is_empty());
            assert_eq!(column(&e), Some(col), "{s:?}: {e}");
        }
    }

    #[test]
    fn combined_upper_secondary_grades_get_their_own_message() {
        let e = code_err("ท 1.1 ม.4-6/1");
        assert!(
            e.message_en().contains("combined grades such as \"ม.4-6\""),
            "{e}"
        );
        assert!(e.message_th().contains("ม.4-6"), "{e}");
    }

    #[test]
    fn parse_takes_exactly_one_code() {
        for (s, col) in [
            ("ท 1.1 ป.4/1, 4/2", 12),
            ("ท 1.1 ป.4/1-3", 12),
            ("ท 1.1 ป.4/1 ท 2.1 ป.4/2", 13),
        ] {
            let e = code_err(s);
            assert!(
                e.message_en().contains("expected exactly one code"),
                "{s:?}: {e}"
            );
            assert_eq!(column(&e), Some(col), "{s:?}");
        }
        let e = code_err("ป.4/1");
        assert!(
            e.message_en().contains("needs the area and standard"),
            "{e}"
        );
        let e = code_err("ท 1.1 ป.4/1, 2");
        assert!(
            e.message_en().starts_with("cannot read \"ท 1.1 ป.4/1, 2\""),
            "{e}"
        );
    }

    #[test]
    fn a_list_cannot_start_without_area_and_standard() {
        for s in [
            "ป.4/1",
            "4/1",
            "1",
            "1.1 ป.4/1",
            "  ป.4/1, ท 1.1 ป.4/2",
            "ตัวชี้วัดที่ 1",
        ] {
            let e = list_err(s);
            assert!(
                e.message_en()
                    .contains("needs the area and standard, e.g. ท 1.1 ป.4/1"),
                "{s:?}: {e}"
            );
            assert!(
                e.message_th().contains("ต้องระบุกลุ่มสาระและมาตรฐาน"),
                "{s:?}: {e}"
            );
        }
        assert_eq!(column(&list_err("  ป.4/1")), Some(3));
    }

    #[test]
    fn a_reversed_range_is_rejected() {
        let e = list_err("ท 1.1 ป.4/3-1");
        assert!(
            e.message_en().contains("the range 3-1 runs backwards"),
            "{e}"
        );
        assert!(e.message_th().contains("กลับด้าน"), "{e}");
        assert_eq!(column(&e), Some(13));
    }

    #[test]
    fn a_range_over_fifty_indicators_is_rejected() {
        let e = list_err("ท 1.1 ป.4/1-51");
        assert!(e.message_en().contains("names 51 indicators"), "{e}");
        assert_eq!(list("ท 1.1 ป.4/1-50").len(), 50);
    }

    #[test]
    fn a_range_across_grades_or_standards_is_rejected() {
        for s in [
            "ท 1.1 ป.4/1-5/3",
            "ท 1.1 ป.4/1 - ท 2.1 ป.4/3",
            "ท 1.1 ป.4/1-ม.4/3",
        ] {
            let e = list_err(s);
            assert!(
                e.message_en().contains("within one standard and grade"),
                "{s:?}: {e}"
            );
        }
    }

    #[test]
    fn a_range_without_an_end_is_rejected() {
        for s in [
            "ท 1.1 ป.4/1-",
            "ท 1.1 ป.4/1 -, 4/3",
            "ท 1.1 ป.4/1 ถึง",
            "ท 1.1 ป.4/1-x",
        ] {
            let e = list_err(s);
            assert!(
                e.message_en()
                    .contains("expected the last number of the range"),
                "{s:?}: {e}"
            );
        }
    }

    #[test]
    fn unexpected_text_after_a_list_item_is_named() {
        let e = list_err("ท 1.1 ป.4/1x");
        assert!(
            e.message_en()
                .contains("unexpected \"x\" after ท 1.1 ป.4/1"),
            "{e}"
        );
        assert_eq!(column(&e), Some(12));
        let e = list_err("ท 1.1 ป.4/1-3-5");
        assert!(e.message_en().contains("unexpected \"-\""), "{e}");
    }

    #[test]
    fn errors_in_later_lines_give_line_and_column() {
        let e = list_err("ท 1.1 ป.4/1\nท 1.1 ป.4/\u{200B}");
        let loc = e.location().unwrap();
        assert_eq!(loc.line, Some(2));
        assert_eq!(loc.column, Some(11));
        assert!(
            e.message_en().starts_with("cannot read \"ท 1.1 ป.4/\""),
            "{e}"
        );
    }

    #[test]
    fn a_long_item_is_shortened_in_the_message() {
        let long = format!("ท 1.1 ป.4/1 {}", "x".repeat(500));
        let e = list_err(&long);
        assert!(e.message_en().chars().count() < 200, "{e}");
        assert!(e.message_en().contains('…'));
    }

    // No input may panic: the parser walks chars, never bytes, and checks
    // every number before narrowing it.

    fn lcg(state: &mut u64) -> u64 {
        *state = state
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        *state >> 33
    }

    fn check_no_panic(s: &str) {
        match IndicatorCode::parse(s) {
            Ok(c) => assert_eq!(code(&c.to_string()), c, "{s:?}"),
            Err(e) => {
                assert_eq!(e.kind(), ErrorKind::InvalidCode, "{s:?}");
                let col = column(&e).expect("a column");
                assert!(col >= 1 && col <= s.chars().count() + 1, "{s:?}: {col}");
            }
        }
        match parse_code_list(s) {
            Ok(codes) => {
                for c in codes {
                    assert_eq!(code(&c.to_string()), c, "{s:?}");
                }
            }
            Err(e) => assert_eq!(e.kind(), ErrorKind::InvalidCode, "{s:?}"),
        }
        let _ = parse_code_list_with_context(s, Some((LearningArea::Arts, 1, 2)));
    }

    #[test]
    fn pseudo_random_input_never_panics() {
        let alphabet: Vec<char> =
            "ทคปมกขถึงแลเะฐาตัวชี้ด.,;/-–—ถ 1 4 0 9๑๔๐๙\u{200B}\u{A0}\t\n\u{FEFF}x😀é:"
                .chars()
                .collect();
        let mut state = 2551;
        for _ in 0..600 {
            let len = (lcg(&mut state) % 24) as usize;
            let s: String = (0..len)
                .map(|_| alphabet[(lcg(&mut state) as usize) % alphabet.len()])
                .collect();
            check_no_panic(&s);
        }
    }

    #[test]
    fn mutated_real_codes_never_panic() {
        let seeds = [
            "ท 1.1 ป.4/1-3, 5/2 และ ค 2.1 ป.6/10",
            "ท ๑.๑ ป.๔/๑–๓",
            "มฐ. ว 1.2 ม.4-6/1",
        ];
        let noise: Vec<char> = "ท๑.-/, ก\u{200B}".chars().collect();
        let mut state = 4;
        for seed in seeds {
            let chars: Vec<char> = seed.chars().collect();
            for cut in 0..=chars.len() {
                check_no_panic(&chars[..cut].iter().collect::<String>());
                check_no_panic(&chars[cut..].iter().collect::<String>());
            }
            for _ in 0..100 {
                let mut c = chars.clone();
                let i = (lcg(&mut state) as usize) % c.len();
                c[i] = noise[(lcg(&mut state) as usize) % noise.len()];
                check_no_panic(&c.into_iter().collect::<String>());
            }
        }
    }
}
