//! The must-show facts of part 2 on the shipped Barnet data (2014 and 2018 on the 21 wards of
//! 2002–2022; the 24 wards of 2022 with no results). Expected numbers were worked out by hand
//! from data/results/barnet-2014.csv and barnet-2018.csv.

use wardmap::analysis::colouring::{ColourMode, ColourSpec, MapSubject, availability, baselines, colour};
use wardmap::analysis::comparison::{compare_wards, ward_across_elections};
use wardmap::analysis::{
    BoroughChange, ElectionPair, GainsReport, Majority, ShareMethod, seat_totals, share_of, ward_swing,
};
use wardmap::model::palette::FillStyle;
use wardmap::model::{Dataset, ElectionId, Party};

struct Barnet {
    data: Dataset,
    e2014: ElectionId,
    e2018: ElectionId,
}

fn barnet() -> Barnet {
    let data = wardmap::io::embedded::barnet();
    let e2014 = data.election_by_year(2014).expect("2014 is embedded");
    let e2018 = data.election_by_year(2018).expect("2018 is embedded");
    Barnet { data, e2014, e2018 }
}

impl Barnet {
    fn pair(&self) -> ElectionPair {
        ElectionPair::new(&self.data, self.e2014, self.e2018).expect("2014 and 2018 share the 2002 wards")
    }

    fn ward(&self, name: &str) -> usize {
        let set = self.data.election(self.e2018).and_then(|e| e.ward_set).and_then(|s| self.data.ward_set(s));
        set.and_then(|s| s.wards.iter().position(|w| w.name == name)).unwrap_or_else(|| panic!("no ward {name}"))
    }

    fn swing(&self, name: &str) -> f64 {
        let (con, lab) = (Party::from_source("Conservative"), Party::from_source("Labour"));
        let ward = self.ward(name);
        let a = self.data.contest_in_ward(self.e2014, ward).expect("2014 result");
        let b = self.data.contest_in_ward(self.e2018, ward).expect("2018 result");
        ward_swing(a, b, &con, &lab, ShareMethod::TopVote).expect("votes cast").points
    }
}

fn con() -> Party {
    Party::from_source("Conservative")
}
fn lab() -> Party {
    Party::from_source("Labour")
}
fn ld() -> Party {
    Party::from_source("Liberal Democrats")
}

#[test]
fn con_lab_swing_2014_to_2018_is_computed_for_all_21_wards() {
    let b = barnet();
    let spec = ColourSpec { mode: ColourMode::Swing, ..ColourSpec::winner() };
    let map = colour(&b.data, MapSubject::Election(b.e2018), &spec);
    assert_eq!(map.unavailable, None);
    assert_eq!(map.fills.len(), 21);
    assert!(map.fills.iter().all(|f| matches!(f, FillStyle::Solid(_))), "every ward has a swing fill");
    assert!(map.values.iter().all(Option::is_some));
    assert_eq!(map.legend.title, "Barnet: swing Con↔Lab 2014→2018");
    assert_eq!(map.legend.note.as_deref(), Some("Butler two-party swing, top-vote method, percentage points"));
    assert_eq!(map.legend.items.iter().map(|i| i.count).sum::<usize>(), 21, "the legend counts every ward once");
}

#[test]
fn finchley_church_end_swings_most_strongly_to_the_conservatives() {
    // Top votes 2014: Con 2571, Lab 1257, Grn 512, UKIP 365, LD 305 (5010): Con 51.32%, Lab 25.09%.
    // 2018: Con 3429, Lab 1200, LD 636 (5265): Con 65.13%, Lab 22.79%.
    // Swing ((65.13 − 51.32) + (25.09 − 22.79)) / 2 = (13.81 + 2.30) / 2 = 8.05 to Con.
    let b = barnet();
    let fce = b.swing("Finchley Church End");
    assert!((fce - 8.05).abs() < 0.01, "Finchley Church End swing was {fce}");
    let names = ["Garden Suburb", "Hendon", "Mill Hill", "West Hendon", "Hale", "Edgware"];
    for other in names {
        assert!(b.swing(other) < fce, "{other} swings less than Finchley Church End");
    }
    let spec = ColourSpec { mode: ColourMode::Swing, ..ColourSpec::winner() };
    let map = colour(&b.data, MapSubject::Election(b.e2018), &spec);
    let tooltip = map.values[b.ward("Finchley Church End")].clone().unwrap_or_default();
    assert!(tooltip.starts_with("8.1 pts swing to Conservative"), "{tooltip}");
}

