//! Normalisation of Thai text: the first step of the pipeline.
//!
//! Teachers paste curriculum text from Word files, web pages and, above all, PDFs. The same
//! words then arrive in many byte sequences: invisible characters, odd spaces, Thai digits,
//! `ํ` + `า` instead of `ำ`, tone marks typed before vowels, and the glyph-order damage that
//! Thai PDFs do on copy. Everything downstream (segmenting, weighing, matching) compares
//! strings, so every spelling of a word must reach it as one sequence.
//!
//! # Two layers
//!
//! [`normalize_chars`] applies character rules only (see [`chars`](super::chars) for the
//! rules and their order). It needs no dictionary and is also used to normalise the
//! dictionary's own entries, so that both sides of every lookup agree; it lives in its own
//! module so that the dictionary can use it without depending on this one.
//!
//! [`repair_pdf_breaks`] repairs the PDF damage that needs knowledge of words (see its docs),
//! and [`normalize_with`] runs both layers.
//!
//! Nothing here panics. The character rules are single left-to-right passes, and the
//! dictionary rules only look a bounded distance around each space, so the cost is linear in
//! the length of the text.

use super::chars::{
    displaced_run_start, is_combining_mark, is_consonant, is_following_vowel, is_non_initial,
    is_thai_letter, is_vowel_mark, run_end, starts_syllable, MAI_HAN_AKAT, PHINTHU, THANTHAKHAT,
};
use super::dict::Dictionary;

pub use super::chars::normalize_chars;

/// Repairs PDF-copy breakage that needs word knowledge. `is_word` says whether a string is a
/// dictionary word.
///
/// # The damage
///
/// Thai PDF fonts position upper and lower marks (`ั ิ ี ึ ื ุ ู ็`, tone marks, `์`) as
/// separate glyphs. Copying text out of such a PDF often emits a mark one glyph too late, after
/// the *next* base character, followed by a space where the glyph positions jump back:
/// `หลักสูตร` comes out as `หลกั สตู ร`, `การจัดการ` as `การจดั การ`. The character rules already
/// undo the cases where the next glyph was a vowel letter (`ผเู้ รียน`, `ทา่ น`, `สาํ คญั`'s `าํ`)
/// or where a vowel letter follows the space (`ใหค้ ำ`); this function handles the cases where
/// the next glyph was a consonant, which need more than characters.
///
/// # The rules
///
/// A *mark run* is a maximal run of combining marks. A run *displaced* onto consonant `N`
/// from the consonant `X` right before it reads `X N marks` and should read `X marks N`.
/// A *chunk* is a run of text between whitespace.
///
/// 1. **Impossible marks are moved back, unconditionally.** A run that cannot stand where it
///    is gets moved back one consonant when it sits on `N` in `X N` (two adjacent consonants):
///    - a run with `ั` not followed by a consonant: `ั` always needs a final consonant, so
///      `หลกั`, `คญั`, `จดั` are never Thai;
///    - a run with a vowel mark or `์` followed by a following vowel (`ะ า ำ ๅ`): two vowels
///      cannot share a consonant and a silenced consonant takes none, so `ดมีาก` is
///      `ดีมาก` whose space the character rules removed.
///
///    Both patterns are absent from correctly spelled Thai, so this rule cannot change clean
///    text. When the run was followed by one space and then a Thai consonant or leading vowel,
///    that space is the copy's artefact and is removed too (`การจดั การ` → `การจัดการ`). The
///    one exception to the move: `ั` before a space may also sit in place with the space put
///    inside its word (`หลั กสูตร`); when only that reading, with the space removed, is all
///    dictionary words, it wins. A run that does not sit on `X N` is left alone.
/// 2. **Possible displacements are repaired only on the dictionary's word.** A space after a
///    Thai mark or following vowel and before a Thai consonant or leading vowel may be an
///    artefact. The dictionary scores each reading of the text around it by the fewest Thai
///    characters left outside words, then the fewest pieces (words plus stray characters):
///    - *move*: when the chunk before ends in `X N marks`, the run moves back and the space
///      goes (`หลักสตู ร` → `หลักสูตร`, `ประเมนิ ความ` → `ประเมินความ`) if that reading scores
///      strictly better than keeping the space;
///    - *join*: otherwise the space alone goes (`สำ คัญ` → `สำคัญ`, `ท่า น` → `ท่าน`) only if
///      a dictionary word does not both end before the space and start after it, and joining
///      leaves strictly fewer characters outside words.
///
///    Displacements come in chains (`ทมี่ คี วาม` for `ที่มีความ`) where no repair reads as
///    words without the next, so the text after the space is also scored with its own chain
///    of such spaces repaired, up to `WINDOW` characters. At the end of a chunk, where no
///    space is left to judge (rule 3 trims it at a line end), a run on `X N` moves back when
///    that scores strictly better (`ประเมนิ` → `ประเมิน`).
///
///    Spaces after a consonant are never touched: a consonant-final syllable gives no sign of
///    displacement, and most real spaces follow one. Line breaks are never removed here:
///    a line break is structure, and the character rules already join those that cannot be
///    real.
///
/// Rule 2 is what keeps clean text clean. Clean text is words, so keeping its spaces leaves
/// nothing unknown; a repair must beat that, and moving a correctly placed mark makes a
/// non-word. A join without a move is refused outright between two dictionary words. Text the
/// dictionary does not know cannot be "improved" by a join either. Everything is judged a
/// bounded distance (`WINDOW` characters) either side of a space, so the cost stays linear.
///
/// Joining brings characters together that neither the character rules nor rule 1 have seen
/// side by side, and changes what the next space sees, so the rules and [`normalize_chars`]
/// run in rounds until nothing changes (at most `MAX_ROUNDS`; in practice one or two). The
/// result is therefore always character-normalised, even if `text` was not.
pub fn repair_pdf_breaks(text: &str, is_word: &dyn Fn(&str) -> bool) -> String {
    repair(text, &is_word)
}

