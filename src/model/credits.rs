//! Credit lines the data's licences ask to travel with every map and table. In `model` so
//! that the exporter (`render`) and the app can credit the data without reading files.

/// The attribution the Open Government Licence asks to travel with the boundaries.
pub const ATTRIBUTION: &str = "Contains OS data © Crown copyright and database right. Contains Ordnance Survey, \
Office for National Statistics, National Records Scotland and LPS Intellectual Property data © Crown copyright \
and database right 2016. Results: London Datastore (2014), Democracy Club (2018).";

/// A one-line form of [`ATTRIBUTION`] for status bars and exported images.
pub const ATTRIBUTION_SHORT: &str = "Contains OS data © Crown copyright and database right. Source: ONS (OGL v3).";

/// The three attribution lines OS Code-Point Open asks to travel with anything made from it
/// (the postcode points behind notional results).
pub const CODE_POINT_OPEN: &str = "Postcodes: Contains Ordnance Survey data © Crown copyright and database right 2025. \
Contains Royal Mail data © Royal Mail copyright and database right 2025. Contains National Statistics data © Crown \
copyright and database right 2025.";

/// The credit of the 2011 Census religion table by ward.
pub const CENSUS_2011: &str = "Census 2011: Greater London Authority, Ward Profiles and Atlas. Source: Office for \
National Statistics licensed under the Open Government Licence v.3.0.";

/// The credit of the 2021 Census religion table, summed from LSOAs to wards by wardmap's data tools.
pub const CENSUS_2021: &str = "Census 2021: Source: Office for National Statistics licensed under the Open \
Government Licence v.3.0 (table TS030 by LSOA, summed to wards by best fit).";

/// The credit of the Open Innovations hex cartogram of London's wards, which its MIT licence asks for.
pub const HEX_CARTOGRAM: &str = "Hex cartogram © 2024 Open Innovations & Contributors (MIT licence)";

/// One source of the built-in London data, with the credit its licence asks for (the table in
/// `data/README.md`, "Sources and credits", as the sources state them).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Credit {
    pub source: &'static str,
    pub used_for: &'static str,
    pub licence: &'static str,
    pub line: &'static str,
}

/// Every source of the built-in London data, for the About box.
pub const LONDON_SOURCES: [Credit; 11] = [
    Credit {
        source: "GLA London Datastore",
        used_for: "results 2006, 2014, 2022; turnout 2006, 2022",
        licence: "OGL v3.0",
        line: "Greater London Authority, London Datastore. Contains public sector information licensed under the Open Government Licence v3.0.",
    },
    Credit {
        source: "GLA compilation of the 2026 borough returns",
        used_for: "results 2026; turnout 2026",
        licence: "OGL v3.0",
        line: "Greater London Authority (City Intelligence), compilation of the 2026 borough election returns. Contains public sector information licensed under the Open Government Licence v3.0.",
    },
    Credit {
        source: "Democracy Club",
        used_for: "results 2018",
        licence: "CC BY-SA",
        line: "Democracy Club, candidates.democracyclub.org.uk (CC BY-SA)",
    },
    Credit {
        source: "Electoral Commission via BBC England Data Unit",
        used_for: "turnout 2018",
        licence: "OGL v3.0",
        line: "Electoral Commission, May 2018 electoral data, compiled by BBC England Data Unit. Contains public sector information licensed under the Open Government Licence v3.0.",
    },
    Credit {
        source: "ONS Wards December 2013 (via martinjc/UK-GeoJSON)",
        used_for: "boundaries of the 2002 ward set",
        licence: "OGL v3.0",
        line: "Contains Ordnance Survey, Office of National Statistics, National Records Scotland and LPS Intellectual Property data © Crown copyright and database right [2016].",
    },
    Credit {
        source: "GLA Statistical GIS Boundary Files for London",
        used_for: "boundaries of the 2014 and 2018 ward sets",
        licence: "OGL v3.0",
        line: "Source: Greater London Authority, London Datastore (Statistical GIS Boundary Files for London). Contains National Statistics data © Crown copyright and database right [2015]. Contains Ordnance Survey data © Crown copyright and database right [2015].",
    },
    Credit {
        source: "ONS Wards December 2022",
        used_for: "boundaries of the 2022 ward set (2022, 2026)",
        licence: "OGL v3.0",
        line: "Source: Office for National Statistics licensed under the Open Government Licence v.3.0. Contains OS data © Crown copyright and database right 2022.",
    },
    Credit {
        source: "OS Code-Point Open 2025.4",
        used_for: "postcode points: the weights of notional results",
        licence: "OGL v3.0",
        line: CODE_POINT_OPEN,
    },
    Credit {
        source: "GLA Ward Profiles and Atlas (Census 2011)",
        used_for: "religion by ward, 2011 Census (2002 ward set)",
        licence: "OGL v3.0",
        line: CENSUS_2011,
    },
    Credit {
        source: "ONS Census 2021 TS030 by LSOA (via humaniverse/demographr)",
        used_for: "religion by ward, 2021 Census (best fit to the 2022 ward set)",
        licence: "OGL v3.0",
        line: CENSUS_2021,
    },
    Credit {
        source: "Open Innovations UK wards hex cartogram 2024",
        used_for: "London hex map",
        licence: "MIT",
        line: HEX_CARTOGRAM,
    },
];

