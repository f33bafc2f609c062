//! The alignment engine: ranks the indicators for a text, aligns many
//! outcomes at once, and sums up coverage.
//!
//! The path for one text reads top to bottom: normalise → segment into terms
//! ([`analyze`]) → weigh against the indexes built once ([`index`]) → score
//! each candidate on several signals ([`Signals`]) → combine into one score in
//! [0, 1] → rank → explain the best matches with evidence ([`evidence`]).

mod analyze;
mod cuts;
mod evidence;
mod fuzzy;
mod hash;
mod index;
mod tie;
mod types;
mod verbs;

use std::collections::HashMap;

pub use types::*;

use crate::curriculum::{CoreContent, Curriculum, Indicator, LearningArea, Standard};
use crate::outcome::Outcome;
use crate::text::dict::Dictionary;
use crate::text::normalize::{normalize_chars, normalize_with_dictionary};
use crate::text::Segmenter;
use analyze::{CompoundParts, Term};
use index::{FieldIndex, GramIndex, IndexBuilder, Vocabulary};

/// The signals a candidate is scored on, each in [0, 1].
/// How many signals there are.
pub const SIGNAL_COUNT: usize = 10;

/// The signals' names, in the order of [`Weights::signals`].
pub const SIGNALS: [&str; SIGNAL_COUNT] = [
    "words",
    "words_indicator_side",
    "grams",
    "standard_words",
    "standard_grams",
    "content_block",
    "content_tied",
    "content_grams",
    "verbs",
    "context_words",
];

/// How much each signal counts, and the thresholds of the relation levels.
/// The defaults are tuned on the dev set (see the README).
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Weights {
    pub signals: [f32; SIGNAL_COUNT],
    /// Share of the curriculum IDF in the word weight (the rest: general Thai).
    pub idf_blend: f32,
    /// Score multipliers under [`Scope::Prior`]: adjacent grade, other grades, other areas.
    pub adjacent_grade: f32,
    pub other_grade: f32,
    pub other_area: f32,
    /// Minimum scores of `aligned` and `partial`.
    pub aligned: f32,
    pub partial: f32,
}

impl Default for Weights {
    fn default() -> Self {
        Weights {
            signals: [0.15, 0.0, 0.2, 0.05, 0.15, 0.0, 0.0, 0.1, 0.0, 0.4],
            idf_blend: 0.5,
            adjacent_grade: 0.85,
            other_grade: 0.7,
            other_area: 0.8,
            aligned: 0.20,
            partial: 0.12,
        }
    }
}

use serde::Serialize;

/// In `context_words`, a word found only in the standard or only in core
/// content counts this much of a word in the indicator's own text.
const CONTEXT_STANDARD: f32 = 0.4;
const CONTEXT_CONTENT: f32 = 0.8;
/// Fragments joined back into a misspelt word must come this close to a known
/// word (stricter than a single unknown word: joining can manufacture near-misses).
const MEND_SIMILARITY: f32 = 0.8;

/// The engine: the indicators and their context, indexed once.
#[derive(Debug, Clone)]
pub struct Engine {
    indicators: Vec<Indicator>,
    weights: Weights,
    segmenter: Segmenter<'static>,
    compounds: CompoundParts,
    vocab: Vocabulary,
    /// Field 0: indicator texts; 1: standard texts (with strand); 2: core-content items.
    fields: Vec<FieldIndex>,
    /// Field 0: indicator texts; 1: standard texts; 2: core-content blocks.
    grams: GramIndex,
    /// Per indicator: its standard document.
    standard_of: Vec<u32>,
    /// Per standard document: its indicators.
    standard_members: Vec<Vec<u32>>,
    /// Per indicator: its core-content block, when it has one.
    block_of: Vec<Option<u32>>,
    /// Per block: the range of its items in field 2.
    block_items: Vec<std::ops::Range<u32>>,
    /// Per item: its text as indexed (with its headings), and its tie to each
    /// indicator of the block, in [0, 1], by indicator index.
    item_texts: Vec<String>,
    item_ties: Vec<Vec<(u32, f32)>>,
    standard_texts: Vec<String>,
    verb_levels: Vec<verbs::Levels>,
    fuzzy: fuzzy::FuzzyIndex,
}