/// [`repair_pdf_breaks`] over any word list.
fn repair(text: &str, words: &dyn Words) -> String {
    let mut text = text.to_string();
    for round in 0..MAX_ROUNDS {
        let chars: Vec<char> = text.chars().collect();
        let judge = ReadingJudge { words };
        let moved = move_impossible_marks(&chars, Some(&judge));
        let joined = join_confirmed_breaks(&moved, &judge);
        if round > 0 && joined == chars {
            break;
        }
        // Joining brings characters side by side that the character rules have not seen
        // together (`ภูม` + `แิท่ง`), so each round ends with them.
        let next = normalize_chars(&string_of(&joined));
        // A round is a pure function of its text: one that gave back the text it was given
        // would be repeated exactly by every later round. Clean text (most input) stops
        // here, after one round of dictionary work instead of two.
        if next == text {
            break;
        }
        text = next;
    }
    text
}

/// The full normaliser = `repair_pdf_breaks(normalize_chars(text), is_word)`.
pub fn normalize_with(text: &str, is_word: &dyn Fn(&str) -> bool) -> String {
    repair_pdf_breaks(&normalize_chars(text), is_word)
}

/// The full normaliser over a [`Dictionary`]: the same result as
/// [`normalize_with`] with `|w| dict.contains(w)`, faster, because the repair rules can ask
/// which words start at a place in one prefix search instead of one lookup per length.
pub fn normalize_with_dictionary(text: &str, dict: &Dictionary) -> String {
    repair(&normalize_chars(text), dict)
}

/// The full normaliser over the embedded dictionary.
pub fn normalize(text: &str) -> String {
    normalize_with_dictionary(text, Dictionary::embedded())
}

/// What the repair rules ask of a word list.
trait Words {
    fn is_word(&self, word: &str) -> bool;

