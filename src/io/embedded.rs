//! The Barnet data built into the binary, so the app opens on real results with no set-up.
//! Sources and licence: `data/README.md`.

use super::{boundaries, no_progress, results};
use crate::model::{Dataset, Election, WardSet};
use std::path::Path;

const WARDS_2002: &str = include_str!("../../data/boundaries/barnet-wards-2002.geojson");
const WARDS_2022: &str = include_str!("../../data/boundaries/barnet-wards-2022.geojson");
const RESULTS_2014: &str = include_str!("../../data/results/barnet-2014.csv");
const RESULTS_2018: &str = include_str!("../../data/results/barnet-2018.csv");

pub use crate::model::credits::{ATTRIBUTION, ATTRIBUTION_SHORT};

/// The embedded Barnet ward sets: 2002–2018 (21 wards) and from 2022 (24 wards).
pub fn barnet_ward_sets() -> Vec<WardSet> {
    // The embedded files are checked by the tests, so a failure here is a build defect, not user input.
    let parse = |text: &str, file: &str, name: &str, year: i32| WardSet {
        borough: Some("Barnet".to_owned()),
        ..boundaries::parse(text, Path::new(file), name, Some(year))
            .unwrap_or_else(|e| panic!("embedded boundary file is broken: {e}"))
    };
    vec![
        parse(WARDS_2002, "data/boundaries/barnet-wards-2002.geojson", "Barnet wards 2002–2018", 2002),
        parse(WARDS_2022, "data/boundaries/barnet-wards-2022.geojson", "Barnet wards from 2022", 2022),
    ]
}

/// The embedded Barnet elections: 2014 and 2018.
pub fn barnet_elections() -> Vec<Election> {
    let parse = |text: &str, file: &str| {
        results::parse(text, Path::new(file), "Barnet", &no_progress)
            .unwrap_or_else(|e| panic!("embedded results file is broken: {e}"))
            .elections
    };
    let mut elections = parse(RESULTS_2014, "data/results/barnet-2014.csv");
    elections.extend(parse(RESULTS_2018, "data/results/barnet-2018.csv"));
    elections
}

/// Everything embedded, joined.
pub fn barnet() -> Dataset {
    Dataset::new(barnet_ward_sets(), barnet_elections())
}

/// The London files built into the binary (`data/london/`; sources and licences in
/// `data/README.md`), as text. `crate::session` assembles them into boroughs and elections.
pub mod london {
    /// A file's path in the repository (for messages) and its text.
    pub type File = (&'static str, &'static str);

    macro_rules! file {
        ($path:literal) => {
            ($path, include_str!(concat!("../../", $path)))
        };
    }

    /// Candidate results of each election year.
    pub const RESULTS: [(i32, File); 5] = [
        (2006, file!("data/london/results/london-2006.csv")),
        (2014, file!("data/london/results/london-2014.csv")),
        (2018, file!("data/london/results/london-2018.csv")),
        (2022, file!("data/london/results/london-2022.csv")),
        (2026, file!("data/london/results/london-2026.csv")),
    ];
    /// Ward electorate, ballots and turnout of the years whose sources publish them (not 2014).
    pub const TURNOUT: [(i32, File); 4] = [
        (2006, file!("data/london/turnout/london-2006.csv")),
        (2018, file!("data/london/turnout/london-2018.csv")),
        (2022, file!("data/london/turnout/london-2022.csv")),
        (2026, file!("data/london/turnout/london-2026.csv")),
    ];
    /// Every printed party label with its official name and Labour Co-op flag.
    pub const PARTIES: File = file!("data/london/results/parties.csv");
    /// Census religion by ward: 2011 on the 2002 ward set, 2021 best-fit on the 2022 set.
    pub const CENSUS: [(i32, File); 2] = [
        (2011, file!("data/london/census/london-2011-religion-wards-2002.csv")),
        (2021, file!("data/london/census/london-2021-religion-wards-2022-BESTFIT.csv")),
    ];
    /// The Open Innovations hex cartogram of London's wards (the 2022 set and the City's), MIT.
    pub const HEXMAP: File = file!("data/london/hexmap/E12000007.hexjson");
    /// London's postcode points (OS Code-Point Open), for notional results and postcode search.
    pub const POSTCODES: File = file!("data/london/postcodes/london-postcodes-2025.4.txt");

    /// A London-wide boundary layer: its file, the first election it was drawn for, and the
    /// properties holding each ward's code, its name and its borough's name.
    pub struct Layer {
        pub file: File,
        pub first_year: i32,
        pub code: &'static str,
        pub name: &'static str,
        pub borough: &'static str,
    }

    /// The ward sets the boroughs' own wards are split from: every borough's 2002 and 2022
    /// wards, and the wards of the boroughs redrawn in 2014 and in 2018.
    pub const WARD_SETS: [Layer; 4] = [
        Layer {
            file: file!("data/london/boundaries/london-wards-2002.geojson"),
            first_year: 2002,
            code: "WD13CD",
            name: "WD13NM",
            borough: "LAD13NM",
        },
        Layer {
            file: file!("data/london/boundaries/london-wards-2014-changes.geojson"),
            first_year: 2014,
            code: "GSS_Code",
            name: "Name",
            borough: "Borough",
        },
        Layer {
            file: file!("data/london/boundaries/london-wards-2018-changes.geojson"),
            first_year: 2018,
            code: "GSS_CODE",
            name: "NAME",
            borough: "DISTRICT",
        },
        Layer {
            file: file!("data/london/boundaries/london-wards-2022.geojson"),
            first_year: 2022,
            code: "wd22cd",
            name: "wd22nm",
            borough: "lad22nm",
        },
    ];

    /// Seamless London-wide layers of the wards in force at the 2014 and 2018 elections (the
    /// 2002 and 2022 sets above serve 2006, 2022 and 2026 whole).
    pub const ELECTION_LAYERS: [Layer; 2] = [
        Layer {
            file: file!("data/london/boundaries/by-election/london-wards-2014-election.geojson"),
            first_year: 2014,
            code: "GSS_Code",
            name: "Name",
            borough: "Borough",
        },
        Layer {
            file: file!("data/london/boundaries/by-election/london-wards-2018-election.geojson"),
            first_year: 2018,
            code: "GSS_CODE",
            name: "NAME",
            borough: "DISTRICT",
        },
    ];
}
