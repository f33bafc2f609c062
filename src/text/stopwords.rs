//! Stop words for curriculum text: PyThaiNLP's list, curated.
//!
//! The curation lives in `data/thai/stopwords_curriculum.txt` as `-word` (take
//! off PyThaiNLP's list) and `+word` (add) lines, so every departure from the
//! upstream list is visible and has a reason next to it.

use std::collections::HashSet;
use std::sync::OnceLock;

use super::chars::normalize_chars;

const PYTHAINLP_STOPWORDS: &str = include_str!("../../data/thai/stopwords_th.txt");
const CURATION: &str = include_str!("../../data/thai/stopwords_curriculum.txt");

fn entries(list: &str) -> impl Iterator<Item = String> + '_ {
    list.lines()
        .map(|l| l.trim().trim_start_matches('\u{FEFF}'))
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(normalize_chars)
}

/// The curated stop-word set.
pub fn stop_words() -> &'static HashSet<String> {
    static SET: OnceLock<HashSet<String>> = OnceLock::new();
    SET.get_or_init(|| {
        let mut set: HashSet<String> = entries(PYTHAINLP_STOPWORDS).collect();
        for line in entries(CURATION) {
            if let Some(word) = line.strip_prefix('-') {
                set.remove(word);
            } else if let Some(word) = line.strip_prefix('+') {
                set.insert(word.to_string());
            }
        }
        set
    })
}

/// True when `word` carries no meaning for matching curriculum text.
pub fn is_stop_word(word: &str) -> bool {
    stop_words().contains(word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn verbs_of_learning_are_kept() {
        for verb in [
            "อธิบาย",
            "ระบุ",
            "เปรียบเทียบ",
            "ใช้",
            "เขียน",
            "พูด",
            "บอก",
            "คิด",
            "แสดง",
            "วิเคราะห์",
        ] {
            assert!(!is_stop_word(verb), "{verb} must not be a stop word");
        }
    }

    #[test]
    fn function_words_and_boilerplate_are_stop_words() {
        for w in [
            "และ",
            "ของ",
            "ที่",
            "ใน",
            "ได้",
            "การ",
            "ความ",
            "นักเรียน",
            "สามารถ",
        ] {
            assert!(is_stop_word(w), "{w} should be a stop word");
        }
    }

    #[test]
    fn every_removal_names_a_word_of_the_upstream_list() {
        // A "-word" line for a word PyThaiNLP does not list would be a typo that silently does nothing.
        let upstream: HashSet<String> = entries(PYTHAINLP_STOPWORDS).collect();
        for line in entries(CURATION) {
            assert!(
                line.starts_with('-') || line.starts_with('+'),
                "bad curation line {line}"
            );
            if let Some(word) = line.strip_prefix('-') {
                assert!(upstream.contains(word), "{word} is not in PyThaiNLP's list");
            }
        }
    }
}
