//! Notional results: an election's votes apportioned onto another ward set of its borough by
//! weights w(a, b) (`model::notional`, found by `geometry::weights`).
//!
//! In each new ward b, party P's k-th best notional candidate gets Σₐ w(a, b) × the votes of P's
//! k-th best candidate in old ward a, rounded to a whole vote. Electors, ballots and rejected
//! ballots are apportioned the same way (where every old ward drawn on has them). The S_b highest
//! notional candidates win b's S_b seats, S_b being the seats of b in the election fought on the
//! new wards. Every measure then works on the notional contests as on real ones.

use crate::model::join::{Join, MatchRule};
use crate::model::notional::{Notional, Weights};
use crate::model::{Candidate, Contest, Dataset, Election, ElectionId, JoinedElection, Party, WardSet, WardSetId};
use std::sync::Arc;

/// The pairs (earlier election, later ward set) that comparisons across boundary changes need:
/// every election of a borough paired with the ward set of each later election of the same
/// borough fought on other wards. Sorted, without repeats.
pub fn needed(data: &Dataset) -> Vec<(ElectionId, WardSetId)> {
    let mut pairs = Vec::new();
    for (later_index, later) in data.elections.iter().enumerate() {
        let Some(onto) = later.ward_set else { continue };
        for (index, earlier) in data.elections.iter().enumerate() {
            let comparable = index != later_index
                && earlier.election.year < later.election.year
                && earlier.election.borough == later.election.borough;
            if comparable && earlier.ward_set.is_some_and(|set| set != onto) {
                pairs.push((ElectionId(index), onto));
            }
        }
    }
    pairs.sort_unstable();
    pairs.dedup();
    pairs
}

/// The seats of each ward of `set` in the latest election of `borough` fought on it.
pub fn seats_on(data: &Dataset, borough: &str, set: WardSetId) -> Vec<Option<u32>> {
    let wards = data.ward_set(set).map_or(0, |s| s.wards.len());
    let latest = data
        .elections
        .iter()
        .enumerate()
        .filter(|(_, e)| e.ward_set == Some(set) && e.election.borough == borough)
        .max_by_key(|(_, e)| e.election.year)
        .map(|(index, _)| ElectionId(index));
    (0..wards).map(|w| latest.and_then(|id| data.contest_in_ward(id, w)).map(|c| c.seats)).collect()
}

/// Election `from` of `data` estimated on ward set `onto` with `weights` (which must have been
/// found from `from`'s ward set onto `onto`). `None` when either is not loaded.
pub fn estimate(data: &Dataset, from: ElectionId, onto: WardSetId, weights: Arc<Weights>) -> Option<Notional> {
    let real = data.election(from)?;
    let set = data.ward_set(onto)?;
    let seats = seats_on(data, &real.election.borough, onto);
    let joined = apportion(real, (onto, set), &weights, &seats);
    Some(Notional { from, onto, joined, weights })
}

/// The notional election on `onto`, joined to it one contest per ward that draws on any result.
pub fn apportion(
    real: &JoinedElection,
    (onto_id, onto): (WardSetId, &WardSet),
    weights: &Weights,
    seats: &[Option<u32>],
) -> JoinedElection {
    let poll_date = real.election.poll_dates().first().copied();
    let mut contests = Vec::new();
    let mut join = Join { contest_of_ward: vec![None; onto.wards.len()], ..Join::default() };
    for (b, ward) in onto.wards.iter().enumerate() {
        let drawn: Vec<(&Contest, f64)> = weights
            .into
            .get(b)
            .into_iter()
            .flatten()
            .filter_map(|share| Some((real.contest_in_ward(share.from_ward)?, share.weight)))
            .filter(|(_, weight)| *weight > 0.0)
            .collect();
        if drawn.is_empty() {
            join.wards_without_results.push(ward.name.clone());
            continue;
        }
        let fallback_seats =
            drawn.iter().map(|(c, w)| f64::from(c.seats) * w).sum::<f64>() / drawn.iter().map(|(_, w)| w).sum::<f64>();
        let seats = seats.get(b).copied().flatten().unwrap_or_else(|| fallback_seats.round().max(1.0) as u32);
        let mut contest = notional_contest(&drawn, seats);
        contest.ward_code = ward.code.clone();
        contest.ward_name = ward.name.clone();
        contest.poll_date = poll_date;
        join.contest_of_ward[b] = Some(contests.len());
        join.ward_of_contest.push(Some((b, MatchRule::Code)));
        contests.push(contest);
    }
    let election = Election {
        borough: real.election.borough.clone(),
        year: real.election.year,
        contests,
        source: real.election.source.clone(),
        turnout_definition: real.election.turnout_definition.clone(),
    };
    JoinedElection { election, ward_set: Some(onto_id), join }
}

