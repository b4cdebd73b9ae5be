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

/// Where dialog windows may go: the map's area (below the top bars, beside the side panel), so
/// no window covers the bars it was opened from. The app records it each frame.
pub fn window_area(ctx: &egui::Context) -> egui::Rect {
    ctx.data(|d| d.get_temp(egui::Id::unique(WINDOW_AREA))).unwrap_or_else(|| ctx.content_rect())
}

/// Record the map's area for [`window_area`].
pub fn set_window_area(ctx: &egui::Context, rect: egui::Rect) {
    ctx.data_mut(|d| d.insert_temp(egui::Id::unique(WINDOW_AREA), rect));
}

const WINDOW_AREA: &str = "wardmap-window-area";
