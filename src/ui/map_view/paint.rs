//! Painting one frame of the map from cached shapes: fills, outlines, highlights.
//!
//! Nothing here triangulates: the prepared set's meshes (at the level of detail for the
//! current zoom) are only moved and scaled into screen points, and only for wards whose
//! bounding box meets the view.

use egui::epaint::Mesh;
use egui::{Color32, Painter, Pos2, Rect, Shape, Stroke, TextureId};
use geo::Coord;

use super::MapCamera;
use super::fill::{Paint, PaintCache, WardToScreen, append, colour_with_alpha};
use crate::geometry::{DetailLevel, PreparedWardSet};
use crate::model::palette::FillStyle;
use crate::render::live_map::{outline_alpha, stripe_anchor};
use crate::render::style::{GROUP_OUTLINE_WIDTH, OUTLINE, OUTLINE_WIDTH};

/// Everything one frame of painting needs.
pub(super) struct Frame<'a> {
    pub geometry: &'a PreparedWardSet,
    pub fills: &'a [FillStyle],
    pub selected: &'a [usize],
    pub hovered: Option<usize>,
    pub camera: &'a MapCamera,
    pub rect: Rect,
}

impl Frame<'_> {
    /// The wards in view, in input order (overlapping wards always stack the same way).
    pub fn visible(&self) -> Vec<usize> {
        let view = self.camera.visible_world_rect(self.rect.expand(4.0));
        let whole_set_in_view = self.geometry.bounds().is_none_or(|b| contains(view, b));
        if whole_set_in_view {
            (0..self.geometry.len()).collect()
        } else {
            let mut visible: Vec<usize> = self.geometry.wards_in(view).collect();
            visible.sort_unstable();
            visible
        }
    }

    /// Paint fills and outlines of the `visible` wards (the base layer's live form; the image
    /// form is `render::live_map`, by the same rules).
    pub fn paint(&self, painter: &Painter, visible: &[usize]) {
        let level = self.geometry.level_for(self.camera.metres_per_point);

        let mut paints = PaintCache::new(painter.ctx(), self.stripe_diagonal());
        let mut solid = Mesh::default();
        let vertex_count = visible.iter().filter_map(|&i| level.shapes.get(i)).map(|s| s.mesh.vertices.len());
        solid.reserve_vertices(vertex_count.sum());
        let mut meshes: Vec<Mesh> = vec![solid];
        for &i in visible {
            let Some(shape) = level.shapes.get(i) else {
                continue;
            };
            let style = self.fills.get(i).unwrap_or(&FillStyle::NoData);
            let paint = paints.get(style);
            let texture = match paint {
                Paint::Solid(_) => TextureId::default(),
                Paint::Stripes { texture, .. } => texture,
            };
            let k = meshes.iter().position(|m| m.texture_id == texture).unwrap_or_else(|| {
                meshes.push(Mesh::with_texture(texture));
                meshes.len() - 1
            });
            append(&mut meshes[k], &shape.mesh, self.to_screen(i), paint);
        }
        painter.extend(meshes.into_iter().filter(|m| !m.is_empty()).map(Shape::mesh));

        let mut lines = Vec::with_capacity(visible.len());
        for &i in visible {
            let size = self
                .geometry
                .ward(i)
                .and_then(|w| w.bbox)
                .map_or(0.0, |b| b.width().max(b.height()) / self.camera.metres_per_point);
            if let Some(alpha) = outline_alpha(size) {
                let stroke = Stroke::new(OUTLINE_WIDTH, colour_with_alpha(OUTLINE, alpha));
                self.push_rings(&mut lines, level, i, stroke);
            }
        }
        painter.extend(lines);
    }

    /// Group outlines (London's boroughs), drawn over the ward fills and outlines.
    pub fn paint_group_outlines(&self, painter: &Painter) {
        let outlines = self.geometry.group_outlines();
        if outlines.is_empty() {
            return;
        }
        let view = self.camera.visible_world_rect(self.rect.expand(8.0));
        let stroke = Stroke::new(GROUP_OUTLINE_WIDTH, colour_with_alpha(OUTLINE, 255));
        let mut shapes = Vec::new();
        for line in outlines {
            let in_view =
                geo::BoundingRect::bounding_rect(line).is_some_and(|b| geo::Intersects::intersects(&b, &view));
            if in_view {
                let points: Vec<Pos2> = line.coords().map(|&c| self.camera.world_to_screen(self.rect, c)).collect();
                shapes.push(Shape::line(points, stroke));
            }
        }
        painter.extend(shapes);
    }

    /// Hover and selection highlights, drawn over every fill and outline.
    pub fn paint_highlights(&self, painter: &Painter) {
        let level = self.geometry.level_for(self.camera.metres_per_point);
        let view = self.camera.visible_world_rect(self.rect.expand(8.0));
        let in_view = |i: &usize| {
            let bbox = self.geometry.ward(*i).and_then(|w| w.bbox);
            bbox.is_some_and(|b| geo::Intersects::intersects(&b, &view))
        };
        let selected: Vec<usize> = self.selected.iter().copied().filter(in_view).collect();
        let mut shapes = Vec::new();
        if let Some(i) = self.hovered.filter(|i| !self.selected.contains(i)) {
            self.push_rings(&mut shapes, level, i, Stroke::new(4.0, Color32::from_white_alpha(230)));
            self.push_rings(&mut shapes, level, i, Stroke::new(2.0, colour_with_alpha(OUTLINE, 255)));
        }
        for &i in &selected {
            self.push_rings(&mut shapes, level, i, Stroke::new(6.0, Color32::WHITE));
        }
        for &i in &selected {
            self.push_rings(&mut shapes, level, i, Stroke::new(3.0, Color32::from_rgb(0x10, 0x10, 0x10)));
        }
        painter.extend(shapes);
    }

    fn to_screen(&self, i: usize) -> WardToScreen {
        let origin = self.geometry.ward(i).map_or(Coord { x: 0.0, y: 0.0 }, |w| w.origin);
        WardToScreen::new(self.camera, self.rect, origin)
    }

    fn push_rings(&self, out: &mut Vec<Shape>, level: &DetailLevel, i: usize, stroke: Stroke) {
        let Some(shape) = level.shapes.get(i) else {
            return;
        };
        let to_screen = self.to_screen(i);
        for ring in &shape.rings {
            let points: Vec<Pos2> = ring.iter().map(|&v| to_screen.apply(v)).collect();
            out.push(Shape::closed_line(points, stroke));
        }
    }

    /// `x + y` of a fixed world point on screen, in f64: stripe phases are taken from it so
    /// that stripes follow the map when it is dragged.
    fn stripe_diagonal(&self) -> f64 {
        let anchor = stripe_anchor(self.geometry);
        let c = self.rect.center();
        let x = f64::from(c.x) + (anchor.x - self.camera.centre[0]) / self.camera.metres_per_point;
        let y = f64::from(c.y) - (anchor.y - self.camera.centre[1]) / self.camera.metres_per_point;
        x + y
    }
}

fn contains(outer: geo::Rect<f64>, inner: geo::Rect<f64>) -> bool {
    outer.min().x <= inner.min().x
        && outer.min().y <= inner.min().y
        && outer.max().x >= inner.max().x
        && outer.max().y >= inner.max().y
}
