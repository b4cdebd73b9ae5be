//! The app on everything it ships (all of London): the borough picker, the London view, turnout
//! where the source has it, and the panels of borough history and comparison. Driven through
//! the interface with egui_kittest, by labels, as a user would.

mod common;

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use wardmap::analysis::colouring::{ColourMode, MapSubject, mode_availability};
use wardmap::ui::WardmapApp;
use wardmap::ui::state::ViewState;

fn london_app() -> Harness<'static, WardmapApp> {
    common::app_on(wardmap::session::embedded(), ViewState::default())
}

/// The borough and year on the map.
fn shown(harness: &Harness<'_, WardmapApp>) -> (String, i32) {
    let app = harness.state();
    let Some(MapSubject::Election(id)) = app.subject() else { panic!("an election is shown") };
    let election = &app.data().election(id).expect("loaded").election;
    (election.borough.clone(), election.year)
}

fn shown_wards(harness: &Harness<'_, WardmapApp>) -> Vec<String> {
    let app = harness.state();
    let set = app.subject().and_then(|s| wardmap::ui::state::ward_set_of(app.data(), s)).expect("a ward set");
    app.data().ward_sets[set.0].wards.iter().map(|w| w.name.clone()).collect()
}

fn pick(harness: &mut Harness<'_, WardmapApp>, picker: &str, item: &str) {
    harness.get_by_label(picker).click();
    harness.run();
    // Long lists scroll: bring the item into view first, as a user would.
    harness.get_by_label(item).scroll_to_me();
    harness.run();
    harness.get_by_label(item).click();
    harness.run();
}

#[test]
fn it_opens_on_barnet_2026_and_picking_redbridge_shows_its_wards() {
    let mut harness = london_app();
    assert_eq!(shown(&harness), ("Barnet".to_owned(), 2026));
    assert!(harness.query_by_label("Con 31").is_some() && harness.query_by_label("Lab 31").is_some());
    pick(&mut harness, "Borough:", "Redbridge");
    assert_eq!(shown(&harness), ("Redbridge".to_owned(), 2026), "the same year in the borough picked");
    let wards = shown_wards(&harness);
    assert_eq!(wards.len(), 22, "Redbridge's 2022 wards");
    assert!(wards.iter().any(|w| w == "Mayfield"), "{wards:?}");
    pick(&mut harness, "Election:", "2018");
    assert_eq!(shown(&harness), ("Redbridge".to_owned(), 2018));
    assert!(harness.query_by_label("Lab 51").is_some(), "Redbridge 2018: Labour 51");
    assert!(harness.query_by_label("Con 12").is_some());
}

#[test]
fn the_london_view_shows_679_wards_for_2022_with_london_totals() {
    let mut harness = london_app();
    pick(&mut harness, "Election:", "2022");
    pick(&mut harness, "Borough:", "London (all 32 boroughs)");
    assert_eq!(shown(&harness), ("London".to_owned(), 2022));
    assert_eq!(shown_wards(&harness).len(), 679);
    let app = harness.state();
    let geometry = app.shown_geometry().expect("prepared");
    assert!(geometry.group_outlines().len() >= 10, "borough outlines are drawn over the wards");
    assert!(harness.query_by_label_contains("Seats (1817)").is_some(), "London's seats filled in 2022");
}

#[test]
fn turnout_is_available_for_barnet_2022_and_not_for_2014_with_a_reason() {
    let mut harness = london_app();
    pick(&mut harness, "Election:", "2022");
    let availability = |harness: &Harness<'_, WardmapApp>| {
        let app = harness.state();
        mode_availability(app.data(), app.subject().expect("subject"), &app.state.colour, ColourMode::Turnout)
    };
    assert_eq!(availability(&harness), Ok(()));
    pick(&mut harness, "Colour by:", "Turnout");
    assert_eq!(harness.state().state.colour.mode, ColourMode::Turnout);
    assert!(harness.query_by_label("Barnet 2022: turnout").is_some(), "the legend names turnout");

    pick(&mut harness, "Election:", "2014");
    let reason = availability(&harness).expect_err("2014 has no turnout in the source");
    assert!(reason.to_string().contains("turnout"), "{reason}");
    harness.get_by_label("Colour by:").click();
    harness.run();
    let turnout = harness.get_by_label("Turnout");
    assert!(egui_kittest::kittest::NodeT::accesskit_node(&turnout).is_disabled(), "greyed out in the mode list");
}

#[test]
fn the_over_time_panel_tells_barnets_twenty_years() {
    let mut harness = london_app();
    harness.get_by_label("Over time").click();
    harness.run();
    assert!(harness.query_by_label("Barnet over time").is_some());
    for year in ["2006", "2014", "2018", "2022", "2026"] {
        assert!(harness.query_by_label(year).is_some(), "a row for {year}");
    }
    assert!(harness.query_by_label("NOC").is_some(), "2026: no overall control");
    assert!(harness.query_by_label("37.9%").is_some(), "2022 turnout");
    assert!(harness.query_by_label("Lab +11, Grn +1, Con −6, LD −6").is_some(), "2006→2026 seat change");
}

