//! The embedded curriculum: the 582 indicators (ตัวชี้วัด) of ป.4–6, the 55
//! standards (มาตรฐาน) and the core learning content (สาระการเรียนรู้แกนกลาง) of
//! every standard × grade block.
//!
//! The data files in `data/curriculum/` are compiled into the library, so the
//! engine needs no file or network access at run time, in a browser least of
//! all. Their provenance is in `data/curriculum/README.md` and
//! `CORE_CONTENT_README.md`; the `source`, `verified` and `note` of every record
//! are kept so that a user can always see where a text came from.

use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

// The area vocabulary lives beside the grade reader in `crate::area`; the curriculum is
// where callers have always found it.
pub use crate::area::LearningArea;

use crate::code::IndicatorCode;
use crate::error::{Error, ErrorKind, Location, Result};

const INDICATORS_JSONL: &str = include_str!("../../data/curriculum/indicators_2551_p4-6.jsonl");
const STANDARDS_JSONL: &str = include_str!("../../data/curriculum/standards_2551.jsonl");
const CORE_CONTENT_JSONL: &str = include_str!("../../data/curriculum/core_content_2551_p4-6.jsonl");

/// How well a text is attested by the sources.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Verification {
    /// At least two sources give the same wording.
    #[serde(rename = "2-sources")]
    TwoSources,
    /// One source only (see the record's note).
    #[serde(rename = "1-source")]
    OneSource,
}

/// One indicator (ตัวชี้วัด), e.g. `ท 1.1 ป.4/1`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Indicator {
    pub code: IndicatorCode,
    pub area: LearningArea,
    /// The strand (สาระ), e.g. `สาระที่ 1 การอ่าน`.
    pub strand: String,
    /// The standard (มาตรฐาน) code, e.g. `ท 1.1`.
    pub standard: String,
    pub grade: u8,
    /// Position within its standard × grade, from 1.
    pub seq: u16,
    pub text: String,
    pub source: String,
    pub verified: Verification,
    pub note: Option<String>,
}

/// One standard (มาตรฐานการเรียนรู้), e.g. `ท 1.1`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Standard {
    pub code: String,
    pub area: LearningArea,
    pub strand: String,
    pub text: String,
    pub source: String,
    pub note: Option<String>,
}

/// One item of core learning content, with its place in the nesting.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CoreContentItem {
    pub text: String,
    /// 1 = a top-level bullet; 2 = a sub-item; 3 and 4 deeper.
    pub level: u8,
    /// Position within the block, from 1.
    pub seq: u16,
    /// The `seq` of the item this one is nested under (`None` at level 1).
    pub parent_seq: Option<u16>,
    pub source: String,
    pub verified: Verification,
    pub note: Option<String>,
}

/// The core learning content of one standard × grade block.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CoreContent {
    pub standard: String,
    pub grade: u8,
    pub items: Vec<CoreContentItem>,
}

impl CoreContent {
    /// The item with this `seq`.
    pub fn item(&self, seq: u16) -> Option<&CoreContentItem> {
        self.items.iter().find(|i| i.seq == seq)
    }

    /// The item's text with the texts of its parents before it, top first:
    /// many sub-items are bare words (`คำนาม` under `ชนิดและหน้าที่ของคำ ได้แก่`)
    /// that only make sense with their heading.
    pub fn path_text(&self, item: &CoreContentItem) -> String {
        let mut parts = vec![item.text.as_str()];
        let mut parent = item.parent_seq;
        while let Some(seq) = parent {
            let Some(p) = self.item(seq) else { break };
            parts.push(&p.text);
            parent = p.parent_seq;
        }
        parts.reverse();
        parts.join(" ")
    }
}

/// The curriculum: indicators, standards and core content.
#[derive(Debug, Clone)]
pub struct Curriculum {
    indicators: Vec<Indicator>,
    standards: Vec<Standard>,
    core_content: Vec<CoreContent>,
}

/// Which indicators to list.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct IndicatorFilter {
    pub grade: Option<u8>,
    pub area: Option<LearningArea>,
}

