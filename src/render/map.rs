//! The map part of an export: the frame's world view, ward paths in pixels and ward labels.

use geo::{Coord, Rect};

use super::RenderError;
use super::scene::{Anchor, MapTransform, Plate, PxRect, TextRole, TextRun, WardPath};
use super::stripes::backdrop;
use super::text;
use crate::geometry::PreparedWardSet;
use crate::model::WardSet;
use crate::model::palette::FillStyle;

/// Space left around the ward set when no view is given, as a fraction of its size.
const FIT_PADDING: f64 = 0.02;
/// Ward label sizes at 1×, in pixels: the app's label sizes in points.
pub use crate::geometry::labels::LABEL_SIZES;
/// Wards with less horizontal room than this (pixels at 1×) get no label, as in the app.
const MIN_ROOM: f32 = 24.0;
/// Empty space kept between two labels at 1×, in pixels.
const LABEL_GAP: f32 = 3.0;
/// The plate behind a label on stripes: margin at 1× and opacity, as in the app.
const PLATE_PAD: f32 = 1.5;
const PLATE_ALPHA: u8 = 210;

/// The world rectangle to show: the one asked for, or the whole ward set with a margin.
pub fn view_rect(prepared: &PreparedWardSet, view: Option<Rect<f64>>) -> Result<Rect<f64>, RenderError> {
    let rect = match view {
        Some(rect) => rect,
        None => {
            let bounds = prepared.bounds().ok_or(RenderError::NoWards)?;
            let pad = FIT_PADDING * bounds.width().max(bounds.height());
            Rect::new(
                Coord { x: bounds.min().x - pad, y: bounds.min().y - pad },
                Coord { x: bounds.max().x + pad, y: bounds.max().y + pad },
            )
        }
    };
    let usable = |v: f64| v.is_finite() && v > 0.0;
    if !(usable(rect.width()) && usable(rect.height()) && rect.min().x.is_finite() && rect.min().y.is_finite()) {
        return Err(RenderError::EmptyView);
    }
    Ok(rect)
}

/// Fit `view` to a frame `width` pixels wide at (`x`, `y`); the height follows the view's
/// aspect ratio (Web Mercator is conformal, so no stretching). The view is then grown
/// vertically by the sub-pixel rounding of the height so it matches the frame exactly.
pub fn fit(view: Rect<f64>, x: f32, y: f32, width: u32) -> MapTransform {
    let pixels_per_metre = f64::from(width) / view.width();
    let height = (view.height() * pixels_per_metre).round().max(1.0);
    let centre_y = (view.min().y + view.max().y) / 2.0;
    let half = height / pixels_per_metre / 2.0;
    let view = Rect::new(Coord { x: view.min().x, y: centre_y - half }, Coord { x: view.max().x, y: centre_y + half });
    let frame = PxRect { x, y, w: width as f32, h: height as f32 };
    MapTransform { view, pixels_per_metre, frame }
}

/// Every ward meeting the view, in ward order, in frame pixels. Shapes come from the level of
/// detail meant for this scale: simplified by less than a quarter of a square pixel.
pub fn ward_paths(set: &WardSet, prepared: &PreparedWardSet, fills: &[FillStyle], at: &MapTransform) -> Vec<WardPath> {
    let level = prepared.level_for(1.0 / at.pixels_per_metre);
    let mut visible: Vec<usize> = prepared.wards_in(at.view).collect();
    visible.sort_unstable();
    visible
        .into_iter()
        .filter_map(|index| {
            let ward = prepared.ward(index)?;
            let shape = level.shapes.get(index)?;
            let rings = shape
                .rings
                .iter()
                .map(|ring| {
                    ring.iter()
                        .map(|&[x, y]| {
                            let world = Coord { x: ward.origin.x + f64::from(x), y: ward.origin.y + f64::from(y) };
                            at.to_frame(world)
                        })
                        .collect()
                })
                .collect();
            let source = set.wards.get(index)?;
            Some(WardPath {
                index,
                name: source.name.clone(),
                code: source.code.clone(),
                rings,
                fill: fills.get(index).cloned().unwrap_or(FillStyle::NoData),
            })
        })
        .collect()
}

/// Ward names at their label spots, placed by the app's rule so an export shows the names the
/// screen shows: largest wards first, one line, only where the text fits the spot's room, lies
/// inside the frame and keeps a small gap from the names already placed. Names on stripes get
/// a translucent plate of the stripes' mean colour.
pub fn ward_labels(
    set: &WardSet,
    prepared: &PreparedWardSet,
    fills: &[FillStyle],
    at: &MapTransform,
    scale: f32,
) -> (Vec<Plate>, Vec<TextRun>) {
    let gap = LABEL_GAP * scale;
    let metres_per_pixel = 1.0 / at.pixels_per_metre;
    let frame = PxRect { x: 0.0, y: 0.0, w: at.frame.w, h: at.frame.h };
    let (mut placed, mut plates, mut runs): (Vec<PxRect>, Vec<Plate>, Vec<TextRun>) = Default::default();
    for &index in prepared.by_area_desc() {
        let (Some(ward), Some(source)) = (prepared.ward(index), set.wards.get(index)) else {
            continue;
        };
        let (Some(spot), name) = (ward.label, source.name.trim()) else {
            continue;
        };
        let room_w = (spot.width * at.pixels_per_metre) as f32;
        if name.is_empty() || room_w < MIN_ROOM * scale {
            continue;
        }
        // The app's rule: the usual size, else the smaller one, where the name fits the ward.
        let fitting = LABEL_SIZES.iter().map(|points| points * scale).find_map(|size| {
            let (width, height) = (text::measure(name, size), text::ascent(size) + text::descent(size));
            let fits = spot.fits(f64::from(width) * metres_per_pixel, f64::from(height) * metres_per_pixel);
            fits.then_some((size, width, height))
        });
        let Some((size, width, height)) = fitting else {
            continue;
        };
        let (cx, cy) = at.to_frame(spot.anchor);
        let rect = PxRect { x: cx - width / 2.0, y: cy - height / 2.0, w: width, h: height };
        let spaced = PxRect { x: rect.x - gap, y: rect.y - gap, w: width + 2.0 * gap, h: height + 2.0 * gap };
        if !frame.contains(&rect) || placed.iter().any(|p| p.overlaps(&spaced)) {
            continue;
        }
        placed.push(rect);
        let (under, striped) = backdrop(fills.get(index).unwrap_or(&FillStyle::NoData));
        if striped {
            let pad = PLATE_PAD * scale;
            let rect = PxRect { x: rect.x - pad, y: rect.y - pad, w: rect.w + 2.0 * pad, h: rect.h + 2.0 * pad };
            plates.push(Plate { rect, colour: under, alpha: PLATE_ALPHA, radius: 3.0 * scale });
        }
        runs.push(TextRun {
            text: name.to_owned(),
            x: cx,
            baseline: rect.y + text::ascent(size),
            size,
            colour: under.contrasting_text(),
            anchor: Anchor::Middle,
            role: TextRole::WardLabel,
        });
    }
    (plates, runs)
}