#[test]
fn coppetts_and_high_barnet_swing_to_labour() {
    let b = barnet();
    let coppetts = b.swing("Coppetts");
    let high_barnet = b.swing("High Barnet");
    assert!((coppetts + 7.74).abs() < 0.01, "Coppetts {coppetts}");
    assert!((high_barnet + 7.86).abs() < 0.01, "High Barnet {high_barnet}");
    let spec = ColourSpec { mode: ColourMode::Swing, ..ColourSpec::winner() };
    let map = colour(&b.data, MapSubject::Election(b.e2018), &spec);
    let tooltip = map.values[b.ward("High Barnet")].clone().unwrap_or_default();
    assert!(tooltip.starts_with("7.9 pts swing to Labour"), "{tooltip}");
}

#[test]
fn gains_2014_to_2018_match_the_seats_that_changed_hands() {
    let b = barnet();
    let report = GainsReport::of(&b.data, b.pair());
    let label = |name: &str| report.wards[b.ward(name)].as_ref().map(|w| w.label()).unwrap_or_default();
    assert_eq!(label("West Hendon"), "3 of 3 seats: 3 Con gains from Lab");
    assert_eq!(label("East Barnet"), "1 of 3 seats: Con gain from Lab; 2 Lab held");
    assert_eq!(label("Brunswick Park"), "1 of 3 seats: Con gain from Lab; 1 Con, 1 Lab held");
    assert_eq!(label("Hale"), "1 of 3 seats: Con gain from Lab; 2 Con held");
    assert_eq!(label("Childs Hill"), "1 of 3 seats: Lab gain from LD; 2 Con held");
    assert_eq!(wardmap::analysis::measures::gains::seat_tally(&report), "6 Con gains from Lab, Lab gain from LD");
    assert_eq!(label("High Barnet"), "Con hold");
    let changed: Vec<&str> = ["West Hendon", "East Barnet", "Brunswick Park", "Hale", "Childs Hill"].to_vec();
    let set = b.data.ward_set(b.pair().ward_set).expect("ward set");
    for (ward, change) in set.wards.iter().zip(&report.wards) {
        let change = change.as_ref().expect("every ward has both results");
        assert_eq!(change.is_hold(), !changed.contains(&ward.name.as_str()), "{}", ward.name);
    }
    assert_eq!((report.net_of(&con()), report.net_of(&lab()), report.net_of(&ld())), (6, -5, -1));
    assert_eq!(report.net_label(), "Con +6 · Lab −5 · LD −1");
}

#[test]
fn gains_mode_fills_a_gain_in_the_gaining_partys_colour_and_names_it_in_the_legend() {
    let b = barnet();
    let spec = ColourSpec { mode: ColourMode::Gains, ..ColourSpec::winner() };
    let map = colour(&b.data, MapSubject::Election(b.e2018), &spec);
    assert_eq!(map.unavailable, None);
    // A whole-ward gain is solid; a gain of 1 of 3 seats is striped by seats against the pale
    // holds, so the two never look alike.
    assert_eq!(map.fills[b.ward("West Hendon")], FillStyle::Solid(con().colour));
    let pale = wardmap::analysis::scales::pale;
    assert_eq!(map.fills[b.ward("East Barnet")], FillStyle::Stripes(vec![(con().colour, 1), (pale(lab().colour), 2)]));
    assert_eq!(map.fills[b.ward("Childs Hill")], FillStyle::Stripes(vec![(lab().colour, 1), (pale(con().colour), 2)]));
    assert_eq!(map.values[b.ward("West Hendon")].as_deref(), Some("3 of 3 seats: 3 Con gains from Lab"));
    assert_eq!(map.values[b.ward("East Barnet")].as_deref(), Some("1 of 3 seats: Con gain from Lab; 2 Lab held"));
    let item = |label: &str| map.legend.items.iter().find(|i| i.label == label).map(|i| i.count);
    assert_eq!(item("Con gain from Lab (every seat)"), Some(1));
    assert_eq!(item("Con gain from Lab; Lab held"), Some(1));
    assert_eq!(item("Lab gain from LD; Con held"), Some(1));
    let note = map.legend.note.clone().unwrap_or_default();
    assert!(note.contains("Seats that changed hands: 6 Con gains from Lab, Lab gain from LD"), "{note}");
    assert_eq!(map.legend.items.iter().map(|i| i.count).sum::<usize>(), 21);
    assert!(map.legend.note.as_deref().unwrap_or_default().contains("Con +6 · Lab −5 · LD −1"));
}

