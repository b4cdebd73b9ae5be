//! The status bar: a load in progress (busy dots, cancel), the last notice (errors in the warning
//! colour, with a dismiss button), and the data's attribution, which the licence asks for.

use super::app::Notice;
use super::command::Command;
use super::loader::LoadJob;

/// How often the busy indicator moves. egui's spinner repaints the whole window at the display's
/// rate for as long as a load runs; drawn in software (Mesa llvmpipe, as on a machine without a
/// GPU) that took a core away from the load it was waiting for. Four steps a second still says
/// "working" at a tenth of the cost; the loader's progress messages repaint in between.
const BUSY_STEP: std::time::Duration = std::time::Duration::from_millis(250);

/// Three dots filling in turn, stepped every [`BUSY_STEP`].
fn busy_dots(ui: &mut egui::Ui) {
    let step = (ui.input(|i| i.time) / BUSY_STEP.as_secs_f64()) as usize % 4;
    let dots: String = (0..3).map(|k| if k < step { '•' } else { '·' }).collect();
    ui.label(egui::RichText::new(dots).monospace().weak());
    ui.ctx().request_repaint_after(BUSY_STEP);
}

pub fn show(ui: &mut egui::Ui, job: Option<&LoadJob>, notice: Option<&Notice>, attribution: &str) -> Vec<Command> {
    let mut commands = Vec::new();
    if let Some(job) = job {
        ui.horizontal(|ui| {
            busy_dots(ui);
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
