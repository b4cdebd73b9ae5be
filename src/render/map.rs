//! The map part of an export: the frame's world view, ward paths in pixels and ward labels.

use geo::{Coord, Rect};

use super::RenderError;
use super::scene::{Anchor, MapTransform, PxRect, TextRole, TextRun, WardPath, representative_colour};
use super::text;
use crate::geometry::PreparedWardSet;
use crate::model::WardSet;
use crate::model::palette::FillStyle;

/// Space left around the ward set when no view is given, as a fraction of its size.
const FIT_PADDING: f64 = 0.02;
/// Ward label size at 1×, in pixels (egui's small body text).
pub const LABEL_SIZE: f32 = 12.0;
/// Line height of two-line labels, in ems.
const LABEL_LINE_HEIGHT: f32 = 1.1;
/// Empty space kept between two labels at 1×, in pixels.
const LABEL_GAP: f32 = 3.0;
/// Roughly half the cap height of Ubuntu, in ems: puts a line's visual middle on its anchor.
const HALF_CAP: f32 = 0.34;

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
    let view = Rect::new(
        Coord { x: view.min().x, y: centre_y - half },
        Coord { x: view.max().x, y: centre_y + half },
    );
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

/// Ward names at their label spots, largest wards first, each shown only where it fits inside
/// its ward (on one line, or two) and clears the labels already placed: the rule the app's map
/// follows, so a crowded export stays readable rather than a pile of overlapping names.
pub fn ward_labels(
    set: &WardSet,
    prepared: &PreparedWardSet,
    fills: &[FillStyle],
    at: &MapTransform,
    scale: f32,
) -> Vec<TextRun> {
    let size = LABEL_SIZE * scale;
    let line_height = LABEL_LINE_HEIGHT * size;
    let gap = LABEL_GAP * scale;
    let frame = PxRect { x: 0.0, y: 0.0, w: at.frame.w, h: at.frame.h };
    let mut taken: Vec<PxRect> = Vec::new();
    let mut runs = Vec::new();
    for &index in prepared.by_area_desc() {
        let (Some(ward), Some(source)) = (prepared.ward(index), set.wards.get(index)) else { continue };
        let Some(spot) = ward.label else { continue };
        let (cx, cy) = at.to_frame(spot.anchor);
        let room_w = (spot.width * at.pixels_per_metre) as f32;
        let room_h = (spot.height * at.pixels_per_metre) as f32;
        let name = source.name.trim();
        let mut options = vec![vec![name.to_owned()]];
        if let Some((a, b)) = text::balanced_split(name, size) {
            options.push(vec![a, b]);
        }
        let chosen = options.into_iter().find_map(|lines| {
            let w = lines.iter().map(|l| text::measure(l, size)).fold(0.0, f32::max);
            let h = line_height * lines.len() as f32;
            let rect = PxRect { x: cx - w / 2.0, y: cy - h / 2.0, w, h };
            let padded = PxRect { x: rect.x - gap, y: rect.y - gap, w: w + 2.0 * gap, h: h + 2.0 * gap };
            let fits = w + 2.0 * gap <= room_w && h <= room_h && frame.contains(&rect);
            (fits && !taken.iter().any(|t| t.overlaps(&padded))).then_some((lines, padded))
        });
        let Some((lines, padded)) = chosen else { continue };
        taken.push(padded);
        let fill = fills.get(index).cloned().unwrap_or(FillStyle::NoData);
        let behind = representative_colour(&fill);
        let halo = matches!(fill, FillStyle::Stripes(_)).then_some((behind, 3.0 * scale));
        let first = cy - line_height * (lines.len() as f32 - 1.0) / 2.0;
        for (row, line) in lines.into_iter().enumerate() {
            runs.push(TextRun {
                text: line,
                x: cx,
                baseline: first + line_height * row as f32 + HALF_CAP * size,
                size,
                colour: behind.contrasting_text(),
                anchor: Anchor::Middle,
                halo,
                role: TextRole::WardLabel,
            });
        }
    }
    runs
}
