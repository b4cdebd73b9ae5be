//! The map legend, drawn over the corner of the map with the least of the map under it (the
//! lower left when it is free). Built from the same [`Colouring`] as the fills, so it always
//! matches what is shown.

use super::widgets::to_color32;
use crate::analysis::colouring::Colouring;
use crate::model::palette::{self, FillStyle};

/// The widest the on-screen legend gets, in points.
const LEGEND_MAX_WIDTH: f32 = 260.0;

/// Width of a diagonal stripe in a swatch, in points (the map uses the same pattern).
const STRIPE_WIDTH: f32 = 4.0;

/// Draw the legend in a frame in the corner of `map_rect` where `covered` (how much of the map a
/// screen rectangle would hide) is least; on a tie, the lower left.
pub fn overlay(
    ui: &mut egui::Ui,
    map_rect: egui::Rect,
    colouring: &Colouring,
    unlabelled: &super::map_view::Unlabelled,
    covered: &dyn Fn(egui::Rect) -> usize,
) {
    let id = ui.scope_id().with("legend");
    // Its size from the last frame (the first frame guesses), to try it in each corner.
    let size = ui.ctx().memory(|m| m.area_rect(id)).map_or(egui::vec2(180.0, 160.0), |r| r.size());
    let margin = 10.0;
    let corners =
        [egui::Align2::LEFT_BOTTOM, egui::Align2::RIGHT_BOTTOM, egui::Align2::LEFT_TOP, egui::Align2::RIGHT_TOP];
    let place = |corner: egui::Align2| corner.align_size_within_rect(size, map_rect.shrink(margin));
    let corner = corners.into_iter().min_by_key(|c| covered(place(*c))).unwrap_or(egui::Align2::LEFT_BOTTOM);
    egui::Area::new(id)
        .order(egui::Order::Middle)
        .pivot(corner)
        .fixed_pos(corner.pos_in_rect(&map_rect.shrink(margin)))
        .constrain_to(map_rect)
        .show(ui.ctx(), |ui| {
            egui::Frame::popup(ui.style()).show(ui, |ui| {
                // One width rule whatever route chose the mode (the start option or the picker):
                // long notes wrap at this width rather than stretch the box.
                ui.set_max_width(LEGEND_MAX_WIDTH);
                contents(ui, colouring);
                ward_key(ui, unlabelled);
            });
        });
}

/// The names the map could not write inside their wards: "Numbered on the map: 1 Woodhouse …",
/// or, with too many to number, that names show when zoomed in. Never a silent gap.
fn ward_key(ui: &mut egui::Ui, unlabelled: &super::map_view::Unlabelled) {
    if unlabelled.too_many {
        ui.small("Ward names shown when zoomed in (scroll to zoom).");
        return;
    }
    if unlabelled.numbered.is_empty() {
        return;
    }
    // Space, not a separator: a separator would stretch the box to its widest.
    ui.add_space(4.0);
    ui.small("Numbered on the map:");
    for (number, name) in &unlabelled.numbered {
        ui.small(format!("{number} {name}"));
    }
}

/// The legend's contents (also used by tests through the UI tree).
pub fn contents(ui: &mut egui::Ui, colouring: &Colouring) {
    let legend = &colouring.legend;
    ui.strong(&legend.title);
    if let Some(note) = &legend.note {
        ui.small(note);
    }
    if let Some(reason) = &colouring.unavailable {
        ui.colored_label(ui.visuals().warn_fg_color, reason);
    }
    for item in &legend.items {
        ui.horizontal(|ui| {
            let (rect, _) = ui.allocate_exact_size(egui::vec2(22.0, 14.0), egui::Sense::hover());
            paint_swatch(ui.painter(), rect, &item.fill);
            ui.label(&item.label);
            ui.weak(format!("({})", item.count));
        });
    }
}

/// A small rectangle filled as a ward with this fill would be: solid, diagonal stripes, or
/// the grey of "no data".
pub fn paint_swatch(painter: &egui::Painter, rect: egui::Rect, fill: &FillStyle) {
    match fill {
        FillStyle::Solid(rgb) => {
            painter.rect_filled(rect, 2.0, to_color32(*rgb));
        }
        FillStyle::NoData => {
            painter.rect_filled(rect, 2.0, to_color32(palette::NO_DATA));
        }
        FillStyle::Stripes(stripes) => {
            let pattern: Vec<egui::Color32> = stripes
                .iter()
                .flat_map(|(rgb, weight)| std::iter::repeat_n(to_color32(*rgb), *weight as usize))
                .collect();
            if pattern.is_empty() {
                return;
            }
            let clipped = painter.with_clip_rect(rect);
            let span = rect.width() + rect.height();
            let mut offset = -rect.height();
            let mut index = 0;
            while offset < span {
                let colour = pattern[index % pattern.len()];
                let a = egui::pos2(rect.left() + offset, rect.bottom());
                let b = egui::pos2(rect.left() + offset + rect.height(), rect.top());
                let shift = egui::vec2(STRIPE_WIDTH, 0.0);
                clipped.add(egui::Shape::convex_polygon(vec![a, b, b + shift, a + shift], colour, egui::Stroke::NONE));
                offset += STRIPE_WIDTH;
                index += 1;
            }
        }
    }
    painter.rect_stroke(rect, 2.0, egui::Stroke::new(0.5, egui::Color32::from_gray(90)), egui::StrokeKind::Inside);
}
