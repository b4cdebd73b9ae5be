//! Seats that changed hands since the baseline election: each ward in the gaining party's
//! colour (striped when several parties gained), or a pale tint of the party that held it.

use super::{Colouring, Context, Legend, LegendBuilder, Measure, Picker, Unavailable, WardValue};
use crate::analysis::borough::BoroughChange;
use crate::analysis::gains::{GainsReport, SeatGain, WardSeatChange};
use crate::analysis::scales::{self, party_map_colour};
use crate::model::Party;
use crate::model::palette::FillStyle;

/// The gains map.
pub struct Gains;

impl Measure for Gains {
    fn label(&self) -> &'static str {
        "Gains"
    }

    fn pickers(&self) -> &'static [Picker] {
        &[Picker::Baseline]
    }

    fn availability(&self, on: &Context<'_>) -> Result<(), Unavailable> {
        on.pair()?;
        Ok(())
    }

    /// Seats gained (the number) and "Con gain from Lab" (the words).
    fn ward_values(&self, on: &Context<'_>) -> Result<Vec<Option<WardValue>>, Unavailable> {
        let report = GainsReport::of(on.data, on.pair()?);
        Ok(report
            .wards
            .iter()
            .map(|w| w.as_ref().and_then(|c| WardValue::some(Some(f64::from(c.gained_seats())), c.label())))
            .collect())
    }

    /// The net seats by party: "Con +6 · Lab −5 · LD −1".
    fn borough_value(&self, on: &Context<'_>) -> Option<WardValue> {
        let pair = on.pair().ok()?;
        // Only where the borough can be compared too, as for change and swing.
        BoroughChange::of(on.data, pair, on.spec.method).ok()?;
        Some(WardValue { number: None, text: GainsReport::of(on.data, pair).net_label() })
    }

    fn column_title(&self, on: &Context<'_>) -> String {
        format!("Seats {}", on.years())
    }

    fn colour(&self, on: &Context<'_>) -> Result<Colouring, Unavailable> {
        let (pair, title) = on.comparison_title("gains")?;
        let report = GainsReport::of(on.data, pair);
        let mut fills = vec![FillStyle::NoData; report.wards.len()];
        let mut legend = LegendBuilder::default();
        for (fill, change) in fills.iter_mut().zip(&report.wards) {
            let Some(change) = change else { continue };
            *fill = gains_fill(change, on.spec.colour_blind);
            let group = u8::from(change.gains.is_empty());
            legend.add(fill, &gains_legend_label(change), (group, 0));
        }
        let values = report.wards.iter().map(|w| w.as_ref().map(WardSeatChange::label)).collect();
        let note = format!(
            "Seats compared by party in each ward; holds pale. Net: {}{}",
            report.net_label(),
            on.colour_blind_note()
        );
        Ok(Colouring {
            legend: Legend { title, counts: super::Counted::Wards, note: Some(note), items: legend.finish(&fills) },
            fills,
            values,
            unavailable: None,
        })
    }
}

/// The fill of a ward's seat change: the gaining party's colour (stripes of the gainers'
/// colours when several parties gained), or a pale tint of the holding party (pale stripes for
/// a split ward held).
pub fn gains_fill(change: &WardSeatChange, colour_blind: bool) -> FillStyle {
    let colour = |p: &Party| party_map_colour(p, colour_blind);
    let mut gainers: Vec<(&Party, u32)> = Vec::new();
    for g in &change.gains {
        match gainers.iter_mut().find(|(p, _)| *p == &g.gainer) {
            Some((_, n)) => *n += g.seats,
            None => gainers.push((&g.gainer, g.seats)),
        }
    }
    match (gainers.as_slice(), change.holds.as_slice()) {
        ([], []) => FillStyle::NoData,
        ([], [(p, _)]) => FillStyle::Solid(scales::pale(colour(p))),
        ([], holds) => FillStyle::Stripes(holds.iter().map(|(p, n)| (scales::pale(colour(p)), *n)).collect()),
        ([(p, _)], _) => FillStyle::Solid(colour(p)),
        (many, _) => FillStyle::Stripes(many.iter().map(|(p, n)| (colour(p), *n)).collect()),
    }
}

/// The legend words for a ward's seat change: "Con gain from Lab", "Con hold", or several
/// gains joined with " + ".
pub fn gains_legend_label(change: &WardSeatChange) -> String {
    if change.gains.is_empty() {
        return change.label();
    }
    change.gains.iter().map(SeatGain::kind_label).collect::<Vec<_>>().join(" + ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::test_support::seats_by_party as seats;
    use crate::analysis::scales::pale;
    use crate::model::palette::{CONSERVATIVE, LABOUR, LIBERAL_DEMOCRAT};

    #[test]
    fn a_gain_is_filled_in_the_gainers_colour_and_a_hold_in_a_pale_tint() {
        let gain = WardSeatChange::of(&seats(&[("Lab", 3)]), &seats(&[("Con", 3)]));
        assert_eq!(gains_fill(&gain, false), FillStyle::Solid(CONSERVATIVE));
        assert_eq!(gains_legend_label(&gain), "Con gain from Lab");
        let hold = WardSeatChange::of(&seats(&[("Lab", 3)]), &seats(&[("Lab", 3)]));
        assert_eq!(gains_fill(&hold, false), FillStyle::Solid(pale(LABOUR)));
        assert_eq!(gains_legend_label(&hold), "Lab hold");
    }

    #[test]
    fn a_ward_with_gains_by_several_parties_is_striped() {
        let change = WardSeatChange::of(&seats(&[("Lab", 3)]), &seats(&[("Con", 2), ("LD", 1)]));
        assert_eq!(gains_fill(&change, false), FillStyle::Stripes(vec![(CONSERVATIVE, 2), (LIBERAL_DEMOCRAT, 1)]));
        assert_eq!(gains_legend_label(&change), "Con gain from Lab + LD gain from Lab");
    }
}