    /// Calls `found(end)` for each of `ends` (ascending byte offsets into `text`, on char
    /// boundaries) where `text[..end]` is a word.
    fn words_at(
        &self,
        text: &str,
        ends: &mut dyn Iterator<Item = usize>,
        found: &mut dyn FnMut(usize),
    );
}

/// A bare membership test answers one length at a time.
impl<F: Fn(&str) -> bool> Words for F {
    fn is_word(&self, word: &str) -> bool {
        self(word)
    }

    fn words_at(
        &self,
        text: &str,
        ends: &mut dyn Iterator<Item = usize>,
        found: &mut dyn FnMut(usize),
    ) {
        for end in ends {
            if self(&text[..end]) {
                found(end);
            }
        }
    }
}

/// The sorted dictionary stops at the first length no word starts with.
impl Words for Dictionary {
    fn is_word(&self, word: &str) -> bool {
        self.contains(word)
    }

    fn words_at(
        &self,
        text: &str,
        ends: &mut dyn Iterator<Item = usize>,
        found: &mut dyn FnMut(usize),
    ) {
        Dictionary::words_at(self, text, ends, found)
    }
}

// ---------------------------------------------------------------------------------------------
// PDF repair.

/// How many characters either side of a space the repair rules look at.
const WINDOW: usize = 32;
/// The longest word (in characters) looked up; longer dictionary entries are compounds whose
/// parts are entries too.
const MAX_WORD: usize = 24;
/// Repair rounds at most; each is linear, and a round that changes nothing ends the loop.
const MAX_ROUNDS: usize = 4;

/// Repair rule 1: moves impossible mark runs back one consonant and drops the space the copy
/// put after them.
///
/// One case has a second possible repair: `ั` before a space may also be in place with the
/// space inserted inside the word (`หลั กสูตร`), as some extractors do. With a dictionary
/// (`judge`), the space alone is removed when only that reading is all dictionary words.
fn move_impossible_marks(chars: &[char], judge: Option<&ReadingJudge<'_>>) -> Vec<char> {
    let mut out: Vec<char> = Vec::with_capacity(chars.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let n = out.len();
        if is_combining_mark(c) && n >= 2 && is_consonant(out[n - 1]) && is_consonant(out[n - 2]) {
            let end = run_end(chars, i, is_combining_mark);
            let run = &chars[i..end];
            let next = chars.get(end).copied();
            if is_impossible_run(run, next) {
                let artefact =
                    next == Some(' ') && chars.get(end + 1).is_some_and(|&a| starts_syllable(a));
                let in_place = artefact
                    && judge.is_some_and(|judge| {
                        judge.space_inside_word(&out, run, &RightContext::after(chars, end))
                    });
                let consonant = out[n - 1];
                if in_place {
                    out.extend(run);
                } else {
                    out[n - 1] = run[0];
                    out.extend(&run[1..]);
                    out.push(consonant);
                }
                i = if artefact { end + 1 } else { end };
                continue;
            }
        }
        out.push(c);
        i += 1;
    }
    out
}

/// Whether a mark run followed by `next` is impossible in Thai spelling (see
/// [`repair_pdf_breaks`], rule 1).
fn is_impossible_run(run: &[char], next: Option<char>) -> bool {
    let final_needed = run.contains(&MAI_HAN_AKAT) && !next.is_some_and(is_consonant);
    let vowel_clash = run
        .iter()
        .any(|&m| (is_vowel_mark(m) && m != PHINTHU) || m == THANTHAKHAT)
        && next.is_some_and(is_following_vowel);
    final_needed || vowel_clash
}

