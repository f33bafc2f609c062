//! What the npm package relies on in the core: alignments survive a trip
//! through JSON (a browser stores and hands them back), decisions edited into
//! the matches drive coverage, and outcomes handed over as data are read with
//! located problems.

use sapan::outcome::read_json_value;
use sapan::{Alignment, Engine, IndicatorCode, Outcome, RankOptions, Relation};
use serde_json::json;

fn aligned() -> (Engine, Alignment) {
    let engine = Engine::new();
    let outcomes = vec![
        Outcome {
            grade: Some(4),
            ..Outcome::new("a", "อ่านออกเสียงบทร้อยแก้วและบทร้อยกรองได้ถูกต้อง")
        },
        Outcome {
            grade: Some(5),
            ..Outcome::new("b", "บอกความหมายของเศษส่วนและทศนิยม")
        },
    ];
    // Candidates are ป.4; the second outcome is ป.5 by its own grade.
    let opts = RankOptions {
        grade: Some(4),
        ..RankOptions::default()
    };
    let alignment = engine.align(&outcomes, &opts);
    (engine, alignment)
}

#[test]
fn an_alignment_round_trips_through_json_unchanged() {
    let (_, alignment) = aligned();
    let text = serde_json::to_string(&alignment).unwrap();
    let back: Alignment = serde_json::from_str(&text).unwrap();
    assert_eq!(back, alignment);
    // Scores travel in their short decimal form, not as widened f32 noise.
    let first = &alignment.outcomes[0].matches[0];
    assert!(
        text.contains(&format!("\"score\":{}", first.score)),
        "{text:.300}"
    );
}

#[test]
fn matches_carry_the_indicator_text() {
    let (engine, alignment) = aligned();
    for m in alignment.outcomes.iter().flat_map(|o| &o.matches) {
        let indicator = engine
            .indicators()
            .iter()
            .find(|i| i.code == m.code)
            .unwrap();
        assert_eq!(m.text, indicator.text);
    }
}

#[test]
fn recounting_follows_rejected_and_added_matches() {
    let (engine, mut alignment) = aligned();
    // Unedited: what the ป.5 outcome covers is listed, though candidates were ป.4.
    for m in &alignment.outcomes[1].matches {
        if m.relation >= Relation::Partial {
            assert!(
                alignment.indicators.iter().any(|i| i.code == m.code),
                "{}",
                m.code
            );
        }
    }
    let before = engine.coverage(&alignment);
    let rejected = alignment.outcomes[0].matches.remove(0);
    assert!(rejected.relation >= Relation::Partial);
    let added: IndicatorCode = "ศ 1.1 ป.6/1".parse().unwrap();
    let mut extra = alignment.outcomes[1].matches[0].clone();
    extra.code = added;
    extra.relation = Relation::Aligned;
    alignment.outcomes[1].matches.push(extra);

    alignment.recount_covers();
    let covering = |code: IndicatorCode| {
        alignment
            .indicators
            .iter()
            .find(|i| i.code == code)
            .map(|i| {
                i.covered_by
                    .iter()
                    .map(|c| c.outcome.clone())
                    .collect::<Vec<_>>()
            })
    };
    assert!(!covering(rejected.code).unwrap().contains(&"a".to_string()));
    assert_eq!(covering(added).unwrap(), ["b"]);
    // Every indicator listed before is still listed, in curriculum order.
    let codes: Vec<_> = alignment.indicators.iter().map(|i| i.code).collect();
    assert!(codes.windows(2).all(|w| w[0] < w[1]));
    assert_eq!(codes.len(), before.total.indicators + 1);
    let after = engine.coverage(&alignment);
    assert_eq!(after.total.indicators, before.total.indicators + 1);
}

#[test]
fn outcomes_given_as_data_are_read_with_problems_named_by_element() {
    let read = read_json_value(
        &json!([{"id": "x", "text": "ข้อความ", "grade": "ป.5", "area": "ค"}, "ข้อความสอง", {"id": "x", "text": "ซ้ำ"}, {"grade": 7}]),
        Some("outcomes"),
    );
    let ids: Vec<_> = read.outcomes.iter().map(|o| o.id.as_str()).collect();
    assert_eq!(ids, ["x", "2", "x-2"]);
    assert_eq!(read.outcomes[0].grade, Some(5));
    assert!(read.outcomes.iter().all(|o| o.line.is_none()));
    let fields: Vec<_> = read
        .problems
        .iter()
        .map(|p| {
            (
                p.code(),
                p.location().and_then(|l| l.field.clone()),
                p.location().and_then(|l| l.line),
            )
        })
        .collect();
    assert!(
        fields.contains(&("duplicate_id", Some("[2].id".into()), None)),
        "{fields:?}"
    );
    assert!(
        fields
            .iter()
            .any(|(c, f, _)| *c == "invalid_field" && f.as_deref() == Some("[3].grade")),
        "{fields:?}"
    );
    assert!(
        fields.iter().any(|(c, _, _)| *c == "missing_field"),
        "{fields:?}"
    );
    // An outcome handed back with the line a file reader gave it keeps that line.
    let back = read_json_value(
        &json!({"outcomes": [{"id": "a", "text": "อ่าน", "line": 7}]}),
        None,
    );
    assert_eq!(back.outcomes[0].line, Some(7));
    let shape = read_json_value(&json!(42), None);
    assert_eq!(shape.problems[0].code(), "parse_json");
    assert_eq!(shape.problems[0].location().unwrap().line, None);
}
