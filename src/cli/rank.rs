//! `sapan rank`: many texts in, one ranking per text out, as JSON Lines.
//!
//! The output is a contract other programs read (an external evaluator among
//! them), so it stays stable: one output line per non-blank input line, in
//! input order, even when a line is bad. A bad line gets `"ranked": []` and an
//! `"error"` object, its problem goes to standard error in Thai and English,
//! and the run goes on; the exit status is 1 at the end if any line had one.

use std::io::{self, BufWriter, Write};
use std::sync::atomic::{AtomicUsize, Ordering};

use serde::Serialize;
use serde_json::Value;

use sapan::curriculum::LearningArea;
use sapan::engine::{Engine, RankOptions, Scope};
use sapan::framework::FrameworkArea;
use sapan::options::{
    check_grade_in_stage, check_stage, read_either_area_value, read_grade_value, read_stage_value,
};
use sapan::outcome::located_json::parse_located;
use sapan::{Error, ErrorKind, Location};

use super::{bad_argument, output_error, read_input, Options};

/// Lines ranked between two writes: enough to keep every core busy, few
/// enough that output starts at once and memory stays flat on huge inputs.
const BLOCK: usize = 4096;

/// One input line, checked: what to rank, or why not.
struct Request {
    id: Value,
    query: Result<Query, Vec<Error>>,
}

struct Query {
    text: String,
    grade: Option<u8>,
    area: Option<LearningArea>,
    framework_area: Option<FrameworkArea>,
}

#[derive(Serialize)]
struct Ranked {
    code: String,
    score: f32,
    relation: &'static str,
}

#[derive(Serialize)]
struct Response<'a> {
    id: &'a Value,
    ranked: Vec<Ranked>,
    #[serde(skip_serializing_if = "Option::is_none")]
    error: Option<&'a Error>,
}

pub fn rank(args: &[String]) -> Result<(), Error> {
    let opts = Options::parse(args, &["input", "top"])?;
    if let Some(p) = &opts.positional {
        return Err(bad_argument(
            format!("rank takes no text argument, got \"{p}\"; use --input FILE.jsonl (or - for standard input)"),
            format!("คำสั่ง rank ไม่รับข้อความ แต่ได้รับ \"{p}\" ให้ใช้ --input FILE.jsonl (หรือ - เพื่ออ่านจาก standard input)"),
        ));
    }
    let path = opts.get("input").ok_or_else(|| {
        bad_argument(
            "rank needs --input FILE.jsonl (or --input - for standard input)".into(),
            "คำสั่ง rank ต้องระบุ --input FILE.jsonl (หรือ --input - เพื่ออ่านจาก standard input)".into(),
        )
    })?;
    let top_k = match opts.get("top") {
        None => 10,
        Some(k) => k.trim().parse::<usize>().map_err(|_| {
            bad_argument(
                format!("--top {k}: expected a whole number (0 = every candidate)"),
                format!("--top {k}: ต้องเป็นจำนวนเต็ม (0 = ทุกตัวชี้วัดที่เข้าเกณฑ์)"),
            )
        })?,
    };
    let input = read_input(path, "input")?;
    let source = if path == "-" { "standard input" } else { path };
    // A BOM from a Windows editor is not part of the first line's JSON.
    let input = input.strip_prefix('\u{FEFF}').unwrap_or(&input);

    let requests: Vec<Request> = input
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(n, l)| request(l, n + 1, source))
        .collect();

    let engine = Engine::new();
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let mut out = BufWriter::new(io::stdout().lock());
    let mut bad_lines = 0;
    for block in requests.chunks(BLOCK) {
        let lines = rank_block(&engine, block, top_k, threads);
        let mut written = Ok(());
        for (req, line) in block.iter().zip(&lines) {
            if let Err(problems) = &req.query {
                bad_lines += 1;
                for p in problems {
                    eprintln!("sapan: {p}");
                }
            }
            written = written.and_then(|()| out.write_all(line.as_bytes()));
        }
        if let Err(e) = written {
            // The reader went away (`sapan rank … | head`): nothing more to say.
            return output_error(e);
        }
    }
    out.flush().or_else(output_error)?;
    if bad_lines > 0 {
        return Err(Error::new(
            ErrorKind::InvalidField,
            format!(
                "{bad_lines} of {} lines had a problem (listed above); each got \"ranked\": [] and an \"error\"",
                requests.len()
            ),
            format!(
                "{bad_lines} จาก {} บรรทัดมีปัญหา (ดูรายการด้านบน) แต่ละบรรทัดได้ \"ranked\": [] และ \"error\"",
                requests.len()
            ),
        ));
    }
    Ok(())
}