/// Repair rule 2: removes the spaces the dictionary confirms as copy artefacts, and moves
/// back the mark runs it confirms as displaced at the end of a chunk.
fn join_confirmed_breaks(chars: &[char], judge: &ReadingJudge<'_>) -> Vec<char> {
    let mut out: Vec<char> = Vec::with_capacity(chars.len());
    // Where the chunk being built in `out` starts: after the last whitespace kept.
    let mut chunk_start = 0;
    for (i, &c) in chars.iter().enumerate() {
        if c == ' ' {
            let before = out[chunk_start..].last().copied();
            let after = chars.get(i + 1).copied();
            let candidate = before.is_some_and(|b| is_combining_mark(b) || is_following_vowel(b))
                && after.is_some_and(starts_syllable);
            if candidate {
                let right = RightContext::after(chars, i);
                let left = window_start(&out, chunk_start);
                let repair = judge.confirmed_repair(&out[left..], &right);
                if let Some(repair) = repair {
                    if let Repair::MoveMarks { at } = repair {
                        // `out[left + at]` is the consonant the marks were displaced onto.
                        out[left + at..].rotate_left(1);
                    }
                    continue;
                }
            }
        }
        if !is_thai_letter(c) && out.last().is_some_and(|&p| is_combining_mark(p)) {
            restore_chunk_end(&mut out, chunk_start, judge);
        }
        out.push(c);
        if c.is_whitespace() {
            chunk_start = out.len();
        }
    }
    restore_chunk_end(&mut out, chunk_start, judge);
    out
}

/// At the end of a chunk there is no space left to judge (rule 3 trims it at a line end), but
/// a mark run on `X N` may still be displaced: it moves back when the dictionary reads the
/// chunk better that way (`ประเมนิ` → `ประเมิน`).
fn restore_chunk_end(out: &mut [char], chunk_start: usize, judge: &ReadingJudge<'_>) {
    let left = window_start(out, chunk_start);
    let window = &out[left..];
    if let Some(at) = displaced_run_start(window) {
        let mut moved = window.to_vec();
        moved[at..].rotate_left(1);
        if judge.score(&moved) < judge.score(window) {
            out[left + at..].rotate_left(1);
        }
    }
}

/// The start of the left window: at most `WINDOW` characters back, not before `chunk_start`,
/// and moved forward to a syllable start so the window does not begin inside a cluster.
fn window_start(out: &[char], chunk_start: usize) -> usize {
    let mut start = chunk_start.max(out.len().saturating_sub(WINDOW));
    if start > chunk_start {
        while start < out.len() && !starts_syllable(out[start]) {
            start += 1;
        }
    }
    start
}

/// How a space confirmed as an artefact is repaired.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Repair {
    /// Remove the space only.
    Join,
    /// Remove the space and move the marks at the end of the left text back over the
    /// consonant at this index (of the left text).
    MoveMarks { at: usize },
}

/// The text right of a candidate space, as far as rule 2 looks: the chunk after it and,
/// while each chunk ends in a mark run followed by another candidate space, the chunks after
/// that (`WINDOW` characters at most). Broken PDF text often has several displacements in a
/// row (`ทมี่ คี วาม` for `ที่มีความ`), and no single repair in such a chain reads as words
/// without the others.
struct RightContext<'a> {
    chunks: Vec<&'a [char]>,
    /// Whether the last chunk ends where its chunk really ends (not cut by the window).
    complete: bool,
}

impl<'a> RightContext<'a> {
    /// The context after the space at `chars[space]`.
    fn after(chars: &'a [char], space: usize) -> Self {
        let mut chunks = Vec::new();
        let mut start = space + 1;
        let mut budget = WINDOW;
        loop {
            // Looking one character past the budget is enough to tell a cut chunk.
            let limit = chars.len().min(start + budget + 1);
            let end = run_end(&chars[..limit], start, |c| !c.is_whitespace());
            if end - start >= budget {
                chunks.push(&chars[start..start + budget]);
                let complete = !matches!(chars.get(start + budget), Some(c) if !c.is_whitespace());
                return RightContext { chunks, complete };
            }
            chunks.push(&chars[start..end]);
            budget -= end - start;
            let chained = end > start
                && is_combining_mark(chars[end - 1])
                && chars.get(end) == Some(&' ')
                && chars.get(end + 1).is_some_and(|&c| starts_syllable(c));
            if !chained {
                return RightContext {
                    chunks,
                    complete: true,
                };
            }
            start = end + 1;
        }
    }

