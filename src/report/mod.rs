//! Report writers: the last step of the data path, where an [`Alignment`] (and
//! its [`Coverage`]) becomes a file a school can open, import or paste.
//!
//! - [`csv`]: one row per outcome × matched indicator, for Excel or Google Sheets.
//! - [`json`]: everything, as the WASM boundary sees it, for other programs.
//! - [`case`]: a 1EdTech CASE 1.1 package, for curriculum tools that speak CASE.
//! - [`markdown`]: a bilingual report to paste into a curriculum document.
//!
//! Every writer is a pure function of its inputs: no clock, no randomness, no
//! hash-map order. The same alignment gives byte-for-byte the same file
//! natively and in the browser, so a school can diff two exports and see only
//! what changed in its outcomes.

pub mod case;
pub mod csv;
pub mod json;
pub mod markdown;
mod uuid;

pub use case::{write_case, CaseOptions};
pub use csv::write_csv;
pub use json::write_json;
pub use markdown::write_markdown;

use crate::curriculum::Curriculum;
use crate::engine::{
    Alignment, Clause, ClauseKind, Coverage, Evidence, EvidenceField, EvidenceKind, Match,
    OutcomeAlignment,
};
use crate::error::{Error, ErrorKind, Result};

/// The file formats a report can be written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ReportFormat {
    Csv,
    Json,
    Case,
    Markdown,
}

impl ReportFormat {
    /// All formats, in the order they are offered to a user.
    pub const ALL: [ReportFormat; 4] = [
        ReportFormat::Csv,
        ReportFormat::Json,
        ReportFormat::Case,
        ReportFormat::Markdown,
    ];

    /// Reads a format name as typed after `--format`: `csv`, `json`, `case`,
    /// `md` or `markdown`, in any case.
    pub fn parse(input: &str) -> Result<ReportFormat> {
        match input.trim().to_ascii_lowercase().as_str() {
            "csv" => Ok(ReportFormat::Csv),
            "json" => Ok(ReportFormat::Json),
            "case" => Ok(ReportFormat::Case),
            "md" | "markdown" => Ok(ReportFormat::Markdown),
            _ => Err(Error::new(
                ErrorKind::InvalidArgument,
                format!("unknown report format \"{input}\": expected csv, json, case or md"),
                format!("ไม่รู้จักรูปแบบรายงาน \"{input}\": ต้องเป็น csv, json, case หรือ md"),
            )),
        }
    }

    /// The stable name, as [`ReportFormat::parse`] reads it back.
    pub fn as_str(self) -> &'static str {
        match self {
            ReportFormat::Csv => "csv",
            ReportFormat::Json => "json",
            ReportFormat::Case => "case",
            ReportFormat::Markdown => "md",
        }
    }

    /// The usual file extension, without the dot. A CASE package is JSON.
    pub fn extension(self) -> &'static str {
        match self {
            ReportFormat::Csv => "csv",
            ReportFormat::Json | ReportFormat::Case => "json",
            ReportFormat::Markdown => "md",
        }
    }

    /// The media type, for a browser download.
    pub fn media_type(self) -> &'static str {
        match self {
            ReportFormat::Csv => "text/csv; charset=utf-8",
            ReportFormat::Json | ReportFormat::Case => "application/json",
            ReportFormat::Markdown => "text/markdown; charset=utf-8",
        }
    }
}

impl std::str::FromStr for ReportFormat {
    type Err = Error;

    fn from_str(s: &str) -> Result<ReportFormat> {
        ReportFormat::parse(s)
    }
}

/// Writes the report in `format`. `case` is used only for [`ReportFormat::Case`].
pub fn write(
    format: ReportFormat,
    alignment: &Alignment,
    coverage: &Coverage,
    curriculum: &Curriculum,
    case: &CaseOptions,
) -> String {
    match format {
        ReportFormat::Csv => write_csv(alignment, curriculum),
        ReportFormat::Json => write_json(alignment, coverage),
        ReportFormat::Case => write_case(alignment, curriculum, case),
        ReportFormat::Markdown => write_markdown(alignment, coverage, curriculum),
    }
}

/// A score with exactly three decimals (`0.812`).
///
/// Fixed decimals rather than the shortest round-trip form: a spreadsheet
/// column reads evenly, and two runs whose scores differ in the eighth digit
/// still write the same file. Rust formats floats without the C library, so
/// the digits are the same on every platform.
pub(crate) fn format_score(score: f32) -> String {
    if !score.is_finite() {
        return String::new();
    }
    // `-0.0` would print as "-0.000".
    let score = if score == 0.0 { 0.0 } else { score };
    format!("{score:.3}")
}

