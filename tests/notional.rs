//! Notional results across boundary changes, on the data wardmap ships: Barnet 2018 on its 2022
//! wards and Redbridge 2014 on its 2018 wards keep their seats and votes, the weights share every
//! old ward out whole, and an election on unchanged wards comes back as it was.

mod common;

use common::wardmap_text;
use geo::{Contains, Coord};
use std::collections::BTreeMap;
use std::sync::OnceLock;
use wardmap::analysis::notional::apportion;
use wardmap::analysis::{ElectionPair, GainsReport, seat_totals};
use wardmap::model::notional::WeightBasis;
use wardmap::model::{Dataset, ElectionId, Party};

fn data() -> &'static Dataset {
    static DATA: OnceLock<Dataset> = OnceLock::new();
    DATA.get_or_init(|| {
        let started = std::time::Instant::now();
        let data = wardmap::session::embedded();
        eprintln!("embedded with notionals in {:?}", started.elapsed());
        data
    })
}

fn election(borough: &str, year: i32) -> ElectionId {
    data().election_of(borough, year).unwrap_or_else(|| panic!("{borough} {year} is loaded"))
}

fn pair(borough: &str, from: i32, to: i32) -> ElectionPair {
    let pair = ElectionPair::new(data(), election(borough, from), election(borough, to)).expect("comparable");
    assert!(pair.notional.is_some(), "{borough} {from}→{to} crosses a boundary change");
    pair
}

/// Each party's votes summed over the borough's contests.
fn party_votes(contests: &[wardmap::model::Contest]) -> BTreeMap<String, u64> {
    let mut out = BTreeMap::new();
    for c in contests.iter().flat_map(|c| &c.candidates) {
        *out.entry(c.party.name.clone()).or_default() += c.votes;
    }
    out
}

fn seats(list: &[(Party, u32)]) -> BTreeMap<String, u32> {
    list.iter().map(|(p, n)| (p.name.clone(), *n)).collect()
}

#[test]
fn barnet_2018_on_the_2022_wards_keeps_its_seats_votes_and_shares() {
    let data = data();
    let pair = pair("Barnet", 2018, 2022);
    let notional = pair.notional(data).expect("notional");
    let real = data.election(pair.from).expect("2018");
    assert_eq!(notional.joined.election.contests.len(), 24, "one contest per 2022 ward");
    let total: u32 = seat_totals(&notional.joined.election).iter().map(|(_, n)| n).sum();
    assert_eq!(total, 63);
    let (before, after) = (party_votes(&real.election.contests), party_votes(&notional.joined.election.contests));
    assert_eq!(before.keys().collect::<Vec<_>>(), after.keys().collect::<Vec<_>>());
    for (party, votes) in &before {
        let diff = votes.abs_diff(after[party]);
        assert!(diff <= 24, "{party}: real {votes}, notional {}", after[party]);
    }
    for method in [wardmap::analysis::ShareMethod::TopVote, wardmap::analysis::ShareMethod::TotalVotes] {
        let real_shares = wardmap::analysis::borough_shares(&real.election, method);
        let notional_shares = wardmap::analysis::borough_shares(&notional.joined.election, method);
        for share in &real_shares {
            let other = notional_shares.iter().find(|s| s.party == share.party).map_or(0.0, |s| s.share);
            assert!((share.share - other).abs() < 0.1, "{} {:?}: {} vs {other}", share.party.name, method, share.share);
        }
    }
}

#[test]
fn redbridge_2014_on_its_2018_wards_and_the_gains_add_up() {
    let data = data();
    let pair = pair("Redbridge", 2014, 2018);
    let notional = pair.notional(data).expect("notional");
    let notional_seats = seats(&seat_totals(&notional.joined.election));
    assert_eq!(notional_seats.values().sum::<u32>(), 63);
    let later = seats(&seat_totals(&data.election(pair.to).expect("2018").election));
    let report = GainsReport::of(data, pair);
    for (party, after) in &later {
        let before = notional_seats.get(party).copied().unwrap_or(0);
        let net = report.net_of(&Party::from_source(party));
        assert_eq!(net, i64::from(*after) - i64::from(before), "{party}");
    }
    let change = wardmap::analysis::BoroughChange::of(data, pair, Default::default()).expect("change");
    assert!(
        change.notional.as_deref().is_some_and(|n| n.contains("Redbridge 2014 is notional")),
        "{:?}",
        change.notional
    );
    let actual = change.actual_seats.expect("the real seats are given beside the notional ones");
    let labour = actual.iter().find(|(p, _, _)| p.name == "Labour").expect("Labour");
    assert_eq!((labour.1, labour.2), (35, 51), "the real change, Labour +16");
}

