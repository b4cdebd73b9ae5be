//! All of London as wardmap ships it: every borough's seats at every election equal the
//! dataset's own check table (copied to `tests/fixtures/london/seats-by-party.csv`, Labour
//! Co-op grouped with Labour here as published totals do), every result is joined to a ward,
//! borough turnouts equal the published ones, and the command line says what the journalist
//! asked for. Reads only the repository's own files.

mod common;

use common::{stdout, wardmap};
use std::collections::BTreeMap;
use std::path::Path;
use std::sync::OnceLock;
use wardmap::analysis::control::BoroughLine;
use wardmap::analysis::turnout::BoroughTurnout;
use wardmap::cli::summary::{Options, summarise_with};
use wardmap::model::borough::find_borough;
use wardmap::model::{Dataset, Party};
use wardmap::session::london::LONDON;

fn data() -> &'static Dataset {
    static DATA: OnceLock<Dataset> = OnceLock::new();
    DATA.get_or_init(wardmap::session::embedded)
}

fn fixture_rows(name: &str) -> Vec<BTreeMap<String, String>> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/london").join(name);
    let mut reader = csv::Reader::from_path(&path).expect("fixture readable");
    let header: Vec<String> = reader.headers().expect("header").iter().map(str::to_owned).collect();
    reader.records().map(|r| header.iter().cloned().zip(r.expect("row").iter().map(str::to_owned)).collect()).collect()
}

fn year(date: &str) -> i32 {
    date[..4].parse().expect("a year")
}

/// `(borough, year)` → party → seats, from the check table, parties grouped as wardmap groups
/// them (one party per spelling; Labour and Co-operative counted with Labour).
fn published_seats() -> BTreeMap<(String, i32), BTreeMap<String, u32>> {
    let names = data().boroughs();
    let mut out: BTreeMap<(String, i32), BTreeMap<String, u32>> = BTreeMap::new();
    for row in fixture_rows("seats-by-party.csv") {
        let borough = find_borough(&row["borough"], &names).expect("the fixture's borough is loaded").to_owned();
        let party = Party::from_source(&row["party_group"]).name;
        let seats: u32 = row["seats"].parse().expect("seats");
        *out.entry((borough, year(&row["election_date"]))).or_default().entry(party).or_default() += seats;
    }
    out
}

fn summary_seats(borough: &str, year: i32) -> BTreeMap<String, u32> {
    let data = data();
    let id = data.election_of(borough, year).unwrap_or_else(|| panic!("{borough} {year} is loaded"));
    let options = Options { from: None, method: Default::default(), swing: ("Conservative".into(), "Labour".into()) };
    let summary = summarise_with(data, id, &options).expect("summarised");
    summary.seat_totals.iter().map(|s| (s.party.clone(), s.seats)).collect()
}

#[test]
fn every_borough_at_every_election_has_the_published_seats() {
    let published = published_seats();
    assert_eq!(published.len(), 160, "32 boroughs × 5 elections in the check table");
    let mut wrong = Vec::new();
    for ((borough, year), seats) in &published {
        let ours = summary_seats(borough, *year);
        if &ours != seats {
            wrong.push(format!("{borough} {year}: published {seats:?}, wardmap {ours:?}"));
        }
    }
    assert!(wrong.is_empty(), "{} of 160 differ:\n{}", wrong.len(), wrong.join("\n"));
}

#[test]
fn london_totals_are_the_sum_of_the_boroughs() {
    for year in [2006, 2014, 2018, 2022, 2026] {
        let mut summed: BTreeMap<String, u32> = BTreeMap::new();
        for borough in data().boroughs().into_iter().filter(|b| *b != LONDON) {
            for (party, seats) in summary_seats(borough, year) {
                *summed.entry(party).or_default() += seats;
            }
        }
        assert_eq!(summary_seats(LONDON, year), summed, "London {year}");
    }
}

