//! Paint a [`Scene`] with tiny-skia: pure CPU, no display, anti-aliased.

use tiny_skia::{
    Color, FillRule, LineJoin, Mask, Paint, Path, PathBuilder, Pixmap, PixmapPaint, Rect, Stroke, Transform,
};

use super::RenderError;
use super::scene::{Item, PxRect, Scene, TextRun};
use super::stripes::{STRIPE_ANGLE, canonical_stripes, stripe_bands};
use super::text::text_path;
use crate::model::palette::{FillStyle, NO_DATA, Rgb};

/// Paint the scene into a new pixmap of the scene's size.
pub fn paint(scene: &Scene) -> Result<Pixmap, RenderError> {
    let too_large = || RenderError::TooLarge { width: scene.width, height: scene.height, max: super::layout::MAX_SIDE };
    let mut image = Pixmap::new(scene.width, scene.height).ok_or_else(too_large)?;
    image.fill(colour(scene.background));
    let mut painter = Stripes::new(scene.width, scene.height, scene.stripe_band);

    // The map is painted on its own layer so wards outside a framed view are clipped to it.
    let frame = scene.map.transform.frame;
    if let Some(mut layer) = Pixmap::new(frame.w.max(1.0) as u32, frame.h.max(1.0) as u32) {
        let mut layer_painter = Stripes::new(layer.width(), layer.height(), scene.stripe_band);
        let paths: Vec<Option<Path>> = scene.map.wards.iter().map(|w| rings_path(&w.rings)).collect();
        for (ward, path) in scene.map.wards.iter().zip(&paths) {
            if let Some(path) = path {
                layer_painter.fill(&mut layer, path, &ward.fill);
            }
        }
        let (edge, alpha, width) = scene.map.outline;
        let outline = Stroke { width, line_join: LineJoin::Round, ..Stroke::default() };
        for path in paths.iter().flatten() {
            layer.stroke_path(path, &translucent(edge, alpha), &outline, Transform::identity(), None);
        }
        let (group_edge, group_width) = scene.map.group_outline;
        let group_stroke = Stroke { width: group_width, line_join: LineJoin::Round, ..Stroke::default() };
        for line in &scene.map.group_outlines {
            let mut builder = tiny_skia::PathBuilder::new();
            for (i, &(x, y)) in line.iter().enumerate() {
                if i == 0 { builder.move_to(x, y) } else { builder.line_to(x, y) }
            }
            if let Some(path) = builder.finish() {
                layer.stroke_path(&path, &translucent(group_edge, 255), &group_stroke, Transform::identity(), None);
            }
        }
        for plate in &scene.map.plates {
            if let Some(path) = rounded_rect(&plate.rect, plate.radius) {
                layer.fill_path(
                    &path,
                    &translucent(plate.colour, plate.alpha),
                    FillRule::Winding,
                    Transform::identity(),
                    None,
                );
            }
        }
        for label in &scene.map.labels {
            draw_text(&mut layer, label);
        }
        image.draw_pixmap(
            frame.x.round() as i32,
            frame.y.round() as i32,
            layer.as_ref(),
            &PixmapPaint::default(),
            Transform::identity(),
            None,
        );
    }

    for item in &scene.items {
        match item {
            Item::Rect { rect, fill, stroke } => {
                let Some(path) = rect_path(rect.x, rect.y, rect.w, rect.h) else {
                    continue;
                };
                image.fill_path(&path, &solid(*fill), FillRule::Winding, Transform::identity(), None);
                if let Some((edge, width)) = stroke {
                    let stroke = Stroke { width: *width, ..Stroke::default() };
                    image.stroke_path(&path, &solid(*edge), &stroke, Transform::identity(), None);
                }
            }
            Item::Swatch { rect, fill, stroke: (edge, width) } => {
                let Some(path) = rect_path(rect.x, rect.y, rect.w, rect.h) else {
                    continue;
                };
                painter.fill(&mut image, &path, fill);
                let stroke = Stroke { width: *width, ..Stroke::default() };
                image.stroke_path(&path, &solid(*edge), &stroke, Transform::identity(), None);
            }
            Item::Text(run) => draw_text(&mut image, run),
            Item::Line { points, colour, width } => {
                let mut builder = PathBuilder::new();
                for (i, &(x, y)) in points.iter().enumerate() {
                    if i == 0 { builder.move_to(x, y) } else { builder.line_to(x, y) }
                }
                if let Some(path) = builder.finish() {
                    let stroke = Stroke { width: *width, line_cap: tiny_skia::LineCap::Round, ..Stroke::default() };
                    image.stroke_path(&path, &solid(*colour), &stroke, Transform::identity(), None);
                }
            }
            Item::Dot { centre: (x, y), radius, fill, stroke: (edge, width), .. } => {
                let Some(path) = PathBuilder::from_circle(*x, *y, *radius) else {
                    continue;
                };
                image.fill_path(&path, &solid(*fill), FillRule::Winding, Transform::identity(), None);
                let stroke = Stroke { width: *width, ..Stroke::default() };
                image.stroke_path(&path, &solid(*edge), &stroke, Transform::identity(), None);
            }
        }
    }
    Ok(image)
}

fn colour(rgb: Rgb) -> Color {
    Color::from_rgba8(rgb.0, rgb.1, rgb.2, 255)
}

