//! The embedded curriculum: indicators, standards and core learning content.

mod area;

pub use area::LearningArea;

// Typed records follow (being written).
pub struct Indicator;
pub struct Standard;
pub struct CoreContent;
pub struct CoreContentItem;
