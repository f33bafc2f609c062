//! The report writers, on alignments built by hand from real indicator codes.
//!
//! Outcome texts here are made-up examples (each starts with "ตัวอย่าง"), not
//! any school's or the ministry's wording.

use std::collections::BTreeSet;

use sapan::report::{self, write_case, write_csv, write_json, write_markdown, CaseOptions};
use sapan::{
    Alignment, Coverage, CoverageCounts, CoverageRow, Curriculum, Evidence, EvidenceField,
    EvidenceKind, IndicatorCode, IndicatorFilter, LearningArea, Match, Outcome, OutcomeAlignment,
    Relation, ReportFormat, Review, Span,
};
use serde_json::Value;

fn code(s: &str) -> IndicatorCode {
    IndicatorCode::parse(s).unwrap()
}

fn evidence(term: &str, matched: &str, kind: EvidenceKind, field: EvidenceField) -> Evidence {
    Evidence {
        term: term.into(),
        matched: matched.into(),
        kind,
        field,
        query_span: Span {
            start: 0,
            end: term.chars().count(),
        },
        target_span: Span {
            start: 0,
            end: matched.chars().count(),
        },
        context: None,
        weight: 0.5,
    }
}

fn matched(c: &str, score: f32, relation: Relation, evidence: Vec<Evidence>) -> Match {
    let code = code(c);
    Match {
        code,
        score,
        relation,
        text: Curriculum::embedded()
            .indicator(&code)
            .map(|i| i.text.clone())
            .unwrap_or_default(),
        evidence,
        clauses: vec![0],
        review: None,
    }
}

fn outcome(id: &str, text: &str, grade: Option<u8>, area: Option<LearningArea>) -> Outcome {
    Outcome {
        grade,
        area,
        ..Outcome::new(id, text)
    }
}

/// Four example outcomes: one with an aligned, a partial and a `none` match;
/// one that looks like a spreadsheet formula and matched nothing; one with a
/// `|` in its text; one whose id repeats the first's.
fn alignment() -> Alignment {
    let outcomes = vec![
        OutcomeAlignment {
            outcome: outcome(
                "LO1",
                "ตัวอย่าง: บวก, ลบ ทศนิยม และแก้\"โจทย์ปัญหา\"\nสองขั้นตอน",
                Some(4),
                Some(LearningArea::Mathematics),
            ),
            normalized: "ตัวอย่าง: บวก, ลบ ทศนิยม".into(),
            clauses: Vec::new(),
            matches: vec![
                matched(
                    "ค 1.1 ป.4/15",
                    0.8125,
                    Relation::Aligned,
                    vec![
                        evidence(
                            "ทศนิยม",
                            "ทศนิยม",
                            EvidenceKind::Exact,
                            EvidenceField::Indicator,
                        ),
                        evidence(
                            "บวก",
                            "การบวก",
                            EvidenceKind::Fuzzy,
                            EvidenceField::Indicator,
                        ),
                    ],
                ),
                matched(
                    "ค 1.1 ป.4/16",
                    0.45,
                    Relation::Partial,
                    vec![evidence(
                        "โจทย์ปัญหา",
                        "โจทย์ปัญหา",
                        EvidenceKind::Exact,
                        EvidenceField::CoreContent,
                    )],
                ),
                matched("ค 1.1 ป.4/5", 0.1, Relation::None, vec![]),
            ],
        },
        OutcomeAlignment {
            outcome: outcome(
                "LO2",
                "=HYPERLINK(\"http://example.invalid\",\"ตัวอย่าง\")",
                None,
                None,
            ),
            normalized: String::new(),
            clauses: Vec::new(),
            matches: vec![],
        },
        OutcomeAlignment {
            outcome: outcome(
                "LO3",
                "ตัวอย่าง | อ่านออกเสียงบทร้อยกรอง",
                Some(4),
                Some(LearningArea::Thai),
            ),
            normalized: "ตัวอย่าง | อ่านออกเสียงบทร้อยกรอง".into(),
            clauses: Vec::new(),
            matches: vec![matched(
                "ท 1.1 ป.4/1",
                0.5,
                Relation::Partial,
                vec![evidence(
                    "อ่านออกเสียง",
                    "อ่านออกเสียง",
                    EvidenceKind::Exact,
                    EvidenceField::Indicator,
                )],
            )],
        },
        OutcomeAlignment {
            outcome: outcome("LO1", "ตัวอย่าง: รหัสซ้ำกับข้อแรก", None, None),
            normalized: String::new(),
            clauses: Vec::new(),
            matches: vec![matched("ค 1.1 ป.4/15", 0.7, Relation::Aligned, vec![])],
        },
    ];
    let indicators = vec![]; // the writers under test read the outcome direction
    Alignment {
        outcomes,
        indicators,
    }
}

