//! The alignment engine: ranks the indicators for a text, aligns many
//! outcomes at once, and sums up coverage.

mod types;

pub use types::*;
