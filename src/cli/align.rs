//! `sapan align`: read learning outcomes from a file, align each with the
//! indicators, and write the result as CSV, JSON, CASE or a Markdown report.
//!
//! Problems met while reading (a bad grade, an empty row) go to standard
//! error with their line and field; every outcome that could be read is still
//! aligned, so nothing a teacher wrote is silently lost.

use std::io::{self, Write};

use sapan::curriculum::{Curriculum, LearningArea};
use sapan::engine::{Engine, RankOptions, Scope};
use sapan::outcome::{detect, read_outcomes, OutcomeFormat};
use sapan::report::{write, CaseOptions, ReportFormat};
use sapan::{Error, ErrorKind};

use super::{bad_argument, output_error, parse_grade, read_input, Options};

pub fn align(args: &[String]) -> Result<(), Error> {
    let opts = Options::parse_with_flags(
        args,
        &[
            "outcomes",
            "format",
            "grade",
            "area",
            "top",
            "min-score",
            "input-format",
        ],
        &["prior"],
    )?;
    let path = opts.get("outcomes").ok_or_else(|| {
        bad_argument(
            "--outcomes FILE is required (CSV, TSV, JSON, a CASE package or plain text; - for standard input)".into(),
            "ต้องระบุ --outcomes FILE (CSV, TSV, JSON, แพ็กเกจ CASE หรือข้อความธรรมดา; - เพื่ออ่านจาก standard input)".into(),
        )
    })?;
    let format = ReportFormat::parse(opts.get("format").unwrap_or("md"))?;
    let content = read_input(path, "outcomes")?;
    if content.trim().is_empty() {
        let shown = if path == "-" { "standard input" } else { path };
        let (en, th) = if content.is_empty() {
            ("is empty", "ว่างเปล่า")
        } else {
            ("holds only spaces and blank lines", "มีแต่ช่องว่างและบรรทัดว่าง")
        };
        return Err(Error::new(
            ErrorKind::ParseText,
            format!("{shown} {en}: no learning outcome to align; expected a CSV, JSON, CASE or text file of outcomes"),
            format!("{shown} {th}: ไม่พบผลลัพธ์การเรียนรู้ที่จะจับคู่ ต้องเป็นไฟล์ CSV, JSON, CASE หรือข้อความที่มีผลลัพธ์การเรียนรู้"),
        ));
    }
    let input_format = match opts.get("input-format") {
        Some(f) => OutcomeFormat::parse(f)?,
        None => detect((path != "-").then_some(path), &content),
    };
    let scope = if opts.flag("prior") {
        Scope::Prior
    } else {
        Scope::Filter
    };
    let rank = RankOptions {
        grade: opts.get("grade").map(parse_grade).transpose()?,
        grade_scope: scope,
        area: opts.get("area").map(parse_area).transpose()?,
        area_scope: scope,
        top_k: parse_number(opts.get("top").unwrap_or("5"), "top")? as usize,
        min_score: parse_number(opts.get("min-score").unwrap_or("0"), "min-score")? as f32,
        evidence: true,
    };

    let read = read_outcomes(&content, input_format, Some(path));
    for problem in &read.problems {
        eprintln!("sapan: {problem}");
    }
    if read.outcomes.is_empty() {
        return Err(Error::new(
            ErrorKind::ParseText,
            format!("{path}: no learning outcome found (read as {input_format}); check the file, or give --input-format"),
            format!("{path}: ไม่พบผลลัพธ์การเรียนรู้ (อ่านเป็น {input_format}) ตรวจสอบไฟล์ หรือระบุ --input-format"),
        ));
    }
    let engine = Engine::new();
    let alignment = engine.align(&read.outcomes, &rank);
    let coverage = engine.coverage(&alignment);
    let text = write(
        format,
        &alignment,
        &coverage,
        Curriculum::embedded(),
        &CaseOptions::default(),
    );
    let mut out = io::stdout().lock();
    out.write_all(text.as_bytes())
        .and_then(|()| out.flush())
        .or_else(output_error)
}

fn parse_area(a: &str) -> Result<LearningArea, Error> {
    LearningArea::parse(a).ok_or_else(|| {
        bad_argument(
            format!(
                "--area {a}: expected a learning area such as ท, ค, ว, ส, พ, ศ, ง, ต or its name"
            ),
            format!("--area {a}: ต้องเป็นกลุ่มสาระ เช่น ท ค ว ส พ ศ ง ต หรือชื่อกลุ่มสาระ"),
        )
    })
}

fn parse_number(v: &str, option: &str) -> Result<f64, Error> {
    v.trim()
        .parse::<f64>()
        .ok()
        .filter(|n| n.is_finite() && *n >= 0.0)
        .ok_or_else(|| {
            bad_argument(
                format!("--{option} {v}: expected a number, 0 or more"),
                format!("--{option} {v}: ต้องเป็นตัวเลขตั้งแต่ 0 ขึ้นไป"),
            )
        })
}
