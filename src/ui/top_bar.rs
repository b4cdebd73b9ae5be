//! The top bar: election picker, colour-mode picker, seat totals, view buttons.

use super::command::Command;
use super::state::ViewState;
use super::widgets::{party_colour32, swatch};
use crate::analysis::colouring::MapSubject;
use crate::model::{Dataset, ElectionId};

/// The picker's words for a subject: "Barnet 2018", or "Barnet wards from 2022 (no results)".
pub fn subject_label(data: &Dataset, subject: MapSubject) -> String {
    match subject {
        MapSubject::Election(id) => data.election(id).map_or_else(String::new, |e| e.election.title()),
        MapSubject::WardSetOnly(id) => {
            data.ward_set(id).map_or_else(String::new, |s| format!("{} (no results)", s.name))
        }
    }
}

/// Every subject the picker offers: each election, then each ward set with no results.
pub fn subjects(data: &Dataset) -> Vec<MapSubject> {
    let elections = (0..data.elections.len()).map(|i| MapSubject::Election(ElectionId(i)));
    let bare_sets = data.ward_sets_without_results().into_iter().map(MapSubject::WardSetOnly);
    elections.chain(bare_sets).collect()
}

/// `totals` are the shown election's seat totals, worked out once by the app (not per frame).
pub fn show(
    ui: &mut egui::Ui,
    data: &Dataset,
    subject: Option<MapSubject>,
    state: &ViewState,
    totals: &[(crate::model::Party, u32)],
) -> Vec<Command> {
    let mut commands = Vec::new();
    ui.horizontal_wrapped(|ui| {
        ui.menu_button("File", |ui| file_menu(ui, state, &mut commands));
        ui.separator();
        let election_label = ui.label("Election:");
        let current = subject.map_or_else(|| "none".to_owned(), |s| subject_label(data, s));
        egui::ComboBox::from_id_salt("election_picker")
            .selected_text(current)
            .show_ui(ui, |ui| {
                for candidate in subjects(data) {
                    if ui.selectable_label(Some(candidate) == subject, subject_label(data, candidate)).clicked() {
                        commands.push(Command::ShowSubject(candidate));
                    }
                }
            })
            .response
            .labelled_by(election_label.id);
        ui.separator();
        match subject {
            Some(MapSubject::Election(id)) => {
                if data.election(id).is_some() {
                    seat_totals_line(ui, totals, state.colour.colour_blind);
                }
            }
            Some(MapSubject::WardSetOnly(id)) => {
                let year = data.ward_set(id).and_then(|s| s.first_year).map_or_else(String::new, |y| format!("{y} "));
                ui.label(format!("No {year}results are loaded for these wards."));
            }
            None => {
                ui.label("No data loaded.");
            }
        }
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            if ui.button("About").clicked() {
                commands.push(Command::ShowAbout(true));
            }
            let theme = if state.dark_mode { "Light" } else { "Dark" };
            if ui.button(theme).on_hover_text("Switch between light and dark themes").clicked() {
                commands.push(Command::ToggleDarkMode);
            }
            if ui.selectable_label(state.show_labels, "Labels").on_hover_text("Show ward names on the map").clicked() {
                commands.push(Command::ToggleLabels);
            }
            if ui.button("Fit").on_hover_text("Fit the borough to the view (or double-click the map)").clicked() {
                commands.push(Command::FitView);
            }
        });
    });
    commands
}

fn file_menu(ui: &mut egui::Ui, state: &ViewState, commands: &mut Vec<Command>) {
    if ui.add(egui::Button::new("Open…").shortcut_text("Ctrl+O")).clicked() {
        commands.push(Command::ChooseFiles);
    }
    ui.add_enabled_ui(!state.recent_files.is_empty(), |ui| {
        ui.menu_button("Open recent", |ui| {
            for path in &state.recent_files {
                if ui.button(path.display().to_string()).clicked() {
                    commands.push(Command::OpenFiles(vec![path.clone()]));
                }
            }
        });
    });
    if ui.add(egui::Button::new("Export image…").shortcut_text("Ctrl+E")).clicked() {
        commands.push(Command::OpenExport);
    }
    if ui.add(egui::Button::new("Find ward…").shortcut_text("Ctrl+F")).clicked() {
        commands.push(Command::OpenFind);
    }
    ui.separator();
    if ui.button("Back to the Barnet data").clicked() {
        commands.push(Command::ResetData);
    }
}

/// "Seats: ■ Con 38 · ■ Lab 25", each party in its colour.
fn seat_totals_line(ui: &mut egui::Ui, totals: &[(crate::model::Party, u32)], colour_blind: bool) {
    let seats: u32 = totals.iter().map(|(_, n)| n).sum();
    ui.label(format!("Seats ({seats}):"));
    for (index, (party, count)) in totals.iter().enumerate() {
        if index > 0 {
            ui.label("·");
        }
        swatch(ui, party_colour32(party, colour_blind));
        ui.strong(format!("{} {count}", party.short)).on_hover_text(format!("{}: {count} seats", party.name));
    }
}
