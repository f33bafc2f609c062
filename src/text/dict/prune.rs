//! Which words of the word list the embedded dictionary keeps (test-only: the
//! rule runs when `data/thai/words.fc` is generated, never in the library).
//!
//! A rule is a comma-separated list of reasons to keep a word; a word is kept
//! when any holds: `lenN` (at most N characters), `ttc` / `ttcN` (in the
//! corpus counts, at least N times), `lex` (a curriculum lexicon term), `curr`
//! (a token of the curriculum texts segmented with the whole list, or with the
//! word list alone, or a word inside a lexicon term), `sub` (a word found
//! anywhere inside a curriculum text), `nospace` (no space in it); `all`
//! keeps every word. To measure a rule on the dev set without committing it:
//! `SAPAN_PRUNE_RULE=ttc,lex,curr,sub scripts/regenerate`, build, run `sapan eval`,
//! then `git checkout data/thai/words.fc data/thai/ttc_freq.bin data/index/segmentation.bin`.

use std::collections::HashSet;

use super::Dictionary;
use crate::curriculum::Curriculum;
use crate::text::chars::normalize_chars;
use crate::text::segment::{Segmenter, TokenKind};

pub(super) fn read(name: &str) -> String {
    let path = format!("{}/data/thai/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// The words of the general-Thai corpus counts with their counts, normalised.
fn corpus_counts() -> Vec<(String, u32)> {
    read("ttc_freq.txt")
        .lines()
        .filter_map(|l| {
            let (w, c) = l.split_once('\t')?;
            Some((normalize_chars(w.trim()), c.trim().parse().ok()?))
        })
        .collect()
}

/// Every curriculum text the engine indexes: indicators, strands and
/// standards, core-content items.
fn curriculum_texts() -> Vec<String> {
    let c = Curriculum::embedded();
    let mut texts: Vec<String> = c.indicators().iter().map(|i| i.text.clone()).collect();
    texts.extend(
        c.standards()
            .iter()
            .map(|s| format!("{} {}", s.strand, s.text)),
    );
    texts.extend(
        c.core_content()
            .iter()
            .flat_map(|b| b.items.iter().map(|i| i.text.clone())),
    );
    texts
}

/// The dictionary words that segmenting the curriculum with `dict` produces.
fn tokens_of_curriculum(dict: &Dictionary) -> HashSet<String> {
    let segmenter = Segmenter::new(dict);
    curriculum_texts()
        .iter()
        .flat_map(|t| segmenter.segment(&normalize_chars(t)))
        .filter(|t| t.kind == TokenKind::Word)
        .map(|t| t.text)
        .collect()
}

/// The shipped rule: words of general school Thai (the textbook corpus),
/// the curriculum lexicon, every word the curriculum texts segment into, and
/// every dictionary word inside them. It keeps all 582 indicators segmented
/// as the full list does and costs 45 KB instead of 169 KB after brotli, which
/// the 350 KB browser budget needs; on the dev set one text leaves the top 5
/// and another enters the top 1 (data/thai/README.md has the table). `"all"`
/// restores the full list.
const RULE: &str = "ttc,lex,curr,sub";

/// The word list and the lexicon, pruned by [`RULE`] (or by `SAPAN_PRUNE_RULE`).
pub(super) fn pruned_from_text_files() -> Dictionary {
    let spec = std::env::var("SAPAN_PRUNE_RULE").unwrap_or_else(|_| RULE.into());
    let full = Dictionary::full_from_text_files();
    if spec == "all" {
        return full;
    }
    let plain = Dictionary::from_words(read("words_th.txt").lines());
    let lexicon = Dictionary::curriculum_lexicon();
    let counts = corpus_counts();
    let mut keep_len = 0usize;
    let mut min_count = u32::MAX;
    let (mut lex, mut curr, mut nospace, mut sub) = (false, false, false, false);
    for part in spec.split(',') {
        if let Some(n) = part.strip_prefix("len") {
            keep_len = n.parse().expect("len N");
        } else if let Some(n) = part.strip_prefix("ttc") {
            min_count = if n.is_empty() {
                1
            } else {
                n.parse().expect("ttcN")
            };
        } else if part == "lex" {
            lex = true;
        } else if part == "curr" {
            curr = true;
        } else if part == "sub" {
            sub = true;
        } else if part == "nospace" {
            nospace = true;
        } else {
            panic!("unknown rule part {part}");
        }
    }
    let frequent: HashSet<&str> = counts
        .iter()
        .filter(|(_, c)| *c >= min_count)
        .map(|(w, _)| w.as_str())
        .collect();
    let mut used = HashSet::new();
    if curr {
        used = tokens_of_curriculum(&full);
        used.extend(tokens_of_curriculum(&plain));
        // The parts a compound of the lexicon is split into: the dictionary words inside it.
        for term in &lexicon {
            let chars: Vec<char> = term.chars().collect();
            for i in 0..chars.len() {
                for j in i + 2..=chars.len() {
                    let piece: String = chars[i..j].iter().collect();
                    if plain.contains(&piece) {
                        used.insert(piece);
                    }
                }
            }
        }
    }
    if sub {
        used.extend(words_inside_curriculum(&full));
    }
    let kept = full.words().filter(|w| {
        (nospace && !w.contains(' '))
            || (keep_len > 0 && w.chars().count() <= keep_len)
            || frequent.contains(w)
            || used.contains(*w)
            || (lex && lexicon.iter().any(|t| t == w))
    });
    Dictionary::from_words(kept)
}

/// Every word of `dict` that occurs anywhere in a curriculum text, whether or
/// not segmentation picks it there.
fn words_inside_curriculum(dict: &Dictionary) -> HashSet<String> {
    let mut found = HashSet::new();
    for text in curriculum_texts() {
        let text = normalize_chars(&text);
        for (start, _) in text.char_indices() {
            let rest = &text[start..];
            let ends = rest
                .char_indices()
                .map(|(i, _)| i)
                .skip(1)
                .chain([rest.len()]);
            dict.words_at(rest, ends, |end| {
                found.insert(rest[..end].to_string());
            });
        }
    }
    found
}
