//! 1EdTech CASE 1.1 (Competencies and Academic Standards Exchange): the package format in
//! which frameworks of standards and outcomes are published and exchanged.
//!
//! A package is a JSON object `{CFDocument, CFItems: [...], CFAssociations: [...]}`. Each
//! CFItem becomes an outcome:
//!
//! - **id**: `humanCodingScheme` (the code people read, e.g. `LO 4.1`), else `identifier`
//!   (a UUID), else the item's position;
//! - **text**: `fullStatement`;
//! - **grade**: `educationLevel`, an array of strings (`"04"`, `"4"`, `"ป.4"`). One grade, or
//!   several that all name the same one, gives the grade; several different grades (an item
//!   for ป.4–6) leave it unset without a problem, since that is a span, not an error;
//! - **stage**: a level of `educationLevel` that names a key stage of the draft framework
//!   (`"ช่วงชั้นที่ 2"`, `"Key stage 2"`); the draft publishes its outcomes per stage;
//! - **area**: the item's `subject`, else its `CFItemType` when that names an area (some
//!   frameworks use the type for the subject), else the CFDocument's `subject`. A draft
//!   area's name (`เทคโนโลยีดิจิทัล`) gives the outcome's draft area.
//!
//! Items that are the parent of another item in an `isChildOf` association are groupings
//! (a strand, a grade level) and are not read as outcomes: aligning "Strand 1: Reading" with
//! indicators would only add noise to a report.

use std::collections::HashSet;

use serde_json::{Map, Value};

use crate::error::ErrorKind;
use crate::framework::{read_either_area, read_stage, AreaReading};

use super::located_json::{element_lines, parse_collecting as parse};
use super::{read_grade, strip_bom, Collector, GradeReading, Labels, Outcomes, Place};

/// Reads a CASE 1.1 package.
///
/// Problems: `parse_json` for a syntax error; `parse_case` when the document is not a CASE
/// package (no `CFItems` array) and for a CFItem that is not an object (field `CFItems[3]`;
/// the others are read); `missing_field` for an item without `fullStatement`;
/// `invalid_field` for an unreadable grade or subject; `duplicate_id`.
pub fn read_case(content: &str, source: Option<&str>) -> Outcomes {
    let content = strip_bom(content);
    let mut out = Collector::new(source);
    match parse(content, &mut out) {
        None => out.finish(),
        Some(Value::Object(map)) if is_case_package(&map) => read_package(content, &map, source),
        Some(_) => {
            not_case(
                &mut out,
                "the document is not an object with CFDocument and CFItems",
                "เอกสารไม่ใช่ออบเจกต์ที่มี CFDocument และ CFItems",
            );
            out.finish()
        }
    }
}

/// True for an object that says it is a CASE package.
pub(crate) fn is_case_package(map: &Map<String, Value>) -> bool {
    map.contains_key("CFItems") || map.contains_key("CFDocument")
}

fn not_case(out: &mut Collector, en: &str, th: &str) {
    out.problem(
        ErrorKind::ParseCase,
        format!("not a CASE 1.1 package: {en}"),
        format!("ไม่ใช่แพ็กเกจ CASE 1.1: {th}"),
        None,
        None,
        None,
    );
}

