//! The bad-input suite on the command line: every case of
//! `tests/data/bad-input/cases.json` (the table the npm package and the app
//! are tested against too) run through `sapan align`, checking the exit
//! status, how many outcomes were aligned, and the located Thai and English
//! message on standard error.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/bad-input")
}

fn table() -> Value {
    let text = std::fs::read_to_string(dir().join("cases.json")).expect("cases.json");
    serde_json::from_str(&text).expect("cases.json is JSON")
}

fn sapan(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_sapan"))
        .args(args)
        .output()
        .expect("sapan runs")
}

/// A generated case, made as the JavaScript tests make it: `head`, then `fill` as often
/// as it fits, then spaces up to `bytes` less the `tail`, then `tail`.
fn generate(recipe: &Value) -> PathBuf {
    let s = |k: &str| recipe[k].as_str().unwrap();
    let size = recipe["bytes"].as_u64().unwrap() as usize;
    let (head, fill, tail) = (s("head"), s("fill"), s("tail"));
    let mut bytes = Vec::with_capacity(size);
    bytes.extend_from_slice(head.as_bytes());
    while bytes.len() + fill.len() + tail.len() <= size {
        bytes.extend_from_slice(fill.as_bytes());
    }
    bytes.resize(size - tail.len(), b' ');
    bytes.extend_from_slice(tail.as_bytes());
    assert_eq!(bytes.len(), size);
    let path = Path::new(env!("CARGO_TARGET_TMPDIR")).join(s("name"));
    std::fs::write(&path, bytes).unwrap();
    path
}

fn run_case(case: &Value) {
    let table = table();
    let name = case["name"].as_str().unwrap();
    let path = match case["generate"].as_str() {
        Some(kind) => generate(&table["generate"][kind]),
        None => dir().join(case["file"].as_str().unwrap()),
    };
    let o = sapan(&[
        "align",
        "--outcomes",
        path.to_str().unwrap(),
        "--format",
        "json",
        "--top",
        "1",
    ]);
    let stderr = String::from_utf8_lossy(&o.stderr);
    let exit = case["cli"]["exit"].as_i64().unwrap();
    assert_eq!(
        o.status.code(),
        Some(exit as i32),
        "{name}: exit status; stderr: {stderr}"
    );
    for want in case["cli"]["stderr"].as_array().unwrap() {
        let want = want.as_str().unwrap();
        assert!(
            stderr.contains(want),
            "{name}: stderr lacks {want:?}: {stderr}"
        );
    }
    // Every problem is one line on standard error, in Thai then English, naming the file.
    let problems = case["problems"].as_array().unwrap();
    let file = path.file_name().unwrap().to_str().unwrap();
    for line in stderr.lines().filter(|l| !l.is_empty()) {
        assert!(
            line.contains(" / ") && line.contains(file),
            "{name}: {line}"
        );
    }
    if exit == 0 {
        assert_eq!(
            stderr.lines().count(),
            problems.len() + notices(case),
            "{name}: {stderr}"
        );
        let out: Value = serde_json::from_slice(&o.stdout).expect("JSON on stdout");
        let outcomes = out["outcomes"].as_array().unwrap();
        assert_eq!(
            outcomes.len() as u64,
            case["outcomes"].as_u64().unwrap(),
            "{name}: outcomes aligned"
        );
        if let Some(ids) = case["ids"].as_array() {
            let got: Vec<&Value> = outcomes.iter().map(|o| &o["outcome"]["id"]).collect();
            assert_eq!(got, ids.iter().collect::<Vec<_>>(), "{name}: ids");
        }
        if let Some(grades) = case["grades"].as_array() {
            let got: Vec<&Value> = outcomes.iter().map(|o| &o["outcome"]["grade"]).collect();
            assert_eq!(got, grades.iter().collect::<Vec<_>>(), "{name}: grades");
        }
        for o in outcomes {
            assert_eq!(
                o["matches"].as_array().unwrap().len(),
                1,
                "{name}: one match each"
            );
        }
    } else {
        assert!(o.stdout.is_empty(), "{name}: nothing on stdout");
    }
}

fn notices(case: &Value) -> usize {
    usize::from(case["notice"].is_string())
}

fn case(name: &str) -> Value {
    table()["cases"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["name"].as_str().unwrap().starts_with(name))
        .unwrap_or_else(|| panic!("no case {name}"))
        .clone()
}

