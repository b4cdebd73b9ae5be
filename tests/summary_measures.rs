//! `wardmap summary` gains the measures: shares with their method, change, Butler swing and
//! gains, in JSON (schema `wardmap.summary/1`, fields only added) and in text. Tested through
//! the library so no display or binary is needed.

use clap::Parser;
use serde_json::Value;
use wardmap::analysis::ShareMethod;
use wardmap::cli::summary::{Options, render_text, summarise, summarise_with};
use wardmap::cli::{Cli, Command};
use wardmap::model::Dataset;

fn json(data: &Dataset, year: i32, options: &Options) -> Value {
    let id = data.election_by_year(year).expect("embedded year");
    let summary = summarise_with(data, id, options).expect("summary");
    serde_json::to_value(&summary).expect("serialises")
}

fn options(from: Option<i32>) -> Options {
    Options { from, method: ShareMethod::TopVote, swing: ("Conservative".into(), "Labour".into()) }
}

fn ward<'a>(list: &'a Value, name: &str) -> &'a Value {
    list.as_array().and_then(|l| l.iter().find(|w| w["name"] == name)).unwrap_or_else(|| panic!("no {name}"))
}

#[test]
fn summary_2018_compares_with_2014_by_default_and_keeps_the_old_fields() {
    let data = wardmap::io::embedded::barnet();
    let v = json(&data, 2018, &options(None));
    assert_eq!(v["schema"], "wardmap.summary/1");
    assert_eq!(v["method"], "top-vote");
    assert_eq!(v["wards"].as_array().map(Vec::len), Some(21));
    assert_eq!(ward(&v["wards"], "Childs Hill")["majority"], 2);
    let c = &v["comparison"];
    assert_eq!((c["from"].as_i64(), c["to"].as_i64()), (Some(2014), Some(2018)));
    assert_eq!(c["swing_pair"]["a"], "Conservative");
    assert_eq!(c["borough"]["net_label"], "Con +6 · Lab −5 · LD −1");
    let nets: Vec<(String, i64)> = c["borough"]["seats"]
        .as_array()
        .expect("seats")
        .iter()
        .map(|s| (s["short"].as_str().unwrap_or_default().to_owned(), s["net"].as_i64().unwrap_or_default()))
        .collect();
    assert_eq!(nets, [("Con".to_owned(), 6), ("Lab".to_owned(), -5), ("LD".to_owned(), -1)]);
    assert_eq!(c["wards"].as_array().map(Vec::len), Some(21), "a swing for every ward");
    assert_eq!(v["comparison_unavailable"], Value::Null);
}

#[test]
fn ward_comparisons_carry_swing_and_gains() {
    let data = wardmap::io::embedded::barnet();
    let v = json(&data, 2018, &options(Some(2014)));
    let wards = &v["comparison"]["wards"];
    let fce = ward(wards, "Finchley Church End");
    assert_eq!(fce["swing"]["points"], 8.05);
    assert_eq!(fce["swing"]["label"], "8.1 pts swing to Conservative");
    assert_eq!(fce["label"], "Con hold");
    assert_eq!(ward(wards, "High Barnet")["swing"]["label"], "7.9 pts swing to Labour");
    assert_eq!(ward(wards, "Coppetts")["swing"]["label"], "7.7 pts swing to Labour");
    let west_hendon = ward(wards, "West Hendon");
    assert_eq!(
        west_hendon["gains"],
        serde_json::json!([{"gainer": "Conservative", "loser": "Labour", "seats": 3, "label": "3 Con gains from Lab"}])
    );
    assert_eq!(west_hendon["hold"], false);
    let childs_hill = ward(wards, "Childs Hill");
    assert_eq!(childs_hill["gains"][0]["label"], "Lab gain from LD");
    let high_barnet = ward(&v["wards"], "High Barnet");
    assert_eq!(high_barnet["majority"], 1);
}

#[test]
fn shares_follow_the_chosen_method() {
    let data = wardmap::io::embedded::barnet();
    let top = json(&data, 2018, &options(None));
    let total = json(&data, 2018, &Options { method: ShareMethod::TotalVotes, ..options(None) });
    assert_eq!(total["method"], "total-votes");
    let con = |v: &Value| ward(&v["wards"], "Finchley Church End")["shares"][0]["share"].as_f64().unwrap_or_default();
    assert_eq!(con(&top), 65.13);
    assert!(con(&total) < con(&top));
    let sum: f64 = top["shares"].as_array().expect("shares").iter().filter_map(|s| s["share"].as_f64()).sum();
    assert!((sum - 100.0).abs() < 0.05, "borough shares add to 100: {sum}");
}