#[test]
fn high_barnet_is_a_conservative_hold_whose_majority_fell_from_943_to_1() {
    let b = barnet();
    let ward = b.ward("High Barnet");
    let majority = |id| b.data.contest_in_ward(id, ward).and_then(Majority::of).map(|m| m.votes);
    assert_eq!(majority(b.e2014), Some(943));
    assert_eq!(majority(b.e2018), Some(1));
    let spec = ColourSpec { mode: ColourMode::Majority, ..ColourSpec::winner() };
    let map = colour(&b.data, MapSubject::Election(b.e2018), &spec);
    let tooltip = map.values[ward].clone().unwrap_or_default();
    assert!(tooltip.starts_with("Majority 1 vote ("), "{tooltip}");
    assert_eq!(map.legend.items[0].label, "under 1%");
    assert!(map.legend.items[0].count >= 1, "High Barnet is in the darkest bin");
}

#[test]
fn seat_totals_are_con_38_lab_25_in_2018_and_con_32_lab_30_ld_1_in_2014() {
    let b = barnet();
    let totals = |id| {
        let e = &b.data.election(id).expect("loaded").election;
        seat_totals(e).into_iter().map(|(p, n)| (p.short, n)).collect::<Vec<_>>()
    };
    assert_eq!(totals(b.e2018), [("Con".to_owned(), 38), ("Lab".to_owned(), 25)]);
    assert_eq!(totals(b.e2014), [("Con".to_owned(), 32), ("Lab".to_owned(), 30), ("LD".to_owned(), 1)]);
}

#[test]
fn childs_hill_2018_splits_two_con_one_lab_on_a_majority_of_two() {
    let b = barnet();
    let contest = b.data.contest_in_ward(b.e2018, b.ward("Childs Hill")).expect("result");
    let outcome = wardmap::analysis::ContestOutcome::of(contest);
    assert_eq!(outcome.seats_label(), "2 Con, 1 Lab");
    assert_eq!(outcome.majority, Some(2));
    let find = |name: &str| contest.candidates.iter().position(|c| c.name == name).expect(name);
    let (clarke, gearson) = (find("Anne Clarke"), find("Vanessa Gearson"));
    assert_eq!((contest.candidates[clarke].votes, outcome.elected[clarke]), (2224, true));
    assert_eq!((contest.candidates[gearson].votes, outcome.elected[gearson]), (2222, false));
}

#[test]
fn shares_by_the_two_methods_differ_and_are_named() {
    let b = barnet();
    let contest = b.data.contest_in_ward(b.e2018, b.ward("Finchley Church End")).expect("result");
    let top = share_of(contest, &con(), ShareMethod::TopVote).unwrap_or_default();
    let total = share_of(contest, &con(), ShareMethod::TotalVotes).unwrap_or_default();
    assert!((top - 65.13).abs() < 0.01, "top vote {top}");
    assert!(total < top, "total votes {total}");
    let spec = ColourSpec { mode: ColourMode::Share, method: ShareMethod::TotalVotes, ..ColourSpec::winner() };
    let map = colour(&b.data, MapSubject::Election(b.e2018), &spec);
    assert!(map.legend.note.as_deref().unwrap_or_default().contains("total-votes method"));
    assert!(map.values[0].as_deref().unwrap_or_default().contains("total-votes method"));
}

