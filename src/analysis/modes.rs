//! The measure modes of the map: share, change, swing, majority, turnout and gains. Each works
//! out a value per ward ([`ward_values`], also used by the comparison table), then paints it
//! through one binned scale so the fills and the legend come from the same bins.

use super::change::{ElectionPair, points_label, share_change, swing_label, ward_swing};
use super::colouring::{ColourMode, ColourSpec, Colouring, Legend, LegendBuilder, LegendItem, ward_count};
use super::gains::{GainsReport, WardSeatChange};
use super::marginality::{MAJORITY_DENOMINATOR, Majority, turnout_availability, turnout_percent};
use super::scales::{self, Scale};
use super::share::share_of;
use crate::model::palette::FillStyle;
use crate::model::{Contest, Dataset, ElectionId, Party};

/// Change and swing bins either side of 0, in points.
pub const CHANGE_STEPS: [f64; 4] = [2.0, 5.0, 10.0, 20.0];
/// Majority bins, in % of the top-vote total.
pub const MAJORITY_BREAKS: [f64; 4] = [1.0, 5.0, 10.0, 20.0];

/// One ward's value under a mode: a number where the mode has one (%, points, seats gained)
/// and the words for a tooltip or a table cell.
#[derive(Clone, Debug, PartialEq)]
pub struct WardValue {
    pub number: Option<f64>,
    pub text: String,
}

impl WardValue {
    fn new(number: Option<f64>, text: String) -> Option<WardValue> {
        Some(WardValue { number, text })
    }
}

/// Each ward's value under the spec's mode, or why the mode cannot be shown.
pub fn ward_values(data: &Dataset, id: ElectionId, spec: &ColourSpec) -> Result<Vec<Option<WardValue>>, String> {
    let joined = data.election(id).ok_or("No such election")?;
    let wards = ward_count(data, id);
    let each = |f: &dyn Fn(&Contest) -> Option<WardValue>| -> Vec<Option<WardValue>> {
        (0..wards).map(|w| data.contest_in_ward(id, w).and_then(f)).collect()
    };
    let method = spec.method;
    match spec.mode {
        ColourMode::Winner => Ok(each(&|c| WardValue::new(None, super::outcome::ContestOutcome::of(c).winner_label()))),
        ColourMode::Share => {
            let party = Party::from_source(&spec.party);
            Ok(each(&|c| {
                let share = share_of(c, &party, method)?;
                let stood = c.candidates.iter().any(|x| x.party == party);
                let text = if stood {
                    format!("{} {share:.1}% ({})", party.name, method.label())
                } else {
                    format!("{} did not stand (0%)", party.name)
                };
                WardValue::new(Some(share), text)
            }))
        }
        ColourMode::Majority => Ok(each(&|c| match Majority::of(c) {
            Some(m) => WardValue::new(m.percent, format!("Majority {}", m.label())),
            None => WardValue::new(None, "Uncontested: no majority".into()),
        })),
        ColourMode::Turnout => {
            turnout_availability(&joined.election)?;
            Ok(each(&|c| {
                let t = turnout_percent(c);
                WardValue::new(t, t.map_or_else(|| "No turnout figure".into(), |t| format!("Turnout {t:.1}%")))
            }))
        }
        ColourMode::Change => {
            let pair = ElectionPair::with_baseline(data, id, spec.baseline)?;
            let party = Party::from_source(&spec.party);
            Ok(pair_values(data, pair, |a, b| {
                let c = share_change(a, b, &party, method)?;
                let text = format!(
                    "{} {:.1}% → {:.1}% ({}, {})",
                    party.name,
                    c.from,
                    c.to,
                    points_label(c.points),
                    method.label()
                );
                WardValue::new(Some(c.points), text)
            }))
        }
        ColourMode::Swing => {
            let pair = ElectionPair::with_baseline(data, id, spec.baseline)?;
            let (a, b) = swing_pair(spec)?;
            Ok(pair_values(data, pair, |x, y| {
                let s = ward_swing(x, y, &a, &b, method)?;
                let text = format!(
                    "{} ({} {:.1}% → {:.1}%, {} {:.1}% → {:.1}%; {})",
                    swing_label(s.points, &a, &b),
                    a.short,
                    s.a.from,
                    s.a.to,
                    b.short,
                    s.b.from,
                    s.b.to,
                    method.label()
                );
                WardValue::new(Some(s.points), text)
            }))
        }
        ColourMode::Gains => {
            let pair = ElectionPair::with_baseline(data, id, spec.baseline)?;
            let report = GainsReport::of(data, pair);
            Ok(report
                .wards
                .iter()
                .map(|w| w.as_ref().and_then(|c| WardValue::new(Some(f64::from(c.gained_seats())), c.label())))
                .collect())
        }
    }
}

