//! `sapan align`: read learning outcomes from a file, align each with the
//! indicators, and write the result as CSV, JSON, CASE or a Markdown report.
//!
//! Problems met while reading (a bad grade, an empty row) go to standard
//! error with their line and field; every outcome that could be read is still
//! aligned, so nothing a teacher wrote is silently lost.

use std::io::{self, Write};

use sapan::curriculum::Curriculum;
use sapan::engine::{Alignment, Engine, Match, OutcomeAlignment, RankOptions, Scope};
use sapan::outcome::{detect, read_outcomes, Outcome, OutcomeFormat};
use sapan::report::{csv, json, write, CaseOptions, ReportFormat};
use sapan::{Error, ErrorKind};

/// Outcomes aligned and written at a time by `--format csv` and `json`. A
/// CSV row depends on its own outcome only, so CSV is streamed: memory stays
/// at the input plus one chunk (~16 MB of alignment) instead of growing by
/// ~16 KB per outcome (100,000 outcomes held 1.6 GB). JSON streams its
/// outcomes too and keeps, for who-covers-what and coverage at the end, only
/// each match's code, score and relation (100,000 outcomes held 2.9 GB).
/// CASE and Markdown are still written whole.
const CHUNK: usize = 1_000;

use super::{
    bad_argument, either_area_flag, grade_and_stage_flags, output_error, read_input, Options,
};

pub fn align(args: &[String]) -> Result<(), Error> {
    let opts = Options::parse_with_flags(
        args,
        &[
            "outcomes",
            "format",
            "grade",
            "area",
            "stage",
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
    let areas = opts
        .get("area")
        .map(either_area_flag)
        .transpose()?
        .unwrap_or_default();
    let rank = RankOptions {
        grade: grade_and_stage_flags(&opts)?,
        grade_scope: scope,
        area: areas.area,
        area_scope: scope,
        framework_area: areas.framework_area,
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
    if matches!(format, ReportFormat::Csv | ReportFormat::Json) {
        let mut out = io::BufWriter::new(io::stdout().lock());
        let written = if matches!(format, ReportFormat::Csv) {
            write_csv_chunked(&engine, &read.outcomes, &rank, CHUNK, &mut out)
        } else {
            write_json_chunked(&engine, &read.outcomes, &rank, CHUNK, &mut out)
        };
        return written.and_then(|()| out.flush()).or_else(output_error);
    }
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

/// The CSV of `outcomes`, aligned and written `chunk` outcomes at a time:
/// the same bytes as `write_csv` of the whole alignment (the layout is
/// `sapan::report::csv`'s; this only decides when to write).
fn write_csv_chunked(
    engine: &Engine,
    outcomes: &[Outcome],
    rank: &RankOptions,
    chunk: usize,
    out: &mut impl Write,
) -> io::Result<()> {
    let mut text = String::new();
    csv::write_csv_header(&mut text);
    for part in outcomes.chunks(chunk.max(1)) {
        csv::write_csv_rows(
            &mut text,
            &engine.align(part, rank).outcomes,
            Curriculum::embedded(),
        );
        out.write_all(text.as_bytes())?;
        text.clear();
    }
    out.write_all(text.as_bytes())
}

/// The JSON report of `outcomes` (`sapan::report::write_json`'s bytes, from
/// its parts), written as they are aligned, `chunk` at a time.
fn write_json_chunked(
    engine: &Engine,
    outcomes: &[Outcome],
    rank: &RankOptions,
    chunk: usize,
    out: &mut impl Write,
) -> io::Result<()> {
    let mut text = String::new();
    json::write_json_head(&mut text);
    let mut slim = Alignment {
        outcomes: Vec::with_capacity(outcomes.len()),
        indicators: Vec::new(),
    };
    for part in outcomes.chunks(chunk.max(1)) {
        let aligned = engine.align(part, rank);
        if slim.outcomes.is_empty() {
            // The candidates (the same for every chunk); covers are recounted at the end.
            slim.indicators = aligned.indicators;
        }
        for oa in aligned.outcomes {
            json::write_json_outcome(&mut text, &oa, slim.outcomes.is_empty());
            let matches = oa.matches.into_iter().map(|m| Match {
                text: String::new(),
                evidence: Vec::new(),
                clauses: Vec::new(),
                ..m
            });
            slim.outcomes.push(OutcomeAlignment {
                outcome: oa.outcome,
                normalized: String::new(),
                clauses: Vec::new(),
                matches: matches.collect(),
            });
        }
        out.write_all(text.as_bytes())?;
        text.clear();
    }
    slim.recount_covers();
    let coverage = engine.coverage(&slim);
    json::write_json_tail(
        &mut text,
        !slim.outcomes.is_empty(),
        &slim.indicators,
        &coverage,
    );
    out.write_all(text.as_bytes())
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

#[cfg(test)]
mod tests {
    use super::*;

    /// The sample outcomes four times over (distinct ids), so that chunks split the list unevenly.
    fn outcomes() -> Vec<Outcome> {
        let sample = include_str!("../../data/samples/outcomes_example.csv");
        let one = read_outcomes(sample, OutcomeFormat::Csv, None).outcomes;
        assert!(!one.is_empty());
        (0..4)
            .flat_map(|copy| {
                one.iter().map(move |o| Outcome {
                    id: format!("{}-{copy}", o.id),
                    ..o.clone()
                })
            })
            .collect()
    }

    #[test]
    fn json_written_in_chunks_is_the_json_of_the_whole_alignment() {
        let outcomes = outcomes();
        let engine = Engine::new();
        // An own grade on some outcomes, so that matches name codes outside the candidates.
        let outcomes: Vec<Outcome> = outcomes
            .into_iter()
            .enumerate()
            .map(|(i, o)| Outcome {
                grade: if i % 3 == 0 { Some(6) } else { o.grade },
                ..o
            })
            .collect();
        let rank = RankOptions {
            grade: Some(5),
            ..RankOptions::default()
        };
        let alignment = engine.align(&outcomes, &rank);
        let whole = sapan::report::write_json(&alignment, &engine.coverage(&alignment));
        for chunk in [1, 5, outcomes.len() + 3] {
            let mut out = Vec::new();
            write_json_chunked(&engine, &outcomes, &rank, chunk, &mut out).unwrap();
            assert_eq!(String::from_utf8(out).unwrap(), whole, "chunks of {chunk}");
        }
    }

    #[test]
    fn csv_written_in_chunks_is_the_csv_of_the_whole_alignment() {
        let outcomes = outcomes();
        let engine = Engine::new();
        let rank = RankOptions::default();
        let whole =
            sapan::report::write_csv(&engine.align(&outcomes, &rank), Curriculum::embedded());
        for chunk in [1, 5, outcomes.len(), outcomes.len() + 3] {
            let mut out = Vec::new();
            write_csv_chunked(&engine, &outcomes, &rank, chunk, &mut out).unwrap();
            assert_eq!(String::from_utf8(out).unwrap(), whole, "chunks of {chunk}");
        }
    }
}
