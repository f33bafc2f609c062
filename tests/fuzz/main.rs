//! Property tests ("fuzzing") of every function that reads outside input: the normaliser,
//! the segmenter, the indicator-code parser and the learning-outcome readers.
//!
//! Each target is a generator (`gen`) and an invariant (`check`). Three ways to run them:
//!
//! - `cargo test --test fuzz`: every target for a bounded number of cases with a fixed seed
//!   (reproducible in CI) and every file of the regression corpus
//!   (`tests/fuzz/corpus/<target>/`).
//! - `scripts/fuzz [SECONDS_PER_TARGET]`, optimised: the ignored tests
//!   `megabyte_pathological_inputs_finish` (~1 MB inputs of hostile shapes, so that a
//!   quadratic path makes CI visibly hang; nothing is timed, they only have to finish) and
//!   `fuzz_for_a_time_budget` (each target until its budget is spent, with a random seed; a
//!   failure's minimised input is written to `target/fuzz-found/<target>/`: move it into the
//!   corpus with its fix).
//! - `cargo test --profile fuzz --test fuzz -- --ignored --nocapture time_per_byte`: prints each target's
//!   time per byte at 16 KB, 64 KB, 256 KB and 1 MB, so that growth can be read.

mod check;
mod gen;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use proptest::strategy::BoxedStrategy;
use proptest::test_runner::{Config, RngAlgorithm, TestCaseError, TestError, TestRng, TestRunner};

use check::Verdict;
use sapan::outcome::OutcomeFormat;

/// One fuzz target: a name (also its corpus folder), a generator and an invariant.
struct Target {
    name: &'static str,
    input: fn() -> BoxedStrategy<String>,
    check: fn(&str) -> Verdict,
    /// The function under test alone, for timing.
    bare: fn(&str),
}

const TARGETS: &[Target] = &[
    Target {
        name: "normalize_chars",
        input: gen::mixed_text,
        check: check::normalize_chars_target,
        bare: |s| drop(sapan::text::normalize::normalize_chars(s)),
    },
    Target {
        name: "normalize",
        input: gen::mixed_text,
        check: check::normalize_target,
        bare: |s| drop(sapan::text::normalize(s)),
    },
    Target {
        name: "repair",
        input: gen::mixed_text,
        check: check::repair_target,
        bare: |s| {
            drop(sapan::text::normalize::repair_pdf_breaks(s, &|w: &str| {
                w == "การ"
            }))
        },
    },
    Target {
        name: "segment",
        input: gen::mixed_text,
        check: check::segment_target,
        bare: |s| drop(sapan::text::segment(s)),
    },
    Target {
        name: "code_parse",
        input: gen::code_list_text,
        check: check::code_parse_target,
        bare: |s| drop(sapan::IndicatorCode::parse(s)),
    },
    Target {
        name: "code_list",
        input: gen::code_list_text,
        check: check::code_list_target,
        bare: |s| drop(sapan::code::parse_code_list(s)),
    },
    Target {
        name: "csv",
        input: csv_input,
        check: check::csv_target,
        bare: |s| drop(read(s, OutcomeFormat::Csv)),
    },
    Target {
        name: "tsv",
        input: tsv_input,
        check: check::tsv_target,
        bare: |s| drop(read(s, OutcomeFormat::Tsv)),
    },
    Target {
        name: "json",
        input: gen::json_document,
        check: check::json_target,
        bare: |s| drop(read(s, OutcomeFormat::Json)),
    },
    Target {
        name: "case",
        input: gen::case_document,
        check: check::case_target,
        bare: |s| drop(read(s, OutcomeFormat::Case)),
    },
    Target {
        name: "text",
        input: gen::pasted_list,
        check: check::text_target,
        bare: |s| drop(read(s, OutcomeFormat::Text)),
    },
    Target {
        name: "detect",
        input: gen::any_outcome_input,
        check: check::detect_target,
        bare: |s| drop(read(s, sapan::outcome::detect(None, s))),
    },
    Target {
        name: "json_value",
        input: gen::json_document,
        check: check::json_value_target,
        bare: |s| drop(serde_json::from_str(s).map(|v| sapan::outcome::read_json_value(&v, None))),
    },
];

fn read(s: &str, format: OutcomeFormat) -> sapan::outcome::Outcomes {
    sapan::outcome::read_outcomes(s, format, None)
}

