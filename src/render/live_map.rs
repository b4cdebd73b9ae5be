//! The app's map off screen: the map widget's base layer (ward fills, ward outlines, borough
//! outlines) drawn with tiny-skia into an image, by the same rules `ui/map_view/paint.rs`
//! draws it live — the same level of detail, colours, outline fade and stripes anchored to the
//! same world point — so that the widget can show this image while the map is only panned and
//! nobody can tell the difference (`docs/performance.md`, "The window under Xvfb").
//!
//! The rules both share live here: [`outline_alpha`], [`stripe_anchor`], [`stripe_row`] and
//! [`NO_DATA_STRIPES`]. Fills are not anti-aliased (the live map's meshes are not either, so
//! neighbouring wards meet without a seam); outlines are, as egui feathers them.

use std::sync::atomic::{AtomicBool, Ordering};

use geo::{BoundingRect, Coord, Intersects};
use tiny_skia::{
    FillRule, FilterQuality, LineJoin, Paint, Path, PathBuilder, Pattern, Pixmap, PremultipliedColorU8, SpreadMode,
    Stroke, Transform,
};

use super::style::{GROUP_OUTLINE_WIDTH, OUTLINE, OUTLINE_ALPHA, OUTLINE_WIDTH, STRIPE_UNIT};
use crate::geometry::PreparedWardSet;
use crate::model::palette::{self, FillStyle, Rgb};

/// Wards smaller than this on screen (points) get no outline: at country scale thousands of
/// outlines would only paint the map grey (and cost more to draw than all the fills).
pub const MIN_OUTLINED_POINTS: f64 = 12.0;
/// Outlines fade in between `MIN_OUTLINED_POINTS` and this size, from
/// `FAINTEST_OUTLINE_ALPHA` to the style's full [`OUTLINE_ALPHA`].
pub const FULL_OUTLINE_POINTS: f64 = 32.0;
const FAINTEST_OUTLINE_ALPHA: f64 = 40.0;

/// Texels per unit of stripe weight in a stripe row.
pub const TEXELS_PER_UNIT: usize = 8;

/// Slightly darker grey stripes over `NO_DATA`: the subtle hatch marking "no result".
pub const NO_DATA_STRIPES: [(Rgb, u32); 2] = [(palette::NO_DATA, 3), (Rgb(0xD0, 0xD0, 0xD0), 1)];

/// The opacity of the outline of a ward `size` points across (the longer side of its bounding
/// box on screen), or `None` for a ward too small to outline.
pub fn outline_alpha(size: f64) -> Option<u8> {
    if size.is_nan() || size < MIN_OUTLINED_POINTS {
        return None;
    }
    let fade = ((size - MIN_OUTLINED_POINTS) / (FULL_OUTLINE_POINTS - MIN_OUTLINED_POINTS)).min(1.0);
    Some((FAINTEST_OUTLINE_ALPHA + fade * (f64::from(OUTLINE_ALPHA) - FAINTEST_OUTLINE_ALPHA)).round() as u8)
}

/// The world point stripes are anchored to (their phase follows it, so stripes move with the
/// map when it is dragged): the corner of the set's bounds.
pub fn stripe_anchor(geometry: &PreparedWardSet) -> Coord<f64> {
    geometry.bounds().map_or(Coord { x: 0.0, y: 0.0 }, geo::Rect::min)
}

/// One period of a canonical stripe pattern as a row of texels: each colour repeated
/// `weight × TEXELS_PER_UNIT` times. It repeats every `STRIPE_UNIT × units` points along
/// `x + y` on screen.
pub fn stripe_row(pattern: &[(Rgb, u32)]) -> Vec<Rgb> {
    pattern.iter().flat_map(|&(c, w)| std::iter::repeat_n(c, w as usize * TEXELS_PER_UNIT)).collect()
}

/// Where the image lies on the map and how fine it is.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ImageView {
    /// World point (metres, Web Mercator) at the image's top-left corner.
    pub top_left: Coord<f64>,
    /// The camera's world metres per screen point.
    pub metres_per_point: f64,
    /// Screen pixels per point: the image has one pixel per screen pixel.
    pub pixels_per_point: f32,
    pub width: u32,
    pub height: u32,
}

impl ImageView {
    /// World metres per image pixel.
    fn metres_per_pixel(&self) -> f64 {
        self.metres_per_point / f64::from(self.pixels_per_point)
    }

