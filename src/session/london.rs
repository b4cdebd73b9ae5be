//! All of London from the embedded London files: every borough's elections of 2006–2026 with
//! their turnout, each borough's own ward sets split from the London-wide layers, and "London"
//! itself (every ward of the city) as one more borough with one election per year.
//!
//! Why here and not in `io`: the files are parsed by `io`, but putting them together takes
//! rules (which party a printed label stands for, which turnout row is whose, which borough a
//! ward is in, which names are one borough), and those are decisions, documented in
//! `data/README.md`, that the app and the command line must share.
//!
//! Barnet keeps its own boundary files and its own 2014 and 2018 results (the files wardmap
//! has always shipped; the London files agree with them); its 2006, 2022 and 2026 elections
//! come from the London files.

use crate::io::embedded::london::{self, Layer};
use crate::io::feature_pairs::feature_pairs;
use crate::io::parties_csv::{self, PartyLabels};
use crate::io::properties::BoundaryOptions;
use crate::io::turnout_csv::{self, WardTurnout};
use crate::io::{boundaries, no_progress, results};
use crate::model::borough::find_borough;
use crate::model::{Election, Party, WardSet};
use std::collections::{BTreeMap, HashMap};
use std::path::Path;

/// The name of the whole city as a borough of its own.
pub const LONDON: &str = "London";

/// The borough wardmap opens on, and whose own files it keeps.
pub const BARNET: &str = "Barnet";

/// Every London borough's ward sets (Barnet's left out: it has its own) and the London-wide
/// sets. Built once per process, on first use. The slow half of the London data (some 4 MB of
/// GeoJSON): the app builds it in the background while Barnet is already on screen.
///
/// # Panics
/// Only if an embedded file is broken: a build defect that the tests catch, not user input.
#[must_use]
pub fn ward_sets() -> &'static [WardSet] {
    static BUILT: std::sync::OnceLock<Vec<WardSet>> = std::sync::OnceLock::new();
    BUILT.get_or_init(|| {
        let mut sets = borough_ward_sets();
        for layer in &london::ELECTION_LAYERS {
            let mut set = read_layer(layer);
            set.name = format!("{LONDON} wards at the {} election", layer.first_year);
            sets.push(set);
        }
        sets
    })
}

/// Every election of every London borough (Barnet's 2014 and 2018 left out: Barnet has its
/// own files of them) and London's, with parties grouped and turnout attached. Built once per
/// process, on first use; quick (the results and turnout tables only).
///
/// # Panics
/// As [`ward_sets`].
#[must_use]
pub fn elections() -> &'static [Election] {
    static BUILT: std::sync::OnceLock<Vec<Election>> = std::sync::OnceLock::new();
    BUILT.get_or_init(build_elections)
}

/// The boroughs' names as the 2022 boundary layer spells them: the one spelling the app uses.
fn borough_names() -> &'static [String] {
    static NAMES: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    NAMES.get_or_init(read_borough_names)
}

fn read_borough_names() -> Vec<String> {
    let layer = &london::WARD_SETS[3];
    let (path, text) = layer.file;
    let mut names: Vec<String> = feature_pairs(text, Path::new(path), layer.code, layer.borough)
        .unwrap_or_else(|e| panic!("embedded boundary file is broken: {e}"))
        .into_iter()
        .map(|(_, borough)| borough)
        .collect();
    names.sort();
    names.dedup();
    names
}

