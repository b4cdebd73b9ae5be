//! Who controls a council: a party with more than half the seats, or no overall control; and
//! one line per borough for London-wide tables (seats, control, turnout, seat change).

use super::totals::seat_totals;
use super::turnout::BoroughTurnout;
use crate::model::{Dataset, ElectionId, Party};
use serde::Serialize;

/// A council's control after an election.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Control {
    /// This party holds more than half the seats.
    Majority(Party),
    /// No party does (a tie of the largest parties included).
    NoOverallControl,
    /// No seats were filled.
    NoResult,
}

impl Control {
    /// The control that `seats` (by party) give over `total` seats.
    #[must_use]
    pub fn of(seats: &[(Party, u32)], total: u32) -> Control {
        if total == 0 {
            return Control::NoResult;
        }
        match seats.iter().max_by_key(|(_, n)| *n) {
            Some((party, n)) if 2 * n > total => Control::Majority(party.clone()),
            _ => Control::NoOverallControl,
        }
    }

    /// "Labour", "No overall control".
    #[must_use]
    pub fn label(&self) -> String {
        match self {
            Control::Majority(party) => party.name.clone(),
            Control::NoOverallControl => "No overall control".to_owned(),
            Control::NoResult => "No result".to_owned(),
        }
    }

    /// "Lab", "NOC".
    #[must_use]
    pub fn short(&self) -> String {
        match self {
            Control::Majority(party) => party.short.clone(),
            Control::NoOverallControl => "NOC".to_owned(),
            Control::NoResult => "–".to_owned(),
        }
    }
}

impl Serialize for Control {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.label())
    }
}

/// One borough at one election, for tables of many boroughs.
#[derive(Clone, Debug, Serialize)]
pub struct BoroughLine {
    pub borough: String,
    pub year: i32,
    /// Seats filled (a seat the source left empty is not counted).
    pub seats: u32,
    /// Seats by party, most first.
    pub seats_by_party: Vec<(Party, u32)>,
    pub control: Control,
    pub turnout: BoroughTurnout,
    /// Seats by party gained (+) or lost (−) since `from`, every party of either election,
    /// largest change first; `None` when that borough has no election of that year.
    pub change: Option<Vec<(Party, i64)>>,
    pub from: Option<i32>,
}

impl BoroughLine {
    /// The line of election `id`, with the seat change since the same borough's election of
    /// `from` (which may be on other wards: seat totals need no ward to match).
    #[must_use]
    pub fn of(data: &Dataset, id: ElectionId, from: Option<i32>) -> Option<BoroughLine> {
        let election = &data.election(id)?.election;
        let seats_by_party = seat_totals(election);
        let seats = seats_by_party.iter().map(|(_, n)| n).sum();
        let change = from.and_then(|year| {
            let before = seat_totals(&data.election(data.election_of(&election.borough, year)?)?.election);
            Some(seat_change(&before, &seats_by_party))
        });
        Some(BoroughLine {
            borough: election.borough.clone(),
            year: election.year,
            seats,
            control: Control::of(&seats_by_party, seats),
            seats_by_party,
            turnout: BoroughTurnout::of(election),
            change,
            from,
        })
    }

    /// The seats of `party` (0 when it won none).
    #[must_use]
    pub fn seats_of(&self, party: &Party) -> u32 {
        self.seats_by_party.iter().find(|(p, _)| p == party).map_or(0, |(_, n)| *n)
    }
}

/// Seats after minus seats before, for every party in either; biggest gain first, then by
/// name, parties with no change left out.
#[must_use]
pub fn seat_change(before: &[(Party, u32)], after: &[(Party, u32)]) -> Vec<(Party, i64)> {
    let mut parties: Vec<&Party> = before.iter().chain(after).map(|(p, _)| p).collect();
    parties.sort();
    parties.dedup();
    let seats = |list: &[(Party, u32)], party: &Party| list.iter().find(|(p, _)| p == party).map_or(0, |(_, n)| *n);
    let mut change: Vec<(Party, i64)> = parties
        .into_iter()
        .map(|p| (p.clone(), i64::from(seats(after, p)) - i64::from(seats(before, p))))
        .filter(|(_, d)| *d != 0)
        .collect();
    change.sort_by(|(pa, a), (pb, b)| b.cmp(a).then_with(|| pa.cmp(pb)));
    change
}

/// "Lab +16, Con −13".
#[must_use]
pub fn seat_change_label(change: &[(Party, i64)]) -> String {
    if change.is_empty() {
        return "no change".to_owned();
    }
    change
        .iter()
        .map(|(p, d)| if *d > 0 { format!("{} +{d}", p.short) } else { format!("{} −{}", p.short, d.abs()) })
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::test_support::seats_by_party;

    #[test]
    fn more_than_half_is_control_and_a_tie_is_not() {
        let lab = Party::from_source("Labour");
        assert_eq!(Control::of(&seats_by_party(&[("Labour", 41), ("Conservative", 22)]), 63), Control::Majority(lab));
        let tie = seats_by_party(&[("Conservative", 31), ("Labour", 31), ("Green", 1)]);
        assert_eq!(Control::of(&tie, 63), Control::NoOverallControl);
        assert_eq!(Control::of(&seats_by_party(&[("Labour", 2), ("Green", 2)]), 4), Control::NoOverallControl);
        assert_eq!(Control::of(&[], 0), Control::NoResult);
        assert_eq!(Control::NoOverallControl.short(), "NOC");
    }

    #[test]
    fn seat_change_lists_gains_first_and_drops_parties_that_held_level() {
        let before = seats_by_party(&[("Labour", 35), ("Conservative", 25), ("Liberal Democrats", 3)]);
        let after = seats_by_party(&[("Labour", 51), ("Conservative", 12)]);
        let change = seat_change(&before, &after);
        assert_eq!(seat_change_label(&change), "Lab +16, LD −3, Con −13");
        assert_eq!(seat_change_label(&seat_change(&after, &after)), "no change");
    }
}
