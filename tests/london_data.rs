//! The London tables shipped in `data/london/` read with wardmap's parsers and agree with facts
//! published about them. Reads only the repository's own copies (never `../shared`): the
//! published borough figures are in `tests/fixtures/london/turnout-by-borough.csv`, a copy of
//! the dataset's check table made by `data/tools/import_london.py`.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use wardmap::io::{parties_csv, turnout_csv};
use wardmap::model::PollDate;

fn repo_file(relative: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(relative)
}

/// The published row of `turnout-by-borough.csv` for one borough and date, by column name.
fn published_turnout(borough: &str, date: &str) -> HashMap<String, String> {
    let path = repo_file("tests/fixtures/london/turnout-by-borough.csv");
    let mut reader = csv::Reader::from_path(&path).expect("fixture readable");
    let header: Vec<String> = reader.headers().expect("fixture header").iter().map(str::to_owned).collect();
    reader
        .records()
        .map(|r| header.iter().cloned().zip(r.expect("fixture row").iter().map(str::to_owned)).collect())
        .find(|row: &HashMap<String, String>| row["election_date"] == date && row["borough"] == borough)
        .expect("the fixture has the borough's row")
}

#[test]
fn turnout_2022_has_every_ward_and_reproduces_barnet_published_turnout() {
    let rows = turnout_csv::read(&repo_file("data/london/turnout/london-2022.csv")).expect("shipped file parses");
    assert_eq!(rows.len(), 679, "one row per ward of the 2022 set");
    assert!(rows.iter().all(|r| r.date == PollDate { year: 2022, month: 5, day: 5 }));

    // The published Barnet figure is "sum of ward valid ballots / sum of ward electorate"
    // (37.93 %, from 97,480 valid ballots and 256,974 electors); 2022 has no ballot total, so
    // valid ballots are the ballots of this definition.
    let published = published_turnout("Barnet", "2022-05-05");
    assert_eq!(published["definition"], "sum of ward valid ballots / sum of ward electorate");
    let barnet: Vec<_> = rows.iter().filter(|r| r.borough_code == "E09000003").collect();
    assert_eq!(barnet.len(), 24);
    let electorate: u64 = barnet.iter().map(|r| r.electorate.expect("Barnet electorate given")).sum();
    let valid: u64 = barnet.iter().map(|r| r.valid_votes.expect("Barnet valid ballots given")).sum();
    assert_eq!(electorate.to_string(), published["electorate"]);
    assert_eq!(valid.to_string(), published["valid_votes"]);
    // The turnout in hundredths of a percent, rounded half up, in whole numbers (no float error).
    let hundredths = (valid * 10_000 + electorate / 2) / electorate;
    let percent = format!("{}.{:02}", hundredths / 100, hundredths % 100);
    assert_eq!(percent, published["turnout_percent"]);
    assert_eq!(percent, "37.93", "Barnet 2022 turnout as published");
}

#[test]
fn every_shipped_turnout_file_parses() {
    for (year, wards) in [(2006, 624), (2018, 630), (2022, 679), (2026, 679)] {
        let path = repo_file(&format!("data/london/turnout/london-{year}.csv"));
        let rows = turnout_csv::read(&path).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(rows.len(), wards, "{year}");
        assert!(rows.iter().all(|r| !r.definition.is_empty()), "{year}: every row states its definition");
    }
}

#[test]
fn party_labels_mark_labour_coop() {
    let labels = parties_csv::read(&repo_file("data/london/results/parties.csv")).expect("shipped file parses");
    assert_eq!(labels.len(), 359);
    let coop = labels
        .lookup(PollDate { year: 2018, month: 5, day: 3 }, "Labour and Co-operative Party")
        .expect("2018 label listed");
    assert!(coop.labour_coop);
    assert_eq!(coop.official_name.as_deref(), Some("Labour and Co-operative Party"));
    let labour = labels.lookup_year(2018, "Labour Party").expect("2018 Labour listed");
    assert!(!labour.labour_coop);
    assert_eq!(labels.labels().filter(|l| l.labour_coop).count(), 10);
    // The one label whose source lookup gives two entries keeps both.
    let hui = labels.lookup_year(2022, "Hornchurch and Upminster Independents Emerson Park").expect("listed");
    assert_eq!((hui.code.as_deref(), hui.other_entries.len()), (Some("HUI"), 1));
}
