//! The engine's behaviour on the real curriculum: self-retrieval, scores,
//! filters and priors, evidence spans, typos and PDF damage, alignment and
//! coverage, determinism.

use sapan::curriculum::{Curriculum, IndicatorFilter, LearningArea};
use sapan::engine::{Engine, EvidenceField, EvidenceKind, RankOptions, Relation, Scope};
use sapan::{IndicatorCode, Outcome};

fn engine() -> &'static Engine {
    static ENGINE: std::sync::OnceLock<Engine> = std::sync::OnceLock::new();
    ENGINE.get_or_init(Engine::new)
}

fn code(s: &str) -> IndicatorCode {
    IndicatorCode::parse(s).unwrap()
}

fn slice(text: &str, start: usize, end: usize) -> String {
    text.chars().skip(start).take(end - start).collect()
}

#[test]
fn every_indicator_finds_itself_among_the_first_three_of_its_grade() {
    let e = engine();
    let mut first = 0;
    for ind in Curriculum::embedded().indicators() {
        let opts = RankOptions {
            grade: Some(ind.grade),
            top_k: 3,
            evidence: false,
            ..RankOptions::default()
        };
        let ranked = e.rank(&ind.text, &opts);
        let pos = ranked.iter().position(|m| m.code == ind.code);
        assert!(
            pos.is_some(),
            "{} not in its own top 3: {:?}",
            ind.code,
            ranked
        );
        first += (pos == Some(0)) as usize;
    }
    // A few indicators repeat a sibling's wording almost word for word.
    assert!(first >= 570, "only {first} of 582 rank themselves first");
}

#[test]
fn scores_lie_in_the_unit_interval_best_first_and_relations_follow_scores() {
    let opts = RankOptions {
        top_k: 0,
        ..RankOptions::default()
    };
    let ranked = engine().rank("อธิบายการทำงานของระบบย่อยอาหาร", &opts);
    assert!(ranked.len() > 10);
    for pair in ranked.windows(2) {
        assert!(pair[0].score >= pair[1].score);
        assert!(pair[0].relation >= pair[1].relation);
    }
    for m in &ranked {
        assert!((0.0..=1.0).contains(&m.score), "{}", m.score);
        assert_eq!(m.relation, engine().relation(m.score));
    }
    assert_eq!(ranked[0].relation, Relation::Aligned);
}

#[test]
fn grade_and_area_filters_restrict_the_candidates() {
    let opts = RankOptions {
        grade: Some(5),
        area: Some(LearningArea::Mathematics),
        top_k: 0,
        evidence: false,
        ..RankOptions::default()
    };
    let ranked = engine().rank("แก้โจทย์ปัญหาเศษส่วนและทศนิยม", &opts);
    assert!(!ranked.is_empty());
    assert!(ranked
        .iter()
        .all(|m| m.code.grade() == 5 && m.code.area() == LearningArea::Mathematics));
}

#[test]
fn a_grade_prior_keeps_every_candidate_and_discounts_other_grades() {
    let text = "การบวก การลบ การคูณ การหารเศษส่วน";
    let open = RankOptions {
        top_k: 0,
        evidence: false,
        ..RankOptions::default()
    };
    let prior = RankOptions {
        grade: Some(6),
        grade_scope: Scope::Prior,
        ..open
    };
    let e = engine();
    let plain = e.rank(text, &open);
    let preferred = e.rank(text, &prior);
    assert_eq!(plain.len(), preferred.len(), "a prior removes no candidate");
    let w = e.weights();
    for m in &preferred {
        let before = plain.iter().find(|p| p.code == m.code).unwrap().score;
        let factor = match m.code.grade() {
            6 => 1.0,
            5 => w.adjacent_grade,
            _ => w.other_grade,
        };
        assert!(
            (m.score - before * factor).abs() < 2e-4,
            "{} {} {}",
            m.code,
            m.score,
            before
        );
    }
    let sixes = |ms: &[sapan::Match]| ms.iter().take(10).filter(|m| m.code.grade() == 6).count();
    assert!(sixes(&preferred) > sixes(&plain));
}

#[test]
fn evidence_spans_point_at_the_terms_in_both_texts() {
    let curriculum = Curriculum::embedded();
    let opts = RankOptions {
        grade: Some(6),
        top_k: 5,
        ..RankOptions::default()
    };
    let text = "สืบค้นหลักฐานทางประวัติศาสตร์ในท้องถิ่น แล้วนำเสนอเรื่องราวในอดีต";
    let ranked = engine().rank(text, &opts);
    let mut fields = Vec::new();
    for m in &ranked {
        assert!(!m.evidence.is_empty(), "{} has no evidence", m.code);
        for ev in &m.evidence {
            assert_eq!(slice(text, ev.query_span.start, ev.query_span.end), ev.term);
            let target = match ev.field {
                EvidenceField::Indicator => curriculum.indicator(&m.code).unwrap().text.clone(),
                _ => ev.context.clone().expect("context evidence names its text"),
            };
            assert_eq!(
                slice(&target, ev.target_span.start, ev.target_span.end),
                ev.matched,
                "{ev:?}"
            );
            assert!(ev.weight > 0.0 && ev.weight <= 1.0);
            fields.push(ev.field);
        }
    }
    assert!(fields.contains(&EvidenceField::Indicator));
    assert!(fields.iter().any(|f| *f != EvidenceField::Indicator));
}

