//! Council control, borough by borough: on London's map every ward takes the colour of the
//! party that controls its borough's council after that election (grey for no overall
//! control), so the city reads as 32 councils. The app opens a borough on a click.

use super::{Colouring, Context, Legend, LegendItem, Measure, Unavailable, WardValue};
use crate::analysis::control::Control;
use crate::analysis::scales::party_map_colour;
use crate::analysis::totals::seat_totals;
use crate::model::palette::{FillStyle, Rgb};
use std::collections::BTreeMap;

/// The council control map.
pub struct CouncilControl;

/// The fill of a council with no overall control.
pub const NO_OVERALL_CONTROL: Rgb = Rgb(0x9a, 0x9a, 0x9a);

/// Each borough's control and seats at the shown election's year, by borough name.
fn controls(on: &Context<'_>) -> Result<BTreeMap<String, (Control, u32, u32)>, Unavailable> {
    let joined = on.election()?;
    let year = joined.election.year;
    let set = joined.ward_set.and_then(|s| on.data.ward_set(s)).ok_or(Unavailable::NoResults)?;
    let mut out = BTreeMap::new();
    for borough in set.wards.iter().filter_map(|w| w.borough.as_deref()) {
        if out.contains_key(borough) {
            continue;
        }
        let Some(election) = on.data.election_of(borough, year).and_then(|id| on.data.election(id)) else { continue };
        let seats = seat_totals(&election.election);
        let total: u32 = seats.iter().map(|(_, n)| n).sum();
        let control = Control::of(&seats, total);
        let largest = match &control {
            Control::Majority(party) => seats.iter().find(|(p, _)| p == party).map_or(0, |(_, n)| *n),
            _ => 0,
        };
        out.insert(borough.to_owned(), (control, largest, total));
    }
    Ok(out)
}

impl Measure for CouncilControl {
    fn label(&self) -> &'static str {
        "Council control"
    }

    fn plottable(&self) -> bool {
        false
    }

    fn availability(&self, on: &Context<'_>) -> Result<(), Unavailable> {
        let joined = on.election()?;
        let set = joined.ward_set.and_then(|s| on.data.ward_set(s)).ok_or(Unavailable::NoResults)?;
        let boroughs = set.wards.iter().filter_map(|w| w.borough.as_deref()).collect::<std::collections::BTreeSet<_>>();
        if boroughs.len() < 2 { Err(Unavailable::NotManyBoroughs) } else { Ok(()) }
    }

    fn ward_values(&self, on: &Context<'_>) -> Result<Vec<Option<WardValue>>, Unavailable> {
        self.availability(on)?;
        let controls = controls(on)?;
        let set = on.election()?.ward_set.and_then(|s| on.data.ward_set(s)).ok_or(Unavailable::NoResults)?;
        Ok(set
            .wards
            .iter()
            .map(|ward| {
                let borough = ward.borough.as_deref()?;
                let (control, largest, total) = controls.get(borough)?;
                let text = match control {
                    Control::Majority(party) => format!("{borough}: {} ({largest} of {total} seats)", party.name),
                    other => format!("{borough}: {} ({total} seats)", other.label()),
                };
                WardValue::some(None, text)
            })
            .collect())
    }

    fn column_title(&self, _on: &Context<'_>) -> String {
        "Council control".into()
    }

    fn own_column(&self) -> bool {
        false
    }

    fn colour(&self, on: &Context<'_>) -> Result<Colouring, Unavailable> {
        let values = self.ward_values(on)?;
        let controls = controls(on)?;
        let set = on.election()?.ward_set.and_then(|s| on.data.ward_set(s)).ok_or(Unavailable::NoResults)?;
        let fill_of = |control: &Control| match control {
            Control::Majority(party) => FillStyle::Solid(party_map_colour(party, on.spec.colour_blind)),
            Control::NoOverallControl => FillStyle::Solid(NO_OVERALL_CONTROL),
            Control::NoResult => FillStyle::NoData,
        };
        let fills = set
            .wards
            .iter()
            .map(|w| w.borough.as_deref().and_then(|b| controls.get(b)).map_or(FillStyle::NoData, |(c, ..)| fill_of(c)))
            .collect();
        // Counted in boroughs, not wards: the legend says how many councils each party runs.
        let mut by_control: Vec<(Control, usize)> = Vec::new();
        for (control, ..) in controls.values() {
            match by_control.iter_mut().find(|(c, _)| c == control) {
                Some((_, n)) => *n += 1,
                None => by_control.push((control.clone(), 1)),
            }
        }
        by_control.sort_by(|(ca, a), (cb, b)| {
            let noc = |c: &Control| !matches!(c, Control::Majority(_));
            noc(ca).cmp(&noc(cb)).then(b.cmp(a)).then_with(|| ca.label().cmp(&cb.label()))
        });
        let items = by_control
            .iter()
            .map(|(control, n)| LegendItem {
                fill: fill_of(control),
                label: control.label(),
                count: *n,
            })
            .collect();
        Ok(Colouring {
            fills,
            values: values.into_iter().map(|v| v.map(|v| v.text)).collect(),
            legend: Legend {
                counts: crate::analysis::measures::Counted::Boroughs,
                title: on.title("council control"),
                note: Some(
                    "Each borough's council after the election: a majority party, or no overall control. \
                     Click a borough to open it."
                        .into(),
                ),
                items,
            },
            unavailable: None,
        })
    }
}