impl Curriculum {
    /// The embedded curriculum, parsed once. The data is part of the build
    /// and checked by tests, so a failure here is a defect of the build.
    pub fn embedded() -> &'static Curriculum {
        static CURRICULUM: OnceLock<Curriculum> = OnceLock::new();
        CURRICULUM.get_or_init(|| {
            Curriculum::from_jsonl(INDICATORS_JSONL, STANDARDS_JSONL, CORE_CONTENT_JSONL)
                .unwrap_or_else(|e| panic!("embedded curriculum data is broken: {e}"))
        })
    }

    /// Reads a curriculum from the three JSONL files' contents (the format of
    /// `data/curriculum/`). Errors name the file, the line and the field.
    pub fn from_jsonl(indicators: &str, standards: &str, core_content: &str) -> Result<Curriculum> {
        let indicators = read_jsonl::<RawIndicator>(indicators, "indicators")?
            .into_iter()
            .map(|(line, raw)| raw.into_indicator(line))
            .collect::<Result<Vec<_>>>()?;
        let standards = read_jsonl::<RawStandard>(standards, "standards")?
            .into_iter()
            .map(|(line, raw)| raw.into_standard(line))
            .collect::<Result<Vec<_>>>()?;
        let core_content =
            group_core_content(read_jsonl::<RawCoreItem>(core_content, "core content")?)?;
        Ok(Curriculum {
            indicators,
            standards,
            core_content,
        })
    }

    /// All indicators, in curriculum order (area, standard, grade, seq).
    pub fn indicators(&self) -> &[Indicator] {
        &self.indicators
    }

    /// The indicators that pass `filter`, in curriculum order.
    pub fn filter(&self, filter: IndicatorFilter) -> impl Iterator<Item = &Indicator> {
        self.indicators.iter().filter(move |i| {
            filter.grade.is_none_or(|g| i.grade == g) && filter.area.is_none_or(|a| i.area == a)
        })
    }

    /// The indicator with this code, if the curriculum has it.
    pub fn indicator(&self, code: &IndicatorCode) -> Option<&Indicator> {
        self.indicators.iter().find(|i| i.code == *code)
    }

    /// All standards.
    pub fn standards(&self) -> &[Standard] {
        &self.standards
    }

    /// The standard with this code (`ท 1.1`).
    pub fn standard(&self, code: &str) -> Option<&Standard> {
        self.standards.iter().find(|s| s.code == code)
    }

    /// All core-content blocks, in curriculum order.
    pub fn core_content(&self) -> &[CoreContent] {
        &self.core_content
    }

    /// The core content of one standard × grade block.
    pub fn core_content_for(&self, standard: &str, grade: u8) -> Option<&CoreContent> {
        self.core_content
            .iter()
            .find(|c| c.standard == standard && c.grade == grade)
    }
}

fn data_error(file: &str, line: usize, field: Option<&str>, what: &str) -> Error {
    Error::new(
        ErrorKind::Data,
        format!("curriculum data: {what}"),
        format!("ข้อมูลหลักสูตรผิดรูปแบบ: {what}"),
    )
    .at(Location {
        source: Some(file.to_string()),
        line: Some(line),
        column: None,
        field: field.map(str::to_string),
    })
}

fn read_jsonl<T: for<'de> Deserialize<'de>>(text: &str, file: &str) -> Result<Vec<(usize, T)>> {
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, l)| {
            serde_json::from_str::<T>(l)
                .map(|v| (i + 1, v))
                .map_err(|e| data_error(file, i + 1, None, &e.to_string()))
        })
        .collect()
}

#[derive(Deserialize)]
struct RawIndicator {
    code: String,
    area_code: String,
    strand: String,
    standard: String,
    grade: u8,
    seq: u16,
    text: String,
    source: String,
    verified: Verification,
    note: Option<String>,
}

impl RawIndicator {
    fn into_indicator(self, line: usize) -> Result<Indicator> {
        let file = "indicators";
        let code = IndicatorCode::parse(&self.code)
            .map_err(|e| data_error(file, line, Some("code"), &e.to_string()))?;
        let area = LearningArea::parse(&self.area_code)
            .ok_or_else(|| data_error(file, line, Some("area_code"), &self.area_code))?;
        if code.area() != area
            || code.grade() != self.grade
            || code.seq() != self.seq
            || code.standard() != self.standard
        {
            return Err(data_error(
                file,
                line,
                Some("code"),
                "code disagrees with area_code/standard/grade/seq",
            ));
        }
        Ok(Indicator {
            code,
            area,
            strand: self.strand,
            standard: self.standard,
            grade: self.grade,
            seq: self.seq,
            text: self.text,
            source: self.source,
            verified: self.verified,
            note: self.note,
        })
    }
}

