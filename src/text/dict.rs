//! The word list behind segmentation: PyThaiNLP's CC0 Thai word list plus a
//! curriculum lexicon derived from the indicators.
//!
//! In memory the words are one sorted, deduplicated run of text with the end
//! of each word: two allocations instead of one per word, and "which words
//! start here" needs only binary searches, which is all maximal matching asks
//! of it.
//!
//! In the binary the embedded list is front-coded (see [`decode_word_list`]):
//! the raw list is 1.5 MB (244 KB after brotli) and normalising and sorting it
//! at start-up took ~12 ms; the coded form is ~360 KB (~169 KB after brotli)
//! and decodes, already normalised and sorted, in about 1.5 ms.

use std::cmp::Ordering;
use std::sync::OnceLock;

use super::chars::normalize_chars;

/// The word list and the curriculum lexicon, normalised, sorted, deduplicated
/// and front-coded. Generated from `data/thai/words_th.txt` and
/// `data/thai/curriculum_lexicon.txt` by the test
/// `generated_words_fc_is_the_text_files_encoded` (run `scripts/regenerate`
/// after changing either list or the normalisation).
const EMBEDDED_WORDS: &[u8] = include_bytes!("../../data/thai/words.fc");
/// Curriculum terms (see `data/thai/curriculum_lexicon.txt` for how they were chosen).
const CURRICULUM_LEXICON: &str = include_str!("../../data/thai/curriculum_lexicon.txt");

/// A set of words with prefix search.
#[derive(Debug, Clone)]
pub struct Dictionary {
    /// Every word, in byte order, one after the other.
    text: String,
    /// Where each word ends in `text`; word `i` starts where word `i - 1` ends.
    ends: Vec<u32>,
}

impl Dictionary {
    /// Builds a dictionary from words, normalising each with the same
    /// character rules as input text, so that a `นํา` in the list matches an
    /// `นำ` in a text. Blank lines and `#` comments are skipped.
    pub fn from_words<'a>(words: impl IntoIterator<Item = &'a str>) -> Dictionary {
        let mut list: Vec<String> = words
            .into_iter()
            .map(str::trim)
            .filter(|w| !w.is_empty() && !w.starts_with('#'))
            .map(normalize_chars)
            .collect();
        list.sort_unstable();
        list.dedup();
        Dictionary::from_sorted(&list)
    }

    /// Lays out words that are already sorted and distinct.
    fn from_sorted(list: &[impl AsRef<str>]) -> Dictionary {
        let mut text = String::with_capacity(list.iter().map(|w| w.as_ref().len()).sum());
        let mut ends = Vec::with_capacity(list.len());
        for w in list {
            text.push_str(w.as_ref());
            ends.push(end_offset(&text));
        }
        Dictionary { text, ends }
    }

    /// The embedded dictionary (word list + curriculum lexicon), built once.
    pub fn embedded() -> &'static Dictionary {
        static DICT: OnceLock<Dictionary> = OnceLock::new();
        DICT.get_or_init(Dictionary::build_embedded)
    }

    /// Builds a fresh copy of the embedded dictionary (what [`Dictionary::embedded`]
    /// does once); public so that the benchmark can time start-up.
    pub fn build_embedded() -> Dictionary {
        Dictionary::from_decoded(
            decode_word_list(EMBEDDED_WORDS)
                .expect("data/thai/words.fc is checked by a test against the text files"),
        )
    }

    /// A dictionary over what [`decode_word_list`] returned.
    pub(crate) fn from_decoded((text, ends): (String, Vec<u32>)) -> Dictionary {
        Dictionary { text, ends }
    }

    /// What the embedded dictionary is made from: the text files, pruned by
    /// the rule of `dict/prune.rs` (tests check the embedded form against it).
    #[cfg(test)]
    pub(crate) fn from_text_files() -> Dictionary {
        prune::pruned_from_text_files()
    }

    /// The whole word list and the lexicon, unpruned.
    #[cfg(test)]
    pub(crate) fn full_from_text_files() -> Dictionary {
        let (words, lexicon) = (
            prune::read("words_th.txt"),
            prune::read("curriculum_lexicon.txt"),
        );
        Dictionary::from_words(words.lines().chain(lexicon.lines()))
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
        self.ends.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// The `i`-th word in byte order.
    pub fn word(&self, i: usize) -> &str {
        let start = if i == 0 { 0 } else { self.ends[i - 1] as usize };
        &self.text[start..self.ends[i] as usize]
    }

    /// The words in byte order.
    pub fn words(&self) -> impl Iterator<Item = &str> + '_ {
        (0..self.len()).map(|i| self.word(i))
    }

    /// The position of `word` in byte order, if it is in the dictionary: a
    /// key for data kept per word (the general-Thai frequencies).
    pub fn index_of(&self, word: &str) -> Option<usize> {
        self.search(0, self.len(), |w| w.cmp(word)).ok()
    }

    /// True when `word` is in the dictionary.
    pub fn contains(&self, word: &str) -> bool {
        self.index_of(word).is_some()
    }

    /// True when some word starts with `prefix` (or equals it).
    pub fn has_prefix(&self, prefix: &str) -> bool {
        let i = self.partition_point(0, self.len(), |w| w < prefix);
        i < self.len() && self.word(i).starts_with(prefix)
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
        let (mut lo, mut hi) = (0, self.len());
        for end in candidate_ends {
            let piece = &text[..end];
            let first = self.partition_point(lo, hi, |w| w < piece);
            let past = self.partition_point(first, hi, |w| w.starts_with(piece));
            if past == first {
                break;
            }
            (lo, hi) = (first, past);
            if self.word(lo) == piece {
                found(end);
            }
        }
    }

    /// The first index in `lo..hi` whose word fails `pred` (which must hold
    /// for a prefix of the range and fail for the rest).
    fn partition_point(&self, lo: usize, hi: usize, pred: impl Fn(&str) -> bool) -> usize {
        match self.search(lo, hi, |w| {
            if pred(w) {
                Ordering::Less
            } else {
                Ordering::Greater
            }
        }) {
            Ok(i) | Err(i) => i,
        }
    }

    /// Binary search over the words in `lo..hi`, like `slice::binary_search_by`.
    fn search(&self, lo: usize, hi: usize, cmp: impl Fn(&str) -> Ordering) -> Result<usize, usize> {
        let (mut lo, mut hi) = (lo, hi);
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            match cmp(self.word(mid)) {
                Ordering::Less => lo = mid + 1,
                Ordering::Greater => hi = mid,
                Ordering::Equal => return Ok(mid),
            }
        }
        Err(lo)
    }
}