/// Coverage of ป.4 ท and ค, summed from the curriculum and the alignment the
/// way the engine defines it.
fn coverage(a: &Alignment) -> Coverage {
    let curriculum = Curriculum::embedded();
    let best = |c: &IndicatorCode| {
        a.outcomes
            .iter()
            .flat_map(|oa| &oa.matches)
            .filter(|m| m.code == *c)
            .map(|m| m.relation)
            .max()
            .unwrap_or(Relation::None)
    };
    let mut rows = Vec::new();
    let mut uncovered = Vec::new();
    for area in [LearningArea::Thai, LearningArea::Mathematics] {
        let mut counts = CoverageCounts::default();
        for i in curriculum.filter(IndicatorFilter {
            grade: Some(4),
            area: Some(area),
        }) {
            counts.indicators += 1;
            match best(&i.code) {
                Relation::Aligned => counts.aligned += 1,
                Relation::Partial => counts.partial += 1,
                Relation::None => {
                    counts.uncovered += 1;
                    uncovered.push(i.code);
                }
            }
        }
        rows.push(CoverageRow {
            area,
            grade: 4,
            counts,
        });
    }
    let total = rows.iter().fold(CoverageCounts::default(), |mut t, r| {
        t.indicators += r.counts.indicators;
        t.aligned += r.counts.aligned;
        t.partial += r.counts.partial;
        t.uncovered += r.counts.uncovered;
        t
    });
    Coverage {
        rows,
        total,
        uncovered,
        unmatched_outcomes: vec!["LO2".into()],
    }
}

/// An RFC 4180 reader, to check the writer against the rules rather than
/// against its own string building.
fn read_csv(text: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') => quoted = true,
            (false, ',') => row.push(std::mem::take(&mut field)),
            (false, '\r') => assert_eq!(chars.next(), Some('\n'), "a bare CR ends no row"),
            (false, '\n') => panic!("rows must end with CRLF"),
            (false, c) => field.push(c),
        }
        if !quoted && c == '\r' {
            row.push(std::mem::take(&mut field));
            rows.push(std::mem::take(&mut row));
        }
    }
    assert!(
        field.is_empty() && row.is_empty(),
        "the last row ends with CRLF"
    );
    rows
}

fn csv_rows() -> Vec<Vec<String>> {
    let text = write_csv(&alignment(), Curriculum::embedded());
    read_csv(text.strip_prefix('\u{FEFF}').unwrap())
}

#[test]
fn csv_starts_with_a_byte_order_mark_so_excel_reads_thai() {
    let text = write_csv(&alignment(), Curriculum::embedded());
    assert!(text.as_bytes().starts_with(&[0xEF, 0xBB, 0xBF]));
}

#[test]
fn csv_header_names_the_columns() {
    assert_eq!(
        csv_rows()[0],
        [
            "outcome_id",
            "outcome_text",
            "grade",
            "area",
            "rank",
            "indicator_code",
            "indicator_text",
            "score",
            "relation",
            "relation_th",
            "evidence",
            "review",
            "review_th",
            "clause"
        ]
    );
}

