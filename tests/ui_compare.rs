//! UI tests of the comparisons and borough panels: drive the real app with egui_kittest.

mod common;

use common::{barnet_app, barnet_app_with, ward_index, ward_position};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use wardmap::analysis::colouring::{ColourMode, ColourSpec};
use wardmap::ui::WardmapApp;
use wardmap::ui::state::{SidePanel, SubjectKey, ViewState};

/// Ctrl-click (Cmd on a Mac) at `pos`: the modifiers are held across the press and the release.
fn ctrl_click_at(harness: &mut Harness<'_, WardmapApp>, pos: egui::Pos2) {
    harness.event(egui::Event::PointerMoved(pos));
    harness.event(egui::Event::ModifiersChanged(egui::Modifiers::COMMAND));
    for pressed in [true, false] {
        harness.event(egui::Event::PointerButton {
            pos,
            button: egui::PointerButton::Primary,
            pressed,
            modifiers: egui::Modifiers::COMMAND,
        });
    }
    harness.event(egui::Event::ModifiersChanged(egui::Modifiers::NONE));
    harness.run();
}

/// Roles a person acts on; each must carry a name a screen reader can say.
fn is_interactive(role: egui::accesskit::Role) -> bool {
    use egui::accesskit::Role;
    matches!(role, Role::Button | Role::CheckBox | Role::ComboBox | Role::Link | Role::RadioButton | Role::TextInput)
}

/// Every button, link, list and checkbox on screen (the panels' and the plot legends') has an
/// accessible name.
#[track_caller]
fn assert_every_widget_named(harness: &Harness<'_, WardmapApp>) {
    let interactive: Vec<_> =
        harness.root().children_recursive().filter(|node| is_interactive(node.accesskit_node().role())).collect();
    assert!(interactive.len() > 5, "the check sees the widgets ({} found)", interactive.len());
    let unnamed: Vec<String> = interactive
        .iter()
        .filter(|node| node.accesskit_node().label().is_none_or(|l| l.trim().is_empty()))
        .map(|node| format!("{node:?}"))
        .collect();
    assert!(unnamed.is_empty(), "unnamed widgets: {unnamed:#?}");
}

#[test]
fn ctrl_clicking_two_wards_compares_them_with_the_borough() {
    let mut harness = barnet_app();
    for ward in ["Golders Green", "Finchley Church End"] {
        let pos = ward_position(&harness, ward);
        ctrl_click_at(&mut harness, pos);
    }
    let (golders, church_end) = (ward_index(&harness, "Golders Green"), ward_index(&harness, "Finchley Church End"));
    assert_eq!(harness.state().state.selected, vec![golders, church_end]);
    assert_eq!(harness.state().state.side_panel, SidePanel::Compare, "two wards open the comparison");

    for row in ["Golders Green", "Finchley Church End", "Barnet (whole borough)"] {
        assert!(harness.query_all_by_label(row).count() >= 1, "the comparison has a row for {row}");
    }
    // Each ward has a chip that removes it.
    assert!(harness.query_by_label("Remove Golders Green").is_some());
    assert!(harness.query_by_label("Remove Finchley Church End").is_some());
    assert!(harness.query_by_label_contains("Shares by the top-vote method").is_some());
    assert_every_widget_named(&harness);

    harness.get_by_label("Remove Golders Green").click();
    harness.run();
    assert_eq!(harness.state().state.selected, vec![church_end]);
    // One ward left: it is shown across the elections on its boundaries.
    assert!(harness.query_by_label("Same ward across elections").is_some());
    assert!(harness.query_all_by_label("2014").count() >= 1, "a row for 2014");
}

#[test]
fn the_add_ward_list_adds_a_ward_to_the_comparison() {
    let mut harness = barnet_app();
    harness.get_by_label("Compare").click();
    harness.run();
    assert!(harness.query_by_label("No wards selected yet.").is_some());
    harness.get_by_label("Add ward:").click();
    harness.run();
    harness.get_by_label("High Barnet").click();
    harness.run();
    assert_eq!(harness.state().state.selected, vec![ward_index(&harness, "High Barnet")]);
    assert!(harness.query_by_label("Remove High Barnet").is_some());
    // High Barnet: a majority of one vote in 2018 (in the comparison and in the 2018 row of
    // the same ward across elections), down from 943 in 2014.
    assert_eq!(harness.query_all_by_label_contains("1 (<0.1%)").count(), 2, "a tiny majority is not 0.0%");
    assert!(harness.query_by_label_contains("943 (").is_some());
    assert_every_widget_named(&harness);
}

#[test]
fn the_borough_tab_shows_the_seat_changes_since_2014() {
    let mut harness = barnet_app();
    harness.get_by_label("Borough").click();
    harness.run();
    assert_eq!(harness.state().state.side_panel, SidePanel::Borough);
    assert!(harness.query_by_label("Barnet 2018: 63 seats").is_some());
    for net in ["Con +6", "Lab −5", "LD −1"] {
        assert!(harness.query_by_label(net).is_some(), "the net change shows {net}");
    }
    assert_every_widget_named(&harness);

    // A ward that changed hands links to its result.
    harness.get_by_label("West Hendon").click();
    harness.run();
    let app = harness.state();
    assert_eq!(app.state.selected, vec![ward_index(&harness, "West Hendon")]);
    assert_eq!(app.state.side_panel, SidePanel::Details);
}

#[test]
fn the_comparison_shows_the_swing_the_map_is_coloured_by() {
    let data = wardmap::io::embedded::barnet();
    let ward = |name: &str| data.ward_sets[0].wards.iter().position(|w| w.name == name).expect("ward exists");
    let state = ViewState {
        colour: ColourSpec { mode: ColourMode::Swing, ..ColourSpec::winner() },
        selected: vec![ward("Finchley Church End"), ward("Coppetts")],
        side_panel: SidePanel::Compare,
        ..ViewState::default()
    };
    let harness = barnet_app_with(state);
    assert!(harness.query_by_label("Swing Con↔Lab 2014→2018").is_some(), "the measure is headed by the map's mode");
    // Con↔Lab swing 2014→2018 by the top-vote method: Finchley Church End to the
    // Conservatives, Coppetts to Labour, the borough slightly to the Conservatives.
    assert!(harness.query_by_label("8.1 pts to Con").is_some());
    assert!(harness.query_by_label("7.7 pts to Lab").is_some());
    assert!(harness.query_by_label("1.6 pts to Con").is_some());
    assert_every_widget_named(&harness);
}

#[test]
fn without_an_earlier_election_or_without_results_the_panels_say_so() {
    let barnet_2014 = ViewState {
        subject: Some(SubjectKey::Election { borough: "Barnet".into(), year: 2014 }),
        side_panel: SidePanel::Borough,
        ..ViewState::default()
    };
    let harness = barnet_app_with(barnet_2014);
    assert!(harness.query_by_label("Barnet 2014: 63 seats").is_some());
    assert!(harness.query_by_label_contains("No change is shown").is_some());
    assert!(harness.query_by_label("Con +6").is_none());

    for (panel, words) in [(SidePanel::Compare, "Comparisons need results"), (SidePanel::Borough, "nothing to sum up")]
    {
        let wards_2022 = ViewState {
            subject: Some(SubjectKey::WardSet { name: "Barnet wards from 2022".into() }),
            side_panel: panel,
            ..ViewState::default()
        };
        let harness = barnet_app_with(wards_2022);
        assert!(harness.query_by_label_contains(words).is_some(), "{panel:?} says why it is empty");
    }
}
