//! The data model: parties, wards and ward sets, elections and contests. Plain data, no egui.

pub mod attributes;
pub mod borough;
pub mod credits;
pub mod dataset;
pub mod election;
pub mod hexmap;
pub mod join;
pub mod notional;
pub mod palette;
pub mod party;
pub mod postcode;
pub mod ward;

pub use attributes::{AttributeTable, WardAttributes};
pub use dataset::{Dataset, ElectionId, JoinedElection, WardSetId};
pub use election::{Candidate, Contest, Election, PollDate};
pub use notional::{Notional, NotionalId, WeightMethod};
pub use party::Party;
pub use ward::{Ward, WardSet};
