//! The stored segmentation of the embedded curriculum.
//!
//! Building the engine segments some 1,970 curriculum texts (indicators, standards, core
//! content with its headings), and dictionary segmentation was most of the build: too slow
//! for a page that wants the engine ready at once. Those texts are fixed, so their cut is
//! computed ahead and embedded (`data/index/segmentation.bin`, a few kilobytes), and the
//! build only replays it. The file is checked, not trusted: it carries a fingerprint of the
//! texts it was made from and the dictionary's size, and anything that does not match (or a
//! cut that does not cover its text) makes the build segment as before. A test regenerates
//! the file and requires the same bytes, so a change to the curriculum, the dictionary or
//! the segmenter that changes a cut fails until the file is regenerated (`scripts/regenerate`).
//!
//! Format: the fingerprint (u64, little-endian), the dictionary's word count (u32), then for
//! each text in the engine's order its pieces as LEB128 varints of `chars << 1 | word`.
//! A text's pieces end where their lengths reach its length in chars.

use crate::text::dict::Dictionary;

const EMBEDDED: &[u8] = include_bytes!("../../data/index/segmentation.bin");

/// A cut as [`Segmenter::cut_lengths`] gives it.
pub(crate) type Cut = Vec<(usize, bool)>;

/// FNV-1a over the texts, each closed by a byte that UTF-8 never uses.
fn fingerprint<'a>(texts: impl IntoIterator<Item = &'a str>) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for text in texts {
        for &b in text.as_bytes().iter().chain(&[0xFF]) {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
    h
}

/// The stored form of the cuts of `texts` with `segmenter` over `dict`.
#[cfg(test)]
fn encode<'a>(dict: &Dictionary, texts: impl IntoIterator<Item = &'a str> + Clone) -> Vec<u8> {
    let segmenter = crate::text::Segmenter::new(dict);
    let mut out = Vec::new();
    out.extend_from_slice(&fingerprint(texts.clone()).to_le_bytes());
    out.extend_from_slice(&(dict.len() as u32).to_le_bytes());
    for text in texts {
        for (chars, word) in segmenter.cut_lengths(text) {
            let mut v = (chars << 1) | usize::from(word);
            loop {
                let byte = (v & 0x7F) as u8;
                v >>= 7;
                if v == 0 {
                    out.push(byte);
                    break;
                }
                out.push(byte | 0x80);
            }
        }
    }
    out
}

/// The cuts of `texts` stored in `data`, when it was made from exactly these texts and a
/// dictionary of `dict`'s size.
fn decode<'a>(
    data: &[u8],
    dict: &Dictionary,
    texts: impl IntoIterator<Item = &'a str> + Clone,
) -> Option<Vec<Cut>> {
    let fp = u64::from_le_bytes(data.get(..8)?.try_into().ok()?);
    let words = u32::from_le_bytes(data.get(8..12)?.try_into().ok()?);
    if fp != fingerprint(texts.clone()) || words as usize != dict.len() {
        return None;
    }
    let mut bytes = data[12..].iter();
    let mut next = || -> Option<usize> {
        let mut v = 0usize;
        for shift in (0..35).step_by(7) {
            let b = *bytes.next()?;
            v |= usize::from(b & 0x7F) << shift;
            if b & 0x80 == 0 {
                return Some(v);
            }
        }
        None
    };
    let mut cuts = Vec::new();
    for text in texts {
        let total = text.chars().count();
        let mut cut = Vec::new();
        let mut covered = 0;
        while covered < total {
            let v = next()?;
            let chars = v >> 1;
            covered += chars;
            cut.push((chars, v & 1 == 1));
        }
        if covered != total {
            return None;
        }
        cuts.push(cut);
    }
    bytes.next().is_none().then_some(cuts)
}

/// The embedded cuts of `texts`, when the file was made from exactly these texts.
pub(crate) fn embedded<'a>(
    dict: &Dictionary,
    texts: impl IntoIterator<Item = &'a str> + Clone,
) -> Option<Vec<Cut>> {
    decode(EMBEDDED, dict, texts)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::Engine;

    #[test]
    fn generated_segmentation_bin_is_what_the_segmenter_gives_today() {
        let engine = Engine::new();
        let texts = engine.indexed_texts();
        let fresh = encode(Dictionary::embedded(), texts.iter().map(String::as_str));
        crate::generated::check_or_write(
            "data/index/segmentation.bin",
            &fresh,
            "the curriculum texts segmented with the embedded dictionary",
        );
    }

    #[test]
    fn stored_cuts_give_the_tokens_of_segmenting() {
        let engine = Engine::new();
        let texts = engine.indexed_texts();
        let dict = Dictionary::embedded();
        let cuts = embedded(dict, texts.iter().map(String::as_str)).expect("the file matches");
        let segmenter = crate::text::Segmenter::new(dict);
        for (text, cut) in texts.iter().zip(&cuts) {
            assert_eq!(
                segmenter.segment_cut(text, cut),
                Some(segmenter.segment(text))
            );
        }
    }

    #[test]
    fn other_texts_or_a_broken_file_are_refused() {
        let dict = Dictionary::from_words(["ร้อย", "กรอง", "ร้อยกรอง"]);
        let data = encode(&dict, ["ร้อยกรอง ดี"]);
        assert!(decode(&data, &dict, ["ร้อยกรอง ดี"]).is_some());
        assert!(decode(&data, &dict, ["ร้อยกรอง ดีมาก"]).is_none());
        assert!(decode(&data[..data.len() - 1], &dict, ["ร้อยกรอง ดี"]).is_none());
        let other = Dictionary::from_words(["ร้อย", "กรอง"]);
        assert!(decode(&data, &other, ["ร้อยกรอง ดี"]).is_none());
    }
}
