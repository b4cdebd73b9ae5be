//! The ward panel's figures that are not results: one collapsible section per table of ward
//! figures (the census religion tables, a user's CSV) with figures for the ward, every column
//! listed. The words come from [`crate::analysis::attributes::breakdown`]; this only lays them out.

use crate::analysis::attributes::{Breakdown, breakdown};
use crate::model::{Dataset, WardSetId};
use egui::RichText;

/// Every table with figures for `ward` of `set`, in the order they were loaded (the built-in
/// census first, oldest first).
pub fn show(ui: &mut egui::Ui, data: &Dataset, set: WardSetId, ward: usize) {
    let tables: Vec<(usize, Breakdown)> = data
        .attributes_on(set)
        .filter_map(|(table, values)| Some((values.table, breakdown(table, values.wards.get(ward)?.as_ref()?))))
        .collect();
    for (index, figures) in tables {
        ui.add_space(8.0);
        ui.separator();
        egui::CollapsingHeader::new(RichText::new(&figures.title).strong())
            .id_salt(("ward_figures", index))
            .default_open(true)
            .show(ui, |ui| section(ui, index, &figures));
    }
}

/// One table: label, count and share (or value) per column, the total, then its notes.
fn section(ui: &mut egui::Ui, index: usize, figures: &Breakdown) {
    let columns = if figures.total.is_some() { 3 } else { 2 };
    egui::Grid::new(("ward_figures_grid", index)).striped(true).num_columns(columns).show(ui, |ui| {
        for row in &figures.rows {
            ui.label(&row.label);
            ui.label(&row.value);
            if let Some(share) = &row.share {
                ui.label(share);
            }
            ui.end_row();
        }
        if let Some(total) = &figures.total {
            ui.strong(&total.label);
            ui.strong(&total.value);
            ui.label("");
            ui.end_row();
        }
    });
    for note in &figures.notes {
        ui.label(RichText::new(note).small().weak());
    }
    ui.label(RichText::new(&figures.credit).small().weak());
}
