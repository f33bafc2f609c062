//! Learning outcomes (ผลลัพธ์การเรียนรู้) as they come in: from a CSV/TSV
//! sheet, a JSON array, a 1EdTech CASE package, or plain text pasted from a
//! PDF or Word file.
//!
//! Every reader returns the outcomes it found *and* the problems it met, each
//! with its line and field. A row with a problem is kept whenever its text can
//! be kept (a bad grade is dropped, not the row): a teacher's work is never
//! silently lost.

use serde::{Deserialize, Serialize};

use crate::curriculum::LearningArea;
use crate::error::Error;
use crate::framework::FrameworkArea;

/// One learning outcome, or any Thai text to align (a lesson objective, a unit goal).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Outcome {
    /// The id the source gave (`LO1`, `ผล 2.1`), or one made from its position (`1`, `2`, …).
    pub id: String,
    pub text: String,
    /// ป.4–6 as 4–6, when the source says.
    #[serde(default)]
    pub grade: Option<u8>,
    #[serde(default)]
    pub area: Option<LearningArea>,
    /// The draft framework's key stage (ช่วงชั้น), when the source says (`2` = ป.4–6).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stage: Option<u8>,
    /// The draft framework's learning area, when the source names one of its nine: a
    /// prior over the 2551 areas and strands it draws on, never a filter.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub framework_area: Option<FrameworkArea>,
    /// The line of the input where the outcome starts, from 1 (none for API input).
    #[serde(default)]
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
            stage: None,
            framework_area: None,
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

// The outcome types and the dispatch live here; each reader in its own file, format
// detection in `detect`, and what the readers share (field names, the collector that checks
// values and gives ids, the place a value came from) in `collect`.
mod case;
mod collect;
mod csv;
mod detect;
mod json;
pub mod located_json;
mod text;

pub use case::read_case;
pub use csv::read_csv;
pub use detect::detect;
pub use json::{read_json, read_json_value};
pub use text::read_text;

// The grade and area readers are the crate's vocabulary (`crate::area`); kept here too for
// the callers that found them here first.
pub use crate::area::{read_area, read_grade, GradeReading};

pub(crate) use collect::{join_lines, strip_bom, Collector, Field, Labels, Place};

use crate::error::ErrorKind;

/// The ways learning outcomes come in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum OutcomeFormat {
    /// Comma-separated values (RFC 4180), as Excel and Google Sheets export them.
    Csv,
    /// Tab-separated values, as a spreadsheet range copied to the clipboard gives them.
    Tsv,
    /// A JSON array of outcomes (objects or strings), or `{"outcomes": [...]}`.
    Json,
    /// A 1EdTech CASE 1.1 package (`CFDocument`, `CFItems`).
    Case,
    /// Plain text pasted from a PDF or Word file.
    Text,
}

impl OutcomeFormat {
    /// All formats, in the order of [`OutcomeFormat::as_str`]'s names in help texts.
    pub const ALL: [OutcomeFormat; 5] = [
        OutcomeFormat::Csv,
        OutcomeFormat::Tsv,
        OutcomeFormat::Json,
        OutcomeFormat::Case,
        OutcomeFormat::Text,
    ];

    /// The stable name: `csv`, `tsv`, `json`, `case` or `text`.
    pub fn as_str(self) -> &'static str {
        match self {
            OutcomeFormat::Csv => "csv",
            OutcomeFormat::Tsv => "tsv",
            OutcomeFormat::Json => "json",
            OutcomeFormat::Case => "case",
            OutcomeFormat::Text => "text",
        }
    }

    /// Reads a format name, case-insensitively; `txt` is accepted for `text`.
    pub fn parse(name: &str) -> crate::error::Result<OutcomeFormat> {
        let lower = name.trim().to_ascii_lowercase();
        if lower == "txt" {
            return Ok(OutcomeFormat::Text);
        }
        OutcomeFormat::ALL
            .into_iter()
            .find(|f| f.as_str() == lower)
            .ok_or_else(|| {
                Error::new(
                    ErrorKind::InvalidArgument,
                    format!(
                        "unknown outcome format \"{name}\": expected csv, tsv, json, case or text"
                    ),
                    format!("ไม่รู้จักรูปแบบ \"{name}\": ต้องเป็น csv, tsv, json, case หรือ text"),
                )
            })
    }
}

impl std::fmt::Display for OutcomeFormat {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Reads `content` in `format`. `source` (a file name) is put into every problem's location.
pub fn read_outcomes(content: &str, format: OutcomeFormat, source: Option<&str>) -> Outcomes {
    match format {
        OutcomeFormat::Csv => read_csv(content, ',', source),
        OutcomeFormat::Tsv => read_csv(content, '\t', source),
        OutcomeFormat::Json => read_json(content, source),
        OutcomeFormat::Case => read_case(content, source),
        OutcomeFormat::Text => read_text(content, source),
    }
}
