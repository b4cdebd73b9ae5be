//! The ward panel's census section, driven through the interface with egui_kittest: a ward
//! found with the find box shows its 2011 Census religion figures after its results.

mod common;

use common::barnet_app_showing;

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use wardmap::ui::WardmapApp;

/// Select a ward as a user would: Ctrl+F, type, click the match.
fn find(harness: &mut Harness<'_, WardmapApp>, typed: &str, ward: &str) {
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::F);
    harness.run();
    harness.event(egui::Event::Text(typed.into()));
    harness.run();
    harness.get_by_label(ward).click();
    harness.run();
}

#[test]
fn golders_green_shows_its_2011_census_religion_after_its_results() {
    let mut harness = barnet_app_showing(2018);
    assert!(harness.query_by_label("Religion, 2011 Census").is_none(), "nothing before a ward is selected");
    find(&mut harness, "golders", "Golders Green");
    let app = harness.state();
    let ward = *app.state.selected.first().expect("a ward is selected");
    let set = app.subject().and_then(|s| wardmap::ui::state::ward_set_of(app.data(), s)).expect("a ward set");
    assert_eq!(app.data().ward_sets[set.0].wards[ward].name, "Golders Green");
    assert!(harness.query_by_label("Religion, 2011 Census").is_some(), "the census section is shown");
    assert!(harness.query_by_label("Religion, 2021 Census (best fit)").is_none(), "not on the 2002 wards");
    // Golders Green 2011: 6,975 Jewish of 18,818 usual residents.
    assert!(harness.query_by_label("Jewish").is_some());
    assert!(harness.query_by_label("6,975").is_some());
    assert!(harness.query_by_label("37.1%").is_some(), "the Jewish share");
    assert!(harness.query_by_label("Religion not stated").is_some(), "every category is listed");
    assert!(harness.query_by_label("All usual residents").is_some() && harness.query_by_label("18,818").is_some());
    assert!(harness.query_by_label_contains("Census 2011").is_some(), "credited");
}

#[test]
fn a_2022_ward_shows_both_censuses_with_their_caveats() {
    let mut harness = barnet_app_showing(2022);
    find(&mut harness, "golders", "Golders Green");
    assert!(harness.query_by_label("Religion, 2011 Census").is_some(), "apportioned from the 2002 wards");
    assert!(harness.query_by_label("Religion, 2021 Census (best fit)").is_some());
    assert!(harness.query_by_label_contains("approximation").is_some(), "the best fit's caveat");
    assert!(harness.query_by_label_contains("Apportioned").is_some(), "the 2011 figures' basis");
}
