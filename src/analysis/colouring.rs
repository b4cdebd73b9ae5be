//! What the map shows: a fill per ward, a legend that matches it, and a value per ward for
//! tooltips. Shared by the app and the headless exporter, so both draw the same map.

use super::outcome::{ContestOutcome, Winner};
use super::share::ShareMethod;
use crate::model::palette::{FillStyle, Rgb};
use crate::model::{Dataset, ElectionId, Party, WardSetId};
use serde::{Deserialize, Serialize};

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
    /// Per ward: the value in words, for the tooltip ("Conservative", "Split: 2 Con, 1 Lab").
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

/// Colour the subject's ward set.
pub fn colour(data: &Dataset, subject: MapSubject, spec: &ColourSpec) -> Colouring {
    match subject {
        MapSubject::WardSetOnly(set) => no_results(data, set),
        MapSubject::Election(id) => match spec.mode {
            ColourMode::Winner => winner(data, id),
            _ => Colouring::empty("This colour mode is not ready yet"),
        },
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

/// The fill for a contest outcome: the party colour, or stripes for a split ward.
pub fn winner_fill(outcome: &ContestOutcome) -> FillStyle {
    match (&outcome.winner, outcome.seats.as_slice()) {
        (Winner::Party { .. }, [(party, _)]) => FillStyle::Solid(party.colour),
        (Winner::Split { .. }, seats) => FillStyle::Stripes(seats.iter().map(|(p, n)| (p.colour, *n)).collect()),
        _ => FillStyle::NoData,
    }
}

fn winner(data: &Dataset, id: ElectionId) -> Colouring {
    let Some(joined) = data.election(id) else { return Colouring::empty("No such election") };
    let wards = joined.ward_set.and_then(|s| data.ward_set(s)).map_or(0, |s| s.wards.len());
    let mut fills = vec![FillStyle::NoData; wards];
    let mut values = vec![None; wards];
    // (fill, label, sort key) per distinct state; parties first, then splits.
    let mut items: Vec<(LegendItem, (u8, String))> = Vec::new();
    for (ward, contest) in joined.join.contest_of_ward.iter().enumerate() {
        let Some(contest) = contest.and_then(|c| joined.election.contests.get(c)) else { continue };
        let outcome = ContestOutcome::of(contest);
        let fill = winner_fill(&outcome);
        let (label, key) = match &outcome.winner {
            Winner::Party { party } => (party.clone(), (0, party.clone())),
            Winner::Split { .. } => {
                let label = format!("Split: {}", outcome.seats_label());
                (label.clone(), (1, label))
            }
            Winner::None => ("No candidates".into(), (2, String::new())),
        };
        values[ward] = Some(outcome.winner_label());
        match items.iter_mut().find(|(item, _)| item.fill == fill && item.label == label) {
            Some((item, _)) => item.count += 1,
            None => items.push((LegendItem { fill: fill.clone(), label, count: 1 }, key)),
        }
        fills[ward] = fill;
    }
    let no_data = fills.iter().filter(|f| **f == FillStyle::NoData).count();
    items.sort_by(|(a, ka), (b, kb)| ka.0.cmp(&kb.0).then(b.count.cmp(&a.count)).then(ka.1.cmp(&kb.1)));
    let mut items: Vec<LegendItem> = items.into_iter().map(|(item, _)| item).collect();
    if no_data > 0 {
        items.push(LegendItem { fill: FillStyle::NoData, label: "No result joined".into(), count: no_data });
    }
    Colouring {
        fills,
        values,
        legend: Legend { title: format!("{}: winning party", joined.election.title()), note: None, items },
        unavailable: None,
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