/// One candidate's signals (for tuning and for explaining a score).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Signals {
    pub indicator: usize,
    pub values: [f32; SIGNAL_COUNT],
}

/// A query text, analysed once.
struct Query {
    normalized: String,
    terms: Vec<Term>,
    /// Per term: the known word it stands for and how closely (1 = exactly).
    term_words: Vec<Option<(u32, f32)>>,
    /// Distinct words: (vocabulary id, weight, fuzzy similarity; 1 = exact).
    words: Vec<(u32, f32, f32)>,
    /// The IDF mass of the query's distinct words (the denominator of coverage).
    mass: f32,
    grams: Vec<(Option<u32>, f32)>,
    levels: verbs::Levels,
}

impl Engine {
    /// The engine over the embedded curriculum: the 582 indicators of ป.4–6.
    pub fn new() -> Engine {
        let c = Curriculum::embedded();
        Engine::build(
            c.indicators().to_vec(),
            c.standards(),
            c.core_content(),
            Weights::default(),
            true,
        )
    }

    /// An engine over another set of indicators (e.g. other grades). Their
    /// standards and core content are taken from the embedded curriculum where it has them.
    pub fn with_indicators(indicators: Vec<Indicator>) -> Engine {
        let embedded = Curriculum::embedded();
        Engine::build(
            indicators,
            embedded.standards(),
            embedded.core_content(),
            Weights::default(),
            false,
        )
    }

    /// An engine over a whole curriculum.
    pub fn with_curriculum(curriculum: &Curriculum) -> Engine {
        Engine::build(
            curriculum.indicators().to_vec(),
            curriculum.standards(),
            curriculum.core_content(),
            Weights::default(),
            false,
        )
    }

    /// The same indexes with other weights (for tuning).
    pub fn with_weights(mut self, weights: Weights) -> Engine {
        if weights.idf_blend != self.weights.idf_blend {
            let rebuilt = Curriculum::embedded();
            return Engine::build(
                self.indicators,
                rebuilt.standards(),
                rebuilt.core_content(),
                weights,
                false,
            );
        }
        self.weights = weights;
        self
    }

    pub fn weights(&self) -> &Weights {
        &self.weights
    }

    /// The candidate indicators, in curriculum order.
    pub fn indicators(&self) -> &[Indicator] {
        &self.indicators
    }