#[test]
fn csv_quotes_commas_quotes_and_line_breaks_and_reads_back_intact() {
    let rows = csv_rows();
    assert_eq!(rows[1][1], alignment().outcomes[0].outcome.text);
    let text = write_csv(&alignment(), Curriculum::embedded());
    assert!(text.contains("\"ตัวอย่าง: บวก, ลบ ทศนิยม และแก้\"\"โจทย์ปัญหา\"\"\nสองขั้นตอน\""));
}

#[test]
fn csv_has_one_row_per_outcome_and_match_with_indicator_text_and_three_decimals() {
    let rows = csv_rows();
    // Header, LO1 × 3, LO2 × 1 (no match), LO3 × 1, repeated LO1 × 1.
    assert_eq!(rows.len(), 7);
    assert!(rows.iter().all(|r| r.len() == 14));
    let first = &rows[1];
    let text = &Curriculum::embedded()
        .indicator(&code("ค 1.1 ป.4/15"))
        .unwrap()
        .text;
    assert_eq!(
        first[..8],
        [
            "LO1",
            first[1].as_str(),
            "4",
            "ค",
            "1",
            "ค 1.1 ป.4/15",
            text,
            "0.812"
        ]
    );
    assert_eq!(
        first[8..],
        [
            "aligned",
            "สอดคล้อง",
            "ทศนิยม; บวก~การบวก (fuzzy)",
            "",
            "",
            ""
        ]
    );
    assert_eq!(rows[2][8..10], ["partial", "สอดคล้องบางส่วน"]);
    assert_eq!(rows[2][10], "โจทย์ปัญหา (core content)");
    assert_eq!(rows[3][7..10], ["0.100", "none", "ไม่สอดคล้อง"]);
}

#[test]
fn csv_keeps_an_outcome_without_matches_as_one_row_with_empty_indicator_columns() {
    let rows = csv_rows();
    let lo2: Vec<_> = rows.iter().filter(|r| r[0] == "LO2").collect();
    assert_eq!(lo2.len(), 1);
    assert!(lo2[0][2..].iter().all(String::is_empty), "{:?}", lo2[0]);
}

#[test]
fn csv_defuses_formulas_typed_by_users() {
    let rows = csv_rows();
    let lo2 = rows.iter().find(|r| r[0] == "LO2").unwrap();
    assert!(lo2[1].starts_with("'=HYPERLINK("), "{}", lo2[1]);
    for c in ["+", "-", "@"] {
        let mut a = alignment();
        a.outcomes[1].outcome.text = format!("{c}ตัวอย่าง");
        let text = write_csv(&a, Curriculum::embedded());
        assert!(text.contains(&format!(",'{c}ตัวอย่าง,")), "{c}");
    }
}

#[test]
fn json_round_trips_through_serde_json_and_is_deterministic() {
    let a = alignment();
    let c = coverage(&a);
    let text = write_json(&a, &c);
    assert_eq!(text, write_json(&a, &c));
    let v: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(v["sapan"], sapan::VERSION);
    assert_eq!(v["outcomes"].as_array().unwrap().len(), 4);
    assert_eq!(v["outcomes"][0]["matches"][0]["code"], "ค 1.1 ป.4/15");
    assert_eq!(
        v["outcomes"][0]["matches"][0]["evidence"][1]["kind"],
        "fuzzy"
    );
    assert_eq!(v["coverage"]["unmatchedOutcomes"][0], "LO2");
    assert_eq!(v["coverage"]["total"]["indicators"], c.total.indicators);
    let keys: Vec<_> = v.as_object().unwrap().keys().cloned().collect();
    assert_eq!(keys, ["coverage", "indicators", "outcomes", "sapan"]);
    // f32 scores are written in their shortest form, not widened to f64 digits.
    assert!(text.contains("\"score\": 0.45,"));
    let outcomes: Value =
        serde_json::from_str(&serde_json::to_string(&a.outcomes).unwrap()).unwrap();
    assert_eq!(outcomes, v["outcomes"]);
}

fn case_package(options: &CaseOptions) -> Value {
    serde_json::from_str(&write_case(&alignment(), Curriculum::embedded(), options)).unwrap()
}

