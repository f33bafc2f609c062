//! Options as a program hands them over: the npm package's `{ grade: 4,
//! area: "ค", topK: 5 }`, read from a JSON value.
//!
//! The checks live here, in the core, rather than at the WebAssembly boundary,
//! so that they are tested natively and every caller gets the same located,
//! bilingual errors: a misspelt key (`topk`) is an error that names it, not an
//! option silently ignored.
//!
//! It is also the one place a grade, an area or a stage *value* is read for every
//! front end: [`read_grade_value`], [`read_area_value`] (2551 areas),
//! [`read_either_area_value`] (2551 or draft areas) and [`read_stage_value`]
//! serve these options, the CLI's `--grade`/`--area`/`--stage` flags and the
//! fields of a `sapan rank` line alike.

use serde_json::{Map, Value};

use crate::area::{read_area, read_grade, GradeReading, LearningArea};
use crate::curriculum::IndicatorFilter;
use crate::engine::{RankOptions, Scope};
use crate::error::{Error, ErrorKind, Location, Result};
use crate::framework::{
    held_stage, read_either_area, read_stage, span, stage_has_grade, AreaReading,
};
use crate::outcome::OutcomeFormat;
use crate::report::CaseOptions;
use crate::text::encoding::Encoding;

/// Rank and align options: `grade`, `area` (a 2551 area, or a draft area's
/// name, which sets the draft area), `stage` (the draft's key stage: only 2,
/// ป.4–6, is held; it narrows nothing), `gradeScope`, `areaScope` (`"filter"`
/// or `"prior"`), `topK` (0 = all), `minScore` (0–1), `evidence`. `null` (or a
/// missing object) means the defaults.
pub fn rank_options(value: &Value) -> Result<RankOptions> {
    const KEYS: &[&str] = &[
        "grade",
        "area",
        "stage",
        "gradeScope",
        "areaScope",
        "topK",
        "minScore",
        "evidence",
    ];
    let mut opts = RankOptions::default();
    let Some(map) = object(value, KEYS)? else {
        return Ok(opts);
    };
    opts.grade = graded_in_stage(map)?;
    let areas = either_area(map)?.unwrap_or_default();
    opts.area = areas.area;
    opts.framework_area = areas.framework_area;
    if let Some(v) = present(map, "gradeScope") {
        opts.grade_scope = scope(v, "gradeScope")?;
    }
    if let Some(v) = present(map, "areaScope") {
        opts.area_scope = scope(v, "areaScope")?;
    }
    if let Some(v) = present(map, "topK") {
        opts.top_k = match v.as_f64() {
            Some(k) if k >= 0.0 && k.fract() == 0.0 && k <= u32::MAX as f64 => k as usize,
            _ => {
                return Err(invalid(
                    "topK",
                    format!("topK must be a whole number, 0 or more (0 = every match), not {v}"),
                    format!("topK ต้องเป็นจำนวนเต็มตั้งแต่ 0 ขึ้นไป (0 = ทุกรายการที่พบ) ไม่ใช่ {v}"),
                ))
            }
        };
    }
    if let Some(v) = present(map, "minScore") {
        opts.min_score = match v.as_f64() {
            Some(s) if (0.0..=1.0).contains(&s) => s as f32,
            _ => {
                return Err(invalid(
                    "minScore",
                    format!("minScore must be a number from 0 to 1, not {v}"),
                    format!("minScore ต้องเป็นตัวเลขตั้งแต่ 0 ถึง 1 ไม่ใช่ {v}"),
                ))
            }
        };
    }
    if let Some(v) = present(map, "evidence") {
        opts.evidence = v.as_bool().ok_or_else(|| {
            invalid(
                "evidence",
                format!("evidence must be true or false, not {v}"),
                format!("evidence ต้องเป็น true หรือ false ไม่ใช่ {v}"),
            )
        })?;
    }
    Ok(opts)
}