    fn build(
        indicators: Vec<Indicator>,
        standards: &[Standard],
        core_content: &[CoreContent],
        weights: Weights,
        trusted: bool,
    ) -> Engine {
        let dict = Dictionary::embedded();
        let segmenter = Segmenter::new(dict);
        let compounds = CompoundParts::new(dict, &Dictionary::curriculum_lexicon());
        // The embedded curriculum is clean text (a test checks that the full
        // normaliser changes none of it), and the dictionary rounds of PDF repair
        // are most of the cost of building; so it gets the character rules only.
        let prepare = |text: &str| {
            if trusted {
                normalize_chars(text)
            } else {
                normalize_with_dictionary(text, dict)
            }
        };

        // Standards used by these indicators, with the strand's name as part of the text.
        let mut standard_ids: HashMap<&str, u32> = HashMap::new();
        let mut standard_texts = Vec::new();
        let mut standard_of = Vec::with_capacity(indicators.len());
        for ind in &indicators {
            let next = standard_ids.len() as u32;
            let id = *standard_ids
                .entry(ind.standard.as_str())
                .or_insert_with(|| {
                    let text = standards
                        .iter()
                        .find(|s| s.code == ind.standard)
                        .map_or(String::new(), |s| s.text.clone());
                    standard_texts.push(prepare(&format!("{} {}", ind.strand, text)));
                    next
                });
            standard_of.push(id);
        }

        // Core-content blocks of these indicators' standard × grade.
        let mut block_ids: HashMap<(&str, u8), u32> = HashMap::new();
        let mut block_of = Vec::with_capacity(indicators.len());
        let mut blocks: Vec<&CoreContent> = Vec::new();
        for ind in &indicators {
            let key = (ind.standard.as_str(), ind.grade);
            let id = match block_ids.get(&key) {
                Some(&id) => Some(id),
                None => core_content
                    .iter()
                    .find(|b| b.standard == ind.standard && b.grade == ind.grade)
                    .map(|b| {
                        let id = blocks.len() as u32;
                        blocks.push(b);
                        block_ids.insert(key, id);
                        id
                    }),
            };
            block_of.push(id);
        }
        let mut item_texts = Vec::new();
        let mut item_positions = Vec::new();
        let mut block_items = Vec::new();
        for block in &blocks {
            let start = item_texts.len() as u32;
            let tops = block
                .items
                .iter()
                .filter(|i| i.parent_seq.is_none())
                .count()
                .max(1);
            let mut top = 0usize;
            for item in &block.items {
                if item.parent_seq.is_none() {
                    top += 1;
                }
                item_texts.push(prepare(&block.path_text(item)));
                item_positions.push((top.max(1) as f32 - 0.5) / tops as f32);
            }
            block_items.push(start..item_texts.len() as u32);
        }
        let block_texts: Vec<String> = block_items
            .iter()
            .map(|r| item_texts[r.start as usize..r.end as usize].join(" "))
            .collect();

        let indicator_texts: Vec<String> = indicators.iter().map(|i| prepare(&i.text)).collect();
        // The embedded curriculum's cut is stored (see `cuts`): replaying it skips the
        // dictionary search that was most of the build.
        let stored = if trusted {
            let texts = indicator_texts
                .iter()
                .chain(&standard_texts)
                .chain(&item_texts);
            cuts::embedded(dict, texts.map(String::as_str))
        } else {
            None
        };
        let mut stored = stored.map(Vec::into_iter);
        let mut analyse = |text: &str| {
            let tokens = stored
                .as_mut()
                .and_then(Iterator::next)
                .and_then(|cut| segmenter.segment_cut(text, &cut))
                .unwrap_or_else(|| segmenter.segment(text));
            analyze::terms_of(tokens, &compounds)
        };
        let indicator_terms: Vec<Vec<Term>> = indicator_texts.iter().map(|t| analyse(t)).collect();
        let verb_levels = indicator_terms.iter().map(|t| verbs::levels(t)).collect();

        let mut builder = IndexBuilder::default();
        builder.add_field(indicator_terms);
        builder.add_field(standard_texts.iter().map(|t| analyse(t)));
        builder.add_field(item_texts.iter().map(|t| analyse(t)));
        let (vocab, fields) = builder.finish(weights.idf_blend);

        let grams = GramIndex::new(&[indicator_texts, standard_texts.clone(), block_texts]);
        let item_ties = tie::ties(
            &vocab,
            &fields[0],
            &fields[2],
            &block_of,
            &block_items,
            &item_positions,
        );
        let fuzzy = fuzzy::FuzzyIndex::new(vocab.words());

        Engine {
            indicators,
            weights,
            segmenter,
            compounds,
            vocab,
            fields,
            grams,
            standard_members: {
                let mut m = vec![Vec::new(); standard_texts.len()];
                for (i, &s) in standard_of.iter().enumerate() {
                    m[s as usize].push(i as u32);
                }
                m
            },
            standard_of,
            block_of,
            block_items,
            item_texts,
            item_ties,
            standard_texts,
            verb_levels,
            fuzzy,
        }
    }

