//! Maps keyed by short words, looked up with one integer hash and compare.
//!
//! The lexicons of extraction and normalisation are looked up for almost
//! every word of every sentence. Hashing a word byte by byte and comparing
//! it with `memcmp` cost more than the rest of such a lookup; a word of at
//! most [`PACKED_BYTES`] bytes is instead packed, with its length, into one
//! `u128`, hashed by one folded multiply and compared as an integer.
//! Longer words live in an ordinary byte-keyed map beside it.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use crate::tokens::FnvBuildHasher;

/// Longest word packed into a `u128` key (the sixteenth byte holds the
/// length, so that "a" and "a\0" differ).
pub const PACKED_BYTES: usize = 15;

/// A map from words (byte strings) to `V`.
#[derive(Debug, Clone)]
pub struct WordMap<V> {
    packed: HashMap<u128, V, BuildHasherDefault<FoldHasher>>,
    long: HashMap<Box<[u8]>, V, FnvBuildHasher>,
}

impl<V> Default for WordMap<V> {
    fn default() -> Self {
        WordMap { packed: HashMap::default(), long: HashMap::default() }
    }
}

impl<V> WordMap<V> {
    /// The value of `word`, inserting `make()` first when it has none.
    pub fn entry_or_insert_with(&mut self, word: &[u8], make: impl FnOnce() -> V) -> &mut V {
        match pack(word, false) {
            Some(key) => self.packed.entry(key).or_insert_with(make),
            None => self.long.entry(word.into()).or_insert_with(make),
        }
    }

    /// The value of `word`, exactly as written.
    pub fn get(&self, word: &[u8]) -> Option<&V> {
        match pack(word, false) {
            Some(key) => self.packed.get(&key),
            None => self.long.get(word),
        }
    }

    /// The value of the ASCII `word` lower-cased (`None` for a word with
    /// bytes outside ASCII: lower-case it as a `str` and call [`WordMap::get`]).
    pub fn get_ascii_lower(&self, word: &[u8]) -> Option<&V> {
        if !word.is_ascii() {
            return None;
        }
        self.get_lower_of_ascii(word)
    }

    /// [`WordMap::get_ascii_lower`] for a caller that has checked that
    /// `word` is ASCII (bytes outside ASCII are compared as they are).
    pub fn get_lower_of_ascii(&self, word: &[u8]) -> Option<&V> {
        match pack(word, true) {
            Some(key) => self.packed.get(&key),
            None => self.long.get(&*word.to_ascii_lowercase()),
        }
    }

    /// Whether `word`, exactly as written, has a value.
    pub fn contains(&self, word: &[u8]) -> bool {
        self.get(word).is_some()
    }

    /// Whether the map holds no word.
    pub fn is_empty(&self) -> bool {
        self.packed.is_empty() && self.long.is_empty()
    }
}

impl<'w, V> FromIterator<(&'w str, V)> for WordMap<V> {
    /// A map of every `(word, value)`; a repeated word keeps its first value.
    fn from_iter<I: IntoIterator<Item = (&'w str, V)>>(items: I) -> Self {
        let mut map = WordMap::default();
        for (word, value) in items {
            map.entry_or_insert_with(word.as_bytes(), move || value);
        }
        map
    }
}

/// `word` (ASCII lower-cased when `lower`) and its length in one integer,
/// when it has at most [`PACKED_BYTES`] bytes: byte `i` of the word is
/// byte `i` (little-endian) of the key, byte 15 the length.
// Inlined into every lookup: a call per word cost more than the packing.
#[inline(always)]
fn pack(word: &[u8], lower: bool) -> Option<u128> {
    let n = word.len();
    if n > PACKED_BYTES {
        return None;
    }
    let (lo, hi) = if n >= 8 { (load_le(&word[..8]), load_le(&word[8..])) } else { (load_le(word), 0) };
    let (lo, hi) = if lower { (ascii_lower(lo), ascii_lower(hi)) } else { (lo, hi) };
    Some(u128::from(lo) | u128::from(hi) << 64 | (n as u128) << 120)
}

/// The at most 8 bytes of `b` as a little-endian integer, without a call
/// to `memcpy`: two overlapping loads of 4 or 2 bytes, or single bytes.
#[inline]
fn load_le(b: &[u8]) -> u64 {
    let n = b.len();
    let u32_at = |i: usize| u64::from(u32::from_le_bytes([b[i], b[i + 1], b[i + 2], b[i + 3]]));
    match n {
        0 => 0,
        1..=3 => u64::from(b[0]) | u64::from(b[n / 2]) << (8 * (n / 2)) | u64::from(b[n - 1]) << (8 * (n - 1)),
        4..=7 => u32_at(0) | u32_at(n - 4) << (8 * (n - 4)),
        _ => u64::from_le_bytes([b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7]]),
    }
}

