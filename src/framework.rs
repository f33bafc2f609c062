//! The draft competency-based framework's own vocabulary: its key stages
//! (ช่วงชั้น), its nine learning areas (สาระการเรียนรู้) and its six core
//! competencies (สมรรถนะหลัก), read from `data/framework/framework.json`, and
//! the cue phrases (`clause_cues.json`, Sapan's own, not framework text) by
//! which a clause of a learning outcome reads as competency language.
//!
//! A draft area is not a 2551 area: its outcomes draw on one or more 2551 areas
//! or strands ([`FrameworkArea::tie`]), and cross into others, so the engine
//! uses it as a prior, never as a filter.

use std::sync::OnceLock;

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::Value;

use crate::area::LearningArea;
use crate::code::IndicatorCode;
use crate::text::chars::{is_combining_mark, is_invisible};

const FRAMEWORK_JSON: &str = include_str!("../data/framework/framework.json");
const CUES_JSON: &str = include_str!("../data/framework/clause_cues.json");

/// One of the draft framework's nine learning areas.
///
/// Serialised as its key (`"natural_science"`); read back from the key or any
/// spelling [`read_framework_area`] reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum FrameworkArea {
    /// ภาษาไทย
    Thai,
    /// คณิตศาสตร์
    Mathematics,
    /// วิทยาศาสตร์และระบบธรรมชาติ
    NaturalScience,
    /// เทคโนโลยีดิจิทัล
    DigitalTechnology,
    /// สังคมศึกษา
    SocialStudies,
    /// สุขศึกษาและพลศึกษา
    HealthPe,
    /// ศิลปะ
    Arts,
    /// ภาษาอังกฤษ
    English,
    /// การจัดการในครัวเรือนและการประกอบการ
    HouseholdEnterprise,
}

/// How an indicator stands to a draft area.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Tie {
    /// The indicator's 2551 area or strand is one the draft area is made of.
    Primary,
    /// One the draft area's outcomes are known to reach into.
    Related,
    /// Any other.
    Other,
}

impl FrameworkArea {
    /// The nine, in the order the data file lists them.
    pub const ALL: [FrameworkArea; 9] = [
        FrameworkArea::Thai,
        FrameworkArea::Mathematics,
        FrameworkArea::NaturalScience,
        FrameworkArea::DigitalTechnology,
        FrameworkArea::SocialStudies,
        FrameworkArea::HealthPe,
        FrameworkArea::Arts,
        FrameworkArea::English,
        FrameworkArea::HouseholdEnterprise,
    ];

    /// The stable key, as in JSON: `natural_science`.
    pub fn key(self) -> &'static str {
        match self {
            FrameworkArea::Thai => "thai",
            FrameworkArea::Mathematics => "mathematics",
            FrameworkArea::NaturalScience => "natural_science",
            FrameworkArea::DigitalTechnology => "digital_technology",
            FrameworkArea::SocialStudies => "social_studies",
            FrameworkArea::HealthPe => "health_pe",
            FrameworkArea::Arts => "arts",
            FrameworkArea::English => "english",
            FrameworkArea::HouseholdEnterprise => "household_enterprise",
        }
    }

    fn data(self) -> &'static AreaData {
        &framework().areas[self as usize]
    }

    /// The draft's Thai name: `วิทยาศาสตร์และระบบธรรมชาติ`.
    pub fn name_th(self) -> &'static str {
        &self.data().name_th
    }

    pub fn name_en(self) -> &'static str {
        &self.data().name_en
    }

    /// The 2551 area most of its indicators come from (the first it is made of).
    pub fn main_area(self) -> LearningArea {
        self.data().primary[0].0
    }

    /// Whether clauses about working (systematically, with others, responsibly) are
    /// topics in this area, matched like content: its 2551 standard (ง 1.1) teaches them.
    pub fn work_is_content(self) -> bool {
        self.data().work_is_content
    }

    /// How an indicator stands to this draft area: its area or strand is one
    /// the draft area is made of, one its outcomes reach into, or neither.
    pub fn tie(self, code: &IndicatorCode) -> Tie {
        let d = self.data();
        let strand = code.standard_number().0;
        let within = |parts: &[(LearningArea, Option<u8>)]| {
            parts
                .iter()
                .any(|&(a, s)| a == code.area() && s.is_none_or(|s| s == strand))
        };
        if within(&d.primary) {
            Tie::Primary
        } else if within(&d.related) {
            Tie::Related
        } else {
            Tie::Other
        }
    }

    fn from_key(key: &str) -> Option<FrameworkArea> {
        FrameworkArea::ALL.into_iter().find(|a| a.key() == key)
    }
}

