//! The Barnet data built into the binary, so the app opens on real results with no set-up.
//! Sources and licence: `data/README.md`.

use super::{boundaries, results_csv};
use crate::model::{Dataset, Election, WardSet};
use std::path::Path;

const WARDS_2002: &str = include_str!("../../data/boundaries/barnet-wards-2002.geojson");
const WARDS_2022: &str = include_str!("../../data/boundaries/barnet-wards-2022.geojson");
const RESULTS_2014: &str = include_str!("../../data/results/barnet-2014.csv");
const RESULTS_2018: &str = include_str!("../../data/results/barnet-2018.csv");

/// The attribution the Open Government Licence asks to travel with the boundaries.
pub const ATTRIBUTION: &str = "Contains OS data © Crown copyright and database right. Contains Ordnance Survey, \
Office for National Statistics, National Records Scotland and LPS Intellectual Property data © Crown copyright \
and database right 2016. Results: London Datastore (2014), Democracy Club (2018).";

/// A one-line form of [`ATTRIBUTION`] for status bars and exported images.
pub const ATTRIBUTION_SHORT: &str = "Contains OS data © Crown copyright and database right. Source: ONS (OGL v3).";

/// The embedded Barnet ward sets: 2002–2022 (21 wards) and from 2022 (24 wards).
pub fn barnet_ward_sets() -> Vec<WardSet> {
    // The embedded files are checked by the tests, so a failure here is a build defect, not user input.
    let parse = |text: &str, file: &str, name: &str, year: i32| {
        boundaries::parse(text, Path::new(file), name, Some(year))
            .unwrap_or_else(|e| panic!("embedded boundary file is broken: {e}"))
    };
    vec![
        parse(WARDS_2002, "data/boundaries/barnet-wards-2002.geojson", "Barnet wards 2002–2022", 2002),
        parse(WARDS_2022, "data/boundaries/barnet-wards-2022.geojson", "Barnet wards from 2022", 2022),
    ]
}

/// The embedded Barnet elections: 2014 and 2018.
pub fn barnet_elections() -> Vec<Election> {
    let parse = |text: &str, file: &str| {
        results_csv::parse(text, Path::new(file), "Barnet")
            .unwrap_or_else(|e| panic!("embedded results file is broken: {e}"))
    };
    let mut elections = parse(RESULTS_2014, "data/results/barnet-2014.csv");
    elections.extend(parse(RESULTS_2018, "data/results/barnet-2018.csv"));
    elections
}

/// Everything embedded, joined.
pub fn barnet() -> Dataset {
    Dataset::new(barnet_ward_sets(), barnet_elections())
}
