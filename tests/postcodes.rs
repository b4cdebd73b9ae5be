//! "Which ward is my postcode in?": the find box takes a postcode and selects the ward of the
//! shown ward set whose polygon holds its point, for old ward sets as for new; a malformed or
//! unknown postcode says so and suggests the nearest valid form.

mod common;

use common::barnet_app_showing;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use wardmap::model::Dataset;
use wardmap::session::postcodes::{PostcodeMiss, locate};
use wardmap::ui::WardmapApp;

fn barnet_set(data: &Dataset, year: i32) -> &wardmap::model::WardSet {
    let id = data.election_of("Barnet", year).expect("a Barnet election");
    let set = data.election(id).and_then(|e| e.ward_set).expect("on a ward set");
    &data.ward_sets[set.0]
}

#[test]
fn nw4_4bg_lies_in_hendon_on_the_2002_wards_and_on_the_2022_wards() {
    let data = wardmap::session::embedded_barnet();
    for year in [2018, 2022] {
        let set = barnet_set(&data, year);
        for typed in ["NW4 4BG", "nw44bg", " Nw4  4bG "] {
            let hit = locate(typed, set).unwrap_or_else(|e| panic!("{typed} in {year}: {e}"));
            assert_eq!(set.wards[hit.ward].name, "Hendon", "{typed} in {year}");
            assert_eq!(hit.postcode.to_string(), "NW4 4BG");
        }
    }
    // The two Hendons are different wards (different codes), found by their own polygons.
    let old = barnet_set(&data, 2018);
    let new = barnet_set(&data, 2022);
    let code = |set: &wardmap::model::WardSet| {
        locate("NW4 4BG", set).ok().and_then(|hit| set.wards[hit.ward].code.clone()).expect("a code")
    };
    assert_ne!(code(old), code(new));
}

#[test]
fn a_malformed_or_unknown_postcode_says_so_and_suggests_the_nearest_form() {
    let data = wardmap::session::embedded_barnet();
    let set = barnet_set(&data, 2018);
    let miss = |typed: &str| locate(typed, set).expect_err(typed);
    let short = miss("NW4 4B");
    assert!(matches!(short, PostcodeMiss::Malformed(_)), "{short:?}");
    assert!(short.to_string().contains("is not a full postcode"), "{short}");
    let typo = miss("NW4 4B6");
    assert!(typo.to_string().contains("Did you mean NW4 4BG?"), "{typo}");
    let unknown = miss("NW4 4ZZ");
    assert!(unknown.to_string().contains("is not a London postcode"), "{unknown}");
    assert!(unknown.to_string().contains("The nearest one spelt like it is NW4 4"), "{unknown}");
    // A London postcode outside Barnet's wards.
    let elsewhere = miss("SW1A 1AA");
    assert!(matches!(elsewhere, PostcodeMiss::OutsideWards { .. }), "{elsewhere:?}");
}

fn type_in_find_box(harness: &mut Harness<'_, WardmapApp>, typed: &str) {
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::F);
    harness.run();
    harness.event(egui::Event::Text(typed.into()));
    harness.run();
}

fn selected_name(harness: &Harness<'_, WardmapApp>) -> Option<String> {
    let app = harness.state();
    let ward = *app.state.selected.first()?;
    let set = app.subject().and_then(|s| wardmap::ui::state::ward_set_of(app.data(), s))?;
    Some(app.data().ward_sets[set.0].wards[ward].name.clone())
}

#[test]
fn typing_nw4_4bg_in_the_find_box_selects_hendon_in_2018_and_in_2022() {
    for year in [2018, 2022] {
        let mut harness = barnet_app_showing(year);
        type_in_find_box(&mut harness, "NW4 4BG");
        harness.get_by_label("NW4 4BG is in Hendon").click();
        harness.run();
        assert_eq!(selected_name(&harness).as_deref(), Some("Hendon"), "{year}");
        // Enter does the same.
        let mut harness = barnet_app_showing(year);
        type_in_find_box(&mut harness, "nw44bg");
        harness.key_press(egui::Key::Enter);
        harness.run();
        assert_eq!(selected_name(&harness).as_deref(), Some("Hendon"), "Enter, {year}");
    }
}

#[test]
fn a_malformed_postcode_in_the_find_box_says_what_is_wrong_and_offers_the_fix() {
    let mut harness = barnet_app_showing(2018);
    type_in_find_box(&mut harness, "NW4 4B6");
    assert!(harness.query_by_label_contains("is not a full postcode").is_some());
    harness.get_by_label("Try NW4 4BG").click();
    harness.run();
    assert!(harness.query_by_label("NW4 4BG is in Hendon").is_some(), "the suggestion is looked up");
    assert_eq!(selected_name(&harness), None, "nothing is selected until the user picks it");
}
