//! Ward name labels: placed greedily, largest wards first, only where they fit.

use egui::{Color32, FontId, Painter, Rect};

use super::fill::{backdrop, colour};
use super::paint::Frame;

use crate::geometry::labels::LABEL_SIZES;

/// The smallest label size in points: wards with less room are not even measured.
const SMALLEST_LABEL: f32 = LABEL_SIZES[LABEL_SIZES.len() - 1];
/// Wards with less horizontal room than this (points) are not even measured.
const MIN_ROOM_POINTS: f64 = 24.0;
/// Free space kept between neighbouring labels (points).
const LABEL_GAP: f32 = 3.0;

impl Frame<'_> {
    /// Paint the names of wards among `visible` whose label fits inside the ward at this zoom
    /// and does not overlap a label already placed (larger wards are placed first).
    pub fn paint_labels(&self, painter: &Painter, visible: &[usize], labels: &[String]) {
        let mpp = self.camera.metres_per_point;
        let wards = self.geometry.wards();
        let mut candidates: Vec<usize> = visible
            .iter()
            .copied()
            .filter(|&i| {
                let has_text = labels.get(i).is_some_and(|t| !t.trim().is_empty());
                let roomy = wards.get(i).and_then(|w| w.label).is_some_and(|spot| {
                    spot.width / mpp >= MIN_ROOM_POINTS && spot.height / mpp >= f64::from(SMALLEST_LABEL)
                });
                has_text && roomy
            })
            .collect();
        candidates.sort_by(|&a, &b| wards[b].area.total_cmp(&wards[a].area).then(a.cmp(&b)));

        let mut placed: Vec<Rect> = Vec::new();
        for i in candidates {
            let (Some(text), Some(spot)) = (labels.get(i), wards[i].label) else {
                continue;
            };
            let (under, striped) = backdrop(self.fills.get(i));
            let text_colour = colour(under.contrasting_text());
            let fitting = LABEL_SIZES.iter().find_map(|&points| {
                let galley = painter.layout_no_wrap(text.trim().to_owned(), FontId::proportional(points), text_colour);
                let size = galley.size();
                spot.fits(f64::from(size.x) * mpp, f64::from(size.y) * mpp).then_some((galley, size))
            });
            let Some((galley, size)) = fitting else {
                continue;
            };
            let text_rect = Rect::from_center_size(self.camera.world_to_screen(self.rect, spot.anchor), size);
            let spaced = text_rect.expand(LABEL_GAP);
            if !self.rect.contains_rect(text_rect) || placed.iter().any(|r| r.intersects(spaced)) {
                continue;
            }
            placed.push(text_rect);
            if striped {
                // Text straight over contrasting stripes is hard to read: give it a plate.
                let plate = Color32::from_rgba_unmultiplied(under.0, under.1, under.2, 210);
                painter.rect_filled(text_rect.expand(1.5), 3.0, plate);
            }
            painter.galley(text_rect.min, galley, text_colour);
        }
    }
}
