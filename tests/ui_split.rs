//! The split view: Barnet 2018 beside Barnet 2022, each with its own colouring in the same
//! measure, panned and zoomed in step.

mod common;

use common::barnet_app_showing;
use egui_kittest::kittest::Queryable;
use wardmap::ui::command::Command;

#[test]
fn panning_one_side_of_the_split_view_pans_the_other() {
    let mut harness = barnet_app_showing(2018);
    let beside = harness.state().data().election_of("Barnet", 2022).expect("Barnet 2022");
    harness.state_mut().apply(Command::SetSplit(Some(wardmap::analysis::colouring::MapSubject::Election(beside))));
    harness.run();
    harness.run();
    assert!(harness.query_by_label("Barnet 2018: winning party").is_some(), "the left map's legend");
    assert!(harness.query_by_label("Barnet 2022: winning party").is_some(), "the right map's own legend");
    let (left, right) = {
        let app = harness.state();
        (app.map_rect.expect("the left map"), app.split_rect.expect("the right map"))
    };
    assert!(right.left() >= left.right() - 1.0, "side by side: {left:?} | {right:?}");
    let centres = |h: &egui_kittest::Harness<'_, wardmap::ui::WardmapApp>| {
        let camera = &h.state().state.camera;
        (camera.screen_to_world(left, left.center()), camera.screen_to_world(right, right.center()))
    };
    let before = centres(&harness);
    // Drag the left map 120 points to the right.
    let start = left.center();
    harness.event(egui::Event::PointerMoved(start));
    harness.run();
    harness.event(egui::Event::PointerButton {
        pos: start,
        button: egui::PointerButton::Primary,
        pressed: true,
        modifiers: egui::Modifiers::NONE,
    });
    for step in 1..=6 {
        harness.event(egui::Event::PointerMoved(start + egui::vec2(20.0 * step as f32, 0.0)));
        harness.run();
    }
    harness.event(egui::Event::PointerButton {
        pos: start + egui::vec2(120.0, 0.0),
        button: egui::PointerButton::Primary,
        pressed: false,
        modifiers: egui::Modifiers::NONE,
    });
    harness.run();
    let after = centres(&harness);
    let moved = |a: geo::Coord<f64>, b: geo::Coord<f64>| (a.x - b.x, a.y - b.y);
    let (left_moved, right_moved) = (moved(before.0, after.0), moved(before.1, after.1));
    assert!(left_moved.0 > 100.0, "the left map panned: {left_moved:?}");
    assert!((left_moved.0 - right_moved.0).abs() < 1e-6 && (left_moved.1 - right_moved.1).abs() < 1e-6, "in step");
}
