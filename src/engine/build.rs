//! Build: the indicator side indexed once — each indicator's standard and
//! core-content block found, every text normalised and segmented, the word and
//! gram indexes of the three fields, core-content items tied to indicators.

use std::collections::HashMap;

use super::analyze::{self, CompoundParts, Term};
use super::clause;
use super::index::{word_index, Fields, GramIndex};
use super::{cuts, fuzzy, tie, verbs, Engine, Weights};
use crate::curriculum::{CoreContent, Indicator, Standard};
use crate::text::dict::Dictionary;
#[cfg(test)]
use crate::text::normalize::normalize_chars;
use crate::text::normalize::normalize_with_dictionary;
use crate::text::Segmenter;

impl Engine {
    /// `trusted`: the texts are the embedded curriculum's (see below).
    pub(super) fn build(
        indicators: Vec<Indicator>,
        standards: &[Standard],
        core_content: &[CoreContent],
        weights: Weights,
        trusted: bool,
    ) -> Engine {
        let dict = Dictionary::embedded();
        let segmenter = Segmenter::new(dict);
        let compounds = CompoundParts::new(dict, &Dictionary::curriculum_lexicon());
        // The embedded curriculum is clean text: a test checks that the character rules
        // change none of the texts it indexes, so they are taken as they are (checking
        // them again was a twentieth of the build). Other indicators get the full
        // normaliser, PDF repair included.
        let prepare = |text: &str| {
            if trusted {
                text.to_string()
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
        // In the order the cuts are stored: indicators, standards, items.
        let terms: Fields<Vec<Vec<Term>>> = Fields {
            indicator: indicator_texts.iter().map(|t| analyse(t)).collect(),
            standard: standard_texts.iter().map(|t| analyse(t)).collect(),
            core_content: item_texts.iter().map(|t| analyse(t)).collect(),
        };
        let verb_levels = terms.indicator.iter().map(|t| verbs::levels(t)).collect();
        let (vocab, words) = word_index(terms, weights.idf_blend);

        let grams = GramIndex::new(Fields {
            indicator: &indicator_texts,
            standard: &standard_texts,
            core_content: &block_texts,
        });
        let item_ties = tie::ties(
            &vocab,
            &words.indicator,
            &words.core_content,
            &block_of,
            &block_items,
            &item_positions,
        );
        let fuzzy = fuzzy::FuzzyIndex::new(vocab.words());
        let clause_leads = if trusted {
            clause::embedded_leads()
        } else {
            clause::leads(&segmenter, indicators.iter().map(|i| i.text.as_str()))
        };

        Engine {
            indicators,
            weights,
            segmenter,
            compounds,
            vocab,
            words,
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
            clause_leads,
        }
    }

    /// The texts the embedded engine segments at build, in order: indicators, standards,
    /// core-content items (what `cuts` stores).
    #[cfg(test)]
    pub(super) fn indexed_texts(&self) -> Vec<String> {
        let indicators = self.indicators.iter().map(|i| i.text.clone());
        indicators
            .chain(self.standard_texts.iter().cloned())
            .chain(self.item_texts.iter().cloned())
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embedded_texts_are_indexed_as_the_character_rules_leave_them() {
        // What lets the build take them as they are: were one changed by the rules, the
        // embedded engine would index other text than an engine normalising it would.
        let engine = Engine::new();
        let texts = engine.indexed_texts();
        assert!(texts.len() > 1_900, "{}", texts.len());
        for text in &texts {
            assert_eq!(&normalize_chars(text), text);
        }
    }
}
