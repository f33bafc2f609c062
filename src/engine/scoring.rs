//! Score and rank: every signal of an analysed text for every indicator,
//! combined into one score; the candidates in order, the best kept.

use super::clause::{Clause, ClauseKind};
use super::index::Fields;
use super::query::Query;
use super::signal::{weighted_mean, Signal, Signals};
use super::{evidence, round4, verbs, Engine, Match, RankOptions, Scope};
use crate::curriculum::LearningArea;
use crate::framework::{FrameworkArea, Tie};

/// In `context_words`, a word found only in the standard or only in core
/// content counts this much of a word in the indicator's own text.
const CONTEXT_STANDARD: f32 = 0.4;
const CONTEXT_CONTENT: f32 = 0.8;

/// In a text of several clauses, a match counts this to the power of how many matches
/// of its clause are already listed (chosen on the dev composites: 0.9 found the most
/// parts in the top 10; 0.7 and below crowded the list with weak matches).
const CLAUSE_TURN: f32 = 0.9;

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

    /// The weighted mean of the signals, times the grade and area priors (a draft
    /// framework area, where no 2551 area is given, is always a prior).
    pub(super) fn score(&self, signals: &Signals, scope: &Scoped, opts: &RankOptions) -> f32 {
        let w = &self.weights;
        let mut score = weighted_mean(&signals.values, &w.signals);
        let ind = &self.indicators[signals.indicator];
        if let (Some(g), Scope::Prior) = (scope.grade, opts.grade_scope) {
            score *= match g.abs_diff(ind.grade) {
                0 => 1.0,
                1 => w.adjacent_grade,
                _ => w.other_grade,
            };
        }
        if let (Some(a), Scope::Prior) = (scope.area, opts.area_scope) {
            if ind.area != a {
                score *= w.other_area;
            }
        }
        if let (None, Some(f)) = (scope.area, scope.framework_area) {
            score *= match f.tie(&ind.code) {
                Tie::Primary => 1.0,
                Tie::Related => w.related_area,
                Tie::Other => w.unrelated_area,
            };
        }
        score.clamp(0.0, 1.0)
    }

    /// Rank with this grade and area in place of the options' (an outcome's
    /// own). A text of several clauses (a learning outcome that bundles topics) is
    /// matched clause by clause: each content clause is weighed as a text of its own,
    /// and an indicator takes the score of the clause (or the whole text) that answers
    /// it best, so a topic bundled in an LO scores as it would written alone.
    pub(super) fn rank_scoped(&self, text: &str, scope: &Scoped, opts: &RankOptions) -> Ranked {
        let q = self.query(text);
        let clauses = self.split_clauses(&q.normalized);
        // In an area whose indicators teach working itself (ง 1.1), a clause about working
        // is a topic like any other, its cue phrases kept.
        let work_is_content = scope.framework_area.is_some_and(|a| a.work_is_content());
        let content: Vec<usize> = (0..clauses.len())
            .filter(|&c| work_is_content || clauses[c].kind == ClauseKind::Content)
            .collect();
        let candidates = self.candidates(scope.grade, scope.area, opts);
        // Units: the whole text, and where it has several clauses each content clause.
        // (Adjacent pairs of clauses as units too were measured: no part found more.)
        let mut units: Vec<Unit> = vec![Unit {
            clauses: (0..clauses.len()).map(|c| c as u32).collect(),
            query: None,
        }];
        if clauses.len() > 1 {
            let part = |cs: &[usize]| {
                let start = clauses[cs[0]].span.start;
                let end = clauses[cs[cs.len() - 1]].span.end;
                let cues: Vec<(usize, usize)> = cs
                    .iter()
                    .filter(|_| !work_is_content)
                    .flat_map(|&c| clauses[c].cues.iter().copied())
                    .collect();
                Unit {
                    clauses: cs.iter().map(|&c| c as u32).collect(),
                    query: Some(self.query_part(&q, start, end, &cues)),
                }
            };
            for &c in &content {
                units.push(part(&[c]));
            }
        }
        // Per candidate: its best score and the unit that gave it; and every unit's score,
        // to say which clauses it answers.
        let mut best: Vec<(usize, f32, usize)> = candidates.iter().map(|&i| (i, 0.0, 0)).collect();
        let per_unit = if units.len() > 1 {
            self.indicators.len()
        } else {
            0
        };
        let mut by_unit: Vec<Vec<f32>> = vec![Vec::new(); per_unit];
        for (u, unit) in units.iter().enumerate() {
            let uq = unit.query.as_ref().unwrap_or(&q);
            let all = self.signals(uq);
            for b in best.iter_mut() {
                let s = Signals {
                    indicator: b.0,
                    values: all[b.0],
                };
                let v = self.score(&s, scope, opts);
                if units.len() > 1 {
                    by_unit[b.0].push(v);
                }
                if v > b.1 {
                    b.1 = v;
                    b.2 = u;
                }
            }
        }
        // The clauses a match answers: each content clause scoring nearly its best (a
        // topic shared by two clauses is named under both); a match best answered by the
        // whole text and by no clause nearly as well answers them all.
        let answered = |i: usize, score: f32| -> Vec<u32> {
            if units.len() == 1 {
                return units[0].clauses.clone();
            }
            let near: Vec<u32> = (1..units.len())
                .filter(|&u| by_unit[i][u] >= ANSWER_SHARE * score)
                .map(|u| units[u].clauses[0])
                .collect();
            if near.is_empty() {
                content.iter().map(|&c| c as u32).collect()
            } else {
                near
            }
        };
        let mut scored: Vec<(usize, f32, usize)> = best
            .into_iter()
            .filter(|&(_, s, _)| s > 0.0 && s >= opts.min_score)
            .collect();
        // Ties broken by curriculum order, so the ranking is the same everywhere. That makes
        // the order total, so picking the best `top_k` first and sorting only them gives the
        // same list as sorting all (most texts keep 10 of 582).
        let order = |a: &(usize, f32, usize), b: &(usize, f32, usize)| {
            b.1.total_cmp(&a.1).then(a.0.cmp(&b.0))
        };
        if units.len() > 1 {
            scored.sort_unstable_by(order);
            scored = take_in_turn(scored, opts.top_k, CLAUSE_TURN, |u| units[u].clauses[0]);
        } else {
            if opts.top_k > 0 && opts.top_k < scored.len() {
                scored.select_nth_unstable_by(opts.top_k - 1, order);
                scored.truncate(opts.top_k);
            }
            scored.sort_unstable_by(order);
        }
        let matches = scored
            .into_iter()
            .map(|(i, score, u)| Match {
                code: self.indicators[i].code,
                score: round4(score),
                relation: self.relation(score),
                text: self.indicators[i].text.clone(),
                evidence: if opts.evidence {
                    evidence::explain(self, units[u].query.as_ref().unwrap_or(&q), i)
                } else {
                    Vec::new()
                },
                clauses: answered(i, score),
                review: None,
            })
            .collect();
        Ranked {
            normalized: q.normalized,
            clauses,
            matches,
        }
    }
}

