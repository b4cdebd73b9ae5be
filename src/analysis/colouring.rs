//! What the map shows: a fill per ward, a legend that matches it, and a value per ward for
//! tooltips. Shared by the app and the headless exporter, so both draw the same map.
//!
//! The winner mode lives here; the measures (share, change, swing, majority, turnout, gains)
//! in [`super::modes`]. Every mode builds its legend from the same bins as its fills.

use super::modes;
use super::outcome::{ContestOutcome, Winner};
use super::scales::party_colour as map_party_colour;
use super::share::ShareMethod;
use crate::model::palette::{FillStyle, Rgb};
use crate::model::{Dataset, ElectionId, Party, WardSetId};
use serde::{Deserialize, Serialize};

pub use super::availability::{availability, baselines, mode_availability};

/// The measure the map is coloured by.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum ColourMode {
    /// The party that won the ward; split wards striped.
    #[default]
    Winner,
    /// A chosen party's share of the vote (sequential, in that party's hue).
    Share,
    /// A chosen party's change in share since the baseline election, in points (diverging).
    Change,
    /// Butler two-party swing between the swing pair since the baseline election (diverging).
    Swing,
    /// The multi-member majority; small majorities stand out.
    Majority,
    /// Turnout, when the results carry electorates or turnout.
    Turnout,
    /// Seats that changed hands since the baseline election, by gaining party.
    Gains,
}

impl ColourMode {
    pub const ALL: &[ColourMode] = &[
        ColourMode::Winner,
        ColourMode::Share,
        ColourMode::Change,
        ColourMode::Swing,
        ColourMode::Majority,
        ColourMode::Turnout,
        ColourMode::Gains,
    ];

    pub fn label(self) -> &'static str {
        match self {
            ColourMode::Winner => "Winning party",
            ColourMode::Share => "Party share",
            ColourMode::Change => "Change in share",
            ColourMode::Swing => "Swing",
            ColourMode::Majority => "Majority / marginality",
            ColourMode::Turnout => "Turnout",
            ColourMode::Gains => "Gains",
        }
    }

    /// Whether the mode compares two elections (and so needs a baseline on the same ward set).
    pub fn needs_baseline(self) -> bool {
        matches!(self, ColourMode::Change | ColourMode::Swing | ColourMode::Gains)
    }
}

/// Everything that decides the colouring. Build with [`ColourSpec::winner`] (or `default()`)
/// and struct update: `ColourSpec { mode: ColourMode::Swing, ..ColourSpec::winner() }`.
/// Parties are kept by name (any spelling [`Party::from_source`] knows) so the spec persists.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ColourSpec {
    pub mode: ColourMode,
    /// The party for Share and Change.
    pub party: String,
    /// The pair for Swing: positive swing is to the first.
    pub swing: (String, String),
    /// The year of the election to compare with (Change, Swing, Gains); `None`: the previous
    /// election on the same ward set.
    pub baseline: Option<i32>,
    /// How shares are counted in multi-member wards.
    pub method: ShareMethod,
    /// Colour-blind-safe palettes: Okabe-Ito for parties, cividis-like ramps for scales.
    pub colour_blind: bool,
}

impl ColourSpec {
    /// Winning party, Conservative for share, Con↔Lab swing, top-vote, previous election.
    pub fn winner() -> ColourSpec {
        ColourSpec {
            mode: ColourMode::Winner,
            party: "Conservative".into(),
            swing: ("Conservative".into(), "Labour".into()),
            baseline: None,
            method: ShareMethod::TopVote,
            colour_blind: false,
        }
    }

    /// The same spec in another mode.
    pub fn with_mode(&self, mode: ColourMode) -> ColourSpec {
        ColourSpec { mode, ..self.clone() }
    }
}

impl Default for ColourSpec {
    fn default() -> Self {
        ColourSpec::winner()
    }
}

/// A legend entry: a swatch and its words.
#[derive(Clone, Debug, PartialEq)]
pub struct LegendItem {
    pub fill: FillStyle,
    pub label: String,
    /// How many wards on the map have this fill.
    pub count: usize,
}

