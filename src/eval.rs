//! Measuring the engine against texts linked to indicators by their authors:
//! Hit@k (a gold code among the first k), Recall@k (the share of the gold
//! codes among the first k) and MRR (the mean of 1 / rank of the first gold code).

use serde::{Deserialize, Serialize};

use crate::code::IndicatorCode;
use crate::curriculum::LearningArea;
use crate::error::{Error, ErrorKind, Location, Result};

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

/// Reads a gold file: one JSON object a line with `id`, `text`, `gold`
/// (codes) and optional `grade` and `area_code` (or `area`).
pub fn read_gold(jsonl: &str, source: &str) -> Result<Vec<GoldText>> {
    let mut out = Vec::new();
    for (n, line) in jsonl.lines().enumerate() {
        let at = |field: Option<&str>| Location {
            source: Some(source.to_string()),
            line: Some(n + 1),
            column: None,
            field: field.map(str::to_string),
        };
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
        let gold = g
            .gold
            .iter()
            .map(|c| {
                let code = IndicatorCode::parse(c).map_err(|e| e.at(at(Some("gold"))))?;
                // A code no indicator has would count as a miss of every ranking, silently.
                match crate::curriculum::Curriculum::embedded().indicator(&code) {
                    Some(_) => Ok(code),
                    None => Err(unknown_code(&code).at(at(Some("gold")))),
                }
            })
            .collect::<Result<Vec<_>>>()?;
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