    /// `prefix` followed by every chunk, each joined on with its displaced marks moved back:
    /// the reading in which every space of the chain is an artefact. The run at the very end
    /// may be displaced or not (nothing after it tells), so both forms are given.
    fn repaired_after(&self, prefix: &[char]) -> [Vec<char>; 2] {
        let mut text = prefix.to_vec();
        for (k, chunk) in self.chunks.iter().enumerate() {
            text.extend_from_slice(chunk);
            if k + 1 < self.chunks.len() {
                if let Some(at) = displaced_run_start(&text) {
                    text[at..].rotate_left(1);
                }
            }
        }
        let mut moved = text.clone();
        if let Some(at) = displaced_run_start(&moved).filter(|_| self.complete) {
            moved[at..].rotate_left(1);
        }
        [text, moved]
    }
}

/// Judges readings of short runs of characters by the words of a word list: how well each
/// segments into words, and so which repair of a space reads best.
struct ReadingJudge<'a> {
    words: &'a dyn Words,
}

impl ReadingJudge<'_> {
    /// Decides whether the space between `left` and `right` is an artefact (repair rule 2).
    ///
    /// Each reading is scored in its best form: the chunk after the space alone (`first`) with
    /// the rest of the chain kept apart, or the whole chain repaired.
    fn confirmed_repair(&self, left: &[char], right: &RightContext<'_>) -> Option<Repair> {
        let first = right.chunks.first()?;
        let displaced = displaced_run_start(left);
        // Without marks to move, a space between two dictionary words is kept whatever the
        // scores say (the last test below); the scores, the costly part, are not needed.
        if displaced.is_none() && self.ends_with_word(left) && self.starts_with_word(first) {
            return None;
        }
        let rest_kept = self.rest_kept(right);
        let kept = self.score(left)
            + self
                .joined_score(&[], right)
                .min(self.score(first) + rest_kept);
        if let Some(at) = displaced {
            let mut moved = left.to_vec();
            moved[at..].rotate_left(1);
            if self.joined_score(&moved, right) < kept {
                return Some(Repair::MoveMarks { at });
            }
        }
        if kept.unknown == 0 || (self.ends_with_word(left) && self.starts_with_word(first)) {
            return None;
        }
        (self.joined_score(left, right).unknown < kept.unknown).then_some(Repair::Join)
    }

    /// The chunks of `right` after the first, each scored on its own.
    fn rest_kept(&self, right: &RightContext<'_>) -> Score {
        right.chunks[1.min(right.chunks.len())..]
            .iter()
            .fold(Score::default(), |sum, chunk| sum + self.score(chunk))
    }

    /// The score of `prefix` joined with the text right of a space, in its best form: joined
    /// with the first chunk only (the rest of the chain kept apart), or with the whole chain
    /// repaired.
    fn joined_score(&self, prefix: &[char], right: &RightContext<'_>) -> Score {
        let Some(first) = right.chunks.first() else {
            return self.score(prefix);
        };
        let one = self.score(&concat(prefix, first)) + self.rest_kept(right);
        let [plain, moved] = right.repaired_after(prefix);
        one.min(self.score(&plain)).min(self.score(&moved))
    }

    /// For `before` + `run` + space + `right`, where `run` holds an impossible `ั`: whether
    /// the text reads as words with the run in place and the space removed, and not with the
    /// run moved back one consonant (repair rule 1).
    fn space_inside_word(&self, before: &[char], run: &[char], right: &RightContext<'_>) -> bool {
        let start = before.len().saturating_sub(WINDOW);
        let start = before[start..]
            .iter()
            .rposition(|c| c.is_whitespace())
            .map_or(start, |k| start + k + 1);
        // A chunk that follows a possible artefact space may be the tail of a displaced word
        // (`ขอ้ งกบั`): its start is no word boundary to judge from.
        let follows_artefact = start >= 2
            && before[start - 1] == ' '
            && (is_combining_mark(before[start - 2]) || is_following_vowel(before[start - 2]));
        if follows_artefact || start + WINDOW <= before.len() {
            return false;
        }
        let mut in_place = before[start..].to_vec();
        in_place.extend_from_slice(run);
        let mut moved = in_place.clone();
        let n = before.len() - start;
        moved[n - 1..].rotate_right(1);
        // The default (the move) gives way only to a reading that is all words, against
        // one that is not: the chunk before may itself be mid-way through a chain of
        // displacements, and then neither reading is clean.
        self.joined_score(&in_place, right).unknown == 0
            && self.joined_score(&moved, right).unknown > 0
    }

    /// Whether a dictionary word ends exactly at the end of `chars`.
    fn ends_with_word(&self, chars: &[char]) -> bool {
        let text = string_of(chars);
        let offsets = char_offsets(&text);
        let n = chars.len();
        (n.saturating_sub(MAX_WORD)..n)
            .filter(|&k| !is_non_initial(chars[k]))
            .any(|k| self.words.is_word(&text[offsets[k]..]))
    }

    /// Whether a dictionary word starts at the start of `chars`.
    fn starts_with_word(&self, chars: &[char]) -> bool {
        let text = string_of(chars);
        let offsets = char_offsets(&text);
        let mut ends = (1..=chars.len().min(MAX_WORD))
            .filter(|&m| m == chars.len() || !is_non_initial(chars[m]))
            .map(|m| offsets[m]);
        let mut found = false;
        self.words.words_at(&text, &mut ends, &mut |_| found = true);
        found
    }

    /// How well `chars` reads once the rules that need no dictionary have run on it: a
    /// candidate join brings characters together that those rules have not seen side by
    /// side (`วิธีท` + `เี่` is `วิธีที่เ`).
    fn score(&self, chars: &[char]) -> Score {
        let text = string_of(chars);
        let normal: Vec<char> = normalize_chars(&text).chars().collect();
        self.segment(&move_impossible_marks(&normal, None))
    }

    /// The best segmentation of `chars` into dictionary words: fewest Thai characters left
    /// outside words, then fewest pieces (a small dynamic programme; other characters are
    /// free).
    fn segment(&self, chars: &[char]) -> Score {
        let text = string_of(chars);
        let offsets = char_offsets(&text);
        let n = chars.len();
        let mut best = vec![Score::UNREACHED; n + 1];
        best[0] = Score::default();
        for i in 0..n {
            let here = best[i];
            let thai = usize::from(is_thai_letter(chars[i]));
            let step = here
                + Score {
                    unknown: thai,
                    pieces: thai,
                };
            best[i + 1] = best[i + 1].min(step);
            if is_non_initial(chars[i]) {
                continue;
            }
            let word = here
                + Score {
                    unknown: 0,
                    pieces: 1,
                };
            // Every word starting at `i` that ends cleanly, in one prefix search; a
            // word improves only its own end, so the order of the updates is free.
            let from = offsets[i];
            let mut ends = (i + 1..=n.min(i + MAX_WORD))
                .filter(|&j| j == n || !is_non_initial(chars[j]))
                .map(|j| offsets[j] - from);
            self.words.words_at(&text[from..], &mut ends, &mut |end| {
                let j = i + offsets[i..].partition_point(|&o| o < from + end);
                if word < best[j] {
                    best[j] = word;
                }
            });
        }
        best[n]
    }
}

