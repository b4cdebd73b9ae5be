//! A borough across elections, and boroughs against each other: seats, control, shares (by
//! the method in use) and turnout for every election, the seat change between any two, and the
//! Butler swing between two parties at borough level.
//!
//! All of it is borough-wide, so it holds across boundary changes: Redbridge's 2014 and 2018
//! councils were elected on different wards, but 35 Labour seats before and 51 after is a
//! fact about the council. Ward-by-ward measures across ward sets are another matter (part 9).

use super::borough::borough_shares;
use super::change::butler_swing;
use super::control::{Control, seat_change};
use super::share::{PartyVote, ShareMethod};
use super::totals::seat_totals;
use super::turnout::BoroughTurnout;
use crate::model::{Dataset, ElectionId, Party};

/// One borough at one election.
#[derive(Clone, Debug, PartialEq)]
pub struct BoroughYear {
    pub id: ElectionId,
    pub borough: String,
    pub year: i32,
    /// Seats by party, most first.
    pub seats: Vec<(Party, u32)>,
    pub total_seats: u32,
    pub control: Control,
    /// Borough shares by the method, most first.
    pub shares: Vec<PartyVote>,
    pub turnout: BoroughTurnout,
}

impl BoroughYear {
    /// The borough at election `id`.
    #[must_use]
    pub fn of(data: &Dataset, id: ElectionId, method: ShareMethod) -> Option<BoroughYear> {
        let election = &data.election(id)?.election;
        let seats = seat_totals(election);
        let total_seats = seats.iter().map(|(_, n)| n).sum();
        Some(BoroughYear {
            id,
            borough: election.borough.clone(),
            year: election.year,
            control: Control::of(&seats, total_seats),
            seats,
            total_seats,
            shares: borough_shares(election, method),
            turnout: BoroughTurnout::of(election),
        })
    }

    /// Seats of `party` (0 when none).
    #[must_use]
    pub fn seats_of(&self, party: &Party) -> u32 {
        self.seats.iter().find(|(p, _)| p == party).map_or(0, |(_, n)| *n)
    }

    /// Share of `party` in percent (0 when it did not stand; `None` when no votes were cast).
    #[must_use]
    pub fn share_of(&self, party: &Party) -> Option<f64> {
        if self.shares.is_empty() {
            return None;
        }
        Some(self.shares.iter().find(|s| s.party == *party).map_or(0.0, |s| s.share))
    }
}

/// Every election of `borough`, earliest first.
#[must_use]
pub fn history(data: &Dataset, borough: &str, method: ShareMethod) -> Vec<BoroughYear> {
    data.elections_of(borough).into_iter().filter_map(|id| BoroughYear::of(data, id, method)).collect()
}

/// The parties that won a seat in any of `years`, most seats over all first (then by name):
/// the columns and lines of a history.
#[must_use]
pub fn seat_winners(years: &[BoroughYear]) -> Vec<Party> {
    let mut totals: Vec<(Party, u32)> = Vec::new();
    for (party, n) in years.iter().flat_map(|y| y.seats.iter()) {
        match totals.iter_mut().find(|(p, _)| p == party) {
            Some((_, total)) => *total += n,
            None => totals.push((party.clone(), *n)),
        }
    }
    totals.sort_by(|(pa, a), (pb, b)| b.cmp(a).then_with(|| pa.cmp(pb)));
    totals.into_iter().map(|(p, _)| p).collect()
}

/// One borough between two of its elections.
#[derive(Clone, Debug, PartialEq)]
pub struct BoroughChangeBetween {
    pub from: BoroughYear,
    pub to: BoroughYear,
    /// Seats gained (+) and lost (−) by party, gains first.
    pub seat_change: Vec<(Party, i64)>,
    /// Butler swing from B to A in points (positive: towards A), from the borough shares by
    /// the method; `None` when either election had no votes.
    pub swing: Option<f64>,
}

/// Why a borough cannot be compared between two years.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum BetweenError {
    #[error("{borough} has no {year} election loaded")]
    NotLoaded { borough: String, year: i32 },
    #[error("{from} is not before {to}")]
    NotEarlier { from: i32, to: i32 },
}

