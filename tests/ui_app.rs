//! UI tests: drive the real app with egui_kittest, click and read the interface.

mod common;

use common::{barnet_app, click_at, wait_for_load, ward_position};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use wardmap::analysis::colouring::MapSubject;
use wardmap::ui::WardmapApp;

#[test]
fn clicking_inside_golders_green_shows_its_candidates_in_the_details_panel() {
    let mut harness = barnet_app();
    assert!(harness.state().state.selected.is_empty());
    assert!(harness.query_by_label("Adele Ward").is_none(), "no details before the click");
    let pos = ward_position(&harness, "Golders Green");
    click_at(&mut harness, pos);
    let app = harness.state();
    let selected = app.state.selected.first().copied().expect("a ward is selected");
    assert_eq!(app.data().ward_sets[0].wards[selected].name, "Golders Green");
    // Golders Green 2018: every candidate is listed, winners and losers.
    for candidate in ["Dean Simon Benjamin Cohen", "Melvin Cohen", "Adele Ward", "Peter Anthony Lusher"] {
        assert!(harness.query_all_by_label(candidate).next().is_some(), "details panel lists {candidate}");
    }
    assert!(harness.query_by_label_contains("ONS code E05000053").is_some());
}

#[test]
fn switching_the_election_changes_the_seat_totals() {
    let mut harness = barnet_app();
    assert!(harness.query_by_label("Con 38").is_some(), "2018 opens first: Con 38");
    assert!(harness.query_by_label("Lab 25").is_some());
    harness.get_by_label("Election:").click();
    harness.run();
    harness.get_by_label("Barnet 2014").click();
    harness.run();
    let app = harness.state();
    let subject = app.subject().expect("a subject");
    let MapSubject::Election(id) = subject else { panic!("an election is shown") };
    assert_eq!(app.data().election(id).expect("election").election.year, 2014);
    assert!(harness.query_by_label("Con 32").is_some(), "2014 totals: Con 32");
    assert!(harness.query_by_label("Lab 30").is_some());
    assert!(harness.query_by_label("LD 1").is_some());
    assert!(harness.query_by_label("Con 38").is_none());
}

#[test]
fn the_2022_wards_show_without_results_and_say_so() {
    let mut harness = barnet_app();
    harness.get_by_label("Election:").click();
    harness.run();
    harness.get_by_label("Barnet wards from 2022 (no results)").click();
    harness.run();
    assert!(harness.query_by_label("No 2022 results are loaded for these wards.").is_some());
    assert_eq!(harness.state().colouring().fills.len(), 24);
}

#[test]
fn opening_a_broken_file_shows_the_error_and_leaves_the_map_as_it_was() {
    let mut harness = barnet_app();
    let before_fills = harness.state().colouring().fills.clone();
    let before_subject = harness.state().subject();
    let folder = tempfile::tempdir().expect("temp dir");
    let broken = folder.path().join("wards.geojson");
    std::fs::write(&broken, "{ \"type\": \"FeatureCollection\", \"features\": [ ").expect("write");
    harness.state_mut().open_files(vec![broken]);
    wait_for_load(&mut harness);
    let app = harness.state();
    let notice = app.notice.as_ref().expect("a notice is shown");
    assert!(notice.is_error);
    assert!(notice.text.contains("wards.geojson"), "names the file: {}", notice.text);
    assert!(notice.text.contains("still shows what was loaded before"), "{}", notice.text);
    assert_eq!(app.subject(), before_subject);
    assert_eq!(app.colouring().fills, before_fills);
    assert_eq!(app.data().elections.len(), 2);
    assert!(harness.query_by_label_contains("wards.geojson").is_some(), "the error is on screen");
}

#[test]
fn opening_a_results_file_adds_its_election_and_shows_it() {
    let mut harness = barnet_app();
    let folder = tempfile::tempdir().expect("temp dir");
    let results = folder.path().join("barnet-2018-again.csv");
    let own_format = include_str!("../data/results/barnet-2018.csv").replace("2018-05-03", "2019-05-02");
    std::fs::write(&results, own_format).expect("write");
    harness.state_mut().open_files(vec![results]);
    wait_for_load(&mut harness);
    let app = harness.state();
    assert!(!app.notice.as_ref().is_some_and(|n| n.is_error), "{:?}", app.notice);
    let Some(MapSubject::Election(id)) = app.subject() else { panic!("an election is shown") };
    assert_eq!(app.data().election(id).expect("election").election.year, 2019);
    assert!(harness.query_by_label("Con 38").is_some());
}

