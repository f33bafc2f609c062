//! The `sapan` command line, run as a user runs it.

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn sapan(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_sapan"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("sapan runs");
    child.stdin.take().unwrap().write_all(stdin).unwrap();
    child.wait_with_output().unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

#[test]
fn indicators_lists_the_nineteen_grade_five_math_indicators_as_jsonl() {
    let o = sapan(
        &[
            "indicators",
            "--grade",
            "5",
            "--area",
            "ค",
            "--format",
            "jsonl",
        ],
        b"",
    );
    assert!(o.status.success());
    let lines: Vec<serde_json::Value> = stdout(&o)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 19);
    assert!(lines
        .iter()
        .all(|l| l["grade"] == 5 && l["code"].as_str().unwrap().starts_with("ค ")));
}

#[test]
fn indicators_csv_starts_with_a_bom_and_quotes_fields() {
    let o = sapan(
        &[
            "indicators",
            "--grade",
            "ป.๖",
            "--area",
            "math",
            "--format",
            "csv",
        ],
        b"",
    );
    assert!(o.status.success());
    let out = stdout(&o);
    assert!(out.starts_with("\u{FEFF}code,area,"));
    assert_eq!(out.lines().count(), 22, "header + 21 ป.6 math indicators");
}

#[test]
fn segment_keeps_curriculum_terms_whole() {
    let o = sapan(&["segment", "อ่านออกเสียงบทร้อยแก้วและบทร้อยกรองได้ถูกต้อง"], b"");
    let tokens: Vec<String> = stdout(&o).lines().map(str::to_string).collect();
    assert!(
        tokens.contains(&"ร้อยแก้ว".into()) && tokens.contains(&"ร้อยกรอง".into()),
        "{tokens:?}"
    );
}

#[test]
fn segment_reads_standard_input_and_normalises_first() {
    let o = sapan(
        &["segment", "-", "--format", "jsonl"],
        "หลกั สตู ร\nผเู้ รียน\n".as_bytes(),
    );
    assert_eq!(stdout(&o), "[\"หลักสูตร\"]\n[\"ผู้เรียน\"]\n");
}

#[test]
fn normalize_repairs_pdf_breakage() {
    let o = sapan(&["normalize", "-"], "ท่ี ๑๒ สาํ คญั\n".as_bytes());
    assert_eq!(stdout(&o), "ที่ 12 สำคัญ\n");
}

#[test]
fn bad_arguments_exit_2_and_say_what_was_expected_in_thai_and_english() {
    for args in [
        &["indicators", "--grade", "9"][..],
        &["indicators", "--area", "x"],
        &["indicators", "--format", "xml"],
        &["indicators", "--colour", "red"],
        &["segment"],
        &["frobnicate"],
    ] {
        let o = sapan(args, b"");
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        let err = String::from_utf8(o.stderr).unwrap();
        assert!(
            err.contains("expected") || err.contains("needs"),
            "{args:?}: {err}"
        );
        assert!(
            err.chars().any(|c| ('\u{0E00}'..='\u{0E7F}').contains(&c)),
            "{args:?}: no Thai in {err}"
        );
    }
}

#[test]
fn windows_874_input_is_decoded_and_other_non_utf8_refused_with_its_offset() {
    // "ไทย" in TIS-620 / Windows-874 bytes, as old Thai files are saved: read, with a notice.
    let o = sapan(&["segment", "-"], &[0xE4, 0xB7, 0xC2]);
    assert!(o.status.success());
    assert_eq!(stdout(&o).trim(), "ไทย");
    assert!(String::from_utf8(o.stderr).unwrap().contains("Windows-874"));
    // "café" in Latin-1 is neither UTF-8 nor Thai: refused, with where.
    let o = sapan(&["segment", "-"], b"caf\xE9");
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8(o.stderr).unwrap();
    assert!(err.contains("at byte 3") && err.contains("UTF-8"), "{err}");
}

#[test]
fn an_unknown_command_lists_every_command_and_the_usage_shows_each() {
    let commands = [
        "indicators",
        "normalize",
        "segment",
        "align",
        "rank",
        "eval",
        "tune",
        "bench",
    ];
    let o = sapan(&["frobnicate"], b"");
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8(o.stderr).unwrap();
    let first = err.lines().next().unwrap();
    let usage = stdout(&sapan(&["--help"], b""));
    for c in commands {
        assert!(first.contains(c), "{c} missing from: {first}");
        assert!(
            usage.contains(&format!("\n  sapan {c} ")),
            "usage has no line for {c}"
        );
    }
}
