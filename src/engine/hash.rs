//! A fast hasher for the engine's own maps.
//!
//! The standard library's SipHash resists hash flooding by untrusted keys; the engine's keys
//! are its own vocabulary and character n-grams, and on the query path those maps are
//! probed for every word and every gram, where SipHash was a measurable share of the time.
//! This is the multiply-rotate hash of rustc's `FxHasher`. No map here is iterated, so the
//! hasher changes no result, only the time.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// A `HashMap` with [`FastHasher`].
pub(crate) type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<FastHasher>>;

#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct FastHasher(u64);

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl FastHasher {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(SEED);
    }
}

impl Hasher for FastHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            self.add(u64::from_le_bytes(word));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut word = [0u8; 8];
            word[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(word));
        }
    }

    fn write_u8(&mut self, n: u8) {
        self.add(u64::from(n));
    }

    fn write_u32(&mut self, n: u32) {
        self.add(u64::from(n));
    }

    fn write_u64(&mut self, n: u64) {
        self.add(n);
    }

    fn write_usize(&mut self, n: usize) {
        self.add(n as u64);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_that_differ_only_past_eight_bytes_hash_apart() {
        let mut map: FastMap<String, u32> = FastMap::default();
        map.insert("ความสามารถ".to_string(), 1);
        map.insert("ความสามัคคี".to_string(), 2);
        assert_eq!(map.get("ความสามารถ"), Some(&1));
        assert_eq!(map.get("ความสามัคคี"), Some(&2));
        assert_eq!(map.get("ความ"), None);
    }
}