/// Reads a parsed package; `content` is its text, for the items' lines.
pub(crate) fn read_package(
    content: &str,
    map: &Map<String, Value>,
    source: Option<&str>,
) -> Outcomes {
    let mut out = Collector::new(source);
    let items = match map.get("CFItems") {
        Some(Value::Array(items)) => items,
        Some(_) => {
            not_case(&mut out, "CFItems is not an array", "CFItems ไม่ใช่อาร์เรย์");
            return out.finish();
        }
        None => {
            not_case(&mut out, "there is no CFItems array", "ไม่มีอาร์เรย์ CFItems");
            return out.finish();
        }
    };
    let lines = element_lines(content, Some("CFItems"));
    let document_area = document_area(map, &mut out);
    let parents = parents(map);
    for (i, item) in items.iter().enumerate() {
        let place = Place {
            line: lines.get(i).copied(),
            prefix: format!("CFItems[{i}]."),
        };
        let Value::Object(item) = item else {
            let (at_en, at_th) = place.said();
            out.problem(
                ErrorKind::ParseCase,
                format!("{at_en}CFItems[{i}] is not a CFItem object; it is skipped"),
                format!("{at_th}CFItems[{i}] ไม่ใช่ออบเจกต์ CFItem จึงข้ามรายการนี้"),
                place.line,
                None,
                Some(format!("CFItems[{i}]")),
            );
            continue;
        };
        let identifier = string(item.get("identifier"));
        if identifier
            .as_ref()
            .is_some_and(|id| parents.contains(id.as_str()))
        {
            continue;
        }
        let id = string(item.get("humanCodingScheme")).or(identifier);
        let levels = strings(item.get("educationLevel"));
        // A level that names a stage is the stage; the others are grades.
        let (stages, grades): (Vec<String>, Vec<String>) = levels
            .into_iter()
            .partition(|l| read_stage(l, false).is_some());
        let grade = grade(&grades, &place, &mut out);
        let stage = stages
            .first()
            .and_then(|s| out.stage(s, &place, "educationLevel"));
        let areas = match strings(item.get("subject")).first() {
            Some(subject) => out.area(subject, &place, "subject"),
            None => None,
        }
        .or_else(|| string(item.get("CFItemType")).and_then(|t| read_either_area(&t)))
        .or(document_area);
        let labels = Labels::read(grade, stage, areas, None);
        let text = string(item.get("fullStatement")).unwrap_or_default();
        out.push(id, &text, labels, &place, "fullStatement");
    }
    out.finish()
}

/// The area the CFDocument's `subject` names, reported when it names none.
fn document_area(map: &Map<String, Value>, out: &mut Collector) -> Option<AreaReading> {
    let subjects = strings(map.get("CFDocument").and_then(|d| d.get("subject")));
    if subjects.is_empty() {
        return None;
    }
    if let Some(area) = subjects.iter().find_map(|s| read_either_area(s)) {
        return Some(area);
    }
    let place = Place {
        line: None,
        prefix: "CFDocument.".into(),
    };
    out.area(&subjects.join(", "), &place, "subject")
}

/// Identifiers of the items other items are children of (`isChildOf` destinations).
fn parents(map: &Map<String, Value>) -> HashSet<String> {
    let Some(Value::Array(associations)) = map.get("CFAssociations") else {
        return HashSet::new();
    };
    associations
        .iter()
        .filter(|a| string(a.get("associationType")).as_deref() == Some("isChildOf"))
        .filter_map(|a| string(a.get("destinationNodeURI")?.get("identifier")))
        .collect()
}

/// The grade the grade levels of `educationLevel` give (see the module documentation).
fn grade(levels: &[String], place: &Place, out: &mut Collector) -> Option<u8> {
    match levels {
        [] => None,
        [one] => out.grade(one, place, "educationLevel"),
        several => {
            let grades: HashSet<_> = several.iter().map(|l| read_grade(l, true)).collect();
            match grades.into_iter().collect::<Vec<_>>().as_slice() {
                [GradeReading::InRange(g)] => Some(*g),
                _ => None,
            }
        }
    }
}

/// A non-empty string value (numbers as written, since some packages write levels as numbers).
fn string(value: Option<&Value>) -> Option<String> {
    match value? {
        Value::String(s) if !s.trim().is_empty() => Some(s.trim().to_string()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// A string, or the strings of an array (CASE makes `subject` and `educationLevel` arrays).
fn strings(value: Option<&Value>) -> Vec<String> {
    match value {
        Some(Value::Array(values)) => values.iter().filter_map(|v| string(Some(v))).collect(),
        other => string(other).into_iter().collect(),
    }
}
