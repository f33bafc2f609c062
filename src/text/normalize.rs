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
//! [`normalize_chars`] applies character rules only. It needs no dictionary and is also used
//! to normalise the dictionary's own entries, so that both sides of every lookup agree.
//! The rules run in this order (the numbers are the rule numbers used in the unit tests):
//!
//! 1. **Invisible characters removed** (`remove_invisible`): zero-width characters, the soft
//!    hyphen and bidi controls. First, because one between two marks hides them from NFC.
//! 2. **Unicode NFC** (`compose`).
//! 3. **Whitespace** (`normalize_whitespace`): odd spaces and tabs become an ASCII space, runs
//!    of spaces become one, CRLF and CR become `\n`, spaces at line ends go. Line breaks stay,
//!    because the line structure of a pasted list is what the parser reads.
//! 4. **Thai digits** (`ascii_digits`): `๐`–`๙` become `0`–`9`.
//! 5. **Breaks before a non-initial character** (`join_before_non_initial`): whitespace
//!    between a Thai letter and a combining mark or a following vowel (`ะ า ำ ๅ`) is removed;
//!    marks displaced onto the consonant before such a space move back (`ใหค้ ำ` → `ให้คำ`).
//! 6. **Marks displaced past a spacing vowel** (`restore_marks_before_spacing_vowel`):
//!    `ผเู้` → `ผู้เ`, `วา่ น` → `ว่าน`, `สาํ` → `สํา`, with the space the copy put after them.
//! 7. **Breaks after a leading vowel** (`join_after_leading_vowel`): `เ รียน` → `เรียน`.
//! 8. **Mark order** (`order_marks`): vowel marks before tone marks and `์`.
//! 9. **SARA AM** (`compose_sara_am`): `ํา` (also `ํ` + tone + `า`) becomes `ำ`.
//! 10. **NFC again** (`compose`): rules 5–9 move and remove characters, which can
//!     leave combining marks out of canonical order; the result is always NFC.
//! 11. **Doubled marks** (`collapse_doubled_marks`): `ลััพ` → `ลัพ`.
//!
//! The order is what makes the rules compose: whitespace before marks must be gone (5) before
//! marks can be moved (6); marks must be moved off a leading vowel (6) before the space after
//! it can be judged (7); marks must be in order (8) before `ํ` and `า` meet (9); and duplicates
//! only become adjacent once everything else is in place (11). No rule recreates what an
//! earlier one removed; on damaged text a later rule can still bring together what an
//! earlier one has passed, so the rules run again until nothing changes, and running
//! [`normalize_chars`] twice gives the same text as once.
//!
//! [`repair_pdf_breaks`] repairs the PDF damage that needs knowledge of words (see its docs),
//! and [`normalize_with`] runs both layers.
//!
//! Nothing here panics. Every character rule is a single left-to-right pass, and the
//! dictionary rules only look a bounded distance around each space, so the cost is linear in
//! the length of the text.

use super::cluster::{
    is_combining_mark, is_consonant, is_following_vowel, is_leading_vowel, is_tone_mark,
};

/// Character-level rules only; no dictionary. Used to normalise dictionary entries too.
///
/// See the [module documentation](self) for the rules and their order. Text outside the Thai
/// block is only touched by NFC and the whitespace and invisible-character rules.
pub fn normalize_chars(text: &str) -> String {
    if untouched_by_char_rules(text) {
        return text.to_string();
    }
    let mut text = apply_char_rules(text);
    // Each rule is one pass, and a later rule can bring together what an earlier one has
    // already passed: a space removed as a PDF artefact (rule 6) puts a leading vowel with a
    // displaced mark (`นาํ แิ`) after a vowel the rule no longer holds. Such text is damage
    // on damage; running the rules again until nothing changes keeps the promise that
    // normalising twice gives the same text as once. Most text is done in one round, and
    // the check before another round is the cheap shortcut.
    for _ in 1..MAX_CHAR_ROUNDS {
        if untouched_by_char_rules(&text) {
            break;
        }
        let next = apply_char_rules(&text);
        if next == text {
            break;
        }
        text = next;
    }
    text
}

/// At most this many rounds of the character rules (found by fuzzing: two at most).
const MAX_CHAR_ROUNDS: usize = 4;