    /// The texts the embedded engine segments at build, in order: indicators, standards,
    /// core-content items (what `cuts` stores).
    #[cfg(test)]
    fn indexed_texts(&self) -> Vec<String> {
        let indicators = self.indicators.iter().map(|i| normalize_chars(&i.text));
        indicators
            .chain(self.standard_texts.iter().cloned())
            .chain(self.item_texts.iter().cloned())
            .collect()
    }

    /// Normalise → segment → weigh one text.
    fn query(&self, text: &str) -> Query {
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
        let grams = self.grams.query(&normalized);
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

    /// The candidates allowed by the options, by index.
    fn candidates(
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
    fn signals(&self, q: &Query) -> Vec<[f32; SIGNAL_COUNT]> {
        let n = self.indicators.len();
        let mut ind_q = vec![0.0f32; n];
        let mut ind_d = vec![0.0f32; n];
        let mut std_q = vec![0.0f32; self.fields[1].docs.len()];
        let mut item_q = vec![0.0f32; self.fields[2].docs.len()];
        let mut item_d = vec![0.0f32; self.fields[2].docs.len()];
        for &(id, idf, sim) in &q.words {
            let w = idf * sim;
            for &(d, tw) in &self.fields[0].postings[id as usize] {
                ind_q[d as usize] += w * tw;
                ind_d[d as usize] += w;
            }
            for &(d, tw) in &self.fields[1].postings[id as usize] {
                std_q[d as usize] += w * tw;
            }
            for &(d, tw) in &self.fields[2].postings[id as usize] {
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
            for &(d, tw) in &self.fields[0].postings[id as usize] {
                raise(d, tw, &mut touched);
            }
            for &(d, tw) in &self.fields[1].postings[id as usize] {
                for &i in &self.standard_members[d as usize] {
                    raise(i, CONTEXT_STANDARD * tw, &mut touched);
                }
            }
            for &(k, tw) in &self.fields[2].postings[id as usize] {
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
                let cov_d = item_d[k] / self.fields[2].docs[k].idf_mass.max(1e-6);
                (cov_q * cov_d.min(1.0)).sqrt()
            })
            .collect();
        let mut gram_ind = vec![0.0f32; n];
        let mut gram_std = vec![0.0f32; self.fields[1].docs.len()];
        let mut gram_block = vec![0.0f32; self.block_items.len()];
        self.grams.cosine(0, &q.grams, &mut gram_ind);
        self.grams.cosine(1, &q.grams, &mut gram_std);
        self.grams.cosine(2, &q.grams, &mut gram_block);

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
                let dmass = self.fields[0].docs[i].idf_mass.max(1e-6);
                [
                    (ind_q[i] / mass).min(1.0),
                    (ind_d[i] / dmass).min(1.0),
                    gram_ind[i].min(1.0),
                    (std_q[s] / mass).min(1.0),
                    gram_std[s].min(1.0),
                    block_best.min(1.0),
                    tied[i].min(1.0),
                    block_gram.min(1.0),
                    verbs::agreement(q.levels, self.verb_levels[i]),
                    (context[i] / mass).min(1.0),
                ]
            })
            .collect()
    }

    /// Every candidate's signals for `text`, in curriculum order (for tuning
    /// and evaluation; [`Engine::rank`] is what applications want).
    pub fn candidate_signals(&self, text: &str, opts: &RankOptions) -> Vec<Signals> {
        let q = self.query(text);
        let all = self.signals(&q);
        self.candidates(opts.grade, opts.area, opts)
            .into_iter()
            .map(|i| Signals {
                indicator: i,
                values: all[i],
            })
            .collect()
    }

    /// Combine: the weighted mean of the signals, times the grade and area priors.
    pub fn combine(
        &self,
        signals: &Signals,
        grade: Option<u8>,
        area: Option<LearningArea>,
        opts: &RankOptions,
    ) -> f32 {
        let w = &self.weights;
        let total: f32 = w.signals.iter().sum::<f32>().max(1e-6);
        let mut score: f32 = signals
            .values
            .iter()
            .zip(&w.signals)
            .map(|(v, w)| v * w)
            .sum::<f32>()
            / total;
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

    /// The relation level a score stands for.
    pub fn relation(&self, score: f32) -> Relation {
        if score >= self.weights.aligned {
            Relation::Aligned
        } else if score >= self.weights.partial {
            Relation::Partial
        } else {
            Relation::None
        }
    }

    /// The indicators for any Thai text, best first.
    pub fn rank(&self, text: &str, opts: &RankOptions) -> Vec<Match> {
        self.rank_scoped(text, opts.grade, opts.area, opts).1
    }

    fn rank_scoped(
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
                (i, self.combine(&s, grade, area, opts))
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

    /// For each outcome its matches (its own grade and area, when it has them,
    /// take the place of the options'); for each candidate indicator, and
    /// each indicator some outcome covers, the outcomes that cover it at
    /// `partial` or above.
    pub fn align(&self, outcomes: &[Outcome], opts: &RankOptions) -> Alignment {
        let outcomes = outcomes
            .iter()
            .map(|outcome| {
                let grade = outcome.grade.or(opts.grade);
                let area = outcome.area.or(opts.area);
                let (normalized, matches) = self.rank_scoped(&outcome.text, grade, area, opts);
                OutcomeAlignment {
                    outcome: outcome.clone(),
                    normalized,
                    matches,
                }
            })
            .collect();
        let indicators = self
            .candidates(opts.grade, opts.area, opts)
            .into_iter()
            .map(|i| IndicatorCoverage {
                code: self.indicators[i].code,
                covered_by: Vec::new(),
            })
            .collect();
        let mut alignment = Alignment {
            outcomes,
            indicators,
        };
        alignment.recount_covers();
        alignment
    }

    /// The summary tables: per learning area × grade, how many indicators are
    /// covered at each relation level; the uncovered indicators; the outcomes with no match.
    pub fn coverage(&self, alignment: &Alignment) -> Coverage {
        coverage(&self.indicators, alignment)
    }
}

impl Default for Engine {
    fn default() -> Self {
        Engine::new()
    }
}

/// Scores travel with four decimals: enough to rank, and the same digits in
/// every build (native, Node, browsers) even where float summation order differs in the last bits.
fn round4(x: f32) -> f32 {
    (x * 10_000.0).round() / 10_000.0
}

/// Coverage of an alignment over `indicators` (see [`Engine::coverage`]).
pub fn coverage(indicators: &[Indicator], alignment: &Alignment) -> Coverage {
    let by_code: HashMap<_, _> = indicators.iter().map(|i| (i.code, i)).collect();
    let mut rows: Vec<CoverageRow> = Vec::new();
    let mut total = CoverageCounts::default();
    let mut uncovered = Vec::new();
    for cov in &alignment.indicators {
        let Some(ind) = by_code.get(&cov.code) else {
            continue;
        };
        let row = match rows
            .iter_mut()
            .find(|r| r.area == ind.area && r.grade == ind.grade)
        {
            Some(r) => r,
            None => {
                rows.push(CoverageRow {
                    area: ind.area,
                    grade: ind.grade,
                    counts: CoverageCounts::default(),
                });
                rows.last_mut().expect("just pushed")
            }
        };
        for counts in [&mut row.counts, &mut total] {
            counts.indicators += 1;
            match cov.best_relation() {
                Relation::Aligned => counts.aligned += 1,
                Relation::Partial => counts.partial += 1,
                Relation::None => counts.uncovered += 1,
            }
        }
        if cov.best_relation() == Relation::None {
            uncovered.push(cov.code);
        }
    }
    rows.sort_by_key(|r| (r.area, r.grade));
    let unmatched_outcomes = alignment
        .outcomes
        .iter()
        .filter(|o| !o.matches.iter().any(|m| m.relation >= Relation::Partial))
        .map(|o| o.outcome.id.clone())
        .collect();
    Coverage {
        rows,
        total,
        uncovered,
        unmatched_outcomes,
    }
}