#[test]
fn barnet_against_redbridge_2014_to_2018_shows_redbridges_labour_gain() {
    let mut harness = london_app();
    pick(&mut harness, "Election:", "2018");
    harness.get_by_label("Boroughs").click();
    harness.run();
    assert!(harness.query_by_label("Borough against borough").is_some());
    assert!(harness.query_by_label("35 → 51 (+16)").is_some(), "Redbridge Labour 2014→2018");
    assert!(harness.query_by_label("Redbridge 2014→2018: Lab +16, LD −3, Con −13").is_some());
    // The London table opens a borough on a click of its name.
    harness.get_by_label("Hackney").scroll_to_me();
    harness.run();
    harness.get_by_label("Hackney").click();
    harness.run();
    assert_eq!(shown(&harness), ("Hackney".to_owned(), 2018));
}

#[test]
fn the_council_control_map_colours_london_by_borough_and_a_click_opens_one() {
    let mut harness = london_app();
    pick(&mut harness, "Borough:", "London (all 32 boroughs)");
    pick(&mut harness, "Colour by:", "Council control");
    assert_eq!(harness.state().state.colour.mode, ColourMode::Control);
    let legend = harness.state().colouring().legend.clone();
    let boroughs: usize = legend.items.iter().map(|i| i.count).sum();
    assert_eq!(boroughs, 32, "the legend counts councils: {legend:?}");
    assert!(legend.items.iter().any(|i| i.label.starts_with("No overall control")), "{legend:?}");
    // Click inside a Redbridge ward: Redbridge 2026 opens, coloured by winner.
    let at = common::ward_position(&harness, "Mayfield");
    harness.event(egui::Event::PointerMoved(at));
    harness.run();
    for pressed in [true, false] {
        harness.event(egui::Event::PointerButton {
            pos: at,
            button: egui::PointerButton::Primary,
            pressed,
            modifiers: egui::Modifiers::NONE,
        });
        harness.run();
    }
    assert_eq!(shown(&harness), ("Redbridge".to_owned(), 2026));
    assert_eq!(harness.state().state.colour.mode, ColourMode::Winner);
}

#[test]
fn an_idle_frame_computes_nothing_in_any_panel_and_a_change_recomputes() {
    let mut harness = london_app();
    let hendon = common::ward_index(&harness, "Hendon");
    harness.state_mut().apply(wardmap::ui::command::Command::SelectWard { ward: hendon, toggle: false });
    harness.run();
    for panel in ["Compare", "Borough", "Over time", "Boroughs"] {
        let before_switch = harness.state().panel_computations();
        harness.get_by_label(panel).click();
        harness.run();
        let shown = harness.state().panel_computations();
        assert!(shown > before_switch, "{panel} worked its figures out once shown");
        for _ in 0..5 {
            harness.step();
        }
        assert_eq!(harness.state().panel_computations(), shown, "{panel}: idle frames compute nothing");
    }
    let before_change = harness.state().panel_computations();
    pick(&mut harness, "Election:", "2022");
    let after_change = harness.state().panel_computations();
    assert!(after_change > before_change, "another election, other figures");
    for _ in 0..5 {
        harness.step();
    }
    assert_eq!(harness.state().panel_computations(), after_change);
    assert!(harness.query_by_label("Barnet against").is_some(), "the Boroughs panel is still shown");
}

#[test]
fn the_ward_table_sorts_filters_copies_and_saves() {
    let mut harness = london_app();
    harness.get_by_label("Table").click();
    harness.run();
    assert!(harness.query_by_label("24 of 24 wards").is_some(), "Barnet 2026: every ward");
    harness.get_by_label("Find:").click();
    harness.run();
    harness.get_by_label("Find:").type_text("finchley");
    harness.run();
    assert!(harness.query_by_label("3 of 24 wards").is_some(), "East, West Finchley and Finchley Church End");
    harness.get_by_label("Copy").click();
    harness.run();
    let notice = harness.state().notice.clone().expect("a notice");
    assert!(notice.text.starts_with("Copied"), "{}", notice.text);
    // Sort by a column, then the other way.
    harness.get_by_label("seats").click();
    harness.run();
    assert_eq!(harness.state().state.table_sort, Some((2, false)));
    harness.get_by_label("seats ⏶").click();
    harness.run();
    assert_eq!(harness.state().state.table_sort, Some((2, true)));
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("barnet-2026.csv");
    harness.state_mut().apply(wardmap::ui::command::Command::SaveTable(path.clone()));
    let text = std::fs::read_to_string(&path).expect("saved");
    assert_eq!(text.lines().count(), 25, "a header and 24 wards");
    assert!(text.lines().next().is_some_and(|h| h.contains("Turnout, % (of the electorate)")), "{text}");
}