/// Which indicators to list: `grade`, `area` and `stage`, each optional.
pub fn indicator_filter(value: &Value) -> Result<IndicatorFilter> {
    let Some(map) = object(value, &["grade", "area", "stage"])? else {
        return Ok(IndicatorFilter::default());
    };
    Ok(IndicatorFilter {
        grade: graded_in_stage(map)?,
        area: area(map)?,
    })
}

/// What a CASE package says about itself: `title`, `creator`, `dateTime`
/// (RFC 3339, checked); missing ones keep [`CaseOptions::default`]'s.
pub fn case_options(value: &Value) -> Result<CaseOptions> {
    let mut opts = CaseOptions::default();
    let Some(map) = object(value, &["title", "creator", "dateTime"])? else {
        return Ok(opts);
    };
    for (key, slot) in [
        ("title", &mut opts.title),
        ("creator", &mut opts.creator),
        ("dateTime", &mut opts.date_time),
    ] {
        if let Some(v) = present(map, key) {
            *slot = v.as_str().map(str::to_string).ok_or_else(|| {
                invalid(
                    key,
                    format!("{key} must be text, not {v}"),
                    format!("{key} ต้องเป็นข้อความ ไม่ใช่ {v}"),
                )
            })?;
        }
    }
    opts.check().map_err(|e| e.at(place("dateTime")))?;
    Ok(opts)
}

/// Options for reading outcomes from text: the `format` (`"auto"` or left
/// out: detect), and the file's `name`, which helps detection and is put into
/// every problem.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ParseOptions {
    pub format: Option<OutcomeFormat>,
    pub name: Option<String>,
    /// For bytes: the encoding to read them in (`None`, or `"auto"`: detect).
    pub encoding: Option<Encoding>,
}

/// Reads `{ format, name }` (see [`ParseOptions`]).
pub fn parse_options(value: &Value) -> Result<ParseOptions> {
    let mut opts = ParseOptions::default();
    let Some(map) = object(value, &["format", "name", "encoding"])? else {
        return Ok(opts);
    };
    opts.encoding = encoding(map)?;
    if let Some(v) = present(map, "format") {
        opts.format = match v.as_str() {
            Some("auto") => None,
            Some(name) => Some(OutcomeFormat::parse(name).map_err(|e| e.at(place("format")))?),
            None => {
                return Err(invalid(
                    "format",
                    format!("format must be \"auto\", \"csv\", \"tsv\", \"json\", \"case\" or \"text\", not {v}"),
                    format!("format ต้องเป็น \"auto\", \"csv\", \"tsv\", \"json\", \"case\" หรือ \"text\" ไม่ใช่ {v}"),
                ))
            }
        };
    }
    opts.name = file_name(map)?;
    Ok(opts)
}

/// Reads `{ name, encoding }`, the options of `decodeBytes`.
pub fn decode_options(value: &Value) -> Result<ParseOptions> {
    let mut opts = ParseOptions::default();
    let Some(map) = object(value, &["name", "encoding"])? else {
        return Ok(opts);
    };
    opts.encoding = encoding(map)?;
    opts.name = file_name(map)?;
    Ok(opts)
}

/// The `name` option: the file name that problems are located in.
fn file_name(map: &Map<String, Value>) -> Result<Option<String>> {
    present(map, "name")
        .map(|v| {
            v.as_str().map(str::to_string).ok_or_else(|| {
                invalid(
                    "name",
                    format!("name must be a file name, not {v}"),
                    format!("name ต้องเป็นชื่อไฟล์ ไม่ใช่ {v}"),
                )
            })
        })
        .transpose()
}

fn encoding(map: &Map<String, Value>) -> Result<Option<Encoding>> {
    match present(map, "encoding") {
        None => Ok(None),
        Some(v) if v.as_str() == Some("auto") => Ok(None),
        Some(v) => match v.as_str() {
            Some(name) => Encoding::parse(name)
                .map(Some)
                .map_err(|e| e.at(place("encoding"))),
            None => Err(invalid(
                "encoding",
                format!("encoding must be \"auto\", \"utf-8\", \"utf-16le\", \"utf-16be\" or \"windows-874\", not {v}"),
                format!("encoding ต้องเป็น \"auto\", \"utf-8\", \"utf-16le\", \"utf-16be\" หรือ \"windows-874\" ไม่ใช่ {v}"),
            )),
        },
    }
}