impl std::fmt::Display for FrameworkArea {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name_th())
    }
}

impl Serialize for FrameworkArea {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.key())
    }
}

impl<'de> Deserialize<'de> for FrameworkArea {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        FrameworkArea::from_key(&text)
            .or_else(|| read_framework_area(&text))
            .ok_or_else(|| {
                serde::de::Error::custom(format!(
                    "\"{text}\" is not one of the draft framework's nine learning areas"
                ))
            })
    }
}

/// A key stage of the draft framework.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stage {
    pub number: u8,
    pub name_th: String,
    /// The grades it spans, as printed (`ป.4`).
    pub grades: Vec<String>,
    /// Whether the 2551 indicators held here (ป.4–6) are this stage's.
    pub indicators_here: bool,
}

/// The key stages the data knows (ช่วงชั้นที่ 1–3).
pub fn stages() -> &'static [Stage] {
    &framework().stages
}

/// The stage numbered `n`, if the data knows it.
pub fn stage(n: u8) -> Option<&'static Stage> {
    stages().iter().find(|s| s.number == n)
}

/// One of the six core competencies.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Competency {
    pub number: u8,
    pub key: String,
    pub name_th: String,
    pub name_en: String,
}

/// A draft area's key and names, for a UI to show an outcome's `frameworkArea`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AreaName {
    pub key: &'static str,
    pub name_th: &'static str,
    pub name_en: &'static str,
}

/// The nine draft areas' keys and names, in the framework's order.
pub fn area_names() -> Vec<AreaName> {
    FrameworkArea::ALL
        .iter()
        .map(|&a| AreaName {
            key: a.key(),
            name_th: a.name_th(),
            name_en: a.name_en(),
        })
        .collect()
}

/// The six core competencies, in the framework's order.
pub fn competencies() -> &'static [Competency] {
    &framework().competencies
}

/// A cue phrase and the competency (its number) it is evidence of.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cue {
    pub phrase: String,
    pub competency: u8,
}

/// The cue phrases, longest first (so a longer cue is tried before one inside it).
pub fn cues() -> &'static [Cue] {
    static CUES: OnceLock<Vec<Cue>> = OnceLock::new();
    CUES.get_or_init(|| {
        // Read through `serde_json::Value` (its code is in the module already) rather
        // than derived structs, which add their own deserializer code to the wasm.
        let file: Value =
            serde_json::from_str(CUES_JSON).expect("clause_cues.json is checked by its test");
        let mut cues: Vec<Cue> = items(&file, "cues")
            .and_then(|lines| {
                lines
                    .iter()
                    .map(|c| {
                        Ok(Cue {
                            phrase: text(c, "phrase")?,
                            competency: small(c, "competency")?,
                        })
                    })
                    .collect::<Result<_, String>>()
            })
            .expect("clause_cues.json is checked by its test");
        cues.sort_by(|a, b| {
            b.phrase
                .chars()
                .count()
                .cmp(&a.phrase.chars().count())
                .then(a.phrase.cmp(&b.phrase))
        });
        cues
    })
}

/// Reads a value that can only name a draft area (a `frameworkArea` field, a composite's
/// area): as [`read_framework_area`], and a name 2551 shares (`ภาษาไทย`) is the draft's.
pub fn read_draft_area_value(value: &str) -> Option<FrameworkArea> {
    read_framework_area(value).or_else(|| read_framework_area(&format!("สาระการเรียนรู้{value}")))
}