/// The character rules in their order, without the shortcut.
fn apply_char_rules(text: &str) -> String {
    let text = remove_invisible(text);
    let text = compose(&text);
    let text = normalize_whitespace(&text);
    let text = ascii_digits(&text);
    let text = join_before_non_initial(&text);
    let text = restore_marks_before_spacing_vowel(&text);
    let text = join_after_leading_vowel(&text);
    let text = order_marks(&text);
    let text = compose_sara_am(&text);
    let text = compose(&text);
    collapse_doubled_marks(&text)
}

/// True when no character rule can change `text`: a cheap check that lets the
/// 62k dictionary entries, most clean words and clean sentences skip the rules'
/// passes (building the dictionary would otherwise cost ~80 ms at start-up, and
/// the curriculum texts the engine indexes ~10 ms). Conservative: any character
/// outside printable ASCII, the single space and the Thai letters, vowels and
/// marks (so NFC has nothing to do), NIKHAHIT, a mark after anything but a
/// consonant or another mark, a tone or ์ before a vowel mark, a doubled mark,
/// or a space that starts or ends the text, follows a space or a leading vowel,
/// or comes before a following vowel sends the text through the rules.
fn untouched_by_char_rules(text: &str) -> bool {
    let mut prev: Option<char> = None;
    for c in text.chars() {
        let quiet_space = c == ' ' && prev.is_some_and(|p| p != ' ' && !is_leading_vowel(p));
        let quiet = quiet_space
            || c.is_ascii_graphic()
            || ('\u{0E01}'..='\u{0E3A}').contains(&c)
            || ('\u{0E40}'..='\u{0E4C}').contains(&c);
        if !quiet || (prev == Some(' ') && is_following_vowel(c)) {
            return false;
        }
        if is_mark(c) {
            match prev {
                Some(p) if is_consonant(p) => {}
                Some(p) if is_mark(p) => {
                    if p == c || ((is_tone_mark(p) || p == THANTHAKHAT) && is_vowel_mark(c)) {
                        return false;
                    }
                }
                _ => return false,
            }
        }
        prev = Some(c);
    }
    prev != Some(' ')
}

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
        let dict = Dictionary { words };
        let moved = move_impossible_marks(&chars, Some(&dict));
        let joined = join_confirmed_breaks(&moved, &dict);
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

/// The full normaliser over a [`crate::text::dict::Dictionary`]: the same result as
/// [`normalize_with`] with `|w| dict.contains(w)`, faster, because the repair rules can ask
/// which words start at a place in one prefix search instead of one lookup per length.
pub fn normalize_with_dictionary(text: &str, dict: &crate::text::dict::Dictionary) -> String {
    repair(&normalize_chars(text), dict)
}

/// The full normaliser over the embedded dictionary.
pub fn normalize(text: &str) -> String {
    normalize_with_dictionary(text, crate::text::dict::Dictionary::embedded())
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
impl Words for crate::text::dict::Dictionary {
    fn is_word(&self, word: &str) -> bool {
        self.contains(word)
    }

    fn words_at(
        &self,
        text: &str,
        ends: &mut dyn Iterator<Item = usize>,
        found: &mut dyn FnMut(usize),
    ) {
        crate::text::dict::Dictionary::words_at(self, text, ends, found)
    }
}

// ---------------------------------------------------------------------------------------------
// Thai character classes (U+0E00–U+0E7F).

const SARA_A_HAN_AKAT: char = '\u{0E31}'; // ั
const SARA_AA: char = '\u{0E32}'; // า
const SARA_AM: char = '\u{0E33}'; // ำ
const PHINTHU: char = '\u{0E3A}'; // ฺ
const THANTHAKHAT: char = '\u{0E4C}'; // ์
const NIKHAHIT: char = '\u{0E4D}'; // ํ

fn is_spacing_vowel(c: char) -> bool {
    is_leading_vowel(c) || is_following_vowel(c)
}

/// Upper and lower vowel marks: ั ิ ี ึ ื ุ ู ฺ ็.
fn is_vowel_mark(c: char) -> bool {
    c == SARA_A_HAN_AKAT || ('\u{0E34}'..='\u{0E3A}').contains(&c) || c == '\u{0E47}'
}

/// Every Thai combining mark: vowel marks, tone marks, ์, ํ and ๎.
fn is_mark(c: char) -> bool {
    is_combining_mark(c)
}

/// A character that is part of a Thai word: consonant, vowel or mark (not digits, ฯ, ๆ, ฿).
fn is_thai_letter(c: char) -> bool {
    is_consonant(c) || is_spacing_vowel(c) || is_mark(c)
}

/// A character no word starts with.
fn is_non_initial(c: char) -> bool {
    is_mark(c) || is_following_vowel(c)
}

/// A character a Thai syllable can start with.
fn starts_syllable(c: char) -> bool {
    is_consonant(c) || is_leading_vowel(c)
}

/// Spaces and line breaks: the whitespace left after rule 3.
fn is_break(c: char) -> bool {
    c == ' ' || c == '\n'
}

// ---------------------------------------------------------------------------------------------
// Character rules, in the order `normalize_chars` applies them.

/// Rule 1: removes zero-width characters (ZWSP, ZWNJ, ZWJ, WJ, BOM), the soft hyphen and bidi
/// controls. Thai has no spaces between words, so ZWSP is often used as an invisible word
/// break; it would otherwise split a word in two for every string comparison.
fn remove_invisible(text: &str) -> String {
    text.chars().filter(|&c| !is_invisible(c)).collect()
}

/// Rule 2 (and 10): Unicode NFC.
fn compose(text: &str) -> String {
    super::nfc::nfc(text)
}

pub(crate) fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{200B}'..='\u{200F}'
            | '\u{2060}'
            | '\u{FEFF}'
            | '\u{00AD}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2066}'..='\u{2069}'
    )
}