/// The legend for the map as coloured.
#[derive(Clone, Debug, PartialEq)]
pub struct Legend {
    pub title: String,
    /// Method and units, e.g. "Share by the top-vote method, %".
    pub note: Option<String>,
    pub items: Vec<LegendItem>,
}

/// A colouring of one ward set.
#[derive(Clone, Debug, PartialEq)]
pub struct Colouring {
    /// Per ward of the set shown.
    pub fills: Vec<FillStyle>,
    /// Per ward: the value in words, for the tooltip ("Conservative", "Split: 2 Con, 1 Lab",
    /// "8.1 pts swing to Conservative (top-vote method)").
    pub values: Vec<Option<String>>,
    pub legend: Legend,
    /// Set when the spec cannot be shown (say, swing across ward sets), with the reason.
    pub unavailable: Option<String>,
}

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
            if spec.mode != ColourMode::Winner {
                map.unavailable = Some("No results are loaded for these wards".into());
            }
            map
        }
        MapSubject::Election(id) => {
            if data.election(id).is_none() {
                return Colouring::empty("No such election");
            }
            let coloured = match spec.mode {
                ColourMode::Winner => Ok(winner(data, id, spec.colour_blind)),
                ColourMode::Share => modes::share(data, id, spec),
                ColourMode::Change => modes::change(data, id, spec),
                ColourMode::Swing => modes::swing(data, id, spec),
                ColourMode::Majority => modes::majority(data, id, spec),
                ColourMode::Turnout => modes::turnout(data, id, spec),
                ColourMode::Gains => modes::gains(data, id, spec),
            };
            coloured.unwrap_or_else(|reason| unavailable(data, id, spec.mode, &reason))
        }
    }
}

fn no_results(data: &Dataset, set: WardSetId) -> Colouring {
    let wards = data.ward_set(set).map_or(0, |s| s.wards.len());
    Colouring {
        fills: vec![FillStyle::NoData; wards],
        values: vec![None; wards],
        legend: Legend {
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
            note: Some(reason.to_owned()),
            items: vec![LegendItem { fill: FillStyle::NoData, label: "Not available".into(), count: wards }],
        },
        unavailable: Some(reason.to_owned()),
    }
}

/// Wards in the election's ward set (0 when it has none).
pub(crate) fn ward_count(data: &Dataset, id: ElectionId) -> usize {
    data.election(id).and_then(|e| e.ward_set).and_then(|s| data.ward_set(s)).map_or(0, |s| s.wards.len())
}

/// The fill for a contest outcome: the party colour, or stripes for a split ward.
pub fn winner_fill(outcome: &ContestOutcome) -> FillStyle {
    winner_fill_with(outcome, false)
}

/// As [`winner_fill`], in colour-blind-safe party colours when asked.
pub fn winner_fill_with(outcome: &ContestOutcome, colour_blind: bool) -> FillStyle {
    match (&outcome.winner, outcome.seats.as_slice()) {
        (Winner::Party { .. }, [(party, _)]) => FillStyle::Solid(map_party_colour(party, colour_blind)),
        (Winner::Split { .. }, seats) => {
            FillStyle::Stripes(seats.iter().map(|(p, n)| (map_party_colour(p, colour_blind), *n)).collect())
        }
        _ => FillStyle::NoData,
    }
}

fn winner(data: &Dataset, id: ElectionId, colour_blind: bool) -> Colouring {
    let Some(joined) = data.election(id) else {
        return Colouring::empty("No such election");
    };
    let wards = ward_count(data, id);
    let mut fills = vec![FillStyle::NoData; wards];
    let mut values = vec![None; wards];
    let mut legend = LegendBuilder::default();
    for (ward, contest) in joined.join.contest_of_ward.iter().enumerate().take(wards) {
        let Some(contest) = contest.and_then(|c| joined.election.contests.get(c)) else {
            continue;
        };
        let outcome = ContestOutcome::of(contest);
        let fill = winner_fill_with(&outcome, colour_blind);
        let (label, group) = match &outcome.winner {
            Winner::Party { party } => (party.clone(), 0),
            Winner::Split { .. } => (format!("Split: {}", outcome.seats_label()), 1),
            Winner::None => ("No candidates".into(), 2),
        };
        values[ward] = Some(outcome.winner_label());
        legend.add(&fill, &label, (group, 0));
        fills[ward] = fill;
    }
    let note = colour_blind.then(|| "Colour-blind-safe party colours (Okabe-Ito)".to_owned());
    Colouring {
        legend: Legend {
            title: format!("{}: winning party", joined.election.title()),
            note,
            items: legend.finish(&fills),
        },
        fills,
        values,
        unavailable: None,
    }
}