/// The swing pair as parties, refused when both are the same party.
pub fn swing_pair(spec: &ColourSpec) -> Result<(Party, Party), String> {
    let (a, b) = (Party::from_source(&spec.swing.0), Party::from_source(&spec.swing.1));
    if a == b { Err("Swing needs two different parties".into()) } else { Ok((a, b)) }
}

fn pair_values(
    data: &Dataset,
    pair: ElectionPair,
    f: impl Fn(&Contest, &Contest) -> Option<WardValue>,
) -> Vec<Option<WardValue>> {
    pair.contests(data).into_iter().map(|both| both.and_then(|(a, b)| f(a, b))).collect()
}

/// Paint values through a scale: the legend lists every bin (with its ward count), then
/// values with no number (say, "Uncontested"), then wards with no result.
fn paint(values: Vec<Option<WardValue>>, scale: &Scale, title: String, note: String) -> Colouring {
    let mut fills = vec![FillStyle::NoData; values.len()];
    let mut counts = vec![0usize; scale.bins.len()];
    let mut others = LegendBuilder::default();
    for (fill, value) in fills.iter_mut().zip(&values) {
        let Some(value) = value else { continue };
        match value.number.and_then(|n| scale.classify(n)) {
            Some(bin) => {
                if let (Some(b), Some(count)) = (scale.bins.get(bin), counts.get_mut(bin)) {
                    *fill = FillStyle::Solid(b.colour);
                    *count += 1;
                }
            }
            None => others.add(&FillStyle::NoData, &value.text, (0, 0)),
        }
    }
    let mut items: Vec<LegendItem> = scale
        .bins
        .iter()
        .zip(counts)
        .map(|(b, count)| LegendItem { fill: FillStyle::Solid(b.colour), label: b.label.clone(), count })
        .collect();
    items.extend(others.finish(&fills));
    Colouring {
        fills,
        values: values.into_iter().map(|v| v.map(|v| v.text)).collect(),
        legend: Legend { title, note: Some(note), items },
        unavailable: None,
    }
}

fn title(data: &Dataset, id: ElectionId, what: &str) -> String {
    data.election(id).map_or_else(|| what.to_owned(), |e| format!("{}: {what}", e.election.title()))
}

fn numbers(values: &[Option<WardValue>]) -> Vec<f64> {
    values.iter().flatten().filter_map(|v| v.number).collect()
}

fn cb_note(spec: &ColourSpec) -> &'static str {
    if spec.colour_blind { "; colour-blind-safe scale" } else { "" }
}

pub(crate) fn share(data: &Dataset, id: ElectionId, spec: &ColourSpec) -> Result<Colouring, String> {
    let party = Party::from_source(&spec.party);
    let values = ward_values(data, id, spec)?;
    let colours = scales::sequential(scales::party_colour(&party, spec.colour_blind), 5, spec.colour_blind);
    let scale = Scale::ascending(scales::nice_breaks(&numbers(&values), 5), colours, "%");
    let note = format!("Share of the vote by the {}, %{}", spec.method.label(), cb_note(spec));
    Ok(paint(values, &scale, title(data, id, &format!("{} share", party.name)), note))
}

fn diverging_title(
    data: &Dataset,
    id: ElectionId,
    spec: &ColourSpec,
    what: &str,
) -> Result<(ElectionPair, String), String> {
    let pair = ElectionPair::with_baseline(data, id, spec.baseline)?;
    let borough = data.election(id).map_or_else(String::new, |e| format!("{}: ", e.election.borough));
    Ok((pair, format!("{borough}{what} {}", pair.years_label(data))))
}