#[test]
fn measures_across_ward_sets_are_unavailable_with_a_plain_reason() {
    let b = barnet();
    let set_2022 = b.data.ward_sets_without_results();
    assert_eq!(set_2022.len(), 1);
    for mode in [ColourMode::Change, ColourMode::Swing, ColourMode::Gains] {
        // 2014 has no earlier election.
        let spec = ColourSpec { mode, ..ColourSpec::winner() };
        let map = colour(&b.data, MapSubject::Election(b.e2014), &spec);
        let reason = map.unavailable.expect("no election before 2014");
        assert_eq!(reason, "There is no earlier election on the same wards as Barnet 2014 to compare with");
        assert!(map.fills.iter().all(|f| *f == FillStyle::NoData));
    }
    let map = colour(&b.data, MapSubject::WardSetOnly(set_2022[0]), &ColourSpec::winner());
    assert_eq!(map.fills.len(), 24);
}

#[test]
fn an_election_on_the_2022_wards_is_never_compared_with_2018() {
    // A made-up 2022 poll in two wards whose names exist in both sets: it joins the 2022 set
    // (a tie on matches goes to the set whose first year fits).
    let mut elections = wardmap::io::embedded::barnet_elections();
    let mut poll = elections.iter().find(|e| e.year == 2018).expect("2018").clone();
    poll.year = 2022;
    poll.contests.retain(|c| c.ward_name == "Brunswick Park" || c.ward_name == "Burnt Oak");
    // Without the 2002 codes, so the names decide (a 2002 code would pull it to the 2002 set).
    for contest in &mut poll.contests {
        contest.ward_code = None;
    }
    elections.push(poll);
    let data = Dataset::new(wardmap::io::embedded::barnet_ward_sets(), elections);
    let (e2018, e2022) = (data.election_by_year(2018).expect("2018"), data.election_by_year(2022).expect("2022"));
    assert_ne!(data.election(e2018).and_then(|e| e.ward_set), data.election(e2022).and_then(|e| e.ward_set));
    let reason = ElectionPair::new(&data, e2018, e2022).expect_err("different ward sets").to_string();
    assert_eq!(
        reason,
        "Barnet 2018 (Barnet wards 2002–2018) and Barnet 2022 (Barnet wards from 2022) were fought on different \
         wards, so they cannot be compared ward by ward"
    );
    for mode in [ColourMode::Change, ColourMode::Swing, ColourMode::Gains] {
        let spec = ColourSpec { mode, baseline: Some(2018), ..ColourSpec::winner() };
        let map = colour(&data, MapSubject::Election(e2022), &spec);
        assert_eq!(map.unavailable.as_deref(), Some(reason.as_str()), "{mode:?}");
        assert_eq!(map.fills.len(), 24);
        assert!(map.fills.iter().all(|f| *f == FillStyle::NoData));
        assert!(map.values.iter().all(Option::is_none));
    }
    let modes = availability(&data, MapSubject::Election(e2022), &ColourSpec::winner());
    let gains = modes.iter().find(|(m, _)| *m == ColourMode::Gains).map(|(_, r)| r.clone().map_err(|e| e.to_string()));
    assert_eq!(
        gains,
        Some(Err("There is no earlier election on the same wards as Barnet 2022 to compare with".into()))
    );
}

#[test]
fn the_baseline_must_be_an_earlier_election() {
    let b = barnet();
    assert_eq!(baselines(&b.data, b.e2018), [(2014, Ok(false))]);
    assert!(baselines(&b.data, b.e2014).is_empty());
    let spec = ColourSpec { mode: ColourMode::Swing, baseline: Some(2018), ..ColourSpec::winner() };
    let map = colour(&b.data, MapSubject::Election(b.e2014), &spec);
    assert_eq!(
        map.unavailable.as_deref(),
        Some("The election to compare with (2018) is later than Barnet 2014: pick an earlier one")
    );
}

