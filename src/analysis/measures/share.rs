//! A party's share of the vote in each ward, on a sequential scale in the party's hue.

use super::{ColourSpec, Colouring, Context, Measure, Picker, Unavailable, WardValue, numbers, paint};
use crate::analysis::borough::borough_shares;
use crate::analysis::scales::{self, Scale};
use crate::analysis::share::share_of;

/// The share map.
pub struct Share;

impl Measure for Share {
    fn label(&self) -> &'static str {
        "Party share"
    }

    fn pickers(&self) -> &'static [Picker] {
        &[Picker::Party, Picker::ShareMethod]
    }

    fn ward_values(&self, on: &Context<'_>) -> Result<Vec<Option<WardValue>>, Unavailable> {
        let (party, method) = (on.party(), on.spec.method);
        Ok(on.each_ward(|c| {
            let share = share_of(c, &party, method)?;
            let stood = c.candidates.iter().any(|x| x.party == party);
            let text = if stood {
                format!("{} {share:.1}% ({})", party.name, method.label())
            } else {
                format!("{} did not stand (0%)", party.name)
            };
            WardValue::some(Some(share), text)
        }))
    }

    /// The party's borough share (0 where it stood nowhere).
    fn borough_value(&self, on: &Context<'_>) -> Option<WardValue> {
        let joined = on.election().ok()?;
        let (party, method) = (on.party(), on.spec.method);
        let share =
            borough_shares(&joined.election, method).iter().find(|s| s.party == party).map_or(0.0, |s| s.share);
        Some(WardValue { number: Some(share), text: format!("{} {share:.1}% ({})", party.name, method.label()) })
    }

    fn unit(&self, _on: &Context<'_>) -> String {
        "%".into()
    }

    fn column_title(&self, on: &Context<'_>) -> String {
        format!("{} share, %", on.party().short)
    }

    fn cell_text(&self, _spec: &ColourSpec, value: &WardValue) -> String {
        percent_cell(value)
    }

    fn colour(&self, on: &Context<'_>) -> Result<Colouring, Unavailable> {
        let party = on.party();
        let values = self.ward_values(on)?;
        let colour_blind = on.spec.colour_blind;
        let colours = scales::sequential(scales::party_map_colour(&party, colour_blind), 5, colour_blind);
        let scale = Scale::ascending(scales::nice_breaks(&numbers(&values), 5), &colours, "%");
        let note = format!("Share of the vote by the {}, %{}", on.spec.method.label(), on.colour_blind_note());
        Ok(paint(values, &scale, on.title(&format!("{} share", party.name)), note))
    }
}

/// "45.2%" for a measure in percent; the words when there is no number.
pub(crate) fn percent_cell(value: &WardValue) -> String {
    value.number.map_or_else(|| value.text.clone(), |n| format!("{n:.1}%"))
}
