//! Sapan (สะพาน, "bridge"): aligns Thai curriculum text with the 582 indicators
//! (ตัวชี้วัด) of the Basic Education Core Curriculum B.E. 2551 for ป.4–6.
//!
//! The crate is a pure core — curriculum data, indicator codes and a Thai text
//! pipeline — plus a thin WebAssembly boundary (`wasm`, compiled only for
//! `wasm32`). The data path reads top to bottom:
//! text → [`text::normalize`] → [`text::segment`] → weigh → score → rank → explain → report.

pub mod area;
pub mod code;
pub mod curriculum;
pub mod engine;
pub mod error;
pub mod eval;
pub mod framework;
mod generated;
pub mod options;
pub mod outcome;
pub mod report;
pub mod text;

#[cfg(target_arch = "wasm32")]
mod wasm;

pub use code::IndicatorCode;
pub use curriculum::{
    CoreContent, CoreContentItem, Curriculum, Indicator, IndicatorFilter, LearningArea, Standard,
};
pub use engine::{
    Alignment, Coverage, CoverageCounts, CoverageRow, Engine, Evidence, EvidenceField,
    EvidenceKind, Match, OutcomeAlignment, RankOptions, Relation, Review, Scope, Span,
};
pub use error::{Error, ErrorKind, Location, Result};
pub use outcome::{Outcome, Outcomes};
pub use report::ReportFormat;

/// The crate version, as published.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");
