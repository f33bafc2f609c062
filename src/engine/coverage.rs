//! Coverage: the summary tables a school writes into its curriculum document,
//! counted from an alignment.

use std::collections::HashMap;

use super::{Alignment, Coverage, CoverageCounts, CoverageRow, Relation};
use crate::curriculum::Indicator;

/// Coverage of an alignment over `indicators` (see [`Engine::coverage`](super::Engine::coverage)).
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
