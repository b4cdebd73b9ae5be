//! Which colour modes can be shown, and why not: for the UI to grey a mode out with the reason.

use super::change::ElectionPair;
use super::colouring::{ColourMode, ColourSpec, MapSubject};
use super::marginality::turnout_availability;
use crate::model::{Dataset, ElectionId, Party};

/// Whether each mode can be shown for the subject with this spec (its party, pair, baseline),
/// with the plain reason when not; in [`ColourMode::ALL`] order, for the UI to grey out.
pub fn availability(data: &Dataset, subject: MapSubject, spec: &ColourSpec) -> Vec<(ColourMode, Result<(), String>)> {
    ColourMode::ALL.iter().map(|&mode| (mode, mode_availability(data, subject, spec, mode))).collect()
}

/// Whether one mode can be shown, or why not.
pub fn mode_availability(
    data: &Dataset,
    subject: MapSubject,
    spec: &ColourSpec,
    mode: ColourMode,
) -> Result<(), String> {
    let id = match subject {
        MapSubject::WardSetOnly(_) if mode == ColourMode::Winner => return Ok(()),
        MapSubject::WardSetOnly(_) => return Err("No results are loaded for these wards".into()),
        MapSubject::Election(id) => id,
    };
    let joined = data.election(id).ok_or("No such election")?;
    match mode {
        ColourMode::Winner | ColourMode::Share | ColourMode::Majority => Ok(()),
        ColourMode::Turnout => turnout_availability(&joined.election),
        ColourMode::Change | ColourMode::Gains => ElectionPair::with_baseline(data, id, spec.baseline).map(|_| ()),
        ColourMode::Swing => {
            if Party::from_source(&spec.swing.0) == Party::from_source(&spec.swing.1) {
                return Err("Swing needs two different parties".into());
            }
            ElectionPair::with_baseline(data, id, spec.baseline).map(|_| ())
        }
    }
}

/// The years of elections a spec could take as its baseline for election `id` (same borough,
/// earlier years), each with whether a ward-by-ward comparison is possible and why not.
pub fn baselines(data: &Dataset, id: ElectionId) -> Vec<(i32, Result<(), String>)> {
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
    years.into_iter().map(|y| (y, ElectionPair::with_baseline(data, id, Some(y)).map(|_| ()))).collect()
}
