//! Tie core-content items to the indicators of their block.
//!
//! The data ties core learning content (สาระการเรียนรู้แกนกลาง) to a standard ×
//! grade block, not to single indicators; but the items follow the order of
//! the indicators in the official tables, and an item usually shares words
//! with the indicator it serves. So an item's tie to each indicator of its
//! block combines its relative position with the wording they share. Ties are
//! scaled so the closest indicator of each item has tie 1.
//!
//! Position counts top-level items only: sub-items (the examples listed under
//! a heading) stand where their heading stands, however many there are.

use super::index::{FieldIndex, Vocabulary};
use std::ops::Range;

/// How far apart (as a share of the block) an item and an indicator may sit
/// and still be tied by position.
const POSITION_SPREAD: f32 = 0.25;
/// Weight of position alone, when item and indicator share no word.
const POSITION_FLOOR: f32 = 0.3;

/// Per item (in field order): (indicator index, tie in [0, 1]).
/// `item_positions` gives each item's place in its block in [0, 1].
pub(crate) fn ties(
    vocab: &Vocabulary,
    indicators: &FieldIndex,
    items: &FieldIndex,
    block_of: &[Option<u32>],
    block_items: &[Range<u32>],
    item_positions: &[f32],
) -> Vec<Vec<(u32, f32)>> {
    let mut out = vec![Vec::new(); items.docs.len()];
    for (b, range) in block_items.iter().enumerate() {
        let members: Vec<usize> = (0..block_of.len())
            .filter(|&i| block_of[i] == Some(b as u32))
            .collect();
        let n = members.len() as f32;
        for k in range.clone() {
            let item = &items.docs[k as usize];
            let p_item = item_positions[k as usize];
            let mut raw: Vec<(u32, f32)> = members
                .iter()
                .enumerate()
                .map(|(j, &i)| {
                    let p_ind = (j as f32 + 0.5) / n;
                    let d = (p_item - p_ind) / POSITION_SPREAD;
                    let position = (-0.5 * d * d).exp();
                    let ind = &indicators.docs[i];
                    let shared: f32 = item
                        .tf
                        .iter()
                        .filter(|&&(id, _)| ind.tf_of(id) > 0)
                        .map(|&(id, _)| vocab.idf(id))
                        .sum();
                    let wording = shared / (item.idf_mass * ind.idf_mass).sqrt().max(1e-6);
                    (i as u32, position * (POSITION_FLOOR + wording))
                })
                .collect();
            let max = raw.iter().map(|&(_, t)| t).fold(0.0f32, f32::max);
            if max > 0.0 {
                for (_, t) in &mut raw {
                    *t /= max;
                }
            }
            out[k as usize] = raw;
        }
    }
    out
}
