//! Explain: the terms a text shares with an indicator (or with its standard or
//! core content), with where each stands in both texts, so that a UI can
//! highlight them and a teacher can see why the indicator was proposed.

use super::query::Query;
use super::{round4, Engine, Evidence, EvidenceField, EvidenceKind, Span};

/// At most this many pieces of evidence per match: enough to see why.
const MAX_EVIDENCE: usize = 12;

pub(super) fn explain(engine: &Engine, q: &Query, indicator: usize) -> Vec<Evidence> {
    let mass = q.mass.max(1e-6);
    let mut out: Vec<Evidence> = Vec::new();
    let mut explained: Vec<u32> = Vec::new();
    for (term, known) in q.terms.iter().zip(&q.term_words) {
        let Some((id, sim)) = *known else { continue };
        if explained.contains(&id) {
            continue;
        }
        let Some((field, span, context)) = locate(engine, indicator, id) else {
            continue;
        };
        explained.push(id);
        out.push(Evidence {
            term: term.text.clone(),
            matched: engine.vocab.word(id).to_string(),
            kind: if sim >= 1.0 {
                EvidenceKind::Exact
            } else {
                EvidenceKind::Fuzzy
            },
            field,
            query_span: Span {
                start: term.start,
                end: term.end,
            },
            target_span: Span {
                start: span.0,
                end: span.1,
            },
            context,
            weight: round4(engine.vocab.idf(id) * sim / mass),
        });
    }
    // Largest share first; text order among equals.
    out.sort_by(|a, b| {
        b.weight
            .total_cmp(&a.weight)
            .then(a.query_span.start.cmp(&b.query_span.start))
    });
    out.truncate(MAX_EVIDENCE);
    out
}

/// Where word `id` stands on the indicator's side: its own text first, then
/// its standard (with the strand), then the core-content item most tied to it.
fn locate(
    engine: &Engine,
    indicator: usize,
    id: u32,
) -> Option<(EvidenceField, (usize, usize), Option<String>)> {
    if let Some(span) = engine.words.indicator.docs[indicator].first_span(id) {
        return Some((EvidenceField::Indicator, span, None));
    }
    let s = engine.standard_of[indicator] as usize;
    if let Some(span) = engine.words.standard.docs[s].first_span(id) {
        let text = &engine.standard_texts[s];
        // The strand's name comes first in the indexed text.
        let strand_chars = engine.indicators[indicator].strand.chars().count();
        return Some(if span.0 < strand_chars {
            (
                EvidenceField::Strand,
                span,
                Some(engine.indicators[indicator].strand.clone()),
            )
        } else {
            let skip = strand_chars + 1;
            let standard: String = text.chars().skip(skip).collect();
            (
                EvidenceField::Standard,
                (span.0 - skip, span.1 - skip),
                Some(standard),
            )
        });
    }
    let b = engine.block_of[indicator]? as usize;
    let range = engine.block_items[b].clone();
    let mut best: Option<(f32, usize, (usize, usize))> = None;
    for k in range {
        let k = k as usize;
        let Some(span) = engine.words.core_content.docs[k].first_span(id) else {
            continue;
        };
        let tie = engine.item_ties[k]
            .iter()
            .find(|&&(i, _)| i as usize == indicator)
            .map_or(0.0, |&(_, t)| t);
        if best.is_none_or(|(t, _, _)| tie > t) {
            best = Some((tie, k, span));
        }
    }
    let (_, k, span) = best?;
    Some((
        EvidenceField::CoreContent,
        span,
        Some(engine.item_texts[k].clone()),
    ))
}