/// Reads a draft area from what a document or a person writes: its name, with
/// or without `สาระการเรียนรู้`/`สาระ`, with spaces or Thai marks displaced by a
/// PDF copy, or its key (`natural_science`) or English name. Only names the
/// draft uses and 2551 does not (or that say `สาระการเรียนรู้` before a shared
/// name) read as a draft area: a bare `ภาษาไทย` stays the 2551 area
/// ([`crate::area::read_area`]).
pub fn read_framework_area(value: &str) -> Option<FrameworkArea> {
    let cleaned: String = value
        .chars()
        .filter(|&c| !is_invisible(c))
        .collect::<String>()
        .trim()
        .trim_end_matches(':')
        .trim()
        .to_lowercase();
    if let Some(a) = FrameworkArea::from_key(&cleaned) {
        return Some(a);
    }
    if let Some(a) = FrameworkArea::ALL
        .into_iter()
        .find(|a| a.name_en().to_lowercase() == cleaned)
    {
        return Some(a);
    }
    // Compare with spaces and marks dropped: a PDF copy displaces marks and breaks words with
    // spaces but keeps the letters in order, and no two area names differ only by marks.
    let squeeze = |s: &str| -> String {
        s.chars()
            .filter(|&c| !c.is_whitespace() && !is_combining_mark(c) && c != 'ำ')
            .collect()
    };
    let squeezed = squeeze(&cleaned);
    // `กลุ่มสาระ…` is the 2551 way of naming an area: not a draft area's header.
    if squeezed.starts_with(&squeeze("กลุ่มสาระ")) {
        return None;
    }
    let prefixed = [squeeze("สาระการเรียนรู้"), squeeze("สาระ")]
        .into_iter()
        .find_map(|p| strip_squeezed(&squeezed, &p));
    let name = prefixed.as_deref().unwrap_or(&squeezed);
    FrameworkArea::ALL.into_iter().find(|a| {
        let own = a.data().spellings.iter().any(|s| squeeze(s) == name);
        // A name 2551 shares (ภาษาไทย) is the draft's only when the header says สาระการเรียนรู้.
        own && (prefixed.is_some() || !a.data().shared_name)
    })
}

/// What an area value names: a 2551 area, a draft area, or both (`สาระการเรียนรู้ภาษาไทย`
/// is the draft's Thai area and, by its name, 2551's ท).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct AreaReading {
    pub area: Option<LearningArea>,
    pub framework_area: Option<FrameworkArea>,
}

/// Reads an area value of either curriculum: a draft area by [`read_framework_area`], a
/// 2551 area by [`crate::area::read_area`]; `None` when it names neither. Every reader of
/// an area field, header, option or flag that takes draft names goes through here, so a
/// value means the same everywhere.
pub fn read_either_area(value: &str) -> Option<AreaReading> {
    let reading = AreaReading {
        area: crate::area::read_area(value),
        framework_area: read_framework_area(value),
    };
    (reading != AreaReading::default()).then_some(reading)
}

/// The stage numbered `n` when the indicators held here are its own; otherwise the
/// message (English, Thai) that says which stages are held: the one wording every front
/// end gives, each adding where the value stood.
pub fn held_stage(n: u8) -> Result<&'static Stage, (String, String)> {
    if let Some(s) = stage(n).filter(|s| s.indicators_here) {
        return Ok(s);
    }
    let held: Vec<String> = stages()
        .iter()
        .filter(|s| s.indicators_here)
        .map(|s| format!("{} ({})", s.number, span(s)))
        .collect();
    let held = held.join(", ");
    let what_en = match stage(n) {
        Some(s) => format!("stage {n} ({})", span(s)),
        None => format!("stage {n}"),
    };
    let what_th = match stage(n) {
        Some(s) => format!("ช่วงชั้นที่ {n} ({})", span(s)),
        None => format!("ช่วงชั้นที่ {n}"),
    };
    Err((
        format!("{what_en} is not held here: Sapan holds the 2551 indicators of stage {held} only"),
        format!("ไม่มีข้อมูล{what_th}: Sapan มีตัวชี้วัดหลักสูตร 2551 ของช่วงชั้นที่ {held} เท่านั้น"),
    ))
}

/// Whether grade `g` (4 for ป.4) is one of the grades of stage `s`.
pub fn stage_has_grade(s: &Stage, g: u8) -> bool {
    s.grades.iter().any(|p| *p == format!("ป.{g}"))
}

/// The grades of a stage as a span: `ป.4–6`.
pub fn span(s: &Stage) -> String {
    match (s.grades.first(), s.grades.last()) {
        (Some(first), Some(last)) if first != last => {
            let tail = last.trim_start_matches(|c: char| !c.is_ascii_digit());
            format!("{first}–{tail}")
        }
        (Some(first), _) => first.clone(),
        _ => String::new(),
    }
}

fn strip_squeezed(s: &str, prefix: &str) -> Option<String> {
    s.strip_prefix(prefix)
        .filter(|rest| !rest.is_empty())
        .map(str::to_string)
}