/// `borough` from `from` to `to`, with the swing between `a` and `b`.
///
/// # Errors
/// Either election is not loaded, or `from` is not before `to`.
pub fn between(
    data: &Dataset,
    borough: &str,
    (from, to): (i32, i32),
    method: ShareMethod,
    (a, b): (&Party, &Party),
) -> Result<BoroughChangeBetween, BetweenError> {
    if from >= to {
        return Err(BetweenError::NotEarlier { from, to });
    }
    let year = |year: i32| {
        data.election_of(borough, year)
            .and_then(|id| BoroughYear::of(data, id, method))
            .ok_or_else(|| BetweenError::NotLoaded { borough: borough.to_owned(), year })
    };
    let (before, after) = (year(from)?, year(to)?);
    let swing = match (before.share_of(a), after.share_of(a), before.share_of(b), after.share_of(b)) {
        (Some(a1), Some(a2), Some(b1), Some(b2)) => Some(butler_swing(a1, a2, b1, b2)),
        _ => None,
    };
    Ok(BoroughChangeBetween { seat_change: seat_change(&before.seats, &after.seats), from: before, to: after, swing })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::test_support::contest_with_seats;
    use crate::model::{Election, WardSet};

    fn election(borough: &str, year: i32, wards: &[&[(&str, u64)]]) -> Election {
        Election {
            borough: borough.into(),
            year,
            contests: wards.iter().map(|w| contest_with_seats(w, 1)).collect(),
            source: "t".into(),
            turnout_definition: None,
        }
    }

    fn data() -> Dataset {
        let empty = WardSet { name: "w".into(), first_year: None, source: "t".into(), borough: None, wards: vec![] };
        Dataset::new(
            vec![empty],
            vec![
                // 2014: Con 2 seats (60+55 of 100+100 top votes), Lab 1.
                election(
                    "B",
                    2014,
                    &[&[("Con", 60), ("Lab", 40)], &[("Con", 55), ("Lab", 45)], &[("Lab", 70), ("Con", 30)]],
                ),
                // 2018, on other wards: Lab 3.
                election(
                    "B",
                    2018,
                    &[&[("Lab", 60), ("Con", 40)], &[("Lab", 55), ("Con", 45)], &[("Lab", 80), ("Con", 20)]],
                ),
            ],
        )
    }

    #[test]
    fn a_borough_history_counts_seats_control_and_shares_every_year() {
        let years = history(&data(), "B", ShareMethod::TopVote);
        assert_eq!(years.iter().map(|y| y.year).collect::<Vec<_>>(), vec![2014, 2018]);
        let (con, lab) = (Party::from_source("Con"), Party::from_source("Lab"));
        assert_eq!((years[0].seats_of(&con), years[0].seats_of(&lab)), (2, 1));
        assert_eq!(years[0].control, Control::Majority(con.clone()));
        assert_eq!(years[1].control, Control::Majority(lab.clone()));
        assert_eq!(years[0].share_of(&con), Some(145.0 / 300.0 * 100.0));
        assert_eq!(seat_winners(&years), vec![lab, con]);
    }

    #[test]
    fn seat_change_and_swing_hold_across_ward_sets() {
        let (con, lab) = (Party::from_source("Con"), Party::from_source("Lab"));
        let change = between(&data(), "B", (2014, 2018), ShareMethod::TopVote, (&con, &lab)).expect("both loaded");
        assert_eq!(crate::analysis::control::seat_change_label(&change.seat_change), "Lab +2, Con −2");
        // Con 48.33 → 35.0, Lab 51.67 → 65.0: swing to Con = ((35 − 48.33) + (51.67 − 65)) / 2 = −13.33.
        let swing = change.swing.expect("votes both years");
        assert!((swing - (-40.0 / 3.0)).abs() < 1e-9, "{swing}");
        assert_eq!(
            between(&data(), "B", (2014, 2022), ShareMethod::TopVote, (&con, &lab)),
            Err(BetweenError::NotLoaded { borough: "B".into(), year: 2022 })
        );
        assert!(matches!(
            between(&data(), "B", (2018, 2014), ShareMethod::TopVote, (&con, &lab)),
            Err(BetweenError::NotEarlier { .. })
        ));
    }
}
