//! Score and rank: every signal of an analysed text for every indicator,
//! combined into one score; the candidates in order, the best kept.

use super::index::Fields;
use super::query::Query;
use super::signal::{weighted_mean, Signal, Signals};
use super::{evidence, round4, verbs, Engine, Match, RankOptions, Scope};
use crate::curriculum::LearningArea;

/// In `context_words`, a word found only in the standard or only in core
/// content counts this much of a word in the indicator's own text.
const CONTEXT_STANDARD: f32 = 0.4;
const CONTEXT_CONTENT: f32 = 0.8;

impl Engine {
    /// The candidates allowed by the options, by index.
    pub(super) fn candidates(
        &self,
        grade: Option<u8>,
        area: Option<LearningArea>,
        opts: &RankOptions,
    ) -> Vec<usize> {
        (0..self.indicators.len())
            .filter(|&i| {
                let ind = &self.indicators[i];
                let grade_ok = match (grade, opts.grade_scope) {
                    (Some(g), Scope::Filter) => ind.grade == g,
                    _ => true,
                };
                let area_ok = match (area, opts.area_scope) {
                    (Some(a), Scope::Filter) => ind.area == a,
                    _ => true,
                };
                grade_ok && area_ok
            })
            .collect()
    }

    /// Score: every signal for every indicator (dense; the indicator side is small).
    pub(super) fn signals(&self, q: &Query) -> Vec<[f32; Signal::COUNT]> {
        let words = &self.words;
        let n = self.indicators.len();
        let mut ind_q = vec![0.0f32; n];
        let mut ind_d = vec![0.0f32; n];
        let mut std_q = vec![0.0f32; words.standard.docs.len()];
        let mut item_q = vec![0.0f32; words.core_content.docs.len()];
        let mut item_d = vec![0.0f32; words.core_content.docs.len()];
        for &(id, idf, sim) in &q.words {
            let w = idf * sim;
            for &(d, tw) in &words.indicator.postings[id as usize] {
                ind_q[d as usize] += w * tw;
                ind_d[d as usize] += w;
            }
            for &(d, tw) in &words.standard.postings[id as usize] {
                std_q[d as usize] += w * tw;
            }
            for &(d, tw) in &words.core_content.postings[id as usize] {
                item_q[d as usize] += w * tw;
                item_d[d as usize] += w;
            }
        }
        let mass = q.mass.max(1e-6);
        // Each query word, covered by the indicator's own text, or failing that
        // by a core-content item tied to it, or by its standard: how much of
        // the query the indicator's whole context accounts for.
        let mut context = vec![0.0f32; n];
        let mut best = vec![0.0f32; n];
        let mut touched: Vec<u32> = Vec::new();
        for &(id, idf, sim) in &q.words {
            let mut raise = |i: u32, v: f32, touched: &mut Vec<u32>| {
                let b = &mut best[i as usize];
                if *b == 0.0 {
                    touched.push(i);
                }
                if v > *b {
                    *b = v;
                }
            };
            for &(d, tw) in &words.indicator.postings[id as usize] {
                raise(d, tw, &mut touched);
            }
            for &(d, tw) in &words.standard.postings[id as usize] {
                for &i in &self.standard_members[d as usize] {
                    raise(i, CONTEXT_STANDARD * tw, &mut touched);
                }
            }
            for &(k, tw) in &words.core_content.postings[id as usize] {
                for &(i, tie) in &self.item_ties[k as usize] {
                    raise(i, CONTEXT_CONTENT * tie * tw, &mut touched);
                }
            }
            for i in touched.drain(..) {
                context[i as usize] += idf * sim * best[i as usize];
                best[i as usize] = 0.0;
            }
        }
        // An item counts when much of it is in the query and the query is about it.
        let item_sim: Vec<f32> = (0..item_q.len())
            .map(|k| {
                let cov_q = item_q[k] / mass;
                let cov_d = item_d[k] / words.core_content.docs[k].idf_mass.max(1e-6);
                (cov_q * cov_d.min(1.0)).sqrt()
            })
            .collect();
        let mut gram_ind = vec![0.0f32; n];
        let mut gram_std = vec![0.0f32; words.standard.docs.len()];
        let mut gram_block = vec![0.0f32; self.block_items.len()];
        self.grams.cosine(
            &q.grams,
            Fields {
                indicator: &mut gram_ind,
                standard: &mut gram_std,
                core_content: &mut gram_block,
            },
        );

        let mut tied = vec![0.0f32; n];
        for (k, ties) in self.item_ties.iter().enumerate() {
            if item_sim[k] > 0.0 {
                for &(i, t) in ties {
                    let v = t * item_sim[k];
                    if v > tied[i as usize] {
                        tied[i as usize] = v;
                    }
                }
            }
        }
        (0..n)
            .map(|i| {
                let s = self.standard_of[i] as usize;
                let (block_best, block_gram) = match self.block_of[i] {
                    Some(b) => {
                        let r = &self.block_items[b as usize];
                        let best = item_sim[r.start as usize..r.end as usize]
                            .iter()
                            .fold(0.0f32, |a, &b| a.max(b));
                        (best, gram_block[b as usize])
                    }
                    None => (0.0, 0.0),
                };
                let dmass = words.indicator.docs[i].idf_mass.max(1e-6);
                Signal::each(|signal| match signal {
                    Signal::Words => (ind_q[i] / mass).min(1.0),
                    Signal::WordsIndicatorSide => (ind_d[i] / dmass).min(1.0),
                    Signal::Grams => gram_ind[i].min(1.0),
                    Signal::StandardWords => (std_q[s] / mass).min(1.0),
                    Signal::StandardGrams => gram_std[s].min(1.0),
                    Signal::ContentBlock => block_best.min(1.0),
                    Signal::ContentTied => tied[i].min(1.0),
                    Signal::ContentGrams => block_gram.min(1.0),
                    Signal::Verbs => verbs::agreement(q.levels, self.verb_levels[i]),
                    Signal::ContextWords => (context[i] / mass).min(1.0),
                })
            })
            .collect()
    }