#[test]
fn opening_results_of_an_election_already_loaded_replaces_it() {
    let mut harness = barnet_app();
    let folder = tempfile::tempdir().expect("temp dir");
    let results = folder.path().join("barnet-2018.csv");
    // The same election, with one vote moved: Vanessa Gearson (2,222) now beats Anne Clarke.
    let recount = include_str!("../data/results/barnet-2018.csv")
        .replace("Vanessa Gearson,Conservative,2222", "Vanessa Gearson,Conservative,2225");
    std::fs::write(&results, recount).expect("write");
    harness.state_mut().open_files(vec![results.clone()]);
    wait_for_load(&mut harness);
    let app = harness.state();
    let years: Vec<i32> = app.data().elections.iter().map(|e| e.election.year).collect();
    assert_eq!(years, vec![2014, 2018], "one election per year");
    let Some(MapSubject::Election(id)) = app.subject() else { panic!("an election is shown") };
    assert_eq!(app.data().election(id).expect("election").election.source, results.display().to_string());
    assert!(harness.query_by_label("Con 39").is_some(), "the recount's totals are shown");
    assert!(app.notice.as_ref().is_some_and(|n| n.text.contains("replaces")), "{:?}", app.notice);
}

#[test]
fn switching_the_colour_mode_changes_the_legend() {
    use wardmap::analysis::colouring::ColourMode;
    let mut harness = barnet_app();
    let mut titles = Vec::new();
    for mode in [ColourMode::Winner, ColourMode::Share, ColourMode::Swing, ColourMode::Majority, ColourMode::Gains] {
        harness.get_by_label("Colour by:").click();
        harness.run();
        harness.get_by_label(mode.label()).click();
        harness.run();
        let legend = harness.state().colouring().legend.clone();
        assert_eq!(harness.state().state.colour.mode, mode);
        assert!(harness.query_by_label(&legend.title).is_some(), "legend title on screen: {}", legend.title);
        titles.push(legend.title);
    }
    titles.dedup();
    assert_eq!(titles.len(), 5, "each mode has its own legend: {titles:?}");
    assert!(titles[2].to_lowercase().contains("swing"), "{}", titles[2]);
}

#[test]
fn turnout_is_disabled_with_a_reason_on_barnet() {
    use wardmap::analysis::colouring::{ColourMode, mode_availability};
    let harness = barnet_app();
    let app = harness.state();
    let reason = mode_availability(app.data(), app.subject().expect("subject"), &app.state.colour, ColourMode::Turnout)
        .expect_err("Barnet has no turnout");
    assert!(reason.to_string().to_lowercase().contains("turnout"), "{reason}");
}

fn selected_name(harness: &Harness<'_, WardmapApp>) -> Option<String> {
    let app = harness.state();
    let ward = *app.state.selected.first()?;
    Some(app.data().ward_sets[0].wards[ward].name.clone())
}

#[test]
fn ctrl_f_finds_finchley_church_end_from_church_end() {
    let mut harness = barnet_app();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::F);
    harness.run();
    assert!(harness.query_by_label("Find ward:").is_some(), "the find box opens");
    harness.event(egui::Event::Text("church end".into()));
    harness.run();
    harness.get_by_label("Finchley Church End").click();
    harness.run();
    assert_eq!(selected_name(&harness).as_deref(), Some("Finchley Church End"));
}

