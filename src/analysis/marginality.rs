//! How close a ward was (the majority, in votes and as a share) and its turnout.
//!
//! The majority of a multi-member ward is the last elected candidate's votes minus the best
//! losing candidate's ([`ContestOutcome::majority`]). As a percentage it is taken of the
//! top-vote total (the sum of each party's best candidate's votes), which stands in for the
//! number of people who voted: all votes cast would count each voter up to three times and
//! make every majority look three times smaller.

use super::outcome::ContestOutcome;
use super::share::{ShareMethod, percent, share_denominator};
use crate::model::{Contest, Election};
use serde::Serialize;

/// What the majority percentage is a share of, for legends.
pub const MAJORITY_DENOMINATOR: &str = "% of the top-vote total (each party's best candidate)";

/// A ward's majority.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Majority {
    pub votes: u64,
    /// `votes` as a percentage of the top-vote total; `None` when no votes were cast.
    pub percent: Option<f64>,
}

impl Majority {
    /// The majority of a contest; `None` when uncontested.
    pub fn of(contest: &Contest) -> Option<Majority> {
        Majority::from_outcome(contest, &ContestOutcome::of(contest))
    }

    /// As [`Majority::of`], reusing an outcome already computed.
    pub fn from_outcome(contest: &Contest, outcome: &ContestOutcome) -> Option<Majority> {
        let votes = outcome.majority?;
        let total = share_denominator(contest, ShareMethod::TopVote);
        Some(Majority { votes, percent: (total > 0).then(|| percent(votes, total)) })
    }

    /// "943 votes (9.9% of the top-vote total)", "1 vote (0.0% of the top-vote total)".
    pub fn label(&self) -> String {
        let unit = if self.votes == 1 { "vote" } else { "votes" };
        let votes = super::format::thousands(self.votes);
        match self.percent {
            Some(p) => format!("{votes} {unit} ({} of the top-vote total)", super::format::percent_text(p)),
            None => format!("{votes} {unit}"),
        }
    }
}

/// Turnout of a contest in percent, when the source gives it. An electorate alone is not
/// enough: voters have several votes each, so ballots cannot be counted from the votes.
pub fn turnout_percent(contest: &Contest) -> Option<f64> {
    contest.turnout.filter(|t| t.is_finite() && (0.0..=1.0).contains(t)).map(|t| t * 100.0)
}

/// Why turnout cannot be shown for an election.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum TurnoutUnavailable {
    #[error(
        "These results have electorates but no turnout figures (voters have several votes each, so turnout \
         cannot be worked out from the votes)"
    )]
    ElectoratesOnly,
    #[error("These results have no electorate or turnout figures")]
    NoFigures,
}

/// Why turnout cannot be shown for an election, or `Ok` when at least one ward has it.
pub fn turnout_availability(election: &Election) -> Result<(), TurnoutUnavailable> {
    if election.contests.iter().any(|c| turnout_percent(c).is_some()) {
        Ok(())
    } else if election.contests.iter().any(|c| c.electorate.is_some()) {
        Err(TurnoutUnavailable::ElectoratesOnly)
    } else {
        Err(TurnoutUnavailable::NoFigures)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn contest(votes: &[(&str, u64)], seats: u32) -> Contest {
        crate::analysis::test_support::contest_with_seats(votes, seats)
    }

    #[test]
    fn majority_percent_is_of_the_top_vote_total() {
        // Elected: Con 1000, Con 990, Con 980; top-vote total: Con 1000 + Lab 900 + Grn 100 = 2000.
        let c = contest(&[("Con", 1000), ("Con", 990), ("Con", 980), ("Lab", 900), ("Lab", 880), ("Grn", 100)], 3);
        // Lab's 900 is the best loser, so the majority is 980 − 900 = 80, 4% of 2000.
        let m = Majority::of(&c).expect("contested");
        assert_eq!(m.votes, 80);
        assert_eq!(m.percent, Some(4.0));
        assert_eq!(m.label(), "80 votes (4.0% of the top-vote total)");
    }

    #[test]
    fn an_uncontested_ward_has_no_majority() {
        assert_eq!(Majority::of(&contest(&[("Lab", 500)], 1)), None);
    }

    #[test]
    fn turnout_needs_a_turnout_figure_and_says_why_not() {
        let mut election = Election {
            borough: "B".into(),
            year: 2018,
            contests: vec![contest(&[("Lab", 5)], 1)],
            source: "t".into(),
            turnout_definition: None,
        };
        let reason = |e: &Election| turnout_availability(e).map_err(|e| e.to_string());
        assert_eq!(reason(&election), Err("These results have no electorate or turnout figures".into()));
        election.contests[0].electorate = Some(9000);
        assert!(reason(&election).is_err_and(|e| e.contains("electorates but no turnout")));
        election.contests[0].turnout = Some(0.384);
        assert_eq!(turnout_availability(&election), Ok(()));
        assert!((turnout_percent(&election.contests[0]).unwrap_or_default() - 38.4).abs() < 1e-9);
    }
}
