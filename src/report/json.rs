//! JSON: the whole result, shaped exactly as the WASM boundary hands it to
//! JavaScript (camelCase, codes as strings), so one parser serves both.
//!
//! `{ "sapan": VERSION, "outcomes": [...], "indicators": [...], "coverage": {...} }`.
//! The version is written so that a file found later says which rules made it.
//! Output is deterministic: struct fields serialise in declaration order, lists
//! keep the engine's order, and floats use the shortest form that reads back
//! as the same `f32`.

use serde::Serialize;

use crate::engine::{Alignment, Coverage, IndicatorCoverage, OutcomeAlignment};

/// The alignment and its coverage as pretty-printed JSON, ending with a newline.
///
/// Written in three parts ([`write_json_head`], [`write_json_outcome`] for each outcome,
/// [`write_json_tail`]) so that a caller holding one chunk of outcomes at a time (the CLI
/// on 100,000 of them) writes the same bytes: the layout lives here only.
pub fn write_json(alignment: &Alignment, coverage: &Coverage) -> String {
    let mut out = String::new();
    write_json_head(&mut out);
    for (i, oa) in alignment.outcomes.iter().enumerate() {
        write_json_outcome(&mut out, oa, i == 0);
    }
    write_json_tail(
        &mut out,
        !alignment.outcomes.is_empty(),
        &alignment.indicators,
        coverage,
    );
    out
}

/// `{ "sapan": VERSION, "outcomes": [` — up to the first outcome.
pub fn write_json_head(out: &mut String) {
    out.push_str("{\n  \"sapan\": ");
    nested(out, &crate::VERSION, "  ");
    out.push_str(",\n  \"outcomes\": [");
}

/// One element of `outcomes`; `first` for the first one (no comma before it).
pub fn write_json_outcome(out: &mut String, outcome: &OutcomeAlignment, first: bool) {
    out.push_str(if first { "\n    " } else { ",\n    " });
    nested(out, outcome, "    ");
}

/// The end of `outcomes` (`any_outcome` when at least one was written), then the
/// indicators and the coverage, and the closing brace with a newline.
pub fn write_json_tail(
    out: &mut String,
    any_outcome: bool,
    indicators: &[IndicatorCoverage],
    coverage: &Coverage,
) {
    out.push_str(if any_outcome { "\n  ]" } else { "]" });
    out.push_str(",\n  \"indicators\": ");
    nested(out, &indicators, "  ");
    out.push_str(",\n  \"coverage\": ");
    nested(out, coverage, "  ");
    out.push_str("\n}\n");
}

/// A value pretty-printed on its own and indented to its depth: the bytes serde_json's
/// pretty printer gives it inside the whole report. JSON strings never hold a raw line
/// break, so indenting every line is safe.
fn nested(out: &mut String, value: &impl Serialize, indent: &str) {
    // Serialising plain data with string keys into a String cannot fail.
    let text = serde_json::to_string_pretty(value).unwrap_or_default();
    out.push_str(&text.replace('\n', &format!("\n{indent}")));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::{Engine, RankOptions};
    use crate::outcome::Outcome;

    /// The report as one serde value, the layout the parts must reproduce.
    #[derive(Serialize)]
    struct Whole<'a> {
        sapan: &'static str,
        outcomes: &'a [OutcomeAlignment],
        indicators: &'a [IndicatorCoverage],
        coverage: &'a Coverage,
    }

    #[test]
    fn the_parts_write_the_bytes_of_the_whole_report() {
        let engine = Engine::new();
        let texts = [
            vec![],
            vec![Outcome::new("1", "อ่านออกเสียงบทร้อยแก้วและบทร้อยกรองได้ถูกต้อง")],
            vec![
                Outcome::new("a", "บวก ลบ คูณ หาร ทศนิยม"),
                Outcome::new("b", "\"quoted\" text\twith a tab"),
            ],
        ];
        for outcomes in texts {
            let alignment = engine.align(&outcomes, &RankOptions::default());
            let coverage = engine.coverage(&alignment);
            let mut whole = serde_json::to_string_pretty(&Whole {
                sapan: crate::VERSION,
                outcomes: &alignment.outcomes,
                indicators: &alignment.indicators,
                coverage: &coverage,
            })
            .unwrap();
            whole.push('\n');
            assert_eq!(
                write_json(&alignment, &coverage),
                whole,
                "{} outcomes",
                outcomes.len()
            );
        }
    }
}
