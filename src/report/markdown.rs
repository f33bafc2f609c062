//! A Markdown report a school can paste into its curriculum document.
//!
//! Headings are bilingual, Thai first: the readers are Thai teachers and
//! supervisors, and an English reader still finds the way. Four parts:
//! coverage by learning area × grade (with a total row), each outcome with its
//! matches, the indicators no outcome covers, and the outcomes that matched
//! nothing.
//!
//! A long outcome that bundles several topics (the draft framework's LOs) is shown
//! as the engine split it: its clauses numbered, each with its kind (เนื้อหา content,
//! กระบวนการ process, สมรรถนะ competency, with the competency's name), then its matches
//! grouped under the clause each answers, and a line for a content clause that found no
//! indicator, since that is a gap a teacher must fill by hand. An outcome of one clause
//! (a lesson objective) is written as one table, as before clauses existed.
//!
//! Text from users and from the curriculum is made inline-safe: Markdown's
//! punctuation is backslash-escaped, so a `|` cannot split a table cell and an
//! `*` cannot turn a sentence bold, and a line break becomes a space, since a
//! table row (and a list item, as written here) is one line.

use std::collections::BTreeMap;

use crate::code::IndicatorCode;
use crate::curriculum::{Curriculum, LearningArea};
use crate::engine::{Alignment, ClauseKind, Coverage, CoverageCounts, Match, OutcomeAlignment};

use super::{answered_clauses, clause_kind_label, evidence_summary, format_score, grade_label};

/// The bilingual report, ending with a newline.
pub fn write_markdown(
    alignment: &Alignment,
    coverage: &Coverage,
    curriculum: &Curriculum,
) -> String {
    let mut out = String::new();
    out.push_str("# รายงานความสอดคล้องของผลลัพธ์การเรียนรู้กับตัวชี้วัด / Alignment of learning outcomes with indicators\n\n");
    out.push_str(&format!(
        "หลักสูตรแกนกลางการศึกษาขั้นพื้นฐาน พุทธศักราช 2551 ชั้น ป.4–6 · Basic Education Core Curriculum B.E. 2551, grades 4–6. \
         ผลนี้ Sapan {v} เสนอจากถ้อยคำ ครูควรตรวจสอบ / Suggested by Sapan {v} from the wording; a teacher should review.\n\n",
        v = crate::VERSION
    ));

    write_coverage(&mut out, coverage);
    write_outcomes(&mut out, alignment, curriculum);
    write_uncovered(&mut out, &coverage.uncovered, curriculum);
    write_unmatched(&mut out, alignment, coverage);
    out
}

fn write_coverage(out: &mut String, coverage: &Coverage) {
    out.push_str("## ความครอบคลุมตัวชี้วัด / Indicator coverage\n\n");
    out.push_str("| กลุ่มสาระ / Area | ชั้น / Grade | ตัวชี้วัด / Indicators | สอดคล้อง / Aligned | สอดคล้องบางส่วน / Partial | ไม่มี LO / Uncovered | ครอบคลุม / % covered |\n");
    out.push_str("|---|---|---:|---:|---:|---:|---:|\n");
    // The total row is summed from the rows printed, so the table always adds up.
    let mut total = CoverageCounts::default();
    for row in &coverage.rows {
        let c = row.counts;
        total.indicators += c.indicators;
        total.aligned += c.aligned;
        total.partial += c.partial;
        total.uncovered += c.uncovered;
        out.push_str(&format!(
            "| {} | {} | {} | {} | {} | {} | {} |\n",
            area_label(row.area),
            grade_label(row.grade),
            c.indicators,
            c.aligned,
            c.partial,
            c.uncovered,
            percent_covered(c)
        ));
    }
    out.push_str(&format!(
        "| **รวม / Total** | | **{}** | **{}** | **{}** | **{}** | **{}** |\n\n",
        total.indicators,
        total.aligned,
        total.partial,
        total.uncovered,
        percent_covered(total)
    ));
}

/// Aligned or partial, as a share of the candidate indicators, one decimal.
fn percent_covered(c: CoverageCounts) -> String {
    if c.indicators == 0 {
        return "–".to_string();
    }
    let pct = (c.aligned + c.partial) as f64 * 100.0 / c.indicators as f64;
    format!("{pct:.1}%")
}

fn area_label(area: LearningArea) -> String {
    format!("{} ({})", area.name_th(), area.letter())
}

