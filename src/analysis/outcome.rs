//! Who won a ward: seats per party, the winner, and the majority.

use crate::model::{Contest, Party};
use serde::Serialize;

/// The result of one multi-member contest.
#[derive(Clone, Debug, PartialEq)]
pub struct ContestOutcome {
    /// Candidate indexes (into `Contest::candidates`) from most votes to fewest.
    pub ranking: Vec<usize>,
    /// Per candidate (same order as `Contest::candidates`): among the top `seats` by votes.
    pub elected: Vec<bool>,
    /// Seats won per party, most first (then by name).
    pub seats: Vec<(Party, u32)>,
    pub winner: Winner,
    /// Votes of the last elected candidate minus those of the best candidate not elected;
    /// `None` when every candidate was elected (an uncontested ward).
    pub majority: Option<u64>,
    /// Where the source's elected flags disagree with the votes, in words.
    pub flag_disagreements: Vec<String>,
    pub total_votes: u64,
    /// Seats the source left unfilled: it flags every candidate and elects fewer than the
    /// ward's seats. Counted nowhere, and said in words wherever the ward is shown.
    pub unfilled_seats: u32,
}

/// Who holds a ward.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Winner {
    /// One party won every seat.
    Party { party: String },
    /// Several parties won seats; `leader` is the one with most, if one has more than the rest.
    Split { leader: Option<String> },
    /// No candidates.
    None,
}

impl ContestOutcome {
    /// Decide the contest from the votes: the top `seats` candidates are elected. A tie at the
    /// last seat (decided by lot in real life) is broken by the source's elected flag. When the
    /// source flags every candidate and elects fewer than the seats, only that many are.
    pub fn of(contest: &Contest) -> ContestOutcome {
        let candidates = &contest.candidates;
        let mut ranking: Vec<usize> = (0..candidates.len()).collect();
        ranking.sort_by(|&a, &b| {
            let (ca, cb) = (&candidates[a], &candidates[b]);
            cb.votes
                .cmp(&ca.votes)
                .then_with(|| cb.elected.unwrap_or(false).cmp(&ca.elected.unwrap_or(false)))
                .then_with(|| ca.name.cmp(&cb.name))
        });
        // Where the source flags every candidate and elects fewer than the seats (a poll
        // countermanded or a seat left empty, as at Mottingham in 2026), the seats it did not
        // fill stay empty: the votes alone would invent a councillor.
        let flagged = candidates.iter().map(|c| c.elected).collect::<Option<Vec<bool>>>();
        let elected_in_source = flagged.map(|flags| flags.iter().filter(|&&f| f).count());
        let can_fill = (contest.seats as usize).min(candidates.len());
        let seats_to_fill = can_fill.min(elected_in_source.filter(|&n| n > 0).unwrap_or(usize::MAX));
        let unfilled_seats = u32::try_from(can_fill - seats_to_fill).unwrap_or(0);
        let mut elected = vec![false; candidates.len()];
        for &index in &ranking[..seats_to_fill] {
            elected[index] = true;
        }

        let mut seats: Vec<(Party, u32)> = Vec::new();
        for &index in &ranking[..seats_to_fill] {
            let party = &candidates[index].party;
            match seats.iter_mut().find(|(p, _)| p == party) {
                Some((_, n)) => *n += 1,
                None => seats.push((party.clone(), 1)),
            }
        }
        seats.sort_by(|(pa, a), (pb, b)| b.cmp(a).then_with(|| pa.cmp(pb)));

        let winner = match seats.as_slice() {
            [] => Winner::None,
            [(party, _)] => Winner::Party { party: party.name.clone() },
            [(first, a), (_, b), ..] => Winner::Split { leader: (a > b).then(|| first.name.clone()) },
        };

        let last_elected = ranking[..seats_to_fill].last().map(|&i| candidates[i].votes);
        let best_loser = ranking.get(seats_to_fill).map(|&i| candidates[i].votes);
        let majority = last_elected.zip(best_loser).map(|(won, lost)| won - lost);

        let flag_disagreements = candidates
            .iter()
            .zip(&elected)
            .filter_map(|(candidate, &by_votes)| match candidate.elected {
                Some(flag) if flag != by_votes => Some(format!(
                    "{} ({}, {} votes) is marked {} in the source but {} by the votes",
                    candidate.name,
                    candidate.party.short,
                    candidate.votes,
                    if flag { "elected" } else { "not elected" },
                    if by_votes { "elected" } else { "not elected" },
                )),
                _ => None,
            })
            .collect();

        ContestOutcome {
            ranking,
            elected,
            seats,
            winner,
            majority,
            flag_disagreements,
            total_votes: contest.total_votes(),
            unfilled_seats,
        }
    }

    /// Seats won by `party`.
    pub fn seats_of(&self, party: &Party) -> u32 {
        self.seats.iter().find(|(p, _)| p == party).map_or(0, |(_, n)| *n)
    }

