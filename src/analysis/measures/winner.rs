//! The winning party of each ward; split wards striped in their parties' colours.

use super::{Colouring, Context, Legend, LegendBuilder, Measure, Unavailable, WardValue};
use crate::analysis::outcome::{ContestOutcome, Winner as Won};
use crate::analysis::scales::party_map_colour;
use crate::analysis::totals::{seat_totals, seat_totals_label};
use crate::model::palette::FillStyle;

/// The winner map, the one mode that can show a ward set with no results.
pub struct Winner;

impl Measure for Winner {
    fn label(&self) -> &'static str {
        "Winning party"
    }

    fn plottable(&self) -> bool {
        false
    }

    fn without_results(&self) -> bool {
        true
    }

    fn ward_values(&self, on: &Context<'_>) -> Result<Vec<Option<WardValue>>, Unavailable> {
        Ok(on.each_ward(|c| WardValue::some(None, ContestOutcome::of(c).winner_label())))
    }

    /// The borough's seats: "Con 38 · Lab 25 · LD 0".
    fn borough_value(&self, on: &Context<'_>) -> Option<WardValue> {
        let joined = on.election().ok()?;
        Some(WardValue { number: None, text: seat_totals_label(&seat_totals(&joined.election)) })
    }

    fn column_title(&self, _on: &Context<'_>) -> String {
        "Winner".into()
    }

    fn own_column(&self) -> bool {
        false
    }

    fn colour(&self, on: &Context<'_>) -> Result<Colouring, Unavailable> {
        let joined = on.election()?;
        let colour_blind = on.spec.colour_blind;
        let wards = on.ward_count();
        let mut fills = vec![FillStyle::NoData; wards];
        let mut values = vec![None; wards];
        // Single-party winners are always listed; the splits (group 1) fold after a few.
        let mut legend = LegendBuilder::folding(1);
        for (ward, contest) in joined.join.contest_of_ward.iter().enumerate().take(wards) {
            let Some(contest) = contest.and_then(|c| joined.election.contests.get(c)) else {
                continue;
            };
            let outcome = ContestOutcome::of(contest);
            let fill = winner_fill_with(&outcome, colour_blind);
            let (label, group) = match &outcome.winner {
                Won::Party { party } => (party.clone(), 0),
                Won::Split { .. } => (format!("Split: {}", outcome.seats_label()), 1),
                Won::None => ("No candidates".into(), 2),
            };
            values[ward] = Some(outcome.winner_label());
            legend.add(&fill, &label, (group, 0));
            fills[ward] = fill;
        }
        let note = colour_blind.then(|| "Colour-blind-safe party colours (Okabe-Ito)".to_owned());
        Ok(Colouring {
            legend: Legend {
                counts: crate::analysis::measures::Counted::Wards,
                title: format!("{}: winning party", joined.election.title()),
                note,
                items: legend.finish(&fills),
            },
            fills,
            values,
            unavailable: None,
        })
    }
}

/// The fill for a contest outcome: the party colour, or stripes for a split ward.
pub fn winner_fill(outcome: &ContestOutcome) -> FillStyle {
    winner_fill_with(outcome, false)
}

/// As [`winner_fill`], in colour-blind-safe party colours when asked.
pub fn winner_fill_with(outcome: &ContestOutcome, colour_blind: bool) -> FillStyle {
    match (&outcome.winner, outcome.seats.as_slice()) {
        (Won::Party { .. }, [(party, _)]) => FillStyle::Solid(party_map_colour(party, colour_blind)),
        (Won::Split { .. }, seats) => {
            FillStyle::Stripes(seats.iter().map(|(p, n)| (party_map_colour(p, colour_blind), *n)).collect())
        }
        _ => FillStyle::NoData,
    }
}