fn write_outcomes(out: &mut String, alignment: &Alignment, curriculum: &Curriculum) {
    out.push_str("## ผลลัพธ์การเรียนรู้และตัวชี้วัดที่สอดคล้อง / Learning outcomes and their indicators\n\n");
    if alignment.outcomes.is_empty() {
        out.push_str("ไม่มีผลลัพธ์การเรียนรู้ / No learning outcomes.\n\n");
    }
    for oa in &alignment.outcomes {
        write_outcome(out, oa, curriculum);
    }
}

fn write_outcome(out: &mut String, oa: &OutcomeAlignment, curriculum: &Curriculum) {
    let o = &oa.outcome;
    out.push_str(&format!("### {}\n\n", inline(&o.id)));
    out.push_str(&format!("**ผลลัพธ์การเรียนรู้ / Outcome:** {}", inline(&o.text)));
    let mut about = Vec::new();
    if let Some(g) = o.grade {
        about.push(grade_label(g));
    }
    if let Some(a) = o.area {
        about.push(a.name_th().to_string());
    }
    // The draft framework's own terms, as the outcome was given them.
    if let Some(n) = o.stage {
        about.push(match crate::framework::stage(n) {
            Some(st) => format!("{} ({})", st.name_th, crate::framework::span(st)),
            None => format!("ช่วงชั้นที่ {n}"),
        });
    }
    if let Some(fa) = o.framework_area {
        about.push(format!("สาระการเรียนรู้{}", fa.name_th()));
    }
    if !about.is_empty() {
        out.push_str(&format!(" ({})", about.join(", ")));
    }
    out.push_str("\n\n");
    if oa.clauses.len() > 1 {
        write_clauses(out, oa, curriculum);
        return;
    }
    if oa.matches.is_empty() {
        out.push_str("ไม่พบตัวชี้วัดที่สอดคล้อง / No matching indicator.\n\n");
        return;
    }
    let ranked: Vec<(usize, &Match)> = oa.matches.iter().enumerate().collect();
    write_match_table(out, &ranked, curriculum);
}

/// A many-clause outcome: the clauses numbered and labelled, then the matches under
/// the clause they answer. A match answering two clauses is listed under both; one that
/// names no clause of the outcome (added by a teacher, or from an older file) under the
/// whole outcome. Ranks stay the outcome's, as in the CSV.
fn write_clauses(out: &mut String, oa: &OutcomeAlignment, curriculum: &Curriculum) {
    out.push_str("**ส่วนของผลลัพธ์ / Clauses:**\n\n");
    for (i, clause) in oa.clauses.iter().enumerate() {
        let (th, en) = clause_kind_label(clause);
        out.push_str(&format!(
            "{}. ({} / {}) {}\n",
            i + 1,
            inline(&th),
            inline(&en),
            inline(&clause.text)
        ));
    }
    out.push('\n');
    let answered: Vec<Vec<usize>> = oa
        .matches
        .iter()
        .map(|m| {
            answered_clauses(oa, m)
                .into_iter()
                .map(|(i, _)| i)
                .collect()
        })
        .collect();
    for (i, clause) in oa.clauses.iter().enumerate() {
        let ranked: Vec<(usize, &Match)> = oa
            .matches
            .iter()
            .enumerate()
            .filter(|(rank, _)| answered[*rank].contains(&i))
            .collect();
        if ranked.is_empty() && clause.kind != ClauseKind::Content {
            continue;
        }
        let (th, en) = clause_kind_label(clause);
        out.push_str(&format!(
            "#### ส่วนที่ {n} ({th}) / Clause {n} ({en})\n\n",
            n = i + 1,
            th = inline(&th),
            en = inline(&en)
        ));
        if ranked.is_empty() {
            out.push_str("ไม่พบตัวชี้วัด / No indicator found.\n\n");
        } else {
            write_match_table(out, &ranked, curriculum);
        }
    }
    let whole: Vec<(usize, &Match)> = oa
        .matches
        .iter()
        .enumerate()
        .filter(|(rank, _)| answered[*rank].is_empty())
        .collect();
    if !whole.is_empty() {
        out.push_str("#### ทั้งผลลัพธ์ / The whole outcome\n\n");
        write_match_table(out, &whole, curriculum);
    }
}