/// A candidate while lists are picked: (indicator index, score, unit it scored best in).
/// A clause answers a match when its own score is at least this share of the match's.
const ANSWER_SHARE: f32 = 0.85;

type Candidate = (usize, f32, usize);

/// The best `top_k` (0 = all) of `sorted` (best first), each clause's in turn: a match
/// counts `decay` to the power of how many of its clause's are already taken, so that
/// one clause's many near matches do not crowd another clause's best out of the list.
fn take_in_turn(
    sorted: Vec<Candidate>,
    top_k: usize,
    decay: f32,
    group: impl Fn(usize) -> u32,
) -> Vec<Candidate> {
    let k = if top_k == 0 {
        sorted.len()
    } else {
        top_k.min(sorted.len())
    };
    let mut groups: Vec<(u32, std::collections::VecDeque<Candidate>)> = Vec::new();
    for m in sorted {
        let g = group(m.2);
        match groups.iter_mut().find(|(id, _)| *id == g) {
            Some((_, list)) => list.push_back(m),
            None => groups.push((g, std::collections::VecDeque::from([m]))),
        }
    }
    let mut taken = vec![0i32; groups.len()];
    let mut out = Vec::with_capacity(k);
    while out.len() < k {
        let pick = groups
            .iter()
            .enumerate()
            .filter_map(|(gi, (_, list))| {
                list.front().map(|m| (gi, m.1 * decay.powi(taken[gi]), m.0))
            })
            .max_by(|a, b| a.1.total_cmp(&b.1).then(b.2.cmp(&a.2)));
        let Some((gi, _, _)) = pick else { break };
        taken[gi] += 1;
        out.extend(groups[gi].1.pop_front());
    }
    out
}

/// What a text is ranked within: its grade, 2551 area and draft framework area.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct Scoped {
    pub grade: Option<u8>,
    pub area: Option<LearningArea>,
    pub framework_area: Option<FrameworkArea>,
}

impl Scoped {
    /// The options' own.
    pub fn of(opts: &RankOptions) -> Scoped {
        Scoped {
            grade: opts.grade,
            area: opts.area,
            framework_area: opts.framework_area,
        }
    }
}

/// One piece of a text matched on its own: clauses by index, and its query (none: the whole text's).
struct Unit {
    clauses: Vec<u32>,
    query: Option<Query>,
}

/// A ranking, with the normalised text its spans index and the clauses its matches name.
pub(super) struct Ranked {
    pub normalized: String,
    pub clauses: Vec<Clause>,
    pub matches: Vec<Match>,
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