#[test]
fn every_result_joins_a_ward_and_only_the_postponed_polls_lack_one() {
    let data = data();
    assert_eq!(data.boroughs().len(), 33, "32 boroughs and London");
    for joined in &data.elections {
        let title = joined.election.title();
        assert!(joined.ward_set.is_some(), "{title} has a map");
        assert!(joined.join.results_without_ward.is_empty(), "{title}: {:?}", joined.join.results_without_ward);
        assert!(joined.join.duplicate_results.is_empty(), "{title}: {:?}", joined.join.duplicate_results);
        let expected_gaps: &[&str] = match (joined.election.borough.as_str(), joined.election.year) {
            ("Brent", 2018) => &["Willesden Green"],
            ("Southwark", 2018) => &["London Bridge & West Bermondsey"],
            (LONDON, 2018) => &["Willesden Green", "London Bridge & West Bermondsey"],
            _ => &[],
        };
        let mut gaps = joined.join.wards_without_results.clone();
        gaps.sort();
        let mut expected: Vec<String> = expected_gaps.iter().map(|s| (*s).to_owned()).collect();
        expected.sort();
        assert_eq!(gaps, expected, "{title}: wards without results");
    }
    // Every ward of London's own sets names its borough as the elections do ("Westminster",
    // though the 2018 layer says "City of Westminster"), so control maps and outlines find it.
    let boroughs = data.boroughs();
    for set in data.ward_sets.iter().filter(|s| s.borough.as_deref() == Some(LONDON)) {
        for ward in &set.wards {
            let borough = ward.borough.as_deref().unwrap_or("(none)");
            assert!(boroughs.contains(&borough) && borough != LONDON, "{}: {} in {borough}", set.name, ward.name);
        }
    }
    let london_2022 = data.election_of(LONDON, 2022).and_then(|id| data.election(id)).expect("London 2022");
    let set = london_2022.ward_set.and_then(|s| data.ward_set(s)).expect("joined");
    assert_eq!(set.wards.len(), 679);
}

#[test]
fn mottingham_2026_elects_two_of_three_and_no_councillor_is_invented() {
    let data = data();
    let id = data.election_of("Bromley", 2026).expect("Bromley 2026");
    let options = Options { from: None, method: Default::default(), swing: ("Conservative".into(), "Labour".into()) };
    let summary = summarise_with(data, id, &options).expect("summarised");
    let ward = summary.wards.iter().find(|w| w.name == "Mottingham").expect("Mottingham");
    assert_eq!((ward.seats, ward.unfilled_seats), (3, 1));
    assert_eq!(ward.seats_by_party.iter().map(|s| s.seats).sum::<u32>(), 2);
    assert!(summary.unfilled_seats.iter().any(|n| n.starts_with("Mottingham: 3 seats, but the source elects 2")));
}

#[test]
fn borough_turnout_is_the_published_sum_wherever_every_ward_has_its_figures() {
    let names = data().boroughs();
    let mut compared = 0;
    for row in fixture_rows("turnout-by-borough.csv") {
        let borough = find_borough(&row["borough"], &names).expect("loaded");
        let id = data().election_of(borough, year(&row["election_date"])).expect("loaded");
        let election = &data().election(id).expect("loaded").election;
        let ours = BoroughTurnout::of(election);
        // The check table sums the wards for 2018–2026 and quotes the source's borough row for
        // 2006; wardmap always sums the wards it has, so only a complete sum is compared.
        let summed_in_source = row["definition"].starts_with("sum of ward");
        match (&ours, row["turnout_percent"].as_str()) {
            (BoroughTurnout::Computed { percent, .. }, published) if summed_in_source && !published.is_empty() => {
                assert_eq!(format!("{percent:.2}"), published, "{borough} {}", election.year);
                compared += 1;
            }
            (BoroughTurnout::Computed { .. }, "") => {
                panic!("{borough} {}: not computable in the source", election.year)
            }
            _ => {}
        }
    }
    assert!(compared >= 90, "compared {compared} borough turnouts");
}

#[test]
fn barnet_2006_turnout_matches_the_source_borough_row() {
    let id = data().election_of("Barnet", 2006).expect("loaded");
    let turnout = BoroughTurnout::of(&data().election(id).expect("loaded").election);
    assert_eq!(turnout.percent().map(|p| format!("{p:.2}")), Some("41.65".to_owned()));
    let none =
        BoroughTurnout::of(&data().election(data().election_of("Barnet", 2014).expect("loaded")).expect("").election);
    assert_eq!(none, BoroughTurnout::NotInSource);
}

