//! The multi-member majority of each ward, as a share of the top-vote total; the smallest
//! majorities are the darkest, so marginal wards stand out.

use super::share::percent_cell;
use super::{ColourSpec, Colouring, Context, Measure, Unavailable, WardValue, paint};
use crate::analysis::marginality::{self, MAJORITY_DENOMINATOR};
use crate::analysis::scales::{self, Scale};

/// Majority bins, in % of the top-vote total.
pub const MAJORITY_BREAKS: [f64; 4] = [1.0, 5.0, 10.0, 20.0];

/// The majority map.
pub struct Majority;

impl Measure for Majority {
    fn label(&self) -> &'static str {
        "Majority / marginality"
    }

    fn ward_values(&self, on: &Context<'_>) -> Result<Vec<Option<WardValue>>, Unavailable> {
        Ok(on.each_ward(|c| match marginality::Majority::of(c) {
            Some(m) => WardValue::some(m.percent, format!("Majority {}", m.label())),
            None => WardValue::some(None, "Uncontested: no majority".into()),
        }))
    }

    fn unit(&self, _on: &Context<'_>) -> String {
        "%".into()
    }

    fn column_title(&self, _on: &Context<'_>) -> String {
        "Majority".into()
    }

    fn own_column(&self) -> bool {
        false
    }

    fn cell_text(&self, _spec: &ColourSpec, value: &WardValue) -> String {
        percent_cell(value)
    }

    fn colour(&self, on: &Context<'_>) -> Result<Colouring, Unavailable> {
        let values = self.ward_values(on)?;
        let colours = scales::majority_colours(MAJORITY_BREAKS.len() + 1, on.spec.colour_blind);
        let scale = Scale::ascending(MAJORITY_BREAKS.to_vec(), &colours, "%");
        let note = format!(
            "Last elected minus best loser, as {MAJORITY_DENOMINATOR}; smallest majorities darkest{}",
            on.colour_blind_note()
        );
        Ok(paint(values, &scale, on.title("majority"), note))
    }
}
