//! Borough-wide totals.

use super::outcome::ContestOutcome;
use crate::model::{Election, Party};

/// Seats per party across the election, most first (then by name).
pub fn seat_totals(election: &Election) -> Vec<(Party, u32)> {
    let mut totals: Vec<(Party, u32)> = Vec::new();
    for contest in &election.contests {
        for (party, seats) in ContestOutcome::of(contest).seats {
            match totals.iter_mut().find(|(p, _)| *p == party) {
                Some((_, n)) => *n += seats,
                None => totals.push((party, seats)),
            }
        }
    }
    totals.sort_by(|(pa, a), (pb, b)| b.cmp(a).then_with(|| pa.cmp(pb)));
    totals
}

/// "Con 38 · Lab 25".
pub fn seat_totals_label(totals: &[(Party, u32)]) -> String {
    totals.iter().map(|(p, n)| format!("{} {n}", p.short)).collect::<Vec<_>>().join(" · ")
}
