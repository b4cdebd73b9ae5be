//! Comparing two elections ward by ward: change in share and Butler two-party swing.
//!
//! Elections are compared ward by ward on the later election's ward set. When the earlier one
//! was fought on other wards (Barnet's 2022 wards reuse old names with new shapes), its notional
//! result on the later wards stands in for it (`analysis::notional`), and the pair says so;
//! where no estimate was made the comparison is refused with a plain reason.

use super::share::{ShareMethod, share_of};
use crate::model::notional::Notional;
use crate::model::{Contest, Dataset, ElectionId, JoinedElection, NotionalId, Party, WardSetId};
use serde::Serialize;

/// Two elections compared on one ward set (the later one's): the ward indexes of one are the
/// ward indexes of the other.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ElectionPair {
    /// The earlier election (the real one, even when its notional result is compared).
    pub from: ElectionId,
    pub to: ElectionId,
    pub ward_set: WardSetId,
    /// Set when `from` was fought on other wards: its estimate on `ward_set` is compared.
    pub notional: Option<NotionalId>,
}

/// Why two elections cannot be compared ward by ward. Each reason reads as a sentence for
/// the UI's hover text and the command line's errors; the words are part of the interface.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum PairError {
    #[error("One of the elections to compare is not loaded")]
    NotLoaded,
    #[error("The election shown is not loaded")]
    ShownNotLoaded,
    #[error("{title} cannot be compared with itself: pick an earlier election")]
    Itself { title: String },
    #[error(
        "{from} ({from_set}) and {to} ({to_set}) were fought on different wards, so they cannot be compared ward by ward"
    )]
    DifferentWards { from: String, from_set: String, to: String, to_set: String },
    #[error("There is no earlier election on the same wards as {title} to compare with")]
    NoEarlier { title: String },
    #[error("The election to compare with ({year}) is later than {title}: pick an earlier one")]
    Later { year: i32, title: String },
    #[error("No {borough} {year} results are loaded to compare with")]
    BaselineNotLoaded { borough: String, year: i32 },
}

impl ElectionPair {
    /// Pair `from` with `to`, or say why they cannot be compared ward by ward.
    pub fn new(data: &Dataset, from: ElectionId, to: ElectionId) -> Result<ElectionPair, PairError> {
        let (Some(a), Some(b)) = (data.election(from), data.election(to)) else {
            return Err(PairError::NotLoaded);
        };
        if from == to {
            return Err(PairError::Itself { title: b.election.title() });
        }
        let set_name = |set: Option<WardSetId>| {
            set.and_then(|s| data.ward_set(s)).map_or_else(|| "no ward set".to_owned(), |s| s.name.clone())
        };
        match (a.ward_set, b.ward_set) {
            (Some(sa), Some(sb)) if sa == sb => Ok(ElectionPair { from, to, ward_set: sa, notional: None }),
            (Some(_), Some(sb)) if a.election.year < b.election.year && data.notional_of(from, sb).is_some() => {
                Ok(ElectionPair { from, to, ward_set: sb, notional: data.notional_of(from, sb) })
            }
            (sa, sb) => Err(PairError::DifferentWards {
                from: a.election.title(),
                from_set: set_name(sa),
                to: b.election.title(),
                to_set: set_name(sb),
            }),
        }
    }

    /// Pair `to` with the election of `baseline_year` (same borough, not later), or with the
    /// previous election of the borough that can be compared ward by ward (on the same wards or
    /// estimated on them) when no year is given.
    pub fn with_baseline(
        data: &Dataset,
        to: ElectionId,
        baseline_year: Option<i32>,
    ) -> Result<ElectionPair, PairError> {
        let current = data.election(to).ok_or(PairError::ShownNotLoaded)?;
        let from = match baseline_year {
            None => {
                data.previous_comparable(to).ok_or_else(|| PairError::NoEarlier { title: current.election.title() })?
            }
            Some(year) if year > current.election.year => {
                return Err(PairError::Later { year, title: current.election.title() });
            }
            Some(year) => data
                .elections
                .iter()
                .position(|e| e.election.year == year && e.election.borough == current.election.borough)
                .map(ElectionId)
                .ok_or_else(|| PairError::BaselineNotLoaded { borough: current.election.borough.clone(), year })?,
        };
        ElectionPair::new(data, from, to)
    }