    /// The weighted mean of the signals, times the grade and area priors.
    pub(super) fn score(
        &self,
        signals: &Signals,
        grade: Option<u8>,
        area: Option<LearningArea>,
        opts: &RankOptions,
    ) -> f32 {
        let w = &self.weights;
        let mut score = weighted_mean(&signals.values, &w.signals);
        let ind = &self.indicators[signals.indicator];
        if let (Some(g), Scope::Prior) = (grade, opts.grade_scope) {
            score *= match g.abs_diff(ind.grade) {
                0 => 1.0,
                1 => w.adjacent_grade,
                _ => w.other_grade,
            };
        }
        if let (Some(a), Scope::Prior) = (area, opts.area_scope) {
            if ind.area != a {
                score *= w.other_area;
            }
        }
        score.clamp(0.0, 1.0)
    }

    /// Rank with this grade and area in place of the options' (an outcome's
    /// own); also gives the normalised text the evidence spans index.
    pub(super) fn rank_scoped(
        &self,
        text: &str,
        grade: Option<u8>,
        area: Option<LearningArea>,
        opts: &RankOptions,
    ) -> (String, Vec<Match>) {
        let q = self.query(text);
        let all = self.signals(&q);
        let mut scored: Vec<(usize, f32)> = self
            .candidates(grade, area, opts)
            .into_iter()
            .map(|i| {
                let s = Signals {
                    indicator: i,
                    values: all[i],
                };
                (i, self.score(&s, grade, area, opts))
            })
            .filter(|&(_, s)| s > 0.0 && s >= opts.min_score)
            .collect();
        // Ties broken by curriculum order, so the ranking is the same everywhere. That makes
        // the order total, so picking the best `top_k` first and sorting only them gives the
        // same list as sorting all (most texts keep 10 of 582).
        let order = |a: &(usize, f32), b: &(usize, f32)| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0));
        if opts.top_k > 0 && opts.top_k < scored.len() {
            scored.select_nth_unstable_by(opts.top_k - 1, order);
            scored.truncate(opts.top_k);
        }
        scored.sort_unstable_by(order);
        let matches = scored
            .into_iter()
            .map(|(i, score)| Match {
                code: self.indicators[i].code,
                score: round4(score),
                relation: self.relation(score),
                text: self.indicators[i].text.clone(),
                evidence: if opts.evidence {
                    evidence::explain(self, &q, i)
                } else {
                    Vec::new()
                },
                review: None,
            })
            .collect();
        (q.normalized, matches)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn combine_without_priors_is_the_weighted_mean_of_the_signals() {
        let engine = Engine::new();
        let opts = RankOptions::default();
        let signals = engine.candidate_signals("อ่านออกเสียงบทร้อยแก้วและบทร้อยกรอง", &opts);
        let weights = engine.weights().signals;
        let mut scored = 0;
        for s in &signals {
            let mean = weighted_mean(&s.values, &weights);
            assert_eq!(engine.combine(s, None, None, &opts), mean.clamp(0.0, 1.0));
            scored += usize::from(mean > 0.0);
        }
        assert!(scored > 0);
    }

    #[test]
    fn an_indicators_own_text_fills_its_own_word_signals() {
        let engine = Engine::new();
        let own = &engine.indicators()[0];
        let all = RankOptions {
            top_k: 0,
            ..RankOptions::default()
        };
        let signals = engine.candidate_signals(&own.text, &all);
        let mine = signals[0].values;
        assert_eq!(signals[0].indicator, 0);
        // All of its words and grams are in the query ...
        for s in [Signal::WordsIndicatorSide, Signal::Grams] {
            assert!(mine[s] > 0.99, "{}: {}", s.name(), mine[s]);
        }
        // ... and no other indicator accounts for more of the query's words.
        for s in [Signal::Words, Signal::ContextWords] {
            let best = signals.iter().map(|c| c.values[s]).fold(0.0, f32::max);
            assert_eq!(mine[s], best, "{}", s.name());
        }
        // The other indicators of the same standard share it, not the text.
        let sibling = signals
            .iter()
            .find(|c| c.indicator != 0 && engine.indicators()[c.indicator].standard == own.standard)
            .expect("a standard has several indicators");
        assert_eq!(
            sibling.values[Signal::StandardWords],
            mine[Signal::StandardWords]
        );
        assert!(sibling.values[Signal::Words] < mine[Signal::Words]);
    }
}
