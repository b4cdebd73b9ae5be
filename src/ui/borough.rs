//! The borough summary panel: seats and shares by party, change since the previous election,
//! and a chart.

use super::command::Command;
use super::state::ViewState;
use crate::analysis::colouring::MapSubject;
use crate::model::Dataset;

pub fn show(ui: &mut egui::Ui, data: &Dataset, subject: Option<MapSubject>, state: &ViewState) -> Vec<Command> {
    let _ = (data, subject, state);
    ui.heading("Borough summary");
    Vec::new()
}