/// Reads a stage: `ช่วงชั้นที่ 2`, `ช่วงชั้น ๒`, `ผลลัพธ์การเรียนรู้เมื่อจบช่วงชั้นที่ 2`,
/// `Key stage 2`, `stage 2`, or (with `bare`) `2`. Any number is returned; whether the
/// data knows the stage is [`stage`]'s answer.
pub fn read_stage(value: &str, bare: bool) -> Option<u8> {
    let compact: String = value
        .chars()
        .filter(|&c| !c.is_whitespace() && !is_invisible(c) && !is_combining_mark(c) && c != 'ำ')
        .map(crate::text::chars::ascii_digit)
        .collect::<String>()
        .to_lowercase();
    let compact = compact.trim_end_matches([':', '.', ')']);
    let compact = compact.trim_start_matches('(');
    let unmarked = |p: &str| -> String {
        p.chars()
            .filter(|&c| !c.is_whitespace() && !is_combining_mark(c) && c != 'ำ')
            .collect()
    };
    const LEADS: &[&str] = &[
        "ผลลัพธ์การเรียนรู้เมื่อจบช่วงชั้นที่",
        "ผลลัพธ์การเรียนรู้เมื่อจบช่วงชั้น",
        "ผลลัพธ์การเรียนรู้ช่วงชั้นที่",
        "ผลลัพธ์การเรียนรู้ช่วงชั้น",
        "เมื่อจบช่วงชั้นที่",
        "จบช่วงชั้นที่",
        "ช่วงชั้นที่",
        "ช่วงชั้น",
        "keystage",
        "stage",
        "ks",
    ];
    let rest = match LEADS
        .iter()
        .find_map(|p| compact.strip_prefix(unmarked(p).as_str()))
    {
        Some(rest) => rest,
        None if bare => compact,
        None => return None,
    };
    (!rest.is_empty() && rest.len() <= 2 && rest.bytes().all(|b| b.is_ascii_digit()))
        .then(|| rest.parse().ok())
        .flatten()
}

struct AreaData {
    name_th: String,
    name_en: String,
    spellings: Vec<String>,
    /// The 2551 areas, or area strands, it is made of.
    primary: Vec<(LearningArea, Option<u8>)>,
    related: Vec<(LearningArea, Option<u8>)>,
    /// Whether 2551 has an area of the same name.
    shared_name: bool,
    /// Whether working-process and teamwork language is this area's content (ง 1.1).
    work_is_content: bool,
}

struct Framework {
    stages: Vec<Stage>,
    areas: Vec<AreaData>,
    competencies: Vec<Competency>,
}

fn framework() -> &'static Framework {
    static FRAMEWORK: OnceLock<Framework> = OnceLock::new();
    FRAMEWORK.get_or_init(|| {
        parse_framework(FRAMEWORK_JSON).expect("framework.json is checked by its test")
    })
}

/// The array at `key` of a JSON object.
fn items<'a>(v: &'a Value, key: &str) -> Result<&'a Vec<Value>, String> {
    v.get(key)
        .and_then(Value::as_array)
        .ok_or_else(|| format!("{key}: not an array"))
}

fn text(v: &Value, key: &str) -> Result<String, String> {
    v.get(key)
        .and_then(Value::as_str)
        .map(str::to_string)
        .ok_or_else(|| format!("{key}: not a string"))
}

fn texts(v: &Value, key: &str) -> Result<Vec<String>, String> {
    items(v, key)?
        .iter()
        .map(|s| {
            s.as_str()
                .map(str::to_string)
                .ok_or_else(|| format!("{key}: not a list of strings"))
        })
        .collect()
}

fn small(v: &Value, key: &str) -> Result<u8, String> {
    v.get(key)
        .and_then(Value::as_u64)
        .and_then(|n| u8::try_from(n).ok())
        .ok_or_else(|| format!("{key}: not a small number"))
}

/// A boolean field, `None` when absent.
fn flag(v: &Value, key: &str) -> Result<Option<bool>, String> {
    match v.get(key) {
        None => Ok(None),
        Some(b) => b
            .as_bool()
            .map(Some)
            .ok_or_else(|| format!("{key}: not true or false")),
    }
}