/// Rule 3: odd spaces (NBSP, U+2000–U+200A, U+202F, U+205F, U+3000) and tabs become one ASCII
/// space per run; CRLF and CR become `\n`; spaces right before a line break or at the end of
/// the text are dropped. Leading spaces and blank lines stay: nothing else is trimmed here.
fn normalize_whitespace(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut pending_space = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        let c = match c {
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                '\n'
            }
            c if is_odd_space(c) => ' ',
            c => c,
        };
        match c {
            ' ' => pending_space = true,
            '\n' => {
                pending_space = false;
                out.push('\n');
            }
            c => {
                if pending_space {
                    out.push(' ');
                    pending_space = false;
                }
                out.push(c);
            }
        }
    }
    out
}

fn is_odd_space(c: char) -> bool {
    matches!(
        c,
        '\t' | '\u{00A0}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}'
    )
}

/// Rule 4: Thai digits `๐`–`๙` become ASCII `0`–`9`, so `ป.๔` and `ป.4` are one code.
fn ascii_digits(text: &str) -> String {
    text.chars().map(ascii_digit).collect()
}

/// A Thai digit (๐–๙) as its Arabic digit; any other character unchanged.
pub(crate) fn ascii_digit(c: char) -> char {
    match c {
        '\u{0E50}'..='\u{0E59}' => char::from(b'0' + (c as u32 - 0x0E50) as u8),
        c => c,
    }
}

/// Rule 5: removes whitespace (spaces and line breaks) between a Thai letter and a character
/// that cannot start a word: a combining mark or a following vowel (`ส ำคัญ` → `สำคัญ`).
/// Such breaks come from PDF copies and from line wrapping mid-word.
///
/// A single space between a mark run and a following vowel is also evidence of *where* the
/// marks came from: a PDF copy puts a space right after the marks it displaced one consonant
/// to the right. So when the run sits on the second of two adjacent consonants (`X N marks`),
/// it moves back onto `X`: `ใหค้ ำ` → `ให้คำ`, `แตล่ ะ` → `แต่ละ`, `ดมี าก` → `ดีมาก`. A run
/// with NIKHAHIT is left in place: `นํ า` is SARA AM split in two (rule 9), not a displacement.
fn join_before_non_initial(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out: Vec<char> = Vec::with_capacity(chars.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if is_break(c) {
            let end = run_end(&chars, i, is_break);
            let after_thai = out.last().is_some_and(|&p| is_thai_letter(p));
            let next = chars.get(end).copied();
            if after_thai && next.is_some_and(is_non_initial) {
                let single_space = c == ' ' && end == i + 1;
                if single_space && next.is_some_and(is_following_vowel) {
                    if let Some(at) = displaced_run_start(&out) {
                        if !out[at..].contains(&NIKHAHIT) {
                            out[at..].rotate_left(1);
                        }
                    }
                }
            } else {
                out.extend(&chars[i..end]);
            }
            i = end;
        } else {
            out.push(c);
            i += 1;
        }
    }
    out.into_iter().collect()
}