fn end_offset(text: &str) -> u32 {
    u32::try_from(text.len()).expect("a word list under 4 GB")
}

// The front-coded word list.
//
// A sorted list of Thai words is mostly shared prefixes (การ…, ความ…) and
// Thai letters that take three bytes each in UTF-8. So each word is stored as
// how many characters it shares with the word before it, then the rest of its
// characters one byte each. Measured alternatives (brotli q11 of the coded
// bytes, for the 62,157 words): UTF-8 text 244 KB; one byte per character
// 207 KB; a minimal acyclic automaton (DAWG, shared suffixes as back
// references) 174–188 KB; front coding with the shared lengths inline 172 KB;
// the lengths in a stream of their own, as here, 169 KB.
//
// Layout, all integers little-endian:
//
//   u32  number of words N
//   u8   number of other characters K (at most 63)
//   K    characters in UTF-8, each 1–4 bytes: symbols 1..=K
//   N    bytes: characters shared with the previous word (0 for the first;
//        capped at 255, the rest of a longer shared prefix is spelled out)
//   …    for each word, its remaining symbols and a 0
//
// Symbols: 0 ends a word; 1..=63 are the other characters above (spaces,
// digits, `-`, `.`, `…`); 0x40 + k is U+0E00 + k, the Thai block. Words are in
// byte order, which is code-point order, so the decoder never sorts.

/// The Thai block, U+0E00..=U+0E7F, takes symbols 0x40..=0xBF.
const THAI_BASE: u8 = 0x40;
const MAX_OTHER: usize = THAI_BASE as usize - 1;

/// Decodes a front-coded word list into its words laid end to end and the
/// end of each. `None` when the bytes are not a well-formed list.
pub(crate) fn decode_word_list(bytes: &[u8]) -> Option<(String, Vec<u32>)> {
    let count = u32::from_le_bytes(bytes.get(..4)?.try_into().ok()?) as usize;
    let others = usize::from(*bytes.get(4)?);
    if others > MAX_OTHER {
        return None;
    }
    // Every symbol's character, so that decoding copies whole characters and
    // the text never needs a UTF-8 check (which alone took a quarter of the time).
    let mut alphabet = String::new();
    let mut bounds = [(0usize, 0usize); 256];
    let mut rest = bytes.get(5..)?;
    for bound in bounds.iter_mut().skip(1).take(others) {
        let len = match *rest.first()? {
            0x00..=0x7F => 1,
            0xC0..=0xDF => 2,
            0xE0..=0xEF => 3,
            _ => 4,
        };
        let start = alphabet.len();
        alphabet.push_str(std::str::from_utf8(rest.get(..len)?).ok()?);
        *bound = (start, alphabet.len());
        rest = &rest[len..];
    }
    for k in 0..0x80u8 {
        let start = alphabet.len();
        alphabet.push(char::from_u32(0x0E00 + u32::from(k))?);
        bounds[usize::from(THAI_BASE + k)] = (start, alphabet.len());
    }
    let symbol: Vec<&str> = bounds.iter().map(|&(a, b)| &alphabet[a..b]).collect();
    let (shared, mut symbols) = (rest.get(..count)?, &rest[count..]);

    let mut text = String::with_capacity(symbols.len() * 3);
    let mut ends = Vec::with_capacity(count);
    // The word being decoded, and where each of its characters ends.
    let mut word = String::with_capacity(256);
    let mut char_ends: Vec<usize> = Vec::with_capacity(256);
    for &keep in shared {
        let keep = usize::from(keep);
        word.truncate(if keep == 0 {
            0
        } else {
            *char_ends.get(keep - 1)?
        });
        char_ends.truncate(keep);
        loop {
            let (&s, tail) = symbols.split_first()?;
            symbols = tail;
            if s == 0 {
                break;
            }
            match symbol[usize::from(s)] {
                "" => return None,
                c => word.push_str(c),
            }
            char_ends.push(word.len());
        }
        text.push_str(&word);
        ends.push(u32::try_from(text.len()).ok()?);
    }
    if !symbols.is_empty() {
        return None;
    }
    Some((text, ends))
}

