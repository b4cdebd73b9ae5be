use super::merge::Merge;
use super::{Feedback, Source, add_files, load, load_with};
use crate::io::Opened;
use crate::io::properties::BoundaryOptions;
use crate::io::results::parse;
use crate::model::Election;
use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;

const HEADER: &str = "election_date,ward_code,ward,seats,candidate,party,votes,elected";

/// The elections of an own-format text read from `file`.
fn results(file: &str, text: &str) -> Opened {
    let parsed = parse(text, Path::new(file), "Barnet", &crate::io::no_progress).expect("valid results");
    Opened::Results { path: PathBuf::from(file), parsed }
}

fn years(elections: &[Election]) -> Vec<(i32, String)> {
    elections.iter().map(|e| (e.year, e.source.clone())).collect()
}

#[test]
fn the_embedded_source_is_the_embedded_data_with_nothing_to_say() {
    let session = load(&Source::Embedded).expect("the embedded data loads");
    let embedded = super::embedded();
    assert_eq!(session.dataset.ward_sets.len(), embedded.ward_sets.len());
    let titles = |d: &crate::model::Dataset| d.elections.iter().map(|e| e.election.title()).collect::<Vec<_>>();
    assert_eq!(titles(&session.dataset), titles(&embedded));
    assert_eq!(session.flag_disagreements, 0);
    assert!(session.opened.is_empty() && session.unsure.is_empty());
}

#[test]
fn an_election_of_a_borough_and_year_already_loaded_replaces_it_and_says_so() {
    let mut merge = Merge::on(Vec::new(), Vec::new());
    merge.add(results("a.csv", &format!("{HEADER}\n2018-05-03,,Hale,1,A,Labour,10,true\n")));
    merge.add(results("b.csv", &format!("{HEADER}\n2014-05-22,,Hale,1,A,Labour,10,true\n")));
    merge.add(results("c.csv", &format!("{HEADER}\n2018-05-03,,Hale,1,B,Labour,12,true\n")));
    assert_eq!(years(&merge.elections), vec![(2014, "b.csv".into()), (2018, "c.csv".into())]);
    assert_eq!(merge.notes, vec!["Barnet 2018 from c.csv replaces the one from a.csv"]);
    // The same file again replaces its own elections without a note.
    merge.add(results("c.csv", &format!("{HEADER}\n2018-05-03,,Hale,1,B,Labour,13,true\n")));
    assert_eq!(years(&merge.elections), vec![(2014, "b.csv".into()), (2018, "c.csv".into())]);
    assert_eq!(merge.notes.len(), 1);
}

#[test]
fn a_cancelled_load_returns_nothing() {
    let cancel = AtomicBool::new(true);
    let feedback = Feedback { status: &|_| {}, cancel: &cancel };
    let error = load_with(&Source::Embedded, &feedback).expect_err("cancelled");
    assert!(error.is_cancelled(), "{error}");
    let current = crate::io::embedded::barnet();
    assert!(
        add_files(&current, &[], &BoundaryOptions::default(), &feedback, super::OnBadFile::Stop)
            .expect_err("cancelled")
            .is_cancelled()
    );
}

#[test]
fn a_load_reports_what_it_is_doing() {
    let lines = std::cell::RefCell::new(Vec::new());
    let status = |line: String| lines.borrow_mut().push(line);
    let cancel = AtomicBool::new(false);
    let boundaries = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/boundaries/barnet-wards-2002.geojson");
    let source = Source::Files { boundaries: Some(boundaries.clone()), results: Vec::new() };
    let session = load_with(&source, &Feedback { status: &status, cancel: &cancel }).expect("loads");
    assert_eq!(session.opened, vec![boundaries]);
    let lines = lines.into_inner();
    assert!(lines.first().is_some_and(|l| l.starts_with("Reading barnet-wards-2002.geojson… ")), "{lines:?}");
    assert!(lines.iter().filter(|l| l.starts_with("Reading")).count() >= 2, "whole percents as it goes: {lines:?}");
    assert_eq!(lines.last().map(String::as_str), Some("Joining results to wards…"));
    // The embedded Barnet results of these wards (2006 from the London files, 2014 and 2018
    // from Barnet's own) fit these boundaries, so they come along without a note; London's
    // results are not put on a borough's own boundaries.
    let titles: Vec<String> = session.dataset.elections.iter().map(|e| e.election.title()).collect();
    assert_eq!(titles, vec!["Barnet 2006", "Barnet 2014", "Barnet 2018"]);
    assert!(!session.warnings.iter().any(|w| w.contains("built-in")), "no note: {:?}", session.warnings);
}

#[test]
fn boundaries_no_built_in_result_fits_say_so() {
    let folder = tempfile::tempdir().expect("temp dir");
    let path = folder.path().join("elsewhere.geojson");
    let far_away = r#"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"name":"Nowhere Ward"},
        "geometry":{"type":"Polygon","coordinates":[[[-3.0,53.0],[-2.9,53.0],[-2.9,53.1],[-3.0,53.0]]]}}]}"#;
    std::fs::write(&path, far_away).expect("write");
    let session = load(&Source::Files { boundaries: Some(path), results: Vec::new() }).expect("loads");
    assert!(session.dataset.elections.is_empty());
    assert!(
        session
            .warnings
            .iter()
            .any(|w| w.starts_with("None of the built-in results") && w.contains("open a results file")),
        "{:?}",
        session.warnings
    );
}

#[test]
fn a_borough_spelt_another_way_is_the_same_borough() {
    let mut merge = Merge::on(Vec::new(), Vec::new());
    let own = "election_date,borough,ward_code,ward,seats,candidate,party,votes,elected";
    merge.add(results("a.csv", &format!("{own}\n2018-05-03,Redbridge,,Hale,1,A,Labour,10,true\n")));
    merge.add(results("b.csv", &format!("{own}\n2022-05-05,London Borough of Redbridge,,Hale,1,A,Labour,12,true\n")));
    merge
        .add(results("c.csv", &format!("{own}\n2018-05-03,The London Borough of Redbridge,,Hale,1,B,Labour,9,true\n")));
    let boroughs: Vec<&str> = merge.elections.iter().map(|e| e.borough.as_str()).collect();
    assert_eq!(boroughs, vec!["Redbridge", "Redbridge"], "one borough, its 2018 and 2022");
    let mut years: Vec<i32> = merge.elections.iter().map(|e| e.year).collect();
    years.sort_unstable();
    assert_eq!(years, vec![2018, 2022], "the third file's 2018 replaced the first's");
}