#[test]
fn tab_and_arrows_move_the_selection_and_escape_clears_it() {
    let mut harness = barnet_app();
    harness.key_press(egui::Key::Tab);
    harness.run();
    assert_eq!(selected_name(&harness).as_deref(), Some("Brunswick Park"), "Tab starts at the first ward A–Z");
    harness.key_press(egui::Key::Tab);
    harness.run();
    assert_eq!(selected_name(&harness).as_deref(), Some("Burnt Oak"));
    // Burnt Oak lies west of Mill Hill; going right from it lands on a ward further east.
    let before = harness
        .state()
        .shown_geometry()
        .and_then(|g| g.ward(harness.state().state.selected[0]).and_then(|w| w.label))
        .expect("anchor")
        .anchor;
    harness.key_press(egui::Key::ArrowRight);
    harness.run();
    let app = harness.state();
    let after =
        app.shown_geometry().and_then(|g| g.ward(app.state.selected[0]).and_then(|w| w.label)).expect("anchor").anchor;
    assert!(after.x > before.x, "the selection moved east");
    assert_ne!(selected_name(&harness).as_deref(), Some("Burnt Oak"));
    harness.key_press(egui::Key::Escape);
    harness.run();
    assert!(harness.state().state.selected.is_empty());
}

#[test]
fn every_kind_of_bad_file_is_answered_in_the_ui_and_the_map_is_kept() {
    let folder = tempfile::tempdir().expect("temp dir");
    let write = |name: &str, bytes: &[u8]| {
        let path = folder.path().join(name);
        std::fs::write(&path, bytes).expect("write");
        path
    };
    let cases = [
        (write("empty.csv", b""), "empty"),
        (write("binary.csv", &[0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0, 1, 2, 3]), "binary.csv"),
        (write("columns.csv", b"election_date,ward,candidate,party,elected\n2018-05-03,Hale,Ann,Labour,true\n"), "votes"),
        (write("unknown.csv", b"ward,candidate\nHale,Ann\n"), "not a results file"),
        (write("negative.csv", b"election_date,ward,candidate,party,votes,elected\n2018-05-03,Hale,Ann,Labour,-3,true\n"), "negative"),
        (write("points.geojson", br#"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"name":"A"},"geometry":{"type":"Point","coordinates":[0,51]}}]}"#), "Point"),
        (write("array.geojson", b"[1, 2, 3]"), "array.geojson"),
        (folder.path().to_path_buf(), "folder"),
        (write("nowhere.csv", b"election_date,ward,candidate,party,votes,elected\n2018-05-03,Atlantis,Ann,Labour,3,true\n"), "matched"),
    ];
    for (path, gist) in cases {
        let mut harness = barnet_app();
        let before = harness.state().colouring().fills.clone();
        harness.state_mut().open_files(vec![path.clone()]);
        wait_for_load(&mut harness);
        let app = harness.state();
        let notice = app.notice.as_ref().unwrap_or_else(|| panic!("{}: a notice", path.display()));
        assert!(notice.is_error, "{}: {}", path.display(), notice.text);
        assert!(notice.text.contains(gist), "{}: expected '{gist}' in: {}", path.display(), notice.text);
        assert_eq!(app.colouring().fills, before, "{}: the map is unchanged", path.display());
        assert_eq!(app.data().elections.len(), 2);
        assert_eq!(app.data().ward_sets.len(), 2);
    }
}

/// The app as `wardmap --results …` starts it: nothing loaded until the files are read.
fn started_with_results(results: Vec<std::path::PathBuf>) -> Harness<'static, WardmapApp> {
    let mut harness = common::unstarted_app(
        wardmap::model::Dataset::default(),
        wardmap::ui::state::ViewState::default(),
        common::MapImage::Off,
    );
    let source = wardmap::session::Source::Files { boundaries: None, results };
    harness.state_mut().load_from_command_line(source, wardmap::session::StartOptions::default());
    wait_for_load(&mut harness);
    harness
}

#[test]
fn a_bad_results_file_at_start_opens_on_the_barnet_map_with_a_true_error() {
    let (_dir, garbage) = common::temp_file("garbage.csv", "this is not, a results file\n1,2\n");
    let mut harness = started_with_results(vec![garbage]);
    let app = harness.state();
    let notice = app.notice.clone().expect("an error is shown");
    assert!(notice.is_error && notice.text.contains("garbage.csv"), "names the file: {}", notice.text);
    assert!(notice.text.contains("Showing the built-in data instead"), "{}", notice.text);
    assert!(!notice.text.contains("still shows what was loaded before"), "nothing was loaded before");
    let Some(MapSubject::Election(id)) = app.subject() else { panic!("an election is shown") };
    let election = &app.data().election(id).expect("loaded").election;
    assert_eq!((election.borough.as_str(), election.year), ("Barnet", 2026));
    assert!(harness.query_by_label_contains("garbage.csv").is_some(), "the error is on screen");
    // The rest of London follows behind Barnet, as at a normal start.
    wait_for_load(&mut harness);
    assert!(harness.state().data().boroughs().len() > 30);
}

#[test]
fn a_bad_file_among_good_ones_costs_only_itself() {
    let folder = tempfile::tempdir().expect("temp dir");
    let good = folder.path().join("barnet-2018-again.csv");
    let own_format = include_str!("../data/results/barnet-2018.csv").replace("2018-05-03", "2019-05-02");
    std::fs::write(&good, own_format).expect("write");
    let bad = folder.path().join("broken.csv");
    std::fs::write(&bad, "nonsense\n").expect("write");
    let harness = started_with_results(vec![good, bad]);
    let app = harness.state();
    let notice = app.notice.clone().expect("the bad file is reported");
    assert!(notice.is_error && notice.text.contains("broken.csv"), "{}", notice.text);
    assert!(notice.text.contains("the others are open"), "{}", notice.text);
    assert!(app.data().elections.iter().any(|e| e.election.year == 2019), "the good file's election is loaded");
}

#[test]
fn in_gains_mode_a_one_seat_gain_is_drawn_unlike_a_whole_ward_gain() {
    use wardmap::analysis::colouring::ColourMode;
    let mut harness = barnet_app();
    harness.get_by_label("Colour by:").click();
    harness.run();
    harness.get_by_label(ColourMode::Gains.label()).click();
    harness.run();
    let app = harness.state();
    assert_eq!(app.state.colour.mode, ColourMode::Gains);
    let fill = |name: &str| app.colouring().fills[common::ward_index(&harness, name)].clone();
    let (east_barnet, west_hendon) = (fill("East Barnet"), fill("West Hendon"));
    assert_ne!(east_barnet, west_hendon, "1 of 3 seats is not 3 of 3");
    let wardmap::model::palette::FillStyle::Stripes(stripes) = east_barnet else { panic!("a partial gain is striped") };
    assert_eq!(stripes.iter().map(|(_, n)| n).collect::<Vec<_>>(), [&1, &2], "one seat gained, two held");
    assert!(matches!(west_hendon, wardmap::model::palette::FillStyle::Solid(_)));
    let value = app.colouring().values[common::ward_index(&harness, "East Barnet")].clone().unwrap_or_default();
    assert_eq!(value, "1 of 3 seats: Con gain from Lab; 2 Lab held");
}

#[test]
fn every_ward_is_named_on_screen_inside_it_or_by_number_in_the_legend() {
    for year in ["2014", "2018"] {
        let mut harness = barnet_app();
        harness.get_by_label("Election:").click();
        harness.run();
        harness.get_by_label(&format!("Barnet {year}")).click();
        harness.run();
        let report = harness.state().unlabelled().clone();
        assert!(!report.too_many);
        assert_eq!(report.named_inside + report.numbered.len(), 21, "{year}: every ward named once: {report:?}");
        for (number, name) in &report.numbered {
            assert!(
                harness.query_by_label(&format!("{number} {name}")).is_some(),
                "{year}: {name} in the legend's key"
            );
        }
    }
}

#[test]
fn the_map_keeps_its_size_when_a_ward_is_selected() {
    let mut harness = barnet_app();
    let before = harness.state().map_rect.expect("drawn");
    // High Barnet's candidate list has long names; the side panel scrolls rather than widens.
    let ward = common::ward_index(&harness, "High Barnet");
    harness.state_mut().apply(wardmap::ui::command::Command::SelectWard { ward, toggle: false });
    harness.run();
    let after = harness.state().map_rect.expect("drawn");
    assert_eq!(before.width(), after.width(), "the map does not jump");
    harness.get_by_label("Table").click();
    harness.run();
    assert_eq!(harness.state().map_rect.expect("drawn").width(), before.width(), "nor for a wide table");
}