#[test]
fn every_case_of_the_table_has_a_test_here() {
    let names = [
        "empty input",
        "only whitespace",
        "a binary file",
        "a 50 MB file",
        "a single 1 MB line",
        "CSV: unbalanced quotes",
        "CSV: missing columns",
        "CSV: extra columns",
        "CSV: CRLF and LF mixed",
        "CSV: a UTF-8 byte-order mark",
        "Windows-874/TIS-620",
        "UTF-16 LE",
        "UTF-16 BE",
        "UTF-8 broken by one byte",
        "Latin-1",
        "duplicate LO ids",
        "Thai digits",
        "right-to-left and zero-width",
        "HTML and script",
    ];
    let table = table();
    for c in table["cases"].as_array().unwrap() {
        let n = c["name"].as_str().unwrap();
        assert!(names.iter().any(|p| n.starts_with(p)), "untested case {n}");
    }
}

#[test]
fn empty_input_says_the_file_is_empty() {
    run_case(&case("empty input"));
}

#[test]
fn only_whitespace_says_so() {
    run_case(&case("only whitespace"));
}

#[test]
fn a_binary_file_is_refused_with_the_line_and_byte_of_its_first_nul() {
    run_case(&case("a binary file"));
}

#[test]
fn a_50_mb_file_is_read_and_its_outcomes_aligned() {
    run_case(&case("a 50 MB file"));
}

#[test]
fn a_single_1_mb_line_is_one_outcome_aligned_without_hanging() {
    run_case(&case("a single 1 MB line"));
}

#[test]
fn an_unbalanced_quote_is_reported_at_its_line_and_column_and_the_rows_kept() {
    run_case(&case("CSV: unbalanced quotes"));
}

#[test]
fn a_row_missing_its_text_is_reported_and_skipped() {
    run_case(&case("CSV: missing columns"));
}

#[test]
fn extra_cells_are_reported_and_ignored() {
    run_case(&case("CSV: extra columns"));
}

#[test]
fn mixed_crlf_and_lf_read_every_row() {
    run_case(&case("CSV: CRLF and LF mixed"));
}

#[test]
fn a_utf8_bom_is_read_past() {
    run_case(&case("CSV: a UTF-8 byte-order mark"));
}

#[test]
fn windows_874_is_decoded_with_a_notice() {
    run_case(&case("Windows-874/TIS-620"));
}

#[test]
fn utf16_with_a_bom_is_decoded_in_both_byte_orders_with_a_notice() {
    run_case(&case("UTF-16 LE"));
    run_case(&case("UTF-16 BE"));
}

#[test]
fn utf8_broken_by_one_byte_is_refused_where_it_breaks() {
    run_case(&case("UTF-8 broken by one byte"));
}

#[test]
fn latin_1_is_not_taken_for_windows_874() {
    run_case(&case("Latin-1"));
}

#[test]
fn a_duplicate_id_is_renamed_and_reported() {
    run_case(&case("duplicate LO ids"));
}

#[test]
fn thai_digits_read_as_arabic_in_grades_and_stay_in_ids() {
    run_case(&case("Thai digits"));
}

#[test]
fn bidi_and_zero_width_characters_leave_ids_and_texts() {
    run_case(&case("right-to-left and zero-width"));
}

#[test]
fn html_and_script_are_text_and_unreadable_grades_and_areas_reported() {
    run_case(&case("HTML and script"));
}

#[test]
fn standard_input_is_decoded_like_a_file() {
    let bytes = std::fs::read(dir().join("windows-874.csv")).unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_sapan"))
        .args(["normalize", "-"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write;
    child.stdin.take().unwrap().write_all(&bytes).unwrap();
    let o = child.wait_with_output().unwrap();
    assert!(o.status.success());
    assert!(String::from_utf8(o.stdout).unwrap().contains("ตัวอย่าง-1"));
    assert!(String::from_utf8_lossy(&o.stderr).contains("standard input was read as Windows-874"));
}

#[test]
fn a_gold_code_that_does_not_exist_is_refused_naming_it_and_a_thai_digit_code_is_read() {
    let table = table();
    for c in table["codes"].as_array().unwrap() {
        let gold = dir().join(c["gold"].as_str().unwrap());
        let o = sapan(&["eval", "--gold", gold.to_str().unwrap()]);
        let stderr = String::from_utf8_lossy(&o.stderr);
        if c["expect"] == "unknown_code" {
            assert_eq!(o.status.code(), Some(1), "{stderr}");
            let code = c["code"].as_str().unwrap();
            assert!(
                stderr.contains(&format!("{code} is not an indicator")),
                "{stderr}"
            );
            assert!(stderr.contains(&format!("{code} ไม่ใช่ตัวชี้วัด")), "{stderr}");
            assert!(stderr.contains("line 1, field gold"), "{stderr}");
        } else {
            assert!(o.status.success(), "{stderr}");
            assert!(String::from_utf8_lossy(&o.stdout).contains("overall        1"));
        }
    }
}