fn build_elections() -> Vec<Election> {
    let parties = parties_csv::parse(london::PARTIES.1, Path::new(london::PARTIES.0))
        .unwrap_or_else(|e| panic!("embedded party table is broken: {e}"));
    let names: Vec<&str> = borough_names().iter().map(String::as_str).collect();
    let mut elections = Vec::new();
    for (year, (path, text)) in london::RESULTS {
        let parsed = results::parse(text, Path::new(path), LONDON, &no_progress)
            .unwrap_or_else(|e| panic!("embedded results file is broken: {e}"));
        let turnout = turnout_table(year);
        let mut of_year: Vec<Election> = parsed.elections;
        for election in &mut of_year {
            // One name per borough whatever the year's source calls it ("Kensington & Chelsea").
            if let Ok(name) = find_borough(&election.borough, &names) {
                name.clone_into(&mut election.borough);
            }
            group_parties(election, &parties);
            if let Some(rows) = turnout {
                attach_turnout(election, rows);
            }
        }
        of_year.sort_by(|a, b| a.borough.cmp(&b.borough));
        elections.push(Election {
            borough: LONDON.to_owned(),
            year,
            contests: of_year.iter().flat_map(|e| e.contests.iter().cloned()).collect(),
            source: (*path).to_owned(),
            turnout_definition: of_year.iter().find_map(|e| e.turnout_definition.clone()),
        });
        elections.extend(of_year.into_iter().filter(|e| !(e.borough == BARNET && matches!(e.year, 2014 | 2018))));
    }
    elections
}

/// Each borough's own ward sets, split from the London-wide layers by the borough each ward
/// is in, then the London-wide 2002 and 2022 sets.
fn borough_ward_sets() -> Vec<WardSet> {
    let mut own = Vec::new();
    let mut whole = Vec::new();
    for layer in &london::WARD_SETS {
        let set = read_layer(layer);
        let mut by_borough: BTreeMap<&str, Vec<crate::model::Ward>> = BTreeMap::new();
        for ward in &set.wards {
            if let Some(borough) = &ward.borough {
                by_borough.entry(borough).or_default().push(ward.clone());
            }
        }
        for (borough, wards) in by_borough {
            // A borough redrawn in 2014 or 2018 kept those wards, and their codes, in 2022: the
            // 2022 layer's copy is the same ward set, and must stay one, or its 2018 and 2022
            // elections could not be compared ward by ward.
            fn codes(wards: &[crate::model::Ward]) -> Vec<&str> {
                let mut codes: Vec<&str> = wards.iter().filter_map(|w| w.code.as_deref()).collect();
                codes.sort_unstable();
                codes
            }
            let unchanged = own
                .iter()
                .rev()
                .find(|s: &&WardSet| s.borough.as_deref() == Some(borough))
                .is_some_and(|earlier| codes(&earlier.wards) == codes(&wards));
            if unchanged {
                continue;
            }
            if borough != BARNET {
                own.push(WardSet {
                    name: format!("{borough} wards from {}", layer.first_year),
                    first_year: Some(layer.first_year),
                    source: layer.file.0.to_owned(),
                    borough: Some(borough.to_owned()),
                    wards,
                });
            }
        }
        if matches!(layer.first_year, 2002 | 2022) {
            whole.push(WardSet { name: format!("{LONDON} wards from {}", layer.first_year), ..set });
        }
    }
    own.extend(whole);
    own
}

/// A London-wide layer as one ward set of London, read with its own code and name
/// properties, each ward knowing its borough.
fn read_layer(layer: &Layer) -> WardSet {
    let (path, text) = layer.file;
    let options =
        BoundaryOptions { code_property: Some(layer.code.to_owned()), name_property: Some(layer.name.to_owned()) };
    let broken = |e: crate::io::BoundaryError| -> ! { panic!("embedded boundary file is broken: {e}") };
    let parsed = boundaries::parse_with(text, Path::new(path), path, Some(layer.first_year), &options, &no_progress)
        .unwrap_or_else(|e| broken(e));
    let borough_of: HashMap<String, String> = feature_pairs(text, Path::new(path), layer.code, layer.borough)
        .unwrap_or_else(|e| broken(e))
        .into_iter()
        .collect();
    let mut set = WardSet { borough: Some(LONDON.to_owned()), ..parsed.ward_set };
    // One spelling per borough, as for the elections: the 2018 layer says "City of Westminster".
    let names: Vec<&str> = borough_names().iter().map(String::as_str).collect();
    for ward in &mut set.wards {
        ward.borough = ward
            .code
            .as_ref()
            .and_then(|code| borough_of.get(code))
            .map(|borough| find_borough(borough, &names).map_or_else(|_| borough.clone(), str::to_owned));
    }
    set
}

