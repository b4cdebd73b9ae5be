//! Each kind of bad results file gets a message that names the file, the line and what to do;
//! CSV dialects (BOM, `;`, CRLF, quoted newlines, Latin-1, a stray line) simply work; and the
//! loader is pure: an error leaves nothing behind, and the next load is unaffected.

mod common;

use common::{assert_mentions, barnet_2002_boundaries, fixture, load_files, message_naming_file, seats, temp_file};
use wardmap::io::load::load_results_file;

const HEADER: &str = "election_date,ward_code,ward,seats,candidate,party,votes,elected";

fn error_of(name: &str, content: &[u8]) -> String {
    let (_dir, path) = temp_file(name, content);
    message_naming_file(&load_results_file(&path).expect_err("the file should be refused"), &path)
}

fn load_ok(name: &str, content: &[u8]) -> Vec<wardmap::model::Election> {
    let (_dir, path) = temp_file(name, content);
    load_results_file(&path).expect("the file should load")
}

#[test]
fn bom_semicolons_crlf_and_quoted_newlines_all_load() {
    let text = "\u{feff}election_date;ward;candidate;party;votes;elected\r\n\
        2018-05-03;Childs Hill;\"Clarke,\r\n Anne\";Labour;\"2,224\";true\r\n\
        2018-05-03;Childs Hill;Vanessa Gearson;Conservative;2222;false\r\n";
    let elections = load_ok("dialect.csv", text.as_bytes());
    let contest = &elections[0].contests[0];
    assert_eq!(contest.ward_name, "Childs Hill");
    assert_eq!(contest.candidates[0].votes, 2224);
    assert_eq!(contest.candidates[1].name, "Vanessa Gearson");
    assert_eq!(contest.seats, 1);
}

#[test]
fn line_numbers_count_windows_line_ends_and_quoted_newlines() {
    let text = "election_date,ward,candidate,party,votes,elected\r\n\
        2018-05-03,Hale,\"Anne\r\nClarke\",Labour,10,true\r\n\
        2018-05-03,Hale,Bob,Labour,lots,true\r\n";
    assert_mentions(&error_of("crlf.csv", text.as_bytes()), &["line 4", "\"lots\""]);
}

#[test]
fn latin_1_text_and_tabs_load_with_their_accents() {
    let mut bytes = b"election_date\tward\tcandidate\tparty\tvotes\telected\n2018-05-03\tHale\tRen".to_vec();
    bytes.push(0xe9); // é in Latin-1
    bytes.extend_from_slice(b" Dupont\tLabour\t10\ttrue\n");
    let elections = load_ok("latin1.csv", &bytes);
    assert_eq!(elections[0].contests[0].candidates[0].name, "René Dupont");
}

#[test]
fn a_stray_line_before_a_democracy_club_header_is_skipped() {
    let original = std::fs::read_to_string(fixture("democracyclub-results-2018-05-03.barnet.csv")).expect("fixture");
    let elections = load_ok("dc.csv", format!("False\n{original}").as_bytes());
    assert_eq!(seats(&elections[0]), vec![("Con".to_owned(), 38), ("Lab".to_owned(), 25)]);
}

#[test]
fn missing_required_columns_are_named_with_the_header_line() {
    let message = error_of("short.csv", b"election_date,ward,candidate,party\n2018-05-03,A,B,Labour\n");
    assert_mentions(&message, &["line 1", "wardmap's own results CSV", "lacks the column(s) votes", "Add the missing"]);
    let message = error_of("dc.csv", b"election_id,ballot_paper_id,person_name,party_name,is_winner\nx,y,z,w,True\n");
    assert_mentions(&message, &["Democracy Club results export", "ballots_cast"]);
}

#[test]
fn a_csv_of_something_else_quotes_its_first_line() {
    let message = error_of("shopping.csv", b"item,price\nbread,1.20\n");
    assert_mentions(&message, &["not a results file wardmap knows", "\"item,price\"", "docs/formats.md"]);
}

