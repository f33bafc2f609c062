//! Normalisation of Thai text (being written).

/// Normalises `text` (placeholder until the normaliser lands).
pub fn normalize(text: &str) -> String {
    text.to_string()
}
