//! wardmap: explore council election results ward by ward on a map.
//!
//! The crate is a pure core with egui at the edges:
//! - [`model`]: parties, wards, elections: plain data, no egui;
//! - [`io`]: reading results CSVs and boundary GeoJSON into the model (and the embedded Barnet data);
//! - [`analysis`]: seats, winners, majorities and the other measures, as pure functions;
//! - [`geometry`]: projection, triangulation, hit testing and label placement, no egui;
//! - [`session`]: what is loaded and the one way of loading it (sources, merging, checks), for
//!   the app and the command line alike, no egui;
//! - [`render`]: headless PNG/SVG export of the map;
//! - [`ui`]: the eframe app, map widget and panels;
//! - [`cli`]: the command-line side (`wardmap summary`, `wardmap export`);
//! - [`synthetic`]: generated wards and results at any scale, for benchmarks and `--synthetic N`.

pub mod analysis;
pub mod cli;
pub mod geometry;
pub mod io;
pub mod model;
pub mod render;
pub mod session;
pub mod synthetic;
pub mod ui;
