//! Segmentation over the real curriculum texts: agreement with PyThaiNLP's
//! newmm, curriculum terms kept whole, and no cut inside a character cluster.

use sapan::curriculum::Curriculum;
use sapan::text::dict::Dictionary;
use sapan::text::segment::{span_agreement, words, Segmenter};
use unicode_segmentation::UnicodeSegmentation;

const REFERENCE: &str = include_str!("../data/thai/newmm_reference.jsonl");

fn reference() -> Vec<(String, Vec<String>)> {
    REFERENCE
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).unwrap();
            let tokens = v["newmm"]
                .as_array()
                .unwrap()
                .iter()
                .map(|t| t.as_str().unwrap().to_string())
                .collect();
            (v["text"].as_str().unwrap().to_string(), tokens)
        })
        .collect()
}

fn f1(segment: impl Fn(&str) -> Vec<String>) -> f64 {
    let (mut agreed, mut ours, mut theirs) = (0, 0, 0);
    for (text, tokens) in reference() {
        let (a, o, t) = span_agreement(&text, &segment(&text), &tokens);
        agreed += a;
        ours += o;
        theirs += t;
    }
    2.0 * agreed as f64 / (ours + theirs) as f64
}

#[test]
fn word_list_alone_agrees_with_newmm_on_the_582_indicators() {
    // Same algorithm, same dictionary: the only differences left are deliberate
    // (Latin words inside brackets are split from the brackets).
    let plain = Dictionary::from_words(include_str!("../data/thai/words_th.txt").lines());
    let seg = Segmenter::new(&plain);
    let score = f1(|t| seg.segment(t).into_iter().map(|t| t.text).collect());
    assert!(score >= 0.995, "token F1 {score:.4}");
}

#[test]
fn with_the_curriculum_lexicon_agreement_drops_only_by_the_terms_kept_whole() {
    let score = f1(words);
    assert!((0.95..0.995).contains(&score), "token F1 {score:.4}");
}

#[test]
fn curriculum_terms_come_out_whole() {
    assert_eq!(
        words("อ่านออกเสียงบทร้อยแก้วและบทร้อยกรองได้ถูกต้อง"),
        [
            "อ่าน",
            "ออกเสียง",
            "บท",
            "ร้อยแก้ว",
            "และ",
            "บท",
            "ร้อยกรอง",
            "ได้",
            "ถูกต้อง"
        ]
    );
    let c = Curriculum::embedded();
    let text_of = |code: &str| {
        &c.indicators()
            .iter()
            .find(|i| i.code.to_string() == code)
            .unwrap()
            .text
    };
    assert!(words(text_of("ศ 1.1 ป.4/3")).contains(&"ทัศนธาตุ".to_string()));
    assert!(words(text_of("ค 1.1 ป.4/8")).contains(&"ประโยคสัญลักษณ์".to_string()));
    assert!(words("หา ห.ร.ม. และ ค.ร.น.").starts_with(&[
        "หา".into(),
        "ห.ร.ม.".into(),
        "และ".into(),
        "ค.ร.น.".into()
    ]));
}

#[test]
fn every_lexicon_term_occurs_in_the_curriculum() {
    let c = Curriculum::embedded();
    let mut corpus = String::new();
    for i in c.indicators() {
        corpus.push_str(&i.text);
        corpus.push('\n');
    }
    for block in c.core_content() {
        for item in &block.items {
            corpus.push_str(&item.text);
            corpus.push('\n');
        }
    }
    for term in Dictionary::curriculum_lexicon() {
        assert!(
            corpus.contains(&term),
            "{term} is not in any indicator or core-content text"
        );
    }
}

#[test]
fn no_token_boundary_falls_inside_a_grapheme_cluster() {
    let c = Curriculum::embedded();
    let texts = c.indicators().iter().map(|i| i.text.as_str()).chain(
        c.core_content()
            .iter()
            .flat_map(|b| b.items.iter().map(|i| i.text.as_str())),
    );
    for text in texts {
        let chars: Vec<char> = text.chars().collect();
        let mut grapheme_starts = std::collections::HashSet::new();
        let mut pos = 0;
        for g in text.graphemes(true) {
            grapheme_starts.insert(pos);
            pos += g.chars().count();
        }
        grapheme_starts.insert(chars.len());
        for t in sapan::text::segment(text) {
            assert!(
                grapheme_starts.contains(&t.start) && grapheme_starts.contains(&t.end),
                "{text}: {t:?}"
            );
            let piece: String = chars[t.start..t.end].iter().collect();
            assert_eq!(piece.to_lowercase(), t.text);
        }
    }
}
