//! The word list behind segmentation: PyThaiNLP's CC0 Thai word list plus a
//! curriculum lexicon derived from the indicators.
//!
//! Stored as one sorted `Vec<Box<str>>`: building it is a normalise-and-sort
//! of ~62k short strings (a few milliseconds), it costs no more memory than the
//! words themselves, and "which words start here" needs only binary searches,
//! which is all maximal matching asks of it.

use std::sync::OnceLock;

use super::normalize::normalize_chars;

/// The CC0 word list (PyThaiNLP 5.4.0 `words_th.txt`), one word a line.
const WORDS_TH: &str = include_str!("../../data/thai/words_th.txt");
/// Curriculum terms (see `data/thai/curriculum_lexicon.txt` for how they were chosen).
const CURRICULUM_LEXICON: &str = include_str!("../../data/thai/curriculum_lexicon.txt");

/// A set of words with prefix search.
#[derive(Debug, Clone)]
pub struct Dictionary {
    words: Vec<Box<str>>,
}

impl Dictionary {
    /// Builds a dictionary from words, normalising each with the same
    /// character rules as input text, so that a `นํา` in the list matches an
    /// `นำ` in a text. Blank lines and `#` comments are skipped.
    pub fn from_words<'a>(words: impl IntoIterator<Item = &'a str>) -> Dictionary {
        let mut list: Vec<Box<str>> = words
            .into_iter()
            .map(str::trim)
            .filter(|w| !w.is_empty() && !w.starts_with('#'))
            .map(|w| normalize_chars(w).into_boxed_str())
            .collect();
        list.sort_unstable();
        list.dedup();
        Dictionary { words: list }
    }

    /// The embedded dictionary (word list + curriculum lexicon), built once.
    pub fn embedded() -> &'static Dictionary {
        static DICT: OnceLock<Dictionary> = OnceLock::new();
        DICT.get_or_init(Dictionary::build_embedded)
    }

    /// Builds a fresh copy of the embedded dictionary (what [`Dictionary::embedded`]
    /// does once); public so that the benchmark can time start-up.
    pub fn build_embedded() -> Dictionary {
        Dictionary::from_words(WORDS_TH.lines().chain(CURRICULUM_LEXICON.lines()))
    }

    /// The curriculum lexicon alone, for tests and reports.
    pub fn curriculum_lexicon() -> Vec<String> {
        CURRICULUM_LEXICON
            .lines()
            .map(str::trim)
            .filter(|w| !w.is_empty() && !w.starts_with('#'))
            .map(normalize_chars)
            .collect()
    }

    pub fn len(&self) -> usize {
        self.words.len()
    }

    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// True when `word` is in the dictionary.
    pub fn contains(&self, word: &str) -> bool {
        self.words.binary_search_by(|w| (**w).cmp(word)).is_ok()
    }

    /// True when some word starts with `prefix` (or equals it).
    pub fn has_prefix(&self, prefix: &str) -> bool {
        let i = self.words.partition_point(|w| &**w < prefix);
        self.words.get(i).is_some_and(|w| w.starts_with(prefix))
    }

    /// Calls `found(end)` for every candidate end (byte offsets into `text`, ascending)
    /// such that `text[..end]` is a word. Candidates must be char boundaries. Stops
    /// as soon as no word starts with `text[..end]`, so the cost is bounded by the
    /// longest word, not by the text.
    pub fn words_at(
        &self,
        text: &str,
        candidate_ends: impl Iterator<Item = usize>,
        mut found: impl FnMut(usize),
    ) {
        // The words that start with a longer piece lie within those that start
        // with a shorter one, so each search narrows the range of the last.
        let (mut lo, mut hi) = (0, self.words.len());
        for end in candidate_ends {
            let piece = &text[..end];
            let range = &self.words[lo..hi];
            let first = range.partition_point(|w| &**w < piece);
            let count = range[first..].partition_point(|w| w.starts_with(piece));
            if count == 0 {
                break;
            }
            lo += first;
            hi = lo + count;
            if *self.words[lo] == *piece {
                found(end);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_at_reports_every_word_prefix_and_stops_early() {
        let d = Dictionary::from_words(["ร้อย", "ร้อยกรอง", "กรอง", "ร้อยแก้ว"]);
        let text = "ร้อยกรองดี";
        let ends: Vec<usize> = text
            .char_indices()
            .map(|(i, _)| i)
            .skip(1)
            .chain([text.len()])
            .collect();
        let mut found = Vec::new();
        d.words_at(text, ends.into_iter(), |e| found.push(&text[..e]));
        assert_eq!(found, ["ร้อย", "ร้อยกรอง"]);
    }

    #[test]
    fn entries_are_normalised_like_input() {
        // The list spells some words with NIKHAHIT + SARA AA; input text is normalised to SARA AM.
        let d = Dictionary::from_words(["น\u{0E4D}\u{0E32}"]);
        assert!(d.contains("นำ"));
    }

    #[test]
    fn embedded_dictionary_holds_the_word_list_and_the_lexicon() {
        let d = Dictionary::embedded();
        assert!(d.len() > 60_000, "{}", d.len());
        assert!(d.contains("ร้อยกรอง"));
        for term in Dictionary::curriculum_lexicon() {
            assert!(d.contains(&term), "{term}");
        }
        assert!(!d.contains(""));
        assert!(d.has_prefix("ร้อยก"));
    }
}
