//! The alignment engine: ranks the indicators for a text, aligns many
//! outcomes at once, and sums up coverage.
//!
//! The path for one text reads top to bottom: normalise → segment into terms
//! ([`query`], [`analyze`]) → weigh against the indexes built once ([`build`],
//! [`index`]) → score each candidate on several signals ([`Signal`]) → combine
//! into one score in [0, 1] → rank ([`scoring`]) → explain the best matches
//! with evidence ([`evidence`]). [`coverage`] sums an alignment up.
//!
//! This file holds the engine's public surface; the work is in those modules.

mod analyze;
mod build;
mod clause;
mod coverage;
mod cuts;
mod evidence;
mod fuzzy;
mod hash;
mod index;
mod query;
mod scoring;
mod signal;
mod tie;
mod types;
mod verbs;

pub use clause::{Clause, ClauseKind};
pub use coverage::coverage;
pub use signal::{weighted_mean, Signal, Signals, Weights};
pub use types::*;

use crate::curriculum::{Curriculum, Indicator, LearningArea};
use crate::outcome::Outcome;
use crate::text::Segmenter;
use analyze::CompoundParts;
use index::{FieldIndex, Fields, GramIndex, Vocabulary};
use scoring::Scoped;

/// The engine: the indicators and their context, indexed once.
#[derive(Debug, Clone)]
pub struct Engine {
    indicators: Vec<Indicator>,
    weights: Weights,
    segmenter: Segmenter<'static>,
    compounds: CompoundParts,
    vocab: Vocabulary,
    /// Word indexes; `core_content` has one document per core-content item.
    words: Fields<FieldIndex>,
    /// Gram indexes; `core_content` has one document per core-content block.
    grams: GramIndex,
    /// Per indicator: its standard document.
    standard_of: Vec<u32>,
    /// Per standard document: its indicators.
    standard_members: Vec<Vec<u32>>,
    /// Per indicator: its core-content block, when it has one.
    block_of: Vec<Option<u32>>,
    /// Per block: the range of its items in `words.core_content`.
    block_items: Vec<std::ops::Range<u32>>,
    /// Per item: its text as indexed (with its headings), and its tie to each
    /// indicator of the block, in [0, 1], by indicator index.
    item_texts: Vec<String>,
    item_ties: Vec<Vec<(u32, f32)>>,
    standard_texts: Vec<String>,
    verb_levels: Vec<verbs::Levels>,
    fuzzy: fuzzy::FuzzyIndex,
    /// The words that open a clause of a learning outcome (see [`clause`]).
    clause_leads: clause::Leads,
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

    /// Combine: the weighted mean of the signals ([`weighted_mean`]), times the
    /// grade and area priors.
    pub fn combine(
        &self,
        signals: &Signals,
        grade: Option<u8>,
        area: Option<LearningArea>,
        opts: &RankOptions,
    ) -> f32 {
        let scope = Scoped {
            grade,
            area,
            framework_area: opts.framework_area,
        };
        self.score(signals, &scope, opts)
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
        self.rank_scoped(text, &Scoped::of(opts), opts).matches
    }

    /// The clauses of a text, as ranking splits it (the clauses a match's `clauses` index),
    /// and its normalised text, which their spans index.
    pub fn clauses(&self, text: &str) -> (String, Vec<Clause>) {
        let normalized = crate::text::normalize::normalize_with_dictionary(
            text,
            crate::text::dict::Dictionary::embedded(),
        );
        let clauses = self.split_clauses(&normalized);
        (normalized, clauses)
    }

    /// For each outcome its matches (its own grade and area, when it has them,
    /// take the place of the options'); for each candidate indicator, and
    /// each indicator some outcome covers, the outcomes that cover it at
    /// `partial` or above.
    pub fn align(&self, outcomes: &[Outcome], opts: &RankOptions) -> Alignment {
        let outcomes = outcomes
            .iter()
            .map(|outcome| {
                let scope = Scoped {
                    grade: outcome.grade.or(opts.grade),
                    area: outcome.area.or(opts.area),
                    framework_area: outcome.framework_area.or(opts.framework_area),
                };
                let ranked = self.rank_scoped(&outcome.text, &scope, opts);
                OutcomeAlignment {
                    outcome: outcome.clone(),
                    normalized: ranked.normalized,
                    clauses: ranked.clauses,
                    matches: ranked.matches,
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