#[derive(Deserialize)]
struct RawStandard {
    standard: String,
    area_code: String,
    strand: String,
    text: String,
    source: String,
    note: Option<String>,
}

impl RawStandard {
    fn into_standard(self, line: usize) -> Result<Standard> {
        let area = LearningArea::parse(&self.area_code)
            .ok_or_else(|| data_error("standards", line, Some("area_code"), &self.area_code))?;
        Ok(Standard {
            code: self.standard,
            area,
            strand: self.strand,
            text: self.text,
            source: self.source,
            note: self.note,
        })
    }
}

#[derive(Deserialize)]
struct RawCoreItem {
    standard: String,
    grade: u8,
    text: String,
    level: u8,
    parent: Option<String>,
    seq: u16,
    source: String,
    verified: Verification,
    note: Option<String>,
}

/// Groups items into blocks and resolves each `parent` text to the nearest
/// preceding item of a lower level, checking that the texts agree.
fn group_core_content(items: Vec<(usize, RawCoreItem)>) -> Result<Vec<CoreContent>> {
    let file = "core content";
    let mut blocks: Vec<CoreContent> = Vec::new();
    for (line, raw) in items {
        let same_block = blocks
            .last()
            .is_some_and(|b| b.standard == raw.standard && b.grade == raw.grade);
        if !same_block {
            blocks.push(CoreContent {
                standard: raw.standard.clone(),
                grade: raw.grade,
                items: Vec::new(),
            });
        }
        let block = blocks.last_mut().expect("pushed above");
        let parent_seq = match &raw.parent {
            None => None,
            Some(parent_text) => {
                let parent = block.items.iter().rev().find(|i| i.level < raw.level);
                match parent {
                    Some(p) if p.text == *parent_text => Some(p.seq),
                    _ => {
                        return Err(data_error(
                            file,
                            line,
                            Some("parent"),
                            "parent is not the nearest item above",
                        ))
                    }
                }
            }
        };
        if (raw.level == 1) != raw.parent.is_none() {
            return Err(data_error(
                file,
                line,
                Some("level"),
                "level 1 items have no parent, others have one",
            ));
        }
        block.items.push(CoreContentItem {
            text: raw.text,
            level: raw.level,
            seq: raw.seq,
            parent_seq,
            source: raw.source,
            verified: raw.verified,
            note: raw.note,
        });
    }
    Ok(blocks)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_malformed_line_is_reported_with_file_line_and_field() {
        let good = INDICATORS_JSONL.lines().next().unwrap();
        let bad = good.replace("\"ท 1.1 ป.4/1\"", "\"ท 1.1 ป.4/\"");
        let e = Curriculum::from_jsonl(&format!("{good}\n{bad}\n"), "", "").unwrap_err();
        assert_eq!(e.code(), "data");
        let loc = e.location().unwrap();
        assert_eq!(
            (loc.source.as_deref(), loc.line, loc.field.as_deref()),
            (Some("indicators"), Some(2), Some("code"))
        );
    }

    #[test]
    fn a_code_that_disagrees_with_its_fields_is_rejected() {
        let good = INDICATORS_JSONL.lines().next().unwrap();
        let bad = good.replace("\"seq\": 1", "\"seq\": 2");
        assert!(Curriculum::from_jsonl(&bad, "", "").is_err());
    }

    #[test]
    fn path_text_prefixes_the_headings() {
        let c = Curriculum::embedded();
        let block = c.core_content_for("ท 1.1", 4).unwrap();
        let sub = block.items.iter().find(|i| i.level == 2).unwrap();
        let path = block.path_text(sub);
        assert!(path.starts_with(&block.item(sub.parent_seq.unwrap()).unwrap().text));
        assert!(path.ends_with(&sub.text));
    }
}
