//! Text → terms: normalise, segment, drop what carries no topic, and add the
//! parts of curriculum compounds.
//!
//! The segmenter keeps curriculum terms such as `หลักฐานเชิงประจักษ์` whole (so
//! they match as one strong term), but a teacher may write only `หลักฐาน`; the
//! compound's parts are therefore added as terms of their own, with their own
//! spans inside the compound.

use super::hash::FastMap;

use crate::text::chars::is_thai;
use crate::text::dict::Dictionary;
use crate::text::{is_stop_word, Segmenter, Token, TokenKind};

/// A word of a text that takes part in matching, with where it stands (chars).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Term {
    pub text: String,
    pub start: usize,
    pub end: usize,
}

/// Splits the curriculum lexicon's compounds into dictionary words.
#[derive(Debug, Clone, Default)]
pub(crate) struct CompoundParts {
    /// compound → its parts as (text, char offset start, end) within the compound.
    parts: FastMap<String, Vec<(String, usize, usize)>>,
}

impl CompoundParts {
    /// For each lexicon term, the fewest dictionary words (other than the term
    /// itself) that spell it, when there is such a split.
    pub fn new(dict: &Dictionary, lexicon: &[String]) -> CompoundParts {
        let mut parts = FastMap::default();
        for term in lexicon {
            if let Some(split) = split_into_words(dict, term) {
                parts.insert(term.clone(), split);
            }
        }
        CompoundParts { parts }
    }

    fn of(&self, term: &str) -> Option<&[(String, usize, usize)]> {
        self.parts.get(term).map(Vec::as_slice)
    }
}

/// The shortest split of `term` into at least two dictionary words, by chars.
fn split_into_words(dict: &Dictionary, term: &str) -> Option<Vec<(String, usize, usize)>> {
    let chars: Vec<char> = term.chars().collect();
    let n = chars.len();
    // best[i]: fewest words covering chars[..i], with the previous cut.
    let mut best: Vec<Option<(usize, usize)>> = vec![None; n + 1];
    best[0] = Some((0, 0));
    for i in 0..n {
        let Some((count, _)) = best[i] else { continue };
        for j in i + 1..=n {
            if i == 0 && j == n {
                continue;
            }
            let piece: String = chars[i..j].iter().collect();
            if j - i >= 2 && dict.contains(&piece) && best[j].is_none_or(|(c, _)| count + 1 < c) {
                best[j] = Some((count + 1, i));
            }
        }
    }
    best[n]?;
    let mut out = Vec::new();
    let mut j = n;
    while j > 0 {
        let (_, i) = best[j]?;
        out.push((chars[i..j].iter().collect(), i, j));
        j = i;
    }
    out.reverse();
    Some(out)
}

/// The terms of an already normalised text.
#[cfg(test)]
fn terms(segmenter: &Segmenter<'_>, compounds: &CompoundParts, text: &str) -> Vec<Term> {
    terms_of(segmenter.segment(text), compounds)
}

/// What a misspelt word may be mended into: `Some(word)` when the candidate
/// is close to a known word (and is not itself known).
pub(crate) type Mender<'a> = &'a dyn Fn(&str) -> Option<String>;

/// The terms of a query text. A misspelt word does not reach the matcher
/// whole: the segmenter breaks `ทศนิยน` into dictionary fragments `ทศ|นิ|ยน`.
/// So runs of two or three short Thai tokens are first tried together
/// against the known words (`mend`); a run that is one edit from a known word
/// becomes that one term, spanning the run.
pub(crate) fn query_terms(
    segmenter: &Segmenter<'_>,
    compounds: &CompoundParts,
    text: &str,
    mend: Mender<'_>,
) -> Vec<Term> {
    let mut tokens = segmenter.segment(text);
    let thai = |t: &Token| matches!(t.kind, TokenKind::Word | TokenKind::Unknown);
    let mut merged: Vec<Token> = Vec::with_capacity(tokens.len());
    let mut i = 0;
    'tokens: while i < tokens.len() {
        for len in [3usize, 2] {
            let run = &tokens[i..(i + len).min(tokens.len())];
            let adjacent = run.windows(2).all(|w| w[0].end == w[1].start);
            if run.len() == len
                && adjacent
                && run.iter().all(thai)
                && run.iter().any(|t| t.end - t.start <= 2)
            {
                let joined: String = run.iter().map(|t| t.text.as_str()).collect();
                if mend(&joined).is_some() {
                    merged.push(Token {
                        text: joined,
                        kind: TokenKind::Unknown,
                        start: run[0].start,
                        end: run[len - 1].end,
                    });
                    i += len;
                    continue 'tokens;
                }
            }
        }
        // Taken, not cloned: runs only look ahead, never back.
        let token = &mut tokens[i];
        merged.push(Token {
            text: std::mem::take(&mut token.text),
            ..*token
        });
        i += 1;
    }
    terms_of(merged, compounds)
}

/// The terms of a text's tokens.
pub(crate) fn terms_of(tokens: Vec<Token>, compounds: &CompoundParts) -> Vec<Term> {
    let mut out = Vec::new();
    for token in tokens {
        if !takes_part(&token) {
            continue;
        }
        if let Some(parts) = compounds.of(&token.text) {
            for (part, s, e) in parts {
                if !is_stop_word(part) {
                    out.push(Term {
                        text: part.clone(),
                        start: token.start + s,
                        end: token.start + e,
                    });
                }
            }
        }
        out.push(Term {
            text: token.text,
            start: token.start,
            end: token.end,
        });
    }
    out
}

/// Symbols and stop words say nothing about a topic; neither does a lone
/// Thai character (a stray mark or a split-off consonant), nor a bare number
/// (`ขั้นที่ 2`, `9 – 12 ปี`: numbers in objectives rarely name the topic, and
/// as words they pull towards mathematics; the n-grams still see them).
fn takes_part(token: &Token) -> bool {
    match token.kind {
        TokenKind::Symbol | TokenKind::Number => false,
        TokenKind::Latin => token.text.chars().count() > 1,
        TokenKind::Word | TokenKind::Unknown => {
            token.end - token.start > 1
                && token.text.chars().any(is_thai)
                && !is_stop_word(&token.text)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::normalize;

    fn texts(text: &str) -> Vec<String> {
        let dict = Dictionary::embedded();
        let compounds = CompoundParts::new(dict, &Dictionary::curriculum_lexicon());
        terms(&Segmenter::new(dict), &compounds, &normalize(text))
            .into_iter()
            .map(|t| t.text)
            .collect()
    }

    #[test]
    fn compounds_also_give_their_parts() {
        let t = texts("ใช้หลักฐานเชิงประจักษ์");
        assert!(t.contains(&"หลักฐานเชิงประจักษ์".to_string()), "{t:?}");
        assert!(t.contains(&"หลักฐาน".to_string()), "{t:?}");
    }

    #[test]
    fn stop_words_and_symbols_are_dropped() {
        let t = texts("อธิบายความหมายของคำ และ “สุภาษิต”");
        assert!(!t.iter().any(|w| w == "และ" || w == "“"), "{t:?}");
        assert!(t.contains(&"อธิบาย".to_string()));
    }

    #[test]
    fn part_spans_point_inside_the_compound() {
        let dict = Dictionary::embedded();
        let compounds = CompoundParts::new(dict, &Dictionary::curriculum_lexicon());
        let text = "ใช้หลักฐานเชิงประจักษ์";
        let chars: Vec<char> = text.chars().collect();
        for t in terms(&Segmenter::new(dict), &compounds, text) {
            let at: String = chars[t.start..t.end].iter().collect();
            assert_eq!(at, t.text);
        }
    }
}