    /// "2014→2018"; "2018 (notional)→2022" when the earlier result is an estimate.
    pub fn years_label(&self, data: &Dataset) -> String {
        let year = |id: ElectionId| data.election(id).map_or(0, |e| e.election.year);
        let notional = if self.notional.is_some() { " (notional)" } else { "" };
        format!("{}{notional}→{}", year(self.from), year(self.to))
    }

    /// The estimate compared, when the earlier election was fought on other wards.
    pub fn notional<'a>(&self, data: &'a Dataset) -> Option<&'a Notional> {
        data.notional(self.notional?)
    }

    /// The earlier election as compared: its notional result on the pair's wards, or itself.
    pub fn from_election<'a>(&self, data: &'a Dataset) -> Option<&'a JoinedElection> {
        match self.notional(data) {
            Some(notional) => Some(&notional.joined),
            None => data.election(self.from),
        }
    }

    /// "Barnet 2018 is notional: its results estimated on the Barnet wards 2022– by postcodes
    /// (see the ward panel)", for legends, exports and the command line; `None` for a pair on
    /// one ward set.
    pub fn notional_note(&self, data: &Dataset) -> Option<String> {
        let notional = self.notional(data)?;
        let real = data.election(self.from)?;
        let set = data.ward_set(self.ward_set).map_or("the later wards", |s| s.name.as_str());
        let by = match notional.weights.method {
            crate::model::WeightMethod::Postcodes => "from postcode points",
            crate::model::WeightMethod::Area => "by area",
        };
        Some(format!("{} is notional: its results estimated on {set} {by}", real.election.title()))
    }

    /// The earlier election's contest in ward `ward` of the pair's set (notional or real).
    pub fn from_contest<'a>(&self, data: &'a Dataset, ward: usize) -> Option<&'a Contest> {
        self.from_election(data)?.contest_in_ward(ward)
    }

    /// For each ward of the set: the contests of both elections, where both have one.
    pub fn contests<'a>(&self, data: &'a Dataset) -> Vec<Option<(&'a Contest, &'a Contest)>> {
        let wards = data.ward_set(self.ward_set).map_or(0, |s| s.wards.len());
        (0..wards).map(|w| self.from_contest(data, w).zip(data.contest_in_ward(self.to, w))).collect()
    }
}

/// A party's share in two elections and the change, in percentage points.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct ShareChange {
    pub from: f64,
    pub to: f64,
    /// `to − from`, in percentage points.
    pub points: f64,
}

impl ShareChange {
    pub fn new(from: f64, to: f64) -> ShareChange {
        ShareChange { from, to, points: to - from }
    }
}

/// `party`'s change in share between two contests in the same ward. A party that did not stand
/// counts as 0%; `None` when either contest had no votes.
pub fn share_change(from: &Contest, to: &Contest, party: &Party, method: ShareMethod) -> Option<ShareChange> {
    Some(ShareChange::new(share_of(from, party, method)?, share_of(to, party, method)?))
}

/// "+6.9 pts", "−2.0 pts", "0.0 pts" (a true minus sign, one decimal).
pub fn points_label(points: f64) -> String {
    let rounded = (points * 10.0).round() / 10.0;
    if rounded > 0.0 {
        format!("+{rounded:.1} pts")
    } else if rounded < 0.0 {
        format!("−{:.1} pts", -rounded)
    } else {
        "0.0 pts".into()
    }
}

/// Butler two-party swing from election 1 to 2 between parties A and B, in points:
/// `((A2 − A1) + (B1 − B2)) / 2`. Positive is a swing to A, negative a swing to B.
pub fn butler_swing(a1: f64, a2: f64, b1: f64, b2: f64) -> f64 {
    f64::midpoint(a2 - a1, b1 - b2)
}

/// The swing between A and B in one ward, with the shares it came from.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Swing {
    pub a: ShareChange,
    pub b: ShareChange,
    /// Positive: swing to A.
    pub points: f64,
}