/// The object's fields, `None` for `null`; an error for anything else, or for
/// a key that is not one of `known`.
fn object<'a>(value: &'a Value, known: &[&str]) -> Result<Option<&'a Map<String, Value>>> {
    let map = match value {
        Value::Null => return Ok(None),
        Value::Object(map) => map,
        other => {
            return Err(Error::new(
                ErrorKind::InvalidArgument,
                format!("options must be an object such as {{ \"grade\": 4 }}, not {other}"),
                format!("ตัวเลือกต้องเป็นออบเจกต์ เช่น {{ \"grade\": 4 }} ไม่ใช่ {other}"),
            )
            .at(Location {
                source: Some("options".into()),
                ..Location::default()
            }))
        }
    };
    if let Some(key) = map.keys().find(|k| !known.contains(&k.as_str())) {
        let list = known.join(", ");
        return Err(invalid(
            key,
            format!("unknown option \"{key}\": expected one of {list}"),
            format!("ไม่รู้จักตัวเลือก \"{key}\": ต้องเป็นหนึ่งใน {list}"),
        ));
    }
    Ok(Some(map))
}

/// The value under `key`, treating `null` as absent (JavaScript's `undefined`
/// arrives as `null`).
fn present<'a>(map: &'a Map<String, Value>, key: &str) -> Option<&'a Value> {
    map.get(key).filter(|v| !v.is_null())
}

/// A grade value as every front end reads it (the npm options, the CLI's `--grade`, a `sapan
/// rank` line): ป.4–6 as 4–6, from a number or from any spelling [`read_grade`] reads (`5`,
/// `ป.5`, `ป.๕`, `ชั้น ป.5`, `Grade 5`); `None` for anything else, which each front end
/// reports in its own words (a flag, an option, a line's field).
pub fn read_grade_value(v: &Value) -> Option<u8> {
    let text = match v {
        Value::Number(n) => n.to_string(),
        Value::String(s) => s.clone(),
        _ => return None,
    };
    match read_grade(&text, true) {
        GradeReading::InRange(g) => Some(g),
        _ => None,
    }
}

/// A learning-area value as every front end reads it: a letter, a name or a short form, also
/// with the words school documents put before it (`กลุ่มสาระการเรียนรู้คณิตศาสตร์`); see
/// [`read_area`].
pub fn read_area_value(v: &Value) -> Option<LearningArea> {
    v.as_str().and_then(read_area)
}

/// A learning-area value of either curriculum: a 2551 area as [`read_area_value`] reads it,
/// or a draft area's name (`วิทยาศาสตร์และระบบธรรมชาติ`, `สาระการเรียนรู้ภาษาไทย`); see
/// [`read_either_area`]. Where a draft area is taken, it is a prior, never a filter.
pub fn read_either_area_value(v: &Value) -> Option<AreaReading> {
    v.as_str().and_then(read_either_area)
}

/// A key-stage value as every front end reads it: `2`, `"2"`, `"๒"`, `"ช่วงชั้นที่ 2"`,
/// `"Key stage 2"`. Any stage number is returned; whether its indicators are held is
/// [`check_stage`]'s question.
pub fn read_stage_value(v: &Value) -> Option<u8> {
    match v {
        Value::Number(n) => n.as_u64().and_then(|n| u8::try_from(n).ok()),
        Value::String(s) => read_stage(s, true),
        _ => None,
    }
}

