//! Unicode NFC (canonical decomposition, canonical ordering, canonical
//! composition) for the scripts Sapan reads: Thai and Lao, Latin (Basic,
//! Latin-1, Extended-A/B, IPA, Extended Additional: Vietnamese included), the
//! combining diacritical marks, general punctuation and letter-like symbols.
//!
//! Why not the `unicode-normalization` crate: its tables for every script of
//! Unicode cost ~50 KB of the browser download after brotli (measured: the
//! package is budgeted at 350 KB in all), and a Thai curriculum tool needs
//! only these blocks. The tables in `nfc_tables.rs` are generated from that
//! crate (a dev-dependency) by a test, which also checks this module against
//! it on every character in scope, on every letter followed by one or two
//! marks, and on all curriculum and dev texts.
//!
//! Characters outside the scope pass through unchanged and count as starters
//! (combining class 0): Hangul syllables are not composed, Greek or Cyrillic
//! with marks are not reordered, and a letter-like symbol that NFC maps into
//! Greek (U+2126 OHM SIGN) is mapped but not composed further. Text in those scripts is not what Sapan aligns.

use super::nfc_tables::{COMBINING_CLASSES, COMPOSING_SECONDS, COMPOSITIONS, DECOMPOSITIONS};

/// `text` in Normalization Form C (within the scope above).
pub fn nfc(text: &str) -> String {
    // Most text is already NFC and has no character that could change:
    // ASCII, and Thai without combining marks out of order.
    if is_quick_nfc(text) {
        return text.to_string();
    }
    let mut chars: Vec<char> = Vec::with_capacity(text.len());
    for c in text.chars() {
        match decomposition(c) {
            Some(parts) => chars.extend(parts.chars()),
            None => chars.push(c),
        }
    }
    order_marks(&mut chars);
    compose(&mut chars);
    chars.into_iter().collect()
}

/// True when NFC would leave `text` as it is: no character that decomposes,
/// and combining marks already in canonical order (non-decreasing class).
fn is_quick_nfc(text: &str) -> bool {
    let mut last_class = 0u8;
    for c in text.chars() {
        if c.is_ascii() {
            last_class = 0;
            continue;
        }
        let class = combining_class(c);
        if (class != 0 && class < last_class) || decomposition(c).is_some() {
            return false;
        }
        // It might compose with what stands before it (e + ◌́).
        if COMPOSING_SECONDS.binary_search(&c).is_ok() {
            return false;
        }
        last_class = class;
    }
    true
}

/// The canonical combining class; 0 for starters and for characters out of scope.
pub fn combining_class(c: char) -> u8 {
    COMBINING_CLASSES
        .binary_search_by_key(&c, |&(k, _)| k)
        .map(|i| COMBINING_CLASSES[i].1)
        .unwrap_or(0)
}

/// The full canonical decomposition of `c`, when it has one.
fn decomposition(c: char) -> Option<&'static str> {
    DECOMPOSITIONS
        .binary_search_by_key(&c, |&(k, _)| k)
        .ok()
        .map(|i| DECOMPOSITIONS[i].1)
}

/// The primary composite of `starter` + `mark`, when there is one.
fn composite(starter: char, mark: char) -> Option<char> {
    COMPOSITIONS
        .binary_search_by_key(&(starter, mark), |&(a, b, _)| (a, b))
        .ok()
        .map(|i| COMPOSITIONS[i].2)
}

/// Canonical ordering: every run of marks (class ≠ 0) sorted by class, stably.
fn order_marks(chars: &mut [char]) {
    let mut start = 0;
    while start < chars.len() {
        if combining_class(chars[start]) == 0 {
            start += 1;
            continue;
        }
        let mut end = start;
        while end < chars.len() && combining_class(chars[end]) != 0 {
            end += 1;
        }
        chars[start..end].sort_by_key(|&c| combining_class(c));
        start = end;
    }
}

