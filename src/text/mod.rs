//! The Thai text pipeline: normalise → segment → (stop words).

pub mod normalize;

pub use normalize::normalize;
