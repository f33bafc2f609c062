//! The real draft-framework LOs seen in public sources (data/framework/lo_seen.jsonl) as
//! fixtures: each of their content topics (tests/data/lo_seen_topics.json, Sapan's reading
//! of the indicators) surfaces an indicator of that topic in the top 10, labelled aligned
//! or partial, under the clause that holds the topic.

use sapan::engine::{ClauseKind, Engine, RankOptions, Relation};
use sapan::framework::read_framework_area;
use serde_json::Value;

fn lo_texts() -> Vec<Value> {
    include_str!("../data/framework/lo_seen.jsonl")
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).expect("lo_seen.jsonl line"))
        .collect()
}

fn topics() -> Value {
    serde_json::from_str(include_str!("data/lo_seen_topics.json")).expect("topics file")
}

struct Found {
    area: String,
    number: String,
    topic: String,
    /// Listed as not found yet, with why (the test reports it, does not require it).
    known_miss: bool,
    /// The best rank (1-based) among the topic's codes answered under its clause, and how.
    hit: Option<(usize, String, Relation)>,
}

fn find_topics() -> Vec<Found> {
    let engine = Engine::new();
    let los = lo_texts();
    let mut out = Vec::new();
    for o in topics()["outcomes"].as_array().unwrap() {
        let (area, number) = (o["area"].as_str().unwrap(), o["number"].as_str().unwrap());
        let lo = los
            .iter()
            .find(|l| l["area"] == area && l["number"] == number)
            .unwrap_or_else(|| panic!("no LO {area} {number} in lo_seen.jsonl"));
        let text = lo["text"].as_str().unwrap();
        let opts = RankOptions {
            framework_area: Some(read_framework_area(area).expect("a draft area")),
            top_k: 10,
            ..Default::default()
        };
        let (normalized, clauses) = engine.clauses(text);
        let matches = engine.rank(text, &opts);
        let known = o["known_misses"].as_array().cloned().unwrap_or_default();
        let listed = o["topics"].as_array().unwrap().iter().map(|t| (t, false));
        for (t, known_miss) in listed.chain(known.iter().map(|t| (t, true))) {
            let topic = t["topic"].as_str().unwrap();
            // The clause holding the topic (by its first character).
            let at = normalized
                .find(topic)
                .map(|b| normalized[..b].chars().count())
                .unwrap_or_else(|| panic!("{topic:?} is not in LO {area} {number}"));
            let clause = clauses
                .iter()
                .position(|c| c.span.start <= at && at < c.span.end)
                .expect("every character of the text is in a clause")
                as u32;
            let codes: Vec<&str> = t["codes"]
                .as_array()
                .unwrap()
                .iter()
                .map(|c| c.as_str().unwrap())
                .collect();
            let hit = matches.iter().enumerate().find_map(|(rank, m)| {
                let code = m.code.to_string();
                (codes.contains(&code.as_str())
                    && m.relation != Relation::None
                    && m.clauses.contains(&clause))
                .then(|| (rank + 1, code, m.relation))
            });
            out.push(Found {
                area: area.into(),
                number: number.into(),
                topic: topic.into(),
                known_miss,
                hit,
            });
        }
    }
    out
}

#[test]
fn every_content_topic_of_the_seen_los_surfaces_an_indicator_of_it_under_its_clause() {
    let found = find_topics();
    for f in &found {
        let tag = if f.known_miss { " (known miss)" } else { "" };
        eprintln!("{} {} «{}»{tag}: {:?}", f.area, f.number, f.topic, f.hit);
    }
    assert!(found.iter().filter(|f| !f.known_miss).count() >= 9);
    let missed: Vec<String> = found
        .iter()
        .filter(|f| !f.known_miss && f.hit.is_none())
        .map(|f| format!("{} {}: {}", f.area, f.number, f.topic))
        .collect();
    assert!(
        missed.is_empty(),
        "topics with no indicator of theirs: {missed:#?}"
    );
}

#[test]
fn the_teamwork_clause_of_science_lo_1_is_competency_language_and_answers_no_indicator() {
    let engine = Engine::new();
    let lo = &lo_texts()[0];
    let text = lo["text"].as_str().unwrap();
    let (_, clauses) = engine.clauses(text);
    let teamwork = clauses
        .iter()
        .position(|c| c.text.contains("ทำงานร่วมกัน"))
        .unwrap();
    assert_eq!(clauses[teamwork].kind, ClauseKind::Competency);
    assert!(clauses[teamwork].competencies.contains(&4));
    let opts = RankOptions {
        framework_area: read_framework_area(lo["area"].as_str().unwrap()),
        top_k: 20,
        ..Default::default()
    };
    for m in engine.rank(text, &opts) {
        assert!(
            !m.clauses.contains(&(teamwork as u32)),
            "{} is put under the teamwork clause",
            m.code
        );
    }
}

#[test]
fn the_readme_sample_is_science_lo_1_under_its_headers_aligned_clause_by_clause() {
    // data/samples/draft_lo_science_1.txt: the stage and area headers and science LO 1 as
    // lo_seen.jsonl holds it (the README's example).
    let read = sapan::outcome::read_text(
        include_str!("../data/samples/draft_lo_science_1.txt"),
        Some("draft_lo_science_1.txt"),
    );
    assert!(read.problems.is_empty(), "{:?}", read.problems);
    assert_eq!(read.outcomes.len(), 1);
    let o = &read.outcomes[0];
    assert_eq!(o.text, lo_texts()[0]["text"].as_str().unwrap());
    assert_eq!(o.stage, Some(2));
    assert_eq!(
        o.framework_area,
        read_framework_area("วิทยาศาสตร์และระบบธรรมชาติ")
    );
    let engine = Engine::new();
    let aligned = engine.align(read.outcomes.as_slice(), &RankOptions::default());
    let oa = &aligned.outcomes[0];
    assert_eq!(oa.clauses.len(), 4);
    // Every content clause answers at least one match labelled aligned or partial.
    for (i, c) in oa.clauses.iter().enumerate() {
        let answered = oa
            .matches
            .iter()
            .any(|m| m.relation != Relation::None && m.clauses.contains(&(i as u32)));
        assert_eq!(
            answered,
            c.kind == ClauseKind::Content,
            "clause {i}: {}",
            c.text
        );
    }
}
