//! UI tests: drive the real app with egui_kittest, click and read the interface.

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use wardmap::analysis::colouring::MapSubject;
use wardmap::ui::WardmapApp;
use wardmap::ui::state::ViewState;

fn barnet_app() -> Harness<'static, WardmapApp> {
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1400.0, 900.0))
        .build_eframe(|_cc| {
            WardmapApp::with_data(wardmap::io::embedded::barnet(), ViewState::default())
        });
    harness.run();
    harness
}

/// The screen position of a ward's label anchor (a point inside the ward), by name.
fn ward_position(harness: &Harness<'_, WardmapApp>, name: &str) -> egui::Pos2 {
    let app = harness.state();
    let set = app
        .subject()
        .and_then(|s| wardmap::ui::state::ward_set_of(app.data(), s))
        .expect("a ward set is shown");
    let ward = app.data().ward_sets[set.0]
        .wards
        .iter()
        .position(|w| w.name == name)
        .expect("ward exists");
    let geometry = app.shown_geometry().expect("geometry is prepared");
    let anchor = geometry
        .ward(ward)
        .and_then(|w| w.label.as_ref())
        .expect("ward has a label spot")
        .anchor;
    let rect = app.map_rect.expect("the map was drawn");
    app.state.camera.world_to_screen(rect, anchor)
}

fn click_at(harness: &mut Harness<'_, WardmapApp>, pos: egui::Pos2) {
    harness.event(egui::Event::PointerMoved(pos));
    harness.run();
    for pressed in [true, false] {
        harness.event(egui::Event::PointerButton {
            pos,
            button: egui::PointerButton::Primary,
            pressed,
            modifiers: egui::Modifiers::NONE,
        });
        harness.run();
    }
}

#[test]
fn clicking_inside_golders_green_shows_its_candidates_in_the_details_panel() {
    let mut harness = barnet_app();
    assert!(harness.state().state.selected.is_empty());
    assert!(
        harness.query_by_label("Adele Ward").is_none(),
        "no details before the click"
    );
    let pos = ward_position(&harness, "Golders Green");
    click_at(&mut harness, pos);
    let app = harness.state();
    let selected = app
        .state
        .selected
        .first()
        .copied()
        .expect("a ward is selected");
    assert_eq!(
        app.data().ward_sets[0].wards[selected].name,
        "Golders Green"
    );
    // Golders Green 2018: every candidate is listed, winners and losers.
    for candidate in [
        "Dean Simon Benjamin Cohen",
        "Melvin Cohen",
        "Adele Ward",
        "Peter Anthony Lusher",
    ] {
        assert!(
            harness.query_all_by_label(candidate).next().is_some(),
            "details panel lists {candidate}"
        );
    }
    assert!(
        harness
            .query_by_label_contains("ONS code E05000053")
            .is_some()
    );
}

#[test]
fn switching_the_election_changes_the_seat_totals() {
    let mut harness = barnet_app();
    assert!(
        harness.query_by_label("Con 38").is_some(),
        "2018 opens first: Con 38"
    );
    assert!(harness.query_by_label("Lab 25").is_some());
    harness.get_by_label("Election:").click();
    harness.run();
    harness.get_by_label("Barnet 2014").click();
    harness.run();
    let app = harness.state();
    let subject = app.subject().expect("a subject");
    let MapSubject::Election(id) = subject else {
        panic!("an election is shown")
    };
    assert_eq!(
        app.data().election(id).expect("election").election.year,
        2014
    );
    assert!(
        harness.query_by_label("Con 32").is_some(),
        "2014 totals: Con 32"
    );
    assert!(harness.query_by_label("Lab 30").is_some());
    assert!(harness.query_by_label("LD 1").is_some());
    assert!(harness.query_by_label("Con 38").is_none());
}

#[test]
fn the_2022_wards_show_without_results_and_say_so() {
    let mut harness = barnet_app();
    harness.get_by_label("Election:").click();
    harness.run();
    harness
        .get_by_label("Barnet wards from 2022 (no results)")
        .click();
    harness.run();
    assert!(
        harness
            .query_by_label("No 2022 results are loaded for these wards.")
            .is_some()
    );
    assert_eq!(harness.state().colouring().fills.len(), 24);
}
