//! The status bar: a load in progress (spinner, cancel), the last notice (errors in the warning
//! colour, with a dismiss button), and the data's attribution, which the licence asks for.

use super::app::Notice;
use super::command::Command;
use super::loader::LoadJob;

pub fn show(ui: &mut egui::Ui, job: Option<&LoadJob>, notice: Option<&Notice>, attribution: &str) -> Vec<Command> {
    let mut commands = Vec::new();
    if let Some(job) = job {
        ui.horizontal(|ui| {
            ui.spinner();
            ui.label(&job.status);
            if ui.button("Cancel").clicked() {
                commands.push(Command::CancelLoad);
            }
        });
    }
    if let Some(notice) = notice {
        ui.horizontal(|ui| {
            if ui.small_button("×").on_hover_text("Dismiss").clicked() {
                commands.push(Command::DismissNotice);
            }
            let colour = if notice.is_error { ui.visuals().error_fg_color } else { ui.visuals().text_color() };
            let prefix = if notice.is_error { "⚠ " } else { "" };
            ui.vertical(|ui| {
                for (index, line) in notice.text.lines().enumerate() {
                    let text = if index == 0 { format!("{prefix}{line}") } else { line.to_owned() };
                    ui.colored_label(colour, text);
                }
            });
        });
    }
    // Wrapped, not clipped: a comparison's credit line (two elections, boundaries and the
    // postcodes of a notional result) is longer than the window, and the licences ask for all of it.
    ui.add(egui::Label::new(egui::RichText::new(attribution).small()).wrap());
    commands
}
