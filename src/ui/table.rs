//! The "Table" panel: every ward of the election shown with each measure's value
//! ([`crate::analysis::table`]), sorted by any column (click its title), filtered by the map's
//! selection or a search, copied to the clipboard as tab-separated text or saved as CSV.

use super::command::Command;
use super::panel_cache::PanelInput;
use super::state::ViewState;
use crate::analysis::colouring::MapSubject;
use crate::analysis::table::{WardTable, ward_table};

/// The panel.
pub fn show(ui: &mut egui::Ui, input: &PanelInput<'_>) -> Vec<Command> {
    let PanelInput { data, subject, state, cache } = *input;
    let mut commands = Vec::new();
    ui.heading("Ward table");
    let Some(MapSubject::Election(id)) = subject else {
        ui.label("Pick an election at the top to tabulate its wards.");
        return commands;
    };
    let table = cache.get("table", &(id, &state.colour), || ward_table(data, id, &state.colour));
    let rows = shown_rows(&table, state);
    ui.horizontal_wrapped(|ui| {
        let label = ui.label("Find:");
        let mut filter = state.table_filter.clone();
        if ui.text_edit_singleline(&mut filter).labelled_by(label.id).changed() {
            commands.push(Command::SetTableFilter(filter));
        }
        let mut only_selected = state.table_only_selected;
        if ui.checkbox(&mut only_selected, "Selected wards only").changed() {
            commands.push(Command::SetTableOnlySelected(only_selected));
        }
    });
    ui.horizontal(|ui| {
        ui.label(format!("{} of {} wards", rows.len(), table.rows.len()));
        if ui.button("Copy").on_hover_text("Copy these rows as tab-separated text, for a spreadsheet").clicked() {
            commands.push(Command::CopyText(table.to_tsv(&rows)));
        }
    });
    ui.horizontal(|ui| {
        let label = ui.label("Save as CSV:");
        let mut path = state.table_path.clone();
        if ui.text_edit_singleline(&mut path).labelled_by(label.id).changed() {
            commands.push(Command::SetTablePath(path.clone()));
        }
        if ui.add_enabled(!path.trim().is_empty(), egui::Button::new("Save")).clicked() {
            commands.push(Command::SaveTable(std::path::PathBuf::from(path.trim())));
        }
    });
    ui.add_space(4.0);
    egui::Grid::new("ward_table").striped(true).show(ui, |ui| {
        for (index, title) in table.columns.iter().enumerate() {
            let arrow = match state.table_sort {
                Some((column, descending)) if column == index => {
                    if descending {
                        " ⏷"
                    } else {
                        " ⏶"
                    }
                }
                _ => "",
            };
            if ui.button(format!("{title}{arrow}")).on_hover_text("Sort by this column").clicked() {
                commands.push(Command::SortTable(index));
            }
        }
        ui.end_row();
        for &row in &rows {
            for cell in &table.rows[row] {
                ui.label(cell);
            }
            ui.end_row();
        }
    });
    commands
}

/// The rows shown: filtered by the search (ward name or code) and the selection, in the
/// chosen order.
fn shown_rows(table: &WardTable, state: &ViewState) -> Vec<usize> {
    let order = match state.table_sort {
        Some((column, descending)) => table.sorted_rows(column, descending),
        None => (0..table.rows.len()).collect(),
    };
    let wanted = state.table_filter.trim().to_lowercase();
    order
        .into_iter()
        .filter(|&row| !state.table_only_selected || state.selected.contains(&row))
        .filter(|&row| {
            wanted.is_empty() || table.rows[row].iter().take(3).any(|cell| cell.to_lowercase().contains(&wanted))
        })
        .collect()
}
