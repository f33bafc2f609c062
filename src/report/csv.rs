//! CSV for spreadsheets: one row per outcome × matched indicator.
//!
//! Written for Excel first, since that is what schools open a CSV with:
//! - a UTF-8 byte-order mark, without which Excel reads the bytes as the
//!   local code page and Thai turns into mojibake;
//! - RFC 4180 quoting (a field with a comma, a quote or a line break is
//!   quoted, quotes doubled) and CRLF row ends, as RFC 4180 and Excel expect;
//!   a line break *inside* a quoted field is kept as the teacher typed it;
//! - a `'` before any cell that starts with `=`, `+`, `-`, `@`, a tab or a
//!   carriage return, so that text typed by a user can never run as a formula
//!   when the file is opened (CSV injection). The quote shows in the cell;
//!   that small cost buys safety for every school that opens the file.
//!
//! Columns: `outcome_id, outcome_text, grade, area, rank, indicator_code,
//! indicator_text, score, relation, relation_th, evidence, review, review_th, clause`. `grade` (4–6) and
//! `area` (the code letter, e.g. `ค`) are the outcome's own, empty when its
//! source did not say. `rank` counts the outcome's matches from 1, best first.
//! `score` has three decimals; `relation` is the stable code (`aligned`,
//! `partial`, `none`) and `relation_th` the guideline's Thai term. `evidence`
//! is the matched terms, e.g. `ทศนิยม; การบวก~การบวอ (fuzzy); เศษส่วน (core
//! content)`: the outcome's word, `~` and the indicator side's word when they
//! differ, and a note when the match was near or outside the indicator's text.
//! `review` is a teacher's decision as the app records it (`confirmed`,
//! `added`, or empty for an unchecked suggestion), `review_th` the same in Thai.
//! `clause` is the part of a long outcome the match answers: the text of the clause (or
//! of each clause, joined by ` / `) the engine split the outcome into. It is empty when
//! the outcome has one clause, as a lesson objective has, so the sheet does not repeat the
//! outcome's text; and it comes last so that a sheet's older columns keep their places.
//!
//! An outcome with no match still gets one row, its indicator columns empty:
//! a teacher's outcome is never dropped from the sheet.

use crate::curriculum::Curriculum;
use crate::engine::{Alignment, OutcomeAlignment};

use super::{answered_clauses, evidence_summary, format_score};

const HEADER: [&str; 14] = [
    "outcome_id",
    "outcome_text",
    "grade",
    "area",
    "rank",
    "indicator_code",
    "indicator_text",
    "score",
    "relation",
    "relation_th",
    "evidence",
    "review",
    "review_th",
    "clause",
];

/// The alignment as CSV text, starting with a byte-order mark.
pub fn write_csv(alignment: &Alignment, curriculum: &Curriculum) -> String {
    let mut out = String::new();
    write_csv_header(&mut out);
    write_csv_rows(&mut out, &alignment.outcomes, curriculum);
    out
}

/// What a CSV starts with: the byte-order mark and the header row.
pub fn write_csv_header(out: &mut String) {
    out.push('\u{FEFF}');
    write_row(out, HEADER.iter().map(|h| h.to_string()));
}

/// The rows of `outcomes`. A row depends on its own outcome only, so rows written a chunk of
/// outcomes at a time after one header are the bytes of [`write_csv`] of them all.
pub fn write_csv_rows(out: &mut String, outcomes: &[OutcomeAlignment], curriculum: &Curriculum) {
    for oa in outcomes {
        let o = &oa.outcome;
        let grade = o.grade.map(|g| g.to_string()).unwrap_or_default();
        let area = o.area.map(|a| a.letter().to_string()).unwrap_or_default();
        if oa.matches.is_empty() {
            write_row(
                out,
                [o.id.clone(), o.text.clone(), grade, area]
                    .into_iter()
                    .chain(std::iter::repeat_n(String::new(), HEADER.len() - 4)),
            );
            continue;
        }
        for (rank, m) in oa.matches.iter().enumerate() {
            let indicator_text = curriculum
                .indicator(&m.code)
                .map(|i| i.text.clone())
                .unwrap_or_default();
            let clause = answered_clauses(oa, m)
                .into_iter()
                .map(|(_, c)| c.text.as_str())
                .collect::<Vec<_>>()
                .join(" / ");
            write_row(
                out,
                [
                    o.id.clone(),
                    o.text.clone(),
                    grade.clone(),
                    area.clone(),
                    (rank + 1).to_string(),
                    m.code.to_string(),
                    indicator_text,
                    format_score(m.score),
                    m.relation.as_str().to_string(),
                    m.relation.name_th().to_string(),
                    evidence_summary(&m.evidence),
                    m.review.map(|r| r.as_str()).unwrap_or_default().to_string(),
                    m.review
                        .map(|r| r.name_th())
                        .unwrap_or_default()
                        .to_string(),
                    clause,
                ],
            );
        }
    }
}

fn write_row(out: &mut String, fields: impl IntoIterator<Item = String>) {
    for (i, field) in fields.into_iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str(&csv_field(&field));
    }
    out.push_str("\r\n");
}

/// One field, defused against formulas and quoted when it must be: the one
/// CSV quoting rule of the crate (the CLI's indicator listing uses it too).
pub fn csv_field(s: &str) -> String {
    let s = if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{s}")
    } else {
        s.to_string()
    };
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_are_quoted_only_when_they_must_be() {
        assert_eq!(csv_field("ทศนิยม"), "ทศนิยม");
        assert_eq!(csv_field("a,b"), "\"a,b\"");
        assert_eq!(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(csv_field("line\nbreak"), "\"line\nbreak\"");
    }

    #[test]
    fn formula_starts_are_prefixed_before_quoting() {
        assert_eq!(csv_field("=1+1"), "'=1+1");
        assert_eq!(csv_field("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(csv_field("-2,3"), "\"'-2,3\"");
        assert_eq!(csv_field("\tx"), "'\tx");
    }
}
