//! Measuring the engine against texts linked to indicators by their authors:
//! Hit@k (a gold code among the first k), Recall@k (the share of the gold
//! codes among the first k) and MRR (the mean of 1 / rank of the first gold code).

use serde::{Deserialize, Serialize};

use crate::code::IndicatorCode;
use crate::curriculum::LearningArea;
use crate::engine::Relation;
use crate::error::{Error, ErrorKind, Location, Result};
use crate::framework::FrameworkArea;

/// One text with the codes its source linked it to.
#[derive(Debug, Clone, PartialEq)]
pub struct GoldText {
    pub id: String,
    pub text: String,
    pub grade: Option<u8>,
    pub area: Option<LearningArea>,
    pub gold: Vec<IndicatorCode>,
}

#[derive(Deserialize)]
struct GoldLine {
    id: String,
    text: String,
    grade: Option<u8>,
    #[serde(alias = "area")]
    area_code: Option<String>,
    gold: Vec<String>,
}

/// Where in a gold or composites file: line `n` (0-based) and a field.
fn line_at(source: &str, n: usize, field: Option<&str>) -> Location {
    Location {
        source: Some(source.to_string()),
        line: Some(n + 1),
        column: None,
        field: field.map(str::to_string),
    }
}

/// Gold codes, each parsed and checked against the curriculum: a code no indicator has
/// would count as a miss of every ranking, silently.
fn gold_codes(list: &[String], at: &Location) -> Result<Vec<IndicatorCode>> {
    list.iter()
        .map(|c| {
            let code = IndicatorCode::parse(c).map_err(|e| e.at(at.clone()))?;
            match crate::curriculum::Curriculum::embedded().indicator(&code) {
                Some(_) => Ok(code),
                None => Err(unknown_code(&code).at(at.clone())),
            }
        })
        .collect()
}

/// Reads a gold file: one JSON object a line with `id`, `text`, `gold`
/// (codes) and optional `grade` and `area_code` (or `area`).
pub fn read_gold(jsonl: &str, source: &str) -> Result<Vec<GoldText>> {
    let mut out = Vec::new();
    for (n, line) in jsonl.lines().enumerate() {
        let at = |field: Option<&str>| line_at(source, n, field);
        if line.trim().is_empty() {
            continue;
        }
        let g: GoldLine = serde_json::from_str(line).map_err(|e| {
            Error::new(
                ErrorKind::ParseJson,
                format!("not a gold line: {e}"),
                format!("อ่านบรรทัดชุดทดสอบไม่ได้: {e}"),
            )
            .at(at(None))
        })?;
        let area = match g.area_code.as_deref() {
            Some(a) => Some(crate::area::read_area(a).ok_or_else(|| {
                Error::new(
                    ErrorKind::InvalidField,
                    format!("unknown learning area {a:?}"),
                    format!("ไม่รู้จักกลุ่มสาระ {a:?}"),
                )
                .at(at(Some("area_code")))
            })?),
            None => None,
        };
        let gold = gold_codes(&g.gold, &at(Some("gold")))?;
        out.push(GoldText {
            id: g.id,
            text: g.text,
            grade: g.grade,
            area,
            gold,
        });
    }
    Ok(out)
}

/// A well-formed code that names no indicator of the embedded curriculum (ป.4–6).
pub fn unknown_code(code: &IndicatorCode) -> Error {
    Error::new(
        ErrorKind::UnknownCode,
        format!("{code} is not an indicator of the B.E. 2551 curriculum for ป.4–6 (582 indicators); check the standard, grade and number"),
        format!("{code} ไม่ใช่ตัวชี้วัดของหลักสูตรแกนกลาง พ.ศ. 2551 ชั้น ป.4–6 (582 ตัวชี้วัด) ตรวจสอบมาตรฐาน ชั้น และลำดับข้อ"),
    )
}

/// The metrics over a set of texts.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Metrics {
    pub texts: usize,
    pub hit1: f64,
    pub hit5: f64,
    pub hit10: f64,
    pub recall5: f64,
    pub recall10: f64,
    pub mrr: f64,
}