/// Eight ASCII bytes (or zeros) with every capital letter lower-cased, all
/// at once: a byte is a capital when adding `0x80 - 'A'` sets its top bit
/// and adding `0x80 - 'Z' - 1` does not (no sum carries into the next byte).
#[inline]
fn ascii_lower(x: u64) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    let at_least_a = x + ONES * u64::from(0x80 - b'A');
    let above_z = x + ONES * u64::from(0x80 - b'Z' - 1);
    let capital = at_least_a & !above_z & (ONES * 0x80);
    x | capital >> 2
}

/// Hashes a packed key by one folded 64 × 64 → 128-bit multiply (the
/// mixing of foldhash and ahash); any other input falls back to FNV-1a.
#[derive(Default)]
pub struct FoldHasher(u64);

/// Odd constants of the folded multiply (digits of π).
const FOLD_SEED: [u64; 2] = [0x243f_6a88_85a3_08d3, 0x1319_8a2e_0370_7344];

impl Hasher for FoldHasher {
    #[inline]
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut fnv = crate::Fnv::default();
        fnv.write(bytes);
        self.0 ^= fnv.finish();
    }

    #[inline]
    fn write_u128(&mut self, key: u128) {
        let (lo, hi) = (key as u64 ^ FOLD_SEED[0], (key >> 64) as u64 ^ FOLD_SEED[1]);
        let full = u128::from(lo).wrapping_mul(u128::from(hi));
        self.0 ^= full as u64 ^ (full >> 64) as u64;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_and_long_words_are_found_exactly_or_lower_cased() {
        let long = "internationalisation";
        let map: WordMap<u32> = [("a", 1), ("an", 2), ("president", 3), (long, 4), ("a", 9)].into_iter().collect();
        assert_eq!(map.get(b"a"), Some(&1), "a repeated word keeps its first value");
        assert_eq!(map.get(b"an"), Some(&2));
        assert_eq!(map.get(b"a\0"), None);
        assert_eq!(map.get(b""), None);
        assert_eq!(map.get(b"President"), None);
        assert_eq!(map.get_ascii_lower(b"PRESIDENT"), Some(&3));
        assert_eq!(map.get_ascii_lower(long.to_uppercase().as_bytes()), Some(&4));
        assert_eq!(map.get_ascii_lower("Présidént".as_bytes()), None);
        assert!(map.contains(long.as_bytes()) && !map.contains(b"internationalisatio"));
        assert!(!map.is_empty() && WordMap::<u32>::default().is_empty());
        let only_long: WordMap<u32> = [(long, 1)].into_iter().collect();
        assert!(!only_long.is_empty());
    }

    proptest::proptest! {
        #[test]
        fn packing_is_byte_order_and_lower_casing(word in "[ -~]{0,15}") {
            let mut buf = [0u8; 16];
            buf[..word.len()].copy_from_slice(word.as_bytes());
            buf[PACKED_BYTES] = word.len() as u8;
            proptest::prop_assert_eq!(pack(word.as_bytes(), false), Some(u128::from_le_bytes(buf)));
            buf[..word.len()].make_ascii_lowercase();
            proptest::prop_assert_eq!(pack(word.as_bytes(), true), Some(u128::from_le_bytes(buf)));
        }

        #[test]
        fn lookups_agree_with_a_byte_keyed_map(
            keys in proptest::collection::vec("[a-zA-Z\0 ]{0,18}", 0..40),
            probes in proptest::collection::vec("[a-zA-Z\0 ]{0,18}", 0..40),
        ) {
            let map: WordMap<usize> = keys.iter().enumerate().map(|(i, k)| (k.as_str(), i)).collect();
            let mut reference: HashMap<&[u8], usize> = HashMap::new();
            for (i, k) in keys.iter().enumerate() {
                reference.entry(k.as_bytes()).or_insert(i);
            }
            for p in probes.iter().chain(&keys) {
                proptest::prop_assert_eq!(map.get(p.as_bytes()), reference.get(p.as_bytes()));
                let lower = p.to_ascii_lowercase();
                proptest::prop_assert_eq!(map.get_ascii_lower(p.as_bytes()), reference.get(lower.as_bytes()));
            }
        }
    }
}