fn csv_input() -> BoxedStrategy<String> {
    gen::sheet(',')
}

fn tsv_input() -> BoxedStrategy<String> {
    gen::sheet('\t')
}

fn target(name: &str) -> &'static Target {
    TARGETS.iter().find(|t| t.name == name).expect("a target")
}

/// Cases per target under `cargo test` (debug): enough to cover every generator branch many
/// times, few enough that the whole file stays well under a minute on a 2-core machine.
const CI_CASES: u32 = 512;

fn config(cases: u32) -> Config {
    Config {
        cases,
        failure_persistence: None,
        max_shrink_iters: 2048,
        ..Config::default()
    }
}

/// Runs `target` for `cases` cases; a failure comes back with its minimised input.
fn run(
    target: &Target,
    runner: &mut TestRunner,
    executions: &mut u64,
) -> Result<(), (String, String)> {
    let check = target.check;
    let count = std::cell::Cell::new(0u64);
    let result = runner.run(&(target.input)(), |input| {
        count.set(count.get() + 1);
        check(&input).map_err(TestCaseError::fail)
    });
    *executions += count.get();
    match result {
        Ok(()) => Ok(()),
        Err(TestError::Fail(reason, input)) => Err((reason.to_string(), input)),
        Err(TestError::Abort(reason)) => Err((reason.to_string(), String::new())),
    }
}

/// Runs a target with a fixed seed, as CI does.
fn fuzz_in_ci(name: &str) {
    let target = target(name);
    let rng = TestRng::from_seed(RngAlgorithm::ChaCha, &seed_bytes(0x5a9a_0006));
    let mut runner = TestRunner::new_with_rng(config(CI_CASES), rng);
    if let Err((reason, input)) = run(target, &mut runner, &mut 0) {
        panic!("{name}: {reason}\nminimal input: {input:?}");
    }
}

fn seed_bytes(seed: u64) -> [u8; 32] {
    let mut bytes = [0u8; 32];
    for (i, b) in bytes.iter_mut().enumerate() {
        *b = (seed >> ((i % 8) * 8)) as u8 ^ (i as u8);
    }
    bytes
}

#[test]
fn normalize_chars_is_idempotent_and_never_panics() {
    fuzz_in_ci("normalize_chars");
}

#[test]
fn normalize_is_idempotent_and_never_panics() {
    fuzz_in_ci("normalize");
}

#[test]
fn repair_over_any_word_list_never_panics_and_is_idempotent() {
    fuzz_in_ci("repair");
}

#[test]
fn segment_tokens_are_ordered_disjoint_and_slice_their_text() {
    fuzz_in_ci("segment");
}

#[test]
fn a_parsed_code_prints_to_itself_and_errors_point_into_the_input() {
    fuzz_in_ci("code_parse");
}

#[test]
fn a_parsed_code_list_prints_to_itself_and_errors_point_into_the_input() {
    fuzz_in_ci("code_list");
}

#[test]
fn csv_outcomes_come_from_the_input_and_problems_name_real_lines() {
    fuzz_in_ci("csv");
}

#[test]
fn tsv_outcomes_come_from_the_input_and_problems_name_real_lines() {
    fuzz_in_ci("tsv");
}

#[test]
fn json_outcomes_come_from_its_strings_and_problems_name_real_lines() {
    fuzz_in_ci("json");
}

#[test]
fn case_outcomes_come_from_its_strings_and_problems_name_real_lines() {
    fuzz_in_ci("case");
}

#[test]
fn pasted_text_outcomes_come_from_the_input_and_problems_name_real_lines() {
    fuzz_in_ci("text");
}

#[test]
fn every_detected_format_reads_any_input_keeping_the_invariants() {
    fuzz_in_ci("detect");
}

#[test]
fn json_value_outcomes_come_from_its_strings_and_given_lines() {
    fuzz_in_ci("json_value");
}

// ---------------------------------------------------------------------------------------------
// The regression corpus: every input that once broke a target, run through its invariant.

fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz/corpus")
}

/// A corpus file's input: `.txt` as UTF-8, `.bin` as bytes read lossily (as a browser's
/// `TextDecoder` would).
fn read_input(path: &Path) -> String {
    let bytes = std::fs::read(path).expect("a corpus file");
    match path.extension().and_then(|e| e.to_str()) {
        Some("bin") => String::from_utf8_lossy(&bytes).into_owned(),
        _ => String::from_utf8(bytes).expect("a .txt corpus file is UTF-8 (use .bin otherwise)"),
    }
}