/// Butler swing from A to B between two contests in the same ward.
pub fn ward_swing(from: &Contest, to: &Contest, a: &Party, b: &Party, method: ShareMethod) -> Option<Swing> {
    let a = share_change(from, to, a, method)?;
    let b = share_change(from, to, b, method)?;
    Some(Swing::of(a, b))
}

impl Swing {
    /// The swing from the two parties' share changes.
    pub fn of(a: ShareChange, b: ShareChange) -> Swing {
        Swing { points: butler_swing(a.from, a.to, b.from, b.to), a, b }
    }
}

/// "8.1 pts swing to Conservative", "7.9 pts swing to Labour", "no swing" (rounded to 0.1).
pub fn swing_label(points: f64, a: &Party, b: &Party) -> String {
    let rounded = (points * 10.0).round() / 10.0;
    if rounded > 0.0 {
        format!("{rounded:.1} pts swing to {}", a.name)
    } else if rounded < 0.0 {
        format!("{:.1} pts swing to {}", -rounded, b.name)
    } else {
        format!("no swing between {} and {}", a.name, b.name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn contest(votes: &[(&str, u64)]) -> Contest {
        crate::analysis::test_support::contest_with_seats(votes, 3)
    }

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9
    }

    #[test]
    fn butler_swing_averages_one_partys_rise_and_the_others_fall() {
        // Con 40 → 46 (+6), Lab 45 → 41 (−4): ((46−40) + (45−41)) / 2 = 5 to Con.
        assert!(close(butler_swing(40.0, 46.0, 45.0, 41.0), 5.0));
        // Both rise: Con +2, Lab +6: (2 − 6) / 2 = −2, a swing of 2 to Lab.
        assert!(close(butler_swing(30.0, 32.0, 40.0, 46.0), -2.0));
    }

    #[test]
    fn change_in_share_is_in_points_and_a_party_that_did_not_stand_counts_as_zero() {
        // Top vote: 2014 Con 600 of 600+400 = 60%; 2018 Con 500 of 500+500 = 50%.
        let a = contest(&[("Conservative", 600), ("Conservative", 550), ("Labour", 400)]);
        let b = contest(&[("Conservative", 500), ("Labour", 500), ("Labour", 480)]);
        let con = Party::from_source("Conservative");
        let change = share_change(&a, &b, &con, ShareMethod::TopVote).expect("votes were cast");
        assert!(close(change.from, 60.0) && close(change.to, 50.0) && close(change.points, -10.0));
        let green = Party::from_source("Green");
        assert_eq!(share_change(&a, &b, &green, ShareMethod::TopVote).map(|c| c.points), Some(0.0));
    }

    #[test]
    fn ward_swing_uses_the_method_and_labels_the_party_swung_to() {
        // 2014: Con 300, Lab 500, LD 200 (top votes; total 1000). 2018: Con 450, Lab 450, LD 100.
        // Con 30 → 45 (+15), Lab 50 → 45 (−5): swing (15 + 5) / 2 = 10 to Con.
        let a = contest(&[("Conservative", 300), ("Labour", 500), ("Labour", 10), ("Liberal Democrats", 200)]);
        let b = contest(&[("Conservative", 450), ("Labour", 450), ("Liberal Democrats", 100)]);
        let (con, lab) = (Party::from_source("Con"), Party::from_source("Lab"));
        let swing = ward_swing(&a, &b, &con, &lab, ShareMethod::TopVote).expect("votes were cast");
        assert!(close(swing.points, 10.0));
        assert_eq!(swing_label(swing.points, &con, &lab), "10.0 pts swing to Conservative");
        assert_eq!(swing_label(-7.86, &con, &lab), "7.9 pts swing to Labour");
        assert_eq!(swing_label(0.01, &con, &lab), "no swing between Conservative and Labour");
    }

    #[test]
    fn points_labels_carry_a_sign() {
        assert_eq!(points_label(6.94), "+6.9 pts");
        assert_eq!(points_label(-2.0), "−2.0 pts");
        assert_eq!(points_label(-0.01), "0.0 pts");
    }
}