#[test]
fn every_weight_shares_an_old_ward_out_whole() {
    let data = data();
    assert!(!data.notionals.is_empty());
    for notional in &data.notionals {
        let weights = &notional.weights;
        for (a, basis) in weights.basis.iter().enumerate() {
            if *basis == WeightBasis::NoOverlap {
                continue;
            }
            let total = weights.total_of(a);
            assert!((total - 1.0).abs() < 1e-9, "ward {a} of {:?}: Σ w = {total}", notional.from);
        }
        for share in weights.into.iter().flatten() {
            assert!(share.weight > 0.0 && share.weight <= 1.0 + 1e-12);
        }
    }
}

#[test]
fn an_election_estimated_on_its_own_unchanged_wards_is_the_actual_result() {
    let data = data();
    let mut checked = 0;
    for (index, earlier) in data.elections.iter().enumerate() {
        for later in &data.elections {
            let (Some(set), true) = (earlier.ward_set, earlier.election.borough == later.election.borough) else {
                continue;
            };
            if later.ward_set != Some(set) || later.election.year <= earlier.election.year {
                continue;
            }
            let wards = data.ward_set(set).expect("set");
            let weights = wardmap::session::notional::weights_between(data, set, set, Default::default()).expect("w");
            let ward_seats: Vec<Option<u32>> =
                (0..wards.wards.len()).map(|w| data.contest_in_ward(ElectionId(index), w).map(|c| c.seats)).collect();
            let notional = apportion(earlier, (set, wards), &weights, &ward_seats);
            for w in 0..wards.wards.len() {
                let real = data.contest_in_ward(ElectionId(index), w);
                let estimate = notional.join.contest_of_ward[w].map(|c| &notional.election.contests[c]);
                let (Some(real), Some(estimate)) = (real, estimate) else {
                    assert_eq!(real.is_some(), estimate.is_some());
                    continue;
                };
                let votes = |c: &wardmap::model::Contest| {
                    let mut v: Vec<(String, u64)> =
                        c.candidates.iter().map(|c| (c.party.name.clone(), c.votes)).collect();
                    v.sort();
                    v
                };
                assert_eq!(votes(real), votes(estimate), "{} ward {}", earlier.election.title(), wards.wards[w].name);
                let outcome = |c| wardmap::analysis::ContestOutcome::of(c).seats;
                assert_eq!(seats(&outcome(real)), seats(&outcome(estimate)), "{}", wards.wards[w].name);
            }
            checked += 1;
        }
    }
    assert!(checked >= 7, "{checked} borough × pair comparisons on unchanged wards");
}

#[test]
fn summary_from_2018_to_2022_gives_every_new_ward_a_notional_swing_and_gains_line() {
    let (ok, out, err) = wardmap_text(&["summary", "--borough", "Barnet", "--from", "2018", "--to", "2022"]);
    assert!(ok, "{err}");
    assert!(out.contains("Change 2018 (notional)→2022"), "{out}");
    assert!(out.contains("Seats as declared: Lab 25 → 41 (+16) · Con 38 → 22 (−16)"), "{out}");
    let data = data();
    let set = data.election(election("Barnet", 2022)).and_then(|e| e.ward_set).expect("2022 wards");
    let wards = &data.ward_set(set).expect("set").wards;
    assert_eq!(wards.len(), 24);
    for ward in wards {
        let line = out
            .lines()
            .find(|l| l.trim_start().starts_with(&format!("{} ", ward.name)))
            .unwrap_or_else(|| panic!("a line for {}", ward.name));
        let marked = line.matches("notional ").count();
        assert_eq!(marked, 2, "swing and gains both marked notional: {line}");
        assert!(line.contains("swing") && (line.contains("hold") || line.contains("gain")), "{line}");
    }
    let (ok, json, err) = wardmap_text(&["summary", "--borough", "Barnet", "--from", "2018", "--to", "2022", "--json"]);
    assert!(ok, "{err}");
    let doc: serde_json::Value = serde_json::from_str(&json).expect("JSON");
    let comparison = &doc["comparison"];
    assert_eq!(comparison["notional"], true);
    assert_eq!(comparison["notional_weights"], "postcodes");
    assert!(comparison["notional_method"].as_str().is_some_and(|m| m.contains("postcode points")));
    assert_eq!(comparison["wards"].as_array().map(Vec::len), Some(24));
    assert!(comparison["wards"].as_array().is_some_and(|w| w.iter().all(|w| w["notional"] == true)));
}

