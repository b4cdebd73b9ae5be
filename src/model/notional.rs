//! Notional results: an election estimated on another ward set of its borough, so that it can
//! be compared ward by ward with an election fought on those wards.
//!
//! The estimate is two steps, kept apart so each can be shown and checked: the weights (how the
//! voters of each old ward are shared among the new wards, found by `geometry::weights` from
//! postcode points or areas) and the apportioned votes (`analysis::notional`). This module holds
//! only the data both steps and every view share.

use super::dataset::{ElectionId, JoinedElection, WardSetId};
use serde::Serialize;
use std::sync::Arc;

/// What the weights are estimated from, as asked for.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum WeightMethod {
    /// The share of an old ward's postcode points that fall in each new ward (area where an old
    /// ward has too few postcodes).
    #[default]
    Postcodes,
    /// The share of an old ward's area in each new ward.
    Area,
}

impl WeightMethod {
    /// "postcodes", "area": the spelling on the command line and in JSON.
    pub fn key(self) -> &'static str {
        match self {
            WeightMethod::Postcodes => "postcodes",
            WeightMethod::Area => "area",
        }
    }
}

/// How one old ward's weights were found.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum WeightBasis {
    /// The new set has a ward with the same ONS code: the same ward, all of it (ONS gives a
    /// ward a new code whenever its boundary changes).
    SameCode,
    /// Postcode points of the old ward, counted in each new ward.
    Postcodes,
    /// Area, because the old ward has fewer than [`MIN_POSTCODES`] postcode points.
    AreaTooFewPostcodes,
    /// Area, because area was asked for.
    Area,
    /// The old ward overlaps no new ward: its voters are left out of the estimate.
    NoOverlap,
}

impl WeightBasis {
    /// Words for tables: "postcodes", "area (too few postcodes)".
    pub fn label(self) -> &'static str {
        match self {
            WeightBasis::SameCode => "same ward (same ONS code)",
            WeightBasis::Postcodes => "postcodes",
            WeightBasis::AreaTooFewPostcodes => "area (too few postcodes)",
            WeightBasis::Area => "area",
            WeightBasis::NoOverlap => "overlaps no new ward",
        }
    }
}

/// Below this many postcode points an old ward's weights are taken from area instead.
pub const MIN_POSTCODES: u32 = 20;

/// One old ward's part in one new ward.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct WeightShare {
    /// The old ward, an index into the old ward set.
    pub from_ward: usize,
    /// w(a, b): the share of the old ward's voters estimated to live in the new ward (0..=1).
    pub weight: f64,
    /// The old ward's postcode points that fall in the new ward.
    pub postcodes: u32,
    /// The share of the old ward's area that lies in the new ward, where it was measured.
    pub area_share: Option<f64>,
}

/// How the voters of one ward set's wards are shared among another set's wards.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Weights {
    pub method: WeightMethod,
    /// Per old ward: how its weights were found.
    pub basis: Vec<WeightBasis>,
    /// Per old ward: its postcode points (0 under the area method).
    pub postcodes: Vec<u32>,
    /// Per new ward: the old wards it draws on, largest weight first.
    pub into: Vec<Vec<WeightShare>>,
}

impl Weights {
    /// Old wards whose weights came from area although postcodes were asked for.
    pub fn area_fallbacks(&self) -> usize {
        self.basis.iter().filter(|b| **b == WeightBasis::AreaTooFewPostcodes).count()
    }

    /// Σ_b w(a, b) for old ward `a` (1 for every ward that overlaps the new set).
    pub fn total_of(&self, from_ward: usize) -> f64 {
        self.into.iter().flatten().filter(|s| s.from_ward == from_ward).map(|s| s.weight).sum()
    }
}

/// The method in one paragraph, for the ward panel, exports' notes and `summary`.
pub fn method_note(method: WeightMethod) -> &'static str {
    match method {
        WeightMethod::Postcodes => {
            "Notional: each old ward's votes, electors and ballots are shared among the new wards in \
             proportion to its postcode points (OS Code-Point Open) that fall in each, candidate by \
             candidate (a party's best candidate with the best, and so on); the new ward's seats go to \
             the highest notional candidates. Old wards with fewer than 20 postcodes are shared by area. \
             Postcodes are a proxy for voters: each counts once however many homes it has, and the 2025 \
             list includes streets built since the election."
        }
        WeightMethod::Area => {
            "Notional: each old ward's votes, electors and ballots are shared among the new wards in \
             proportion to the share of its area in each, candidate by candidate (a party's best \
             candidate with the best, and so on); the new ward's seats go to the highest notional \
             candidates. Area is a rough proxy for voters: parks and industrial land count like streets."
        }
    }
}

/// Index of a notional election in [`super::Dataset::notionals`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct NotionalId(pub usize);

/// An election estimated on another ward set of its borough.
#[derive(Clone, Debug)]
pub struct Notional {
    /// The real election estimated.
    pub from: ElectionId,
    /// The ward set it is estimated on.
    pub onto: WardSetId,
    /// The estimate: contests on the wards of `onto`, joined to them one to one, with the real
    /// election's borough, year and source.
    pub joined: JoinedElection,
    /// How it was estimated; shared by every election estimated between the same two sets.
    pub weights: Arc<Weights>,
}