#[test]
fn votes_that_are_not_numbers_or_negative_name_the_line() {
    let text = format!("{HEADER}\n2018-05-03,,Hale,3,A,Labour,10,true\n2018-05-03,,Hale,3,B,Labour,ten,true\n");
    assert_mentions(
        &error_of("words.csv", text.as_bytes()),
        &["line 3", "votes \"ten\" is not a whole number", "correct"],
    );
    let text = format!("{HEADER}\n2018-05-03,,Hale,3,A,Labour,-5,true\n");
    assert_mentions(&error_of("negative.csv", text.as_bytes()), &["line 2", "negative"]);
    let datastore = "Ward_code,Borough_code,Borough_name,Ward_name,candidate,party,party_long,number_votes,elected_flag,Number of councillors in ward\r\n\
        E05000043,E09000003,Barnet,Brunswick Park,\"Levine, Kathy Ms.\",LAB,Labour Party,1.951,Yes,3\r\n";
    assert_mentions(&error_of("lds_2014.csv", datastore.as_bytes()), &["line 2", "\"1.951\""]);
}

#[test]
fn duplicate_candidates_name_the_second_line() {
    let text = format!(
        "{HEADER}\n2018-05-03,,Hale,3,Ann Lee,Labour,10,true\n2018-05-03,,Hale,3,Ann Lee,Labour Party,10,true\n"
    );
    assert_mentions(
        &error_of("dup.csv", text.as_bytes()),
        &["line 3", "Ann Lee (Labour) appears twice in Hale", "remove the duplicate"],
    );
}

#[test]
fn contradicting_seat_counts_name_both_lines() {
    let text = format!("{HEADER}\n2018-05-03,,Hale,3,A,Labour,10,true\n2018-05-03,,Hale,2,B,Labour,9,true\n");
    assert_mentions(&error_of("seats.csv", text.as_bytes()), &["line 3", "2 seats here but 3 on line 2"]);
}

#[test]
fn elected_flags_that_contradict_the_votes_load_and_are_reported() {
    let text = std::fs::read_to_string(fixture("london_council_election_2014_ward.barnet.csv")).expect("fixture");
    // Swap the flags of Brunswick Park's third (elected) and fourth (not elected) candidates.
    let text = text.replacen("Conservative Party,1899,Yes,3", "Conservative Party,1899,,3", 1).replacen(
        "Conservative Party,1876,,3",
        "Conservative Party,1876,Yes,3",
        1,
    );
    let (_dir, path) = temp_file("london_2014.csv", text);
    let loaded = load_files(Some(&barnet_2002_boundaries()), &[path]).expect("contradicting flags still load");
    assert_eq!(loaded.flag_disagreements, 2);
    assert!(
        loaded.warnings.iter().any(|w| w.contains("2 elected flag(s)") && w.contains("the map follows the votes")),
        "{:?}",
        loaded.warnings
    );
    assert_eq!(seats(&loaded.dataset.elections[0].election)[0], ("Con".to_owned(), 32));
}

#[test]
fn results_that_match_no_ward_are_refused_naming_both_files() {
    let text = format!("{HEADER}\n2018-05-03,,Nowhere,1,A,Labour,10,true\n2018-05-03,,Elsewhere,1,B,Labour,9,true\n");
    let (_dir, path) = temp_file("redbridge-2018.csv", text);
    let error = load_files(Some(&barnet_2002_boundaries()), std::slice::from_ref(&path)).expect_err("nothing matches");
    let message = message_naming_file(&error, &path);
    assert_mentions(
        &message,
        &["None of the 2 results", "barnet-wards-2002.geojson", "same borough and years", "Redbridge 2018"],
    );
}

#[test]
fn results_that_match_no_built_in_ward_name_each_boundary_file_once() {
    let text = format!("{HEADER}\n2018-05-03,,Nowhere,1,A,Labour,10,true\n2018-05-03,,Elsewhere,1,B,Labour,9,true\n");
    let (_dir, path) = temp_file("nowhere-2018.csv", text);
    let error = load_files(None, std::slice::from_ref(&path)).expect_err("nothing matches");
    let message = message_naming_file(&error, &path);
    assert_mentions(&message, &["None of the 2 results", "barnet-wards-2002.geojson", "london-wards-2002.geojson"]);
    // London's layers are split into a ward set per borough: the file is still one file.
    assert_eq!(message.matches("london-wards-2002.geojson").count(), 1, "{message}");
    assert!(message.len() < 1_000, "a message a user can read: {message}");
}

