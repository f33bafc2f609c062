//! `sapan eval`: the engine's metrics on a gold file, overall and per
//! learning area; and `sapan tune`, the record of how the default weights
//! were chosen on the dev set.

use sapan::code::IndicatorCode;
use sapan::curriculum::LearningArea;
use sapan::engine::{weighted_mean, Engine, RankOptions, Scope, Signal, Signals};
use sapan::eval::{
    composite_metrics, is_composite_file, metrics, read_composites, read_gold, Composite,
    CompositeMetrics, GoldText, Metrics,
};
use sapan::Error;
use sapan::Relation;

use super::{bad_argument, read_input, Options};

fn load(opts: &Options) -> Result<Vec<GoldText>, Error> {
    let path = opts.get("gold").ok_or_else(|| {
        bad_argument(
            "--gold FILE.jsonl is required".into(),
            "ต้องระบุ --gold FILE.jsonl".into(),
        )
    })?;
    read_gold(&read_input(path, "gold")?, path)
}

/// The full ranking of every gold text: all 582, or the text's grade only.
fn rankings(engine: &Engine, gold: &[GoldText], grade_filter: bool) -> Vec<Vec<IndicatorCode>> {
    gold.iter()
        .map(|g| {
            let opts = RankOptions {
                grade: if grade_filter { g.grade } else { None },
                grade_scope: Scope::Filter,
                top_k: 0,
                evidence: false,
                ..RankOptions::default()
            };
            engine
                .rank(&g.text, &opts)
                .into_iter()
                .map(|m| m.code)
                .collect()
        })
        .collect()
}

fn row(label: &str, m: &Metrics) -> String {
    format!(
        "{label:<10} {:>5} {:>6.3} {:>6.3} {:>6.3} {:>6.3} {:>6.3} {:>6.3}",
        m.texts, m.hit1, m.hit5, m.hit10, m.recall5, m.recall10, m.mrr
    )
}

pub fn eval(args: &[String]) -> Result<(), Error> {
    let opts = Options::parse_with_flags(args, &["gold"], &["grade-filter", "misses"])?;
    if let Some(path) = opts.get("gold") {
        let content = read_input(path, "gold")?;
        if is_composite_file(&content) {
            return eval_composites(&read_composites(&content, path)?, opts.flag("misses"));
        }
    }
    let gold = load(&opts)?;
    let engine = Engine::new();
    let grade_filter = opts.flag("grade-filter");
    let ranked = rankings(&engine, &gold, grade_filter);
    let setting = if grade_filter {
        "candidates restricted to the text's grade"
    } else {
        "all 582 indicators"
    };
    println!("sapan eval: {} texts, {setting}", gold.len());
    println!(
        "{:<10} {:>5} {:>6} {:>6} {:>6} {:>6} {:>6} {:>6}",
        "area", "texts", "Hit@1", "Hit@5", "Hit@10", "R@5", "R@10", "MRR"
    );
    for area in LearningArea::ALL {
        let cases: Vec<_> = gold
            .iter()
            .zip(&ranked)
            .filter(|(g, _)| g.area == Some(area))
            .map(|(g, r)| (r.as_slice(), g.gold.as_slice()))
            .collect();
        if !cases.is_empty() {
            let label = format!("{} {}", area.letter(), area.name_en());
            println!(
                "{}",
                row(&label.chars().take(10).collect::<String>(), &metrics(cases))
            );
        }
    }
    let all = metrics(
        gold.iter()
            .zip(&ranked)
            .map(|(g, r)| (r.as_slice(), g.gold.as_slice())),
    );
    println!("{}", row("overall", &all));
    if opts.flag("misses") {
        println!("\nmisses (first gold rank > 5):");
        for (g, r) in gold.iter().zip(&ranked) {
            let first = r.iter().position(|c| g.gold.contains(c));
            if first.is_none_or(|p| p >= 5) {
                let top: Vec<String> = r.iter().take(3).map(|c| c.to_string()).collect();
                let golds: Vec<String> = g.gold.iter().map(|c| c.to_string()).collect();
                println!(
                    "{} rank {} gold [{}] top [{}] {}",
                    g.id,
                    first.map_or("-".into(), |p| (p + 1).to_string()),
                    golds.join(", "),
                    top.join(", "),
                    g.text.chars().take(80).collect::<String>()
                );
            }
        }
    }
    Ok(())
}