/// The output lines of `block`, in order, ranked on up to `threads` threads.
///
/// Texts differ a lot in length, so equal halves would leave one core idle;
/// instead each thread takes the next few lines until none are left.
fn rank_block(engine: &Engine, block: &[Request], top_k: usize, threads: usize) -> Vec<String> {
    const STEP: usize = 32;
    let next = AtomicUsize::new(0);
    let mut parts: Vec<(usize, Vec<String>)> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..threads.clamp(1, block.len().div_ceil(STEP).max(1)))
            .map(|_| {
                s.spawn(|| {
                    let mut done = Vec::new();
                    loop {
                        let start = next.fetch_add(STEP, Ordering::Relaxed);
                        if start >= block.len() {
                            return done;
                        }
                        let part = &block[start..(start + STEP).min(block.len())];
                        done.push((
                            start,
                            part.iter().map(|r| respond(engine, r, top_k)).collect(),
                        ));
                    }
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().expect("a ranking thread panicked"))
            .collect()
    });
    parts.sort_unstable_by_key(|(start, _)| *start);
    parts.into_iter().flat_map(|(_, lines)| lines).collect()
}

/// One output line (with its newline).
fn respond(engine: &Engine, req: &Request, top_k: usize) -> String {
    let (ranked, error) = match &req.query {
        Ok(q) => {
            let opts = RankOptions {
                grade: q.grade,
                grade_scope: Scope::Filter,
                area: q.area,
                area_scope: Scope::Filter,
                framework_area: q.framework_area,
                top_k,
                min_score: 0.0,
                evidence: false,
            };
            let ranked = engine
                .rank(&q.text, &opts)
                .into_iter()
                .map(|m| Ranked {
                    code: m.code.to_string(),
                    // Already rounded to four decimals by the engine; serde_json
                    // prints an f32 in its shortest form (0.4321, not 0.43209999…).
                    score: m.score,
                    relation: m.relation.as_str(),
                })
                .collect();
            (ranked, None)
        }
        Err(problems) => (Vec::new(), problems.first()),
    };
    let mut line = serde_json::to_string(&Response {
        id: &req.id,
        ranked,
        error,
    })
    .expect("a response serialises");
    line.push('\n');
    line
}

