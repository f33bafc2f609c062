//! `sapan bench`: start-up cost, throughput, and agreement with PyThaiNLP's
//! newmm, printed as numbers; then what the engine costs: building it,
//! ranking one text, aligning many. A benchmark, not a test: nothing here
//! asserts anything about time, so a busy machine cannot make it fail.

use std::hint::black_box;
use std::time::{Duration, Instant};

use sapan::curriculum::Curriculum;
use sapan::engine::{Engine, RankOptions};
use sapan::outcome::Outcome;
use sapan::text::dict::Dictionary;
use sapan::text::normalize::normalize;
use sapan::text::segment::{span_agreement, Segmenter};

use sapan::{Error, ErrorKind};

/// The median of `runs` timings of `f`.
fn median(runs: usize, mut f: impl FnMut()) -> Duration {
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed()
        })
        .collect();
    times.sort();
    times[runs / 2]
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

/// Reads the newmm reference: lines of `{"text": …, "newmm": [tokens]}`.
fn read_reference(path: &str) -> Result<Vec<(String, Vec<String>)>, Error> {
    let data = std::fs::read_to_string(path).map_err(|e| {
        Error::new(
            ErrorKind::InvalidArgument,
            format!("cannot read the reference file {path}: {e} (run from the repository root, or pass --reference)"),
            format!("อ่านไฟล์อ้างอิง {path} ไม่ได้: {e} (ให้รันจากโฟลเดอร์หลักของโปรเจกต์ หรือระบุ --reference)"),
        )
    })?;
    data.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(n, l)| {
            let v: serde_json::Value = serde_json::from_str(l).ok().unwrap_or_default();
            let text = v["text"].as_str();
            let tokens = v["newmm"].as_array().map(|a| {
                a.iter()
                    .filter_map(|t| t.as_str())
                    .map(str::to_string)
                    .collect()
            });
            match (text, tokens) {
                (Some(t), Some(tokens)) => Ok((t.to_string(), tokens)),
                _ => Err(Error::new(
                    ErrorKind::InvalidArgument,
                    format!(
                        "{path} line {}: expected {{\"text\": …, \"newmm\": [tokens]}}",
                        n + 1
                    ),
                    format!(
                        "{path} บรรทัด {}: ต้องเป็น {{\"text\": …, \"newmm\": [tokens]}}",
                        n + 1
                    ),
                )),
            }
        })
        .collect()
}

/// Reads the `text` of every line of a JSON Lines file (the dev gold set).
fn read_texts(path: &str) -> Result<Vec<String>, Error> {
    let data = std::fs::read_to_string(path).map_err(|e| {
        Error::new(
            ErrorKind::InvalidArgument,
            format!("cannot read the texts file {path}: {e} (run from the repository root, or pass --texts)"),
            format!("อ่านไฟล์ข้อความ {path} ไม่ได้: {e} (ให้รันจากโฟลเดอร์หลักของโปรเจกต์ หรือระบุ --texts)"),
        )
    })?;
    let texts: Vec<String> = data
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter_map(|v| v["text"].as_str().map(str::to_string))
        .collect();
    if texts.is_empty() {
        return Err(Error::new(
            ErrorKind::InvalidArgument,
            format!("{path}: no lines with a \"text\" field"),
            format!("{path}: ไม่มีบรรทัดที่มี \"text\""),
        ));
    }
    Ok(texts)
}

/// `n` outcomes cycling through `texts`, ids `LO1`, `LO2`, …
fn outcomes(texts: &[String], n: usize) -> Vec<Outcome> {
    texts
        .iter()
        .cycle()
        .take(n)
        .enumerate()
        .map(|(i, t)| Outcome::new(format!("LO{}", i + 1), t.clone()))
        .collect()
}

/// What the engine costs. Runs first, so that its first build is a cold one:
/// the embedded dictionary and curriculum are built once per process (behind
/// a `OnceLock`), and only the first `Engine::new()` pays for them.
fn engine(texts: &[String], texts_path: &str) {
    println!("== engine ==");
    let start = Instant::now();
    let engine = black_box(Engine::new());
    let cold = start.elapsed();
    println!(
        "engine build, cold (first in this process: dictionary and curriculum included): {:.1} ms",
        ms(cold)
    );
    let warm = median(7, || {
        black_box(Engine::new());
    });
    println!("engine build, warm (median of 7): {:.1} ms", ms(warm));

    let chars: usize = texts.iter().map(|t| t.chars().count()).sum();
    println!(
        "\nquery texts: the {} dev texts of {texts_path} (field text, mean {} chars), cycled where more are needed",
        texts.len(),
        chars / texts.len()
    );
    let one = &texts[0];
    let with = RankOptions::default();
    let without = RankOptions {
        evidence: false,
        ..with
    };
    let start = Instant::now();
    black_box(engine.rank(one, &with));
    println!(
        "rank one text, first call (builds the fuzzy-match index on first use): {:.2} ms",
        ms(start.elapsed())
    );
    for (label, opts) in [("with evidence", &with), ("without evidence", &without)] {
        let t = median(101, || {
            black_box(engine.rank(one, opts));
        });
        let all = median(7, || {
            for text in texts {
                black_box(engine.rank(text, opts));
            }
        });
        println!(
            "rank one text ({} chars) against all 582, top 10, {label}: {:.3} ms (median of 101); mean over the {} dev texts: {:.3} ms",
            one.chars().count(),
            ms(t),
            texts.len(),
            ms(all) / texts.len() as f64
        );
    }

    let hundred = outcomes(texts, 100);
    let t = median(7, || {
        black_box(engine.align(&hundred, &with));
    });
    println!(
        "align 100 LOs against all 582 (top 10, with evidence, one thread): {:.1} ms (median of 7)",
        ms(t)
    );

    println!("\ncost growth: align N LOs (top 10, with evidence, one thread)");
    println!("{:>7} {:>10} {:>10} {:>5}", "LOs", "ms", "µs/LO", "runs");
    for (n, runs) in [(10, 15), (100, 7), (1_000, 3), (10_000, 1)] {
        let los = outcomes(texts, n);
        let t = median(runs, || {
            black_box(engine.align(&los, &with));
        });
        println!(
            "{n:>7} {:>10.1} {:>10.1} {runs:>5}",
            ms(t),
            t.as_secs_f64() * 1e6 / n as f64
        );
    }
    println!();
}