/// Signals of every gold text against every indicator, computed once.
struct Cached {
    grade: Option<u8>,
    gold: Vec<usize>,
    signals: Vec<[f32; Signal::COUNT]>,
}

fn objective(
    engine: &Engine,
    weights: &[f32; Signal::COUNT],
    cases: &[&Cached],
) -> (f64, Metrics, Metrics) {
    let mut by_setting = [Vec::new(), Vec::new()];
    for c in cases {
        // The engine's own mean, without the priors: candidates are filtered here instead.
        let scores: Vec<f32> = c
            .signals
            .iter()
            .map(|v| weighted_mean(v, weights))
            .collect();
        for (s, restrict) in [false, true].into_iter().enumerate() {
            let mut order: Vec<usize> = (0..scores.len())
                .filter(|&i| !restrict || Some(engine.indicators()[i].grade) == c.grade)
                .collect();
            order.sort_by(|&a, &b| scores[b].total_cmp(&scores[a]).then(a.cmp(&b)));
            let ranked: Vec<IndicatorCode> =
                order.iter().map(|&i| engine.indicators()[i].code).collect();
            let gold: Vec<IndicatorCode> = c
                .gold
                .iter()
                .map(|&i| engine.indicators()[i].code)
                .collect();
            by_setting[s].push((ranked, gold));
        }
    }
    let m: Vec<Metrics> = by_setting
        .iter()
        .map(|cases| metrics(cases.iter().map(|(r, g)| (r.as_slice(), g.as_slice()))))
        .collect();
    let score = |m: &Metrics| m.mrr + 0.5 * m.hit5 + 0.25 * m.hit1 + 0.25 * m.recall5;
    (score(&m[0]) + score(&m[1]), m[0], m[1])
}

const GRID: [f32; 10] = [0.0, 0.02, 0.05, 0.1, 0.15, 0.2, 0.3, 0.4, 0.5, 0.7];

/// Coordinate ascent from several starting points (the given weights, equal
/// weights, and each signal alone); the best end point wins.
fn coordinate_ascent(
    engine: &Engine,
    start: [f32; Signal::COUNT],
    cases: &[&Cached],
) -> [f32; Signal::COUNT] {
    let mut starts = vec![start, [0.2; Signal::COUNT]];
    for s in Signal::ALL {
        let mut only = [0.0; Signal::COUNT];
        only[s] = 0.5;
        starts.push(only);
    }
    starts
        .into_iter()
        .map(|s| ascend(engine, s, cases))
        .max_by(|a, b| a.1.total_cmp(&b.1))
        .map_or(start, |(w, _)| w)
}

fn ascend(
    engine: &Engine,
    start: [f32; Signal::COUNT],
    cases: &[&Cached],
) -> ([f32; Signal::COUNT], f64) {
    let mut w = start;
    let mut best = objective(engine, &w, cases).0;
    for _ in 0..4 {
        let mut improved = false;
        for s in Signal::ALL {
            for &v in &GRID {
                let mut t = w;
                t[s] = v;
                let o = objective(engine, &t, cases).0;
                if o > best + 1e-9 {
                    best = o;
                    w = t;
                    improved = true;
                }
            }
        }
        if !improved {
            break;
        }
    }
    (w, best)
}

