//! Ward name labels, placed by the map's labelling rule ([`place_labels`] with
//! [`style::LABELS`], as exports are) and drawn over the fills.

use egui::{Color32, FontId, Painter, Rect, pos2, vec2};

use super::fill::{colour, colour_with_alpha};
use super::paint::Frame;
use crate::geometry::{LabelView, Placement, TextSize, ViewRect, place_labels};
use crate::model::palette::FillStyle;
use crate::render::style;

/// More wards than this without room for their name, and the map numbers none of them: it
/// says instead that names show when zoomed in (all of London at once).
pub const MAX_NUMBERED: usize = 30;

/// The names the map could not write inside their wards.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Unlabelled {
    /// Numbered on the map, with the number: the legend's key.
    pub numbered: Vec<(usize, String)>,
    /// Too many to number: named only when zoomed in.
    pub too_many: bool,
    /// How many wards were named inside themselves.
    pub named_inside: usize,
}

impl Frame<'_> {
    /// Paint the names of wards among `visible` whose label fits inside the ward at this zoom
    /// and does not come too close to a label already placed (larger wards are placed first).
    ///
    /// A ward in view whose name has no room gets a number on the map instead, listed in the
    /// returned key (by name, so the numbers are stable); when there are too many for that, none
    /// is numbered and the result says so.
    pub fn paint_labels(&self, painter: &Painter, visible: &[usize], labels: &[String]) -> Unlabelled {
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
        let placed_labels = place_labels(self.geometry, names, &view, &style::LABELS, &measure);
        let mut unplaced: Vec<usize> = placed_labels
            .iter()
            .filter(|l| matches!(l.placement, Placement::NoRoom | Placement::Crowded))
            .map(|l| l.ward)
            .collect();
        let too_many = unplaced.len() > MAX_NUMBERED;
        if !too_many {
            // By name, so the numbers are stable (and only when they are drawn: at 10,000 wards
            // in view, sorting every frame by an allocated key was most of the frame's own work).
            unplaced.sort_by_cached_key(|&w| labels.get(w).map(|n| n.trim().to_owned()));
        }
        let mut unlabelled = Unlabelled { numbered: Vec::new(), too_many, named_inside: 0 };
        for label in placed_labels {
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
            unlabelled.named_inside += 1;
        }
        if unlabelled.too_many {
            return unlabelled;
        }
        let size = style::LABELS.sizes.last().copied().unwrap_or(9.0);
        for (index, &ward) in unplaced.iter().enumerate() {
            let Some(anchor) = self.geometry.ward(ward).and_then(|w| w.label.as_ref()).map(|l| l.anchor) else {
                continue;
            };
            let number = index + 1;
            let at = camera.world_to_screen(rect, anchor);
            let galley = layout(&number.to_string(), size);
            let text_rect = Rect::from_center_size(at, galley.size());
            painter.rect_filled(text_rect.expand(2.0), style::PLATE.radius, Color32::from_white_alpha(230));
            painter.galley(text_rect.min, galley, Color32::from_rgb(0x1a, 0x1a, 0x1a));
            unlabelled.numbered.push((number, labels.get(ward).map_or_else(String::new, |n| n.trim().to_owned())));
        }
        unlabelled
    }
}
