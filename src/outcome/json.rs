//! JSON: outcomes from another program or a script.
//!
//! Accepted shapes: an array of objects (`[{"id": "LO1", "text": "…", "grade": 4}]`) whose keys
//! are the column names of the CSV reader (`id`, `text`, `grade`, `area` and their Thai
//! aliases); an array of strings (each a text, its id its position); a mix of the two;
//! `{"outcomes": [...]}`; a single outcome object. A CASE package given here is read as CASE.

use serde_json::{Map, Value};

use crate::error::ErrorKind;

use super::{case, strip_bom, Collector, Field, Outcomes, Place};

/// Reads a JSON document of outcomes (see the module documentation for the shapes).
///
/// Problems: `parse_json` for a syntax error (with its line and column), for a document of
/// another shape, and for an element that is neither an object nor a string (field `[3]`;
/// the element is skipped, the others are read); `missing_field` for an object without a
/// text string; `invalid_field` for a grade or area that cannot be read; `duplicate_id`.
/// Each outcome's `line` is the line its element starts on.
pub fn read_json(content: &str, source: Option<&str>) -> Outcomes {
    let content = strip_bom(content);
    let mut out = Collector::new(source);
    let value = match parse(content, &mut out) {
        Some(v) => v,
        None => return out.finish(),
    };
    match value {
        Value::Array(items) => {
            let lines: Vec<_> = element_lines(content, None).into_iter().map(Some).collect();
            read_elements(&items, &lines, "", &mut out);
        }
        Value::Object(map) if case::is_case_package(&map) => {
            return case::read_package(content, &map, source)
        }
        Value::Object(map) => match map.get("outcomes") {
            Some(Value::Array(items)) => {
                let lines: Vec<_> = element_lines(content, Some("outcomes"))
                    .into_iter()
                    .map(Some)
                    .collect();
                read_elements(items, &lines, "outcomes", &mut out);
            }
            _ if map.keys().any(|k| Field::from_name(k) == Some(Field::Text)) => {
                let place = Place::line(first_line(content));
                read_object(&map, &place, &mut out);
            }
            _ => shape_problem(&mut out, Some(1)),
        },
        _ => shape_problem(&mut out, Some(1)),
    }
    out.finish()
}

/// Reads outcomes handed over as a value rather than as text (a program's
/// array of objects or strings, `{"outcomes": [...]}`, or one object), with
/// the same fields and checks as [`read_json`]. A value has no lines, so
/// problems name the element instead (`[3].grade`).
pub fn read_json_value(value: &Value, source: Option<&str>) -> Outcomes {
    let mut out = Collector::new(source);
    match value {
        Value::Array(items) => read_elements(items, &given_lines(items), "", &mut out),
        Value::Object(map) => match map.get("outcomes") {
            Some(Value::Array(items)) => {
                read_elements(items, &given_lines(items), "outcomes", &mut out)
            }
            _ if map.keys().any(|k| Field::from_name(k) == Some(Field::Text)) => {
                read_object(map, &Place::default(), &mut out);
            }
            _ => shape_problem(&mut out, None),
        },
        _ => shape_problem(&mut out, None),
    }
    out.finish()
}

/// The `line` each element says it came from (an outcome that
/// `parseOutcomes` read from a file and a program hands back keeps its line),
/// or none. `lines[i]` is read only when present, so one list fits all.
fn given_lines(items: &[Value]) -> Vec<Option<usize>> {
    items
        .iter()
        .map(|item| {
            item.get("line")
                .and_then(Value::as_u64)
                .filter(|&l| l > 0)
                .and_then(|l| usize::try_from(l).ok())
        })
        .collect()
}