#[test]
fn every_corpus_input_keeps_its_targets_invariants() {
    let mut failures = Vec::new();
    let mut count = 0;
    for entry in std::fs::read_dir(corpus_dir()).expect("tests/fuzz/corpus") {
        let dir = entry.unwrap().path();
        let name = dir.file_name().unwrap().to_str().unwrap().to_string();
        let target = TARGETS
            .iter()
            .find(|t| t.name == name)
            .unwrap_or_else(|| panic!("corpus folder {name} names no target"));
        let mut files: Vec<_> = std::fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        files.sort();
        for file in files {
            count += 1;
            let input = read_input(&file);
            let verdict = std::panic::catch_unwind(|| (target.check)(&input))
                .unwrap_or_else(|_| Err("panicked".into()));
            if let Err(e) = verdict {
                failures.push(format!("{}: {e}", file.display()));
            }
        }
    }
    assert!(count > 0, "the corpus is empty");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

// ---------------------------------------------------------------------------------------------
// Pathological shapes at ~1 MB. Not timed: a quadratic path makes these take hours, which CI
// shows as a hang. Each shape goes through every target that reads such input.

const MB: usize = 1 << 20;

fn repeat_to(unit: &str, size: usize) -> String {
    unit.repeat(size / unit.len().max(1) + 1)
}

/// The Thai of the first indicator, repeated without spaces: one long unknown-to-the-PDF line.
fn thai_unit() -> String {
    let text = &sapan::curriculum::Curriculum::embedded().indicators()[0].text;
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

fn shapes(size: usize) -> Vec<(&'static str, String)> {
    let thai = thai_unit();
    let fragment = &sapan::curriculum::Curriculum::embedded().indicators()[1].text;
    vec![
        ("one line of Thai without spaces", repeat_to(&thai, size)),
        (
            "short lines",
            repeat_to(
                &format!("{}\n", &thai[..thai.char_indices().nth(8).unwrap().0]),
                size,
            ),
        ),
        ("one repeated mark", repeat_to("\u{0E48}", size)),
        (
            "one repeated mark after a consonant",
            format!("ก{}", repeat_to("\u{0E34}", size)),
        ),
        ("spaces between marks", repeat_to("ก\u{0E31} ", size)),
        (
            "words and spaces on one line",
            repeat_to(&format!("{fragment} "), size),
        ),
        (
            "deeply nested arrays",
            format!("{}{}", "[".repeat(size / 2), "]".repeat(size / 2)),
        ),
        (
            "unterminated quote at the start",
            format!("\"{}", repeat_to("a,b\n", size)),
        ),
        (
            "quote pairs after a delimiter",
            format!(",{}", repeat_to("\"\"", size)),
        ),
        ("closed quotes followed by text", repeat_to("\"a\"b,", size)),
        (
            "one id on every row",
            format!("id,text\n{}", repeat_to(&format!("1,{fragment}\n"), size)),
        ),
        ("lone carriage returns", repeat_to("1. ก\r", size)),
        (
            "a JSON array of strings",
            format!("[{}\"x\"]", repeat_to(&format!("\"{fragment}\",\n"), size)),
        ),
        ("zero-width spaces", repeat_to("ก\u{200B}", size)),
        ("code list", repeat_to("ท 1.1 ป.4/1-3, ", size.min(MB / 4))),
    ]
}

/// Runs `input` through the functions under test that read its kind of input (the code
/// parser gets the code-list shape only; the others would refuse it at once), without the
/// invariant checks, which re-normalise every outcome and would only add time.
fn run_shape(name: &str, input: &str) {
    for target in TARGETS {
        if target.name.starts_with("code") != name.starts_with("code") {
            continue;
        }
        let started = Instant::now();
        (target.bare)(input);
        eprintln!(
            "{:>16} {name:<38} {:>8.2} s",
            target.name,
            started.elapsed().as_secs_f64()
        );
    }
}

/// Run by scripts/fuzz (so by scripts/test and CI) in the optimised `fuzz` profile, where all
/// shapes take ~20 s: a debug build takes minutes on the dictionary repair at every space.
#[test]
#[ignore = "run by scripts/fuzz, optimised"]
fn megabyte_pathological_inputs_finish() {
    for (name, input) in shapes(MB) {
        run_shape(name, &input);
    }
}

// ---------------------------------------------------------------------------------------------
// The runner behind scripts/fuzz.

/// Runs every target (or those in `FUZZ_TARGETS`, comma-separated) for `FUZZ_SECONDS`
/// seconds each, with a random seed (or `FUZZ_SEED`), and prints executions, seconds and
/// failures per target. A failure's minimised input goes to `target/fuzz-found/<target>/`.
#[test]
#[ignore = "run by scripts/fuzz"]
fn fuzz_for_a_time_budget() {
    let seconds: f64 = std::env::var("FUZZ_SECONDS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(10.0);
    let only: Option<Vec<String>> = std::env::var("FUZZ_TARGETS")
        .ok()
        .filter(|s| !s.is_empty())
        .map(|s| s.split(',').map(str::to_string).collect());
    let seed: u64 = std::env::var("FUZZ_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .unwrap()
                .as_nanos() as u64
        });
    println!("seed {seed} (FUZZ_SEED={seed} repeats this run)");
    println!(
        "{:<16} {:>12} {:>9} {:>9}",
        "target", "executions", "seconds", "failures"
    );
    let found_dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/fuzz-found");
    let mut total_failures = 0;
    for target in TARGETS {
        if only
            .as_ref()
            .is_some_and(|o| !o.iter().any(|n| n == target.name))
        {
            continue;
        }
        let budget = Duration::from_secs_f64(seconds);
        let started = Instant::now();
        let rng = TestRng::from_seed(RngAlgorithm::ChaCha, &seed_bytes(seed ^ hash(target.name)));
        let mut runner = TestRunner::new_with_rng(config(64), rng);
        let (mut executions, mut failures) = (0u64, 0u32);
        while started.elapsed() < budget {
            // A runner counts its successes across runs: each batch needs a new one, seeded
            // from the last.
            runner = TestRunner::new_with_rng(config(64), runner.new_rng());
            if let Err((reason, input)) = run(target, &mut runner, &mut executions) {
                failures += 1;
                let dir = found_dir.join(target.name);
                std::fs::create_dir_all(&dir).unwrap();
                let file = dir.join(format!("{:016x}.txt", hash(&input)));
                std::fs::write(&file, &input).unwrap();
                println!(
                    "{}: {reason}\n  minimal input {input:?}\n  saved to {}",
                    target.name,
                    file.display()
                );
                // Stop this target: the next runs would mostly find the same bug again.
                break;
            }
        }
        total_failures += failures;
        println!(
            "{:<16} {:>12} {:>9.1} {:>9}",
            target.name,
            executions,
            started.elapsed().as_secs_f64(),
            failures
        );
    }
    assert_eq!(
        total_failures,
        0,
        "failures found; minimised inputs are in {}",
        found_dir.display()
    );
}

fn hash(s: &str) -> u64 {
    // FNV-1a: stable across runs and platforms, for file names and per-target seeds.
    s.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ b as u64).wrapping_mul(0x100_0000_01b3)
    })
}

