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

/// `sapan align` of one outcome with `flags`: the exit status and the first match's code.
fn aligned(flags: &[&str]) -> (Option<i32>, Option<String>) {
    let mut args = vec![
        "align",
        "--outcomes",
        "-",
        "--input-format",
        "text",
        "--format",
        "json",
        "--top",
        "1",
    ];
    args.extend_from_slice(flags);
    let o = sapan(&args, "การบวก การลบ จำนวนนับ".as_bytes());
    let code = serde_json::from_slice::<Value>(&o.stdout)
        .ok()
        .and_then(|v| {
            v["outcomes"][0]["matches"][0]["code"]
                .as_str()
                .map(str::to_string)
        });
    (o.status.code(), code)
}

#[test]
fn every_stage_spelling_is_read_alike_by_the_cli_rank_lines_and_the_npm_options() {
    let table = table();
    let rows = table["stages"].as_array().unwrap();
    let values: Vec<Value> = rows.iter().map(|r| r["value"].clone()).collect();
    let lines = ranked("stage", &values);
    let unscoped = ranked("grade", &[Value::Null]).remove(0).unwrap();
    for (row, line) in rows.iter().zip(lines) {
        let value = &row["value"];
        let held = row["stage"].as_u64().is_some();
        // The npm options: a held stage narrows nothing; one not held is refused with its code.
        match sapan::options::rank_options(&json!({ "stage": value })) {
            Ok(o) => {
                assert!(held, "npm {value}");
                assert_eq!(o, sapan::engine::RankOptions::default(), "npm {value}");
            }
            Err(e) => {
                assert!(!held, "npm {value}: {e}");
                assert_eq!(Some(e.code()), row["code"].as_str(), "npm {value}");
                assert_eq!(e.location().unwrap().field.as_deref(), Some("stage"));
            }
        }
        // A rank line: the same ranking as without a stage, or an error at the stage.
        match (held, line) {
            (true, Ok(codes)) => assert_eq!(codes, unscoped, "rank {value}"),
            (false, Err(field)) => assert_eq!(field, "stage", "rank {value}"),
            (held, got) => panic!("rank {value}: held {held}, got {got:?}"),
        }
        // The CLI flag.
        let text = value
            .as_str()
            .map_or_else(|| value.to_string(), str::to_string);
        let (status, _) = aligned(&["--stage", &text]);
        assert_eq!(status, Some(if held { 0 } else { 2 }), "--stage {text}");
    }
}

#[test]
fn every_draft_area_spelling_is_read_alike_by_the_cli_rank_lines_and_the_npm_options() {
    let table = table();
    let rows = table["frameworkAreas"].as_array().unwrap();
    let values: Vec<Value> = rows.iter().map(|r| r["value"].clone()).collect();
    let lines = ranked("area", &values);
    for (row, line) in rows.iter().zip(lines) {
        let value = &row["value"];
        let want_draft = row["frameworkArea"].as_str();
        let want_area = row["area"].as_str();
        let refused = want_draft.is_none() && want_area.is_none();
        let npm = sapan::options::rank_options(&json!({ "area": value }));
        match &npm {
            Ok(o) => {
                assert_eq!(o.framework_area.map(|a| a.key()), want_draft, "npm {value}");
                assert_eq!(
                    o.area.map(|a| a.letter().to_string()).as_deref(),
                    want_area,
                    "npm {value}"
                );
            }
            Err(e) => {
                assert!(refused, "npm {value}: {e}");
                assert_eq!(e.location().unwrap().field.as_deref(), Some("area"));
            }
        }
        // A rank line ranks it with the engine's own reading of the same options.
        match (refused, line) {
            (false, Ok(codes)) => {
                let opts = sapan::engine::RankOptions {
                    top_k: 0,
                    evidence: false,
                    ..npm.unwrap()
                };
                let engine = sapan::engine::Engine::new();
                let want: Vec<String> = engine
                    .rank("การบวก การลบ การคูณ การหาร จำนวนนับ ทศนิยม เศษส่วน", &opts)
                    .into_iter()
                    .map(|m| m.code.to_string())
                    .collect();
                assert_eq!(codes, want, "rank {value}");
            }
            (true, Err(field)) => assert_eq!(field, "area", "rank {value}"),
            (refused, got) => panic!("rank {value}: refused {refused}, got {got:?}"),
        }
        let (status, _) = aligned(&["--area", value.as_str().unwrap()]);
        assert_eq!(status, Some(if refused { 2 } else { 0 }), "--area {value}");
    }
}
