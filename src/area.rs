//! The vocabulary every front end reads values in: the eight learning areas
//! (กลุ่มสาระการเรียนรู้) of the 2551 curriculum and the grades of ป.4–6.
//!
//! One reader per value: the outcome readers (a sheet's grade column, a text's
//! `ป.4` line), the options of the npm package, the CLI's flags and `sapan rank`
//! lines all call [`read_grade`] and [`read_area`] (through [`crate::options`]
//! where a value is an option), so a spelling read in one place is read in all.
//! This is vocabulary, not curriculum data: indicator codes and the curriculum
//! both build on it.

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::text::chars::{ascii_digit, is_combining_mark, is_invisible};

/// A learning area, identified in indicator codes by one Thai letter.
///
/// Serialised as that letter (`"ท"`), as codes and school documents write it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum LearningArea {
    /// ท ภาษาไทย
    Thai,
    /// ค คณิตศาสตร์
    Mathematics,
    /// ว วิทยาศาสตร์และเทคโนโลยี
    Science,
    /// ส สังคมศึกษา ศาสนา และวัฒนธรรม
    Social,
    /// พ สุขศึกษาและพลศึกษา
    HealthPe,
    /// ศ ศิลปะ
    Arts,
    /// ง การงานอาชีพ
    Career,
    /// ต ภาษาต่างประเทศ
    ForeignLanguages,
}

impl LearningArea {
    /// All areas in curriculum order (ท ค ว ส พ ศ ง ต).
    pub const ALL: [LearningArea; 8] = [
        LearningArea::Thai,
        LearningArea::Mathematics,
        LearningArea::Science,
        LearningArea::Social,
        LearningArea::HealthPe,
        LearningArea::Arts,
        LearningArea::Career,
        LearningArea::ForeignLanguages,
    ];

    /// The letter used in indicator codes, e.g. `'ท'`.
    pub fn letter(self) -> char {
        match self {
            LearningArea::Thai => 'ท',
            LearningArea::Mathematics => 'ค',
            LearningArea::Science => 'ว',
            LearningArea::Social => 'ส',
            LearningArea::HealthPe => 'พ',
            LearningArea::Arts => 'ศ',
            LearningArea::Career => 'ง',
            LearningArea::ForeignLanguages => 'ต',
        }
    }

    /// The area for a code letter, e.g. `'ค'` → Mathematics.
    pub fn from_letter(letter: char) -> Option<LearningArea> {
        LearningArea::ALL.into_iter().find(|a| a.letter() == letter)
    }

    /// The Thai name as the curriculum prints it.
    pub fn name_th(self) -> &'static str {
        match self {
            LearningArea::Thai => "ภาษาไทย",
            LearningArea::Mathematics => "คณิตศาสตร์",
            LearningArea::Science => "วิทยาศาสตร์และเทคโนโลยี",
            LearningArea::Social => "สังคมศึกษา ศาสนา และวัฒนธรรม",
            LearningArea::HealthPe => "สุขศึกษาและพลศึกษา",
            LearningArea::Arts => "ศิลปะ",
            LearningArea::Career => "การงานอาชีพ",
            LearningArea::ForeignLanguages => "ภาษาต่างประเทศ",
        }
    }

    /// The English name.
    pub fn name_en(self) -> &'static str {
        match self {
            LearningArea::Thai => "Thai Language",
            LearningArea::Mathematics => "Mathematics",
            LearningArea::Science => "Science and Technology",
            LearningArea::Social => "Social Studies, Religion and Culture",
            LearningArea::HealthPe => "Health and Physical Education",
            LearningArea::Arts => "Arts",
            LearningArea::Career => "Careers",
            LearningArea::ForeignLanguages => "Foreign Languages",
        }
    }

    /// Reads what a person may type for an area: the letter (`ค`), the Thai
    /// name (`คณิตศาสตร์`), or an English name or short form (`math`, `science`),
    /// case-insensitively.
    pub fn parse(input: &str) -> Option<LearningArea> {
        let s = input.trim();
        let mut chars = s.chars();
        if let (Some(c), None) = (chars.next(), chars.next()) {
            return LearningArea::from_letter(c);
        }
        let lower = s.to_lowercase();
        LearningArea::ALL.into_iter().find(|a| {
            a.name_th() == s
                || a.name_en().to_lowercase() == lower
                || a.aliases().contains(&lower.as_str())
        })
    }

    fn aliases(self) -> &'static [&'static str] {
        match self {
            LearningArea::Thai => &["thai", "ไทย"],
            LearningArea::Mathematics => &["math", "maths", "คณิต"],
            LearningArea::Science => &["science", "วิทย์", "วิทยาศาสตร์"],
            LearningArea::Social => &["social", "social studies", "สังคม", "สังคมศึกษา"],
            LearningArea::HealthPe => &["health", "pe", "health & pe", "สุขศึกษา", "พลศึกษา"],
            LearningArea::Arts => &["art", "arts"],
            LearningArea::Career => &["career", "careers", "การงาน"],
            LearningArea::ForeignLanguages => &[
                "english",
                "foreign",
                "foreign languages",
                "อังกฤษ",
                "ภาษาอังกฤษ",
            ],
        }
    }
}

impl std::fmt::Display for LearningArea {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.letter())
    }
}

impl Serialize for LearningArea {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut buf = [0u8; 4];
        serializer.serialize_str(self.letter().encode_utf8(&mut buf))
    }
}

/// Read back from the letter, or from anything [`LearningArea::parse`] reads
/// (a name, an English short form), so edited JSON round-trips.
impl<'de> Deserialize<'de> for LearningArea {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        LearningArea::parse(&text).ok_or_else(|| {
            serde::de::Error::custom(format!(
                "learning area \"{text}\" is not one of ท ค ว ส พ ศ ง ต"
            ))
        })
    }
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

fn collapse_spaces(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_letter_round_trips() {
        for a in LearningArea::ALL {
            assert_eq!(LearningArea::from_letter(a.letter()), Some(a));
            assert_eq!(LearningArea::parse(&a.letter().to_string()), Some(a));
            assert_eq!(LearningArea::parse(a.name_th()), Some(a));
            assert_eq!(LearningArea::parse(a.name_en()), Some(a));
        }
    }

    #[test]
    fn parse_accepts_common_short_forms_and_rejects_others() {
        assert_eq!(LearningArea::parse("Math"), Some(LearningArea::Mathematics));
        assert_eq!(
            LearningArea::parse(" คณิต "),
            Some(LearningArea::Mathematics)
        );
        assert_eq!(LearningArea::parse("x"), None);
        assert_eq!(LearningArea::parse("ก"), None);
        assert_eq!(LearningArea::parse(""), None);
    }
}
