//! What the engine hands back: matches with their evidence, alignments of many
//! outcomes, and the coverage tables a school writes into its curriculum document.
//!
//! All of these are plain data (serialised with camelCase names, so the JSON
//! writer and the WASM boundary give the same objects).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize, Serializer};

use super::clause::Clause;
use crate::code::IndicatorCode;
use crate::curriculum::LearningArea;
use crate::framework::FrameworkArea;
use crate::outcome::Outcome;

/// How strongly a text corresponds to an indicator, in the words of the
/// guideline for analysing indicators against learning outcomes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Relation {
    /// ไม่สอดคล้อง: below the partial threshold.
    None,
    /// สอดคล้องบางส่วน: part of the indicator is served.
    Partial,
    /// สอดคล้อง: the text serves the indicator.
    Aligned,
}

impl Relation {
    /// The stable code: `aligned`, `partial`, `none`.
    pub fn as_str(self) -> &'static str {
        match self {
            Relation::Aligned => "aligned",
            Relation::Partial => "partial",
            Relation::None => "none",
        }
    }

    /// The guideline's Thai term.
    pub fn name_th(self) -> &'static str {
        match self {
            Relation::Aligned => "สอดคล้อง",
            Relation::Partial => "สอดคล้องบางส่วน",
            Relation::None => "ไม่สอดคล้อง",
        }
    }

    pub fn name_en(self) -> &'static str {
        match self {
            Relation::Aligned => "aligned",
            Relation::Partial => "partially aligned",
            Relation::None => "not aligned",
        }
    }

    /// The 1EdTech CASE 1.1 association type, for relations worth writing down.
    pub fn case_association_type(self) -> Option<&'static str> {
        match self {
            Relation::Aligned => Some("exactMatchOf"),
            Relation::Partial => Some("isRelatedTo"),
            Relation::None => None,
        }
    }
}

/// A range of characters, `start..end`, counted in chars (Unicode scalar
/// values; for Thai text these equal JavaScript's UTF-16 indices).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

/// Which text of the indicator a piece of evidence was found in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EvidenceField {
    /// The indicator's own text.
    Indicator,
    /// The text of its standard (มาตรฐาน).
    Standard,
    /// The name of its strand (สาระ).
    Strand,
    /// An item of the core learning content (สาระการเรียนรู้แกนกลาง) of its
    /// standard × grade; `Evidence::context` holds the item's text.
    CoreContent,
}

/// How the two terms met.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EvidenceKind {
    /// The same word in both texts.
    Exact,
    /// Near-miss words (a typo, a leftover of broken PDF text, a variant spelling).
    Fuzzy,
}

/// One reason for a match: a term of the query text and the term of the
/// indicator side it met, with where each stands, so a UI can highlight both.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Evidence {
    /// The term as it stands in the query text.
    pub term: String,
    /// The term as it stands on the indicator side.
    pub matched: String,
    pub kind: EvidenceKind,
    pub field: EvidenceField,
    /// Where `term` stands in the (normalised) query text.
    pub query_span: Span,
    /// Where `matched` stands in the field's text: the indicator, standard or
    /// strand text, or `context` for core content.
    pub target_span: Span,
    /// The text `target_span` points into when it is not the indicator's own
    /// text (a core-content item, the standard's text, the strand's name).
    pub context: Option<String>,
    /// This term's share of the match, in [0, 1]; evidence is listed by it, largest first.
    #[serde(serialize_with = "shortest")]
    pub weight: f32,
}

/// One indicator matched to a text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Match {
    pub code: IndicatorCode,
    /// In [0, 1] and comparable across texts: a fixed weighted mean of signals
    /// that are each in [0, 1]. An indicator's own text scores about 0.45 against itself.
    #[serde(serialize_with = "shortest", default)]
    pub score: f32,
    pub relation: Relation,
    /// The indicator's own text, so that a match can be shown without a lookup.
    #[serde(default)]
    pub text: String,
    #[serde(default)]
    pub evidence: Vec<Evidence>,
    /// The clauses of the text this match answers, by index into the text's clauses
    /// ([`OutcomeAlignment::clauses`], [`crate::Engine::clauses`]); a one-clause text has `[0]`.
    #[serde(default)]
    pub clauses: Vec<u32>,
    /// A teacher's judgement on this match, when one was made: the engine
    /// never sets it; the app does, and every export carries it, so that a
    /// school's table shows which rows a person checked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub review: Option<Review>,
}

/// What a teacher did with a match. (A rejected match is removed from the
/// alignment instead, so it has no value here.)
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Review {
    /// Suggested by the engine and confirmed by a teacher.
    Confirmed,
    /// Added by a teacher (found by search), not suggested.
    Added,
}

impl Review {
    /// The stable code, as in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Review::Confirmed => "confirmed",
            Review::Added => "added",
        }
    }

    /// In Thai, for tables a school prints.
    pub fn name_th(self) -> &'static str {
        match self {
            Review::Confirmed => "ครูยืนยัน",
            Review::Added => "ครูเพิ่ม",
        }
    }
}

/// Whether a grade or an area given in the options restricts the candidates
/// or only prefers them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Scope {
    /// Only indicators of that grade (or area) are candidates.
    #[default]
    Filter,
    /// All indicators are candidates; those of that grade (area) are preferred,
    /// and for a grade, adjacent grades less so.
    Prior,
}

