//! JSON read with positions a person can find: the line and character column of a syntax
//! error, and the line each array element starts on. The outcome readers (JSON and CASE) and
//! `sapan rank`'s lines use it, so an error in Thai text points at the same place everywhere.

use serde_json::Value;

use crate::error::ErrorKind;

use super::Collector;

/// A JSON syntax error, located where a person would point: the line, and the column in
/// characters from 1.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JsonSyntaxError {
    pub line: usize,
    pub column: usize,
    /// serde_json's message without its own position (which counts bytes).
    pub message: String,
}

/// Parses `content` as one JSON value, or says where its syntax breaks.
pub fn parse_located(content: &str) -> Result<Value, JsonSyntaxError> {
    serde_json::from_str(content).map_err(|e| {
        let line = e.line();
        let said = e.to_string();
        let message = said
            .strip_suffix(&format!(" at line {line} column {}", e.column()))
            .unwrap_or(&said)
            .to_string();
        JsonSyntaxError {
            line,
            column: char_column(content, line, e.column()),
            message,
        }
    })
}

/// Parses `content`, or records a `parse_json` problem at its line and column.
pub(crate) fn parse_collecting(content: &str, out: &mut Collector) -> Option<Value> {
    match parse_located(content) {
        Ok(v) => Some(v),
        Err(JsonSyntaxError {
            line,
            column,
            message: e,
        }) => {
            out.problem(
                ErrorKind::ParseJson,
                format!("line {line}, column {column}: not valid JSON: {e}"),
                format!("บรรทัด {line} คอลัมน์ {column}: ไม่ใช่ JSON ที่ถูกต้อง ({e})"),
                Some(line),
                Some(column),
                None,
            );
            None
        }
    }
}

/// serde_json counts a column in bytes, and 0 at the start of a line (an input that ends
/// there); people and editors count characters from 1. Thai takes three bytes a letter, so
/// the byte count would point far past the place: convert it.
fn char_column(content: &str, line: usize, byte_column: usize) -> usize {
    let text = content
        .split('\n')
        .nth(line.saturating_sub(1))
        .unwrap_or("");
    let mut end = byte_column.saturating_sub(1).min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    text[..end].chars().count() + 1
}

/// The line each element of an array starts on: the root array (`key` `None`), or the array
/// under `key` in the root object. serde_json's values carry no positions, so this walks the
/// (already validated) text once. Returns what it found if the text is not as expected.
pub(crate) fn element_lines(content: &str, key: Option<&str>) -> Vec<usize> {
    let mut s = Scanner {
        bytes: content.as_bytes(),
        pos: 0,
        line: 1,
    };
    s.skip_ws();
    match (s.peek(), key) {
        (Some(b'['), None) => s.array_lines(),
        (Some(b'{'), Some(key)) => {
            s.pos += 1;
            loop {
                s.skip_ws();
                if s.peek() != Some(b'"') {
                    return Vec::new();
                }
                let start = s.pos + 1;
                s.skip_value();
                let name = content
                    .get(start..s.pos.saturating_sub(1).max(start))
                    .unwrap_or("");
                s.skip_ws();
                if s.peek() != Some(b':') {
                    return Vec::new();
                }
                s.pos += 1;
                s.skip_ws();
                if name == key && s.peek() == Some(b'[') {
                    return s.array_lines();
                }
                s.skip_value();
                s.skip_ws();
                if s.peek() != Some(b',') {
                    return Vec::new();
                }
                s.pos += 1;
            }
        }
        _ => Vec::new(),
    }
}

struct Scanner<'a> {
    bytes: &'a [u8],
    pos: usize,
    line: usize,
}

impl Scanner<'_> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    fn bump(&mut self) -> Option<u8> {
        let b = self.peek()?;
        self.pos += 1;
        if b == b'\n' {
            self.line += 1;
        }
        Some(b)
    }

    fn skip_ws(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.bump();
        }
    }

    /// At `[`: the line of each element, leaving the scanner after the `]`.
    fn array_lines(&mut self) -> Vec<usize> {
        let mut lines = Vec::new();
        self.bump();
        loop {
            self.skip_ws();
            match self.peek() {
                None | Some(b']') => {
                    self.bump();
                    return lines;
                }
                Some(b',') => {
                    self.bump();
                }
                Some(_) => {
                    lines.push(self.line);
                    let before = self.pos;
                    self.skip_value();
                    if self.pos == before {
                        return lines;
                    }
                }
            }
        }
    }

    /// Skips one value: a string, a container (counting brackets outside strings) or a scalar.
    fn skip_value(&mut self) {
        match self.peek() {
            Some(b'"') => {
                self.bump();
                while let Some(b) = self.bump() {
                    match b {
                        b'\\' => {
                            self.bump();
                        }
                        b'"' => return,
                        _ => {}
                    }
                }
            }
            Some(b'{' | b'[') => {
                let mut depth = 0usize;
                while let Some(b) = self.peek() {
                    match b {
                        b'"' => {
                            self.skip_value();
                            continue;
                        }
                        b'{' | b'[' => depth += 1,
                        b'}' | b']' => {
                            depth -= 1;
                            if depth == 0 {
                                self.bump();
                                return;
                            }
                        }
                        _ => {}
                    }
                    self.bump();
                }
            }
            _ => {
                while let Some(b) = self.peek() {
                    if matches!(b, b',' | b']' | b'}' | b' ' | b'\t' | b'\n' | b'\r') {
                        return;
                    }
                    self.bump();
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_syntax_error_column_counts_characters_from_one() {
        let line = "  {\"text\": \"ตัวอย่าง\",}";
        let mut out = Collector::new(None);
        assert!(parse_collecting(&format!("[\n{line}\n]"), &mut out).is_none());
        let location = out.finish().problems[0].location().cloned().unwrap();
        let brace = line.chars().position(|c| c == '}').unwrap() + 1;
        assert_eq!((location.line, location.column), (Some(2), Some(brace)));

        let mut out = Collector::new(None);
        assert!(parse_collecting("", &mut out).is_none());
        let problem = &out.finish().problems[0];
        assert_eq!(problem.location().unwrap().column, Some(1));
        assert!(problem.message_en().starts_with("line 1, column 1: "));
        assert!(!problem.message_en().contains("column 0"));
    }

    #[test]
    fn element_lines_finds_where_each_element_starts() {
        let text = "[\n  {\"text\": \"a [ } \\\" b\"},\n  \"c\",\n\n  [1, 2]\n]";
        assert_eq!(element_lines(text, None), vec![2, 3, 5]);
        let text = "{\"x\": {\"outcomes\": 1},\n \"outcomes\": [\n 1,\n 2]}";
        assert_eq!(element_lines(text, Some("outcomes")), vec![3, 4]);
        assert_eq!(element_lines("{}", Some("outcomes")), Vec::<usize>::new());
    }

    #[test]
    fn a_syntax_error_in_thai_text_is_located_by_characters_not_bytes() {
        let e = parse_located("{\"id\":1,\"text\":\"อ่านออกเสียง\" x}").unwrap_err();
        assert_eq!((e.line, e.column), (1, 31));
        assert!(!e.message.contains("column"), "{}", e.message);
    }
}
