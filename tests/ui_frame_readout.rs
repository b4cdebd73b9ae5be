//! The View menu's frame-time readout, and the map drawn from its image while panning.

mod common;

use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use wardmap::ui::WardmapApp;
use wardmap::ui::state::ViewState;
use wardmap::ui::top_bar::FRAME_RATE_TOGGLE;

/// The readout on screen, if any: a label with "fps" in it other than the menu's toggle.
fn readout(harness: &Harness<'_, WardmapApp>) -> Option<String> {
    harness
        .query_all_by_label_contains("fps")
        .filter_map(|node| node.accesskit_node().label().or_else(|| node.value()))
        .find(|label| label != FRAME_RATE_TOGGLE)
}

/// Open the View menu if it is not open, and click the readout's toggle.
fn toggle_readout(harness: &mut Harness<'_, WardmapApp>) {
    if harness.query_by_label(FRAME_RATE_TOGGLE).is_none() {
        harness.get_by_label("View").click();
        harness.run();
    }
    harness.get_by_label(FRAME_RATE_TOGGLE).click();
    harness.run();
}

#[test]
fn the_view_menu_shows_and_hides_the_frame_readout_which_starts_off() {
    let mut harness = common::barnet_app();
    assert!(!harness.state().state.show_frame_rate, "off by default");
    assert_eq!(readout(&harness), None);

    harness.get_by_label("View").click();
    harness.run();
    assert!(harness.query_by_label(FRAME_RATE_TOGGLE).is_some(), "the View menu offers the readout");
    toggle_readout(&mut harness);
    assert!(harness.state().state.show_frame_rate);
    let shown = readout(&harness).expect("a readout on screen");
    assert!(shown.contains("fps"), "{shown}");

    toggle_readout(&mut harness);
    assert!(!harness.state().state.show_frame_rate);
    assert_eq!(readout(&harness), None, "hidden again");
}

#[test]
fn the_readout_is_not_remembered_between_runs() {
    let state = ViewState { show_frame_rate: true, ..ViewState::default() };
    let saved = serde_json::to_string(&state).expect("the view state saves");
    let restored: ViewState = serde_json::from_str(&saved).expect("and loads");
    assert!(!restored.show_frame_rate);
}

/// The Barnet app with the map's image on, before its first frame.
fn barnet_with_image() -> Harness<'static, WardmapApp> {
    common::unstarted_app(wardmap::io::embedded::barnet(), ViewState::default(), common::MapImage::On)
}

/// Step the app (the image of the map is drawn on a worker thread once the view is still)
/// until the map is drawn from it.
fn wait_for_image(harness: &mut Harness<'_, WardmapApp>) {
    for _ in 0..500 {
        harness.step();
        if harness.state().map_from_image {
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    panic!("the map was never drawn from its image");
}

fn drag(harness: &mut Harness<'_, WardmapApp>, start: egui::Pos2, by: egui::Vec2) {
    harness.event(egui::Event::PointerMoved(start));
    harness.run();
    harness.event(egui::Event::PointerButton {
        pos: start,
        button: egui::PointerButton::Primary,
        pressed: true,
        modifiers: egui::Modifiers::NONE,
    });
    for step in 1..=6 {
        harness.event(egui::Event::PointerMoved(start + by * (step as f32 / 6.0)));
        harness.step();
    }
    harness.event(egui::Event::PointerButton {
        pos: start + by,
        button: egui::PointerButton::Primary,
        pressed: false,
        modifiers: egui::Modifiers::NONE,
    });
    harness.step();
}

#[test]
fn after_a_drag_over_the_maps_image_the_ward_under_the_pointer_is_hovered_and_clicked() {
    let mut harness = barnet_with_image();
    wait_for_image(&mut harness);
    let before = common::ward_position(&harness, "Golders Green");
    let by = egui::vec2(90.0, 40.0);
    let map = harness.state().map_rect.expect("the map was drawn");
    drag(&mut harness, map.center(), by);
    assert!(harness.state().map_from_image, "a pan within the image's margin is drawn from it");
    let after = common::ward_position(&harness, "Golders Green");
    assert!((after - before - by).length() < 0.5, "the map followed the pointer: {before:?} → {after:?}");

    harness.event(egui::Event::PointerMoved(after));
    harness.run();
    assert!(harness.query_by_label_contains("Golders Green").is_some(), "its tooltip names the ward");
    common::click_at(&mut harness, after);
    let golders_green = common::ward_index(&harness, "Golders Green");
    assert_eq!(harness.state().state.selected, vec![golders_green]);
    assert!(harness.state().map_from_image, "a click changes the selection, not the image");
}

#[test]
fn a_zoom_draws_the_map_live_until_a_new_image_is_ready() {
    let mut harness = barnet_with_image();
    wait_for_image(&mut harness);
    let map = harness.state().map_rect.expect("the map was drawn");
    harness.event(egui::Event::PointerMoved(map.center()));
    harness.event(egui::Event::Zoom(1.5));
    harness.step();
    assert!(!harness.state().map_from_image, "the old image is of another scale");
    wait_for_image(&mut harness);
}
