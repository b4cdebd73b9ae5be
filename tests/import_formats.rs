//! The less common shapes of results files: several boroughs and years in one file, Democracy
//! Club's newer candidates export, rows that are left out on purpose, and a Datastore file
//! whose name carries no year.

mod common;

use common::{assert_mentions, barnet_2002_boundaries, load_files, message_naming_file, temp_file};
use wardmap::io::detect::ResultsFormat;
use wardmap::io::load::{load_results_file, load_results_file_with};
use wardmap::model::join::MatchRule;

#[test]
fn a_file_with_two_boroughs_and_two_years_gives_four_elections_unmixed() {
    let text = "borough,election_date,ward,candidate,party,votes,elected\n\
        Barnet,2014-05-22,Hale,A,Labour,10,true\n\
        Camden,2014-05-22,Hale,B,Labour,11,true\n\
        Barnet,2018-05-03,Hale,C,Labour,12,true\n\
        Camden,2018-05-03,Belsize,D,Labour,13,true\n\
        Barnet,2014-05-22,Mill Hill,E,Labour,14,true\n";
    let (_dir, path) = temp_file("london.csv", text);
    let elections = load_results_file(&path).expect("loads");
    let titles: Vec<String> = elections.iter().map(|e| e.title()).collect();
    assert_eq!(titles, vec!["Barnet 2014", "Barnet 2018", "Camden 2014", "Camden 2018"]);
    assert_eq!(elections[0].contests.len(), 2);
    assert!(elections.iter().all(|e| e.source == path.display().to_string()));
}

#[test]
fn the_newer_democracy_club_candidates_export_joins_by_its_gss_codes() {
    let text = "person_id,person_name,election_id,ballot_paper_id,election_date,party_name,post_label,gss,seats_contested,votes_cast,elected,cancelled_poll\n\
        1,Anne Clarke,local.barnet.2018-05-03,local.barnet.childs-hill.2018-05-03,2018-05-03,Labour Party,Childs Hill,E05000045,3,2224,True,False\n\
        2,Vanessa Gearson,local.barnet.2018-05-03,local.barnet.childs-hill.2018-05-03,2018-05-03,Conservative and Unionist Party,Childs Hill,E05000045,3,2222,False,False\n\
        3,Sam Hale,local.barnet.2018-05-03,local.barnet.hale.2018-05-03,2018-05-03,Labour Party,Hale,E05000053,3,,True,True\n";
    let (_dir, path) = temp_file("dc-candidates.csv", text);
    let parsed = load_results_file_with(&path, &|_| true).expect("loads");
    assert_eq!(parsed.format, ResultsFormat::DemocracyClubCandidates);
    let election = &parsed.elections[0];
    assert_eq!(election.title(), "Barnet 2018");
    assert_eq!(election.contests[0].seats, 3);
    assert_eq!(election.contests[1].candidates[0].votes, 0, "an uncontested poll has no votes");
    let loaded = load_files(Some(&barnet_2002_boundaries()), &[path]).expect("joins");
    let join = &loaded.dataset.elections[0].join;
    assert_eq!(
        join.ward_of_contest.iter().flatten().map(|(_, rule)| *rule).collect::<Vec<_>>(),
        vec![MatchRule::Code; 2]
    );
}

#[test]
fn by_elections_and_other_kinds_of_election_are_left_out_with_a_warning() {
    let text = "election_id,ballot_paper_id,person_id,party_id,party_name,person_name,ballots_cast,is_winner,spoilt_ballots,turnout,source\n\
        local.barnet.2018-05-03,local.barnet.hale.2018-05-03,1,PP53,Labour Party,A,10,True,,,\n\
        local.barnet.2018-05-03,local.barnet.hale.by.2018-09-20,2,PP53,Labour Party,B,11,True,,,\n\
        parl.2017-06-08,parl.hendon.2017-06-08,3,PP52,Conservative and Unionist Party,C,12,True,,,\n";
    let (_dir, path) = temp_file("dc.csv", text);
    let parsed = load_results_file_with(&path, &|_| true).expect("loads");
    assert_eq!(parsed.elections.len(), 1);
    assert_eq!(parsed.elections[0].contests[0].candidates.len(), 1);
    let warnings = parsed.warnings.join("\n");
    assert_mentions(
        &warnings,
        &["left out 1 rows of by-elections", "left out 1 rows of elections other than local councils"],
    );
}

#[test]
fn a_datastore_file_without_a_year_in_its_name_asks_for_one() {
    let text = "Ward_code,Borough_code,Borough_name,Ward_name,candidate,party,party_long,number_votes,elected_flag,Number of councillors in ward\r\n\
        E05000043,E09000003,Barnet,Brunswick Park,\"Levine, Kathy Ms.\",LAB,Labour Party,1951,Yes,3\r\n";
    let (_dir, path) = temp_file("london-wards.csv", text);
    let message = message_naming_file(&load_results_file(&path).expect_err("no year"), &path);
    assert_mentions(&message, &["line 1", "no date column", "Put the election year in the file name"]);
}