/// Options for [`crate::Engine::rank`] and [`crate::Engine::align`].
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RankOptions {
    pub grade: Option<u8>,
    pub grade_scope: Scope,
    pub area: Option<LearningArea>,
    pub area_scope: Scope,
    /// A draft framework area: always a prior (its outcomes cross 2551 areas), and used
    /// only where no 2551 `area` is given.
    pub framework_area: Option<FrameworkArea>,
    /// At most this many matches (0 = all candidates).
    pub top_k: usize,
    /// Matches scoring below this are left out.
    pub min_score: f32,
    /// Whether matches carry their evidence (bulk ranking can skip it).
    pub evidence: bool,
}

impl Default for RankOptions {
    fn default() -> Self {
        RankOptions {
            grade: None,
            grade_scope: Scope::Filter,
            area: None,
            area_scope: Scope::Filter,
            framework_area: None,
            top_k: 10,
            min_score: 0.0,
            evidence: true,
        }
    }
}

/// The matches of one outcome. An outcome's own grade and area, when it has
/// them, take the place of the options' grade and area.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct OutcomeAlignment {
    pub outcome: Outcome,
    /// The outcome's text after normalisation: the text `Evidence::query_span` indexes.
    #[serde(default)]
    pub normalized: String,
    /// The outcome's clauses (spans into `normalized`): the topics, process and
    /// competency language a long outcome bundles. One for a one-topic text.
    #[serde(default)]
    pub clauses: Vec<Clause>,
    pub matches: Vec<Match>,
}

/// One LO that covers an indicator.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Cover {
    /// The outcome's id.
    pub outcome: String,
    #[serde(serialize_with = "shortest")]
    pub score: f32,
    pub relation: Relation,
}

/// One indicator and the outcomes that cover it (best first).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct IndicatorCoverage {
    pub code: IndicatorCode,
    pub covered_by: Vec<Cover>,
}

impl Alignment {
    /// Rebuilds who covers what (`indicators`) from the outcomes' matches, as
    /// they stand after a person confirmed, rejected or added some: the reverse
    /// direction must follow the decisions, never contradict them. Every
    /// indicator listed before stays listed (they were the candidates, covered
    /// or not); a code that only a match names is added. Curriculum order.
    pub fn recount_covers(&mut self) {
        let mut covers: BTreeMap<IndicatorCode, Vec<Cover>> = self
            .indicators
            .iter()
            .map(|i| (i.code, Vec::new()))
            .collect();
        for o in &self.outcomes {
            for m in &o.matches {
                let list = covers.entry(m.code).or_default();
                if m.relation >= Relation::Partial {
                    list.push(Cover {
                        outcome: o.outcome.id.clone(),
                        score: m.score,
                        relation: m.relation,
                    });
                }
            }
        }
        self.indicators = covers
            .into_iter()
            .map(|(code, mut covered_by)| {
                covered_by.sort_by(|a, b| b.score.total_cmp(&a.score));
                IndicatorCoverage { code, covered_by }
            })
            .collect();
    }
}

impl IndicatorCoverage {
    /// The strongest relation any outcome has to this indicator.
    pub fn best_relation(&self) -> Relation {
        self.covered_by
            .iter()
            .map(|c| c.relation)
            .max()
            .unwrap_or(Relation::None)
    }
}

/// The result of aligning many outcomes: both directions.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Alignment {
    /// For each outcome, in input order, its matches.
    pub outcomes: Vec<OutcomeAlignment>,
    /// For each candidate indicator, in curriculum order, the outcomes that
    /// cover it at `partial` or above.
    #[serde(default)]
    pub indicators: Vec<IndicatorCoverage>,
}

/// How many indicators are covered, at each relation level.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CoverageCounts {
    /// Candidate indicators.
    pub indicators: usize,
    /// Indicators some outcome is aligned with (สอดคล้อง).
    pub aligned: usize,
    /// Indicators whose best outcome is only partially aligned (สอดคล้องบางส่วน).
    pub partial: usize,
    /// Indicators no outcome covers.
    pub uncovered: usize,
}

/// Coverage of one learning area × grade.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CoverageRow {
    pub area: LearningArea,
    pub grade: u8,
    #[serde(flatten)]
    pub counts: CoverageCounts,
}

/// The summary tables of an alignment.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Coverage {
    /// One row per area × grade that has candidate indicators, in curriculum order.
    pub rows: Vec<CoverageRow>,
    /// All rows summed.
    pub total: CoverageCounts,
    /// Indicators no outcome covers, in curriculum order.
    pub uncovered: Vec<IndicatorCode>,
    /// Ids of outcomes with no match at `partial` or above.
    pub unmatched_outcomes: Vec<String>,
}

/// Writes an `f32` as the `f64` with the same shortest decimal form (`0.4321`,
/// not `0.43209999799728394`): JavaScript numbers are `f64`, and a widened
/// `f32` would show its binary noise in every table a teacher sees.
fn shortest<S: Serializer>(value: &f32, serializer: S) -> Result<S::Ok, S::Error> {
    let widened = if value.is_finite() {
        value
            .to_string()
            .parse::<f64>()
            .unwrap_or(f64::from(*value))
    } else {
        f64::from(*value)
    };
    serializer.serialize_f64(widened)
}
