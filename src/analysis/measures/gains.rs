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

    fn plottable(&self) -> bool {
        false
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
            "Seats that changed hands: {}. Stripes weigh seats, holds pale. Net: {}{}",
            seat_tally(&report),
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
    let pale_holds = || change.holds.iter().map(|(p, n)| (scales::pale(colour(p)), *n));
    match (gainers.as_slice(), change.holds.as_slice()) {
        ([], []) => FillStyle::NoData,
        ([], [(p, _)]) => FillStyle::Solid(scales::pale(colour(p))),
        ([], _) => FillStyle::Stripes(pale_holds().collect()),
        ([(p, _)], []) => FillStyle::Solid(colour(p)),
        (many, []) => FillStyle::Stripes(many.iter().map(|(p, n)| (colour(p), *n)).collect()),
        // Some seats changed hands, the rest were held: stripes weighted by seats, the gains in
        // full colour and the holds pale, so 1 of 3 seats never looks like 3 of 3.
        (many, _) => FillStyle::Stripes(many.iter().map(|(p, n)| (colour(p), *n)).chain(pale_holds()).collect()),
    }
}

/// The legend words for a ward's seat change: "Con gain from Lab", "Con hold", or several
/// gains joined with " + ".
pub fn gains_legend_label(change: &WardSeatChange) -> String {
    if change.gains.is_empty() {
        return change.label();
    }
    let gains = change.gains.iter().map(SeatGain::kind_label).collect::<Vec<_>>().join(" + ");
    if change.is_partial() {
        let held = change.holds.iter().map(|(p, _)| p.short.as_str()).collect::<Vec<_>>().join(", ");
        format!("{gains}; {held} held")
    } else {
        format!("{gains} (every seat)")
    }
}

/// Seats that changed hands over the borough, by kind: "6 Con gains from Lab, 1 Lab gain from
/// LD" (the legend's count of seats, beside its count of wards).
pub fn seat_tally(report: &GainsReport) -> String {
    let mut tally: Vec<SeatGain> = Vec::new();
    for gain in report.wards.iter().flatten().flat_map(|w| &w.gains) {
        match tally.iter_mut().find(|t| t.gainer == gain.gainer && t.loser == gain.loser) {
            Some(t) => t.seats += gain.seats,
            None => tally.push(gain.clone()),
        }
    }
    tally.sort_by(|a, b| b.seats.cmp(&a.seats).then_with(|| a.label().cmp(&b.label())));
    if tally.is_empty() { "no seat changed hands".to_owned() } else { tally.iter().map(SeatGain::label).collect::<Vec<_>>().join(", ") }
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
        assert_eq!(gains_legend_label(&gain), "Con gain from Lab (every seat)");
        let hold = WardSeatChange::of(&seats(&[("Lab", 3)]), &seats(&[("Lab", 3)]));
        assert_eq!(gains_fill(&hold, false), FillStyle::Solid(pale(LABOUR)));
        assert_eq!(gains_legend_label(&hold), "Lab hold");
    }

    #[test]
    fn a_ward_with_gains_by_several_parties_is_striped() {
        let change = WardSeatChange::of(&seats(&[("Lab", 3)]), &seats(&[("Con", 2), ("LD", 1)]));
        assert_eq!(gains_fill(&change, false), FillStyle::Stripes(vec![(CONSERVATIVE, 2), (LIBERAL_DEMOCRAT, 1)]));
        assert_eq!(gains_legend_label(&change), "Con gain from Lab + LD gain from Lab (every seat)");
    }

    #[test]
    fn a_partial_gain_is_striped_by_seats_against_the_pale_holds() {
        // East Barnet 2014→2018: 3 Lab → 2 Lab, 1 Con.
        let change = WardSeatChange::of(&seats(&[("Lab", 3)]), &seats(&[("Lab", 2), ("Con", 1)]));
        assert_eq!(gains_fill(&change, false), FillStyle::Stripes(vec![(CONSERVATIVE, 1), (pale(LABOUR), 2)]));
        assert_eq!(change.label(), "1 of 3 seats: Con gain from Lab; 2 Lab held");
        assert_eq!(gains_legend_label(&change), "Con gain from Lab; Lab held");
        let whole = WardSeatChange::of(&seats(&[("Lab", 3)]), &seats(&[("Con", 3)]));
        assert_eq!(whole.label(), "3 of 3 seats: 3 Con gains from Lab");
        assert_ne!(gains_fill(&whole, false), gains_fill(&change, false));
    }
}