/// One party's notional candidate slots in a new ward: the weighted sum of its k-th best
/// candidate's votes in each old ward, and the printed label of its heaviest contribution.
struct Slots {
    party: Party,
    label: (f64, String),
    votes: Vec<f64>,
}

fn notional_contest(drawn: &[(&Contest, f64)], seats: u32) -> Contest {
    let mut parties: Vec<Slots> = Vec::new();
    for (contest, weight) in drawn {
        let mut ranked: Vec<&Candidate> = contest.candidates.iter().collect();
        ranked.sort_by(|x, y| y.votes.cmp(&x.votes).then_with(|| x.name.cmp(&y.name)));
        let mut rank_of_party: Vec<(&Party, usize)> = Vec::new();
        for candidate in ranked {
            let k = match rank_of_party.iter_mut().find(|(p, _)| **p == candidate.party) {
                Some((_, k)) => {
                    *k += 1;
                    *k
                }
                None => {
                    rank_of_party.push((&candidate.party, 0));
                    0
                }
            };
            let slots = match parties.iter().position(|s| s.party == candidate.party) {
                Some(i) => &mut parties[i],
                None => {
                    parties.push(Slots {
                        party: candidate.party.clone(),
                        label: (-1.0, String::new()),
                        votes: Vec::new(),
                    });
                    let last = parties.len() - 1;
                    &mut parties[last]
                }
            };
            if slots.votes.len() <= k {
                slots.votes.resize(k + 1, 0.0);
            }
            slots.votes[k] += weight * candidate.votes as f64;
            if *weight > slots.label.0 {
                slots.label = (*weight, candidate.party_label.clone());
            }
        }
    }
    parties.sort_by(|x, y| x.party.name.cmp(&y.party.name));
    let mut candidates: Vec<Candidate> = parties
        .iter()
        .flat_map(|slots| {
            slots.votes.iter().enumerate().map(|(k, votes)| Candidate {
                name: format!("{} {} (notional)", slots.party.short, ordinal(k + 1)),
                party: slots.party.clone(),
                votes: votes.round() as u64,
                party_label: slots.label.1.clone(),
                elected: Some(false),
            })
        })
        .collect();
    let contested = drawn.iter().any(|(c, _)| c.total_votes() > 0);
    if contested {
        let mut order: Vec<usize> = (0..candidates.len()).collect();
        order.sort_by(|&x, &y| {
            candidates[y].votes.cmp(&candidates[x].votes).then_with(|| candidates[x].name.cmp(&candidates[y].name))
        });
        for &winner in order.iter().take(seats as usize) {
            candidates[winner].elected = Some(true);
        }
    } else {
        // Every old ward drawn on was uncontested: the heaviest one's unopposed winners stand.
        let heaviest = drawn.iter().max_by(|x, y| x.1.total_cmp(&y.1)).map(|(c, _)| *c);
        for winner in heaviest.into_iter().flat_map(|c| c.candidates.iter().filter(|c| c.elected == Some(true))) {
            if let Some(slot) = candidates.iter_mut().find(|c| c.party == winner.party && c.elected != Some(true)) {
                slot.elected = Some(true);
            }
        }
    }
    let sum = |field: fn(&Contest) -> Option<f64>| -> Option<f64> {
        drawn.iter().map(|(c, w)| field(c).map(|v| v * w)).sum::<Option<f64>>()
    };
    let electorate = sum(|c| c.electorate.map(|e| e as f64));
    let ballots = sum(|c| c.ballots.map(|b| b as f64).or_else(|| Some(c.turnout? * c.electorate? as f64)));
    let rejected = sum(|c| c.rejected.map(|r| r as f64));
    let turnout = electorate.zip(ballots).filter(|(e, _)| *e > 0.0).map(|(e, b)| b / e);
    Contest {
        ward_code: None,
        ward_name: String::new(),
        poll_date: None,
        seats,
        candidates,
        electorate: electorate.map(|e| e.round() as u64),
        turnout,
        ballots: ballots.map(|b| b.round() as u64),
        rejected: rejected.map(|r| r.round() as u64),
    }
}