#[test]
fn empty_and_binary_results_files_are_refused() {
    assert_mentions(&error_of("empty.csv", b""), &["is empty"]);
    assert_mentions(&error_of("header-only.csv", format!("{HEADER}\n").as_bytes()), &["no candidate rows"]);
    assert_mentions(&error_of("results.csv", b"PK\x03\x04\x14\x00\x06\x00"), &["not a text file", "ZIP", "CSV"]);
    assert_mentions(&error_of("noise.csv", &[1, 2, 0, 0, 255, 3]), &["not a text file"]);
}

#[test]
fn a_folder_or_a_missing_file_is_refused_in_words() {
    let dir = tempfile::tempdir().expect("a folder");
    let error = load_results_file(dir.path()).expect_err("a folder");
    assert_mentions(&error.to_string(), &["is a folder, not a file", "Choose a file inside it"]);
    let missing = dir.path().join("nope.csv");
    assert_mentions(
        &message_naming_file(&load_results_file(&missing).expect_err("missing"), &missing),
        &["There is no file"],
    );
}

#[test]
fn an_unreadable_file_says_permission_denied_unless_running_as_root() {
    use std::os::unix::fs::PermissionsExt;
    let (_dir, path) = temp_file("secret.csv", format!("{HEADER}\n2018-05-03,,Hale,3,A,Labour,10,true\n"));
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o000)).expect("chmod 000");
    if std::fs::read(&path).is_ok() {
        eprintln!("running as root: permissions do not bite, skipping the assertion");
        return;
    }
    let message = message_naming_file(&load_results_file(&path).expect_err("unreadable"), &path);
    assert_mentions(&message, &["permission denied", "Change its permissions"]);
}

#[test]
fn a_file_over_the_size_limit_is_refused_before_it_is_read() {
    let dir = tempfile::tempdir().expect("a folder");
    let path = dir.path().join("huge.csv");
    let file = std::fs::File::create(&path).expect("create");
    file.set_len(wardmap::io::MAX_FILE_BYTES + 1).expect("a sparse file");
    let started = std::time::Instant::now();
    let message = message_naming_file(&load_results_file(&path).expect_err("too large"), &path);
    assert!(started.elapsed().as_secs_f64() < 1.0, "refused at once");
    assert_mentions(&message, &["MB, more than the 256 MB", "Cut it down"]);
}

#[test]
fn a_large_valid_file_loads_in_seconds() {
    let mut text = String::from(HEADER);
    for ward in 0..4000 {
        for candidate in 0..25 {
            let votes = 1000 + ward % 7 * 100 + (25 - candidate) * 10;
            text.push_str(&format!(
                "\n2018-05-03,,Ward {ward},3,Person {candidate},Party {},{votes},\n",
                candidate % 6
            ));
        }
    }
    let (_dir, path) = temp_file("big.csv", &text);
    let started = std::time::Instant::now();
    let elections = load_results_file(&path).expect("loads");
    let elapsed = started.elapsed();
    assert_eq!(elections[0].contests.len(), 4000);
    assert!(elapsed.as_secs_f64() < 10.0, "{} MB took {elapsed:?}", text.len() >> 20);
}

#[test]
fn the_loader_is_pure_an_error_leaves_nothing_and_the_next_load_is_unaffected() {
    let good = [fixture("democracyclub-results-2018-05-03.barnet.csv")];
    let before = load_files(Some(&barnet_2002_boundaries()), &good).expect("loads");
    let (_dir, bad) = temp_file("bad.csv", format!("{HEADER}\n2018-05-03,,Hale,3,A,Labour,-1,true\n"));
    // A bad file among good ones fails the whole load: no partial dataset comes back.
    let mixed = [good[0].clone(), bad];
    assert!(load_files(Some(&barnet_2002_boundaries()), &mixed).is_err());
    let after = load_files(Some(&barnet_2002_boundaries()), &good).expect("loads again");
    assert_eq!(seats(&before.dataset.elections[0].election), seats(&after.dataset.elections[0].election));
    assert_eq!(before.warnings, after.warnings);
}