/// The credit line of one map of the built-in data: who published its results (and turnout)
/// and its boundaries, in the words their licences ask for. `results_file` and
/// `boundary_file` are the paths the election and its ward set came from; files of the user's
/// own get the boundary line of [`ATTRIBUTION_SHORT`] (the usual ONS/OS terms) and no results
/// credit (the user knows their source).
#[must_use]
pub fn credit_line(year: i32, results_file: &str, boundary_file: &str) -> String {
    credit_line_of(&[(year, results_file)], boundary_file)
}

/// As [`credit_line`], for a map drawn from several elections (a change or gains map uses the
/// earlier one's results too): each source credited once.
#[must_use]
pub fn credit_line_of(elections: &[(i32, &str)], boundary_file: &str) -> String {
    let mut parts: Vec<&str> = Vec::new();
    for &(year, results_file) in elections {
        for credit in results_credits(year, results_file) {
            if !parts.contains(&credit) {
                parts.push(credit);
            }
        }
    }
    let boundaries = if boundary_file.contains("london-wards-2002") {
        LONDON_SOURCES[4].line
    } else if boundary_file.contains("london-wards-2022") {
        LONDON_SOURCES[6].line
    } else if boundary_file.contains("london-wards-2014") || boundary_file.contains("london-wards-2018") {
        LONDON_SOURCES[5].line
    } else {
        ATTRIBUTION_SHORT
    };
    parts.push(boundaries);
    parts.join(" ")
}

/// The results (and turnout) credits of one built-in election; none for a user's file.
fn results_credits(year: i32, results_file: &str) -> Vec<&'static str> {
    let built_in = results_file.starts_with("data/london/") || results_file.starts_with("data/results/barnet-");
    if !built_in {
        return Vec::new();
    }
    match year {
        2018 => vec![
            "Results 2018: Democracy Club, candidates.democracyclub.org.uk (CC BY-SA).",
            "Turnout 2018: Electoral Commission, compiled by BBC England Data Unit (OGL v3.0).",
        ],
        2026 => vec!["Results and turnout 2026: GLA City Intelligence compilation of the borough returns (OGL v3.0)."],
        2006 | 2022 => vec!["Results and turnout 2006, 2022: Greater London Authority, London Datastore (OGL v3.0)."],
        _ => vec!["Results 2014: Greater London Authority, London Datastore (OGL v3.0)."],
    }
}

/// The credit line for what is shown: the sources of the election and its boundaries, in the
/// words their licences ask for ([`crate::model::credits::credit_line`]); or, when every ward
/// set was generated by `--synthetic`, a plain statement that nothing shown is real (crediting
/// the OS for invented shapes would be wrong).
pub fn attribution_for(data: &crate::model::Dataset, shown: Option<crate::model::ElectionId>) -> String {
    attribution_for_all(data, shown, None)
}

/// As [`attribution_for`], for a map that also uses the results of `baseline` (change, swing
/// and gains maps: [`crate::analysis::measures::baseline_of`]).
pub fn attribution_for_all(
    data: &crate::model::Dataset,
    shown: Option<crate::model::ElectionId>,
    baseline: Option<crate::model::ElectionId>,
) -> String {
    let synthetic = |set: &crate::model::WardSet| set.source.starts_with("synthetic-");
    if !data.ward_sets.is_empty() && data.ward_sets.iter().all(synthetic) {
        return "Synthetic wards and results generated by wardmap: not real data.".to_owned();
    }
    let Some(joined) = shown.and_then(|id| data.election(id)) else { return ATTRIBUTION_SHORT.to_owned() };
    let boundaries = joined.ward_set.and_then(|s| data.ward_set(s)).map_or("", |s| s.source.as_str());
    let mut elections = vec![(joined.election.year, joined.election.source.as_str())];
    if let Some(earlier) = baseline.and_then(|id| data.election(id)) {
        elections.insert(0, (earlier.election.year, earlier.election.source.as_str()));
    }
    let line = credit_line_of(&elections, boundaries);
    // A notional baseline weighted by postcodes also credits the postcode points.
    let by_postcodes = baseline
        .zip(joined.ward_set)
        .and_then(|(from, onto)| data.notional(data.notional_of(from, onto)?))
        .is_some_and(|n| n.weights.method == crate::model::WeightMethod::Postcodes);
    if by_postcodes { format!("{line} {CODE_POINT_OPEN}") } else { line }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_map_credits_its_own_sources() {
        let london_2018 = credit_line(
            2018,
            "data/london/results/london-2018.csv",
            "data/london/boundaries/by-election/london-wards-2018-election.geojson",
        );
        assert!(london_2018.contains("Democracy Club") && london_2018.contains("CC BY-SA"), "{london_2018}");
        assert!(london_2018.contains("Electoral Commission") && london_2018.contains("[2015]"), "{london_2018}");
        let barnet_2022 =
            credit_line(2022, "data/london/results/london-2022.csv", "data/boundaries/barnet-wards-2022.geojson");
        assert!(barnet_2022.contains("London Datastore") && barnet_2022.ends_with(ATTRIBUTION_SHORT), "{barnet_2022}");
        let own = credit_line(2019, "/home/me/results.csv", "/home/me/wards.geojson");
        assert_eq!(own, ATTRIBUTION_SHORT);
    }
}