/// How well a text segments into dictionary words; smaller is better.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord)]
struct Score {
    /// Thai characters outside every dictionary word.
    unknown: usize,
    /// Words plus unknown characters: fewer pieces means longer, likelier words.
    pieces: usize,
}

impl Score {
    const UNREACHED: Score = Score {
        unknown: usize::MAX / 4,
        pieces: usize::MAX / 4,
    };
}

impl std::ops::Add for Score {
    type Output = Score;

    fn add(self, other: Score) -> Score {
        Score {
            unknown: self.unknown + other.unknown,
            pieces: self.pieces + other.pieces,
        }
    }
}

/// The chars as a string, allocated once: collecting chars grows a string by its char
/// count, a third of what Thai takes in UTF-8, and the repair rules do this for every
/// reading they score.
fn string_of(chars: &[char]) -> String {
    let mut text = String::with_capacity(chars.iter().map(|c| c.len_utf8()).sum());
    text.extend(chars);
    text
}

fn concat(a: &[char], b: &[char]) -> Vec<char> {
    a.iter().chain(b).copied().collect()
}

/// Byte offsets of every character boundary of `text`, including its end.
fn char_offsets(text: &str) -> Vec<usize> {
    text.char_indices()
        .map(|(i, _)| i)
        .chain(std::iter::once(text.len()))
        .collect()
}

