//! Near-miss words: a typo, a leftover of broken PDF text, a variant
//! spelling. A query word the indicator side does not know is matched to the
//! closest known word within one edit (insert, delete, substitute, or swap of
//! neighbours, as Thai tone marks and vowels often swap in copied text).
//!
//! Candidates come from a deletion index (every word and its one-character
//! deletions), so a lookup costs a few hash probes, not a scan of the
//! vocabulary; `strsim` then confirms the distance.

use super::hash::FastMap;
use std::sync::OnceLock;

/// Shorter words are left alone: one edit turns many short Thai words into other words.
const MIN_CHARS: usize = 4;
/// The least similarity (1 − distance / longer length) that counts.
pub(crate) const MIN_SIMILARITY: f64 = 0.75;

#[derive(Debug, Clone)]
pub(crate) struct FuzzyIndex {
    words: Vec<String>,
    /// Built on first use: most texts have no unknown word.
    deletions: OnceLock<FastMap<String, Vec<u32>>>,
}

fn deletions(word: &str) -> impl Iterator<Item = String> + '_ {
    let chars: Vec<char> = word.chars().collect();
    (0..chars.len()).map(move |skip| {
        // Sized once: collecting chars would grow the string by char count, and Thai
        // takes three bytes a char.
        let mut out = String::with_capacity(word.len());
        out.extend(chars[..skip].iter().chain(&chars[skip + 1..]));
        out
    })
}

impl FuzzyIndex {
    pub fn new(words: &[String]) -> FuzzyIndex {
        FuzzyIndex {
            words: words.to_vec(),
            deletions: OnceLock::new(),
        }
    }

    fn index(&self) -> &FastMap<String, Vec<u32>> {
        self.deletions.get_or_init(|| {
            let mut map: FastMap<String, Vec<u32>> = FastMap::default();
            for (id, w) in self.words.iter().enumerate() {
                if w.chars().count() < MIN_CHARS - 1 {
                    continue;
                }
                map.entry(w.clone()).or_default().push(id as u32);
                for d in deletions(w) {
                    map.entry(d).or_default().push(id as u32);
                }
            }
            map
        })
    }

    /// The closest known word to `word` within one edit, with its similarity.
    /// Ties go to the earlier word of the vocabulary, so the result is stable.
    pub fn nearest(&self, word: &str) -> Option<(u32, f32)> {
        if word.chars().count() < MIN_CHARS {
            return None;
        }
        let index = self.index();
        let mut best: Option<(u32, f64)> = None;
        let probes = std::iter::once(word.to_string()).chain(deletions(word));
        for probe in probes {
            let Some(ids) = index.get(&probe) else {
                continue;
            };
            for &id in ids {
                let known = &self.words[id as usize];
                let sim = strsim::normalized_damerau_levenshtein(word, known);
                let better = match best {
                    None => true,
                    Some((b, s)) => sim > s || (sim == s && id < b),
                };
                if (MIN_SIMILARITY..1.0).contains(&sim) && better {
                    best = Some((id, sim));
                }
            }
        }
        best.map(|(id, s)| (id, s as f32))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn index() -> FuzzyIndex {
        FuzzyIndex::new(&[
            "ทศนิยม".to_string(),
            "เศษส่วน".to_string(),
            "ร้อยกรอง".to_string(),
        ])
    }

    #[test]
    fn a_typo_finds_the_word_within_one_edit() {
        let f = index();
        assert_eq!(f.nearest("ทศนิยน").map(|(id, _)| id), Some(0));
        assert_eq!(f.nearest("เศษสวน").map(|(id, _)| id), Some(1));
        // swapped tone mark and vowel
        assert_eq!(
            f.nearest("ร้อยกรอง".replace("้อ", "อ้").as_str())
                .map(|(id, _)| id),
            Some(2)
        );
    }

    #[test]
    fn far_or_short_words_find_nothing() {
        let f = index();
        assert_eq!(f.nearest("คณิตศาสตร์"), None);
        assert_eq!(f.nearest("ทศน"), None);
    }
}
