//! Turnout of a whole borough (or of London): the sum of the wards' ballots over the sum of
//! their electors, by the source's definition of ballots. Never an average of ward
//! percentages, which would weigh a ward of 3,000 electors like one of 12,000; and never a
//! mix, so when some contested ward lacks its figures the borough's turnout is not computed
//! and the reason says how many wards have them.

use crate::model::Election;
use serde::Serialize;

/// A borough's turnout, or why there is none.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum BoroughTurnout {
    /// Every contested ward has electorate and ballots.
    Computed {
        electorate: u64,
        ballots: u64,
        /// `ballots / electorate` in percent.
        percent: f64,
        /// What the ballots count, from the election's source.
        definition: Option<String>,
    },
    /// Some contested wards lack a figure.
    NotComputed { wards_with_figures: usize, contested_wards: usize },
    /// The source gives no turnout for this election.
    NotInSource,
}

impl BoroughTurnout {
    /// The turnout of `election`'s contested wards (an uncontested ward holds no poll).
    #[must_use]
    pub fn of(election: &Election) -> BoroughTurnout {
        if !election.contests.iter().any(|c| c.ballots.is_some() || c.turnout.is_some()) {
            return BoroughTurnout::NotInSource;
        }
        let contested: Vec<_> = election.contests.iter().filter(|c| c.candidates.len() > c.seats as usize).collect();
        let figures: Vec<(u64, u64)> = contested.iter().filter_map(|c| c.electorate.zip(c.ballots)).collect();
        let electorate: u64 = figures.iter().map(|(e, _)| e).sum();
        let ballots: u64 = figures.iter().map(|(_, b)| b).sum();
        if figures.len() < contested.len() || electorate == 0 {
            return BoroughTurnout::NotComputed { wards_with_figures: figures.len(), contested_wards: contested.len() };
        }
        #[allow(clippy::cast_precision_loss, reason = "electors and ballots are far below 2^52")]
        let percent = ballots as f64 / electorate as f64 * 100.0;
        BoroughTurnout::Computed { electorate, ballots, percent, definition: election.turnout_definition.clone() }
    }

    /// The percentage, when computed.
    #[must_use]
    pub fn percent(&self) -> Option<f64> {
        match self {
            BoroughTurnout::Computed { percent, .. } => Some(*percent),
            _ => None,
        }
    }

    /// "37.9% (97,480 ballots of 256,974 electors)", or why there is no figure, in words.
    #[must_use]
    pub fn label(&self) -> String {
        match self {
            BoroughTurnout::Computed { electorate, ballots, percent, .. } => {
                format!("{percent:.1}% ({} ballots of {} electors)", thousands(*ballots), thousands(*electorate))
            }
            BoroughTurnout::NotComputed { wards_with_figures, contested_wards } => format!(
                "not computed: the source gives ballots and electorate for {wards_with_figures} of {contested_wards} contested wards"
            ),
            BoroughTurnout::NotInSource => "not in the source for this election".to_owned(),
        }
    }
}

/// A ward's turnout figures in words, as the source gives them: "Turnout 41.2%: 3,296
/// ballots of 8,000 electors, 12 rejected". `None` when the source gives none of them.
#[must_use]
pub fn ward_figures(contest: &crate::model::Contest) -> Option<String> {
    let turnout = crate::analysis::turnout_percent(contest).map(|t| format!("Turnout {t:.1}%"));
    let mut parts = Vec::new();
    match (contest.ballots, contest.electorate) {
        (Some(b), Some(e)) => parts.push(format!("{} ballots of {} electors", thousands(b), thousands(e))),
        (None, Some(e)) => parts.push(format!("{} electors", thousands(e))),
        (Some(b), None) => parts.push(format!("{} ballots", thousands(b))),
        (None, None) => {}
    }
    if let Some(r) = contest.rejected {
        parts.push(format!("{} rejected", thousands(r)));
    }
    match (turnout, parts.is_empty()) {
        (None, true) => None,
        (Some(t), true) => Some(t),
        (None, false) => Some(format!("Turnout not given: {}", parts.join(", "))),
        (Some(t), false) => Some(format!("{t}: {}", parts.join(", "))),
    }
}

use super::format::thousands;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::test_support::contest_with_seats;
    use crate::model::Contest;

    fn ward(electorate: Option<u64>, ballots: Option<u64>) -> Contest {
        Contest { electorate, ballots, ..contest_with_seats(&[("Con", 10), ("Lab", 5)], 1) }
    }

    fn election(contests: Vec<Contest>) -> Election {
        Election {
            borough: "B".into(),
            year: 2022,
            contests,
            source: "t".into(),
            turnout_definition: Some("valid ballots".into()),
        }
    }

    #[test]
    fn borough_turnout_is_summed_ballots_over_summed_electors() {
        // 1,000 of 4,000 and 3,000 of 6,000: 4,000 of 10,000 = 40%, not the mean of 25% and 50%.
        let t = BoroughTurnout::of(&election(vec![ward(Some(4000), Some(1000)), ward(Some(6000), Some(3000))]));
        assert_eq!(t.percent(), Some(40.0));
        assert_eq!(t.label(), "40.0% (4,000 ballots of 10,000 electors)");
    }

    #[test]
    fn a_ward_without_figures_stops_the_sum_and_no_figures_at_all_says_so() {
        let t = BoroughTurnout::of(&election(vec![ward(Some(4000), Some(1000)), ward(Some(6000), None)]));
        assert_eq!(t, BoroughTurnout::NotComputed { wards_with_figures: 1, contested_wards: 2 });
        assert!(t.label().contains("1 of 2 contested wards"));
        assert_eq!(BoroughTurnout::of(&election(vec![ward(None, None)])), BoroughTurnout::NotInSource);
    }

    #[test]
    fn a_wards_figures_read_as_the_source_gives_them() {
        let mut contest = ward(Some(8000), Some(3296));
        assert_eq!(ward_figures(&contest).as_deref(), Some("Turnout not given: 3,296 ballots of 8,000 electors"));
        contest.turnout = Some(0.412);
        contest.rejected = Some(12);
        assert_eq!(
            ward_figures(&contest).as_deref(),
            Some("Turnout 41.2%: 3,296 ballots of 8,000 electors, 12 rejected")
        );
        assert_eq!(ward_figures(&ward(None, None)), None);
    }
}