// ---------------------------------------------------------------------------------------------
// The benchmark: time per byte as input grows (printed, never asserted).

/// Prints, per target and shape, microseconds per KB at 16 KB, 64 KB, 256 KB and 1 MB: a
/// linear path gives a flat row, a quadratic one a row that quadruples with each step.
#[test]
#[ignore = "a benchmark: cargo test --profile fuzz --test fuzz -- --ignored --nocapture time_per_byte"]
fn time_per_byte() {
    let sizes = [16 << 10, 64 << 10, 256 << 10, MB];
    println!("µs per KB at {:?} bytes", sizes);
    let names: Vec<&str> = shapes(1024).into_iter().map(|(n, _)| n).collect();
    for shape in names {
        for target in TARGETS {
            if target.name.starts_with("code") != shape.starts_with("code") {
                continue;
            }
            let mut row = Vec::new();
            for &size in &sizes {
                let input = shapes(size)
                    .into_iter()
                    .find(|(n, _)| *n == shape)
                    .unwrap()
                    .1;
                let started = Instant::now();
                (target.bare)(&input);
                let us = started.elapsed().as_secs_f64() * 1e6;
                row.push(format!("{:>9.1}", us / (input.len() as f64 / 1024.0)));
            }
            println!("{:<16} {shape:<38} {}", target.name, row.join(" "));
        }
    }
}