#[test]
fn a_typo_is_matched_as_a_fuzzy_term() {
    // "ทศนิยน" for ทศนิยม: one letter wrong.
    let opts = RankOptions {
        grade: Some(5),
        top_k: 3,
        ..RankOptions::default()
    };
    let ranked = engine().rank("การบวกและการลบทศนิยน", &opts);
    let fuzzy = ranked[0]
        .evidence
        .iter()
        .find(|e| e.kind == EvidenceKind::Fuzzy)
        .expect("a fuzzy term");
    assert_eq!(
        (fuzzy.term.as_str(), fuzzy.matched.as_str()),
        ("ทศนิยน", "ทศนิยม")
    );
    assert_eq!(ranked[0].code.area(), LearningArea::Mathematics);
}

#[test]
fn text_damaged_by_pdf_copy_ranks_as_the_clean_text() {
    let opts = RankOptions {
        grade: Some(4),
        top_k: 5,
        evidence: false,
        ..RankOptions::default()
    };
    let clean = "หาผลคูณของจำนวนหลายหลักกับจำนวนหลายหลัก";
    let broken = "หาผลคณู ของจำนวนหลายหลักกบั จำนวนหลายหลัก";
    let a: Vec<_> = engine().rank(clean, &opts).iter().map(|m| m.code).collect();
    let b: Vec<_> = engine()
        .rank(broken, &opts)
        .iter()
        .map(|m| m.code)
        .collect();
    assert_eq!(a, b);
}

#[test]
fn alignment_and_coverage_agree_with_each_other() {
    let outcomes = vec![
        Outcome {
            grade: Some(5),
            ..Outcome::new("a", "อธิบายการทำงานของระบบย่อยอาหาร")
        },
        Outcome {
            grade: Some(4),
            area: Some(LearningArea::Thai),
            ..Outcome::new("b", "อ่านเรื่องสั้นแล้วสรุปใจความสำคัญ")
        },
        Outcome::new("c", "xyz"),
    ];
    let opts = RankOptions {
        top_k: 5,
        ..RankOptions::default()
    };
    let e = engine();
    let alignment = e.align(&outcomes, &opts);
    assert_eq!(alignment.outcomes.len(), 3);
    assert!(alignment.outcomes[0]
        .matches
        .iter()
        .all(|m| m.code.grade() == 5));
    assert!(alignment.outcomes[1]
        .matches
        .iter()
        .all(|m| m.code.grade() == 4 && m.code.area() == LearningArea::Thai));
    assert_eq!(alignment.indicators.len(), 582);
    // Every cover is one of the outcome's own matches, at partial or above.
    for ind in &alignment.indicators {
        for cover in &ind.covered_by {
            let o = alignment
                .outcomes
                .iter()
                .find(|o| o.outcome.id == cover.outcome)
                .unwrap();
            let m = o.matches.iter().find(|m| m.code == ind.code).unwrap();
            assert!(m.relation >= Relation::Partial && m.score == cover.score);
        }
    }
    let coverage = e.coverage(&alignment);
    let t = coverage.total;
    assert_eq!(t.indicators, 582);
    assert_eq!(t.aligned + t.partial + t.uncovered, 582);
    assert_eq!(coverage.uncovered.len(), t.uncovered);
    assert!(t.aligned >= 1);
    let rows: usize = coverage.rows.iter().map(|r| r.counts.indicators).sum();
    assert_eq!(rows, 582);
    assert_eq!(coverage.rows.len(), 24);
    assert_eq!(coverage.unmatched_outcomes, vec!["c".to_string()]);
}

#[test]
fn an_engine_over_a_subset_ranks_only_that_subset() {
    let subset: Vec<_> = Curriculum::embedded()
        .filter(IndicatorFilter {
            grade: Some(4),
            area: Some(LearningArea::Thai),
        })
        .cloned()
        .collect();
    let e = Engine::with_indicators(subset);
    assert_eq!(e.indicators().len(), 33);
    let ranked = e.rank(
        "อ่านออกเสียงคำควบกล้ำ",
        &RankOptions {
            top_k: 0,
            ..RankOptions::default()
        },
    );
    assert!(!ranked.is_empty());
    assert!(ranked
        .iter()
        .all(|m| m.code.grade() == 4 && m.code.area() == LearningArea::Thai));
    assert_eq!(ranked[0].code, code("ท 1.1 ป.4/1"));
}

#[test]
fn the_same_text_gives_the_same_matches_from_a_fresh_engine() {
    let opts = RankOptions::default();
    let text = "ใช้เศษส่วนและทศนิยมแก้โจทย์ปัญหาในชีวิตประจำวัน";
    assert_eq!(engine().rank(text, &opts), Engine::new().rank(text, &opts));
}

#[test]
fn empty_or_symbol_only_text_matches_nothing() {
    let opts = RankOptions::default();
    assert!(engine().rank("", &opts).is_empty());
    assert!(engine().rank("  ... !!! ", &opts).is_empty());
}

#[test]
fn the_embedded_curriculum_needs_no_repair_so_the_fast_build_ranks_as_the_full_one() {
    // Engine::new skips PDF repair for the embedded texts; with_curriculum does not.
    let c = Curriculum::embedded();
    for s in c.standards() {
        assert_eq!(sapan::text::normalize(&s.text), s.text, "{}", s.code);
    }
    let full = Engine::with_curriculum(c);
    let opts = RankOptions::default();
    for text in ["อธิบายการทำงานของระบบย่อยอาหาร", "ใช้เศษส่วนและทศนิยมแก้โจทย์ปัญหา"]
    {
        assert_eq!(engine().rank(text, &opts), full.rank(text, &opts));
    }
}