#[test]
fn redbridge_gains_are_counted_across_its_new_wards() {
    let data = data();
    let seats = |year| summary_seats("Redbridge", year);
    let map = |list: &[(&str, u32)]| list.iter().map(|(p, n)| ((*p).to_owned(), *n)).collect::<BTreeMap<_, _>>();
    assert_eq!(seats(2014), map(&[("Labour", 35), ("Conservative", 25), ("Liberal Democrats", 3)]));
    assert_eq!(seats(2018), map(&[("Labour", 51), ("Conservative", 12)]));
    assert_eq!(seats(2022), map(&[("Labour", 58), ("Conservative", 5)]));
    // Its 2018 wards were kept in 2022: one ward set, so 2018→2022 compares ward by ward.
    let id_2022 = data.election_of("Redbridge", 2022).expect("loaded");
    let options =
        Options { from: Some(2018), method: Default::default(), swing: ("Conservative".into(), "Labour".into()) };
    let summary = summarise_with(data, id_2022, &options).expect("2018 and 2022 are on the same wards");
    assert!(summary.comparison.is_some());
    let id = data.election_of("Redbridge", 2018).expect("loaded");
    let line = BoroughLine::of(data, id, Some(2014)).expect("a line");
    let labour = line.change.expect("a change").into_iter().find(|(p, _)| p.name == "Labour").map(|(_, d)| d);
    assert_eq!(labour, Some(16));
}

#[test]
fn the_command_line_answers_the_journalists_questions() {
    let text = stdout(&wardmap(&["summary", "--borough", "Barnet", "--election", "2022"]));
    assert!(text.contains("Seats: Lab 41 · Con 22"), "{text}");
    assert!(text.contains("Turnout: 37.9%"), "{text}");
    let text = stdout(&wardmap(&["summary", "--borough", "barnet", "--election", "2026"]));
    assert!(text.contains("Seats: Con 31 · Lab 31 · Grn 1"), "{text}");
    let text = stdout(&wardmap(&["summary", "--borough", "Barnet", "--election", "2006"]));
    assert!(text.contains("Seats: Con 37 · Lab 20 · LD 6") && text.contains("Turnout: 41.7%"), "{text}");
    let text = stdout(&wardmap(&["summary", "--borough", "K&C", "--election", "2022"]));
    assert!(text.starts_with("Kensington and Chelsea 2022"), "{text}");
    let text = stdout(&wardmap(&["boroughs", "--election", "2018", "--from", "2014"]));
    let redbridge = text.lines().find(|l| l.starts_with("Redbridge")).expect("a Redbridge line");
    assert!(redbridge.contains("Lab +16"), "{redbridge}");
    let json = stdout(&wardmap(&["summary", "--borough", "london", "--election", "2022", "--json"]));
    let value: serde_json::Value = serde_json::from_str(&json).expect("JSON");
    assert_eq!(value["borough"], "London");
    assert_eq!(value["boroughs"].as_array().map(Vec::len), Some(32));
    let total: u64 = value["seat_totals"].as_array().expect("totals").iter().filter_map(|s| s["seats"].as_u64()).sum();
    let by_borough: u64 = value["boroughs"]
        .as_array()
        .expect("boroughs")
        .iter()
        .flat_map(|b| b["seat_totals"].as_array().cloned().unwrap_or_default())
        .filter_map(|s| s["seats"].as_u64())
        .sum();
    assert_eq!(total, by_borough);
    assert_eq!(total, 1817, "seats filled in London 2022");
}

#[test]
fn a_london_export_draws_borough_outlines_and_credits_its_sources() {
    let dir = tempfile::tempdir().expect("temp dir");
    let svg = dir.path().join("london.svg");
    let out = wardmap(&["export", "--borough", "london", "--election", "2018", "--out", svg.to_str().expect("utf-8")]);
    assert!(out.status.success(), "{}", common::stderr(&out));
    let text = std::fs::read_to_string(&svg).expect("written");
    assert!(text.contains(r#"id="borough-outlines""#), "London is drawn with its boroughs");
    assert!(text.contains("Democracy Club") && text.contains("Electoral Commission"), "2018's sources are credited");
    assert_eq!(text.matches("<path id=\"ward-").count(), 632, "every ward in force at the 2018 election");
    let barnet = dir.path().join("barnet.svg");
    let out = wardmap(&["export", "--election", "2022", "--out", barnet.to_str().expect("utf-8")]);
    assert!(out.status.success(), "{}", common::stderr(&out));
    let text = std::fs::read_to_string(&barnet).expect("written");
    assert!(!text.contains("borough-outlines"), "one borough has no borough outlines");
    assert!(text.contains("London Datastore"), "Barnet 2022 credits the GLA");
}