#[cfg(test)]
mod prefix_search_tests {
    use super::*;

    #[test]
    fn prefix_search_repairs_exactly_like_one_lookup_per_length() {
        let dict = Dictionary::embedded();
        let lookup = |w: &str| dict.contains(w);
        let corpus = include_str!("../../tests/data/pdf_broken.tsv");
        let mut texts: Vec<String> = corpus
            .lines()
            .filter(|l| !l.starts_with('#'))
            .flat_map(|l| l.split('\t').take(2).map(str::to_string))
            .collect();
        // More breakage than the corpus holds: every seventh character swapped with the
        // next and a space put after the pair, as a PDF copy displaces marks.
        let swapped: Vec<String> = texts
            .iter()
            .flat_map(|t| {
                let chars: Vec<char> = t.chars().collect();
                (1..chars.len().saturating_sub(1)).step_by(7).map(move |k| {
                    let mut c = chars.clone();
                    c.swap(k, k + 1);
                    c.insert(k + 2, ' ');
                    c.into_iter().collect::<String>()
                })
            })
            .collect();
        texts.extend(swapped);
        for text in &texts {
            assert_eq!(
                normalize_with_dictionary(text, dict),
                normalize_with(text, &lookup),
                "{text}"
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dict(words: &'static [&'static str]) -> impl Fn(&str) -> bool {
        move |w: &str| words.contains(&w)
    }

    // Repair rule 1
    #[test]
    fn impossible_sara_a_moves_back_and_drops_the_artefact_space() {
        let none = |_: &str| false;
        assert_eq!(repair_pdf_breaks("หลกั สตู ร", &none), "หลักสตู ร");
        assert_eq!(repair_pdf_breaks("การจดั การ", &none), "การจัดการ");
        assert_eq!(repair_pdf_breaks("คญั", &none), "คัญ");
        assert_eq!(repair_pdf_breaks("คญั 5", &none), "คัญ 5");
    }

    #[test]
    fn a_space_inside_a_word_after_sara_a_is_closed_on_the_dictionary_word() {
        let is_word = dict(&["หลัก", "สูตร", "หลักสูตร"]);
        assert_eq!(repair_pdf_breaks("หลั กสูตร", &is_word), "หลักสูตร");
        assert_eq!(repair_pdf_breaks("หลกั สูตร", &is_word), "หลักสูตร");
        // Without the dictionary the move is the default.
        assert_eq!(repair_pdf_breaks("หลั กสูตร", &|_| false), "หัลกสูตร");
    }

    #[test]
    fn vowel_before_a_following_vowel_moves_back() {
        let none = |_: &str| false;
        assert_eq!(repair_pdf_breaks("ดมีาก", &none), "ดีมาก");
    }

    #[test]
    fn possible_marks_stay_without_the_dictionary() {
        let none = |_: &str| false;
        assert_eq!(repair_pdf_breaks("สตู ร", &none), "สตู ร");
        assert_eq!(repair_pdf_breaks("สำ คัญ", &none), "สำ คัญ");
    }

    // Repair rule 2
    #[test]
    fn dictionary_confirms_a_displaced_mark() {
        let is_word = dict(&["หลัก", "สูตร", "หลักสูตร", "สตู"]);
        assert_eq!(repair_pdf_breaks("หลกั สตู ร", &is_word), "หลักสูตร");
    }

    #[test]
    fn dictionary_confirms_a_space_after_a_vowel() {
        let is_word = dict(&["สำคัญ", "สำ"]);
        assert_eq!(repair_pdf_breaks("สำ คัญ", &is_word), "สำคัญ");
        let is_word = dict(&["ท่าน", "ท่า"]);
        assert_eq!(repair_pdf_breaks("ท่า น", &is_word), "ท่าน");
    }

    #[test]
    fn a_chain_of_displacements_is_repaired_together() {
        let is_word = dict(&["ที่", "มี", "ความ", "ที่มี"]);
        assert_eq!(repair_pdf_breaks("ทมี่ คี วาม", &is_word), "ที่มีความ");
    }

    #[test]
    fn a_displaced_run_at_a_chunk_end_moves_back_on_the_dictionary_word() {
        let is_word = dict(&["ประเมิน", "ประ", "ความ"]);
        assert_eq!(repair_pdf_breaks("ประเมนิ", &is_word), "ประเมิน");
        assert_eq!(repair_pdf_breaks("ประเมนิ\nความ", &is_word), "ประเมิน\nความ");
        let is_word = dict(&["ครู"]);
        assert_eq!(repair_pdf_breaks("ครู", &is_word), "ครู");
    }

    #[test]
    fn segment_counts_characters_outside_words_then_pieces() {
        let is_word = dict(&["หลัก", "สูตร", "หลักสูตร"]);
        let judge = ReadingJudge { words: &is_word };
        let score = |text: &str| judge.segment(&text.chars().collect::<Vec<_>>());
        assert_eq!(
            score("หลักสูตร"),
            Score {
                unknown: 0,
                pieces: 1
            }
        );
        assert_eq!(
            score("หลักสูตรa"),
            Score {
                unknown: 0,
                pieces: 1
            }
        );
        assert_eq!(
            score("หลักสตู"),
            Score {
                unknown: 3,
                pieces: 4
            }
        );
    }

    #[test]
    fn two_words_are_never_joined() {
        let is_word = dict(&["ความรู้", "ความ", "รู้", "คำ", "ประโยค", "คำประโยค"]);
        assert_eq!(repair_pdf_breaks("ความรู้ ความ", &is_word), "ความรู้ ความ");
        assert_eq!(repair_pdf_breaks("คำ ประโยค", &is_word), "คำ ประโยค");
    }

    #[test]
    fn spaces_after_consonants_and_line_breaks_are_kept() {
        let is_word = dict(&["หลักสูตร"]);
        assert_eq!(repair_pdf_breaks("หลัก สูตร", &is_word), "หลัก สูตร");
        assert_eq!(repair_pdf_breaks("หลักสตู\nร", &is_word), "หลักสตู\nร");
    }

    #[test]
    fn normalize_uses_the_embedded_dictionary() {
        assert_eq!(normalize("ผเู้ รียน"), "ผู้เรียน");
        // Only the dictionary can tell that this space is a copy artefact.
        assert_eq!(normalize("สำ คัญ"), "สำคัญ");
        assert_eq!(normalize("หลกั สตู ร"), "หลักสูตร");
        assert_eq!(normalize("ครู สอน"), "ครู สอน");
    }

    #[test]
    fn odd_input_does_not_panic() {
        let is_word = dict(&["ก", "กา"]);
        for text in [
            "",
            " ",
            "\u{0E31}",
            " \u{0E31} ",
            "กั",
            "กก\u{0E31}",
            "ก\u{0E31} ",
            "\n\n",
        ] {
            let _ = normalize_with(text, &is_word);
        }
    }
}