/// A stage read from `v`, checked: the stage's number when its indicators are held here,
/// else an error at `location`: `stage_not_held` for a stage the data does not hold (1, 3),
/// `invalid_argument` for a value that is no stage. `what` names the value in messages
/// (`stage`, `--stage`).
pub fn check_stage(v: &Value, what: &str, location: Location) -> Result<u8> {
    let Some(n) = read_stage_value(v) else {
        return Err(Error::new(
            ErrorKind::InvalidArgument,
            format!("{what} must be a key stage such as 2 or \"ช่วงชั้นที่ 2\", not {v}"),
            format!("{what} ต้องเป็นช่วงชั้น เช่น 2 หรือ \"ช่วงชั้นที่ 2\" ไม่ใช่ {v}"),
        )
        .at(location));
    };
    match held_stage(n) {
        Ok(s) => Ok(s.number),
        Err((en, th)) => Err(Error::new(
            ErrorKind::StageNotHeld,
            format!("{what}: {en}"),
            format!("{what}: {th}"),
        )
        .at(location)),
    }
}

/// Checks that grade `g` is one of stage `n`'s grades, else an `invalid_argument` error at
/// `location` naming both (`what` names the grade, e.g. `grade`, `--grade`).
pub fn check_grade_in_stage(g: u8, n: u8, what: &str, location: Location) -> Result<()> {
    match crate::framework::stage(n) {
        Some(s) if !stage_has_grade(s, g) => Err(Error::new(
            ErrorKind::InvalidArgument,
            format!("{what} ป.{g} is not in stage {n} ({}): give a grade of the stage, or leave the grade out", span(s)),
            format!("{what} ป.{g} ไม่อยู่ในช่วงชั้นที่ {n} ({}) ให้ระบุชั้นในช่วงชั้นนั้น หรือไม่ต้องระบุชั้น", span(s)),
        )
        .at(location)),
        _ => Ok(()),
    }
}

/// The `grade` option, checked against the `stage` option when both are given. A stage
/// alone narrows nothing: stage 2 is all of ป.4–6, every indicator held here.
fn graded_in_stage(map: &Map<String, Value>) -> Result<Option<u8>> {
    let stage = present(map, "stage")
        .map(|v| check_stage(v, "stage", place("stage")))
        .transpose()?;
    let grade = grade(map)?;
    if let (Some(g), Some(n)) = (grade, stage) {
        check_grade_in_stage(g, n, "grade", place("grade"))?;
    }
    Ok(grade)
}

fn either_area(map: &Map<String, Value>) -> Result<Option<AreaReading>> {
    let Some(v) = present(map, "area") else {
        return Ok(None);
    };
    match read_either_area_value(v) {
        Some(a) => Ok(Some(a)),
        None => Err(invalid(
            "area",
            format!("area must be a learning area: one of ท ค ว ส พ ศ ง ต or its name, or one of the draft framework's nine areas (e.g. วิทยาศาสตร์และระบบธรรมชาติ), not {v}"),
            format!("area ต้องเป็นกลุ่มสาระ: ท ค ว ส พ ศ ง ต หรือชื่อกลุ่มสาระ หรือสาระการเรียนรู้หนึ่งในเก้าสาระของกรอบหลักสูตร (ร่าง) (เช่น วิทยาศาสตร์และระบบธรรมชาติ) ไม่ใช่ {v}"),
        )),
    }
}

fn grade(map: &Map<String, Value>) -> Result<Option<u8>> {
    let Some(v) = present(map, "grade") else {
        return Ok(None);
    };
    match read_grade_value(v) {
        Some(g) => Ok(Some(g)),
        None => Err(invalid(
            "grade",
            format!("grade must be 4, 5 or 6 (ป.4–ป.6), not {v}"),
            format!("grade ต้องเป็น 4, 5 หรือ 6 (ป.4–ป.6) ไม่ใช่ {v}"),
        )),
    }
}

fn area(map: &Map<String, Value>) -> Result<Option<LearningArea>> {
    let Some(v) = present(map, "area") else {
        return Ok(None);
    };
    match read_area_value(v) {
        Some(a) => Ok(Some(a)),
        None => Err(invalid(
            "area",
            format!("area must be a learning area: one of ท ค ว ส พ ศ ง ต or its name, not {v}"),
            format!("area ต้องเป็นกลุ่มสาระ: ท ค ว ส พ ศ ง ต หรือชื่อกลุ่มสาระ ไม่ใช่ {v}"),
        )),
    }
}

