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

#[derive(Serialize)]
struct Report<'a> {
    sapan: &'static str,
    outcomes: &'a [OutcomeAlignment],
    indicators: &'a [IndicatorCoverage],
    coverage: &'a Coverage,
}

/// The alignment and its coverage as pretty-printed JSON, ending with a newline.
pub fn write_json(alignment: &Alignment, coverage: &Coverage) -> String {
    let report = Report {
        sapan: crate::VERSION,
        outcomes: &alignment.outcomes,
        indicators: &alignment.indicators,
        coverage,
    };
    // Serialising plain data with string keys into a String cannot fail.
    let mut out = serde_json::to_string_pretty(&report).unwrap_or_default();
    out.push('\n');
    out
}
