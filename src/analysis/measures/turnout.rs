//! Turnout in each ward, where the source gives it (the London tables of 2006, 2018, 2022 and
//! 2026; no source has 2014's, and a user's file may have none), greyed out with the reason
//! where it does not; the reason and the figures come from [`crate::analysis::marginality`].

use super::share::percent_cell;
use super::{ColourSpec, Colouring, Context, Measure, Unavailable, WardValue, numbers, paint};
use crate::analysis::marginality::{turnout_availability, turnout_percent};
use crate::analysis::scales::{self, Scale};

/// The turnout map.
pub struct Turnout;

impl Measure for Turnout {
    fn label(&self) -> &'static str {
        "Turnout"
    }

    fn availability(&self, on: &Context<'_>) -> Result<(), Unavailable> {
        Ok(turnout_availability(&on.election()?.election)?)
    }

    fn ward_values(&self, on: &Context<'_>) -> Result<Vec<Option<WardValue>>, Unavailable> {
        self.availability(on)?;
        Ok(on.each_ward(|c| {
            let t = turnout_percent(c);
            WardValue::some(t, t.map_or_else(|| "No turnout figure".into(), |t| format!("Turnout {t:.1}%")))
        }))
    }

    fn unit(&self, _on: &Context<'_>) -> String {
        "%".into()
    }

    fn column_title(&self, _on: &Context<'_>) -> String {
        "Turnout, %".into()
    }

    fn cell_text(&self, _spec: &ColourSpec, value: &WardValue) -> String {
        percent_cell(value)
    }

    fn colour(&self, on: &Context<'_>) -> Result<Colouring, Unavailable> {
        let values = self.ward_values(on)?;
        let colours = scales::turnout_colours(5, on.spec.colour_blind);
        let scale = Scale::ascending(scales::nice_breaks(&numbers(&values), 5), &colours, "%");
        let note = format!("Turnout as the source gives it, % of the electorate{}", on.colour_blind_note());
        Ok(paint(values, &scale, on.title("turnout"), note))
    }
}
