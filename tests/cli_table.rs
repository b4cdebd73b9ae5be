//! `wardmap table`: the CSV a data desk asks for, on the shipped data.

mod common;

use common::{stderr, wardmap};

#[test]
fn the_2018_table_against_2014_has_every_barnet_ward_with_its_measures() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("t.csv");
    let out = wardmap(&["table", "--election", "2018", "--from", "2014", "--out", path.to_str().expect("utf-8")]);
    assert!(out.status.success(), "{}", stderr(&out));
    let mut reader = csv::Reader::from_path(&path).expect("a CSV");
    let header: Vec<String> = reader.headers().expect("header").iter().map(str::to_owned).collect();
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("row")).collect();
    assert_eq!(rows.len(), 21);
    let column =
        |start: &str| header.iter().position(|h| h.starts_with(start)).unwrap_or_else(|| panic!("{start}: {header:?}"));
    let (seats, share, majority, swing, gains) = (
        column("seats"),
        column("Con share, % (top-vote"),
        column("Majority (%"),
        column("Swing Con↔Lab 2014→2018 (pts"),
        column("Seats 2014→2018"),
    );
    let east_barnet = rows.iter().find(|r| &r[1] == "East Barnet").expect("East Barnet");
    assert_eq!(&east_barnet[seats], "3");
    assert_eq!(&east_barnet[gains], "1 of 3 seats: Con gain from Lab; 2 Lab held");
    let west_hendon = rows.iter().find(|r| &r[1] == "West Hendon").expect("West Hendon");
    assert_eq!(&west_hendon[gains], "3 of 3 seats: 3 Con gains from Lab");
    for row in &rows {
        for at in [share, majority, swing] {
            assert!(row[at].parse::<f64>().is_ok(), "{} {}: {:?}", &row[1], header[at], &row[at]);
        }
    }
    // Asked again without --force, it refuses rather than overwrite.
    let again = wardmap(&["table", "--election", "2018", "--out", path.to_str().expect("utf-8")]);
    assert!(!again.status.success());
}

#[test]
fn the_barnet_table_has_a_row_per_ward_and_a_column_per_measure_it_can_show() {
    use wardmap::analysis::measures::ColourSpec;
    use wardmap::analysis::table::ward_table;
    let data = wardmap::io::embedded::barnet();
    let id = data.election_by_year(2018).expect("2018");
    let spec = ColourSpec { baseline: Some(2014), ..ColourSpec::winner() };
    let table = ward_table(&data, id, &spec);
    assert_eq!(table.rows.len(), 21);
    assert!(table.rows.iter().all(|r| r.len() == table.columns.len()));
    let column = |start: &str| table.columns.iter().position(|c| c.starts_with(start));
    assert!(column("Swing").is_some() && column("Seats 2014→2018").is_some(), "{:?}", table.columns);
    assert!(column("Turnout").is_none(), "Barnet's own 2018 file has no turnout: no empty column");
}
