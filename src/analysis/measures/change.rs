//! A party's change in share since the baseline election, in points, on a diverging scale.

use super::{ColourSpec, Colouring, Context, Measure, Picker, Unavailable, WardValue, paint};
use crate::analysis::borough::BoroughChange;
use crate::analysis::change::{points_label, share_change};
use crate::analysis::scales::{self, Scale};

/// Change and swing bins either side of 0, in points.
pub const CHANGE_STEPS: [f64; 4] = [2.0, 5.0, 10.0, 20.0];

/// The change-in-share map.
pub struct Change;

impl Measure for Change {
    fn label(&self) -> &'static str {
        "Change in share"
    }

    fn pickers(&self) -> &'static [Picker] {
        &[Picker::Party, Picker::Baseline, Picker::ShareMethod]
    }

    fn availability(&self, on: &Context<'_>) -> Result<(), Unavailable> {
        on.pair()?;
        Ok(())
    }

    fn ward_values(&self, on: &Context<'_>) -> Result<Vec<Option<WardValue>>, Unavailable> {
        let pair = on.pair()?;
        let (party, method) = (on.party(), on.spec.method);
        Ok(on.each_ward_pair(pair, |a, b| {
            let c = share_change(a, b, &party, method)?;
            let text = format!(
                "{} {:.1}% → {:.1}% ({}, {})",
                party.name,
                c.from,
                c.to,
                points_label(c.points),
                method.label()
            );
            WardValue::some(Some(c.points), text)
        }))
    }

    /// The party's change in borough share.
    fn borough_value(&self, on: &Context<'_>) -> Option<WardValue> {
        let change = BoroughChange::of(on.data, on.pair().ok()?, on.spec.method).ok()?;
        let party = on.party();
        let s = change.shares.iter().find(|s| s.party == party).map(|s| s.change)?;
        let text = format!("{} {:.1}% → {:.1}% ({})", party.name, s.from, s.to, points_label(s.points));
        Some(WardValue { number: Some(s.points), text })
    }

    fn unit(&self, _on: &Context<'_>) -> String {
        "pts".into()
    }

    fn column_title(&self, on: &Context<'_>) -> String {
        format!("{} change {}, pts", on.party().short, on.years())
    }

    fn cell_text(&self, _spec: &ColourSpec, value: &WardValue) -> String {
        value.number.map_or_else(|| value.text.clone(), points_label)
    }

    fn colour(&self, on: &Context<'_>) -> Result<Colouring, Unavailable> {
        let party = on.party();
        let values = self.ward_values(on)?;
        let (_, title) = on.comparison_title(&format!("change in {} share", party.name))?;
        let (up, down) = scales::change_colours(&party, on.spec.colour_blind);
        let scale = Scale::diverging(CHANGE_STEPS.to_vec(), up, down, "up", "down", " pts");
        let note = format!("Percentage points, shares by the {}{}", on.spec.method.label(), on.colour_blind_note());
        Ok(paint(values, &scale, title, note))
    }
}
