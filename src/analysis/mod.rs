//! Pure analysis of results: seats, winners, majorities, shares, swing and gains.
//! No egui; every function is tested on examples computed by hand.

pub mod colouring;
pub mod outcome;
pub mod share;
pub mod totals;

pub use outcome::{ContestOutcome, Winner};
pub use share::ShareMethod;
pub use totals::{seat_totals, seat_totals_label};
