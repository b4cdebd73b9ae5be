//! Deterministic pseudo-randomness without a `rand` dependency: every value is a hash of the
//! seed and the thing it belongs to (a node, an edge, a ward), not a draw from a stream. So a
//! ward's shape does not depend on the order anything is generated in, and the two wards that
//! share an edge compute exactly the same edge.

/// One round of SplitMix64's finaliser: a fast, well-mixed 64-bit hash step.
fn mix(mut z: u64) -> u64 {
    z = z.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// A hash of the seed and a few small keys (a tag saying what is being drawn, then indices).
pub fn hash(seed: u64, keys: &[u64]) -> u64 {
    keys.iter().fold(mix(seed), |h, &k| mix(h ^ k))
}

/// A number in `0.0..1.0` from a hash (its top 53 bits).
pub fn unit(h: u64) -> f64 {
    (h >> 11) as f64 / (1u64 << 53) as f64
}

/// A number in `0.0..1.0` for the seed and keys.
pub fn unit_of(seed: u64, keys: &[u64]) -> f64 {
    unit(hash(seed, keys))
}

/// Pick an item of a non-empty list.
pub fn pick<'a>(list: &[&'a str], h: u64) -> &'a str {
    list.get((h % list.len().max(1) as u64) as usize).copied().unwrap_or("")
}
