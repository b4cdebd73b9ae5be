//! One file per measure: everything that differs between the modes the map can be coloured by.
//!
//! Each measure is a unit struct implementing [`Measure`]: the options it needs, whether it
//! can be shown and why not, its value in each ward and across the borough, its column in the
//! comparison table, and its map with the legend. The mode bar, the comparison table, the
//! exporter and the map ask [`measure`] for the mode's measure instead of matching on
//! [`ColourMode`], so the `registry!` list at the bottom of this file is the one place that
//! names every mode.
//!
//! The arithmetic (shares, change, swing, gains, majorities, scales) stays in the plain
//! functions of the sibling modules; a measure only picks the numbers and words to show.

mod axis;
mod context;
mod naming;
mod painting;
mod spec;

pub use axis::{AXIS_SYNTAX, AxisError, axis_name, parse_axis};
pub use context::Context;
pub(crate) use context::ward_count;
pub use naming::UnknownMode;
pub use painting::{Colouring, Counted, Legend, LegendBuilder, LegendItem, numbers, paint};
pub use spec::ColourSpec;

use super::change::PairError;
use super::marginality::TurnoutUnavailable;
use crate::model::{Dataset, ElectionId};
use serde::{Deserialize, Serialize};

/// What the map can be coloured by. One implementation per file of this module, listed once
/// in the registry.
///
/// A measure works on a [`Context`] (the data, the election shown and the [`ColourSpec`]):
/// only [`Measure::label`], [`Measure::ward_values`], [`Measure::column_title`] and
/// [`Measure::colour`] have no default. For example, a measure of the number of candidates
/// in each ward:
///
/// ```
/// use wardmap::analysis::measures::{Colouring, Context, Measure, Unavailable, WardValue, paint};
/// use wardmap::analysis::scales::{self, Scale};
///
/// /// The number of candidates who stood in each ward.
/// pub struct Candidates;
///
/// impl Measure for Candidates {
///     fn label(&self) -> &'static str {
///         "Candidates"
///     }
///
///     fn ward_values(&self, on: &Context<'_>) -> Result<Vec<Option<WardValue>>, Unavailable> {
///         Ok(on.each_ward(|contest| {
///             let n = contest.candidates.len();
///             Some(WardValue { number: Some(n as f64), text: format!("{n} candidates") })
///         }))
///     }
///
///     fn column_title(&self, _: &Context<'_>) -> String {
///         "Candidates".into()
///     }
///
///     fn colour(&self, on: &Context<'_>) -> Result<Colouring, Unavailable> {
///         let values = self.ward_values(on)?;
///         let colours = scales::turnout_colours(5, on.spec.colour_blind);
///         let scale = Scale::ascending(vec![4.0, 6.0, 8.0, 10.0], &colours, "");
///         Ok(paint(values, &scale, on.title("candidates"), "Candidates per ward".into()))
///     }
/// }
///
/// let barnet = wardmap::io::embedded::barnet();
/// let spec = wardmap::analysis::ColourSpec::winner();
/// let id = barnet.election_by_year(2018).ok_or("2018 is embedded")?;
/// let on = Context { data: &barnet, id, spec: &spec };
/// let map = Candidates.colour(&on)?;
/// assert_eq!(map.fills.len(), 21);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// Then add one line to the registry, `Candidates = "candidates" => candidates::Candidates,`,
/// and the mode picker, the exporter's `--mode candidates`, the tooltips and the comparison
/// table all show it.
pub trait Measure: Sync {
    /// The name in the mode picker and in headings: "Change in share".
    fn label(&self) -> &'static str;

