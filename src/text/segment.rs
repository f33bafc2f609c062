//! Thai word segmentation by dictionary maximal matching, in the style of
//! PyThaiNLP's `newmm`.
//!
//! Thai is written without spaces between words, so words are found by
//! matching the dictionary. From each position reached so far, every word
//! that starts there and ends on a character-cluster boundary adds an edge to
//! a graph of positions. Whenever all open paths meet at one position, the
//! ambiguity is settled by the path with the fewest words (ties: the path that
//! takes the shorter word first, as newmm does), and those words are emitted.
//! Where no word starts, the text is not in the dictionary: non-Thai runs
//! (Latin words, numbers, spaces, other symbols by grapheme cluster) are taken
//! whole, and an unknown Thai run is taken up to the next position where a
//! dictionary word of more than two consonants starts, so that a name or a
//! misspelling costs one token rather than a cascade of fragments.

use serde::Serialize;
use unicode_segmentation::UnicodeSegmentation;

use super::chars::{is_consonant, is_thai};
use super::cluster::cluster_ends;
use super::dict::Dictionary;

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TokenKind {
    /// A Thai word found in the dictionary.
    Word,
    /// A Thai run the dictionary does not know (a name, a typo, a rare word).
    Unknown,
    /// A Latin-script word, lower-cased.
    Latin,
    /// A number such as `3`, `100,000` or `2.5`.
    Number,
    /// Punctuation or any other symbol, one grapheme cluster.
    Symbol,
}

/// A token with its position in the segmented text, in chars (Unicode scalar
/// values; for Thai these equal UTF-16 code units, as JavaScript counts them).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Token {
    pub text: String,
    pub kind: TokenKind,
    pub start: usize,
    pub end: usize,
}

/// A segmenter over a dictionary.
#[derive(Debug, Clone, Copy)]
pub struct Segmenter<'d> {
    dict: &'d Dictionary,
}

/// Segments `text` with the embedded dictionary. The text should already be
/// normalised ([`crate::text::normalize`]); whitespace is dropped.
pub fn segment(text: &str) -> Vec<Token> {
    Segmenter::embedded().segment(text)
}

/// The token texts only, a convenience for tools and tests.
pub fn words(text: &str) -> Vec<String> {
    segment(text).into_iter().map(|t| t.text).collect()
}

/// How a position starts a non-Thai token: its end, in bytes.
fn non_thai_end(text: &str, start: usize) -> Option<usize> {
    let rest = &text[start..];
    let first = rest.chars().next()?;
    if is_thai(first) {
        return None;
    }
    let run_end = |pred: &dyn Fn(char) -> bool| {
        rest.char_indices()
            .find(|&(_, c)| !pred(c))
            .map_or(text.len(), |(i, _)| start + i)
    };
    if first.is_alphabetic() {
        // A Latin word, with inner hyphens or apostrophes (e-mail, don't).
        let mut end = run_end(&|c: char| c.is_alphabetic() && !is_thai(c));
        while let Some(next) = text[end..].chars().next() {
            let after = text[end + next.len_utf8()..].chars().next();
            if matches!(next, '-' | '\'' | '’')
                && after.is_some_and(|c| c.is_alphabetic() && !is_thai(c))
            {
                let from = end + next.len_utf8();
                end = text[from..]
                    .char_indices()
                    .find(|&(_, c)| !c.is_alphabetic() || is_thai(c))
                    .map_or(text.len(), |(i, _)| from + i);
            } else {
                break;
            }
        }
        return Some(end);
    }
    if first.is_ascii_digit() {
        // Digits with grouping or decimal points inside: 100,000 and 2.5.
        let mut end = run_end(&|c: char| c.is_ascii_digit());
        loop {
            let mut it = text[end..].chars();
            match (it.next(), it.next()) {
                (Some(',' | '.'), Some(d)) if d.is_ascii_digit() => {
                    let from = end + 1;
                    end = text[from..]
                        .char_indices()
                        .find(|&(_, c)| !c.is_ascii_digit())
                        .map_or(text.len(), |(i, _)| from + i);
                }
                _ => break,
            }
        }
        return Some(end);
    }
    if first.is_whitespace() {
        return Some(run_end(&|c: char| c.is_whitespace()));
    }
    rest.graphemes(true).next().map(|g| start + g.len())
}

impl Segmenter<'static> {
    /// A segmenter over the embedded dictionary.
    pub fn embedded() -> Segmenter<'static> {
        Segmenter {
            dict: Dictionary::embedded(),
        }
    }
}