/// Each candidate's party through the party table: the label's official name, and Labour for
/// Labour and Co-operative candidates, as published totals count them. A label the table does
/// not know keeps the party its words name. The printed label stays on the candidate.
fn group_parties(election: &mut Election, parties: &PartyLabels) {
    let labour = Party::from_source("Labour");
    let mut cache: HashMap<String, Party> = HashMap::new();
    for candidate in election.contests.iter_mut().flat_map(|c| c.candidates.iter_mut()) {
        let party = cache.entry(candidate.party_label.clone()).or_insert_with(|| {
            match parties.lookup_year(election.year, &candidate.party_label) {
                Some(entry) if entry.labour_coop => labour.clone(),
                Some(entry) => {
                    entry.official_name.as_deref().map_or_else(|| candidate.party.clone(), Party::from_source)
                }
                None => candidate.party.clone(),
            }
        });
        candidate.party = party.clone();
    }
}

/// What each year's turnout figures count, in words naming the source (`data/README.md` quotes
/// each source's own definition in full).
fn turnout_definition(year: i32) -> Option<&'static str> {
    Some(match year {
        2006 => "ballots cast in person and by post over the electorate (GLA voting proportions)",
        2018 => "ballot-box turnout, including rejected ballots (Electoral Commission)",
        2022 => "turnout as returned by each borough, mostly valid ballots over the electorate (GLA)",
        2026 => "turnout as entered by each borough on the GLA's form; ballots are the valid ballots (GLA)",
        _ => return None,
    })
}

/// The ward's electorate, ballots, rejected ballots and turnout from the year's table, by ward
/// code. Ballots are the count the source's turnout is of: all ballots where the source gives
/// them (2006, 2018), else the valid ones (2022, 2026).
fn attach_turnout(election: &mut Election, rows: &[WardTurnout]) {
    let by_code: HashMap<&str, &WardTurnout> = rows.iter().map(|row| (row.ward_code.as_str(), row)).collect();
    let mut attached = false;
    for contest in &mut election.contests {
        let Some(row) = contest.ward_code.as_deref().and_then(|code| by_code.get(code)) else { continue };
        contest.electorate = row.electorate;
        contest.turnout = row.turnout_percent.map(|percent| percent / 100.0);
        contest.ballots = row.ballots_total.or(row.valid_votes);
        contest.rejected = row.rejected;
        attached = true;
    }
    if attached {
        election.turnout_definition = turnout_definition(election.year).map(str::to_owned);
    }
}

/// The London turnout table of one election year, parsed once per process; `None` for a year
/// no source covers (2014).
fn turnout_table(year: i32) -> Option<&'static [WardTurnout]> {
    static TABLES: std::sync::OnceLock<Vec<(i32, Vec<WardTurnout>)>> = std::sync::OnceLock::new();
    let tables = TABLES.get_or_init(|| {
        london::TURNOUT
            .iter()
            .map(|(year, (path, text))| {
                let rows = turnout_csv::parse(text, Path::new(path))
                    .unwrap_or_else(|e| panic!("embedded turnout file is broken: {e}"));
                (*year, rows)
            })
            .collect()
    });
    tables.iter().find(|(y, _)| *y == year).map(|(_, rows)| rows.as_slice())
}

/// Barnet's own 2014 and 2018 results, with the London table's 2018 turnout (Barnet's file has
/// none) attached by ward code.
#[must_use]
pub fn barnet_own_elections() -> Vec<Election> {
    let mut elections = crate::io::embedded::barnet_elections();
    for election in &mut elections {
        if let Some(rows) = turnout_table(election.year) {
            attach_turnout(election, rows);
        }
    }
    elections
}
