//! Validation of the embedded curriculum against the counts and structure its
//! provenance documents (data/curriculum/README.md, CORE_CONTENT_README.md).

use std::collections::{BTreeMap, BTreeSet, HashMap};

use sapan::code::IndicatorCode;
use sapan::curriculum::{Curriculum, IndicatorFilter, LearningArea};

fn curriculum() -> &'static Curriculum {
    Curriculum::embedded()
}

#[test]
fn there_are_exactly_582_indicators() {
    assert_eq!(curriculum().indicators().len(), 582);
}

#[test]
fn grades_hold_187_197_198_indicators() {
    let per_grade = |g| {
        curriculum()
            .filter(IndicatorFilter {
                grade: Some(g),
                area: None,
            })
            .count()
    };
    assert_eq!([per_grade(4), per_grade(5), per_grade(6)], [187, 197, 198]);
}

#[test]
fn per_area_and_grade_counts_match_the_provenance_table() {
    // Rows of the coverage table in data/curriculum/README.md: ป.4, ป.5, ป.6.
    let expected: [(char, [usize; 3]); 8] = [
        ('ท', [33, 33, 34]),
        ('ค', [22, 19, 21]),
        ('ว', [21, 32, 30]),
        ('ส', [38, 36, 39]),
        ('พ', [19, 25, 22]),
        ('ศ', [29, 26, 27]),
        ('ง', [5, 6, 5]),
        ('ต', [20, 20, 20]),
    ];
    for (letter, counts) in expected {
        let area = LearningArea::from_letter(letter).unwrap();
        for (i, want) in counts.into_iter().enumerate() {
            let grade = 4 + i as u8;
            let got = curriculum()
                .filter(IndicatorFilter {
                    grade: Some(grade),
                    area: Some(area),
                })
                .count();
            assert_eq!(got, want, "{letter} ป.{grade}");
        }
    }
}

#[test]
fn sequence_numbers_run_from_one_without_gaps_in_every_standard_and_grade() {
    let mut blocks: BTreeMap<(String, u8), Vec<u16>> = BTreeMap::new();
    for i in curriculum().indicators() {
        blocks
            .entry((i.standard.clone(), i.grade))
            .or_default()
            .push(i.seq);
    }
    for ((standard, grade), mut seqs) in blocks {
        seqs.sort_unstable();
        let want: Vec<u16> = (1..=seqs.len() as u16).collect();
        assert_eq!(seqs, want, "{standard} ป.{grade}");
    }
}

#[test]
fn every_indicator_has_its_standard_and_strand() {
    let c = curriculum();
    assert_eq!(c.standards().len(), 55);
    for i in c.indicators() {
        let s = c
            .standard(&i.standard)
            .unwrap_or_else(|| panic!("no standard {}", i.standard));
        assert_eq!(s.area, i.area, "{}", i.code);
        assert_eq!(s.strand, i.strand, "{}", i.code);
        assert!(!i.text.trim().is_empty(), "{}", i.code);
    }
}

#[test]
fn every_code_round_trips_through_the_parser() {
    for i in curriculum().indicators() {
        let text = i.code.to_string();
        assert_eq!(IndicatorCode::parse(&text).unwrap(), i.code, "{text}");
        assert_eq!(
            curriculum().indicator(&i.code).map(|x| &x.code),
            Some(&i.code)
        );
    }
}

#[test]
fn codes_are_unique() {
    let codes: BTreeSet<_> = curriculum().indicators().iter().map(|i| i.code).collect();
    assert_eq!(codes.len(), 582);
}

#[test]
fn core_content_covers_all_149_blocks_that_have_indicators() {
    let c = curriculum();
    let with_indicators: BTreeSet<(String, u8)> = c
        .indicators()
        .iter()
        .map(|i| (i.standard.clone(), i.grade))
        .collect();
    assert_eq!(with_indicators.len(), 149);
    let with_content: BTreeSet<(String, u8)> = c
        .core_content()
        .iter()
        .map(|b| (b.standard.clone(), b.grade))
        .collect();
    assert_eq!(with_content, with_indicators);
    assert_eq!(
        c.core_content()
            .iter()
            .map(|b| b.items.len())
            .sum::<usize>(),
        1336
    );
}

#[test]
fn core_content_keeps_its_nesting() {
    let c = curriculum();
    let mut levels: HashMap<u8, usize> = HashMap::new();
    for block in c.core_content() {
        assert!(!block.items.is_empty());
        for (i, item) in block.items.iter().enumerate() {
            assert_eq!(
                item.seq as usize,
                i + 1,
                "{} ป.{}",
                block.standard,
                block.grade
            );
            *levels.entry(item.level).or_default() += 1;
            match item.parent_seq {
                None => assert_eq!(item.level, 1),
                Some(p) => {
                    let parent = block.item(p).unwrap();
                    assert!(parent.level < item.level && p < item.seq);
                }
            }
        }
    }
    // CORE_CONTENT_README.md: 764 level-1, 513 level-2, 50 level-3, 9 level-4.
    assert_eq!(
        (levels[&1], levels[&2], levels[&3], levels[&4]),
        (764, 513, 50, 9)
    );
}

#[test]
fn grade_five_mathematics_has_nineteen_indicators() {
    let math5: Vec<_> = curriculum()
        .filter(IndicatorFilter {
            grade: Some(5),
            area: Some(LearningArea::Mathematics),
        })
        .collect();
    assert_eq!(math5.len(), 19);
    assert_eq!(math5[0].code.to_string(), "ค 1.1 ป.5/1");
}
