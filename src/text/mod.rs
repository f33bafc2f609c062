//! The Thai text pipeline: normalise → segment → stop words.
//!
//! Each step is a small function of its own: [`normalize`] repairs what
//! copying Thai out of PDFs and Word files breaks, [`segment`] finds the words
//! (Thai has no spaces between them), and [`is_stop_word`] marks the words
//! that say nothing about a curriculum topic.

pub mod chars;
pub mod cluster;
pub mod dict;
pub mod encoding;
pub mod nfc;
#[rustfmt::skip]
mod nfc_tables;
pub mod normalize;
pub mod segment;
pub mod stopwords;

pub use normalize::normalize;
pub use segment::{segment, Segmenter, Token, TokenKind};
pub use stopwords::is_stop_word;