/// Matches as a table, each with its rank (from 0) in the outcome's list.
fn write_match_table(out: &mut String, ranked: &[(usize, &Match)], curriculum: &Curriculum) {
    out.push_str("| อันดับ / Rank | รหัส / Code | ตัวชี้วัด / Indicator | คะแนน / Score | ความสอดคล้อง / Relation | คำที่พบ / Evidence |\n");
    out.push_str("|---:|---|---|---:|---|---|\n");
    for &(rank, m) in ranked {
        let text = curriculum
            .indicator(&m.code)
            .map(|i| i.text.as_str())
            .unwrap_or("");
        out.push_str(&format!(
            "| {} | {} | {} | {} | {} | {} |\n",
            rank + 1,
            m.code,
            inline(text),
            format_score(m.score),
            m.relation.name_th(),
            inline(&evidence_summary(&m.evidence))
        ));
    }
    out.push('\n');
}

fn write_uncovered(out: &mut String, uncovered: &[IndicatorCode], curriculum: &Curriculum) {
    out.push_str("## ตัวชี้วัดที่ยังไม่มีผลลัพธ์การเรียนรู้ / Indicators no outcome covers\n\n");
    if uncovered.is_empty() {
        out.push_str("ทุกตัวชี้วัดมีผลลัพธ์การเรียนรู้ที่สอดคล้อง / Every indicator is covered.\n\n");
        return;
    }
    // Curriculum order interleaves grades within each standard; a school plans
    // by grade, so group by area × grade and keep curriculum order inside.
    let mut groups: BTreeMap<(LearningArea, u8), Vec<&IndicatorCode>> = BTreeMap::new();
    for code in uncovered {
        groups
            .entry((code.area(), code.grade()))
            .or_default()
            .push(code);
    }
    for ((area, grade), codes) in groups {
        out.push_str(&format!(
            "### {} · {} / {} · grade {} ({})\n\n",
            area.name_th(),
            grade_label(grade),
            area.name_en(),
            grade,
            codes.len()
        ));
        for code in codes {
            let text = curriculum
                .indicator(code)
                .map(|i| i.text.as_str())
                .unwrap_or("");
            out.push_str(&format!("- **{}** {}\n", code, inline(text)));
        }
        out.push('\n');
    }
}

fn write_unmatched(out: &mut String, alignment: &Alignment, coverage: &Coverage) {
    out.push_str("## ผลลัพธ์การเรียนรู้ที่ไม่พบตัวชี้วัดที่สอดคล้อง / Outcomes with no matching indicator\n\n");
    if coverage.unmatched_outcomes.is_empty() {
        out.push_str("ทุกผลลัพธ์การเรียนรู้พบตัวชี้วัดที่สอดคล้อง / Every outcome matched an indicator.\n");
        return;
    }
    for id in &coverage.unmatched_outcomes {
        let text = alignment
            .outcomes
            .iter()
            .find(|oa| &oa.outcome.id == id)
            .map(|oa| oa.outcome.text.as_str())
            .unwrap_or("");
        out.push_str(&format!("- **{}** {}\n", inline(id), inline(text)));
    }
}

/// Text made safe for one line of Markdown: punctuation that Markdown or a
/// GFM table reads as syntax is backslash-escaped, and line breaks (with the
/// spaces around them) become one space.
pub(crate) fn inline(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let lines = s
        .split(['\n', '\r'])
        .map(str::trim)
        .filter(|l| !l.is_empty());
    for (i, line) in lines.enumerate() {
        if i > 0 {
            out.push(' ');
        }
        for c in line.chars() {
            if matches!(
                c,
                '\\' | '|' | '*' | '_' | '`' | '[' | ']' | '<' | '>' | '#' | '~'
            ) {
                out.push('\\');
            }
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inline_escapes_table_pipes_and_joins_lines() {
        assert_eq!(inline("a | b"), "a \\| b");
        assert_eq!(inline("บรรทัดแรก\r\n  บรรทัดสอง\n"), "บรรทัดแรก บรรทัดสอง");
        assert_eq!(inline("<b>*x*</b>"), "\\<b\\>\\*x\\*\\</b\\>");
        assert_eq!(inline("ทศนิยม\rเศษส่วน"), "ทศนิยม เศษส่วน");
    }

    #[test]
    fn percent_covered_counts_aligned_and_partial() {
        let c = CoverageCounts {
            indicators: 8,
            aligned: 2,
            partial: 1,
            uncovered: 5,
        };
        assert_eq!(percent_covered(c), "37.5%");
        assert_eq!(percent_covered(CoverageCounts::default()), "–");
    }
}
