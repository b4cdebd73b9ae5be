//! Seats that changed hands between two elections on the same ward set.
//!
//! Councillors are not paired across elections, so a ward's seats are compared by party: each
//! party keeps (holds) as many seats as it had in both, and the seats one party lost are matched
//! to the seats another gained. In a 3-seat ward going 3 Lab → 3 Con that is three Con gains
//! from Lab. When several parties lose and several gain in one ward, losses are matched to gains
//! in a fixed order (most seats first, then by name): the pairing is a convention, the net change
//! by party is not.

use super::change::ElectionPair;
use super::outcome::ContestOutcome;
use crate::model::{Dataset, Party};
use serde::Serialize;

/// Seats one party gained from another in one ward.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct SeatGain {
    pub gainer: Party,
    /// `None` for a seat that did not exist before (the ward elects more councillors).
    pub loser: Option<Party>,
    pub seats: u32,
}

impl SeatGain {
    /// "Con gain from Lab", "3 Con gains from Lab", "Con gain (new seat)".
    pub fn label(&self) -> String {
        let from = self.loser.as_ref().map_or_else(|| " (new seat)".to_owned(), |p| format!(" from {}", p.short));
        if self.seats == 1 {
            format!("{} gain{from}", self.gainer.short)
        } else {
            format!("{} {} gains{from}", self.seats, self.gainer.short)
        }
    }

    /// "Con gain from Lab", whatever the number of seats: the legend's wording.
    pub fn kind_label(&self) -> String {
        SeatGain { seats: 1, ..self.clone() }.label()
    }
}

/// How one ward's seats moved between two elections.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct WardSeatChange {
    pub seats_from: Vec<(Party, u32)>,
    pub seats_to: Vec<(Party, u32)>,
    /// Seats each party held in both elections, most first.
    pub holds: Vec<(Party, u32)>,
    pub gains: Vec<SeatGain>,
    /// Seats a party lost with no gainer (the ward elects fewer councillors).
    pub abolished: Vec<(Party, u32)>,
}

fn seats_of(seats: &[(Party, u32)], party: &Party) -> u32 {
    seats.iter().find(|(p, _)| p == party).map_or(0, |(_, n)| *n)
}

/// Most seats first, then by party name.
fn sort_seats(seats: &mut [(Party, u32)]) {
    seats.sort_by(|(pa, a), (pb, b)| b.cmp(a).then_with(|| pa.cmp(pb)));
}

impl WardSeatChange {
    /// Compare seats by party (`ContestOutcome::seats` of each election).
    pub fn of(seats_from: &[(Party, u32)], seats_to: &[(Party, u32)]) -> WardSeatChange {
        let mut parties: Vec<&Party> = seats_from.iter().chain(seats_to).map(|(p, _)| p).collect();
        parties.sort();
        parties.dedup();
        let (mut holds, mut won, mut lost) = (Vec::new(), Vec::new(), Vec::new());
        for party in parties {
            let (before, after) = (seats_of(seats_from, party), seats_of(seats_to, party));
            let held = before.min(after);
            for (list, n) in [(&mut holds, held), (&mut won, after - held), (&mut lost, before - held)] {
                if n > 0 {
                    list.push((party.clone(), n));
                }
            }
        }
        for list in [&mut holds, &mut won, &mut lost] {
            sort_seats(list);
        }
        let mut gains: Vec<SeatGain> = Vec::new();
        let mut losers = lost.into_iter();
        let mut current: Option<(Party, u32)> = losers.next();
        for (gainer, mut n) in won {
            while n > 0 {
                let Some((loser, left)) = current.as_mut() else {
                    gains.push(SeatGain { gainer: gainer.clone(), loser: None, seats: n });
                    break;
                };
                let take = n.min(*left);
                gains.push(SeatGain { gainer: gainer.clone(), loser: Some(loser.clone()), seats: take });
                n -= take;
                *left -= take;
                if *left == 0 {
                    current = losers.next();
                }
            }
        }
        let abolished = current.into_iter().chain(losers).filter(|(_, n)| *n > 0).collect();
        let mut seats_from = seats_from.to_vec();
        let mut seats_to = seats_to.to_vec();
        sort_seats(&mut seats_from);
        sort_seats(&mut seats_to);
        WardSeatChange { seats_from, seats_to, holds, gains, abolished }
    }