pub fn tune(args: &[String]) -> Result<(), Error> {
    let opts = Options::parse(args, &["gold", "why", "weights"])?;
    let gold = load(&opts)?;
    let engine = Engine::new();
    if let Some(id) = opts.get("why") {
        return why(&engine, &gold, id);
    }
    let index: std::collections::HashMap<IndicatorCode, usize> = engine
        .indicators()
        .iter()
        .enumerate()
        .map(|(i, ind)| (ind.code, i))
        .collect();
    let all = RankOptions {
        top_k: 0,
        evidence: false,
        ..RankOptions::default()
    };
    let cached: Vec<Cached> = gold
        .iter()
        .map(|g| Cached {
            grade: g.grade,
            gold: g
                .gold
                .iter()
                .filter_map(|c| index.get(c).copied())
                .collect(),
            signals: engine
                .candidate_signals(&g.text, &all)
                .into_iter()
                .map(|s| s.values)
                .collect(),
        })
        .collect();
    let refs: Vec<&Cached> = cached.iter().collect();
    let show = |label: &str, w: &[f32; Signal::COUNT], cases: &[&Cached]| {
        let (o, a, g) = objective(&engine, w, cases);
        println!(
            "{label:<22} obj {o:.3} | all: H1 {:.3} H5 {:.3} H10 {:.3} R5 {:.3} MRR {:.3} | grade: H1 {:.3} H5 {:.3} H10 {:.3} R5 {:.3} MRR {:.3}",
            a.hit1, a.hit5, a.hit10, a.recall5, a.mrr, g.hit1, g.hit5, g.hit10, g.recall5, g.mrr
        );
    };
    let current = engine.weights().signals;
    show("current weights", &current, &refs);
    if let Some(list) = opts.get("weights") {
        let mut w = [0.0; Signal::COUNT];
        for (s, v) in Signal::ALL.into_iter().zip(list.split(',')) {
            w[s] = v.trim().parse().unwrap_or(0.0);
        }
        show("given weights", &w, &refs);
        return Ok(());
    }
    for s in Signal::ALL {
        let mut only = [0.0; Signal::COUNT];
        only[s] = 1.0;
        show(&format!("only {}", s.name()), &only, &refs);
    }
    calibrate(&engine, &gold);
    let tuned = coordinate_ascent(&engine, current, &refs);
    show("tuned on all", &tuned, &refs);
    println!("tuned weights: {tuned:?}");
    // Five-fold cross-validation: tune on four fifths, measure on the fifth.
    let mut held_out = Vec::new();
    for fold in 0..5 {
        let train: Vec<&Cached> = cached
            .iter()
            .enumerate()
            .filter(|(i, _)| i % 5 != fold)
            .map(|(_, c)| c)
            .collect();
        let test: Vec<&Cached> = cached
            .iter()
            .enumerate()
            .filter(|(i, _)| i % 5 == fold)
            .map(|(_, c)| c)
            .collect();
        let w = coordinate_ascent(&engine, current, &train);
        held_out.extend(test.iter().map(|c| (*c, w)));
    }
    // Pool the held-out folds, each ranked with the weights tuned without it.
    let mut pooled = [Vec::new(), Vec::new()];
    for (c, w) in &held_out {
        let (_, a, g) = objective(&engine, w, &[c]);
        pooled[0].push(a);
        pooled[1].push(g);
    }
    for (label, ms) in ["5-fold held-out, all", "5-fold held-out, grade"]
        .iter()
        .zip(&pooled)
    {
        let n = ms.len() as f64;
        let avg = |f: fn(&Metrics) -> f64| ms.iter().map(f).sum::<f64>() / n;
        println!(
            "{label:<28} H1 {:.3} H5 {:.3} H10 {:.3} R5 {:.3} MRR {:.3}",
            avg(|m| m.hit1),
            avg(|m| m.hit5),
            avg(|m| m.hit10),
            avg(|m| m.recall5),
            avg(|m| m.mrr)
        );
    }
    Ok(())
}

/// The signals of the top candidates and of the gold codes for one gold text.
fn why(engine: &Engine, gold: &[GoldText], id: &str) -> Result<(), Error> {
    let Some(g) = gold.iter().find(|g| g.id == id) else {
        return Err(bad_argument(
            format!("no gold text {id}"),
            format!("ไม่มีข้อความ {id}"),
        ));
    };
    let opts = RankOptions {
        grade: g.grade,
        top_k: 0,
        evidence: false,
        ..RankOptions::default()
    };
    let mut sig = engine.candidate_signals(&g.text, &opts);
    let score = |s: &Signals| engine.combine(s, g.grade, None, &opts);
    sig.sort_by(|a, b| score(b).total_cmp(&score(a)));
    println!("{}\n{:?}", g.text, Signal::ALL.map(Signal::name));
    for (rank, s) in sig.iter().enumerate() {
        let ind = &engine.indicators()[s.indicator];
        if rank < 8 || g.gold.contains(&ind.code) {
            let v: Vec<String> = s.values.iter().map(|v| format!("{v:.2}")).collect();
            println!(
                "{:>3} {:.3} {} [{}] {}",
                rank + 1,
                score(s),
                ind.code,
                v.join(" "),
                ind.text.chars().take(50).collect::<String>()
            );
        }
    }
    Ok(())
}

