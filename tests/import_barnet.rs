//! The must-show imports: Barnet's real results files in the two outside formats, joined to the
//! real 2002–2022 ward boundaries, give the published seat totals with every ward joined.

mod common;

use common::{barnet_2002_boundaries, fixture, load_files, seats};
use wardmap::io::detect::ResultsFormat;
use wardmap::io::load::{load_results_file, load_results_file_with};
use wardmap::model::join::MatchRule;

fn s(short: &str, n: u32) -> (String, u32) {
    (short.to_owned(), n)
}

#[test]
fn democracy_club_2018_on_the_2002_wards_gives_con_38_lab_25_with_all_21_wards_joined() {
    let results = fixture("democracyclub-results-2018-05-03.barnet.csv");
    let loaded = load_files(Some(&barnet_2002_boundaries()), &[results]).expect("the real files load");
    assert_eq!(loaded.dataset.elections.len(), 1);
    let joined = &loaded.dataset.elections[0];
    assert_eq!((joined.election.borough.as_str(), joined.election.year), ("Barnet", 2018));
    assert_eq!(seats(&joined.election), vec![s("Con", 38), s("Lab", 25)]);
    assert_eq!(joined.join.matched_count(), 21);
    assert!(joined.join.results_without_ward.is_empty(), "{:?}", joined.join.results_without_ward);
    assert!(joined.join.wards_without_results.is_empty(), "{:?}", joined.join.wards_without_results);
    // The file has no ward codes: every ward joined by its slug's name.
    assert_eq!(joined.join.rule_counts(), (0, 21));
    assert_eq!(loaded.flag_disagreements, 0, "{:?}", loaded.warnings);
}

#[test]
fn democracy_club_slugs_become_readable_ward_names_and_dates() {
    let parsed = load_results_file_with(&fixture("democracyclub-results-2018-05-03.barnet.csv"), &|_| true)
        .expect("the real file loads");
    assert_eq!(parsed.format, ResultsFormat::DemocracyClubResults);
    let election = &parsed.elections[0];
    assert_eq!(election.contests.len(), 21);
    assert_eq!(election.contests.iter().map(|c| c.candidates.len()).sum::<usize>(), 220);
    let golders_green = election.contests.iter().find(|c| c.ward_name == "Golders Green").expect("Golders Green");
    assert_eq!(golders_green.seats, 3);
    assert_eq!(election.poll_dates().iter().map(ToString::to_string).collect::<Vec<_>>(), vec!["2018-05-03"]);
}

#[test]
fn london_datastore_2014_on_the_2002_wards_gives_32_30_1_with_all_21_wards_joined_by_code() {
    let results = fixture("london_council_election_2014_ward.barnet.csv");
    let loaded = load_files(Some(&barnet_2002_boundaries()), &[results]).expect("the real files load");
    let joined = &loaded.dataset.elections[0];
    assert_eq!((joined.election.borough.as_str(), joined.election.year), ("Barnet", 2014));
    assert_eq!(seats(&joined.election), vec![s("Con", 32), s("Lab", 30), s("LD", 1)]);
    assert_eq!(joined.join.matched_count(), 21);
    assert!(joined.join.ward_of_contest.iter().all(|m| matches!(m, Some((_, MatchRule::Code)))));
}

#[test]
fn the_datastore_file_reads_the_same_names_votes_and_parties_as_the_tidied_table() {
    let raw = load_results_file(&fixture("london_council_election_2014_ward.barnet.csv")).expect("raw file loads");
    let tidy = wardmap::io::embedded::barnet_elections().into_iter().find(|e| e.year == 2014).expect("embedded 2014");
    let flatten = |e: &wardmap::model::Election| {
        let mut rows: Vec<(String, String, String, u64, u32)> = e
            .contests
            .iter()
            .flat_map(|c| {
                c.candidates
                    .iter()
                    .map(|k| (c.ward_name.clone(), k.name.clone(), k.party.name.clone(), k.votes, c.seats))
            })
            .collect();
        rows.sort();
        rows
    };
    assert_eq!(flatten(&raw[0]), flatten(&tidy));
}

#[test]
fn both_raw_files_with_the_embedded_ward_sets_pick_the_2002_set() {
    let files = [
        fixture("london_council_election_2014_ward.barnet.csv"),
        fixture("democracyclub-results-2018-05-03.barnet.csv"),
    ];
    let loaded = load_files(None, &files).expect("loads on the embedded wards");
    assert_eq!(loaded.dataset.elections.len(), 2);
    for joined in &loaded.dataset.elections {
        let set = joined.ward_set.and_then(|id| loaded.dataset.ward_set(id)).expect("joined to a set");
        assert_eq!(set.first_year, Some(2002), "{}", joined.election.title());
        assert_eq!(joined.join.matched_count(), 21);
    }
}

#[test]
fn the_command_line_loader_gives_the_same_totals() {
    let args = wardmap::cli::DataArgs {
        boundaries: Some(barnet_2002_boundaries()),
        results: vec![fixture("democracyclub-results-2018-05-03.barnet.csv")],
        ..Default::default()
    };
    let dataset = wardmap::cli::load_data(&args).expect("loads");
    assert_eq!(seats(&dataset.elections[0].election), vec![s("Con", 38), s("Lab", 25)]);
}