    /// Seats that changed hands.
    pub fn gained_seats(&self) -> u32 {
        self.gains.iter().map(|g| g.seats).sum()
    }

    /// No seat changed hands.
    pub fn is_hold(&self) -> bool {
        self.gains.is_empty() && self.abolished.is_empty()
    }

    /// Whether only some of the ward's seats changed hands (the rest were held).
    pub fn is_partial(&self) -> bool {
        !self.gains.is_empty() && !self.holds.is_empty()
    }

    /// "Con hold", "Holds: 2 Con, 1 Lab", "3 of 3 seats: 3 Con gains from Lab",
    /// "1 of 3 seats: Con gain from Lab; 2 Lab held": how many of the ward's seats changed
    /// hands always comes first, so a one-seat gain never reads like a whole ward's.
    pub fn label(&self) -> String {
        let held = self.holds.iter().map(|(p, n)| format!("{n} {}", p.short)).collect::<Vec<_>>().join(", ");
        if self.is_hold() {
            return match self.holds.as_slice() {
                [] => "No seats".into(),
                [(party, _)] => format!("{} hold", party.short),
                _ => format!("Holds: {held}"),
            };
        }
        let mut parts: Vec<String> = self.gains.iter().map(SeatGain::label).collect();
        parts.extend(self.abolished.iter().map(|(p, n)| format!("{n} {} seat(s) abolished", p.short)));
        if !self.holds.is_empty() {
            parts.push(format!("{held} held"));
        }
        let seats: u32 = self.seats_to.iter().map(|(_, n)| n).sum();
        if self.gains.is_empty() {
            return parts.join("; ");
        }
        format!("{} of {seats} seats: {}", self.gained_seats(), parts.join("; "))
    }
}

/// One party's seats across the borough in both elections.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct PartySeatChange {
    pub party: Party,
    pub seats_from: u32,
    pub seats_to: u32,
    /// Seats gained from other parties (or new seats).
    pub gained: u32,
    /// Seats lost to other parties (or abolished).
    pub lost: u32,
    /// `seats_to − seats_from`.
    pub net: i64,
}

/// Gains and holds in every ward of a pair of elections, and the borough's net change.
#[derive(Clone, Debug, PartialEq)]
pub struct GainsReport {
    pub pair: ElectionPair,
    /// Per ward of the set; `None` where either election has no result.
    pub wards: Vec<Option<WardSeatChange>>,
    /// By party, most seats first; from wards with results in both elections.
    pub net: Vec<PartySeatChange>,
}

impl GainsReport {
    /// Compare every ward of the pair.
    pub fn of(data: &Dataset, pair: ElectionPair) -> GainsReport {
        let wards: Vec<Option<WardSeatChange>> = pair
            .contests(data)
            .into_iter()
            .map(|both| {
                both.map(|(a, b)| WardSeatChange::of(&ContestOutcome::of(a).seats, &ContestOutcome::of(b).seats))
            })
            .collect();
        let mut net: Vec<PartySeatChange> = Vec::new();
        for change in wards.iter().flatten() {
            for (party, n) in &change.seats_from {
                entry(&mut net, party).seats_from += n;
            }
            for (party, n) in &change.seats_to {
                entry(&mut net, party).seats_to += n;
            }
            for gain in &change.gains {
                entry(&mut net, &gain.gainer).gained += gain.seats;
                if let Some(loser) = &gain.loser {
                    entry(&mut net, loser).lost += gain.seats;
                }
            }
            for (party, n) in &change.abolished {
                entry(&mut net, party).lost += n;
            }
        }
        for n in &mut net {
            n.net = i64::from(n.seats_to) - i64::from(n.seats_from);
        }
        net.sort_by(|a, b| {
            (b.seats_from.max(b.seats_to)).cmp(&a.seats_from.max(a.seats_to)).then_with(|| a.party.cmp(&b.party))
        });
        GainsReport { pair, wards, net }
    }

    /// Net change of one party (0 when it held no seat in either).
    pub fn net_of(&self, party: &Party) -> i64 {
        self.net.iter().find(|n| n.party == *party).map_or(0, |n| n.net)
    }

