//! The WebAssembly boundary: a thin adapter over the core, compiled only for
//! `wasm32`. This is the one file that may touch wasm-bindgen; the npm package
//! (its engine class, options and TypeScript types) grows here in a later step.

use wasm_bindgen::prelude::*;

/// The crate version.
#[wasm_bindgen]
pub fn version() -> String {
    crate::VERSION.to_string()
}

/// Normalises Thai text (see `text::normalize`).
#[wasm_bindgen]
pub fn normalize(text: &str) -> String {
    crate::text::normalize(text)
}

/// Segments normalised Thai text into word strings.
#[wasm_bindgen]
pub fn segment(text: &str) -> Vec<String> {
    crate::text::segment(&crate::text::normalize(text))
        .into_iter()
        .map(|t| t.text)
        .collect()
}