pub fn run(reference_path: &str, texts_path: &str) -> Result<(), Error> {
    let reference = read_reference(reference_path)?;
    let dev_texts = read_texts(texts_path)?;
    engine(&dev_texts, texts_path);
    let texts: Vec<&str> = reference.iter().map(|(t, _)| t.as_str()).collect();
    let chars: usize = texts.iter().map(|t| t.chars().count()).sum();

    println!("== start-up (median of 15) ==");
    let build = median(15, || {
        black_box(Dictionary::build_embedded());
    });
    let dict = Dictionary::build_embedded();
    println!(
        "dictionary build ({} words, normalised and sorted): {:.2} ms",
        dict.len(),
        ms(build)
    );
    let curriculum = median(15, || {
        black_box(
            Curriculum::from_jsonl(
                include_str!("../../data/curriculum/indicators_2551_p4-6.jsonl"),
                include_str!("../../data/curriculum/standards_2551.jsonl"),
                include_str!("../../data/curriculum/core_content_2551_p4-6.jsonl"),
            )
            .unwrap(),
        );
    });
    println!(
        "curriculum parse (582 indicators, 55 standards, 1,336 content items): {:.2} ms",
        ms(curriculum)
    );

    println!("\n== throughput on the 582 indicator texts ({chars} chars), repeated 20 times, median of 7 ==");
    let seg = Segmenter::new(&dict);
    let repeat = 20;
    let t = median(7, || {
        for _ in 0..repeat {
            for text in &texts {
                black_box(seg.segment(text));
            }
        }
    });
    let rate = (chars * repeat) as f64 / t.as_secs_f64();
    println!(
        "segment: {:.1} ms for {} chars = {:.2} M chars/s",
        ms(t),
        chars * repeat,
        rate / 1e6
    );
    let t = median(7, || {
        for _ in 0..repeat {
            for text in &texts {
                black_box(normalize(text));
            }
        }
    });
    let rate = (chars * repeat) as f64 / t.as_secs_f64();
    println!(
        "normalize: {:.1} ms for {} chars = {:.2} M chars/s",
        ms(t),
        chars * repeat,
        rate / 1e6
    );
    let long: String = texts.join(" ").repeat(10);
    let t = median(5, || {
        black_box(seg.segment(&long));
    });
    println!(
        "segment one long text ({} chars): {:.1} ms = {:.2} M chars/s",
        long.chars().count(),
        ms(t),
        long.chars().count() as f64 / t.as_secs_f64() / 1e6
    );

    println!("\n== agreement with PyThaiNLP newmm (token F1 over the 582 indicators) ==");
    let plain = Dictionary::from_words(include_str!("../../data/thai/words_th.txt").lines());
    for (name, d) in [
        ("word list only", &plain),
        ("word list + curriculum lexicon", &dict),
    ] {
        let s = Segmenter::new(d);
        let (mut a, mut o, mut r) = (0, 0, 0);
        let mut differ = 0;
        for (text, tokens) in &reference {
            let ours: Vec<String> = s.segment(text).into_iter().map(|t| t.text).collect();
            let (x, y, z) = span_agreement(text, &ours, tokens);
            differ += usize::from(x != y || x != z);
            a += x;
            o += y;
            r += z;
        }
        let (p, rc) = (a as f64 / o as f64, a as f64 / r as f64);
        println!(
            "{name}: precision {p:.4} recall {rc:.4} F1 {:.4} ({differ} of {} texts segmented differently)",
            2.0 * p * rc / (p + rc),
            reference.len()
        );
    }

    println!("\n== normalisation of the clean curriculum texts ==");
    let c = Curriculum::embedded();
    let mut changed = 0;
    for i in c.indicators() {
        let n = normalize(&i.text);
        if n != i.text {
            changed += 1;
            println!("changed {}: {:?} -> {:?}", i.code, i.text, n);
        }
    }
    println!(
        "{changed} of {} indicator texts changed by normalize",
        c.indicators().len()
    );
    Ok(())
}
