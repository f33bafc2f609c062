//! Thai character clusters: the smallest units a Thai word break may not split.
//!
//! Thai writes a syllable as a consonant with vowel signs above, below, before
//! and after it, plus tone marks; some vowels are written before the consonant
//! they follow in speech (เ แ โ ใ ไ) and some spellings end in silent letters
//! marked with ์. A segmenter that cut between these pieces would produce
//! tokens no reader recognises, so word boundaries are only allowed at the
//! ends of the clusters found here. The rules follow the idea of Thai Character
//! Clusters (Theeramunkong et al., 2000), written from Thai orthography:
//!
//! - a combining mark (upper or lower vowel, tone mark, ์ ํ ็) never starts a cluster;
//! - the following vowels ะ า ำ ๅ never start one either;
//! - a leading vowel never ends one; with its consonant it forms a frame that
//!   may take a second onset consonant (เปลี่ยน), ีย / ือ / า / ะ (เรียน, เสือ,
//!   เกา, เกาะ) and, after ็ or ิ, the final consonant (เด็ก, เกิด);
//! - ั and ื need a final consonant, which stays with them (กัน, คืน, มือ);
//! - silent letters marked with ์ stay with the cluster before them (จันทร์, ศาสตร์).

// The Thai character classes live in one place, `text::chars`, with the character rules.
use super::chars::{
    is_combining_mark, is_consonant, is_following_vowel, is_leading_vowel, is_tone_mark,
};

use super::chars::{
    MAITAIKHU, MAI_HAN_AKAT, SARA_A, SARA_AA, SARA_I, SARA_II, SARA_U, SARA_UEE, THANTHAKHAT,
};

const YO_YAK: char = 'ย';
const O_ANG: char = 'อ';

/// The end (exclusive, in chars) of the cluster that starts at `start`.
fn cluster_end(s: &[char], start: usize) -> usize {
    let at = |i: usize| s.get(i).copied();
    let c = s[start];
    let mut j = start + 1;
    if is_leading_vowel(c) {
        if !at(j).is_some_and(is_consonant) {
            return j;
        }
        j += 1;
        // A second onset consonant (ปล in เปลี่ยน, กล in ไกล่) belongs to the frame
        // only when the syllable's own signs follow it: a tone mark, or for เ and แ
        // (the only leading vowels that combine with upper vowels) a vowel above.
        // Otherwise it starts a cluster of its own (ใน|ชี, เว|ลา, ใน|ท้อง).
        if at(j).is_some_and(|second| is_onset_pair(s[j - 1], second))
            && at(j + 1).is_some_and(|n| {
                is_tone_mark(n)
                    || (matches!(c, 'เ' | 'แ') && is_combining_mark(n) && n != THANTHAKHAT)
            })
        {
            j += 1;
        }
        let marks_start = j;
        while at(j).is_some_and(is_combining_mark) {
            j += 1;
        }
        let marks = &s[marks_start..j];
        if c == 'เ' {
            let closes_frame = (marks.contains(&SARA_II) && at(j) == Some(YO_YAK))
                || (marks.contains(&SARA_UEE) && at(j) == Some(O_ANG))
                || (marks.iter().all(|&m| !matches!(m, SARA_II | SARA_UEE))
                    && at(j) == Some(SARA_AA));
            let takes_final = (marks.contains(&MAITAIKHU) || marks.contains(&SARA_I))
                && at(j).is_some_and(is_consonant)
                && !at(j + 1).is_some_and(|n| is_combining_mark(n) && n != THANTHAKHAT)
                && !at(j + 1).is_some_and(is_following_vowel);
            if closes_frame || takes_final {
                j += 1;
            }
        }
        if at(j) == Some(SARA_A) {
            j += 1;
        }
        return silent_tail_end(s, j);
    }
    if is_consonant(c) {
        let marks_start = j;
        while at(j).is_some_and(is_combining_mark) {
            j += 1;
        }
        let marks = &s[marks_start..j];
        if (marks.contains(&MAI_HAN_AKAT) || marks.contains(&SARA_UEE))
            && at(j).is_some_and(is_consonant)
            && !at(j + 1).is_some_and(|n| is_combining_mark(n) && n != THANTHAKHAT)
            && !at(j + 1).is_some_and(is_following_vowel)
        {
            j += 1;
            if at(j) == Some(SARA_A) {
                j += 1;
            }
        } else if at(j).is_some_and(is_following_vowel) {
            j += 1;
        }
        return silent_tail_end(s, j);
    }
    j
}

/// True when `first` + `second` can open one syllable: a true cluster with
/// ร ล ว (กร, ปล, ขว) or a leading ห / อ (หน, หม, อย).
fn is_onset_pair(first: char, second: char) -> bool {
    matches!(second, 'ร' | 'ล' | 'ว')
        || (first == 'ห' && matches!(second, 'ง' | 'ญ' | 'น' | 'ม' | 'ย'))
        || (first == 'อ' && second == 'ย')
}

