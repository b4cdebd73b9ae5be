//! The command line on the shipped Barnet data: `wardmap summary` needs no display.

mod common;

use common::wardmap_text as wardmap;

fn summary_json(year: &str) -> serde_json::Value {
    let (ok, stdout, stderr) = wardmap(&["summary", "--election", year, "--json"]);
    assert!(ok, "summary failed: {stderr}");
    serde_json::from_str(&stdout).expect("summary --json prints JSON")
}

fn seats(summary: &serde_json::Value, party: &str) -> u64 {
    summary["seat_totals"]
        .as_array()
        .expect("seat_totals is a list")
        .iter()
        .find(|p| p["party"] == party)
        .map_or(0, |p| p["seats"].as_u64().expect("seats is a number"))
}

#[test]
fn summary_2018_prints_conservative_38_and_labour_25_with_all_wards_joined() {
    let (ok, text, _) = wardmap(&["summary", "--election", "2018"]);
    assert!(ok);
    assert!(text.contains("Seats: Con 38 · Lab 25"), "{text}");
    assert!(text.contains("21 of 21 results joined to the 21 wards"), "{text}");
    let json = summary_json("2018");
    assert_eq!(json["schema"], "wardmap.summary/1");
    assert_eq!(seats(&json, "Conservative"), 38);
    assert_eq!(seats(&json, "Labour"), 25);
    assert_eq!(json["join"]["matched"], 21);
    let wards = json["wards"].as_array().expect("wards");
    assert_eq!(wards.len(), 21);
    assert!(wards.iter().all(|w| w["joined_by"] == "code"));
}

#[test]
fn summary_2014_prints_32_30_1() {
    let json = summary_json("2014");
    assert_eq!(seats(&json, "Conservative"), 32);
    assert_eq!(seats(&json, "Labour"), 30);
    assert_eq!(seats(&json, "Liberal Democrats"), 1);
    assert_eq!(json["join"]["matched"], 21);
    assert_eq!(json["poll_dates"], serde_json::json!(["2014-05-22", "2014-06-26"]));
}

#[test]
fn childs_hill_2018_is_split_two_con_one_lab_with_a_majority_of_two() {
    let json = summary_json("2018");
    let ward =
        json["wards"].as_array().expect("wards").iter().find(|w| w["name"] == "Childs Hill").expect("Childs Hill");
    assert_eq!(ward["code"], "E05000045");
    assert_eq!(ward["winner_label"], "Split: 2 Con, 1 Lab");
    assert_eq!(ward["majority"], 2);
    let candidates = ward["candidates"].as_array().expect("candidates");
    let clarke = candidates.iter().find(|c| c["name"] == "Anne Clarke").expect("Anne Clarke");
    assert_eq!((clarke["votes"].as_u64(), clarke["elected"].as_bool()), (Some(2224), Some(true)));
    let gearson = candidates.iter().find(|c| c["name"] == "Vanessa Gearson").expect("Vanessa Gearson");
    assert_eq!((gearson["votes"].as_u64(), gearson["elected"].as_bool()), (Some(2222), Some(false)));
}

#[test]
fn an_unknown_election_is_an_error_on_stderr_with_a_non_zero_exit() {
    let (ok, stdout, stderr) = wardmap(&["summary", "--election", "1999"]);
    assert!(!ok);
    assert!(stdout.is_empty());
    assert!(stderr.contains("no results for Barnet 1999") && stderr.contains("2014, 2018"), "{stderr}");
}

#[test]
fn high_barnet_is_a_conservative_hold_whose_majority_falls_from_943_to_1() {
    let (ok, stdout, stderr) = wardmap(&["summary", "--from", "2014", "--to", "2018", "--json"]);
    assert!(ok, "{stderr}");
    let json: serde_json::Value = serde_json::from_str(&stdout).expect("JSON");
    let ward = json["comparison"]["wards"]
        .as_array()
        .expect("comparison wards")
        .iter()
        .find(|w| w["name"] == "High Barnet")
        .expect("High Barnet");
    assert_eq!(ward["label"], "Con hold");
    assert_eq!(ward["majority_from"], 943);
    assert_eq!(ward["majority_to"], 1);
    let (_, text, _) = wardmap(&["summary", "--from", "2014", "--to", "2018"]);
    let line = text.lines().find(|l| l.contains("High Barnet") && l.contains("hold")).expect("High Barnet line");
    assert!(line.contains("majority 943 → 1"), "{line}");
}