    /// The world rectangle the image covers.
    pub fn world_rect(&self) -> geo::Rect<f64> {
        let m = self.metres_per_pixel();
        let bottom_right =
            Coord { x: self.top_left.x + f64::from(self.width) * m, y: self.top_left.y - f64::from(self.height) * m };
        geo::Rect::new(self.top_left, bottom_right)
    }
}

/// The base layer of the map over `view`: premultiplied RGBA, transparent where there is no
/// ward. `None` for an empty or impossibly large image, or when `stop` was set meanwhile (the
/// image is no longer wanted).
pub fn base_layer(
    geometry: &PreparedWardSet,
    fills: &[FillStyle],
    view: &ImageView,
    stop: &AtomicBool,
) -> Option<Pixmap> {
    let stopped = || stop.load(Ordering::Relaxed);
    let mut image = Pixmap::new(view.width, view.height)?;
    let world = view.world_rect();
    let pad = f64::from(GROUP_OUTLINE_WIDTH) * view.metres_per_point;
    let reach = geo::Rect::new(
        Coord { x: world.min().x - pad, y: world.min().y - pad },
        Coord { x: world.max().x + pad, y: world.max().y + pad },
    );
    let mut wards: Vec<usize> = geometry.wards_in(reach).collect();
    wards.sort_unstable(); // input order, as the live map stacks them
    let level = geometry.level_for(view.metres_per_point);
    let scale = 1.0 / view.metres_per_pixel();
    let to_pixels = |origin: Coord<f64>| {
        let x0 = ((origin.x - view.top_left.x) * scale) as f32;
        let y0 = ((view.top_left.y - origin.y) * scale) as f32;
        let k = scale as f32;
        move |[x, y]: [f32; 2]| (x0 + x * k, y0 - y * k)
    };
    let mut paths: Vec<(usize, Path)> = Vec::with_capacity(wards.len());
    for (n, &i) in wards.iter().enumerate() {
        if n % 1024 == 0 && stopped() {
            return None;
        }
        let (Some(ward), Some(shape)) = (geometry.ward(i), level.shapes.get(i)) else { continue };
        let map = to_pixels(ward.origin);
        let mut builder = PathBuilder::new();
        for ring in &shape.rings {
            for (k, &v) in ring.iter().enumerate() {
                let (x, y) = map(v);
                if k == 0 { builder.move_to(x, y) } else { builder.line_to(x, y) }
            }
            builder.close();
        }
        if let Some(path) = builder.finish() {
            paths.push((i, path));
        }
    }

    if stopped() {
        return None;
    }
    let mut paints = Paints::new(view, stripe_anchor(geometry));
    for (n, (i, path)) in paths.iter().enumerate() {
        if n % 1024 == 0 && stopped() {
            return None;
        }
        let style = fills.get(*i).unwrap_or(&FillStyle::NoData);
        image.fill_path(path, &paints.get(style), FillRule::EvenOdd, Transform::identity(), None);
    }

    let outline =
        Stroke { width: OUTLINE_WIDTH * view.pixels_per_point, line_join: LineJoin::Miter, ..Stroke::default() };
    for (i, path) in &paths {
        let size =
            geometry.ward(*i).and_then(|w| w.bbox).map_or(0.0, |b| b.width().max(b.height()) / view.metres_per_point);
        if let Some(alpha) = outline_alpha(size) {
            image.stroke_path(path, &solid(OUTLINE, alpha, true), &outline, Transform::identity(), None);
        }
    }

    if stopped() {
        return None;
    }
    let group = Stroke { width: GROUP_OUTLINE_WIDTH * view.pixels_per_point, ..Stroke::default() };
    for line in geometry.group_outlines() {
        if !line.bounding_rect().is_some_and(|b| b.intersects(&reach)) {
            continue;
        }
        let mut builder = PathBuilder::new();
        for (k, c) in line.coords().enumerate() {
            let x = ((c.x - view.top_left.x) * scale) as f32;
            let y = ((view.top_left.y - c.y) * scale) as f32;
            if k == 0 { builder.move_to(x, y) } else { builder.line_to(x, y) }
        }
        if let Some(path) = builder.finish() {
            image.stroke_path(&path, &solid(OUTLINE, 255, true), &group, Transform::identity(), None);
        }
    }
    Some(image)
}