/// "1st", "2nd", "3rd", "4th", … "11th", "12th", "13th", "21st".
fn ordinal(n: usize) -> String {
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

/// An old ward set and the new one it is estimated on.
type SetPair = (WardSetId, WardSetId);

/// Every notional `data` needs (see [`needed`]), with the weights of each pair of ward sets
/// found once by `weights_of(from_set, onto_set)`.
pub fn estimate_all(
    data: &Dataset,
    mut weights_of: impl FnMut(WardSetId, WardSetId) -> Option<Arc<Weights>>,
) -> Vec<Notional> {
    let mut found: Vec<(SetPair, Option<Arc<Weights>>)> = Vec::new();
    let mut notionals = Vec::new();
    for (from, onto) in needed(data) {
        let Some(set) = data.election(from).and_then(|e| e.ward_set) else { continue };
        let weights = match found.iter().find(|(key, _)| *key == (set, onto)) {
            Some((_, weights)) => weights.clone(),
            None => {
                let weights = weights_of(set, onto);
                found.push(((set, onto), weights.clone()));
                weights
            }
        };
        if let Some(notional) = weights.and_then(|w| estimate(data, from, onto, w)) {
            notionals.push(notional);
        }
    }
    notionals
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::notional::{WeightBasis, WeightMethod, WeightShare};
    use crate::model::{Ward, WardSet};

    fn ward(name: &str) -> Ward {
        Ward { code: None, name: name.into(), borough: None, geometry: geo::MultiPolygon::new(Vec::new()) }
    }

    fn contest(name: &str, seats: u32, votes: &[(&str, u64)]) -> Contest {
        Contest { ward_name: name.into(), ..crate::analysis::test_support::contest_with_seats(votes, seats) }
    }

    #[test]
    fn ordinals_read_as_english() {
        let words: Vec<String> = [1, 2, 3, 4, 11, 12, 13, 21, 22].iter().map(|&n| ordinal(n)).collect();
        assert_eq!(words, ["1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "22nd"]);
    }

    /// Two old wards split three ways: A goes 3/4 to X and 1/4 to Y; B goes whole to Y.
    #[test]
    fn votes_are_apportioned_slot_by_slot_and_the_top_slots_win() {
        let a = contest("A", 2, &[("Con", 1000), ("Con", 800), ("Lab", 600), ("Lab", 400)]);
        let b = contest("B", 2, &[("Lab", 2000), ("Lab", 1800), ("Con", 200)]);
        let election = Election {
            borough: "B".into(),
            year: 2018,
            contests: vec![a, b],
            source: "t".into(),
            turnout_definition: None,
        };
        let old = WardSet {
            name: "old".into(),
            first_year: None,
            source: "t".into(),
            borough: None,
            wards: vec![ward("A"), ward("B")],
        };
        let real = Dataset::new(vec![old], vec![election]).elections.remove(0);
        let onto = WardSet {
            name: "new".into(),
            first_year: None,
            source: "t".into(),
            borough: None,
            wards: vec![ward("X"), ward("Y")],
        };
        let share = |from_ward, weight| WeightShare { from_ward, weight, postcodes: 0, area_share: None };
        let weights = Weights {
            method: WeightMethod::Area,
            basis: vec![WeightBasis::Area, WeightBasis::Area],
            postcodes: vec![0, 0],
            into: vec![vec![share(0, 0.75)], vec![share(1, 1.0), share(0, 0.25)]],
        };
        let notional = apportion(&real, (WardSetId(1), &onto), &weights, &[Some(2), Some(3)]);
        let votes = |w: usize| -> Vec<(String, u64, Option<bool>)> {
            let c = &notional.election.contests[notional.join.contest_of_ward[w].expect("a result")];
            c.candidates.iter().map(|c| (c.name.clone(), c.votes, c.elected)).collect()
        };
        // X: 3/4 of A: Con 750, 600; Lab 450, 300. Two seats: both Con.
        assert_eq!(
            votes(0),
            [
                ("Con 1st (notional)".to_owned(), 750, Some(true)),
                ("Con 2nd (notional)".to_owned(), 600, Some(true)),
                ("Lab 1st (notional)".to_owned(), 450, Some(false)),
                ("Lab 2nd (notional)".to_owned(), 300, Some(false)),
            ]
        );
        // Y: all of B and 1/4 of A: Con 200 + 250 = 450, 0 + 200 = 200; Lab 2000 + 150, 1800 + 100.
        // Three seats (the later election's): Lab 2150, Lab 1900, Con 450.
        assert_eq!(
            votes(1),
            [
                ("Con 1st (notional)".to_owned(), 450, Some(true)),
                ("Con 2nd (notional)".to_owned(), 200, Some(false)),
                ("Lab 1st (notional)".to_owned(), 2150, Some(true)),
                ("Lab 2nd (notional)".to_owned(), 1900, Some(true)),
            ]
        );
        assert_eq!(notional.ward_set, Some(WardSetId(1)));
    }
}

/// One old ward's part in a new ward's notional result, for "how it was estimated".
#[derive(Clone, Debug, PartialEq)]
pub struct EstimateRow {
    pub old_ward: String,
    pub old_code: Option<String>,
    /// w(a, b), 0..=1.
    pub weight: f64,
    /// The old ward's postcode points in this new ward, and in all.
    pub postcodes: u32,
    pub postcodes_of_old_ward: u32,
    /// The share of the old ward's area in this new ward, where measured.
    pub area_share: Option<f64>,
    pub basis: crate::model::notional::WeightBasis,
}

/// The old wards new ward `ward` of `notional` draws on, largest weight first.
pub fn estimate_rows(data: &Dataset, notional: &Notional, ward: usize) -> Vec<EstimateRow> {
    let old_set = data.election(notional.from).and_then(|e| e.ward_set).and_then(|s| data.ward_set(s));
    let weights = &notional.weights;
    weights
        .into
        .get(ward)
        .into_iter()
        .flatten()
        .map(|share| {
            let old = old_set.and_then(|s| s.wards.get(share.from_ward));
            EstimateRow {
                old_ward: old.map_or_else(|| format!("ward {}", share.from_ward + 1), |w| w.name.clone()),
                old_code: old.and_then(|w| w.code.clone()),
                weight: share.weight,
                postcodes: share.postcodes,
                postcodes_of_old_ward: weights.postcodes.get(share.from_ward).copied().unwrap_or(0),
                area_share: share.area_share,
                basis: weights.basis.get(share.from_ward).copied().unwrap_or(crate::model::notional::WeightBasis::Area),
            }
        })
        .collect()
}
