//! The top bar: File and View menus, election picker, colour-mode picker, seat totals, view
//! buttons.

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

/// Every subject the election picker offers for `borough`: its elections, then the ward sets
/// with no results that are its own or of no known borough. Without a borough, everything.
pub fn subjects(data: &Dataset, borough: Option<&str>) -> Vec<MapSubject> {
    let elections = (0..data.elections.len())
        .map(ElectionId)
        .filter(|id| borough.is_none_or(|b| data.election(*id).is_some_and(|e| e.election.borough == b)))
        .map(MapSubject::Election);
    let bare_sets = data
        .ward_sets_without_results()
        .into_iter()
        .filter(|id| {
            borough.is_none_or(|b| data.ward_set(*id).is_some_and(|s| s.borough.as_deref().is_none_or(|o| o == b)))
        })
        .map(MapSubject::WardSetOnly);
    elections.chain(bare_sets).collect()
}

/// The picker's words for a subject of the shown borough: "2018", or the ward set's name.
fn year_label(data: &Dataset, subject: MapSubject) -> String {
    match subject {
        MapSubject::Election(id) => data.election(id).map_or_else(String::new, |e| e.election.year.to_string()),
        MapSubject::WardSetOnly(_) => subject_label(data, subject),
    }
}

/// The borough picker: London first (the whole city), then the boroughs by name. Hidden when
/// only one borough is loaded.
fn borough_picker(ui: &mut egui::Ui, data: &Dataset, subject: Option<MapSubject>, commands: &mut Vec<Command>) {
    let mut boroughs = data.boroughs();
    if boroughs.len() < 2 {
        return;
    }
    let london = crate::session::london::LONDON;
    if let Some(at) = boroughs.iter().position(|b| *b == london) {
        boroughs.remove(at);
        boroughs.insert(0, london);
    }
    let current = subject.and_then(|s| super::state::borough_of(data, s));
    let label = ui.label("Borough:");
    egui::ComboBox::from_id_salt("borough_picker")
        .selected_text(current.unwrap_or("none"))
        .height(600.0)
        .show_ui(ui, |ui| {
            for borough in boroughs {
                let text = if borough == london { "London (all 32 boroughs)".to_owned() } else { borough.to_owned() };
                if ui.selectable_label(current == Some(borough), text).clicked()
                    && current != Some(borough)
                    && let Some(next) = super::state::subject_for_borough(data, borough, subject)
                {
                    commands.push(Command::ShowSubject(next));
                }
            }
        })
        .response
        .labelled_by(label.id);
    ui.separator();
}

/// The View menu's toggle for the frame-time readout, by its label.
pub const FRAME_RATE_TOGGLE: &str = "Frame time and fps";

/// `totals` are the shown election's seat totals, worked out once by the app (not per frame).
pub fn show(
    ui: &mut egui::Ui,
    data: &Dataset,
    subject: Option<MapSubject>,
    state: &ViewState,
    totals: &[(crate::model::Party, u32)],
    declared: Option<&str>,
) -> Vec<Command> {
    let mut commands = Vec::new();
    ui.horizontal_wrapped(|ui| {
        ui.menu_button("File", |ui| file_menu(ui, state, &mut commands));
        ui.menu_button("View", |ui| view_menu(ui, state, &mut commands));
        ui.separator();
        borough_picker(ui, data, subject, &mut commands);
        let borough = subject.and_then(|s| super::state::borough_of(data, s));
        let several_boroughs = data.boroughs().len() > 1;
        let label_of = |s: MapSubject| if several_boroughs { year_label(data, s) } else { subject_label(data, s) };
        let election_label = ui.label("Election:");
        let current = subject.map_or_else(|| "none".to_owned(), label_of);
        egui::ComboBox::from_id_salt("election_picker")
            .selected_text(current)
            .show_ui(ui, |ui| {
                for candidate in subjects(data, borough.filter(|_| several_boroughs)) {
                    if ui.selectable_label(Some(candidate) == subject, label_of(candidate)).clicked() {
                        commands.push(Command::ShowSubject(candidate));
                    }
                }
            })
            .response
            .labelled_by(election_label.id);
        beside_picker(ui, data, subject, state, borough, &mut commands);
        ui.separator();
        match subject {
            Some(MapSubject::Election(id)) => {
                if data.election(id).is_some() {
                    seat_totals_line(ui, totals, state.colour.colour_blind);
                }
                if let Some(declared) = declared {
                    ui.separator();
                    ui.strong(declared)
                        .on_hover_text("Wards with a result, of the wards of this election (watching for changes)");
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
            // A toggle shows its state as "Labels" does: highlighted when on.
            if ui.selectable_label(state.dark_mode, "Dark").on_hover_text("Dark theme").clicked() {
                commands.push(Command::ToggleDarkMode);
            }
            if ui.selectable_label(state.show_labels, "Labels").on_hover_text("Show ward names on the map").clicked() {
                commands.push(Command::ToggleLabels);
            }
            if ui
                .selectable_label(state.hex_map, "Hex")
                .on_hover_text("A hex map: every ward one hex, so every ward counts the same")
                .clicked()
            {
                commands.push(Command::ToggleHexMap);
            }
            if ui.button("Fit").on_hover_text("Fit the borough to the view (or double-click the map)").clicked() {
                commands.push(Command::FitView);
            }
        });
    });
    commands
}

/// The split view's second map: another election of the borough, drawn beside the first.
fn beside_picker(
    ui: &mut egui::Ui,
    data: &Dataset,
    subject: Option<MapSubject>,
    state: &ViewState,
    borough: Option<&str>,
    commands: &mut Vec<Command>,
) {
    let label = ui.label("Beside:");
    let beside = state.split.as_ref().and_then(|key| key.resolve(data));
    let current = beside.map_or_else(|| "nothing".to_owned(), |s| subject_label(data, s));
    egui::ComboBox::from_id_salt("split_picker")
        .selected_text(current)
        .show_ui(ui, |ui| {
            if ui.selectable_label(beside.is_none(), "nothing (one map)").clicked() {
                commands.push(Command::SetSplit(None));
            }
            for candidate in subjects(data, borough).into_iter().filter(|c| Some(*c) != subject) {
                if !matches!(candidate, MapSubject::Election(_)) {
                    continue;
                }
                if ui.selectable_label(Some(candidate) == beside, subject_label(data, candidate)).clicked() {
                    commands.push(Command::SetSplit(Some(candidate)));
                }
            }
        })
        .response
        .labelled_by(label.id)
        .on_hover_text("Draw another election beside this one, panned and zoomed in step");
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
    if ui.button("Ward table (copy, CSV)…").clicked() {
        commands.push(Command::ShowPanel(super::state::SidePanel::Table));
    }
    if ui.add(egui::Button::new("Find ward…").shortcut_text("Ctrl+F")).clicked() {
        commands.push(Command::OpenFind);
    }
    ui.separator();
    if ui.button("Back to the built-in data").clicked() {
        commands.push(Command::ResetData);
    }
}

fn view_menu(ui: &mut egui::Ui, state: &ViewState, commands: &mut Vec<Command>) {
    let mut on = state.show_frame_rate;
    if ui
        .checkbox(&mut on, FRAME_RATE_TOGGLE)
        .on_hover_text(
            "Show how fast the window draws (right of the colour bar): frames a second, milliseconds a frame",
        )
        .clicked()
    {
        commands.push(Command::ToggleFrameRate);
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
        ui.strong(format!("{} {count}", party.short)).on_hover_text(format!(
            "{}: {count} {}",
            party.name,
            if *count == 1 { "seat" } else { "seats" }
        ));
    }
}