/// Collects legend items from the fills as they are made: one per distinct fill and label,
/// sorted by a group, then most wards first (or a rank), then label; "No result joined" last.
#[derive(Default)]
pub(crate) struct LegendBuilder {
    items: Vec<(LegendItem, (u8, i64))>,
}

impl LegendBuilder {
    /// Count one ward with this fill and label; `key` is (group, rank) for ordering.
    pub(crate) fn add(&mut self, fill: &FillStyle, label: &str, key: (u8, i64)) {
        match self.items.iter_mut().find(|(item, _)| item.fill == *fill && item.label == label) {
            Some((item, _)) => item.count += 1,
            None => self.items.push((LegendItem { fill: fill.clone(), label: label.to_owned(), count: 1 }, key)),
        }
    }

    /// The items in order, with a "No result joined" item for wards left without data.
    pub(crate) fn finish(mut self, fills: &[FillStyle]) -> Vec<LegendItem> {
        self.items.sort_by(|(a, ka), (b, kb)| {
            ka.0.cmp(&kb.0).then(ka.1.cmp(&kb.1)).then(b.count.cmp(&a.count)).then_with(|| a.label.cmp(&b.label))
        });
        let mut items: Vec<LegendItem> = self.items.into_iter().map(|(item, _)| item).collect();
        let counted: usize = items.iter().filter(|i| i.fill == FillStyle::NoData).map(|i| i.count).sum();
        let no_data = fills.iter().filter(|f| **f == FillStyle::NoData).count().saturating_sub(counted);
        if no_data > 0 {
            items.push(LegendItem { fill: FillStyle::NoData, label: "No result joined".into(), count: no_data });
        }
        items
    }
}

impl Colouring {
    fn empty(reason: &str) -> Colouring {
        Colouring {
            fills: Vec::new(),
            values: Vec::new(),
            legend: Legend { title: reason.into(), note: None, items: Vec::new() },
            unavailable: Some(reason.into()),
        }
    }
}

/// The colour of a party by name, for charts; grey when unknown.
pub fn party_colour(name: &str) -> Rgb {
    Party::from_source(name).colour
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_spec_saved_before_the_new_fields_loads_with_their_defaults() {
        let spec: Option<ColourSpec> = serde_json::from_str(r#"{"mode":"winner"}"#).ok();
        assert_eq!(spec, Some(ColourSpec::winner()));
        let swing: ColourSpec = serde_json::from_str(r#"{"mode":"swing","method":"total-votes"}"#).unwrap_or_default();
        assert_eq!(swing.mode, ColourMode::Swing);
        assert_eq!(swing.method, ShareMethod::TotalVotes);
        assert_eq!(swing.swing, ("Conservative".to_owned(), "Labour".to_owned()));
    }

    #[test]
    fn a_spec_round_trips_through_json() {
        let spec =
            ColourSpec { mode: ColourMode::Gains, baseline: Some(2014), colour_blind: true, ..ColourSpec::winner() };
        let text = serde_json::to_string(&spec).unwrap_or_default();
        assert_eq!(serde_json::from_str::<ColourSpec>(&text).ok(), Some(spec));
    }

    #[test]
    fn every_mode_has_a_label_and_only_comparisons_need_a_baseline() {
        assert_eq!(ColourMode::ALL.len(), 7);
        let needing: Vec<ColourMode> = ColourMode::ALL.iter().copied().filter(|m| m.needs_baseline()).collect();
        assert_eq!(needing, [ColourMode::Change, ColourMode::Swing, ColourMode::Gains]);
        assert_eq!(ColourMode::Majority.label(), "Majority / marginality");
    }
}
