//! One reader per value: a grade or an area written one way is read the same way by the CLI's
//! `--grade`/`--area`, by the fields of a `sapan rank` line and by the options the npm package
//! reads (`sapan::options`, which its boundary calls). The table is shared with
//! `tests/wasm/option-spellings.test.mjs`, which holds the npm package to it.

use std::io::Write;
use std::process::{Command, Output, Stdio};

use serde_json::{json, Value};

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

fn table() -> Value {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/option-spellings.json"
    ))
    .unwrap();
    serde_json::from_str(&text).unwrap()
}

/// `sapan indicators` with one flag, as the codes it lists, or `None` when it is refused.
fn listed(flag: &str, value: &str) -> Option<Vec<String>> {
    let o = sapan(&["indicators", flag, value, "--format", "jsonl"], b"");
    if !o.status.success() {
        assert_eq!(o.status.code(), Some(2), "{flag} {value}: a usage error");
        return None;
    }
    let codes = String::from_utf8(o.stdout)
        .unwrap()
        .lines()
        .map(|l| {
            serde_json::from_str::<Value>(l).unwrap()["code"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect();
    Some(codes)
}

/// A `sapan rank` line per value under `key`: each line's ranked codes, or its error's field.
fn ranked(key: &str, values: &[Value]) -> Vec<Result<Vec<String>, String>> {
    let input: String = values
        .iter()
        .enumerate()
        .map(|(i, v)| {
            json!({"id": i, "text": "การบวก การลบ การคูณ การหาร จำนวนนับ ทศนิยม เศษส่วน", key: v})
                .to_string()
                + "\n"
        })
        .collect();
    let o = sapan(&["rank", "--input", "-", "--top", "0"], input.as_bytes());
    String::from_utf8(o.stdout)
        .unwrap()
        .lines()
        .map(|l| {
            let line: Value = serde_json::from_str(l).unwrap();
            match line.get("error") {
                Some(e) => Err(e["location"]["field"].as_str().unwrap_or("").to_string()),
                None => Ok(line["ranked"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|m| m["code"].as_str().unwrap().to_string())
                    .collect()),
            }
        })
        .collect()
}

#[test]
fn every_grade_spelling_is_read_alike_by_the_cli_rank_lines_and_the_npm_options() {
    let table = table();
    let rows = table["grades"].as_array().unwrap();
    let values: Vec<Value> = rows.iter().map(|r| r["value"].clone()).collect();
    let lines = ranked("grade", &values);
    assert_eq!(lines.len(), rows.len());
    for (row, line) in rows.iter().zip(lines) {
        let value = &row["value"];
        let want = row["grade"].as_u64();
        // The npm options.
        let npm = sapan::options::rank_options(&json!({ "grade": value }));
        assert_eq!(
            npm.as_ref().ok().and_then(|o| o.grade).map(u64::from),
            want,
            "npm {value}"
        );
        if want.is_none() {
            assert_eq!(
                npm.unwrap_err().location().unwrap().field.as_deref(),
                Some("grade")
            );
        }
        // A rank line.
        match (want, line) {
            (Some(g), Ok(codes)) => {
                assert!(!codes.is_empty(), "rank {value}");
                let tag = format!("ป.{g}/");
                assert!(
                    codes.iter().all(|c| c.contains(&tag)),
                    "rank {value}: {codes:?}"
                );
            }
            (None, Err(field)) => assert_eq!(field, "grade", "rank {value}"),
            (want, got) => panic!("rank {value}: wanted {want:?}, got {got:?}"),
        }
        // The CLI flag (a flag is text: numbers are their digits).
        let text = value
            .as_str()
            .map_or_else(|| value.to_string(), str::to_string);
        let canonical = want.map(|g| listed("--grade", &g.to_string()).unwrap());
        assert_eq!(listed("--grade", &text), canonical, "--grade {text}");
    }
}

#[test]
fn every_area_spelling_is_read_alike_by_the_cli_rank_lines_and_the_npm_options() {
    let table = table();
    let rows = table["areas"].as_array().unwrap();
    let values: Vec<Value> = rows.iter().map(|r| r["value"].clone()).collect();
    let lines = ranked("area", &values);
    assert_eq!(lines.len(), rows.len());
    for (row, line) in rows.iter().zip(lines) {
        let value = &row["value"];
        let want = row["area"].as_str();
        let npm = sapan::options::rank_options(&json!({ "area": value }));
        let got = npm
            .as_ref()
            .ok()
            .and_then(|o| o.area)
            .map(|a| a.letter().to_string());
        assert_eq!(got.as_deref(), want, "npm {value}");
        match (want, line) {
            (Some(letter), Ok(codes)) => {
                let prefix = format!("{letter} ");
                assert!(
                    codes.iter().all(|c| c.starts_with(&prefix)),
                    "rank {value}: {codes:?}"
                );
            }
            (None, Err(field)) => assert_eq!(field, "area", "rank {value}"),
            (want, got) => panic!("rank {value}: wanted {want:?}, got {got:?}"),
        }
        if let Some(text) = value.as_str() {
            let canonical = want.map(|a| listed("--area", a).unwrap());
            assert_eq!(listed("--area", text), canonical, "--area {text}");
        }
    }
}
