//! Learning outcomes (ผลลัพธ์การเรียนรู้) as they come in: from a CSV/TSV
//! sheet, a JSON array, a 1EdTech CASE package, or plain text pasted from a
//! PDF or Word file.
//!
//! Every reader returns the outcomes it found *and* the problems it met, each
//! with its line and field. A row with a problem is kept whenever its text can
//! be kept (a bad grade is dropped, not the row): a teacher's work is never
//! silently lost.

use serde::Serialize;

use crate::curriculum::LearningArea;
use crate::error::Error;

/// One learning outcome, or any Thai text to align (a lesson objective, a unit goal).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Outcome {
    /// The id the source gave (`LO1`, `ผล 2.1`), or one made from its position (`1`, `2`, …).
    pub id: String,
    pub text: String,
    /// ป.4–6 as 4–6, when the source says.
    pub grade: Option<u8>,
    pub area: Option<LearningArea>,
    /// The line of the input where the outcome starts, from 1 (none for API input).
    pub line: Option<usize>,
}

impl Outcome {
    /// An outcome with no grade, area or line.
    pub fn new(id: impl Into<String>, text: impl Into<String>) -> Outcome {
        Outcome {
            id: id.into(),
            text: text.into(),
            grade: None,
            area: None,
            line: None,
        }
    }
}

/// What a reader found: the outcomes, and the problems met on the way.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Outcomes {
    pub outcomes: Vec<Outcome>,
    pub problems: Vec<Error>,
}