#[test]
fn the_notional_command_writes_a_results_file_that_opens_like_any_other() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("barnet-2018-on-2022.csv");
    let out_text = out.to_str().expect("utf-8 path");
    let (ok, said, err) =
        wardmap_text(&["notional", "--borough", "Barnet", "--from", "2018", "--onto", "2022", "--out", out_text]);
    assert!(ok, "{err}");
    assert!(said.contains("notional seats Con 36, Lab 27"), "{said}");
    let text = std::fs::read_to_string(&out).expect("written");
    assert!(text.starts_with(
        "election_date,borough,ward_code,ward,seats,candidate,party,votes,elected,electorate,turnout,notional\n"
    ));
    assert!(text.lines().skip(1).all(|l| l.ends_with(",true")));
    let boundaries = concat!(env!("CARGO_MANIFEST_DIR"), "/data/boundaries/barnet-wards-2022.geojson");
    let (ok, summary, err) = wardmap_text(&["summary", "--results", out_text, "--boundaries", boundaries]);
    assert!(ok, "{err}");
    assert!(summary.contains("Seats: Con 36 · Lab 27"), "{summary}");
    assert!(summary.contains("24 of 24 results joined"), "{summary}");
    // The same again refuses to overwrite; area weights are a choice; same wards are refused.
    let (ok, _, err) = wardmap_text(&["notional", "--from", "2018", "--onto", "2022", "--out", out_text]);
    assert!(!ok && err.contains("exists"), "{err}");
    let (ok, said, err) = wardmap_text(&[
        "notional",
        "--from",
        "2018",
        "--onto",
        "2022",
        "--weights",
        "area",
        "--out",
        out_text,
        "--force",
    ]);
    assert!(ok && said.contains("by area"), "{said}{err}");
    let (ok, _, err) = wardmap_text(&["notional", "--from", "2014", "--onto", "2018", "--out", out_text, "--force"]);
    assert!(!ok && err.contains("same wards"), "{err}");
}

/// The postcode points are found in wards by banded edges (`geometry::point_in`): on real wards
/// it must say what geo's `Contains` says, on a grid across each ward and at every corner.
#[test]
fn every_barnet_ward_holds_the_same_grid_points_by_banded_edges_as_geo_says() {
    let sets = wardmap::io::embedded::barnet_ward_sets();
    let set = &sets[0];
    let mut tested = 0;
    for ward in &set.wards {
        let banded = wardmap::geometry::point_in::BandedWard::new(&ward.geometry);
        let Some(rect) = geo::BoundingRect::bounding_rect(&ward.geometry) else { continue };
        for i in 0..=40 {
            for j in 0..=40 {
                let c = Coord {
                    x: rect.min().x + rect.width() * f64::from(i) / 40.0,
                    y: rect.min().y + rect.height() * f64::from(j) / 40.0,
                };
                assert_eq!(banded.contains(c), ward.geometry.contains(&c), "{} at {c:?}", ward.name);
                tested += 1;
            }
        }
        // Every corner lies on the boundary: outside for both.
        for c in ward.geometry.iter().flat_map(|p| p.exterior().0.iter()) {
            assert!(!banded.contains(*c) && !ward.geometry.contains(c), "{} corner {c:?}", ward.name);
        }
    }
    assert!(tested > 20_000);
}
