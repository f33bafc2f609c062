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

// The draft framework's own outcomes (issue 14). The LO text is real: science LO 2 of
// `data/framework/lo_seen.jsonl` (cut where its source excerpt ended).
const SCIENCE_LO_2: &str = "สังเกต ทดลอง และอธิบายการเกิดเสียง การเคลื่อนที่ของเสียง เสียงสูง เสียงต่ำ เสียงดัง เสียงค่อย และวิเคราะห์สาเหตุที่ทำให้เกิดมลพิษทางเสียงโดยประเมินความน่าเชื่อถือและความสมเหต";

fn json_of(out: &Output) -> serde_json::Value {
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn a_pasted_draft_lo_under_its_stage_and_area_headers_is_aligned_with_both() {
    let paste = format!(
        "ผลลัพธ์การเรียนรู้เมื่อจบช่วงชั้นที่ ๒\nสาระการเรียนรู้วิทยาศาสตร์และระบบธรรมชาติ\n2. {SCIENCE_LO_2}\n"
    );
    let out = sapan(
        &["align", "--outcomes", "-", "--format", "json", "--top", "3"],
        &paste,
    );
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json = json_of(&out);
    let outcome = &json["outcomes"][0]["outcome"];
    assert_eq!(outcome["text"], SCIENCE_LO_2);
    assert_eq!(outcome["stage"], 2);
    assert_eq!(outcome["frameworkArea"], "natural_science");
    let first = json["outcomes"][0]["matches"][0]["code"].as_str().unwrap();
    assert!(first.starts_with("ว "), "{first}");
}

#[test]
fn stage_and_draft_area_flags_apply_to_outcomes_without_them() {
    let out = sapan(
        &[
            "align",
            "--outcomes",
            "-",
            "--input-format",
            "text",
            "--stage",
            "ช่วงชั้นที่ 2",
            "--area",
            "วิทยาศาสตร์และระบบธรรมชาติ",
            "--format",
            "json",
            "--top",
            "3",
        ],
        SCIENCE_LO_2,
    );
    let json = json_of(&out);
    let matches = json["outcomes"][0]["matches"].as_array().unwrap();
    assert_eq!(matches.len(), 3);
    assert!(matches[0]["code"].as_str().unwrap().starts_with("ว "));
    // The flag's draft area is a prior for the run, not written onto the outcome.
    assert!(json["outcomes"][0]["outcome"]
        .get("frameworkArea")
        .is_none());
}

#[test]
fn a_stage_flag_not_held_is_a_usage_error_that_names_the_flag_in_both_languages() {
    for stage in ["1", "3", "ช่วงชั้นที่ 1"] {
        let out = sapan(&["align", "--outcomes", SAMPLE, "--stage", stage], "");
        assert_eq!(out.status.code(), Some(2), "--stage {stage}");
        let err = String::from_utf8(out.stderr).unwrap();
        assert!(err.contains("--stage"), "{err}");
        assert!(
            err.contains("is not held") && err.contains("ไม่มีข้อมูลช่วงชั้นที่"),
            "{err}"
        );
        assert!(out.stdout.is_empty());
    }
    let out = sapan(&["align", "--outcomes", SAMPLE, "--area", "ระบบสุริยะ"], "");
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn a_stage_not_held_in_the_file_is_reported_at_its_line_and_the_outcome_still_aligned() {
    let sheet = format!("id,text,stage,area\nLO1,{SCIENCE_LO_2},1,วิทยาศาสตร์และระบบธรรมชาติ\n");
    let out = sapan(
        &[
            "align",
            "--outcomes",
            "-",
            "--input-format",
            "csv",
            "--format",
            "json",
        ],
        &sheet,
    );
    let err = String::from_utf8_lossy(&out.stderr).to_string();
    assert!(
        err.contains("line 2") && err.contains("field stage"),
        "{err}"
    );
    let json = json_of(&out);
    let outcome = &json["outcomes"][0]["outcome"];
    assert_eq!(outcome["id"], "LO1");
    assert!(outcome.get("stage").is_none());
    assert_eq!(outcome["frameworkArea"], "natural_science");
    assert!(!json["outcomes"][0]["matches"]
        .as_array()
        .unwrap()
        .is_empty());
}
