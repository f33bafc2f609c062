//! Word frequencies in general Thai text: the Thai Textbook Corpus counts of
//! `data/thai/ttc_freq.txt`, which make a word like `ได้` weigh little even
//! where the curriculum happens to use it rarely.
//!
//! Embedded as `data/thai/ttc_freq.bin` rather than as text: 17.6k of the
//! 19.5k words are dictionary words, so for them a position in the
//! dictionary replaces the word. That takes the data from 96 KB to ~21 KB
//! after brotli. Counts are kept exact, so IDFs are the same to the bit as
//! when they were read from the text file, for dictionary words; the 1,880
//! corpus words that are not dictionary words (`เด็กๆ`, `ณ`) are left out,
//! which changed nothing on the dev set (see `data/thai/README.md`).
//!
//! Layout (integers are LEB128 varints unless said otherwise):
//!
//! ```text
//! M            dictionary words with a count
//! M gaps       for each, in dictionary order: its index minus the previous one's, minus 1
//!              (the first: its index)
//! M counts     their counts, in the same order
//! E            words of the corpus that are not dictionary words ("เด็กๆ", "ณ")
//! E counts     their counts, in byte order of the words
//! the rest     those E words, a front-coded word list (`text::dict`)
//! ```

use crate::text::dict::{decode_word_list, Dictionary};

const EMBEDDED: &[u8] = include_bytes!("../../../data/thai/ttc_freq.bin");

/// Word frequencies in general Thai text (Thai Textbook Corpus counts).
pub(crate) struct GeneralFrequencies {
    dictionary: &'static Dictionary,
    /// The count of every dictionary word, by its index (0: not in the corpus).
    dictionary_counts: Vec<u32>,
    /// The corpus words that are not dictionary words, with their counts.
    others: Dictionary,
    other_counts: Vec<u32>,
    max_log: f32,
}

impl GeneralFrequencies {
    pub fn get() -> &'static GeneralFrequencies {
        static FREQ: std::sync::OnceLock<GeneralFrequencies> = std::sync::OnceLock::new();
        FREQ.get_or_init(|| {
            GeneralFrequencies::decode(EMBEDDED, Dictionary::embedded())
                .expect("data/thai/ttc_freq.bin is checked by a test against the text file")
        })
    }

    fn decode(bytes: &[u8], dictionary: &'static Dictionary) -> Option<GeneralFrequencies> {
        let mut rest = bytes;
        let in_dictionary = read_varint(&mut rest)? as usize;
        let mut indexes = Vec::with_capacity(in_dictionary);
        let mut next = 0usize;
        for _ in 0..in_dictionary {
            let index = next.checked_add(read_varint(&mut rest)? as usize)?;
            indexes.push(index);
            next = index + 1;
        }
        let mut dictionary_counts = vec![0; dictionary.len()];
        for index in indexes {
            *dictionary_counts.get_mut(index)? = read_varint(&mut rest)?;
        }
        let others = read_varint(&mut rest)? as usize;
        let other_counts = (0..others)
            .map(|_| read_varint(&mut rest))
            .collect::<Option<Vec<u32>>>()?;
        let others = Dictionary::from_decoded(decode_word_list(rest)?);
        if others.len() != other_counts.len() {
            return None;
        }
        let max = dictionary_counts
            .iter()
            .chain(&other_counts)
            .copied()
            .max()
            .unwrap_or(1) as f32;
        Some(GeneralFrequencies {
            dictionary,
            dictionary_counts,
            others,
            other_counts,
            max_log: (max + 1.0).ln(),
        })
    }

    fn count(&self, word: &str) -> u32 {
        match self.dictionary.index_of(word) {
            Some(i) => self.dictionary_counts[i],
            None => self
                .others
                .index_of(word)
                .map_or(0, |i| self.other_counts[i]),
        }
    }

    /// 0 for the most frequent word of general Thai, 1 for a word it never uses.
    pub fn rarity(&self, word: &str) -> f32 {
        let c = self.count(word) as f32;
        1.0 - (c + 1.0).ln() / self.max_log
    }
}

