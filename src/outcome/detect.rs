//! Which format a file of outcomes is in, from its name and its first characters.

use super::{case, csv, strip_bom, OutcomeFormat};

/// Guesses the format of `content`, from the file name's extension when it has a known one
/// (`.csv`, `.tsv`/`.tab`, `.json`, `.txt`/`.md`), otherwise from the content itself:
///
/// - text starting with `{` or `[` (then a JSON value) is JSON, and a JSON object with
///   `CFItems` or `CFDocument` is CASE (also under a `.json` name);
/// - a first line that splits on tabs into cells naming known columns, or tabs on every
///   non-blank line (a spreadsheet range), is TSV;
/// - a first line that splits on commas into cells naming known columns is CSV;
/// - anything else is plain text. Headerless comma-separated lines are read as text on
///   purpose: Thai outcome texts often contain commas, and splitting them would be worse
///   than a line per outcome.
pub fn detect(name: Option<&str>, content: &str) -> OutcomeFormat {
    let content = strip_bom(content);
    let ext = name
        .and_then(|n| n.rsplit_once('.'))
        .map(|(_, e)| e.to_ascii_lowercase());
    match ext.as_deref() {
        Some("csv") => return OutcomeFormat::Csv,
        Some("tsv" | "tab") => return OutcomeFormat::Tsv,
        Some("json") => {
            return if looks_like_case(content) {
                OutcomeFormat::Case
            } else {
                OutcomeFormat::Json
            }
        }
        Some("txt" | "text" | "md") => return OutcomeFormat::Text,
        _ => {}
    }
    let trimmed = content.trim_start();
    let mut chars = trimmed.chars();
    let first = chars.next();
    let second = chars.find(|c| !c.is_whitespace());
    let json_start = match (first, second) {
        (Some('{'), _) => true,
        // `[ป.4]` or `[1]` opening a pasted list is text; `[` then a JSON value is JSON.
        (Some('['), Some(c)) => {
            matches!(c, '{' | '[' | '"' | ']' | '-' | 't' | 'f' | 'n')
                || (c.is_ascii_digit() && looks_like_json(trimmed))
        }
        _ => false,
    };
    if json_start {
        return if looks_like_case(content) {
            OutcomeFormat::Case
        } else {
            OutcomeFormat::Json
        };
    }
    let first_line = content.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
    if first_line.contains('\t') {
        let header = csv::Columns::from_header(&split_simple(first_line, '\t'));
        let all_tabbed = content
            .lines()
            .filter(|l| !l.trim().is_empty())
            .all(|l| l.contains('\t'));
        if header.is_some() || all_tabbed {
            return OutcomeFormat::Tsv;
        }
    }
    if first_line.contains(',')
        && csv::Columns::from_header(&split_simple(first_line, ',')).is_some()
    {
        return OutcomeFormat::Csv;
    }
    OutcomeFormat::Text
}

/// Cells of one line split on `delimiter`, with surrounding quotes dropped: enough to look
/// at a header, which never needs the full CSV rules.
fn split_simple(line: &str, delimiter: char) -> Vec<String> {
    line.split(delimiter)
        .map(|c| c.trim().trim_matches('"').to_string())
        .collect()
}

fn looks_like_json(content: &str) -> bool {
    serde_json::from_str::<serde::de::IgnoredAny>(content).is_ok()
}

fn looks_like_case(content: &str) -> bool {
    match serde_json::from_str::<serde_json::Value>(content) {
        Ok(serde_json::Value::Object(map)) => case::is_case_package(&map),
        _ => false,
    }
}
