//! Small helpers the panels share: colours as egui's and party swatches.

use crate::model::palette::Rgb;

/// The palette's colour as egui's.
#[must_use]
pub fn to_color32(rgb: Rgb) -> egui::Color32 {
    egui::Color32::from_rgb(rgb.0, rgb.1, rgb.2)
}

/// A party's colour as the map draws it (the colour-blind-safe palette when that is on), so
/// swatches in panels always match the map.
#[must_use]
pub fn party_colour32(party: &crate::model::Party, colour_blind: bool) -> egui::Color32 {
    to_color32(crate::analysis::scales::party_map_colour(party, colour_blind))
}

/// A small square of colour before a party's name.
pub fn swatch(ui: &mut egui::Ui, colour: egui::Color32) {
    let (rect, _) = ui.allocate_exact_size(egui::vec2(10.0, 10.0), egui::Sense::hover());
    ui.painter().rect_filled(rect, 2.0, colour);
}
