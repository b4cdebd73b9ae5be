//! The comparisons panel: selected wards side by side, the same ward across elections, and the
//! borough as a reference row.

use super::command::Command;
use super::state::ViewState;
use crate::analysis::colouring::MapSubject;
use crate::model::Dataset;

pub fn show(ui: &mut egui::Ui, data: &Dataset, subject: Option<MapSubject>, state: &ViewState) -> Vec<Command> {
    let _ = (data, subject, state);
    ui.heading("Compare wards");
    Vec::new()
}