/// The metrics of rankings (`ranked` best first) against gold codes.
pub fn metrics<'a>(
    cases: impl IntoIterator<Item = (&'a [IndicatorCode], &'a [IndicatorCode])>,
) -> Metrics {
    let mut m = Metrics::default();
    for (ranked, gold) in cases {
        m.texts += 1;
        let first = ranked.iter().position(|c| gold.contains(c));
        let hit = |k: usize| first.is_some_and(|p| p < k) as u8 as f64;
        m.hit1 += hit(1);
        m.hit5 += hit(5);
        m.hit10 += hit(10);
        let recall = |k: usize| {
            let found = gold
                .iter()
                .filter(|g| ranked.iter().take(k).any(|c| c == *g))
                .count();
            found as f64 / gold.len().max(1) as f64
        };
        m.recall5 += recall(5);
        m.recall10 += recall(10);
        m.mrr += first.map_or(0.0, |p| 1.0 / (p + 1) as f64);
    }
    let n = m.texts.max(1) as f64;
    for v in [
        &mut m.hit1,
        &mut m.hit5,
        &mut m.hit10,
        &mut m.recall5,
        &mut m.recall10,
        &mut m.mrr,
    ] {
        *v /= n;
    }
    m
}

/// A learning outcome built of several single texts (`make_composites.py`): the
/// draft framework's LO shape, one long statement of 2–4 topics of one draft area.
#[derive(Debug, Clone, PartialEq)]
pub struct Composite {
    pub id: String,
    pub text: String,
    pub framework_area: Option<FrameworkArea>,
    pub gold: Vec<IndicatorCode>,
    pub parts: Vec<GoldText>,
}

#[derive(Deserialize)]
struct CompositeLine {
    id: String,
    text: String,
    area: Option<String>,
    gold: Vec<String>,
    parts: Vec<PartLine>,
}

#[derive(Deserialize)]
struct PartLine {
    id: String,
    text: String,
    gold: Vec<String>,
}

/// Whether a gold file holds composites (its lines have `parts`).
pub fn is_composite_file(jsonl: &str) -> bool {
    jsonl
        .lines()
        .find(|l| !l.trim().is_empty())
        .and_then(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .is_some_and(|v| v.get("parts").is_some())
}

/// Reads a composites file: one JSON object a line with `id`, `text`, `area` (a draft
/// area name), `gold` and `parts` (each `id`, `text`, `gold`).
pub fn read_composites(jsonl: &str, source: &str) -> Result<Vec<Composite>> {
    let mut out = Vec::new();
    for (n, line) in jsonl.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let at = |field: Option<&str>| line_at(source, n, field);
        let c: CompositeLine = serde_json::from_str(line).map_err(|e| {
            Error::new(
                ErrorKind::ParseJson,
                format!("not a composite line: {e}"),
                format!("อ่านบรรทัดชุดทดสอบแบบรวมไม่ได้: {e}"),
            )
            .at(at(None))
        })?;
        let framework_area = match c.area.as_deref() {
            // A composite's area is a draft area by definition, so a name 2551 shares counts too.
            Some(a) => Some(crate::framework::read_draft_area_value(a).ok_or_else(|| {
                Error::new(
                    ErrorKind::InvalidField,
                    format!("{a:?} is not one of the draft framework's nine learning areas"),
                    format!("{a:?} ไม่ใช่สาระการเรียนรู้หนึ่งในเก้าสาระของกรอบหลักสูตร (ร่าง)"),
                )
                .at(at(Some("area")))
            })?),
            None => None,
        };
        let codes = |list: &[String]| gold_codes(list, &at(Some("gold")));
        let parts = c
            .parts
            .iter()
            .map(|p| {
                Ok(GoldText {
                    id: p.id.clone(),
                    text: p.text.clone(),
                    grade: None,
                    area: None,
                    gold: codes(&p.gold)?,
                })
            })
            .collect::<Result<Vec<_>>>()?;
        out.push(Composite {
            id: c.id,
            text: c.text,
            framework_area,
            gold: codes(&c.gold)?,
            parts,
        });
    }
    Ok(out)
}