fn solid(c: Rgb, alpha: u8, anti_alias: bool) -> Paint<'static> {
    let mut paint = Paint { anti_alias, ..Paint::default() };
    paint.set_color_rgba8(c.0, c.1, c.2, alpha);
    paint
}

/// The paint of each distinct fill, made once per image (stripe rows are small pixmaps).
struct Paints {
    view: ImageView,
    anchor: Coord<f64>,
    rows: Vec<StripeRow>,
}

/// A canonical stripe pattern, its row of texels and its period in units.
struct StripeRow {
    pattern: Vec<(Rgb, u32)>,
    texels: Option<Pixmap>,
    units: u32,
}

impl Paints {
    fn new(view: &ImageView, anchor: Coord<f64>) -> Self {
        Paints { view: *view, anchor, rows: Vec::new() }
    }

    fn get(&mut self, style: &FillStyle) -> Paint<'_> {
        let stripes: &[(Rgb, u32)] = match style {
            FillStyle::Solid(c) => return solid(*c, 255, false),
            FillStyle::NoData => &NO_DATA_STRIPES,
            FillStyle::Stripes(s) => s,
        };
        let pattern = match palette::canonical_stripes(stripes) {
            None => return solid(palette::NO_DATA, 255, false),
            Some(Err(only)) => return solid(only, 255, false),
            Some(Ok(pattern)) => pattern,
        };
        let at = match self.rows.iter().position(|row| row.pattern == pattern) {
            Some(at) => at,
            None => {
                let units: u32 = pattern.iter().map(|&(_, w)| w).sum();
                let texels = row_pixmap(&stripe_row(&pattern));
                self.rows.push(StripeRow { pattern, texels, units });
                self.rows.len() - 1
            }
        };
        let StripeRow { texels, units, .. } = &self.rows[at];
        let Some(row) = texels else { return solid(palette::NO_DATA, 255, false) };
        let transform = self.stripe_transform(row.width(), *units);
        let shader = Pattern::new(row.as_ref(), SpreadMode::Repeat, FilterQuality::Bilinear, 1.0, transform);
        Paint { shader, anti_alias: false, ..Paint::default() }
    }

    /// Pattern space to image pixels for a row of `texels` repeating every `units` stripe
    /// units: texel coordinate `s` along the row is `(x + y − phase) / period × texels` at the
    /// screen point `(x, y)`, as the live map's texture coordinates are (`t`, across the row,
    /// is free: the row repeats vertically).
    fn stripe_transform(&self, texels: u32, units: u32) -> Transform {
        let view = &self.view;
        let n = f64::from(texels);
        let period = f64::from(STRIPE_UNIT) * f64::from(units.max(1));
        // s = k (X + Y) + c0 at image pixel centres (X, Y), X + Y in pixels.
        let k = n / (f64::from(view.pixels_per_point) * period);
        let diagonal = (view.top_left.x - self.anchor.x) - (view.top_left.y - self.anchor.y);
        let c0 = (n * diagonal / (view.metres_per_point * period)).rem_euclid(n);
        let (a, b) = ((1.0 / (2.0 * k)) as f32, (-c0 / (2.0 * k)) as f32);
        // X = (s − c0) / 2k − t / 2, Y = (s − c0) / 2k + t / 2.
        Transform::from_row(a, a, -0.5, 0.5, b, b)
    }
}

