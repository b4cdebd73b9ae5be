//! The whole borough: seats and shares by party, and the change since another election.
//!
//! Borough shares use the same method as ward shares, summed over wards: under the top-vote
//! method a party's borough share is the sum over wards of its best candidate's votes, over
//! the sum over wards of every party's best candidate's votes; under the total-votes method it
//! is the party's votes over all votes cast. Both count every contest of the election, joined
//! to a ward or not.

use super::change::{ElectionPair, PairError, ShareChange, Swing};
use super::gains::{GainsReport, PartySeatChange, SeatGain};
use super::share::{PartyVote, ShareMethod, party_votes, shares_of_votes};
use super::totals::seat_totals;
use crate::model::{Dataset, Election, ElectionId, Party};

/// Each party's votes across the borough under `method`, most first.
pub fn borough_votes(election: &Election, method: ShareMethod) -> Vec<(Party, u64)> {
    let mut totals: Vec<(Party, u64)> = Vec::new();
    for contest in &election.contests {
        for (party, votes) in party_votes(contest, method) {
            match totals.iter_mut().find(|(p, _)| *p == party) {
                Some((_, v)) => *v += votes,
                None => totals.push((party, votes)),
            }
        }
    }
    totals.sort_by(|(pa, a), (pb, b)| b.cmp(a).then_with(|| pa.cmp(pb)));
    totals
}

/// Each party's borough share under `method`, most first.
pub fn borough_shares(election: &Election, method: ShareMethod) -> Vec<PartyVote> {
    shares_of_votes(borough_votes(election, method))
}

/// `party`'s borough share (0 when it stood nowhere); `None` when no votes were cast.
pub fn borough_share_of(election: &Election, party: &Party, method: ShareMethod) -> Option<f64> {
    let shares = borough_shares(election, method);
    if shares.is_empty() {
        return None;
    }
    Some(shares.iter().find(|s| s.party == *party).map_or(0.0, |s| s.share))
}

/// The parties that stood in an election, by borough top-vote share: for party pickers.
pub fn parties_standing(election: &Election) -> Vec<Party> {
    borough_votes(election, ShareMethod::TopVote).into_iter().map(|(p, _)| p).collect()
}

/// One party's borough share in two elections.
#[derive(Clone, Debug, PartialEq)]
pub struct PartyShareChange {
    pub party: Party,
    pub change: ShareChange,
}

/// What changed across the borough between two elections on the same wards.
#[derive(Clone, Debug, PartialEq)]
pub struct BoroughChange {
    pub from_year: i32,
    pub to_year: i32,
    /// Seats by party: before, after, gained, lost, net.
    pub seats: Vec<PartySeatChange>,
    /// Seats that changed hands, summed over wards: "6 Con gains from Lab".
    pub gains: Vec<SeatGain>,
    /// Borough shares by party in both, parties of the later election first by share.
    pub shares: Vec<PartyShareChange>,
    /// Set when the earlier election is notional (fought on other wards): what it says.
    pub notional: Option<String>,
    /// With a notional earlier election: each party's real seats then and now, as the councils
    /// declared them (`seats` above are the notional ones), parties with most seats first.
    pub actual_seats: Option<Vec<(Party, u32, u32)>>,
}

/// Seats and shares of one election across the borough.
#[derive(Clone, Debug, PartialEq)]
pub struct BoroughSummary {
    pub title: String,
    pub year: i32,
    pub method: ShareMethod,
    pub seats: Vec<(Party, u32)>,
    pub shares: Vec<PartyVote>,
    /// Against the previous election on the same wards, or why there is none.
    pub change: Result<BoroughChange, PairError>,
}

impl BoroughSummary {
    /// Summarise election `id`, compared with the previous election on the same wards.
    pub fn of(data: &Dataset, id: ElectionId, method: ShareMethod) -> Option<BoroughSummary> {
        let joined = data.election(id)?;
        let pair = ElectionPair::with_baseline(data, id, None);
        Some(BoroughSummary {
            title: joined.election.title(),
            year: joined.election.year,
            method,
            seats: seat_totals(&joined.election),
            shares: borough_shares(&joined.election, method),
            change: pair.and_then(|pair| BoroughChange::of(data, pair, method)),
        })
    }
}