pub(crate) fn change(data: &Dataset, id: ElectionId, spec: &ColourSpec) -> Result<Colouring, String> {
    let party = Party::from_source(&spec.party);
    let values = ward_values(data, id, spec)?;
    let (_, title) = diverging_title(data, id, spec, &format!("change in {} share", party.name))?;
    let (up, down) = scales::change_colours(&party, spec.colour_blind);
    let scale = Scale::diverging(CHANGE_STEPS.to_vec(), up, down, "up", "down", " pts");
    let note = format!("Percentage points, shares by the {}{}", spec.method.label(), cb_note(spec));
    Ok(paint(values, &scale, title, note))
}

pub(crate) fn swing(data: &Dataset, id: ElectionId, spec: &ColourSpec) -> Result<Colouring, String> {
    let (a, b) = swing_pair(spec)?;
    let values = ward_values(data, id, spec)?;
    let (_, title) = diverging_title(data, id, spec, &format!("swing {}↔{}", a.short, b.short))?;
    let (up, down) = scales::pair_colours(&a, &b, spec.colour_blind);
    let (to_a, to_b) = (format!("swing to {}", a.name), format!("swing to {}", b.name));
    let scale = Scale::diverging(CHANGE_STEPS.to_vec(), up, down, &to_a, &to_b, " pts");
    let note = format!("Butler two-party swing, {}, percentage points{}", spec.method.label(), cb_note(spec));
    Ok(paint(values, &scale, title, note))
}

pub(crate) fn majority(data: &Dataset, id: ElectionId, spec: &ColourSpec) -> Result<Colouring, String> {
    let values = ward_values(data, id, spec)?;
    let colours = scales::majority_colours(MAJORITY_BREAKS.len() + 1, spec.colour_blind);
    let scale = Scale::ascending(MAJORITY_BREAKS.to_vec(), colours, "%");
    let note = format!(
        "Last elected minus best loser, as {MAJORITY_DENOMINATOR}; smallest majorities darkest{}",
        cb_note(spec)
    );
    Ok(paint(values, &scale, title(data, id, "majority"), note))
}

pub(crate) fn turnout(data: &Dataset, id: ElectionId, spec: &ColourSpec) -> Result<Colouring, String> {
    let values = ward_values(data, id, spec)?;
    let colours = scales::turnout_colours(5, spec.colour_blind);
    let scale = Scale::ascending(scales::nice_breaks(&numbers(&values), 5), colours, "%");
    let note = format!("Turnout as the source gives it, % of the electorate{}", cb_note(spec));
    Ok(paint(values, &scale, title(data, id, "turnout"), note))
}

/// The fill of a ward's seat change: the gaining party's colour (stripes of the gainers'
/// colours when several parties gained), or a pale tint of the holding party (pale stripes for
/// a split ward held).
pub fn gains_fill(change: &WardSeatChange, colour_blind: bool) -> FillStyle {
    let colour = |p: &Party| scales::party_colour(p, colour_blind);
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
    change.gains.iter().map(super::gains::SeatGain::kind_label).collect::<Vec<_>>().join(" + ")
}

pub(crate) fn gains(data: &Dataset, id: ElectionId, spec: &ColourSpec) -> Result<Colouring, String> {
    let (pair, title) = diverging_title(data, id, spec, "gains")?;
    let report = GainsReport::of(data, pair);
    let mut fills = vec![FillStyle::NoData; report.wards.len()];
    let mut legend = LegendBuilder::default();
    for (fill, change) in fills.iter_mut().zip(&report.wards) {
        let Some(change) = change else { continue };
        *fill = gains_fill(change, spec.colour_blind);
        let group = if change.gains.is_empty() { 1 } else { 0 };
        legend.add(fill, &gains_legend_label(change), (group, 0));
    }
    let values = report.wards.iter().map(|w| w.as_ref().map(WardSeatChange::label)).collect();
    let note =
        format!("Seats compared by party in each ward; holds pale. Net: {}{}", report.net_label(), cb_note(spec));
    Ok(Colouring {
        legend: Legend { title, note: Some(note), items: legend.finish(&fills) },
        fills,
        values,
        unavailable: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::scales::pale;
    use crate::model::palette::{CONSERVATIVE, LABOUR, LIBERAL_DEMOCRAT};

    fn seats(list: &[(&str, u32)]) -> Vec<(Party, u32)> {
        list.iter().map(|(p, n)| (Party::from_source(p), *n)).collect()
    }

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