/// Reads one input line: `{"id": …, "text": …, "grade": …?, "area": …?, "stage": …?}`.
fn request(line: &str, number: usize, source: &str) -> Request {
    let at = |field: &str| Location {
        source: Some(source.to_string()),
        line: Some(number),
        column: None,
        field: Some(field.to_string()),
    };
    let value: Value = match parse_located(line) {
        Ok(v @ Value::Object(_)) => v,
        Ok(_) => {
            return Request {
                id: Value::Null,
                query: Err(vec![Error::new(
                    ErrorKind::ParseJson,
                    "expected a JSON object {\"id\": …, \"text\": …}",
                    "ต้องเป็นออบเจกต์ JSON {\"id\": …, \"text\": …}",
                )
                .at(Location {
                    field: None,
                    ..at("")
                })]),
            }
        }
        Err(e) => {
            // The line is read alone, so the error's own line is always 1: the location
            // says where the line is in the file instead, and the column (in characters,
            // as the outcome readers count it) where in the line.
            return Request {
                id: Value::Null,
                query: Err(vec![Error::new(
                    ErrorKind::ParseJson,
                    format!("not valid JSON ({})", e.message),
                    format!("ไม่ใช่ JSON ที่ถูกต้อง ({})", e.message),
                )
                .at(Location {
                    column: Some(e.column),
                    field: None,
                    ..at("")
                })]),
            };
        }
    };
    let mut problems = Vec::new();
    let text = match value.get("text") {
        Some(Value::String(t)) => Some(t.clone()),
        Some(other) if !other.is_null() => {
            problems.push(
                Error::new(
                    ErrorKind::InvalidField,
                    format!("\"text\" must be a string, got {other}"),
                    format!("\"text\" ต้องเป็นสตริง แต่ได้ {other}"),
                )
                .at(at("text")),
            );
            None
        }
        _ => {
            problems.push(
                Error::new(
                    ErrorKind::MissingField,
                    "no \"text\": each line needs the text to rank",
                    "ไม่มี \"text\": ทุกบรรทัดต้องมีข้อความที่จะจัดอันดับ",
                )
                .at(at("text")),
            );
            None
        }
    };
    let grade = match value.get("grade") {
        None | Some(Value::Null) => None,
        Some(g) => match read_grade_value(g) {
            Some(n) => Some(n),
            None => {
                problems.push(
                    Error::new(
                        ErrorKind::InvalidField,
                        format!("grade {g}: expected 4, 5 or 6 (or \"ป.4\"…\"ป.6\")"),
                        format!("ชั้น {g}: ต้องเป็น 4, 5 หรือ 6 (หรือ \"ป.4\"…\"ป.6\")"),
                    )
                    .at(at("grade")),
                );
                None
            }
        },
    };
    let areas = match value.get("area") {
        None | Some(Value::Null) => None,
        Some(a) => match read_either_area_value(a) {
            Some(areas) => Some(areas),
            None => {
                problems.push(
                    Error::new(
                        ErrorKind::InvalidField,
                        format!("area {a}: expected a learning-area letter ท ค ว ส พ ศ ง ต or its name (e.g. คณิตศาสตร์, math), or a draft framework area (e.g. วิทยาศาสตร์และระบบธรรมชาติ)"),
                        format!("กลุ่มสาระ {a}: ต้องเป็นอักษร ท ค ว ส พ ศ ง ต หรือชื่อกลุ่มสาระ (เช่น คณิตศาสตร์) หรือสาระการเรียนรู้ของกรอบหลักสูตร (ร่าง) (เช่น วิทยาศาสตร์และระบบธรรมชาติ)"),
                    )
                    .at(at("area")),
                );
                None
            }
        },
    }
    .unwrap_or_default();
    // A stage narrows nothing (stage 2 is every indicator held); one not held is the line's error.
    let stage = match value.get("stage") {
        None | Some(Value::Null) => None,
        Some(s) if read_stage_value(s).is_none() => {
            problems.push(
                Error::new(
                    ErrorKind::InvalidField,
                    format!("stage {s}: expected a key stage such as 2 or \"ช่วงชั้นที่ 2\""),
                    format!("ช่วงชั้น {s}: ต้องเป็นช่วงชั้น เช่น 2 หรือ \"ช่วงชั้นที่ 2\""),
                )
                .at(at("stage")),
            );
            None
        }
        Some(s) => match check_stage(s, "stage", at("stage")) {
            Ok(n) => Some(n),
            Err(e) => {
                problems.push(e);
                None
            }
        },
    };
    if let (Some(g), Some(n)) = (grade, stage) {
        if let Err(e) = check_grade_in_stage(g, n, "grade", at("grade")) {
            problems.push(e);
        }
    }
    let id = value.get("id").cloned().unwrap_or(Value::Null);
    let query = match text {
        Some(text) if problems.is_empty() => Ok(Query {
            text,
            grade,
            area: areas.area,
            framework_area: areas.framework_area,
        }),
        _ => Err(problems),
    };
    Request { id, query }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_line_with_every_problem_reports_each_field() {
        let r = request(r#"{"id": 7, "grade": 9, "area": "xyz"}"#, 3, "in.jsonl");
        let problems = r.query.err().unwrap();
        let fields: Vec<_> = problems
            .iter()
            .map(|p| p.location().unwrap().field.clone().unwrap())
            .collect();
        assert_eq!(fields, ["text", "grade", "area"]);
        assert_eq!(r.id, Value::from(7));
        assert_eq!(problems[0].location().unwrap().line, Some(3));
    }

    #[test]
    fn a_line_takes_a_stage_and_a_draft_area() {
        let q = request(
            r#"{"text": "x", "stage": "ช่วงชั้นที่ 2", "area": "เทคโนโลยีดิจิทัล"}"#,
            1,
            "-",
        )
        .query
        .ok()
        .unwrap();
        assert_eq!(q.area, None);
        assert_eq!(q.framework_area, Some(FrameworkArea::DigitalTechnology));
        let problems = request(r#"{"text": "x", "stage": 1}"#, 4, "in.jsonl")
            .query
            .err()
            .unwrap();
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].code(), "stage_not_held");
        let at = problems[0].location().unwrap();
        assert_eq!((at.line, at.field.as_deref()), (Some(4), Some("stage")));
    }

    #[test]
    fn grades_are_read_as_numbers_or_thai_labels() {
        for line in [
            r#"{"text": "x", "grade": 5}"#,
            r#"{"text": "x", "grade": "5"}"#,
            r#"{"text": "x", "grade": "ป.5"}"#,
            r#"{"text": "x", "grade": "ป.๕"}"#,
        ] {
            let q = request(line, 1, "-").query.ok().unwrap();
            assert_eq!(q.grade, Some(5), "{line}");
        }
    }
}
