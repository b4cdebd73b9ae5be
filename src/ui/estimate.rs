//! "How this ward's 2018 result was estimated": the old wards a new ward's notional result
//! draws on, with weight, postcode count and area share, and the method.

use crate::analysis::notional::estimate_rows;
use crate::model::Dataset;
use crate::model::notional::{Notional, method_note};

/// The table and the method under it.
pub fn show(ui: &mut egui::Ui, data: &Dataset, notional: &Notional, ward: usize) {
    let year = notional.joined.election.year;
    ui.strong(format!("How this ward's {year} result was estimated"));
    let rows = estimate_rows(data, notional, ward);
    if rows.is_empty() {
        ui.label("No old ward overlaps this one, so it has no notional result.");
        return;
    }
    egui::Grid::new(("estimate", ward)).striped(true).num_columns(5).show(ui, |ui| {
        ui.strong(format!("{year} ward"));
        ui.strong("Weight").on_hover_text("The share of the old ward's voters counted in this ward");
        ui.strong("Postcodes").on_hover_text("The old ward's postcode points in this ward, of all its points");
        ui.strong("Area").on_hover_text("The share of the old ward's area that lies in this ward");
        ui.strong("From");
        ui.end_row();
        for row in &rows {
            ui.label(&row.old_ward).on_hover_text(row.old_code.as_deref().unwrap_or("no ONS code"));
            ui.label(format!("{:.1}%", row.weight * 100.0));
            ui.label(format!("{} of {}", row.postcodes, row.postcodes_of_old_ward));
            ui.label(row.area_share.map_or_else(|| "–".to_owned(), |a| format!("{:.1}%", a * 100.0)));
            ui.label(row.basis.label());
            ui.end_row();
        }
    });
    ui.add_space(4.0);
    ui.weak(method_note(notional.weights.method));
}
