//! What the map shows: a fill per ward, a legend that matches it, and a value per ward for
//! tooltips. Shared by the app and the headless exporter, so both draw the same map.
//!
//! Each mode's colouring is its measure's ([`super::measures`]); this file picks the measure
//! for the spec, says which modes can be shown and why not, and greys the map out with the
//! reason when the spec cannot be shown.

use super::change::{ElectionPair, PairError};
use super::measures::{Context, measure, ward_count};
use crate::model::palette::{FillStyle, Rgb};
use crate::model::{Dataset, ElectionId, Party, WardSetId};

pub use super::measures::winner::{winner_fill, winner_fill_with};
pub use super::measures::{ColourMode, ColourSpec, Colouring, Legend, LegendItem, Unavailable};

/// What the map is of: an election's results, or a ward set with none.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MapSubject {
    Election(ElectionId),
    WardSetOnly(WardSetId),
}

/// Colour the subject's ward set. A mode that cannot be shown gives every ward the no-data
/// fill, a legend that says why, and `unavailable` set to the reason.
pub fn colour(data: &Dataset, subject: MapSubject, spec: &ColourSpec) -> Colouring {
    match subject {
        MapSubject::WardSetOnly(set) => {
            let mut map = no_results(data, set);
            if !measure(spec.mode).without_results() {
                map.unavailable = Some(Unavailable::NoResults.to_string());
            }
            map
        }
        MapSubject::Election(id) => {
            if data.election(id).is_none() {
                return Colouring::empty(&Unavailable::NoSuchElection.to_string());
            }
            measure(spec.mode)
                .colour(&Context { data, id, spec })
                .map(|map| with_notional_note(data, id, spec, map))
                .unwrap_or_else(|reason| unavailable(data, id, spec.mode, &reason.to_string()))
        }
    }
}

/// A comparison with a notional earlier election says so in the legend's note and in every
/// ward's hover text, whatever the measure.
fn with_notional_note(data: &Dataset, id: ElectionId, spec: &ColourSpec, mut map: Colouring) -> Colouring {
    if !spec.mode.needs_baseline() {
        return map;
    }
    let Ok(pair) = ElectionPair::with_baseline(data, id, spec.baseline) else { return map };
    let (Some(note), Some(from)) = (pair.notional_note(data), data.election(pair.from)) else { return map };
    map.legend.note = Some(match map.legend.note.take() {
        Some(method) => format!("{method}. {note}"),
        None => note,
    });
    let against = format!(" (against {} notional)", from.election.year);
    for value in map.values.iter_mut().flatten() {
        value.push_str(&against);
    }
    map
}

/// Whether each mode can be shown for the subject with this spec (its party, pair, baseline),
/// with the reason when not; in [`ColourMode::ALL`] order, for the UI to grey out.
pub fn availability(
    data: &Dataset,
    subject: MapSubject,
    spec: &ColourSpec,
) -> Vec<(ColourMode, Result<(), Unavailable>)> {
    ColourMode::ALL.iter().map(|&mode| (mode, mode_availability(data, subject, spec, mode))).collect()
}

/// Whether one mode can be shown, or why not.
pub fn mode_availability(
    data: &Dataset,
    subject: MapSubject,
    spec: &ColourSpec,
    mode: ColourMode,
) -> Result<(), Unavailable> {
    let measure = measure(mode);
    match subject {
        MapSubject::WardSetOnly(_) if measure.without_results() => Ok(()),
        MapSubject::WardSetOnly(_) => Err(Unavailable::NoResults),
        MapSubject::Election(id) => {
            data.election(id).ok_or(Unavailable::NoSuchElection)?;
            measure.availability(&Context { data, id, spec })
        }
    }
}

/// The years of elections a spec could take as its baseline for election `id` (same borough,
/// earlier years), each with whether a ward-by-ward comparison is possible (`true` when it is
/// on the election's notional result) and why not.
pub fn baselines(data: &Dataset, id: ElectionId) -> Vec<(i32, Result<bool, PairError>)> {
    let Some(current) = data.election(id) else {
        return Vec::new();
    };
    let mut years: Vec<i32> = data
        .elections
        .iter()
        .filter(|e| e.election.borough == current.election.borough && e.election.year < current.election.year)
        .map(|e| e.election.year)
        .collect();
    years.sort_unstable();
    years.dedup();
    years
        .into_iter()
        .map(|y| (y, ElectionPair::with_baseline(data, id, Some(y)).map(|p| p.notional.is_some())))
        .collect()
}

fn no_results(data: &Dataset, set: WardSetId) -> Colouring {
    let wards = data.ward_set(set).map_or(0, |s| s.wards.len());
    Colouring {
        fills: vec![FillStyle::NoData; wards],
        values: vec![None; wards],
        legend: Legend {
            counts: crate::analysis::measures::Counted::Wards,
            title: "No results loaded".into(),
            note: None,
            items: vec![LegendItem { fill: FillStyle::NoData, label: "No results".into(), count: wards }],
        },
        unavailable: None,
    }
}

/// Every ward grey, and the reason in the legend.
fn unavailable(data: &Dataset, id: ElectionId, mode: ColourMode, reason: &str) -> Colouring {
    let wards = ward_count(data, id);
    let title = data.election(id).map_or_else(
        || mode.label().to_owned(),
        |e| format!("{}: {}", e.election.title(), mode.label().to_lowercase()),
    );
    Colouring {
        fills: vec![FillStyle::NoData; wards],
        values: vec![None; wards],
        legend: Legend {
            title,
            counts: crate::analysis::measures::Counted::Wards,
            note: Some(reason.to_owned()),
            items: vec![LegendItem { fill: FillStyle::NoData, label: "Not available".into(), count: wards }],
        },
        unavailable: Some(reason.to_owned()),
    }
}

/// The colour of a party by name, for charts; grey when unknown.
pub fn named_party_colour(name: &str) -> Rgb {
    Party::from_source(name).colour
}