/// Front-codes words that are sorted and distinct (the inverse of [`decode_word_list`]).
/// Panics on more than 63 distinct characters outside the Thai block.
#[cfg(test)]
pub(crate) fn encode_word_list(words: &[impl AsRef<str>]) -> Vec<u8> {
    use super::chars::is_thai;
    let mut others: Vec<char> = words
        .iter()
        .flat_map(|w| w.as_ref().chars())
        .filter(|&c| !is_thai(c))
        .collect();
    others.sort_unstable();
    others.dedup();
    assert!(others.len() <= MAX_OTHER, "too many non-Thai characters");
    let symbol = |c: char| match c {
        c if is_thai(c) => THAI_BASE + (c as u32 - 0x0E00) as u8,
        _ => others.binary_search(&c).expect("collected above") as u8 + 1,
    };
    let mut out = Vec::new();
    out.extend_from_slice(&(words.len() as u32).to_le_bytes());
    out.push(others.len() as u8);
    for c in &others {
        out.extend_from_slice(c.encode_utf8(&mut [0; 4]).as_bytes());
    }
    let mut shared = Vec::with_capacity(words.len());
    let mut symbols = Vec::new();
    let mut previous: Vec<char> = Vec::new();
    for w in words {
        let chars: Vec<char> = w.as_ref().chars().collect();
        let keep = previous
            .iter()
            .zip(&chars)
            .take_while(|(a, b)| a == b)
            .count()
            .min(255);
        shared.push(keep as u8);
        symbols.extend(chars[keep..].iter().map(|&c| symbol(c)));
        symbols.push(0);
        previous = chars;
    }
    out.extend(shared);
    out.extend(symbols);
    out
}

#[cfg(test)]
mod prune;

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
        assert!(d.len() > 18_000, "{}", d.len());
        assert!(d.contains("ร้อยกรอง"));
        for term in Dictionary::curriculum_lexicon() {
            assert!(d.contains(&term), "{term}");
        }
        assert!(!d.contains(""));
        assert!(d.has_prefix("ร้อยก"));
    }

    /// Keeps `data/thai/words.fc` in step with the text files it is made from
    /// (see `crate::generated`).
    #[test]
    fn generated_words_fc_is_the_text_files_encoded() {
        let dictionary = Dictionary::from_text_files();
        let encoded = encode_word_list(&dictionary.words().collect::<Vec<_>>());
        crate::generated::check_or_write(
            "data/thai/words.fc",
            &encoded,
            "data/thai/words_th.txt and curriculum_lexicon.txt, pruned and normalised",
        );
    }

    #[test]
    fn decoded_dictionary_equals_the_pruning_rule_applied_to_the_text_files() {
        let (decoded, expected) = (Dictionary::build_embedded(), Dictionary::from_text_files());
        assert_eq!(decoded.len(), expected.len());
        assert!(decoded.words().eq(expected.words()));
        assert_eq!(decoded.text, expected.text);
        assert_eq!(decoded.ends, expected.ends);
    }

    #[test]
    fn front_coding_round_trips_shared_prefixes_and_other_characters() {
        let words = ["", "1 ก", "ก", "กข", "กข…", "ข", "ไก่"];
        let (text, ends) = decode_word_list(&encode_word_list(&words)).expect("well-formed");
        let expected = Dictionary::from_sorted(&words);
        assert_eq!((text, ends), (expected.text, expected.ends));
    }

    #[test]
    fn a_truncated_or_garbled_list_is_refused_not_misread() {
        let encoded = encode_word_list(&["กา", "กาก", "ขา"]);
        for cut in 0..encoded.len() {
            assert!(decode_word_list(&encoded[..cut]).is_none(), "cut at {cut}");
        }
        let mut unknown_symbol = encoded.clone();
        *unknown_symbol.last_mut().expect("non-empty") = 0;
        unknown_symbol.insert(unknown_symbol.len() - 1, 0x30);
        assert!(decode_word_list(&unknown_symbol).is_none());
    }
}