fn solid(rgb: Rgb) -> Paint<'static> {
    translucent(rgb, 255)
}

fn translucent(rgb: Rgb, alpha: u8) -> Paint<'static> {
    let mut paint = Paint { anti_alias: true, ..Paint::default() };
    paint.set_color(Color::from_rgba8(rgb.0, rgb.1, rgb.2, alpha));
    paint
}

/// A rectangle with quarter-circle corners (as cubic Béziers).
fn rounded_rect(rect: &PxRect, radius: f32) -> Option<Path> {
    let r = radius.min(rect.w / 2.0).min(rect.h / 2.0).max(0.0);
    let k = r * (1.0 - 0.552_284_8);
    let (l, t, right, b) = (rect.x, rect.y, rect.right(), rect.bottom());
    let mut p = PathBuilder::new();
    p.move_to(l + r, t);
    p.line_to(right - r, t);
    p.cubic_to(right - k, t, right, t + k, right, t + r);
    p.line_to(right, b - r);
    p.cubic_to(right, b - k, right - k, b, right - r, b);
    p.line_to(l + r, b);
    p.cubic_to(l + k, b, l, b - k, l, b - r);
    p.line_to(l, t + r);
    p.cubic_to(l, t + k, l + k, t, l + r, t);
    p.close();
    p.finish()
}

fn rect_path(x: f32, y: f32, w: f32, h: f32) -> Option<Path> {
    Rect::from_xywh(x, y, w, h).map(PathBuilder::from_rect)
}

/// All rings of a ward as one path, to be filled even-odd (holes stay holes).
fn rings_path(rings: &[Vec<(f32, f32)>]) -> Option<Path> {
    let mut builder = PathBuilder::new();
    for ring in rings.iter().filter(|r| r.len() >= 3) {
        let mut points = ring.iter();
        if let Some(&(x, y)) = points.next() {
            builder.move_to(x, y);
        }
        for &(x, y) in points {
            builder.line_to(x, y);
        }
        builder.close();
    }
    builder.finish()
}

/// Fills shapes, striping split wards. Keeps one clip mask of the target's size for reuse.
struct Stripes {
    mask: Option<Mask>,
    width: u32,
    height: u32,
    band: f32,
}

impl Stripes {
    fn new(width: u32, height: u32, band: f32) -> Self {
        Stripes { mask: None, width, height, band }
    }

    fn fill(&mut self, target: &mut Pixmap, path: &Path, fill: &FillStyle) {
        let pattern = match fill {
            FillStyle::Stripes(stripes) => canonical_stripes(stripes),
            _ => None,
        };
        let base = match (fill, &pattern) {
            (FillStyle::Solid(c), _) => *c,
            (_, Some(Ok(pattern))) => pattern.first().map_or(NO_DATA, |(c, _)| *c),
            (_, Some(Err(only))) => *only,
            _ => NO_DATA,
        };
        target.fill_path(path, &solid(base), FillRule::EvenOdd, Transform::identity(), None);
        let Some(Ok(colours)) = pattern else { return };
        if self.mask.is_none() {
            self.mask = Mask::new(self.width, self.height);
        }
        let Some(mask) = self.mask.as_mut() else {
            return;
        };
        mask.clear();
        mask.fill_path(path, FillRule::EvenOdd, true, Transform::identity());
        let (bands, period) = stripe_bands(&colours, self.band);
        let rotate = Transform::from_rotate(STRIPE_ANGLE);
        let bounds = path.bounds();
        // The path's corners in stripe space (the inverse rotation), to know which bands to draw.
        let (sin, cos) = STRIPE_ANGLE.to_radians().sin_cos();
        let corners = [
            (bounds.left(), bounds.top()),
            (bounds.right(), bounds.top()),
            (bounds.left(), bounds.bottom()),
            (bounds.right(), bounds.bottom()),
        ];
        let us = corners.map(|(x, y)| x * cos + y * sin);
        let vs = corners.map(|(x, y)| -x * sin + y * cos);
        let (u0, u1) = (us.iter().copied().fold(f32::MAX, f32::min), us.iter().copied().fold(f32::MIN, f32::max));
        let (v0, v1) = (vs.iter().copied().fold(f32::MAX, f32::min), vs.iter().copied().fold(f32::MIN, f32::max));
        let first = (u0 / period).floor() as i64 - 1;
        let last = (u1 / period).ceil() as i64 + 1;
        for band in bands.iter().skip(1) {
            let mut builder = PathBuilder::new();
            for k in first..=last {
                let left = k as f32 * period + band.offset;
                if let Some(rect) = Rect::from_ltrb(left, v0 - period, left + band.width, v1 + period) {
                    builder.push_rect(rect);
                }
            }
            if let Some(stripes) = builder.finish() {
                target.fill_path(&stripes, &solid(band.colour), FillRule::Winding, rotate, Some(mask));
            }
        }
    }
}

/// One line of text: its glyph outlines, filled.
fn draw_text(target: &mut Pixmap, run: &TextRun) {
    let Some(path) = text_path(&run.text, run.size, run.x, run.baseline, run.anchor) else {
        return;
    };
    target.fill_path(&path, &solid(run.colour), FillRule::Winding, Transform::identity(), None);
}