/// Rule 6: a mark right after a spacing vowel belongs to the consonant before that vowel:
/// PDFs emit the vowel glyph first. `ผเู้` → `ผู้เ`, `วา่` → `ว่า`, `นำ้` → `น้ำ`, `สาํ` → `สํา`
/// (rule 9 then makes `สำ`). Correct Thai never has a mark after a spacing vowel, so clean
/// text is never touched.
///
/// Only a consonant without marks of its own takes them: on one that has marks, the marks
/// after the vowel may have come from further back in a chain of displacements, and are left
/// for [`repair_pdf_breaks`]. NIKHAHIT after `า` is the exception: it is the upper half of
/// `ำ` whatever the consonant carries (`น้าํ` → `น้ํา`). Marks after a vowel that follows no
/// consonant stay: there is nothing to move them onto.
///
/// The copy also puts a space after the marks it displaced: when one space follows moved
/// marks and a syllable starts after it, that space goes too (`ทา่ น` → `ท่าน`, `คาํ ถาม` →
/// `คําถาม`).
fn restore_marks_before_spacing_vowel(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    // Spacing vowels held back while the consonant before them may still receive marks.
    let mut held: Vec<char> = Vec::new();
    // Whether the last base was a consonant, and whether it had no marks of its own.
    let mut consonant = false;
    let mut bare = false;
    let mut moved = false;
    for (i, &c) in chars.iter().enumerate() {
        if is_mark(c) {
            if held.is_empty() {
                // `ํ` is the first half of a split `ำ` (`ํา`), not a mark of the consonant's
                // own: a tone after the `า` was still displaced (`นํา้` is `น้ำ`). Left as it
                // was, SARA AM (rule 9) joined `ํา` and a second run moved the tone.
                bare &= c == NIKHAHIT;
            } else if bare || (c == NIKHAHIT && held.last() == Some(&SARA_AA)) {
                moved = true;
            } else {
                out.extend(held.drain(..));
                consonant = false;
            }
            out.push(c);
        } else if is_spacing_vowel(c) && consonant {
            held.push(c);
        } else {
            out.extend(held.drain(..));
            let artefact =
                moved && c == ' ' && chars.get(i + 1).is_some_and(|&n| starts_syllable(n));
            if !artefact {
                out.push(c);
            }
            consonant = !artefact && is_consonant(c);
            bare = consonant;
            moved = false;
        }
    }
    out.extend(held);
    out
}

/// Rule 7: removes whitespace after a leading vowel (`เ แ โ ใ ไ`) when a consonant follows.
/// A leading vowel is written before its consonant, so it never ends a word: `เ รียน` is
/// `เรียน` broken by a PDF copy or a line wrap.
fn join_after_leading_vowel(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if is_break(c) {
            let end = run_end(&chars, i, is_break);
            let after_leading = i > 0 && is_leading_vowel(chars[i - 1]);
            let before_consonant = chars.get(end).is_some_and(|&n| is_consonant(n));
            if !(after_leading && before_consonant) {
                out.extend(&chars[i..end]);
            }
            i = end;
        } else {
            out.push(c);
            i += 1;
        }
    }
    out
}

/// Rule 8: within a run of marks, vowel marks come before tone marks and `์` (`ท่ี` →
/// `ที่`). Both orders render the same, so typists and PDFs produce both; only one is
/// correct, and only one matches the dictionary. The relative order of the other marks is
/// kept.
fn order_marks(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        if is_mark(chars[i]) {
            let end = run_end(&chars, i, is_mark);
            let run = &chars[i..end];
            out.extend(run.iter().filter(|&&m| is_vowel_mark(m)));
            out.extend(run.iter().filter(|&&m| !is_vowel_mark(m)));
            i = end;
        } else {
            out.push(chars[i]);
            i += 1;
        }
    }
    out
}

/// Rule 9: NIKHAHIT + SARA AA (`ํา`) becomes SARA AM (`ำ`), which is how it is drawn and how
/// PDFs often store it. Tone marks between the two (`นํ้า`, PDF glyph order) move before the
/// `ำ` (`น้ำ`), and one space between them (`นํ า`) is dropped.
fn compose_sara_am(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        if chars[i] == NIKHAHIT {
            let tones_end = run_end(&chars, i + 1, is_tone_mark);
            let aa = if chars.get(tones_end) == Some(&' ') {
                tones_end + 1
            } else {
                tones_end
            };
            if chars.get(aa) == Some(&SARA_AA) {
                out.extend(&chars[i + 1..tones_end]);
                out.push(SARA_AM);
                i = aa + 1;
                continue;
            }
        }
        out.push(chars[i]);
        i += 1;
    }
    out
}