/// How well rankings of composites find their parts.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CompositeMetrics {
    pub composites: usize,
    pub parts: usize,
    /// Parts with one of their codes among the first 10 (20) of the composite's ranking.
    pub part_hit10: f64,
    pub part_hit20: f64,
    /// Parts with one of their codes among the first 10, labelled aligned or partial.
    pub part_labelled10: f64,
    /// The share of the union of the parts' codes among the first 10 (20).
    pub union_recall10: f64,
    pub union_recall20: f64,
}

/// The metrics of composite rankings: each a ranking (best first, with relations) and its composite.
pub fn composite_metrics<'a>(
    cases: impl IntoIterator<Item = (&'a [(IndicatorCode, Relation)], &'a Composite)>,
) -> CompositeMetrics {
    let mut m = CompositeMetrics::default();
    let (mut recall10, mut recall20) = (0.0, 0.0);
    for (ranked, c) in cases {
        m.composites += 1;
        for p in &c.parts {
            m.parts += 1;
            let first = ranked.iter().position(|(code, _)| p.gold.contains(code));
            m.part_hit10 += first.is_some_and(|r| r < 10) as u8 as f64;
            m.part_hit20 += first.is_some_and(|r| r < 20) as u8 as f64;
            m.part_labelled10 += ranked
                .iter()
                .take(10)
                .any(|(code, rel)| p.gold.contains(code) && *rel >= Relation::Partial)
                as u8 as f64;
        }
        let found = |k: usize| {
            c.gold
                .iter()
                .filter(|g| ranked.iter().take(k).any(|(code, _)| code == *g))
                .count() as f64
                / c.gold.len().max(1) as f64
        };
        recall10 += found(10);
        recall20 += found(20);
    }
    let parts = m.parts.max(1) as f64;
    m.part_hit10 /= parts;
    m.part_hit20 /= parts;
    m.part_labelled10 /= parts;
    let n = m.composites.max(1) as f64;
    m.union_recall10 = recall10 / n;
    m.union_recall20 = recall20 / n;
    m
}

#[cfg(test)]
mod tests {
    use super::*;

    fn c(s: &str) -> IndicatorCode {
        IndicatorCode::parse(s).unwrap()
    }

    #[test]
    fn metrics_count_the_first_gold_code_and_the_share_found() {
        let ranked = [c("ท 1.1 ป.4/2"), c("ท 1.1 ป.4/1"), c("ท 1.1 ป.4/3")];
        let gold = [c("ท 1.1 ป.4/1"), c("ท 2.1 ป.4/1")];
        let m = metrics([(&ranked[..], &gold[..])]);
        assert_eq!(m.hit1, 0.0);
        assert_eq!(m.hit5, 1.0);
        assert_eq!(m.recall5, 0.5);
        assert_eq!(m.mrr, 0.5);
    }

    #[test]
    fn a_ranking_without_gold_scores_zero() {
        let ranked = [c("ค 1.1 ป.5/1")];
        let gold = [c("ท 1.1 ป.4/1")];
        let m = metrics([(&ranked[..], &gold[..])]);
        assert_eq!((m.hit10, m.mrr, m.recall10), (0.0, 0.0, 0.0));
    }

    #[test]
    fn gold_lines_report_their_line_and_field() {
        let bad = "{\"id\":\"a\",\"text\":\"x\",\"gold\":[\"ท 1.1 ป.4/1\"]}\n{\"id\":\"b\",\"text\":\"y\",\"gold\":[\"ท 1.1 ป.\"]}";
        let e = read_gold(bad, "dev.jsonl").unwrap_err();
        let loc = e.location().unwrap();
        assert_eq!((loc.line, loc.field.as_deref()), (Some(2), Some("gold")));
    }
}