#[test]
fn turnout_is_disabled_for_barnet_with_the_plain_reason() {
    let b = barnet();
    let modes = availability(&b.data, MapSubject::Election(b.e2018), &ColourSpec::winner());
    let turnout =
        modes.iter().find(|(m, _)| *m == ColourMode::Turnout).map(|(_, r)| r.clone().map_err(|e| e.to_string()));
    assert_eq!(turnout, Some(Err("These results have no electorate or turnout figures".into())));
    let control =
        modes.iter().find(|(m, _)| *m == ColourMode::Control).map(|(_, r)| r.clone().map_err(|e| e.to_string()));
    assert_eq!(control, Some(Err("Council control maps many boroughs at once: pick London at the top".into())));
    // Barnet's own files carry no census: the census mode says so (the app's data attaches it).
    let census =
        modes.iter().find(|(m, _)| *m == ColourMode::Attribute).map(|(_, r)| r.clone().map_err(|e| e.to_string()));
    assert_eq!(census, Some(Err("No ward figures: no census or ward figures are loaded for these wards".into())));
    let others_ok = modes
        .iter()
        .filter(|(m, _)| !matches!(m, ColourMode::Turnout | ColourMode::Control | ColourMode::Attribute))
        .all(|(_, r)| r.is_ok());
    assert!(others_ok, "{modes:?}");
    let spec = ColourSpec { mode: ColourMode::Turnout, ..ColourSpec::winner() };
    let map = colour(&b.data, MapSubject::Election(b.e2018), &spec);
    assert_eq!(map.unavailable.as_deref(), Some("These results have no electorate or turnout figures"));
}

#[test]
fn every_mode_has_a_legend_that_counts_each_ward_once() {
    let b = barnet();
    // The census comes with the app's data (the session attaches it), not with Barnet's own files.
    let with_census = wardmap::session::embedded_barnet();
    let census_2018 = with_census.election_of("Barnet", 2018).expect("Barnet 2018");
    for &mode in ColourMode::ALL.iter().filter(|m| !matches!(m, ColourMode::Turnout | ColourMode::Control)) {
        for colour_blind in [false, true] {
            let spec = ColourSpec { mode, colour_blind, ..ColourSpec::winner() };
            let map = if mode == ColourMode::Attribute {
                colour(&with_census, MapSubject::Election(census_2018), &spec)
            } else {
                colour(&b.data, MapSubject::Election(b.e2018), &spec)
            };
            assert_eq!(map.unavailable, None, "{mode:?}");
            assert_eq!(map.legend.items.iter().map(|i| i.count).sum::<usize>(), 21, "{mode:?}");
            for fill in &map.fills {
                assert!(map.legend.items.iter().any(|i| i.fill == *fill), "{mode:?}: {fill:?} is in the legend");
            }
        }
    }
}

#[test]
fn borough_change_2014_to_2018_has_the_net_seats_and_a_swing_to_the_conservatives() {
    let b = barnet();
    let change = BoroughChange::of(&b.data, b.pair(), ShareMethod::TopVote).expect("same wards");
    let net: Vec<(String, i64)> = change.seats.iter().map(|s| (s.party.short.clone(), s.net)).collect();
    assert_eq!(net, [("Con".to_owned(), 6), ("Lab".to_owned(), -5), ("LD".to_owned(), -1)]);
    let gains: Vec<String> = change.gains.iter().map(|g| g.label()).collect();
    assert_eq!(gains, ["6 Con gains from Lab", "Lab gain from LD"]);
    assert!(change.swing(&con(), &lab()).points > 0.0);
}

#[test]
fn comparison_rows_show_the_selected_wards_and_the_borough() {
    let b = barnet();
    let spec = ColourSpec { mode: ColourMode::Swing, ..ColourSpec::winner() };
    let wards = [b.ward("Golders Green"), b.ward("Finchley Church End")];
    let table = compare_wards(&b.data, b.e2018, &wards, &spec).expect("table");
    assert_eq!(table.rows.len(), 2);
    assert_eq!(table.rows[0].label, "Golders Green");
    assert_eq!(table.rows[1].seats_of(&con()), 3);
    assert!((table.rows[1].share_of(&con()) - 65.13).abs() < 0.01);
    assert!(table.rows[1].measure.as_ref().and_then(|m| m.number).is_some_and(|n| (n - 8.05).abs() < 0.01));
    assert_eq!(table.reference.label, "Barnet (whole borough)");
    assert_eq!(table.reference.seats_of(&con()), 38);
    assert_eq!(table.measure_title, "Swing Con↔Lab 2014→2018");

    let across = ward_across_elections(&b.data, b.e2018, b.ward("High Barnet"), &spec).expect("table");
    let rows: Vec<(String, Option<u64>)> =
        across.rows.iter().map(|r| (r.label.clone(), r.majority.map(|m| m.votes))).collect();
    assert_eq!(rows, [("2014".to_owned(), Some(943)), ("2018".to_owned(), Some(1))]);
}