impl<'d> Segmenter<'d> {
    pub fn new(dict: &'d Dictionary) -> Segmenter<'d> {
        Segmenter { dict }
    }

    /// Segments `text` into tokens; whitespace is dropped.
    pub fn segment(&self, text: &str) -> Vec<Token> {
        self.tokens(text, self.cut(text))
    }

    /// The cut of `text` as (length in chars, whether the piece is a dictionary word), every
    /// piece included: what [`Segmenter::segment_cut`] takes back. For storing the
    /// segmentation of fixed texts, such as the embedded curriculum, instead of redoing it.
    pub fn cut_lengths(&self, text: &str) -> Vec<(usize, bool)> {
        self.cut(text)
            .into_iter()
            .map(|p| (text[p.start..p.end].chars().count(), p.word))
            .collect()
    }

    /// The tokens of `text` from a cut made earlier by [`Segmenter::cut_lengths`] (with this
    /// dictionary), without a dictionary search; `None` when the cut does not cover `text`.
    pub fn segment_cut(&self, text: &str, cut: &[(usize, bool)]) -> Option<Vec<Token>> {
        let offsets: Vec<usize> = text
            .char_indices()
            .map(|(i, _)| i)
            .chain([text.len()])
            .collect();
        let mut pieces = Vec::with_capacity(cut.len());
        let mut at = 0;
        for &(len, word) in cut {
            if len == 0 || at + len >= offsets.len() {
                return None;
            }
            pieces.push(Piece {
                start: offsets[at],
                end: offsets[at + len],
                word,
            });
            at += len;
        }
        (at + 1 == offsets.len()).then(|| self.tokens(text, pieces))
    }

    fn tokens(&self, text: &str, pieces: Vec<Piece>) -> Vec<Token> {
        let mut tokens = Vec::with_capacity(pieces.len());
        let mut char_pos = 0;
        let mut byte_pos = 0;
        for Piece { start, end, word } in pieces {
            char_pos += text[byte_pos..start].chars().count();
            let piece = &text[start..end];
            let len = piece.chars().count();
            debug_assert_eq!(word, self.dict.contains(piece), "{piece}");
            if let Some(kind) = classify(piece, word) {
                let text = if kind == TokenKind::Latin {
                    piece.to_lowercase()
                } else {
                    piece.to_string()
                };
                tokens.push(Token {
                    text,
                    kind,
                    start: char_pos,
                    end: char_pos + len,
                });
            }
            char_pos += len;
            byte_pos = end;
        }
        tokens
    }

    /// The cut: the pieces covering `text` from start to end, in order.
    fn cut(&self, text: &str) -> Vec<Piece> {
        let boundaries = valid_boundaries(text);
        let after = |pos: usize| {
            let i = boundaries.partition_point(|&b| b <= pos);
            boundaries[i..].iter().copied()
        };
        let len = text.len();
        let mut out = Vec::new();
        // The graph of the stretch not yet settled, as edges (begin, end, word). Positions
        // are taken in ascending order, so each position's edges are added together, in
        // the order the shortest-path tie-break needs; a settled stretch is never looked
        // at again, so its edges are dropped.
        let mut edges: Vec<(usize, usize, bool)> = Vec::new();
        // Positions reached and not yet taken: ascending, without repeats, and few (the
        // ends of the words that start at a handful of positions), so a sorted vector.
        let mut frontier: Vec<usize> = vec![0];
        let mut search = PathSearch::default();
        let mut settled = 0;
        while !frontier.is_empty() {
            let begin = frontier.remove(0);
            if begin >= len {
                break;
            }
            let before = edges.len();
            self.dict
                .words_at(&text[begin..], after(begin).map(|b| b - begin), |e| {
                    edges.push((begin, begin + e, true))
                });
            for &(_, end, _) in &edges[before..] {
                insert_sorted(&mut frontier, end);
            }
            match frontier.len() {
                1 => {
                    let goal = frontier[0];
                    search.shortest_path(&edges, settled, goal, &mut out);
                    edges.clear();
                    settled = goal;
                }
                0 => {
                    // No word starts here: take a non-Thai token, or an unknown Thai run.
                    // Neither is a word: a word ending on a boundary would have been found.
                    let end = non_thai_end(text, begin).unwrap_or_else(|| {
                        after(begin)
                            .find(|&p| {
                                p == len
                                    || non_thai_end(text, p).is_some()
                                    || self.word_starts(text, p, &boundaries)
                            })
                            .unwrap_or(len)
                    });
                    edges.clear();
                    out.push(Piece {
                        start: begin,
                        end,
                        word: false,
                    });
                    settled = end;
                    frontier.push(end);
                }
                _ => {}
            }
        }
        out
    }

    /// True when a dictionary word that is more than a bare pair of consonants
    /// starts at `pos` and ends on a boundary. Bare one- or two-consonant words
    /// (ก, กร) match inside almost any unknown run, so newmm ignores them here.
    fn word_starts(&self, text: &str, pos: usize, boundaries: &[usize]) -> bool {
        let i = boundaries.partition_point(|&b| b <= pos);
        let mut found = false;
        self.dict.words_at(
            &text[pos..],
            boundaries[i..].iter().map(|&b| b - pos),
            |e| {
                let w = &text[pos..pos + e];
                let bare = w.chars().count() <= 2 && w.chars().all(is_consonant);
                found |= !bare;
            },
        );
        found
    }
}

/// Byte offsets where a word may end: Thai cluster ends and the ends of
/// non-Thai tokens, ascending, ending with `text.len()`.
fn valid_boundaries(text: &str) -> Vec<usize> {
    let mut out = Vec::new();
    let mut pos = 0;
    while pos < text.len() {
        if let Some(end) = non_thai_end(text, pos) {
            out.push(end);
            pos = end;
            continue;
        }
        let run_end = text[pos..]
            .char_indices()
            .find(|&(_, c)| !is_thai(c))
            .map_or(text.len(), |(i, _)| pos + i);
        let run = &text[pos..run_end];
        let byte_at: Vec<usize> = run
            .char_indices()
            .map(|(i, _)| pos + i)
            .chain([run_end])
            .collect();
        let chars: Vec<char> = run.chars().collect();
        out.extend(cluster_ends(&chars).into_iter().map(|e| byte_at[e]));
        pos = run_end;
    }
    out
}

/// A piece of the cut, in bytes, and whether it is a dictionary word.
#[derive(Debug, Clone, Copy)]
struct Piece {
    start: usize,
    end: usize,
    word: bool,
}

fn insert_sorted(positions: &mut Vec<usize>, p: usize) {
    if let Err(i) = positions.binary_search(&p) {
        positions.insert(i, p);
    }
}

/// What a piece is. `word`: the piece is a dictionary word.
fn classify(piece: &str, word: bool) -> Option<TokenKind> {
    let first = piece.chars().next()?;
    if piece.chars().all(char::is_whitespace) {
        None
    } else if word && piece.chars().any(is_thai) {
        Some(TokenKind::Word)
    } else if piece.chars().any(is_thai) {
        Some(TokenKind::Unknown)
    } else if first.is_alphabetic() {
        Some(TokenKind::Latin)
    } else if first.is_ascii_digit() {
        Some(TokenKind::Number)
    } else {
        Some(TokenKind::Symbol)
    }
}

/// Breadth-first search over one unsettled stretch, with its buffers kept between stretches.
#[derive(Default)]
struct PathSearch {
    /// Per byte offset from the stretch's start: the edge that first reached it.
    parent: Vec<Option<usize>>,
    queue: std::collections::VecDeque<usize>,
    path: Vec<Piece>,
}

impl PathSearch {
    /// Appends to `out` the path from `from` to `to` with the fewest edges; among those, the
    /// one found first when edges are tried in the order they were added. `edges` holds the
    /// stretch's edges, grouped by their start in ascending order.
    fn shortest_path(
        &mut self,
        edges: &[(usize, usize, bool)],
        from: usize,
        to: usize,
        out: &mut Vec<Piece>,
    ) {
        self.parent.clear();
        self.parent.resize(to - from + 1, None);
        self.queue.clear();
        self.queue.push_back(from);
        while let Some(v) = self.queue.pop_front() {
            if v == to {
                break;
            }
            let first = edges.partition_point(|e| e.0 < v);
            for (k, &(_, next, _)) in edges[first..]
                .iter()
                .enumerate()
                .take_while(|(_, e)| e.0 == v)
            {
                if next <= to && next != from && self.parent[next - from].is_none() {
                    self.parent[next - from] = Some(first + k);
                    self.queue.push_back(next);
                }
            }
        }
        self.path.clear();
        let mut v = to;
        while v != from {
            let Some(k) = self.parent[v - from] else {
                // Unreachable: `to` is only settled once a path reaches it. Fall back
                // to one piece rather than lose text.
                out.push(Piece {
                    start: from,
                    end: to,
                    word: false,
                });
                return;
            };
            let (start, end, word) = edges[k];
            self.path.push(Piece { start, end, word });
            v = start;
        }
        out.extend(self.path.drain(..).rev());
    }
}

/// Counts for comparing two segmentations of the same text: `(agreed, ours, theirs)`,
/// where a token agrees when both put it at the same span. Token-level F1 is
/// `2·agreed / (ours + theirs)`. Tokens are located left to right in `text`;
/// whitespace tokens are ignored.
pub fn span_agreement(text: &str, ours: &[String], theirs: &[String]) -> (usize, usize, usize) {
    fn spans(text: &str, tokens: &[String]) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        let mut pos = 0;
        for t in tokens.iter().filter(|t| !t.trim().is_empty()) {
            if let Some(i) = text[pos..].find(t.as_str()) {
                out.push((pos + i, pos + i + t.len()));
                pos += i + t.len();
            }
        }
        out
    }
    let a = spans(text, ours);
    let b: std::collections::HashSet<(usize, usize)> = spans(text, theirs).into_iter().collect();
    let agreed = a.iter().filter(|s| b.contains(s)).count();
    (agreed, a.len(), b.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seg(d: &Dictionary, s: &str) -> Vec<String> {
        Segmenter::new(d)
            .segment(s)
            .into_iter()
            .map(|t| t.text)
            .collect()
    }

    #[test]
    fn fewest_words_wins() {
        let d = Dictionary::from_words(["ตา", "กลม", "ตาก", "ลม"]);
        // ตา|กลม and ตาก|ลม both take two words; newmm's tie-break takes the shorter first word.
        assert_eq!(seg(&d, "ตากลม"), ["ตา", "กลม"]);
        let d = Dictionary::from_words(["ร้อย", "กรอง", "ร้อยกรอง"]);
        assert_eq!(seg(&d, "ร้อยกรอง"), ["ร้อยกรอง"]);
    }

    #[test]
    fn unknown_thai_run_is_one_token_up_to_the_next_word() {
        let d = Dictionary::from_words(["และ", "แมว"]);
        let tokens = Segmenter::new(&d).segment("พฤษภกกาสรและแมว");
        let texts: Vec<&str> = tokens.iter().map(|t| t.text.as_str()).collect();
        assert_eq!(texts, ["พฤษภกกาสร", "และ", "แมว"]);
        assert_eq!(tokens[0].kind, TokenKind::Unknown);
        assert_eq!(tokens[1].kind, TokenKind::Word);
    }

    #[test]
    fn latin_is_lower_cased_numbers_kept_and_spaces_dropped() {
        let d = Dictionary::from_words(["คำ"]);
        let tokens = Segmenter::new(&d).segment("คำ Hello-World 100,000 2.5 (x)");
        let got: Vec<(&str, TokenKind)> =
            tokens.iter().map(|t| (t.text.as_str(), t.kind)).collect();
        assert_eq!(
            got,
            [
                ("คำ", TokenKind::Word),
                ("hello-world", TokenKind::Latin),
                ("100,000", TokenKind::Number),
                ("2.5", TokenKind::Number),
                ("(", TokenKind::Symbol),
                ("x", TokenKind::Latin),
                (")", TokenKind::Symbol),
            ]
        );
    }

    #[test]
    fn offsets_are_chars_into_the_input() {
        let d = Dictionary::from_words(["อ่าน", "เขียน"]);
        let text = "อ่าน เขียน";
        for t in Segmenter::new(&d).segment(text) {
            let piece: String = text.chars().skip(t.start).take(t.end - t.start).collect();
            assert_eq!(piece, t.text);
        }
    }

    #[test]
    fn never_cuts_inside_a_cluster_even_when_a_word_would_fit() {
        // "กร" is a word, but ending there would split the cluster "รี" of "กรีน".
        let d = Dictionary::from_words(["กร"]);
        let out = seg(&d, "กรีน");
        assert_eq!(out, ["กรีน"]);
    }

    #[test]
    fn empty_and_symbol_only_input() {
        let d = Dictionary::from_words(["คำ"]);
        assert!(seg(&d, "").is_empty());
        assert!(seg(&d, "   \n ").is_empty());
        assert_eq!(seg(&d, "👍🏽!"), ["👍🏽", "!"]);
    }
}
