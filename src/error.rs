//! One error type for the whole core.
//!
//! Every failure a person can cause (a malformed indicator code, a bad CLI
//! argument, a broken input file) becomes an [`Error`] with a stable
//! [`ErrorKind`] code and a message in both Thai and English. The codes are part
//! of the public contract: the WASM boundary exposes them as `error.code`, and
//! scripts may match on them, so they never change once published.

use std::fmt;

/// What went wrong, as a stable snake_case code (see [`ErrorKind::as_str`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ErrorKind {
    /// An indicator code (ตัวชี้วัด) that cannot be read, e.g. `ท 1.1 ป.4/`.
    InvalidCode,
    /// A well-formed code that names no indicator in the curriculum, e.g. `ท 9.9 ป.4/99`.
    UnknownCode,
    /// A command-line or API argument outside what is accepted.
    InvalidArgument,
    /// Bytes that are not text in an encoding Sapan reads (UTF-8, UTF-16 with a BOM,
    /// Windows-874), e.g. UTF-8 broken in one place.
    InvalidEncoding,
    /// A binary file (NUL bytes, control characters) given where text was expected.
    BinaryInput,
    /// The embedded curriculum data failed to load (a build defect, never user input).
    Data,
    /// A CSV or TSV file that cannot be read as a table (e.g. an unclosed quote).
    ParseCsv,
    /// Text that is not the JSON expected (syntax, or the wrong shape).
    ParseJson,
    /// A JSON file that is not a 1EdTech CASE 1.1 package.
    ParseCase,
    /// Plain text in which no learning outcome can be found.
    ParseText,
    /// A row or record without a value that is required, e.g. no `text`.
    MissingField,
    /// A value that cannot be used, e.g. grade `7` or area `xyz`; the row is kept without it.
    InvalidField,
    /// Two outcomes with the same id; the later one is given a new id.
    DuplicateId,
    /// A key stage of the draft framework whose indicators Sapan does not hold (only
    /// ช่วงชั้นที่ 2, ป.4–6, is held), e.g. `stage: 1`.
    StageNotHeld,
}

impl ErrorKind {
    /// The stable code, e.g. `"invalid_code"`.
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorKind::InvalidCode => "invalid_code",
            ErrorKind::UnknownCode => "unknown_code",
            ErrorKind::InvalidArgument => "invalid_argument",
            ErrorKind::InvalidEncoding => "invalid_encoding",
            ErrorKind::BinaryInput => "binary_input",
            ErrorKind::Data => "data",
            ErrorKind::ParseCsv => "parse_csv",
            ErrorKind::ParseJson => "parse_json",
            ErrorKind::ParseCase => "parse_case",
            ErrorKind::ParseText => "parse_text",
            ErrorKind::MissingField => "missing_field",
            ErrorKind::InvalidField => "invalid_field",
            ErrorKind::DuplicateId => "duplicate_id",
            ErrorKind::StageNotHeld => "stage_not_held",
        }
    }
}

/// Where in the input a problem sits. Lines and columns count from 1.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct Location {
    /// A file name, or a description such as `"argument --grade"`.
    pub source: Option<String>,
    pub line: Option<usize>,
    pub column: Option<usize>,
    /// The field or column name, e.g. `"text"`.
    pub field: Option<String>,
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut parts = Vec::new();
        if let Some(s) = &self.source {
            parts.push(s.clone());
        }
        if let Some(l) = self.line {
            parts.push(format!("line {l}"));
        }
        if let Some(c) = self.column {
            parts.push(format!("column {c}"));
        }
        if let Some(field) = &self.field {
            parts.push(format!("field {field}"));
        }
        f.write_str(&parts.join(", "))
    }
}

/// The core's error: a kind, an English and a Thai message, and where.
///
/// Boxed so that `Result<T, Error>` stays one pointer wide on the happy path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error(Box<Inner>);

#[derive(Debug, Clone, PartialEq, Eq)]
struct Inner {
    kind: ErrorKind,
    message_en: String,
    message_th: String,
    location: Option<Location>,
}

impl Error {
    /// A new error. Both messages should say what is wrong and what was expected.
    pub fn new(
        kind: ErrorKind,
        message_en: impl Into<String>,
        message_th: impl Into<String>,
    ) -> Self {
        Error(Box::new(Inner {
            kind,
            message_en: message_en.into(),
            message_th: message_th.into(),
            location: None,
        }))
    }

    /// The same error, placed at `location`.
    pub fn at(mut self, location: Location) -> Self {
        self.0.location = Some(location);
        self
    }

    pub fn kind(&self) -> ErrorKind {
        self.0.kind
    }

    /// The stable code of the kind, e.g. `"invalid_code"`.
    pub fn code(&self) -> &'static str {
        self.0.kind.as_str()
    }

    pub fn message_en(&self) -> &str {
        &self.0.message_en
    }

    pub fn message_th(&self) -> &str {
        &self.0.message_th
    }

    pub fn location(&self) -> Option<&Location> {
        self.0.location.as_ref()
    }
}

/// Thai first (the reader is most often a Thai teacher), then English, then where.
impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} / {}", self.0.message_th, self.0.message_en)?;
        if let Some(loc) = &self.0.location {
            let loc = loc.to_string();
            if !loc.is_empty() {
                write!(f, " ({loc})")?;
            }
        }
        Ok(())
    }
}

impl std::error::Error for Error {}

/// Errors travel in reports (a reader's problems, the JSON output, the WASM
/// boundary) as plain objects: `{code, messageEn, messageTh, location}`.
impl serde::Serialize for Error {
    fn serialize<S: serde::Serializer>(
        &self,
        serializer: S,
    ) -> std::result::Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut s = serializer.serialize_struct("Error", 4)?;
        s.serialize_field("code", self.code())?;
        s.serialize_field("messageEn", self.message_en())?;
        s.serialize_field("messageTh", self.message_th())?;
        s.serialize_field("location", &self.0.location)?;
        s.end()
    }
}

/// Shorthand used throughout the core.
pub type Result<T> = std::result::Result<T, Error>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_gives_thai_then_english_then_location() {
        let e = Error::new(ErrorKind::InvalidCode, "bad code", "รหัสไม่ถูกต้อง").at(Location {
            source: Some("outcomes.csv".into()),
            line: Some(3),
            column: None,
            field: Some("code".into()),
        });
        assert_eq!(
            e.to_string(),
            "รหัสไม่ถูกต้อง / bad code (outcomes.csv, line 3, field code)"
        );
        assert_eq!(e.code(), "invalid_code");
    }

    #[test]
    fn codes_are_stable_snake_case() {
        for kind in [
            ErrorKind::InvalidCode,
            ErrorKind::UnknownCode,
            ErrorKind::InvalidArgument,
            ErrorKind::InvalidEncoding,
            ErrorKind::BinaryInput,
            ErrorKind::Data,
            ErrorKind::ParseCsv,
            ErrorKind::ParseJson,
            ErrorKind::ParseCase,
            ErrorKind::ParseText,
            ErrorKind::MissingField,
            ErrorKind::InvalidField,
            ErrorKind::DuplicateId,
            ErrorKind::StageNotHeld,
        ] {
            let code = kind.as_str();
            assert!(
                code.chars().all(|c| c.is_ascii_lowercase() || c == '_'),
                "{code}"
            );
        }
    }
}
