//! JSON: outcomes from another program or a script.
//!
//! Accepted shapes: an array of objects (`[{"id": "LO1", "text": "…", "grade": 4}]`) whose keys
//! are the column names of the CSV reader (`id`, `text`, `grade`, `area` and their Thai
//! aliases); an array of strings (each a text, its id its position); a mix of the two;
//! `{"outcomes": [...]}`; a single outcome object. A CASE package given here is read as CASE.

use serde_json::{Map, Value};

use crate::error::ErrorKind;

use super::located_json::{element_lines, parse_collecting};
use super::{case, strip_bom, Collector, Field, Labels, Outcomes, Place};

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
    let value = match parse_collecting(content, &mut out) {
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
            Value::String(text) => out.push(None, text, Labels::default(), &place, "text"),
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
    let mut fields: [Option<(&str, &Value)>; 6] = [None; 6];
    for (key, value) in map {
        if let Some(f) = Field::from_name(key) {
            fields[f as usize].get_or_insert((key, value));
        }
    }
    let [id, text, grade, area, stage, framework_area] = fields;
    let grade = grade.and_then(|(k, v)| scalar(v).and_then(|g| out.grade(&g, place, k)));
    let areas = area.and_then(|(k, v)| scalar(v).and_then(|a| out.area(&a, place, k)));
    let stage = stage.and_then(|(k, v)| scalar(v).and_then(|s| out.stage(&s, place, k)));
    let framework_area =
        framework_area.and_then(|(k, v)| scalar(v).and_then(|a| out.framework_area(&a, place, k)));
    let labels = Labels::read(grade, stage, areas, framework_area);
    let id = id.and_then(|(_, v)| scalar(v));
    let (text_key, text) = match text {
        Some((k, Value::String(s))) => (k, s.as_str()),
        Some((k, _)) => (k, ""),
        None => ("text", ""),
    };
    out.push(id, text, labels, place, text_key);
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_lone_carriage_return_in_a_text_joins_its_lines() {
        let found = read_json("[\"ตัวอย่าง ก\\rตัวอย่าง ข\", \"x\\r\\ny\"]", None);
        let texts: Vec<&str> = found.outcomes.iter().map(|o| o.text.as_str()).collect();
        assert_eq!(texts, ["ตัวอย่าง กตัวอย่าง ข", "x y"]);
    }
}