/// The evidence of a match as one line a teacher can read, e.g.
/// `ทศนิยม; การบวก~การบวอ (fuzzy); เศษส่วน (core content)`.
///
/// Each term is the outcome's word; `~other` follows when the indicator side
/// wrote it differently; a note in brackets says when the words only nearly
/// matched or were found outside the indicator's own text. Terms are listed
/// in the engine's order (largest weight first), each distinct term once.
pub(crate) fn evidence_summary(evidence: &[Evidence]) -> String {
    let mut parts: Vec<String> = Vec::new();
    for e in evidence {
        let mut part = e.term.clone();
        if e.matched != e.term {
            part.push('~');
            part.push_str(&e.matched);
        }
        let mut notes = Vec::new();
        if e.kind == EvidenceKind::Fuzzy {
            notes.push("fuzzy");
        }
        match e.field {
            EvidenceField::Indicator => {}
            EvidenceField::Standard => notes.push("standard"),
            EvidenceField::Strand => notes.push("strand"),
            EvidenceField::CoreContent => notes.push("core content"),
        }
        if !notes.is_empty() {
            part.push_str(" (");
            part.push_str(&notes.join(", "));
            part.push(')');
        }
        if !parts.contains(&part) {
            parts.push(part);
        }
    }
    parts.join("; ")
}

/// The clauses of `oa` that `m` answers, with their positions, in order and each once;
/// empty when the outcome has one clause (or none recorded), so that a lesson objective's
/// report reads as it always did. Indices past the outcome's clauses (an alignment edited
/// by hand) are skipped.
pub(crate) fn answered_clauses<'a>(
    oa: &'a OutcomeAlignment,
    m: &Match,
) -> Vec<(usize, &'a Clause)> {
    if oa.clauses.len() < 2 {
        return Vec::new();
    }
    let mut at: Vec<usize> = m.clauses.iter().map(|&i| i as usize).collect();
    at.sort_unstable();
    at.dedup();
    at.into_iter()
        .filter_map(|i| oa.clauses.get(i).map(|c| (i, c)))
        .collect()
}

/// A clause's kind and competencies in words, Thai then English:
/// `("สมรรถนะ: การรวมพลังทำงานเป็นทีม", "competency: Teamwork and collaboration")`.
pub(crate) fn clause_kind_label(clause: &Clause) -> (String, String) {
    let mut th = clause.kind.name_th().to_string();
    let mut en = clause.kind.name_en().to_string();
    let named: Vec<&crate::framework::Competency> = clause
        .competencies
        .iter()
        .filter_map(|n| {
            crate::framework::competencies()
                .iter()
                .find(|c| c.number == *n)
        })
        .collect();
    if !named.is_empty() && clause.kind != ClauseKind::Content {
        let names = |name: fn(&crate::framework::Competency) -> &str| {
            named.iter().map(|c| name(c)).collect::<Vec<_>>().join(", ")
        };
        th.push_str(": ");
        th.push_str(&names(|c| &c.name_th));
        en.push_str(": ");
        en.push_str(&names(|c| &c.name_en));
    }
    (th, en)
}

/// The grade as schools write it, `ป.4`.
pub(crate) fn grade_label(grade: u8) -> String {
    format!("ป.{grade}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::Span;

    #[test]
    fn scores_have_three_decimals_and_no_negative_zero() {
        assert_eq!(format_score(0.8125), "0.812");
        assert_eq!(format_score(1.0), "1.000");
        assert_eq!(format_score(-0.0), "0.000");
        assert_eq!(format_score(f32::NAN), "");
    }

    #[test]
    fn evidence_summary_marks_fuzzy_and_non_indicator_terms_once() {
        let ev = |term: &str, matched: &str, kind, field| Evidence {
            term: term.into(),
            matched: matched.into(),
            kind,
            field,
            query_span: Span { start: 0, end: 1 },
            target_span: Span { start: 0, end: 1 },
            context: None,
            weight: 0.5,
        };
        let summary = evidence_summary(&[
            ev(
                "ทศนิยม",
                "ทศนิยม",
                EvidenceKind::Exact,
                EvidenceField::Indicator,
            ),
            ev(
                "การบวก",
                "การบวอ",
                EvidenceKind::Fuzzy,
                EvidenceField::Indicator,
            ),
            ev(
                "ทศนิยม",
                "ทศนิยม",
                EvidenceKind::Exact,
                EvidenceField::Indicator,
            ),
            ev(
                "เศษส่วน",
                "เศษส่วน",
                EvidenceKind::Exact,
                EvidenceField::CoreContent,
            ),
        ]);
        assert_eq!(
            summary,
            "ทศนิยม; การบวก~การบวอ (fuzzy); เศษส่วน (core content)"
        );
    }

    #[test]
    fn format_names_round_trip_and_unknown_names_are_bilingual_errors() {
        for f in ReportFormat::ALL {
            assert_eq!(ReportFormat::parse(f.as_str()).unwrap(), f);
        }
        assert_eq!(
            ReportFormat::parse("Markdown").unwrap(),
            ReportFormat::Markdown
        );
        let e = ReportFormat::parse("xlsx").unwrap_err();
        assert_eq!(e.code(), "invalid_argument");
        assert!(e.message_th().contains("xlsx") && e.message_en().contains("xlsx"));
    }
}
