//! `sapan align` end to end: every input format in, every output format out,
//! and problems reported with their line while the rest is still aligned.

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn sapan(args: &[&str], stdin: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_sapan"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(stdin.as_bytes())
        .unwrap();
    child.wait_with_output().unwrap()
}

const SAMPLE: &str = "data/samples/outcomes_example.csv";

#[test]
fn csv_output_has_a_bom_a_header_and_one_row_per_outcome_and_match() {
    let out = sapan(
        &[
            "align",
            "--outcomes",
            SAMPLE,
            "--format",
            "csv",
            "--top",
            "2",
        ],
        "",
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.starts_with('\u{FEFF}'));
    let rows: Vec<&str> = text.trim_end().split("\r\n").collect();
    assert!(rows[0].contains("indicator_code"));
    assert_eq!(rows.len(), 1 + 6 * 2, "{text}");
    assert!(rows[1].starts_with("ตัวอย่าง-1,"));
}

#[test]
fn markdown_report_holds_the_coverage_table_and_every_outcome() {
    let out = sapan(&["align", "--outcomes", SAMPLE, "--top", "3"], "");
    assert!(out.status.success());
    let md = String::from_utf8(out.stdout).unwrap();
    assert!(md.contains("สอดคล้อง"));
    assert!(
        md.contains("**582**"),
        "the total row counts all 582 indicators"
    );
    for i in 1..=6 {
        assert!(md.contains(&format!("ตัวอย่าง-{i}")));
    }
}

#[test]
fn case_output_is_a_package_with_associations_of_the_two_types() {
    let out = sapan(&["align", "--outcomes", SAMPLE, "--format", "case"], "");
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["CFItems"].as_array().unwrap().len(), 6);
    let types: Vec<&str> = v["CFAssociations"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|a| a["associationType"].as_str())
        .collect();
    assert!(types.contains(&"exactMatchOf"));
    assert!(types
        .iter()
        .all(|t| ["exactMatchOf", "isRelatedTo", "isChildOf"].contains(t)));
}

#[test]
fn pasted_text_from_stdin_is_read_and_its_problems_reported_with_lines() {
    let pasted = "ชั้นประถมศึกษาปีที่ 9\n1. อธิบายการทำงานของระบบย่อยอาหาร (ตัวอย่าง)\n2. \n";
    let out = sapan(
        &[
            "align",
            "--outcomes",
            "-",
            "--format",
            "json",
            "--input-format",
            "text",
        ],
        pasted,
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("line 1"), "{err}");
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["outcomes"].as_array().unwrap().len(), 1);
}

#[test]
fn a_file_without_outcomes_fails_with_a_bilingual_message() {
    let out = sapan(
        &["align", "--outcomes", "-", "--input-format", "text"],
        "\n\n",
    );
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("ไม่พบผลลัพธ์การเรียนรู้") && err.contains("no learning outcome"),
        "{err}"
    );
}

#[test]
fn a_bad_grade_option_is_a_usage_error() {
    let out = sapan(&["align", "--outcomes", SAMPLE, "--grade", "9"], "");
    assert_eq!(out.status.code(), Some(2));
}
