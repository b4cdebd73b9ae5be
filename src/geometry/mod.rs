//! Map geometry, free of any UI: projection, triangulation, levels of detail, hit testing
//! and label placement.
//!
//! Ward boundaries come in as lon/lat `MultiPolygon`s, one per ward, in a stable order.
//! [`PreparedWardSet::new`] does all the expensive work once per boundary set (projection to
//! Web Mercator, earcut triangulation, simplified levels of detail, label spots and an R-tree);
//! the map widget then only moves cached vertices each frame. [`place_labels`] decides which
//! wards get their name, for the map widget and the exporter alike. Everything stays f64 (world
//! metres) until it reaches the screen; cached shapes are f32 relative to a per-ward origin.

pub mod hexes;
pub mod labels;
pub mod lod;
pub mod mesh;
pub mod outlines;
mod parallel;
pub mod placement;
pub mod point_in;
pub mod prepared;
pub mod projection;
mod simplify;
pub mod weights;

#[cfg(test)]
mod tests;

pub use labels::{LabelSpot, label_spot};
pub use lod::DetailLevel;
pub use mesh::{WardMesh, WardShape};
pub use placement::{
    LabelRules, LabelView, MeasureText, PlacedLabel, Placement, TextSize, ViewRect, WardLabel, place_labels,
};
pub use prepared::{PreparedWard, PreparedWardSet};
pub use projection::{project, unproject};
