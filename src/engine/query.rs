//! The query side: one text normalised, segmented and weighed against the
//! vocabulary, once, for scoring and for explaining.

use super::analyze::{self, Term};
use super::{hash, verbs, Engine};
use crate::text::dict::Dictionary;
use crate::text::normalize::normalize_with_dictionary;

/// Fragments joined back into a misspelt word must come this close to a known
/// word (stricter than a single unknown word: joining can manufacture near-misses).
const MEND_SIMILARITY: f32 = 0.8;

/// A query text, analysed once.
pub(super) struct Query {
    pub normalized: String,
    pub terms: Vec<Term>,
    /// Per term: the known word it stands for and how closely (1 = exactly).
    pub term_words: Vec<Option<(u32, f32)>>,
    /// Distinct words: (vocabulary id, weight, fuzzy similarity; 1 = exact).
    pub words: Vec<(u32, f32, f32)>,
    /// The IDF mass of the query's distinct words (the denominator of coverage).
    pub mass: f32,
    pub grams: Vec<(Option<u32>, f32)>,
    pub levels: verbs::Levels,
}

impl Engine {
    /// Normalise → segment → weigh one text.
    pub(super) fn query(&self, text: &str) -> Query {
        let dict = Dictionary::embedded();
        let normalized = normalize_with_dictionary(text, dict);
        let mend = |run: &str| {
            if self.vocab.id(run).is_some() {
                return None;
            }
            self.fuzzy
                .nearest(run)
                .filter(|&(_, sim)| sim >= MEND_SIMILARITY)
                .map(|(id, _)| self.vocab.word(id).to_string())
        };
        let terms = analyze::query_terms(&self.segmenter, &self.compounds, &normalized, &mend);
        let grams = self.grams.query(&normalized);
        self.weigh(normalized, terms, grams)
    }

    /// The part of an analysed text between chars `start..end` (a clause), weighed as a
    /// text of its own but keeping the whole text's terms and positions, so that its
    /// evidence points into the whole text. Terms inside `drop` (competency cue phrases)
    /// are left out.
    pub(super) fn query_part(
        &self,
        whole: &Query,
        start: usize,
        end: usize,
        drop: &[(usize, usize)],
    ) -> Query {
        let terms: Vec<Term> = whole
            .terms
            .iter()
            .filter(|t| t.start >= start && t.end <= end)
            .filter(|t| !drop.iter().any(|&(s, e)| t.start >= s && t.end <= e))
            .cloned()
            .collect();
        let text: String = whole
            .normalized
            .chars()
            .skip(start)
            .take(end - start)
            .collect();
        let grams = self.grams.query(&text);
        self.weigh(whole.normalized.clone(), terms, grams)
    }

    /// Weigh the terms of a text against the vocabulary.
    fn weigh(&self, normalized: String, terms: Vec<Term>, grams: Vec<(Option<u32>, f32)>) -> Query {
        let blend = self.weights.idf_blend;
        let mut words: Vec<(u32, f32, f32)> = Vec::new();
        let mut term_words = Vec::with_capacity(terms.len());
        let mut mass = 0.0;
        let mut seen: hash::FastMap<&str, Option<(u32, f32)>> = hash::FastMap::default();
        for term in &terms {
            if let Some(&known) = seen.get(term.text.as_str()) {
                term_words.push(known);
                continue;
            }
            let known = match self.vocab.id(&term.text) {
                Some(id) => Some((id, 1.0)),
                None => self.fuzzy.nearest(&term.text),
            };
            match known {
                Some((id, sim)) => {
                    let idf = self.vocab.idf(id);
                    mass += idf;
                    words.push((id, idf, sim));
                }
                None => mass += self.vocab.unseen_idf(&term.text, blend),
            }
            seen.insert(&term.text, known);
            term_words.push(known);
        }
        let levels = verbs::levels(&terms);
        Query {
            normalized,
            terms,
            term_words,
            words,
            mass,
            grams,
            levels,
        }
    }
}