    /// "Con +6 · Lab −5 · LD −1" (parties with no net change left out; "No net change").
    pub fn net_label(&self) -> String {
        let parts: Vec<String> =
            self.net.iter().filter(|n| n.net != 0).map(|n| format!("{} {}", n.party.short, signed(n.net))).collect();
        if parts.is_empty() { "No net change".into() } else { parts.join(" · ") }
    }
}

/// The party's row of the net change, added when missing.
fn entry<'a>(net: &'a mut Vec<PartySeatChange>, party: &Party) -> &'a mut PartySeatChange {
    let index = if let Some(i) = net.iter().position(|n| n.party == *party) {
        i
    } else {
        net.push(PartySeatChange { party: party.clone(), seats_from: 0, seats_to: 0, gained: 0, lost: 0, net: 0 });
        net.len() - 1
    };
    &mut net[index]
}

/// "+6", "−5", "0" with a true minus sign.
pub fn signed(n: i64) -> String {
    match n {
        0 => "0".into(),
        n if n > 0 => format!("+{n}"),
        n => format!("−{}", n.unsigned_abs()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::test_support::seats_by_party as seats;

    #[test]
    fn three_labour_seats_going_conservative_are_three_conservative_gains_from_labour() {
        let change = WardSeatChange::of(&seats(&[("Lab", 3)]), &seats(&[("Con", 3)]));
        assert_eq!(change.gains.len(), 1);
        assert_eq!(change.gains[0].seats, 3);
        assert_eq!(change.label(), "3 of 3 seats: 3 Con gains from Lab");
        assert_eq!(change.gains[0].kind_label(), "Con gain from Lab");
        assert!(change.holds.is_empty());
    }

    #[test]
    fn a_split_ward_that_moves_one_seat_is_one_gain_and_two_holds() {
        // Brunswick Park 2014 → 2018: 2 Lab 1 Con → 2 Con 1 Lab.
        let change = WardSeatChange::of(&seats(&[("Lab", 2), ("Con", 1)]), &seats(&[("Con", 2), ("Lab", 1)]));
        assert_eq!(change.gained_seats(), 1);
        assert_eq!(change.label(), "1 of 3 seats: Con gain from Lab; 1 Con, 1 Lab held");
        assert_eq!(change.holds, seats(&[("Con", 1), ("Lab", 1)]));
    }

    #[test]
    fn an_unchanged_ward_is_a_hold() {
        let change = WardSeatChange::of(&seats(&[("Con", 3)]), &seats(&[("Con", 3)]));
        assert!(change.is_hold());
        assert_eq!(change.label(), "Con hold");
        let split = WardSeatChange::of(&seats(&[("Con", 2), ("LD", 1)]), &seats(&[("LD", 1), ("Con", 2)]));
        assert_eq!(split.label(), "Holds: 2 Con, 1 LD");
    }

    #[test]
    fn losses_are_matched_to_gains_in_a_fixed_order() {
        // 2 Lab 1 LD → 1 Con 1 Grn 1 Lab: Lab loses 1, LD loses 1; Con and Grn gain 1 each.
        let change =
            WardSeatChange::of(&seats(&[("Lab", 2), ("LD", 1)]), &seats(&[("Con", 1), ("Grn", 1), ("Lab", 1)]));
        let labels: Vec<String> = change.gains.iter().map(SeatGain::label).collect();
        assert_eq!(labels, ["Con gain from Lab", "Grn gain from LD"]);
    }

    #[test]
    fn an_extra_seat_is_a_gain_with_no_loser_and_a_lost_seat_is_abolished() {
        let more = WardSeatChange::of(&seats(&[("Lab", 2)]), &seats(&[("Lab", 2), ("Con", 1)]));
        assert_eq!(more.label(), "1 of 3 seats: Con gain (new seat); 2 Lab held");
        let fewer = WardSeatChange::of(&seats(&[("Lab", 2), ("Con", 1)]), &seats(&[("Lab", 2)]));
        assert_eq!(fewer.abolished, seats(&[("Con", 1)]));
    }

    #[test]
    fn signed_numbers_use_a_true_minus() {
        assert_eq!(signed(6), "+6");
        assert_eq!(signed(-5), "−5");
        assert_eq!(signed(0), "0");
    }
}