/// The evidence for the relation thresholds: among the ten best matches of
/// every gold text (grade-restricted), how many at or above each score are
/// gold codes (precision), and how many of all gold codes score that high (recall).
fn calibrate(engine: &Engine, gold: &[GoldText]) {
    let mut pairs: Vec<(f32, bool)> = Vec::new();
    let mut gold_scores: Vec<f32> = Vec::new();
    for g in gold {
        let opts = RankOptions {
            grade: g.grade,
            top_k: 0,
            evidence: false,
            ..RankOptions::default()
        };
        let ranked = engine.rank(&g.text, &opts);
        for (k, m) in ranked.iter().enumerate() {
            let is_gold = g.gold.contains(&m.code);
            if k < 10 {
                pairs.push((m.score, is_gold));
            }
            if is_gold {
                gold_scores.push(m.score);
            }
        }
    }
    let total_gold: usize = gold.iter().map(|g| g.gold.len()).sum();
    println!("threshold  matches  precision  recall(gold codes)");
    for t in [
        0.10f32, 0.12, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.6,
    ] {
        let above: Vec<&(f32, bool)> = pairs.iter().filter(|p| p.0 >= t).collect();
        let hits = above.iter().filter(|p| p.1).count();
        let recall = gold_scores.iter().filter(|&&s| s >= t).count();
        println!(
            "{t:>9.2} {:>8} {:>10.3} {:>10.3}",
            above.len(),
            hits as f64 / above.len().max(1) as f64,
            recall as f64 / total_gold.max(1) as f64
        );
    }
}

/// `sapan eval` on a composites file (LO-shaped: several topics in one statement, no
/// grade): how many parts find one of their codes, with the draft area given and without.
fn eval_composites(composites: &[Composite], misses: bool) -> Result<(), Error> {
    let engine = Engine::new();
    let parts: usize = composites.iter().map(|c| c.parts.len()).sum();
    println!(
        "sapan eval: {} composites of {parts} parts (all 582 indicators, no grade)",
        composites.len()
    );
    println!(
        "{:<18} {:>6} {:>6} {:>9} {:>6} {:>6}",
        "setting", "P@10", "P@20", "P@10 a/p", "U@10", "U@20"
    );
    let mut worst: Vec<(usize, String)> = Vec::new();
    for with_area in [true, false] {
        let ranked: Vec<Vec<(IndicatorCode, Relation)>> = composites
            .iter()
            .map(|c| {
                let opts = RankOptions {
                    framework_area: if with_area { c.framework_area } else { None },
                    top_k: 20,
                    evidence: false,
                    ..RankOptions::default()
                };
                engine
                    .rank(&c.text, &opts)
                    .into_iter()
                    .map(|m| (m.code, m.relation))
                    .collect()
            })
            .collect();
        let m: CompositeMetrics =
            composite_metrics(ranked.iter().map(Vec::as_slice).zip(composites));
        let label = if with_area {
            "draft area given"
        } else {
            "no area"
        };
        println!(
            "{label:<18} {:>6.3} {:>6.3} {:>9.3} {:>6.3} {:>6.3}",
            m.part_hit10, m.part_hit20, m.part_labelled10, m.union_recall10, m.union_recall20
        );
        if with_area && misses {
            for (c, r) in composites.iter().zip(&ranked) {
                for p in &c.parts {
                    let first = r.iter().position(|(code, _)| p.gold.contains(code));
                    if first.is_none_or(|k| k >= 10) {
                        let golds: Vec<String> = p.gold.iter().map(|g| g.to_string()).collect();
                        worst.push((
                            first.map_or(99, |k| k + 1),
                            format!(
                                "{} part {} rank {} gold [{}] {}",
                                c.id,
                                p.id,
                                first.map_or("-".into(), |k| (k + 1).to_string()),
                                golds.join(", "),
                                p.text.chars().take(70).collect::<String>()
                            ),
                        ));
                    }
                }
            }
        }
    }
    if misses {
        worst.sort();
        worst.reverse();
        println!("\nparts without a code in the top 10 (area given), worst first:");
        for (_, line) in worst {
            println!("{line}");
        }
    }
    Ok(())
}