    /// "Conservative", or "Split: 2 Con, 1 Lab".
    pub fn winner_label(&self) -> String {
        match &self.winner {
            Winner::Party { party } => party.clone(),
            Winner::Split { .. } => format!("Split: {}", self.seats_label()),
            Winner::None => "No result".to_owned(),
        }
    }

    /// "2 Con, 1 Lab".
    pub fn seats_label(&self) -> String {
        self.seats.iter().map(|(p, n)| format!("{n} {}", p.short)).collect::<Vec<_>>().join(", ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Candidate;

    fn candidate(name: &str, party: &str, votes: u64, elected: bool) -> Candidate {
        Candidate {
            name: name.into(),
            party: Party::from_source(party),
            votes,
            party_label: party.into(),
            elected: Some(elected),
        }
    }

    fn contest(candidates: Vec<Candidate>) -> Contest {
        Contest {
            ward_code: None,
            ward_name: "Test".into(),
            poll_date: None,
            seats: 3,
            candidates,
            electorate: None,
            turnout: None,
            ballots: None,
            rejected: None,
        }
    }

    #[test]
    fn a_seat_the_source_left_unfilled_stays_empty() {
        // Three seats, every candidate flagged, two elected (Mottingham, Bromley, 2026).
        let outcome = ContestOutcome::of(&contest(vec![
            candidate("A", "Conservative", 2300, true),
            candidate("B", "Conservative", 2250, true),
            candidate("C", "Labour", 1200, false),
        ]));
        assert_eq!(outcome.unfilled_seats, 1);
        assert_eq!(outcome.seats_label(), "2 Con");
        assert_eq!(outcome.elected, vec![true, true, false]);
        assert!(outcome.flag_disagreements.is_empty());
        assert_eq!(outcome.majority, Some(1050));
        // Without flags the votes fill every seat.
        let mut unflagged =
            contest(vec![candidate("A", "Conservative", 2300, true), candidate("C", "Labour", 1200, false)]);
        unflagged.candidates.iter_mut().for_each(|c| c.elected = None);
        assert_eq!(ContestOutcome::of(&unflagged).unfilled_seats, 0);
    }

    #[test]
    fn split_ward_has_its_own_state_and_the_majority_is_last_in_minus_first_out() {
        let outcome = ContestOutcome::of(&contest(vec![
            candidate("A", "Conservative", 2300, true),
            candidate("B", "Labour", 2224, true),
            candidate("C", "Conservative", 2250, true),
            candidate("D", "Conservative", 2222, false),
            candidate("E", "Labour", 2100, false),
        ]));
        assert_eq!(outcome.seats_label(), "2 Con, 1 Lab");
        assert_eq!(outcome.winner, Winner::Split { leader: Some("Conservative".into()) });
        assert_eq!(outcome.majority, Some(2));
        assert_eq!(outcome.elected, vec![true, true, true, false, false]);
        assert!(outcome.flag_disagreements.is_empty());
        assert_eq!(outcome.winner_label(), "Split: 2 Con, 1 Lab");
    }

    #[test]
    fn a_clean_sweep_is_won_by_one_party() {
        let outcome = ContestOutcome::of(&contest(vec![
            candidate("A", "Labour", 10, true),
            candidate("B", "Labour", 9, true),
            candidate("C", "Labour", 8, true),
            candidate("D", "Green", 3, false),
        ]));
        assert_eq!(outcome.winner, Winner::Party { party: "Labour".into() });
        assert_eq!(outcome.majority, Some(5));
    }

    #[test]
    fn flags_that_contradict_the_votes_are_reported() {
        let outcome = ContestOutcome::of(&contest(vec![
            candidate("A", "Labour", 10, true),
            candidate("B", "Labour", 9, true),
            candidate("C", "Labour", 8, false),
            candidate("D", "Green", 3, true),
        ]));
        assert_eq!(outcome.flag_disagreements.len(), 2);
        assert!(outcome.flag_disagreements[0].contains("C (Lab, 8 votes) is marked not elected"));
    }

    #[test]
    fn a_tie_for_the_last_seat_follows_the_source_flag() {
        let outcome = ContestOutcome::of(&contest(vec![
            candidate("A", "Labour", 10, true),
            candidate("B", "Labour", 9, true),
            candidate("C", "Labour", 5, false),
            candidate("D", "Green", 5, true),
        ]));
        assert_eq!(outcome.elected, vec![true, true, false, true]);
        assert_eq!(outcome.majority, Some(0));
        assert!(outcome.flag_disagreements.is_empty());
    }

    #[test]
    fn an_uncontested_ward_has_no_majority() {
        let outcome = ContestOutcome::of(&contest(vec![candidate("A", "Labour", 0, true)]));
        assert_eq!(outcome.majority, None);
        assert_eq!(outcome.seats_label(), "1 Lab");
    }
}