fn scope(v: &Value, key: &str) -> Result<Scope> {
    match v.as_str() {
        Some("filter") => Ok(Scope::Filter),
        Some("prior") => Ok(Scope::Prior),
        _ => Err(invalid(
            key,
            format!("{key} must be \"filter\" (only those) or \"prior\" (prefer those), not {v}"),
            format!("{key} ต้องเป็น \"filter\" (เฉพาะที่ระบุ) หรือ \"prior\" (ให้น้ำหนักที่ระบุ) ไม่ใช่ {v}"),
        )),
    }
}

fn place(field: &str) -> Location {
    Location {
        source: Some("options".into()),
        field: Some(field.into()),
        ..Location::default()
    }
}

fn invalid(field: &str, en: String, th: String) -> Error {
    Error::new(ErrorKind::InvalidArgument, en, th).at(place(field))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn null_gives_the_defaults() {
        assert_eq!(rank_options(&Value::Null).unwrap(), RankOptions::default());
        assert_eq!(
            indicator_filter(&Value::Null).unwrap(),
            IndicatorFilter::default()
        );
        assert_eq!(case_options(&Value::Null).unwrap(), CaseOptions::default());
    }

    #[test]
    fn every_rank_option_is_read() {
        let o = rank_options(&json!({
            "grade": "ป.5", "area": "คณิตศาสตร์", "gradeScope": "prior", "areaScope": "filter",
            "topK": 3, "minScore": 0.12, "evidence": false
        }))
        .unwrap();
        assert_eq!(o.grade, Some(5));
        assert_eq!(o.area, Some(LearningArea::Mathematics));
        assert_eq!(o.grade_scope, Scope::Prior);
        assert_eq!(o.area_scope, Scope::Filter);
        assert_eq!(o.top_k, 3);
        assert!((o.min_score - 0.12).abs() < 1e-6);
        assert!(!o.evidence);
        // null stands for undefined: the default stays.
        assert_eq!(
            rank_options(&json!({"grade": null, "topK": null})).unwrap(),
            RankOptions::default()
        );
    }

    #[test]
    fn a_misspelt_key_is_an_error_that_names_it() {
        let e = rank_options(&json!({"topk": 3})).unwrap_err();
        assert_eq!(e.code(), "invalid_argument");
        assert_eq!(e.location().unwrap().field.as_deref(), Some("topk"));
        assert!(e.message_en().contains("topK"), "{}", e.message_en());
        assert!(e.message_th().contains("topk"), "{}", e.message_th());
    }

    #[test]
    fn bad_values_are_errors_at_their_field() {
        for (opts, field) in [
            (json!({"grade": 7}), "grade"),
            (json!({"grade": "ม.1"}), "grade"),
            (json!({"grade": true}), "grade"),
            (json!({"area": "history"}), "area"),
            (json!({"area": 3}), "area"),
            (json!({"topK": -1}), "topK"),
            (json!({"topK": 2.5}), "topK"),
            (json!({"minScore": 1.5}), "minScore"),
            (json!({"evidence": "yes"}), "evidence"),
            (json!({"gradeScope": "near"}), "gradeScope"),
        ] {
            let e = rank_options(&opts).unwrap_err();
            assert_eq!(e.code(), "invalid_argument", "{opts}");
            assert_eq!(
                e.location().unwrap().field.as_deref(),
                Some(field),
                "{opts}"
            );
        }
        assert!(rank_options(&json!("grade 4")).is_err());
        assert!(indicator_filter(&json!({"grade": 4, "topK": 1})).is_err());
    }

    #[test]
    fn a_stage_is_read_in_every_spelling_and_narrows_nothing() {
        for v in [
            json!(2),
            json!("2"),
            json!("๒"),
            json!("ช่วงชั้นที่ 2"),
            json!("ช่วงชั้นที่ ๒"),
        ] {
            let o = rank_options(&json!({ "stage": v })).unwrap();
            assert_eq!(o, RankOptions::default(), "{v}");
        }
        let o = rank_options(&json!({"stage": 2, "grade": "ป.5"})).unwrap();
        assert_eq!(o.grade, Some(5));
    }

    #[test]
    fn a_stage_not_held_is_a_stage_not_held_error_at_the_stage() {
        for v in [json!(1), json!("3"), json!("ช่วงชั้นที่ 1")] {
            let e = rank_options(&json!({ "stage": v })).unwrap_err();
            assert_eq!(e.code(), "stage_not_held", "{v}");
            assert_eq!(e.location().unwrap().field.as_deref(), Some("stage"));
            assert!(e.message_en().contains("stage"), "{}", e.message_en());
            assert!(e.message_th().contains("ช่วงชั้นที่"), "{}", e.message_th());
        }
        let e = rank_options(&json!({"stage": "two"})).unwrap_err();
        assert_eq!(e.code(), "invalid_argument");
        let e = indicator_filter(&json!({"stage": 1})).unwrap_err();
        assert_eq!(e.code(), "stage_not_held");
    }

    #[test]
    fn a_grade_outside_its_stage_is_an_error_at_the_grade() {
        // Stage 1 (ป.1–3) is refused before its grades are looked at, so the check is
        // tried on its own: a grade of ป.4–6 is never one of stage 1's.
        let e = check_grade_in_stage(5, 1, "grade", place("grade")).unwrap_err();
        assert_eq!(e.code(), "invalid_argument");
        assert_eq!(e.location().unwrap().field.as_deref(), Some("grade"));
        assert!(e.message_en().contains("ป.1–3"), "{}", e.message_en());
        assert!(check_grade_in_stage(5, 2, "grade", place("grade")).is_ok());
    }

    #[test]
    fn a_draft_area_name_sets_the_draft_area_and_a_2551_name_the_area() {
        use crate::framework::FrameworkArea;
        let o = rank_options(&json!({"area": "วิทยาศาสตร์และระบบธรรมชาติ"})).unwrap();
        assert_eq!(o.area, None);
        assert_eq!(o.framework_area, Some(FrameworkArea::NaturalScience));
        let o = rank_options(&json!({"area": "คณิตศาสตร์"})).unwrap();
        assert_eq!(o.area, Some(LearningArea::Mathematics));
        assert_eq!(o.framework_area, None);
        let o = rank_options(&json!({"area": "สาระการเรียนรู้ภาษาไทย"})).unwrap();
        assert_eq!(o.area, Some(LearningArea::Thai));
        assert_eq!(o.framework_area, Some(FrameworkArea::Thai));
        let e = rank_options(&json!({"area": "เทคโนโลยี"})).unwrap_err();
        assert!(e.message_en().contains("draft"), "{}", e.message_en());
    }

    #[test]
    fn parse_options_read_the_format_and_name() {
        assert_eq!(
            parse_options(&Value::Null).unwrap(),
            ParseOptions::default()
        );
        let o = parse_options(&json!({"format": "txt", "name": "lo.txt"})).unwrap();
        assert_eq!(o.format, Some(OutcomeFormat::Text));
        assert_eq!(o.name.as_deref(), Some("lo.txt"));
        assert_eq!(
            parse_options(&json!({"format": "auto"})).unwrap().format,
            None
        );
        for (opts, field) in [
            (json!({"format": "xlsx"}), "format"),
            (json!({"format": 3}), "format"),
            (json!({"name": 3}), "name"),
            (json!({"fromat": "csv"}), "fromat"),
        ] {
            let e = parse_options(&opts).unwrap_err();
            assert_eq!(
                e.location().unwrap().field.as_deref(),
                Some(field),
                "{opts}"
            );
        }
    }

    #[test]
    fn case_options_check_the_date_time() {
        let o =
            case_options(&json!({"title": "โรงเรียน", "dateTime": "2026-05-16T09:30:00Z"})).unwrap();
        assert_eq!(o.title, "โรงเรียน");
        assert_eq!(o.creator, CaseOptions::default().creator);
        let e = case_options(&json!({"dateTime": "16/05/2026"})).unwrap_err();
        assert_eq!(e.location().unwrap().field.as_deref(), Some("dateTime"));
        assert!(case_options(&json!({"title": 5})).is_err());
    }
}