    /// The options the mode bar offers for this measure, in the order shown.
    fn pickers(&self) -> &'static [Picker] {
        &[]
    }

    /// Whether the measure can be drawn on a ward set with no results. Only the winner map can:
    /// it shows the bare wards.
    fn without_results(&self) -> bool {
        false
    }

    /// Whether the measure can be shown for the election and spec, or why not; the mode bar
    /// greys the mode out with the reason. Asked only of an election that is loaded.
    fn availability(&self, _on: &Context<'_>) -> Result<(), Unavailable> {
        Ok(())
    }

    /// Each ward's value, in ward-set order (`None`: no result): tooltips and table rows.
    fn ward_values(&self, on: &Context<'_>) -> Result<Vec<Option<WardValue>>, Unavailable>;

    /// The whole borough's value, for the table's reference row; `None` where the measure has
    /// no borough form (a majority is a ward's).
    fn borough_value(&self, _on: &Context<'_>) -> Option<WardValue> {
        None
    }

    /// The heading of the comparison table's measure column: "Swing Con↔Lab 2014→2018".
    fn column_title(&self, on: &Context<'_>) -> String;

    /// Whether the comparison panel gives the measure a column of its own; the winner and the
    /// majority are in its seats grid already.
    fn own_column(&self) -> bool {
        true
    }

    /// Whether each ward's value is a number that can go on a scatter plot's axis; the winner,
    /// gains and control maps are categories.
    fn plottable(&self) -> bool {
        true
    }

    /// The unit of [`WardValue::number`] ("%", "pts"), for axes and slopes; empty when the
    /// measure has no number or no unit.
    fn unit(&self, _on: &Context<'_>) -> String {
        String::new()
    }

    /// A caveat that goes with the figures wherever they are shown (an approximation, an
    /// apportioned estimate); `None` when there is none.
    fn caveat(&self, _on: &Context<'_>) -> Option<String> {
        None
    }

    /// The credit the figures' licence asks for, when they are not the election's own (a
    /// census table's); `None` for measures of the results.
    fn credit(&self, _on: &Context<'_>) -> Option<String> {
        None
    }

    /// A value as a short table cell ("+6.9 pts"); the full words are the cell's tooltip.
    fn cell_text(&self, _spec: &ColourSpec, value: &WardValue) -> String {
        value.text.clone()
    }

    /// The map: a fill per ward of the set, a value per ward for tooltips, and a legend built
    /// from the same bins as the fills; or why it cannot be drawn.
    fn colour(&self, on: &Context<'_>) -> Result<Colouring, Unavailable>;
}

/// An option a measure needs, as the mode bar shows it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Picker {
    /// One party ([`ColourSpec::party`]).
    Party,
    /// The two parties of a swing ([`ColourSpec::swing`]).
    PartyPair,
    /// The election to compare with ([`ColourSpec::baseline`]).
    Baseline,
    /// How shares are counted ([`ColourSpec::method`]).
    ShareMethod,
    /// A column of ward figures, census or opened ([`ColourSpec::attribute`]).
    Attribute,
}

/// Why a measure cannot be shown. The words (via `Display`) are shown as they are, in hover
/// text, legends and the command line's errors.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum Unavailable {
    #[error("No results are loaded for these wards")]
    NoResults,
    #[error("No such election")]
    NoSuchElection,
    #[error("Swing needs two different parties")]
    SameParties,
    #[error(transparent)]
    Turnout(#[from] TurnoutUnavailable),
    #[error(transparent)]
    Comparison(#[from] PairError),
    #[error("Council control maps many boroughs at once: pick London at the top")]
    NotManyBoroughs,
    #[error("No ward figures: {0}")]
    NoAttribute(String),
}

/// One ward's value under a measure: a number where the measure has one (%, points, seats
/// gained) and the words for a tooltip or a table cell.
#[derive(Clone, Debug, PartialEq)]
pub struct WardValue {
    pub number: Option<f64>,
    pub text: String,
}

impl WardValue {
    /// A value that is there, for the `Option` a measure returns per ward.
    pub fn some(number: Option<f64>, text: String) -> Option<WardValue> {
        Some(WardValue { number, text })
    }
}

/// Each ward's value under the spec's mode, or why the mode cannot be worked out.
pub fn ward_values(data: &Dataset, id: ElectionId, spec: &ColourSpec) -> Result<Vec<Option<WardValue>>, Unavailable> {
    data.election(id).ok_or(Unavailable::NoSuchElection)?;
    measure(spec.mode).ward_values(&Context { data, id, spec })
}

/// The earlier election a map of `spec` on election `id` also draws on (change, swing, gains),
/// so that its sources are credited too.
pub fn baseline_of(
    data: &crate::model::Dataset,
    id: crate::model::ElectionId,
    spec: &super::ColourSpec,
) -> Option<crate::model::ElectionId> {
    if !spec.mode.needs_baseline() {
        return None;
    }
    crate::analysis::change::ElectionPair::with_baseline(data, id, spec.baseline).ok().map(|pair| pair.from)
}

/// The credit of figures the spec's map shows that are not the election's own (a census
/// table's), to go after the results' and boundaries' credits.
pub fn measure_credit(data: &Dataset, id: ElectionId, spec: &ColourSpec) -> Option<String> {
    data.election(id)?;
    measure(spec.mode).credit(&Context { data, id, spec })
}

/// Everything a map of `spec` on election `id` must credit: results, boundaries, the baseline's
/// results and any ward figures.
pub fn credits_for(data: &Dataset, id: Option<ElectionId>, spec: &ColourSpec) -> String {
    let baseline = id.and_then(|id| baseline_of(data, id, spec));
    let line = crate::model::credits::attribution_for_all(data, id, baseline);
    match id.and_then(|id| measure_credit(data, id, spec)) {
        Some(credit) => format!("{line} {credit}"),
        None => line,
    }
}

/// Declares the modes from one list: the `ColourMode` enum (its variants serialised as the
/// keys), `ColourMode::ALL` in list order, `ColourMode::key`, the measure modules and
/// [`measure`]. The generated `match` is the only one on the modes.
macro_rules! registry {
    ($($(#[$attr:meta])* $mode:ident = $key:literal => $module:ident::$measure:ident,)*) => {
        $(pub mod $module;)*

        /// The measure the map is coloured by; its behaviour is [`measure`]`(mode)`.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
        pub enum ColourMode {
            $($(#[$attr])* #[serde(rename = $key)] $mode,)*
        }

        impl ColourMode {
            /// Every mode, in the mode picker's order.
            pub const ALL: &[ColourMode] = &[$(ColourMode::$mode),*];

            /// The spelling on the command line and in saved settings: "swing".
            pub fn key(self) -> &'static str {
                match self {
                    $(ColourMode::$mode => $key,)*
                }
            }
        }

        /// The measure behind a mode.
        pub fn measure(mode: ColourMode) -> &'static dyn Measure {
            match mode {
                $(ColourMode::$mode => &$module::$measure,)*
            }
        }
    };
}

registry! {
    /// The party that won the ward; split wards striped.
    #[default]
    Winner = "winner" => winner::Winner,
    /// A chosen party's share of the vote (sequential, in that party's hue).
    Share = "share" => share::Share,
    /// A chosen party's change in share since the baseline election, in points (diverging).
    Change = "change" => change::Change,
    /// Butler two-party swing between the swing pair since the baseline election (diverging).
    Swing = "swing" => swing::Swing,
    /// The multi-member majority; small majorities stand out.
    Majority = "majority" => majority::Majority,
    /// Turnout, when the results carry electorates or turnout.
    Turnout = "turnout" => turnout::Turnout,
    /// Seats that changed hands since the baseline election, by gaining party.
    Gains = "gains" => gains::Gains,
    /// Each borough's council control, on a map of many boroughs (London).
    Control = "control" => control::CouncilControl,
    /// A census share or a column of a table the user opened (sequential).
    Attribute = "census" => attribute::Attribute,
}