/// Parses `content`, or records a `parse_json` problem with serde_json's line and column.
pub(crate) fn parse(content: &str, out: &mut Collector) -> Option<Value> {
    match serde_json::from_str(content) {
        Ok(v) => Some(v),
        Err(e) => {
            let line = e.line();
            let column = char_column(content, line, e.column());
            // The message without serde_json's own position, which counts bytes.
            let said = e.to_string();
            let e = said
                .strip_suffix(&format!(" at line {line} column {}", e.column()))
                .unwrap_or(&said);
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

fn shape_problem(out: &mut Collector, line: Option<usize>) {
    out.problem(
        ErrorKind::ParseJson,
        "expected a JSON array of outcomes (objects with \"text\", or strings) or an object {\"outcomes\": [...]}".into(),
        "ต้องเป็นอาร์เรย์ JSON ของผลลัพธ์การเรียนรู้ (ออบเจกต์ที่มี \"text\" หรือข้อความ) หรือออบเจกต์ {\"outcomes\": [...]}".into(),
        line,
        None,
        None,
    );
}

fn read_elements(items: &[Value], lines: &[Option<usize>], path: &str, out: &mut Collector) {
    for (i, item) in items.iter().enumerate() {
        let place = Place {
            line: lines.get(i).copied().flatten(),
            prefix: format!("{path}[{i}]."),
        };
        match item {
            Value::Object(map) => read_object(map, &place, out),
            Value::String(text) => out.push(None, text, None, None, &place, "text"),
            other => {
                let field = format!("{path}[{i}]");
                let (at_en, at_th) = place.said();
                out.problem(
                    ErrorKind::ParseJson,
                    format!("{at_en}element {field} is {}, not an outcome object or text; it is skipped", kind_of(other)),
                    format!("{at_th}รายการ {field} เป็น {} ไม่ใช่ออบเจกต์หรือข้อความผลลัพธ์การเรียนรู้ จึงข้ามรายการนี้", kind_of(other)),
                    place.line,
                    None,
                    Some(field),
                );
            }
        }
    }
}

fn read_object(map: &Map<String, Value>, place: &Place, out: &mut Collector) {
    let mut fields: [Option<(&str, &Value)>; 4] = [None; 4];
    for (key, value) in map {
        if let Some(f) = Field::from_name(key) {
            fields[f as usize].get_or_insert((key, value));
        }
    }
    let [id, text, grade, area] = fields;
    let grade = grade.and_then(|(k, v)| scalar(v).and_then(|g| out.grade(&g, place, k)));
    let area = area.and_then(|(k, v)| scalar(v).and_then(|a| out.area(&a, place, k)));
    let id = id.and_then(|(_, v)| scalar(v));
    let (text_key, text) = match text {
        Some((k, Value::String(s))) => (k, s.as_str()),
        Some((k, _)) => (k, ""),
        None => ("text", ""),
    };
    out.push(id, text, grade, area, place, text_key);
}

/// A value as text: strings as they are, numbers as written (`4`); `null` is no value. Other
/// values are shown as JSON so that the grade or area check reports them.
fn scalar(value: &Value) -> Option<String> {
    match value {
        Value::Null => None,
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        other => Some(other.to_string()),
    }
}

fn kind_of(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

fn first_line(content: &str) -> usize {
    let skipped = content.len() - content.trim_start().len();
    1 + content[..skipped].matches('\n').count()
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
        assert!(parse(&format!("[\n{line}\n]"), &mut out).is_none());
        let location = out.finish().problems[0].location().cloned().unwrap();
        let brace = line.chars().position(|c| c == '}').unwrap() + 1;
        assert_eq!((location.line, location.column), (Some(2), Some(brace)));

        let mut out = Collector::new(None);
        assert!(parse("", &mut out).is_none());
        let problem = &out.finish().problems[0];
        assert_eq!(problem.location().unwrap().column, Some(1));
        assert!(problem.message_en().starts_with("line 1, column 1: "));
        assert!(!problem.message_en().contains("column 0"));
    }

    #[test]
    fn a_lone_carriage_return_in_a_text_joins_its_lines() {
        let found = read_json("[\"ตัวอย่าง ก\\rตัวอย่าง ข\", \"x\\r\\ny\"]", None);
        let texts: Vec<&str> = found.outcomes.iter().map(|o| o.text.as_str()).collect();
        assert_eq!(texts, ["ตัวอย่าง กตัวอย่าง ข", "x y"]);
    }

    #[test]
    fn element_lines_finds_where_each_element_starts() {
        let text = "[\n  {\"text\": \"a [ } \\\" b\"},\n  \"c\",\n\n  [1, 2]\n]";
        assert_eq!(element_lines(text, None), vec![2, 3, 5]);
        let text = "{\"x\": {\"outcomes\": 1},\n \"outcomes\": [\n 1,\n 2]}";
        assert_eq!(element_lines(text, Some("outcomes")), vec![3, 4]);
        assert_eq!(element_lines("{}", Some("outcomes")), Vec::<usize>::new());
    }
}
