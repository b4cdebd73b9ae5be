//! Contests built from `(party, votes)` pairs, shared by the analysis tests.

use crate::model::{Candidate, Contest, Party};

/// A contest of `seats` seats with one candidate per pair, named C0, C1, … and no elected flags.
pub fn contest_with_seats(votes: &[(&str, u64)], seats: u32) -> Contest {
    Contest {
        ward_code: None,
        ward_name: "Test".into(),
        poll_date: None,
        seats,
        candidates: votes
            .iter()
            .enumerate()
            .map(|(i, (party, v))| Candidate {
                name: format!("C{i}"),
                party: Party::from_source(party),
                party_label: (*party).to_owned(),
                votes: *v,
                elected: None,
            })
            .collect(),
        electorate: None,
        turnout: None,
        ballots: None,
        rejected: None,
    }
}

/// Seats by party from `(party, seats)` pairs, as a ward's seat count before or after.
pub fn seats_by_party(list: &[(&str, u32)]) -> Vec<(Party, u32)> {
    list.iter().map(|(party, n)| (Party::from_source(party), *n)).collect()
}