fn read_varint(bytes: &mut &[u8]) -> Option<u32> {
    let mut value = 0u32;
    for shift in (0..35).step_by(7) {
        let (&b, rest) = bytes.split_first()?;
        *bytes = rest;
        value |= u32::from(b & 0x7F).checked_shl(shift)?;
        if b & 0x80 == 0 {
            return Some(value);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use super::*;
    use crate::text::dict::encode_word_list;

    fn push_varint(mut value: u32, out: &mut Vec<u8>) {
        while value >= 0x80 {
            out.push((value & 0x7F) as u8 | 0x80);
            value >>= 7;
        }
        out.push(value as u8);
    }

    /// The corpus counts as the engine read them from the text: word, tab,
    /// count; lines that do not parse are skipped; a later line wins.
    fn counts_from_text_file() -> HashMap<String, u32> {
        let path = format!("{}/data/thai/ttc_freq.txt", env!("CARGO_MANIFEST_DIR"));
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
        text.lines()
            .filter_map(|l| {
                let (w, c) = l.split_once('\t')?;
                Some((w.to_string(), c.trim().parse().ok()?))
            })
            .collect()
    }

    fn encode(counts: &HashMap<String, u32>, dictionary: &Dictionary) -> Vec<u8> {
        let mut found = Vec::new();
        for (i, word) in dictionary.words().enumerate() {
            if let Some(&c) = counts.get(word) {
                found.push((i, c));
            }
        }
        let mut others: Vec<(&str, u32)> = counts
            .iter()
            .filter(|(w, _)| !dictionary.contains(w))
            // Measured on the dev set: dropping these 1,880 counts changes no
            // metric and no segmentation, and saves 6.8 KB after brotli (see
            // data/thai/README.md); the layout keeps room for them (E = 0).
            .filter(|_| KEEP_NON_DICTIONARY_COUNTS)
            .map(|(w, &c)| (w.as_str(), c))
            .collect();
        others.sort_unstable();
        let mut out = Vec::new();
        push_varint(found.len() as u32, &mut out);
        let mut next = 0;
        for &(i, _) in &found {
            push_varint((i - next) as u32, &mut out);
            next = i + 1;
        }
        for &(_, c) in &found {
            push_varint(c, &mut out);
        }
        push_varint(others.len() as u32, &mut out);
        for &(_, c) in &others {
            push_varint(c, &mut out);
        }
        let words: Vec<&str> = others.iter().map(|&(w, _)| w).collect();
        out.extend(encode_word_list(&words));
        out
    }

    /// Whether the counts of corpus words that are not dictionary words are embedded.
    const KEEP_NON_DICTIONARY_COUNTS: bool = false;

    /// Keeps `data/thai/ttc_freq.bin` in step with `ttc_freq.txt` and the
    /// dictionary's text files (not the embedded dictionary, which may be the
    /// one being regenerated); see `crate::generated`.
    #[test]
    fn generated_ttc_freq_bin_is_the_text_file_encoded() {
        let encoded = encode(&counts_from_text_file(), &Dictionary::from_text_files());
        crate::generated::check_or_write(
            "data/thai/ttc_freq.bin",
            &encoded,
            "data/thai/ttc_freq.txt and the dictionary's text files",
        );
    }

    #[test]
    fn every_word_has_the_count_of_the_text_file() {
        let counts = counts_from_text_file();
        let general = GeneralFrequencies::get();
        let dictionary = Dictionary::embedded();
        for (word, &c) in &counts {
            let expected = if dictionary.contains(word) { c } else { 0 };
            assert_eq!(general.count(word), expected, "{word}");
        }
        let absent = Dictionary::embedded()
            .words()
            .filter(|w| !counts.contains_key(*w));
        for word in absent.take(2_000).chain(["", "xyz", "ไม่มีคำนี้เลย"])
        {
            assert_eq!(general.count(word), 0, "{word}");
        }
        let max = counts.values().copied().max().expect("counts") as f32;
        assert_eq!(general.max_log, (max + 1.0).ln());
    }

    #[test]
    fn common_words_are_less_rare_than_curriculum_terms() {
        let general = GeneralFrequencies::get();
        assert!(general.rarity("ที่") < 0.05);
        assert!(general.rarity("ได้") < general.rarity("ทัศนธาตุ"));
        assert_eq!(general.rarity("ไม่มีคำนี้เลย"), 1.0);
    }
}