/// Canonical composition (UAX #15): each mark joins the last starter unless a
/// mark of the same or a higher class stands between them.
fn compose(chars: &mut Vec<char>) {
    if chars.is_empty() {
        return;
    }
    let mut starter = 0usize;
    let mut last_class = combining_class(chars[0]);
    if last_class != 0 {
        // Text that opens with a mark: nothing before it to compose with.
        last_class = u8::MAX;
    }
    let mut kept = 1usize;
    for i in 1..chars.len() {
        let c = chars[i];
        let class = combining_class(c);
        let joined = if last_class < class || last_class == 0 {
            composite(chars[starter], c)
        } else {
            None
        };
        match joined {
            Some(joined) if last_class != u8::MAX => chars[starter] = joined,
            _ => {
                if class == 0 {
                    starter = kept;
                }
                last_class = class;
                chars[kept] = c;
                kept += 1;
            }
        }
    }
    chars.truncate(kept);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::curriculum::Curriculum;
    use std::fmt::Write as _;
    use unicode_normalization::char::{
        canonical_combining_class, compose as ucompose, decompose_canonical,
    };
    use unicode_normalization::UnicodeNormalization;

    /// The blocks in scope (see the module documentation).
    const SCOPE: &[(u32, u32)] = &[
        (0x0000, 0x036F),
        (0x0E00, 0x0EFF),
        (0x1AB0, 0x1AFF),
        (0x1DC0, 0x1EFF),
        (0x2000, 0x206F),
        (0x2100, 0x214F),
        (0x20D0, 0x20FF),
        (0xFE20, 0xFE2F),
    ];

    fn in_scope(c: char) -> bool {
        SCOPE
            .iter()
            .any(|&(lo, hi)| (lo..=hi).contains(&(c as u32)))
    }

    fn scope_chars() -> impl Iterator<Item = char> {
        SCOPE
            .iter()
            .flat_map(|&(lo, hi)| lo..=hi)
            .filter_map(char::from_u32)
    }

    fn generate() -> String {
        let mut out = String::from(
            "//! Generated by `nfc::tests::generated_nfc_tables_match_the_unicode_data` from\n\
             //! the `unicode-normalization` crate: do not edit; regenerate with\n\
             //! `scripts/regenerate`.\n\n",
        );
        out.push_str("/// (character, canonical combining class ≠ 0), by character.\npub const COMBINING_CLASSES: &[(char, u8)] = &[\n");
        for c in scope_chars() {
            let class = canonical_combining_class(c);
            if class != 0 {
                writeln!(out, "    ('\\u{{{:04X}}}', {class}),", c as u32).unwrap();
            }
        }
        out.push_str("];\n\n/// (character, its full canonical decomposition), by character.\npub const DECOMPOSITIONS: &[(char, &str)] = &[\n");
        for c in scope_chars() {
            let mut parts = String::new();
            decompose_canonical(c, |p| parts.push(p));
            if parts != c.to_string() {
                let escaped: String = parts
                    .chars()
                    .map(|p| format!("\\u{{{:04X}}}", p as u32))
                    .collect();
                writeln!(out, "    ('\\u{{{:04X}}}', \"{escaped}\"),", c as u32).unwrap();
            }
        }
        out.push_str("];\n\n/// (starter, mark, primary composite), by starter then mark.\npub const COMPOSITIONS: &[(char, char, char)] = &[\n");
        let marks: Vec<char> = scope_chars().collect();
        for a in scope_chars() {
            for &b in &marks {
                if let Some(c) = ucompose(a, b) {
                    if in_scope(c) {
                        writeln!(
                            out,
                            "    ('\\u{{{:04X}}}', '\\u{{{:04X}}}', '\\u{{{:04X}}}'),",
                            a as u32, b as u32, c as u32
                        )
                        .unwrap();
                    }
                }
            }
        }
        out.push_str("];\n\n/// Every character that is the second of a composition, sorted.\npub const COMPOSING_SECONDS: &[char] = &[\n");
        let mut seconds: Vec<char> = Vec::new();
        for a in scope_chars() {
            for &b in &marks {
                if ucompose(a, b).is_some_and(in_scope) {
                    seconds.push(b);
                }
            }
        }
        seconds.sort_unstable();
        seconds.dedup();
        for b in seconds {
            writeln!(out, "    '\\u{{{:04X}}}',", b as u32).unwrap();
        }
        out.push_str("];\n");
        out
    }

    #[test]
    fn generated_nfc_tables_match_the_unicode_data() {
        crate::generated::check_or_write(
            "src/text/nfc_tables.rs",
            generate().as_bytes(),
            "the unicode-normalization crate's data",
        );
    }

    fn same_as_reference(text: &str) {
        let want: String = text.nfc().collect();
        assert_eq!(
            nfc(text),
            want,
            "{:?}",
            text.chars()
                .map(|c| format!("{:04X}", c as u32))
                .collect::<Vec<_>>()
        );
    }

    #[test]
    fn every_character_in_scope_normalises_as_the_reference() {
        for c in scope_chars() {
            same_as_reference(&c.to_string());
        }
    }

    #[test]
    fn letters_with_one_or_two_marks_normalise_as_the_reference() {
        // Letter-like symbols that NFC turns into Greek (Ω) leave the scope.
        let letters: Vec<char> = scope_chars()
            .filter(|&c| c.is_alphabetic() && canonical_combining_class(c) == 0)
            .filter(|&c| c.to_string().nfc().all(in_scope))
            .collect();
        let marks: Vec<char> = scope_chars()
            .filter(|&c| canonical_combining_class(c) != 0)
            .collect();
        // Marks that also decompose or compose in interesting ways, plus every Thai and Lao one.
        let mut few: Vec<char> = marks
            .iter()
            .copied()
            .filter(|&m| {
                (0x0E00..=0x0EFF).contains(&(m as u32)) || (0x0300..=0x0345).contains(&(m as u32))
            })
            .step_by(3)
            .collect();
        few.extend([
            '\u{0E31}', '\u{0E34}', '\u{0E47}', '\u{0E4D}', '\u{0E32}', '\u{0E33}',
        ]);
        for &l in &letters {
            for &m in &marks {
                same_as_reference(&format!("{l}{m}"));
            }
        }
        for &l in letters.iter().step_by(7) {
            for &m1 in &few {
                for &m2 in &few {
                    same_as_reference(&format!("{l}{m1}{m2}"));
                    same_as_reference(&format!("{m1}{l}{m2}{m1}"));
                }
            }
        }
    }

    #[test]
    fn curriculum_dictionary_dev_and_damaged_texts_normalise_as_the_reference() {
        let c = Curriculum::embedded();
        for t in c.indicators().iter().map(|i| &i.text) {
            same_as_reference(t);
        }
        for block in c.core_content() {
            for item in &block.items {
                same_as_reference(&item.text);
            }
        }
        let root = env!("CARGO_MANIFEST_DIR");
        for file in [
            "data/thai/words_th.txt",
            "data/gold/dev.jsonl",
            "tests/data/pdf_broken.tsv",
        ] {
            let text = std::fs::read_to_string(format!("{root}/{file}")).unwrap();
            for line in text.lines() {
                same_as_reference(line);
            }
        }
        for t in [
            "ก\u{0E48}\u{0E38}",
            "น\u{0E4D}\u{0E49}\u{0E32}",
            "e\u{0301}\u{0323}",
            "Vie\u{0323}\u{0302}t Nam",
            "\u{0301}a",
            "café naïve Ångström \u{212B}",
            "\u{2000}\u{2001}",
            "한국어 가",
        ] {
            same_as_reference(t);
        }
    }
}