fn alignments(pkg: &Value) -> Vec<&Value> {
    pkg["CFAssociations"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|a| a["associationType"] != "isChildOf")
        .collect()
}

#[test]
fn case_maps_aligned_to_exact_match_and_partial_to_is_related_to() {
    let pkg = case_package(&CaseOptions::default());
    let found: Vec<(String, String)> = alignments(&pkg)
        .iter()
        .map(|a| {
            (
                a["destinationNodeURI"]["title"]
                    .as_str()
                    .unwrap()
                    .to_string(),
                a["associationType"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    let expect = [
        ("ค 1.1 ป.4/15", "exactMatchOf"),
        ("ค 1.1 ป.4/16", "isRelatedTo"),
        ("ท 1.1 ป.4/1", "isRelatedTo"),
        ("ค 1.1 ป.4/15", "exactMatchOf"),
    ];
    assert_eq!(found, expect.map(|(a, b)| (a.to_string(), b.to_string())));
    let first = alignments(&pkg)[0];
    assert_eq!(first["sequenceNumber"], 1);
    assert_eq!(first["originNodeURI"]["title"], "LO1");
    assert!(first["notes"].as_str().unwrap().starts_with("score 0.812"));
}

#[test]
fn case_writes_no_association_for_relation_none() {
    let pkg = case_package(&CaseOptions::default());
    assert!(alignments(&pkg)
        .iter()
        .all(|a| a["destinationNodeURI"]["title"] != "ค 1.1 ป.4/5"));
}

#[test]
fn case_has_one_item_per_outcome_under_the_document() {
    let pkg = case_package(&CaseOptions::default());
    let items = pkg["CFItems"].as_array().unwrap();
    assert_eq!(items.len(), alignment().outcomes.len());
    assert_eq!(items[0]["humanCodingScheme"], "LO1");
    assert_eq!(
        items[0]["fullStatement"],
        alignment().outcomes[0].outcome.text
    );
    assert_eq!(items[0]["educationLevel"], serde_json::json!(["04"]));
    assert!(items[1].get("educationLevel").is_none());
    let doc_id = &pkg["CFDocument"]["identifier"];
    let children: Vec<_> = pkg["CFAssociations"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|a| a["associationType"] == "isChildOf")
        .collect();
    assert_eq!(children.len(), items.len());
    assert!(children
        .iter()
        .all(|a| &a["destinationNodeURI"]["identifier"] == doc_id));
    assert_eq!(pkg["CFDocument"]["caseVersion"], "1.1");
}

fn identifiers(pkg: &Value) -> Vec<String> {
    let mut ids = vec![pkg["CFDocument"]["identifier"]
        .as_str()
        .unwrap()
        .to_string()];
    for list in ["CFItems", "CFAssociations"] {
        for x in pkg[list].as_array().unwrap() {
            ids.push(x["identifier"].as_str().unwrap().to_string());
        }
    }
    ids
}

#[test]
fn case_identifiers_are_stable_across_runs_and_distinct_per_record() {
    let a = write_case(
        &alignment(),
        Curriculum::embedded(),
        &CaseOptions::default(),
    );
    let b = write_case(
        &alignment(),
        Curriculum::embedded(),
        &CaseOptions::default(),
    );
    assert_eq!(a, b);
    let ids = identifiers(&serde_json::from_str(&a).unwrap());
    let distinct: BTreeSet<_> = ids.iter().collect();
    assert_eq!(distinct.len(), ids.len(), "{ids:?}");
}

#[test]
fn case_identifiers_are_version_5_uuids_and_uris_are_their_urns() {
    let pkg = case_package(&CaseOptions::default());
    for id in identifiers(&pkg) {
        let b = id.as_bytes();
        assert_eq!(b.len(), 36, "{id}");
        for (i, c) in id.chars().enumerate() {
            if matches!(i, 8 | 13 | 18 | 23) {
                assert_eq!(c, '-', "{id}");
            } else {
                assert!(c.is_ascii_hexdigit() && !c.is_ascii_uppercase(), "{id}");
            }
        }
        assert_eq!(b[14], b'5', "{id}");
        assert!(matches!(b[19], b'8' | b'9' | b'a' | b'b'), "{id}");
    }
    let item = &pkg["CFItems"][0];
    assert_eq!(
        item["uri"],
        format!("urn:uuid:{}", item["identifier"].as_str().unwrap())
    );
}

#[test]
fn case_indicator_identifier_depends_on_the_code_alone() {
    let one = case_package(&CaseOptions::default());
    let other = case_package(&CaseOptions {
        title: "ตัวอย่าง โรงเรียนสมมุติ".into(),
        creator: "ตัวอย่าง".into(),
        ..CaseOptions::default()
    });
    let dest = |p: &Value| alignments(p)[0]["destinationNodeURI"]["identifier"].clone();
    assert_eq!(dest(&one), dest(&other));
    // The same indicator under two outcomes is one node.
    assert_eq!(
        dest(&one),
        alignments(&one)[3]["destinationNodeURI"]["identifier"]
    );
    assert_ne!(
        one["CFDocument"]["identifier"],
        other["CFDocument"]["identifier"]
    );
}

#[test]
fn case_writes_the_given_date_time_on_every_record() {
    let when = "2025-05-16T09:30:00Z";
    let options = CaseOptions {
        date_time: when.into(),
        ..CaseOptions::default()
    };
    assert!(options.check().is_ok());
    let pkg = case_package(&options);
    assert_eq!(pkg["CFDocument"]["lastChangeDateTime"], when);
    for list in ["CFItems", "CFAssociations"] {
        assert!(pkg[list]
            .as_array()
            .unwrap()
            .iter()
            .all(|x| x["lastChangeDateTime"] == when));
    }
    let default = case_package(&CaseOptions::default());
    assert_eq!(
        default["CFDocument"]["lastChangeDateTime"],
        CaseOptions::DEFAULT_DATE_TIME
    );
}

fn markdown() -> String {
    let a = alignment();
    write_markdown(&a, &coverage(&a), Curriculum::embedded())
}

/// The cells of a table row, split on unescaped `|`.
fn cells(line: &str) -> Vec<String> {
    let mut cells = vec![String::new()];
    let mut escaped = false;
    for c in line.trim().trim_matches('|').chars() {
        match (escaped, c) {
            (false, '\\') => escaped = true,
            (false, '|') => cells.push(String::new()),
            (_, c) => {
                escaped = false;
                cells.last_mut().unwrap().push(c);
            }
        }
    }
    cells
        .into_iter()
        .map(|c| c.trim().trim_matches('*').to_string())
        .collect()
}

#[test]
fn markdown_coverage_total_row_equals_the_sum_of_the_rows() {
    let md = markdown();
    let table: Vec<&str> = md
        .lines()
        .skip_while(|l| !l.starts_with("| กลุ่มสาระ"))
        .take_while(|l| l.starts_with('|'))
        .collect();
    let rows: Vec<Vec<String>> = table[2..].iter().map(|l| cells(l)).collect();
    let (body, total) = rows.split_at(rows.len() - 1);
    assert_eq!(body.len(), 2);
    assert_eq!(total[0][0], "รวม / Total");
    for col in 2..6 {
        let sum: usize = body.iter().map(|r| r[col].parse::<usize>().unwrap()).sum();
        assert_eq!(total[0][col].parse::<usize>().unwrap(), sum, "column {col}");
    }
    // ค ป.4: one aligned (4/15), one partial (4/16).
    assert_eq!(body[1][..2], ["คณิตศาสตร์ (ค)", "ป.4"]);
    assert_eq!(body[1][3..5], ["1", "1"]);
}

#[test]
fn markdown_escapes_pipes_so_a_cell_stays_one_cell() {
    let md = markdown();
    assert!(md.contains("ตัวอย่าง \\| อ่านออกเสียงบทร้อยกรอง"));
    for line in md
        .lines()
        .filter(|l| l.starts_with("| ") && l.contains("ท 1.1 ป.4/1 "))
    {
        assert_eq!(cells(line).len(), 6, "{line}");
    }
    // The first outcome's line break became a space.
    assert!(md.contains("แก้\"โจทย์ปัญหา\" สองขั้นตอน"));
}

#[test]
fn markdown_lists_matches_uncovered_indicators_and_unmatched_outcomes() {
    let md = markdown();
    let curriculum = Curriculum::embedded();
    let covered = curriculum.indicator(&code("ค 1.1 ป.4/15")).unwrap();
    assert!(md.contains(&format!(
        "| 1 | ค 1.1 ป.4/15 | {} | 0.812 | สอดคล้อง |",
        covered.text
    )));
    let uncovered = curriculum.indicator(&code("ค 1.1 ป.4/1")).unwrap();
    assert!(md.contains(&format!("- **ค 1.1 ป.4/1** {}", uncovered.text)));
    assert!(!md.contains("- **ค 1.1 ป.4/15**"));
    let unmatched = md
        .split("Outcomes with no matching indicator")
        .nth(1)
        .unwrap();
    assert!(unmatched.contains("- **LO2**"));
    assert!(md.find("ความครอบคลุม").unwrap() < md.find("ผลลัพธ์การเรียนรู้และตัวชี้วัด").unwrap());
}

#[test]
fn every_format_is_written_by_the_one_entry_point() {
    let a = alignment();
    let c = coverage(&a);
    let cur = Curriculum::embedded();
    let o = CaseOptions::default();
    assert_eq!(
        report::write(ReportFormat::Csv, &a, &c, cur, &o),
        write_csv(&a, cur)
    );
    assert_eq!(
        report::write(ReportFormat::Json, &a, &c, cur, &o),
        write_json(&a, &c)
    );
    assert_eq!(
        report::write(ReportFormat::Case, &a, &c, cur, &o),
        write_case(&a, cur, &o)
    );
    assert_eq!(
        report::write(ReportFormat::Markdown, &a, &c, cur, &o),
        write_markdown(&a, &c, cur)
    );
    assert_eq!(ReportFormat::parse("md").unwrap().extension(), "md");
    assert_eq!(
        ReportFormat::parse("nope").unwrap_err().code(),
        "invalid_argument"
    );
}

#[test]
fn csv_and_json_carry_a_teachers_review_and_leave_unreviewed_rows_empty() {
    let mut a = alignment();
    a.outcomes[0].matches[0].review = Some(Review::Confirmed);
    let text = write_csv(&a, Curriculum::embedded());
    let rows = read_csv(text.strip_prefix('\u{FEFF}').unwrap());
    assert_eq!(rows[1][11], "confirmed");
    assert_eq!(rows[1][12], "ครูยืนยัน");
    assert!(rows[2..]
        .iter()
        .all(|r| r[11].is_empty() && r[12].is_empty()));
    let json: serde_json::Value = serde_json::from_str(&write_json(&a, &coverage(&a))).unwrap();
    assert_eq!(json["outcomes"][0]["matches"][0]["review"], "confirmed");
    assert!(json["outcomes"][0]["matches"][1].get("review").is_none());
}

/// A clause as the engine hands it back (its cue positions are the engine's own).
fn clause(text: &str, start: usize, kind: &str, competencies: &[u8]) -> sapan::engine::Clause {
    serde_json::from_value(serde_json::json!({
        "span": { "start": start, "end": start + text.chars().count() },
        "text": text,
        "kind": kind,
        "competencies": competencies,
    }))
    .unwrap()
}

/// One bundled outcome of four clauses (two topics with matches, one without, and a
/// teamwork clause), and one lesson objective of one clause.
fn clause_alignment() -> Alignment {
    let parts = [
        "ตัวอย่าง อธิบายการเปลี่ยนแปลงทางเคมี",
        "อธิบายการทำงานของอวัยวะในระบบย่อยอาหาร",
        "ตัวอย่าง เรื่องที่ไม่มีตัวชี้วัด",
        "และทำงานร่วมกันโดยแบ่งบทบาทหน้าที่",
    ];
    let mut clauses = Vec::new();
    let mut at = 0;
    for (i, text) in parts.iter().enumerate() {
        let (kind, comps): (&str, &[u8]) = if i == 3 {
            ("competency", &[4])
        } else {
            ("content", &[])
        };
        clauses.push(clause(text, at, kind, comps));
        at += text.chars().count() + 1;
    }
    let with = |mut m: Match, clauses: Vec<u32>| {
        m.clauses = clauses;
        m
    };
    let text = parts.join(" ");
    Alignment {
        outcomes: vec![
            OutcomeAlignment {
                outcome: outcome("LO-S1", &text, Some(6), Some(LearningArea::Science)),
                normalized: text.clone(),
                clauses,
                matches: vec![
                    with(
                        matched("ว 2.1 ป.6/1", 0.4, Relation::Aligned, vec![]),
                        vec![0],
                    ),
                    with(
                        matched("พ 1.1 ป.5/1", 0.3, Relation::Aligned, vec![]),
                        vec![1],
                    ),
                    with(
                        matched("พ 1.1 ป.5/2", 0.15, Relation::Partial, vec![]),
                        vec![0, 1],
                    ),
                ],
            },
            OutcomeAlignment {
                outcome: outcome("LO-S2", "ตัวอย่าง อธิบายการเปลี่ยนแปลงทางเคมี", Some(6), None),
                normalized: "ตัวอย่าง อธิบายการเปลี่ยนแปลงทางเคมี".into(),
                clauses: vec![clause("ตัวอย่าง อธิบายการเปลี่ยนแปลงทางเคมี", 0, "content", &[])],
                matches: vec![matched("ว 2.1 ป.6/1", 0.4, Relation::Aligned, vec![])],
            },
        ],
        indicators: vec![],
    }
}

fn clause_csv_rows() -> Vec<Vec<String>> {
    let text = write_csv(&clause_alignment(), Curriculum::embedded());
    read_csv(text.strip_prefix('\u{FEFF}').unwrap())
}

#[test]
fn csv_clause_column_holds_the_clauses_a_match_answers() {
    let rows = clause_csv_rows();
    let clause = rows[0].iter().position(|h| h == "clause").unwrap();
    assert_eq!(rows[1][clause], "ตัวอย่าง อธิบายการเปลี่ยนแปลงทางเคมี");
    assert_eq!(rows[2][clause], "อธิบายการทำงานของอวัยวะในระบบย่อยอาหาร");
    assert_eq!(
        rows[3][clause],
        "ตัวอย่าง อธิบายการเปลี่ยนแปลงทางเคมี / อธิบายการทำงานของอวัยวะในระบบย่อยอาหาร"
    );
}

#[test]
fn csv_clause_column_is_empty_for_a_one_clause_outcome() {
    let rows = clause_csv_rows();
    let lo = rows.iter().find(|r| r[0] == "LO-S2").unwrap();
    assert_eq!(lo.len(), 14);
    assert_eq!(lo[13], "");
    // And for every row of the outcomes without clauses.
    assert!(csv_rows()[1..].iter().all(|r| r[13].is_empty()));
}

fn clause_markdown() -> String {
    let a = clause_alignment();
    write_markdown(&a, &coverage(&a), Curriculum::embedded())
}

/// The part of the report about one outcome, up to the next outcome or section.
fn outcome_section<'a>(md: &'a str, id: &str) -> &'a str {
    let start = md.find(&format!("### {id}\n")).unwrap();
    let rest = &md[start + 4..];
    let end = ["\n### ", "\n## "]
        .iter()
        .filter_map(|h| rest.find(h))
        .min()
        .unwrap_or(rest.len());
    &md[start..start + 4 + end]
}

#[test]
fn markdown_numbers_and_labels_the_clauses_of_a_bundled_outcome() {
    let md = clause_markdown();
    let lo = outcome_section(&md, "LO-S1");
    assert!(
        lo.contains("1. (เนื้อหา / content) ตัวอย่าง อธิบายการเปลี่ยนแปลงทางเคมี\n"),
        "{lo}"
    );
    assert!(lo.contains("3. (เนื้อหา / content) ตัวอย่าง เรื่องที่ไม่มีตัวชี้วัด\n"));
    assert!(lo.contains(
        "4. (สมรรถนะ: การรวมพลังทำงานเป็นทีม / competency: Teamwork and collaboration) และทำงานร่วมกันโดยแบ่งบทบาทหน้าที่\n"
    ));
}

#[test]
fn markdown_groups_matches_under_the_clause_they_answer() {
    let md = clause_markdown();
    let lo = outcome_section(&md, "LO-S1");
    let group = |n: usize| -> Vec<String> {
        let head = format!("#### ส่วนที่ {n} ");
        let Some(at) = lo.find(&head) else {
            return Vec::new();
        };
        lo[at..]
            .lines()
            .skip(1)
            .take_while(|l| !l.starts_with("####"))
            .filter(|l| l.starts_with("| ") && !l.starts_with("| อันดับ"))
            .map(|l| cells(l)[1].clone())
            .collect()
    };
    assert_eq!(group(1), ["ว 2.1 ป.6/1", "พ 1.1 ป.5/2"]);
    assert_eq!(group(2), ["พ 1.1 ป.5/1", "พ 1.1 ป.5/2"]);
    // Ranks are the outcome's: พ 1.1 ป.5/2 is third wherever it is listed.
    assert_eq!(lo.matches("| 3 | พ 1.1 ป.5/2 |").count(), 2);
}

#[test]
fn markdown_says_when_a_content_clause_found_no_indicator() {
    let md = clause_markdown();
    let lo = outcome_section(&md, "LO-S1");
    let third = &lo[lo.find("#### ส่วนที่ 3 ").unwrap()..];
    assert_eq!(
        third.lines().nth(2),
        Some("ไม่พบตัวชี้วัด / No indicator found."),
        "{third}"
    );
    // The competency clause is labelled in the list, but has no empty group of its own.
    assert!(!lo.contains("#### ส่วนที่ 4 "));
}

#[test]
fn markdown_writes_a_one_clause_outcome_as_one_table_without_clauses() {
    let md = clause_markdown();
    let lo = outcome_section(&md, "LO-S2");
    assert!(!lo.contains("####") && !lo.contains("Clauses"), "{lo}");
    assert_eq!(lo.matches("| อันดับ / Rank |").count(), 1);
}

#[test]
fn case_notes_name_the_clause_a_match_answers_in_a_bundled_outcome() {
    let pkg: Value = serde_json::from_str(&write_case(
        &clause_alignment(),
        Curriculum::embedded(),
        &CaseOptions::default(),
    ))
    .unwrap();
    let notes: Vec<&str> = alignments(&pkg)
        .iter()
        .map(|a| a["notes"].as_str().unwrap())
        .collect();
    assert!(
        notes[0].ends_with("; clause 1: ตัวอย่าง อธิบายการเปลี่ยนแปลงทางเคมี"),
        "{}",
        notes[0]
    );
    assert!(notes[2].contains("; clause 1: ") && notes[2].contains("; clause 2: "));
    // The one-clause outcome's association says nothing of clauses.
    assert!(!notes[3].contains("clause"), "{}", notes[3]);
}

#[test]
fn markdown_names_the_stage_and_draft_area_an_outcome_was_given() {
    let mut a = alignment();
    a.outcomes[1].outcome.stage = Some(2);
    a.outcomes[1].outcome.framework_area =
        sapan::framework::read_framework_area("วิทยาศาสตร์และระบบธรรมชาติ");
    let md = write_markdown(&a, &coverage(&a), Curriculum::embedded());
    let id = a.outcomes[1].outcome.id.clone();
    let section = outcome_section(&md, &id);
    assert!(
        section.contains("(ช่วงชั้นที่ 2 (ป.4–6), สาระการเรียนรู้วิทยาศาสตร์และระบบธรรมชาติ)"),
        "{section}"
    );
    // An outcome given neither says nothing of them.
    assert!(!outcome_section(&md, "LO1").contains("ช่วงชั้น"));
}