/// Rule 11: a mark repeated right after itself is dropped (`ก่่` → `ก่`, `ผลลััพธ์` →
/// `ผลลัพธ์`): a stacked duplicate is invisible in most fonts but breaks every lookup.
fn collapse_doubled_marks(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut previous = None;
    for c in text.chars() {
        if !(is_mark(c) && previous == Some(c)) {
            out.push(c);
        }
        previous = Some(c);
    }
    out
}

/// The end of the run of characters satisfying `pred` that starts at `start`.
fn run_end(chars: &[char], start: usize, pred: impl Fn(char) -> bool) -> usize {
    let mut end = start.min(chars.len());
    while end < chars.len() && pred(chars[end]) {
        end += 1;
    }
    end
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
/// (`dict`), the space alone is removed when only that reading is all dictionary words.
fn move_impossible_marks(chars: &[char], dict: Option<&Dictionary<'_>>) -> Vec<char> {
    let mut out: Vec<char> = Vec::with_capacity(chars.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let n = out.len();
        if is_mark(c) && n >= 2 && is_consonant(out[n - 1]) && is_consonant(out[n - 2]) {
            let end = run_end(chars, i, is_mark);
            let run = &chars[i..end];
            let next = chars.get(end).copied();
            if is_impossible_run(run, next) {
                let artefact =
                    next == Some(' ') && chars.get(end + 1).is_some_and(|&a| starts_syllable(a));
                let in_place = artefact
                    && dict.is_some_and(|dict| {
                        dict.space_inside_word(&out, run, &RightContext::after(chars, end))
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
    let final_needed = run.contains(&SARA_A_HAN_AKAT) && !next.is_some_and(is_consonant);
    let vowel_clash = run
        .iter()
        .any(|&m| (is_vowel_mark(m) && m != PHINTHU) || m == THANTHAKHAT)
        && next.is_some_and(is_following_vowel);
    final_needed || vowel_clash
}

/// Repair rule 2: removes the spaces the dictionary confirms as copy artefacts, and moves
/// back the mark runs it confirms as displaced at the end of a chunk.
fn join_confirmed_breaks(chars: &[char], dict: &Dictionary<'_>) -> Vec<char> {
    let mut out: Vec<char> = Vec::with_capacity(chars.len());
    // Where the chunk being built in `out` starts: after the last whitespace kept.
    let mut chunk_start = 0;
    for (i, &c) in chars.iter().enumerate() {
        if c == ' ' {
            let before = out[chunk_start..].last().copied();
            let after = chars.get(i + 1).copied();
            let candidate = before.is_some_and(|b| is_mark(b) || is_following_vowel(b))
                && after.is_some_and(starts_syllable);
            if candidate {
                let right = RightContext::after(chars, i);
                let left = window_start(&out, chunk_start);
                let repair = dict.confirmed_repair(&out[left..], &right);
                if let Some(repair) = repair {
                    if let Repair::MoveMarks { at } = repair {
                        // `out[left + at]` is the consonant the marks were displaced onto.
                        out[left + at..].rotate_left(1);
                    }
                    continue;
                }
            }
        }
        if !is_thai_letter(c) && out.last().is_some_and(|&p| is_mark(p)) {
            restore_chunk_end(&mut out, chunk_start, dict);
        }
        out.push(c);
        if c.is_whitespace() {
            chunk_start = out.len();
        }
    }
    restore_chunk_end(&mut out, chunk_start, dict);
    out
}

/// At the end of a chunk there is no space left to judge (rule 3 trims it at a line end), but
/// a mark run on `X N` may still be displaced: it moves back when the dictionary reads the
/// chunk better that way (`ประเมนิ` → `ประเมิน`).
fn restore_chunk_end(out: &mut [char], chunk_start: usize, dict: &Dictionary<'_>) {
    let left = window_start(out, chunk_start);
    let window = &out[left..];
    if let Some(at) = displaced_run_start(window) {
        let mut moved = window.to_vec();
        moved[at..].rotate_left(1);
        if dict.score(&moved) < dict.score(window) {
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
                && is_mark(chars[end - 1])
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

/// If `left` ends with `X N marks` (two adjacent consonants and a mark run), the index of `N`.
fn displaced_run_start(left: &[char]) -> Option<usize> {
    let mut run = left.len();
    while run > 0 && is_mark(left[run - 1]) {
        run -= 1;
    }
    let has_marks = run < left.len();
    let on_pair = run >= 2 && is_consonant(left[run - 1]) && is_consonant(left[run - 2]);
    (has_marks && on_pair).then(|| run - 1)
}

/// Dictionary questions asked of short runs of characters.
struct Dictionary<'a> {
    words: &'a dyn Words,
}

impl Dictionary<'_> {
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
            && (is_mark(before[start - 2]) || is_following_vowel(before[start - 2]));
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
mod fast_path_tests {
    use super::*;

    fn slow(text: &str) -> String {
        apply_char_rules(text)
    }

    #[test]
    fn the_shortcut_only_skips_text_the_rules_leave_alone() {
        let words = include_str!("../../data/thai/words_th.txt").lines();
        let broken = [
            "ท่ี",
            "ก่่า",
            "วา่",
            "นํา",
            "ผเู้",
            "a\u{200B}b",
            "๑๒",
            "ก ่",
            "ส ำคัญ",
            "ส า",
            "เ รียน",
            "ใหค้ ำ",
            "ทา่ น",
            "คาํ ถาม",
            "นํ า",
            "a  b",
            "ก ",
            " ก",
            "ก\nข",
            "ก\tข",
            "ก ข",
        ];
        let corpus = include_str!("../../tests/data/pdf_broken.tsv");
        let pasted = corpus.lines().flat_map(|l| l.split('\t'));
        let curriculum = crate::curriculum::Curriculum::embedded();
        let indicators = curriculum.indicators().iter().map(|i| i.text.as_str());
        let items = curriculum
            .core_content()
            .iter()
            .flat_map(|b| b.items.iter().map(|i| i.text.as_str()));
        let mut skipped = 0;
        for w in words
            .chain(broken)
            .chain(pasted)
            .chain(indicators)
            .chain(items)
        {
            if untouched_by_char_rules(w) {
                skipped += 1;
                assert_eq!(
                    slow(w),
                    w,
                    "the shortcut skipped {w:?}, which the rules change"
                );
            }
            assert_eq!(normalize_chars(w), slow(w));
        }
        assert!(skipped > 60_000, "{skipped}");
    }
}

#[cfg(test)]
mod prefix_search_tests {
    use super::*;
    use crate::text::dict::Dictionary as WordList;

    #[test]
    fn prefix_search_repairs_exactly_like_one_lookup_per_length() {
        let dict = WordList::embedded();
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

    // Rule 2
    #[test]
    fn compose_makes_nfc() {
        assert_eq!(compose("e\u{0301}"), "\u{00E9}");
        // Canonical reordering puts SARA U (ccc 103) before a tone mark (ccc 107).
        assert_eq!(compose("ก\u{0E48}\u{0E38}"), "ก\u{0E38}\u{0E48}");
    }

    // Rule 1
    #[test]
    fn remove_invisible_drops_zero_width_and_bidi() {
        assert_eq!(remove_invisible("สำ\u{200B}คัญ"), "สำคัญ");
        assert_eq!(
            remove_invisible("\u{FEFF}a\u{200C}b\u{200D}c\u{2060}d\u{00AD}e"),
            "abcde"
        );
        assert_eq!(
            remove_invisible("\u{200E}\u{200F}\u{202A}x\u{202E}\u{2066}\u{2069}"),
            "x"
        );
        assert_eq!(remove_invisible("ไม่มี"), "ไม่มี");
    }

    // Rule 3
    #[test]
    fn normalize_whitespace_maps_odd_spaces_and_collapses_runs() {
        assert_eq!(normalize_whitespace("ก\u{00A0}ข"), "ก ข");
        assert_eq!(normalize_whitespace("a\t\u{2003}\u{3000} b"), "a b");
        assert_eq!(normalize_whitespace("a\u{202F}b\u{205F}c"), "a b c");
    }

    #[test]
    fn normalize_whitespace_keeps_lines_and_trims_their_ends() {
        assert_eq!(normalize_whitespace("ก  \r\nข\rค\n"), "ก\nข\nค\n");
        assert_eq!(normalize_whitespace("ก \n\n  ข  "), "ก\n\n ข");
        assert_eq!(normalize_whitespace("  leading"), " leading");
    }

    // Rule 4
    #[test]
    fn ascii_digits_maps_thai_digits() {
        assert_eq!(ascii_digits("ป.๔/๑๐ ๒๕๕๑"), "ป.4/10 2551");
        assert_eq!(ascii_digits("๐๑๒๓๔๕๖๗๘๙"), "0123456789");
    }

    // Rule 5
    #[test]
    fn join_before_non_initial_removes_breaks_inside_words() {
        assert_eq!(join_before_non_initial("ส ำคัญ"), "สำคัญ");
        assert_eq!(join_before_non_initial("ก าร"), "การ");
        assert_eq!(join_before_non_initial("ส\nำคัญ"), "สำคัญ");
        assert_eq!(join_before_non_initial("ท \n ี่"), "ที่");
    }

    #[test]
    fn marks_before_a_space_and_a_following_vowel_move_back() {
        assert_eq!(join_before_non_initial("ใหค้ ำ"), "ให้คำ");
        assert_eq!(join_before_non_initial("แตล่ ะ"), "แต่ละ");
        // SARA AM split in two is not a displacement.
        assert_eq!(join_before_non_initial("กน\u{0E4D} า"), "กน\u{0E4D}า");
        // A line break is no copy artefact: only the break goes.
        assert_eq!(join_before_non_initial("ใหค้\nำ"), "ใหค้ำ");
    }

    #[test]
    fn join_before_non_initial_keeps_real_breaks() {
        assert_eq!(join_before_non_initial("สั้น ๆ"), "สั้น ๆ");
        assert_eq!(join_before_non_initial("คำ ประโยค"), "คำ ประโยค");
        // Nothing Thai before the space: the mark has nothing to join.
        assert_eq!(join_before_non_initial("a \u{0E48}"), "a \u{0E48}");
        assert_eq!(join_before_non_initial(" า"), " า");
    }

    // Rule 6
    #[test]
    fn marks_after_a_leading_vowel_move_to_the_consonant_before_it() {
        assert_eq!(restore_marks_before_spacing_vowel("ผเู้รียน"), "ผู้เรียน");
    }

    #[test]
    fn the_space_after_moved_marks_goes_with_them() {
        assert_eq!(restore_marks_before_spacing_vowel("ผเู้ รียน"), "ผู้เรียน");
        assert_eq!(restore_marks_before_spacing_vowel("ทา่ น"), "ท่าน");
        assert_eq!(restore_marks_before_spacing_vowel("คาํ ถาม"), "คําถาม");
        // Only a space before a syllable: not before digits, and never a line break.
        assert_eq!(restore_marks_before_spacing_vowel("วา่ 5"), "ว่า 5");
        assert_eq!(restore_marks_before_spacing_vowel("วา่\nน"), "ว่า\nน");
        assert_eq!(restore_marks_before_spacing_vowel("ว่า น"), "ว่า น");
    }

    #[test]
    fn an_invisible_character_between_marks_does_not_hide_them_from_nfc() {
        // Removed after NFC, the BOM left U+0301 (ccc 230) before the tone (ccc 107) for
        // rule 6, and only NFC at the end put the tone first; a second run then moved it.
        let once = normalize_chars("ถอนเ\u{0301}\u{FEFF}\u{0E48}");
        assert_eq!(normalize_chars(&once), once);
    }

    #[test]
    fn a_mark_on_a_leading_vowel_after_a_removed_space_is_settled_in_one_call() {
        let once = normalize_chars("จำนวนาํ  แิ");
        assert_eq!(normalize_chars(&once), once);
        assert_eq!(
            apply_char_rules("จำนวนาํ  แิ"),
            "จำนวนำแิ",
            "one round leaves it"
        );
    }

    #[test]
    fn a_tone_displaced_past_a_split_sara_am_moves_back_in_one_run() {
        assert_eq!(restore_marks_before_spacing_vowel("นํา้ หนัก"), "นํ้าหนัก");
        let once = normalize_chars("นํา้ หนัก");
        assert_eq!(once, "น้ำหนัก");
        assert_eq!(normalize_chars(&once), once);
    }

    #[test]
    fn marks_after_a_following_vowel_move_before_it() {
        assert_eq!(restore_marks_before_spacing_vowel("วา่"), "ว่า");
        assert_eq!(restore_marks_before_spacing_vowel("นำ้"), "น้ำ");
        assert_eq!(restore_marks_before_spacing_vowel("สาํคัญ"), "สําคัญ");
    }

    #[test]
    fn marks_after_a_vowel_stay_off_a_consonant_with_marks() {
        // `ที่` then a tone after `า`: the tone came from elsewhere, not from `ท`.
        assert_eq!(restore_marks_before_spacing_vowel("ที่า่"), "ที่า่");
        // ...except NIKHAHIT, the upper half of `ำ`.
        assert_eq!(restore_marks_before_spacing_vowel("น้าํ"), "น้ํา");
    }

    #[test]
    fn marks_after_a_vowel_with_no_consonant_stay() {
        assert_eq!(restore_marks_before_spacing_vowel("เู้"), "เู้");
        assert_eq!(restore_marks_before_spacing_vowel(" า่"), " า่");
        assert_eq!(restore_marks_before_spacing_vowel("เรียน"), "เรียน");
    }

    // Rule 7
    #[test]
    fn join_after_leading_vowel_removes_the_break() {
        assert_eq!(join_after_leading_vowel("ผู้เ รียน"), "ผู้เรียน");
        assert_eq!(join_after_leading_vowel("แ\nละ"), "และ");
        assert_eq!(join_after_leading_vowel("เ 5"), "เ 5");
        assert_eq!(join_after_leading_vowel("ดี เรียน"), "ดี เรียน");
    }

    // Rule 8
    #[test]
    fn order_marks_puts_vowels_before_tones() {
        assert_eq!(order_marks("ท\u{0E48}\u{0E35}"), "ที่");
        assert_eq!(order_marks("ก\u{0E49}\u{0E31}น"), "กั้น");
        assert_eq!(order_marks("ศักด\u{0E4C}\u{0E34}"), "ศักดิ์");
        assert_eq!(order_marks("ที่"), "ที่");
    }

    // Rule 9
    #[test]
    fn compose_sara_am_joins_nikhahit_and_sara_aa() {
        assert_eq!(compose_sara_am("น\u{0E4D}\u{0E32}"), "นำ");
        assert_eq!(compose_sara_am("น\u{0E4D}\u{0E49}\u{0E32}"), "น\u{0E49}ำ");
        assert_eq!(compose_sara_am("น\u{0E4D} \u{0E32}"), "นำ");
        assert_eq!(compose_sara_am("ส\u{0E4D}"), "ส\u{0E4D}");
    }

    // Rule 11
    #[test]
    fn collapse_doubled_marks_keeps_one() {
        assert_eq!(collapse_doubled_marks("ผลลััพธ์"), "ผลลัพธ์");
        assert_eq!(collapse_doubled_marks("ก\u{0E48}\u{0E48}"), "ก\u{0E48}");
        // Doubled letters are spelling, not marks.
        assert_eq!(collapse_doubled_marks("ผลลัพธ์ aa"), "ผลลัพธ์ aa");
    }

    #[test]
    fn normalize_chars_applies_the_rules_together() {
        assert_eq!(normalize_chars("ผเู้ รียน"), "ผู้เรียน");
        assert_eq!(normalize_chars("ท่ี"), "ที่");
        assert_eq!(normalize_chars("น\u{0E4D}\u{0E49} \u{0E32}"), "น้ำ");
        assert_eq!(normalize_chars("สาํ"), "สำ");
        assert_eq!(normalize_chars("ท ๑.๑\u{00A0}ป.๔/๑"), "ท 1.1 ป.4/1");
    }

    #[test]
    fn normalize_chars_leaves_other_scripts_alone() {
        let text = "Hello, world! 1.5 kg (≈ 3 lb) — café …";
        assert_eq!(normalize_chars(text), text);
    }

    #[test]
    fn normalize_chars_is_idempotent_on_odd_input() {
        for text in [
            "กุเฺ่",
            "\u{0E4D}\u{0E31}\u{0E32}",
            "กาู่เ้",
            "e\u{200B}\u{0301}",
            "ก \u{0E48} \u{0E48}",
            "\u{0E48}\u{0E48}\u{0E4D}\u{0E32}",
        ] {
            let once = normalize_chars(text);
            assert_eq!(normalize_chars(&once), once, "{text:?}");
        }
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
    fn displaced_run_start_finds_marks_on_the_second_of_two_consonants() {
        let chars: Vec<char> = "หลักสตู".chars().collect();
        assert_eq!(displaced_run_start(&chars), Some(5));
        let chars: Vec<char> = "ครู".chars().collect();
        assert_eq!(displaced_run_start(&chars), Some(1));
        let chars: Vec<char> = "ดู".chars().collect();
        assert_eq!(displaced_run_start(&chars), None);
        let chars: Vec<char> = "เรา".chars().collect();
        assert_eq!(displaced_run_start(&chars), None);
    }

    #[test]
    fn segment_counts_characters_outside_words_then_pieces() {
        let is_word = dict(&["หลัก", "สูตร", "หลักสูตร"]);
        let dict = Dictionary { words: &is_word };
        let score = |text: &str| dict.segment(&text.chars().collect::<Vec<_>>());
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