#[test]
fn the_first_election_has_no_comparison_and_says_why() {
    let data = wardmap::io::embedded::barnet();
    let v = json(&data, 2014, &options(None));
    assert_eq!(v["comparison"], Value::Null);
    assert_eq!(
        v["comparison_unavailable"],
        "There is no earlier election on the same wards as Barnet 2014 to compare with"
    );
    let id = data.election_by_year(2014).expect("2014");
    assert!(summarise(&data, id).is_some());
}

#[test]
fn an_explicit_comparison_that_cannot_be_made_is_an_error() {
    let data = wardmap::io::embedded::barnet();
    let id = data.election_by_year(2018).expect("2018");
    let err = summarise_with(&data, id, &options(Some(2018))).err().unwrap_or_default();
    assert_eq!(err, "Barnet 2018 cannot be compared with itself: pick an earlier election");
    let err = summarise_with(&data, id, &options(Some(2010))).err().unwrap_or_default();
    assert_eq!(err, "No Barnet 2010 results are loaded to compare with");
}

#[test]
fn text_output_shows_shares_change_swing_and_gains() {
    let data = wardmap::io::embedded::barnet();
    let id = data.election_by_year(2018).expect("2018");
    let summary = summarise_with(&data, id, &options(None)).expect("summary");
    let text = render_text(&summary, &data, id);
    assert!(text.contains("Shares (top-vote method): Con 44.3% · Lab 38.9%"), "{text}");
    let high_barnet = "E05000056 High Barnet (3 seats): Conservative; majority 1 vote (<0.1% of the top-vote total)";
    assert!(text.contains(high_barnet), "{text}");
    assert!(text.contains("Change 2014→2018 (shares by the top-vote method)"), "{text}");
    assert!(text.contains("Seats: Con 32 → 38 (+6) · Lab 30 → 25 (−5) · LD 1 → 0 (−1)"), "{text}");
    assert!(text.contains("Gains: 6 Con gains from Lab; Lab gain from LD"), "{text}");
    assert!(text.contains("8.1 pts swing to Conservative"), "{text}");
}

#[test]
fn the_command_line_takes_from_to_method_and_swing() {
    let cli = Cli::try_parse_from([
        "wardmap",
        "summary",
        "--from",
        "2014",
        "--to",
        "2018",
        "--method",
        "total-votes",
        "--swing",
        "Lab,LD",
    ])
    .expect("parses");
    let Some(Command::Summary(args)) = cli.command else { panic!("summary") };
    assert_eq!((args.from, args.to), (Some(2014), Some(2018)));
    assert_eq!(args.method, ShareMethod::TotalVotes);
    assert_eq!(args.swing, ("Labour".to_owned(), "Liberal Democrats".to_owned()));
    let defaults = Cli::try_parse_from(["wardmap", "summary"]).expect("parses");
    let Some(Command::Summary(args)) = defaults.command else { panic!("summary") };
    assert_eq!(args.method, ShareMethod::TopVote);
    assert_eq!(args.swing, ("Conservative".to_owned(), "Labour".to_owned()));
    assert!(Cli::try_parse_from(["wardmap", "summary", "--method", "d'hondt"]).is_err());
    assert!(Cli::try_parse_from(["wardmap", "summary", "--swing", "Con,Conservative"]).is_err());
}

#[test]
fn summary_and_app_write_every_candidates_share_alike() {
    // The app's ward panel writes shares with `format::share_text`; the summary's JSON numbers
    // and text come from the same rounding, so no candidate reads 59.6% in one and 59.7% in the other.
    let data = wardmap::io::embedded::barnet();
    for year in [2014, 2018] {
        let id = data.election_by_year(year).expect("loaded");
        let summary = summarise_with(&data, id, &options(None)).expect("summary");
        let text = render_text(&summary, &data, id);
        for ward in &summary.wards {
            for c in &ward.candidates {
                let app = wardmap::analysis::format::share_text(c.votes, ward.total_votes);
                assert_eq!(format!("{:.1}%", c.share), app, "{year} {} {}", ward.name, c.name);
                let votes = wardmap::analysis::format::thousands(c.votes);
                let line = text
                    .lines()
                    .find(|l| l.trim_start().starts_with(&c.name) && l.contains(&format!(" {votes} ")))
                    .expect("a line per candidate");
                assert!(line.contains(&app), "{year} {}: {line}", c.name);
            }
        }
    }
}
