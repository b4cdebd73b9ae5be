//! Ward name labels, placed by the map's labelling rule ([`place_labels`] with
//! [`style::LABELS`], as exports are) and drawn over the fills.

use egui::{Color32, FontId, Painter, Rect, pos2, vec2};

use super::fill::{colour, colour_with_alpha};
use super::paint::Frame;
use crate::geometry::{LabelView, Placement, TextSize, ViewRect, place_labels};
use crate::model::palette::FillStyle;
use crate::render::style;

impl Frame<'_> {
    /// Paint the names of wards among `visible` whose label fits inside the ward at this zoom
    /// and does not come too close to a label already placed (larger wards are placed first).
    pub fn paint_labels(&self, painter: &Painter, visible: &[usize], labels: &[String]) {
        let (camera, rect) = (self.camera, self.rect);
        let to_view = |world| {
            let at = camera.world_to_screen(rect, world);
            (at.x, at.y)
        };
        // Laid out in the placeholder colour (given at paint time), so the galley measured here
        // is the one egui's cache hands back for painting.
        let layout = |text: &str, size: f32| {
            painter.layout_no_wrap(text.to_owned(), FontId::proportional(size), Color32::PLACEHOLDER)
        };
        let measure = |text: &str, size: f32| {
            let size = layout(text, size).size();
            TextSize { width: size.x, height: size.y }
        };
        let view = LabelView {
            to_view: &to_view,
            metres_per_unit: camera.metres_per_point,
            frame: ViewRect { x: rect.min.x, y: rect.min.y, w: rect.width(), h: rect.height() },
            scale: 1.0,
        };
        let names = visible.iter().filter_map(|&i| Some((i, labels.get(i)?.as_str())));
        for label in place_labels(self.geometry, names, &view, &style::LABELS, &measure) {
            let (Placement::Inside(placed), Some(text)) = (label.placement, labels.get(label.ward)) else {
                continue;
            };
            let backdrop = style::backdrop(self.fills.get(label.ward).unwrap_or(&FillStyle::NoData));
            let text_rect = Rect::from_min_size(pos2(placed.rect.x, placed.rect.y), vec2(placed.rect.w, placed.rect.h));
            if backdrop.plate {
                let plate = colour_with_alpha(backdrop.colour, style::PLATE.alpha);
                painter.rect_filled(text_rect.expand(style::PLATE.pad), style::PLATE.radius, plate);
            }
            painter.galley(text_rect.min, layout(text.trim(), placed.size), colour(backdrop.text()));
        }
    }
}
