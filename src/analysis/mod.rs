//! Pure analysis of results: seats, winners, majorities, shares, swing and gains.
//! No egui; every function is tested on examples computed by hand.

pub mod attributes;
pub mod borough;
pub mod change;
pub mod colouring;
pub mod comparison;
pub mod control;
pub mod declared;
pub mod format;
pub mod gains;
pub mod history;
pub mod marginality;
pub mod measures;
pub mod notional;
pub mod outcome;
pub mod scales;
pub mod scatter;
pub mod share;
pub mod table;
#[cfg(test)]
mod test_support;
pub mod totals;
pub mod turnout;

pub use borough::{BoroughChange, BoroughSummary, borough_shares, parties_standing};
pub use change::{ElectionPair, PairError, ShareChange, Swing, butler_swing, share_change, swing_label, ward_swing};
pub use colouring::{
    ColourMode, ColourSpec, Colouring, Legend, LegendItem, MapSubject, Unavailable, availability, colour,
};
pub use comparison::{Comparison, ComparisonRow, compare_wards, ward_across_elections};
pub use gains::{GainsReport, PartySeatChange, SeatGain, WardSeatChange};
pub use marginality::{Majority, TurnoutUnavailable, turnout_availability, turnout_percent};
pub use measures::{Measure, Picker, WardValue, measure, ward_values};
pub use outcome::{ContestOutcome, Winner};
pub use share::{PartyVote, ShareMethod, UnknownShareMethod, share_of, shares};
pub use totals::{seat_totals, seat_totals_label};
