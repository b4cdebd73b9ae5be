//! wardmap's performance budgets (issue 6), measured with divan: `cargo bench`.
//!
//! | figure | budget | benchmark |
//! |---|---|---|
//! | load, triangulate and index | ≥ 100 MB/s of GeoJSON | `load::load_triangulate_index` (parts: `load::parse_geojson`, `load::prepare_geometry`) |
//! | one frame at 10,000 wards | < 8 ms CPU | `frame::map_10000_wards` (parts: `frame::map_widget_only`; whole app: `frame::app_10000_wards`) |
//! | a hit test | < 50 µs | `hit_test::ward_at` |
//! | start to first map frame (Barnet) | < 0.5 s | `startup::barnet_to_first_frame` |
//! | `wardmap export` Barnet 1600 px PNG | < 100 ms | `export::barnet_png_1600` |
//! | notional results of all of London (the command line on the built-in data waits for them) | — (issue 14's note) | `notional::attach_all_london` (part: `notional::locate_postcodes_london_2022`) |
//! | `wardmap export` of one ward whose ring winds round itself, 50,000 vertices | ≤ 2 s, about linear | `rings::export_hostile_png` (parts: `rings::parse_hostile`, `rings::prepare_hostile`; the check: `rings::self_crossing_hostile`, `rings::self_crossing_simple`) |
//!
//! Data is synthetic ([`wardmap::synthetic`], a fixed seed) or the embedded Barnet data, so the
//! figures are comparable between machines and commits. Filter with `cargo bench -- frame`.
//! Nothing here asserts on time: timings belong in benchmarks, not tests.

mod export;
mod fixtures;
mod frame;
mod hit_test;
mod load;
mod notional;
mod rings;
mod startup;

fn main() {
    divan::main();
}
