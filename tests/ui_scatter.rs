//! UI tests of the Scatter panel: it plots Barnet 2018's 21 wards, the Jewish share of the
//! 2011 Census against the Con↔Lab swing since 2014, and a click on a point selects its ward
//! on the map, which the plot then rings.

mod common;

use common::click_at;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use wardmap::ui::WardmapApp;
use wardmap::ui::state::{SidePanel, SubjectKey, ViewState};

/// The app on the Barnet data as the window opens it (census attached), on the Scatter panel.
fn scatter_app() -> Harness<'static, WardmapApp> {
    let state = ViewState {
        side_panel: SidePanel::Scatter,
        subject: Some(SubjectKey::Election { borough: "Barnet".into(), year: 2018 }),
        ..ViewState::default()
    };
    common::app_on(wardmap::session::embedded_barnet(), state)
}

/// Where the last frame drew each ward's point.
fn points_on_screen(harness: &Harness<'_, WardmapApp>) -> Vec<(usize, egui::Pos2)> {
    harness
        .ctx
        .data(|d| d.get_temp::<Vec<(usize, egui::Pos2)>>(egui::Id::unique(wardmap::ui::scatter::POINTS_ON_SCREEN)))
        .expect("the scatter panel recorded its points")
}

fn ward_name(harness: &Harness<'_, WardmapApp>, ward: usize) -> String {
    let app = harness.state();
    let set = app.subject().and_then(|s| wardmap::ui::state::ward_set_of(app.data(), s)).expect("a ward set");
    app.data().ward_sets[set.0].wards[ward].name.clone()
}

#[test]
fn the_panel_plots_the_21_wards_with_the_line_and_what_r_means() {
    let harness = scatter_app();
    assert_eq!(points_on_screen(&harness).len(), 21, "one point per Barnet ward");
    assert!(harness.query_by_label_contains("Least-squares line: n = 21, r = 0.67").is_some());
    assert!(harness.query_by_label_contains("wards with more Jewish residents tended to have more swing").is_some());
    assert!(harness.query_by_label("Conservative won (11)").is_some(), "the key counts the points by winner");
    // The axes name the measures the panel picked.
    assert!(harness.query_by_value("Jewish residents, % of all usual residents, 2011 Census").is_some());
    assert!(harness.query_by_value("Swing Con↔Lab 2014→2018").is_some());
    assert!(harness.query_by_label_contains("small sample").is_none(), "21 wards is not a small sample");
}

#[test]
fn clicking_a_point_selects_its_ward_on_the_map_and_keeps_the_plot_in_view() {
    let mut harness = scatter_app();
    assert!(harness.state().state.selected.is_empty());
    let points = points_on_screen(&harness);
    // The ward with the highest Jewish share is the rightmost point; click it.
    let &(ward, at) = points.iter().max_by(|a, b| a.1.x.total_cmp(&b.1.x)).expect("points");
    click_at(&mut harness, at);
    assert_eq!(harness.state().state.selected, vec![ward], "the clicked point's ward is selected");
    assert_eq!(harness.state().state.side_panel, SidePanel::Scatter, "the plot stays on screen");
    let name = ward_name(&harness, ward);
    assert!(
        ["Golders Green", "Garden Suburb", "Edgware", "Finchley Church End", "Hendon"].contains(&name.as_str()),
        "{name}"
    );
}

#[test]
fn a_ward_selected_on_the_map_is_ringed_in_the_plot() {
    let mut harness = scatter_app();
    assert!(harness.query_by_label_contains("Selected on the map").is_none());
    let ward = {
        let app = harness.state();
        app.data().ward_sets[0].wards.iter().position(|w| w.name == "East Barnet").expect("East Barnet")
    };
    harness.state_mut().apply(wardmap::ui::command::Command::SelectWards(vec![ward]));
    harness.run();
    assert!(harness.query_by_label_contains("Selected: East Barnet").is_some(), "the panel names the ringed ward");
}