fn parse_framework(json: &str) -> Result<Framework, String> {
    struct File {
        stages: Vec<StageLine>,
        areas: Vec<AreaLine>,
        competencies: Vec<Competency2>,
    }
    struct StageLine {
        stage: u8,
        name_th: String,
        grades: Vec<String>,
        indicators_here: bool,
    }
    struct AreaLine {
        key: String,
        name_th: String,
        name_en: String,
        spellings: Vec<String>,
        primary: Vec<String>,
        related: Vec<String>,
        work_is_content: bool,
    }
    struct Competency2 {
        number: u8,
        key: String,
        name_th: String,
        name_en: String,
    }
    // Read through `serde_json::Value` (its code is in the module already) rather than
    // derived structs, which add their own deserializer code to the wasm.
    let v: Value = serde_json::from_str(json).map_err(|e| e.to_string())?;
    let each = |key: &str| items(&v, key);
    let file = File {
        stages: each("stages")?
            .iter()
            .map(|l| {
                Ok(StageLine {
                    stage: small(l, "stage")?,
                    name_th: text(l, "name_th")?,
                    grades: texts(l, "grades")?,
                    indicators_here: flag(l, "indicators_here")?
                        .ok_or("a stage without indicators_here")?,
                })
            })
            .collect::<Result<_, String>>()?,
        areas: each("areas")?
            .iter()
            .map(|l| {
                Ok(AreaLine {
                    key: text(l, "key")?,
                    name_th: text(l, "name_th")?,
                    name_en: text(l, "name_en")?,
                    spellings: texts(l, "spellings")?,
                    primary: texts(l, "primary")?,
                    related: texts(l, "related")?,
                    work_is_content: flag(l, "work_is_content")?.unwrap_or(false),
                })
            })
            .collect::<Result<_, String>>()?,
        competencies: each("competencies")?
            .iter()
            .map(|l| {
                Ok(Competency2 {
                    number: small(l, "number")?,
                    key: text(l, "key")?,
                    name_th: text(l, "name_th")?,
                    name_en: text(l, "name_en")?,
                })
            })
            .collect::<Result<_, String>>()?,
    };
    let part = |s: &str| -> Result<(LearningArea, Option<u8>), String> {
        let mut it = s.split_whitespace();
        let letter = it.next().and_then(|l| l.chars().next());
        let area = letter
            .and_then(LearningArea::from_letter)
            .ok_or_else(|| format!("{s:?}: not an area letter"))?;
        let strand = match it.next() {
            Some(n) => Some(
                n.parse()
                    .map_err(|_| format!("{s:?}: not a strand number"))?,
            ),
            None => None,
        };
        Ok((area, strand))
    };
    let mut areas = Vec::new();
    for (i, a) in file.areas.into_iter().enumerate() {
        let expected = FrameworkArea::ALL
            .get(i)
            .ok_or_else(|| format!("more than nine areas (at {})", a.key))?;
        if expected.key() != a.key {
            return Err(format!(
                "area {i} is {:?}, expected {:?}",
                a.key,
                expected.key()
            ));
        }
        let primary = a
            .primary
            .iter()
            .map(|s| part(s))
            .collect::<Result<Vec<_>, _>>()?;
        if primary.is_empty() {
            return Err(format!("{}: no primary 2551 area", a.key));
        }
        let shared_name = LearningArea::parse(&a.name_th).is_some();
        areas.push(AreaData {
            related: a
                .related
                .iter()
                .map(|s| part(s))
                .collect::<Result<_, _>>()?,
            primary,
            spellings: a.spellings,
            name_th: a.name_th,
            name_en: a.name_en,
            shared_name,
            work_is_content: a.work_is_content,
        });
    }
    if areas.len() != FrameworkArea::ALL.len() {
        return Err(format!("{} areas, expected nine", areas.len()));
    }
    Ok(Framework {
        stages: file
            .stages
            .into_iter()
            .map(|s| Stage {
                number: s.stage,
                name_th: s.name_th,
                grades: s.grades,
                indicators_here: s.indicators_here,
            })
            .collect(),
        areas,
        competencies: file
            .competencies
            .into_iter()
            .map(|c| Competency {
                number: c.number,
                key: c.key,
                name_th: c.name_th,
                name_en: c.name_en,
            })
            .collect(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code(s: &str) -> IndicatorCode {
        IndicatorCode::parse(s).unwrap()
    }

    #[test]
    fn the_data_files_read_and_name_the_nine_areas_in_order() {
        parse_framework(FRAMEWORK_JSON).unwrap();
        for a in FrameworkArea::ALL {
            assert!(!a.name_th().is_empty());
            assert_eq!(read_framework_area(a.key()), Some(a));
            assert_eq!(
                read_framework_area(&format!("สาระการเรียนรู้{}", a.name_th())),
                Some(a)
            );
        }
        assert_eq!(competencies().len(), 6);
        assert_eq!(stage(2).map(|s| s.indicators_here), Some(true));
        assert!(cues().iter().all(|c| (1..=6).contains(&c.competency)));
    }

    #[test]
    fn a_shared_name_alone_stays_the_2551_area_but_a_draft_name_is_read() {
        assert_eq!(read_framework_area("ภาษาไทย"), None);
        assert_eq!(
            read_framework_area("สาระการเรียนรู้ภาษาไทย"),
            Some(FrameworkArea::Thai)
        );
        assert_eq!(read_framework_area("กลุ่มสาระการเรียนรู้ภาษาไทย"), None);
        assert_eq!(
            read_framework_area("เทคโนโลยีดิจิทัล"),
            Some(FrameworkArea::DigitalTechnology)
        );
        // PDF damage: displaced marks and a broken word.
        assert_eq!(
            read_framework_area("การจดั การในครัวเรอื นและการประกอบการ"),
            Some(FrameworkArea::HouseholdEnterprise)
        );
        assert_eq!(read_framework_area("วิทยาศาสตร์"), None);
    }

    #[test]
    fn the_science_area_ties_its_strands_first_and_health_as_related() {
        let sci = FrameworkArea::NaturalScience;
        assert_eq!(sci.tie(&code("ว 2.1 ป.5/2")), Tie::Primary);
        assert_eq!(sci.tie(&code("ว 4.2 ป.5/1")), Tie::Other);
        assert_eq!(sci.tie(&code("พ 1.1 ป.5/1")), Tie::Related);
        assert_eq!(
            FrameworkArea::DigitalTechnology.tie(&code("ว 4.2 ป.5/1")),
            Tie::Primary
        );
        assert_eq!(sci.main_area(), LearningArea::Science);
    }

    #[test]
    fn an_area_value_reads_as_either_curriculum_or_both() {
        let r = |v| read_either_area(v);
        assert_eq!(
            r("ภาษาไทย"),
            Some(AreaReading {
                area: Some(LearningArea::Thai),
                framework_area: None
            })
        );
        assert_eq!(
            r("สาระการเรียนรู้ภาษาไทย"),
            Some(AreaReading {
                area: Some(LearningArea::Thai),
                framework_area: Some(FrameworkArea::Thai)
            })
        );
        assert_eq!(
            r("เทคโนโลยีดิจิทัล"),
            Some(AreaReading {
                area: None,
                framework_area: Some(FrameworkArea::DigitalTechnology)
            })
        );
        assert_eq!(r("history"), None);
    }

    #[test]
    fn only_stage_two_is_held_and_the_refusal_names_the_grades() {
        assert_eq!(held_stage(2).map(|s| s.number), Ok(2));
        let (en, th) = held_stage(1).unwrap_err();
        assert!(
            en.contains("stage 1 (ป.1–3)") && en.contains("2 (ป.4–6)"),
            "{en}"
        );
        assert!(th.contains("ช่วงชั้นที่ 1"), "{th}");
        assert!(held_stage(3).is_err());
        assert!(held_stage(9).unwrap_err().0.contains("stage 9"));
        assert!(stage_has_grade(stage(2).unwrap(), 5));
        assert!(!stage_has_grade(stage(1).unwrap(), 5));
    }

    #[test]
    fn stages_are_read_in_the_ways_documents_write_them() {
        assert_eq!(read_stage("ผลลัพธ์การเรียนรู้เมื่อจบช่วงชั้นที่ 2", false), Some(2));
        assert_eq!(read_stage("ช่วงชั้นที่ ๒", false), Some(2));
        assert_eq!(read_stage("ช่วงชนั้ ที่ 1", false), Some(1));
        assert_eq!(read_stage("Key stage 2", false), Some(2));
        assert_eq!(read_stage("2", false), None);
        assert_eq!(read_stage("2", true), Some(2));
        assert_eq!(read_stage("ชั้น ป.5", false), None);
    }
}
