//! The signals a candidate is scored on, and how much each counts.
//!
//! Each signal is one way a text can resemble an indicator's side (its own
//! text, its standard, its core content), measured in [0, 1]. A score is their
//! weighted mean; `docs/scoring.md` says what each one measures.

use std::ops::{Index, IndexMut};

use serde::Serialize;

/// One signal. The order of [`Signal::ALL`] is the order of every per-signal
/// array ([`Signals::values`], [`Weights::signals`]) and of what `sapan tune` prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Signal {
    /// Share of the text's word weight found in the indicator's text.
    Words,
    /// Share of the indicator's word weight found in the text.
    WordsIndicatorSide,
    /// Character n-gram cosine, text against indicator.
    Grams,
    /// Like `Words`, against the standard's text and strand name.
    StandardWords,
    /// Like `Grams`, against the standard.
    StandardGrams,
    /// Best match of an item of the indicator's core-content block.
    ContentBlock,
    /// The same, with items tied to single indicators.
    ContentTied,
    /// `Grams` against the whole core-content block.
    ContentGrams,
    /// Whether the action verbs' cognitive levels agree.
    Verbs,
    /// Each word of the text, covered by the indicator's text, a tied core-content item or its standard.
    ContextWords,
}

impl Signal {
    /// How many signals there are.
    pub const COUNT: usize = 10;

    /// Every signal, in array order.
    pub const ALL: [Signal; Signal::COUNT] = [
        Signal::Words,
        Signal::WordsIndicatorSide,
        Signal::Grams,
        Signal::StandardWords,
        Signal::StandardGrams,
        Signal::ContentBlock,
        Signal::ContentTied,
        Signal::ContentGrams,
        Signal::Verbs,
        Signal::ContextWords,
    ];

    /// The stable snake_case name (as `sapan tune` prints it and the docs use it).
    pub const fn name(self) -> &'static str {
        match self {
            Signal::Words => "words",
            Signal::WordsIndicatorSide => "words_indicator_side",
            Signal::Grams => "grams",
            Signal::StandardWords => "standard_words",
            Signal::StandardGrams => "standard_grams",
            Signal::ContentBlock => "content_block",
            Signal::ContentTied => "content_tied",
            Signal::ContentGrams => "content_grams",
            Signal::Verbs => "verbs",
            Signal::ContextWords => "context_words",
        }
    }

    /// Its position in per-signal arrays.
    pub fn index(self) -> usize {
        self as usize
    }

    /// A per-signal array with `f` of each signal.
    pub fn each<T>(f: impl FnMut(Signal) -> T) -> [T; Signal::COUNT] {
        Signal::ALL.map(f)
    }
}

impl<T> Index<Signal> for [T; Signal::COUNT] {
    type Output = T;

    fn index(&self, signal: Signal) -> &T {
        &self[signal.index()]
    }
}

impl<T> IndexMut<Signal> for [T; Signal::COUNT] {
    fn index_mut(&mut self, signal: Signal) -> &mut T {
        &mut self[signal.index()]
    }
}

/// One candidate's signals (for tuning and for explaining a score).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Signals {
    pub indicator: usize,
    /// By [`Signal`]: `values[Signal::Words]`.
    pub values: [f32; Signal::COUNT],
}

/// How much each signal counts, and the thresholds of the relation levels.
/// The defaults are tuned on the dev set (see `docs/scoring.md`).
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Weights {
    /// By [`Signal`]: `signals[Signal::Words]`.
    pub signals: [f32; Signal::COUNT],
    /// Share of the curriculum IDF in the word weight (the rest: general Thai).
    pub idf_blend: f32,
    /// Score multipliers under [`Scope::Prior`](super::Scope::Prior): adjacent grade, other grades, other areas.
    pub adjacent_grade: f32,
    pub other_grade: f32,
    pub other_area: f32,
    /// Under a draft framework area (always a prior): an indicator of a 2551 area or strand
    /// its outcomes are known to reach into, and one of any other.
    pub related_area: f32,
    pub unrelated_area: f32,
    /// Minimum scores of `aligned` and `partial`.
    pub aligned: f32,
    pub partial: f32,
}

impl Default for Weights {
    fn default() -> Self {
        Weights {
            signals: Signal::each(|s| match s {
                Signal::Words => 0.15,
                Signal::WordsIndicatorSide => 0.0,
                Signal::Grams => 0.2,
                Signal::StandardWords => 0.05,
                Signal::StandardGrams => 0.15,
                Signal::ContentBlock => 0.0,
                Signal::ContentTied => 0.0,
                Signal::ContentGrams => 0.1,
                Signal::Verbs => 0.0,
                Signal::ContextWords => 0.4,
            }),
            idf_blend: 0.5,
            adjacent_grade: 0.85,
            other_grade: 0.7,
            other_area: 0.8,
            related_area: 0.9,
            unrelated_area: 0.5,
            aligned: 0.20,
            partial: 0.12,
        }
    }
}

/// The weighted mean of `values` under `weights` (all zero weights give 0):
/// the one place a score is made from signals, for ranking and for tuning alike.
pub fn weighted_mean(values: &[f32; Signal::COUNT], weights: &[f32; Signal::COUNT]) -> f32 {
    let total: f32 = weights.iter().sum::<f32>().max(1e-6);
    values.iter().zip(weights).map(|(v, w)| v * w).sum::<f32>() / total
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_signal_stands_at_its_own_index_with_a_distinct_name() {
        for (k, s) in Signal::ALL.into_iter().enumerate() {
            assert_eq!(s.index(), k);
        }
        let names = Signal::ALL.map(Signal::name);
        assert_eq!(
            names,
            [
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
            ]
        );
    }

    #[test]
    fn arrays_are_indexed_by_signal() {
        let mut values = Signal::each(|s| s.index() as f32);
        assert_eq!(values[Signal::ContentGrams], 7.0);
        values[Signal::Verbs] = 0.5;
        assert_eq!(values[8], 0.5);
    }

    #[test]
    fn default_weights_are_the_tuned_ones_in_array_order() {
        assert_eq!(
            Weights::default().signals,
            [0.15, 0.0, 0.2, 0.05, 0.15, 0.0, 0.0, 0.1, 0.0, 0.4]
        );
    }

    #[test]
    fn weighted_mean_divides_by_the_weights_sum_and_survives_zero_weights() {
        let mut weights = [0.0; Signal::COUNT];
        weights[Signal::Words] = 0.25;
        weights[Signal::Grams] = 0.75;
        let mut values = [0.0; Signal::COUNT];
        values[Signal::Words] = 1.0;
        values[Signal::Grams] = 0.5;
        values[Signal::Verbs] = 1.0;
        assert!((weighted_mean(&values, &weights) - 0.625).abs() < 1e-6);
        assert_eq!(weighted_mean(&values, &[0.0; Signal::COUNT]), 0.0);
    }
}