impl BoroughChange {
    /// Compare the borough across a pair of elections.
    pub fn of(data: &Dataset, pair: ElectionPair, method: ShareMethod) -> Result<BoroughChange, PairError> {
        let (Some(from), Some(to)) = (pair.from_election(data), data.election(pair.to)) else {
            return Err(PairError::NotLoaded);
        };
        let report = GainsReport::of(data, pair);
        let mut gains: Vec<SeatGain> = Vec::new();
        for gain in report.wards.iter().flatten().flat_map(|w| &w.gains) {
            match gains.iter_mut().find(|g| g.gainer == gain.gainer && g.loser == gain.loser) {
                Some(g) => g.seats += gain.seats,
                None => gains.push(gain.clone()),
            }
        }
        gains.sort_by(|a, b| {
            b.seats.cmp(&a.seats).then_with(|| a.gainer.cmp(&b.gainer)).then_with(|| a.loser.cmp(&b.loser))
        });
        let before = borough_shares(&from.election, method);
        let after = borough_shares(&to.election, method);
        let share =
            |list: &[PartyVote], party: &Party| list.iter().find(|s| s.party == *party).map_or(0.0, |s| s.share);
        let mut parties: Vec<&Party> = after.iter().map(|s| &s.party).collect();
        parties.extend(before.iter().map(|s| &s.party).filter(|p| !after.iter().any(|s| s.party == **p)));
        let shares = parties
            .into_iter()
            .map(|p| PartyShareChange {
                party: p.clone(),
                change: ShareChange::new(share(&before, p), share(&after, p)),
            })
            .collect();
        let actual_seats = pair.notional.and(data.election(pair.from)).map(|real| {
            let (before, after) = (seat_totals(&real.election), seat_totals(&to.election));
            let seats_in = |list: &[(Party, u32)], p: &Party| list.iter().find(|(q, _)| q == p).map_or(0, |(_, n)| *n);
            let mut parties: Vec<Party> = after.iter().map(|(p, _)| p.clone()).collect();
            parties.extend(before.iter().map(|(p, _)| p.clone()).filter(|p| !after.iter().any(|(q, _)| q == p)));
            let mut rows: Vec<(Party, u32, u32)> =
                parties.into_iter().map(|p| (p.clone(), seats_in(&before, &p), seats_in(&after, &p))).collect();
            rows.sort_by(|a, b| b.1.max(b.2).cmp(&a.1.max(a.2)).then_with(|| a.0.cmp(&b.0)));
            rows
        });
        Ok(BoroughChange {
            from_year: from.election.year,
            to_year: to.election.year,
            seats: report.net,
            gains,
            shares,
            notional: pair.notional_note(data),
            actual_seats,
        })
    }

    /// Borough Butler swing between A and B.
    pub fn swing(&self, a: &Party, b: &Party) -> Swing {
        let change =
            |p: &Party| self.shares.iter().find(|s| s.party == *p).map_or(ShareChange::new(0.0, 0.0), |s| s.change);
        Swing::of(change(a), change(b))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Contest;

    fn contest(votes: &[(&str, u64)]) -> Contest {
        crate::analysis::test_support::contest_with_seats(votes, 2)
    }

    #[test]
    fn borough_share_sums_each_partys_best_vote_over_wards() {
        // Ward 1 top votes: Con 600, Lab 400. Ward 2: Con 100, Lab 900. Sum Con 700, Lab 1300 → 35% / 65%.
        // Total votes: Con 600+500+100 = 1200, Lab 400+900+800 = 2100 of 3300.
        let election = Election {
            borough: "B".into(),
            year: 2018,
            contests: vec![
                contest(&[("Con", 600), ("Con", 500), ("Lab", 400)]),
                contest(&[("Con", 100), ("Lab", 900), ("Lab", 800)]),
            ],
            source: "test".into(),
            turnout_definition: None,
        };
        let con = Party::from_source("Con");
        assert_eq!(borough_share_of(&election, &con, ShareMethod::TopVote), Some(35.0));
        let total = borough_share_of(&election, &con, ShareMethod::TotalVotes).unwrap_or_default();
        assert!((total - 1200.0 / 3300.0 * 100.0).abs() < 1e-9);
        assert_eq!(borough_share_of(&election, &Party::from_source("Green"), ShareMethod::TopVote), Some(0.0));
    }
}