/// Extends `j` over silent letters marked with ์: C์, Cิ์ / Cุ์, CC์.
fn silent_tail_end(s: &[char], j: usize) -> usize {
    let at = |i: usize| s.get(i).copied();
    if !at(j).is_some_and(is_consonant) {
        return j;
    }
    match (at(j + 1), at(j + 2)) {
        (Some(THANTHAKHAT), _) => j + 2,
        (Some(SARA_I | SARA_U), Some(THANTHAKHAT)) => j + 3,
        (Some(n), Some(THANTHAKHAT)) if is_consonant(n) => j + 3,
        _ => j,
    }
}

/// The cluster ends of `s` (in chars), ascending; the last is `s.len()`.
///
/// Non-Thai characters form one-character clusters here; the segmenter groups
/// them further. A stray combining mark at a cluster start (broken input) is
/// joined to the cluster before it, so no cut ever separates a mark from the
/// character it was typed after.
pub fn cluster_ends(s: &[char]) -> Vec<usize> {
    let mut ends: Vec<usize> = Vec::with_capacity(s.len());
    let mut i = 0;
    while i < s.len() {
        let end = if is_combining_mark(s[i]) || is_following_vowel(s[i]) {
            // Attach to the previous cluster rather than start a new one.
            let mut e = i + 1;
            while e < s.len() && is_combining_mark(s[e]) {
                e += 1;
            }
            ends.pop();
            e
        } else {
            cluster_end(s, i)
        };
        ends.push(end);
        i = end;
    }
    ends
}

/// Splits `text` into its clusters (a convenience for tests and tools).
pub fn clusters(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut start = 0;
    for end in cluster_ends(&chars) {
        out.push(chars[start..end].iter().collect());
        start = end;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(s: &str) -> Vec<String> {
        clusters(s)
    }

    #[test]
    fn consonant_keeps_its_marks_and_following_vowel() {
        assert_eq!(split("น้ำ"), ["น้ำ"]);
        assert_eq!(split("ที่"), ["ที่"]);
        assert_eq!(split("กา"), ["กา"]);
        assert_eq!(split("ถูก"), ["ถู", "ก"]);
    }

    #[test]
    fn leading_vowel_never_ends_a_cluster() {
        assert_eq!(split("เก"), ["เก"]);
        assert_eq!(split("เรียน"), ["เรีย", "น"]);
        assert_eq!(split("เปลี่ยน"), ["เปลี่ย", "น"]);
        assert_eq!(split("เสือ"), ["เสือ"]);
        assert_eq!(split("เกาะ"), ["เกาะ"]);
        assert_eq!(split("เด็ก"), ["เด็ก"]);
        assert_eq!(split("เกิด"), ["เกิด"]);
        assert_eq!(split("เพลง"), ["เพ", "ล", "ง"]);
        assert_eq!(split("ไกล่"), ["ไกล่"]);
        assert_eq!(split("เกล้า"), ["เกล้า"]);
        // A second consonant without signs of its own starts the next cluster.
        assert_eq!(split("ในการ"), ["ใน", "กา", "ร"]);
        assert_eq!(split("ในชีวิต"), ["ใน", "ชี", "วิ", "ต"]);
        assert_eq!(split("เวลา"), ["เว", "ลา"]);
        assert_eq!(split("ในท้อง"), ["ใน", "ท้", "อ", "ง"]);
        assert_eq!(split("ใหม่"), ["ใหม่"]);
    }

    #[test]
    fn mai_han_akat_and_sara_uee_keep_their_final() {
        assert_eq!(split("กัน"), ["กัน"]);
        assert_eq!(split("คืน"), ["คืน"]);
        assert_eq!(split("มือ"), ["มือ"]);
        assert_eq!(split("ตัว"), ["ตัว"]);
    }

    #[test]
    fn silent_letters_stay_with_the_cluster_before() {
        assert_eq!(split("จันทร์"), ["จันทร์"]);
        assert_eq!(split("ศาสตร์"), ["ศา", "สตร์"]);
        assert_eq!(split("สัมพันธ์"), ["สัม", "พันธ์"]);
        assert_eq!(split("ทัศนธาตุ").concat(), "ทัศนธาตุ");
    }

    #[test]
    fn stray_marks_join_the_previous_cluster() {
        assert_eq!(split("ก ่"), ["ก", " ่"]);
        assert_eq!(split("่ก"), ["่", "ก"]);
        assert_eq!(split("a่"), ["a่"]);
    }

    #[test]
    fn no_cluster_starts_with_a_mark_after_the_first() {
        let text = "อ่านออกเสียงบทร้อยแก้วและบทร้อยกรองได้ถูกต้อง ผู้เรียนเขียนเรื่องสั้น ๆ";
        let chars: Vec<char> = text.chars().collect();
        let mut start = 0;
        for end in cluster_ends(&chars) {
            assert!(end > start);
            assert!(!is_combining_mark(chars[start]) || start == 0);
            assert!(!is_leading_vowel(chars[end - 1]) || end == chars.len());
            start = end;
        }
        assert_eq!(start, chars.len());
    }
}