fn row_pixmap(row: &[Rgb]) -> Option<Pixmap> {
    let mut pixmap = Pixmap::new(u32::try_from(row.len()).ok()?, 1)?;
    for (pixel, c) in pixmap.pixels_mut().iter_mut().zip(row) {
        if let Some(p) = PremultipliedColorU8::from_rgba(c.0, c.1, c.2, 255) {
            *pixel = p;
        }
    }
    Some(pixmap)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tiny_wards_get_no_outline_and_big_ones_the_full_one() {
        assert_eq!(outline_alpha(5.0), None);
        assert_eq!(outline_alpha(f64::NAN), None);
        assert_eq!(outline_alpha(MIN_OUTLINED_POINTS), Some(40));
        assert_eq!(outline_alpha(FULL_OUTLINE_POINTS), Some(OUTLINE_ALPHA));
        assert_eq!(outline_alpha(500.0), Some(OUTLINE_ALPHA));
    }

    use geo::{MultiPolygon, polygon};

    const RED: Rgb = Rgb(200, 10, 10);
    const BLUE: Rgb = Rgb(0, 0, 255);
    const YELLOW: Rgb = Rgb(255, 255, 0);

    /// Two wards, 1 km squares side by side from the origin, drawn at 10 m a point with a
    /// margin of 10 points: world (x, y) is at pixel ((x + 100) / 10, (1100 − y) / 10).
    fn drawn(fills: &[FillStyle]) -> Pixmap {
        let square = |x: f64| {
            MultiPolygon::new(vec![polygon![
                (x: x, y: 0.0), (x: x + 1000.0, y: 0.0), (x: x + 1000.0, y: 1000.0), (x: x, y: 1000.0)
            ]])
        };
        let geometry = PreparedWardSet::from_world(vec![square(0.0), square(1000.0)]);
        let view = ImageView {
            top_left: Coord { x: -100.0, y: 1100.0 },
            metres_per_point: 10.0,
            pixels_per_point: 1.0,
            width: 220,
            height: 120,
        };
        base_layer(&geometry, fills, &view, &AtomicBool::new(false)).expect("an image")
    }

    fn rgba(image: &Pixmap, x: u32, y: u32) -> (u8, u8, u8, u8) {
        let p = image.pixel(x, y).expect("inside the image");
        (p.red(), p.green(), p.blue(), p.alpha())
    }

    #[test]
    fn a_ward_is_drawn_where_it_lies_in_its_colour_and_nothing_outside_it() {
        let image = drawn(&[FillStyle::Solid(RED), FillStyle::Solid(BLUE)]);
        assert_eq!(rgba(&image, 60, 60), (200, 10, 10, 255), "the first ward's middle");
        assert_eq!(rgba(&image, 160, 60), (0, 0, 255, 255), "the second ward's middle");
        assert_eq!(rgba(&image, 5, 60).3, 0, "left of the wards");
        assert_eq!(rgba(&image, 60, 115).3, 0, "below them");
        assert_eq!(rgba(&image, 60, 1).3, 0, "above them");
    }

    #[test]
    fn stripes_have_the_live_maps_phase_along_x_plus_y() {
        // 1 : 1 stripes, 16 texels a period of 16 points (160 m), anchored to the set's corner
        // (the origin): the live map's texture coordinate at a screen point is
        // u = ((x − 0) − (y − 0)) / 160 m, the first colour for the first half of each period.
        let image = drawn(&[FillStyle::Stripes(vec![(BLUE, 1), (YELLOW, 1)]), FillStyle::NoData]);
        let mut checked = 0;
        for py in 15..105 {
            for px in 15..105 {
                let (wx, wy) = (-100.0 + (f64::from(px) + 0.5) * 10.0, 1100.0 - (f64::from(py) + 0.5) * 10.0);
                let u = ((wx - wy) / 160.0).rem_euclid(1.0);
                let texel = u * 16.0;
                // Away from the bands' edges, where the texels are blended.
                if (texel - 4.0).abs() < 2.5 {
                    assert_eq!(rgba(&image, px, py), (0, 0, 255, 255), "({px}, {py}) u {u}");
                    checked += 1;
                } else if (texel - 12.0).abs() < 2.5 {
                    assert_eq!(rgba(&image, px, py), (255, 255, 0, 255), "({px}, {py}) u {u}");
                    checked += 1;
                }
            }
        }
        assert!(checked > 1000, "{checked}");
    }

    #[test]
    fn a_drawing_told_to_stop_gives_nothing() {
        let geometry = PreparedWardSet::from_world(vec![]);
        let view = ImageView {
            top_left: Coord { x: 0.0, y: 0.0 },
            metres_per_point: 1.0,
            pixels_per_point: 1.0,
            width: 10,
            height: 10,
        };
        assert!(base_layer(&geometry, &[], &view, &AtomicBool::new(true)).is_none());
    }

    #[test]
    fn a_stripe_row_gives_each_colour_its_weight() {
        let row = stripe_row(&[(Rgb(1, 2, 3), 2), (Rgb(4, 5, 6), 1)]);
        assert_eq!(row.len(), 3 * TEXELS_PER_UNIT);
        assert_eq!(row[2 * TEXELS_PER_UNIT - 1], Rgb(1, 2, 3));
        assert_eq!(row[2 * TEXELS_PER_UNIT], Rgb(4, 5, 6));
    }
}
