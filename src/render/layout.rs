//! Where everything goes: title on top, the map below it with the legend box to its right
//! (or under it when the image is narrow), the attribution along the bottom.
//!
//! All sizes are given at 1× and multiplied by the scale, so a 2× export is the same picture
//! with twice the pixels: geometry, lines and text are redrawn at that size, never upscaled.

use super::map::{fit, view_rect, ward_labels, ward_paths};
use super::scene::{Anchor, Item, MapLayer, PxRect, Scene, TextRole, TextRun};
use super::text::{ascent, descent, measure, wrap};
use super::{RenderError, RenderOptions};
use crate::analysis::colouring::{Colouring, Legend};
use crate::geometry::PreparedWardSet;
use crate::model::WardSet;
use crate::model::palette::{OUTLINE, Rgb};

const MARGIN: f32 = 20.0;
const TITLE_SIZE: f32 = 24.0;
const TITLE_MIN_SIZE: f32 = 15.0;
const GAP: f32 = 16.0;
const PAD: f32 = 12.0;
const HEADING_SIZE: f32 = 15.0;
const NOTE_SIZE: f32 = 12.0;
const ITEM_SIZE: f32 = 13.0;
const ROW: f32 = 22.0;
const SWATCH_W: f32 = 26.0;
const SWATCH_H: f32 = 15.0;
const ATTRIBUTION_SIZE: f32 = 11.0;
/// Legend column limits at 1×; below `SIDE_LEGEND_MIN_WIDTH` the legend goes under the map.
const LEGEND_MIN: f32 = 170.0;
const LEGEND_MAX: f32 = 300.0;
const SIDE_LEGEND_MIN_WIDTH: f32 = 560.0;
/// Room left for a substitute font's wider text in SVG viewers without Ubuntu.
const FONT_SLACK: f32 = 1.2;
/// The legend may take up to this share of a wide image.
const LEGEND_SHARE: f32 = 0.3;
/// One stripe unit at 1×, in pixels across the stripes: the app advances 8 points along
/// `x + y` per unit, which is 8/√2 across.
const STRIPE_BAND: f32 = 8.0 / std::f32::consts::SQRT_2;
/// Ward outlines are drawn at this opacity, as in the app.
const OUTLINE_ALPHA: u8 = 150;

const INK: Rgb = Rgb(0x1a, 0x1a, 0x1a);
const MUTED: Rgb = Rgb(0x55, 0x55, 0x55);
const BOX_EDGE: Rgb = Rgb(0xc8, 0xc8, 0xc8);
const WHITE: Rgb = Rgb(0xff, 0xff, 0xff);

/// The largest image side we agree to draw, in pixels (a 16k × 16k RGBA image is 1 GiB).
pub const MAX_SIDE: u32 = 16_384;
/// The narrowest export at 1×: below this the legend and title cannot be laid out.
pub const MIN_WIDTH: u32 = 240;

/// Lay out the whole picture. `set` and `prepared` are the same ward set, in the same order
/// as `colouring.fills`.
pub fn build_scene(
    set: &WardSet,
    prepared: &PreparedWardSet,
    colouring: &Colouring,
    opts: &RenderOptions,
) -> Result<Scene, RenderError> {
    if let Some(reason) = &colouring.unavailable {
        return Err(RenderError::Unavailable(reason.clone()));
    }
    if colouring.fills.len() != set.wards.len() || prepared.len() != set.wards.len() {
        return Err(RenderError::Mismatch { fills: colouring.fills.len(), wards: set.wards.len() });
    }
    let s = opts.scale;
    if !(s.is_finite() && (0.25..=8.0).contains(&s)) {
        return Err(RenderError::BadScale(s));
    }
    if opts.width_px < MIN_WIDTH {
        return Err(RenderError::TooNarrow { width: opts.width_px, min: MIN_WIDTH });
    }
    let width = (opts.width_px as f32 * s).round();
    let u = |v: f32| v * s;
    let margin = u(MARGIN).round();
    let inner = width - 2.0 * margin;
    let mut items = Vec::new();
    let mut y = margin;

    if let Some(title) = opts.title.as_deref().map(str::trim).filter(|t| !t.is_empty()) {
        // Shrink a long title to fit one line, down to a floor; past that, wrap it.
        let natural = measure(title, u(TITLE_SIZE));
        let size = if natural <= inner { u(TITLE_SIZE) } else { (0.995 * u(TITLE_SIZE) * inner / natural).max(u(TITLE_MIN_SIZE)) };
        for line in wrap(title, size, inner) {
            y += ascent(size);
            items.push(Item::Text(run(line, margin, y, size, INK, Anchor::Start, TextRole::Title)));
            y += descent(size) + 0.15 * size;
        }
        y = (y + u(GAP) - 0.15 * size).round();
    }

    let legend_wanted = opts.legend && !colouring.legend.items.is_empty();
    let side = legend_wanted && opts.width_px as f32 >= SIDE_LEGEND_MIN_WIDTH;
    // A wide image may give a wordy legend (scales, swings) more room; rows wrap past that.
    let widest = u(LEGEND_MAX).max(LEGEND_SHARE * width);
    let legend_w =
        if side { natural_legend_width(&colouring.legend, s).clamp(u(LEGEND_MIN), widest).round() } else { inner };
    let map_w = if side { inner - legend_w - u(GAP).round() } else { inner };
    let view = view_rect(prepared, opts.view)?;
    let transform = fit(view, margin, y, map_w.max(1.0) as u32);
    let heading = legend_heading(&colouring.legend, opts.title.as_deref());
    let mut body_bottom = transform.frame.bottom();
    if legend_wanted {
        let (x, top) = if side { (transform.frame.right() + u(GAP).round(), y) } else { (margin, body_bottom + u(GAP)) };
        let bottom = legend_box(&mut items, &colouring.legend, &heading, PxRect { x, y: top, w: legend_w, h: 0.0 }, s);
        body_bottom = body_bottom.max(bottom);
    }
    y = body_bottom;
    if let Some(attribution) = opts.attribution.as_deref().map(str::trim).filter(|t| !t.is_empty()) {
        let size = u(ATTRIBUTION_SIZE);
        y += u(GAP) * 0.75;
        for line in wrap(attribution, size, inner) {
            y += ascent(size);
            items.push(Item::Text(run(line, margin, y, size, MUTED, Anchor::Start, TextRole::Attribution)));
            y += descent(size) + 0.2 * size;
        }
    }
    let height = (y + margin).ceil();
    if width > MAX_SIDE as f32 || height > MAX_SIDE as f32 {
        return Err(RenderError::TooLarge { width: width as u32, height: height as u32, max: MAX_SIDE });
    }
    let wards = ward_paths(set, prepared, &colouring.fills, &transform);
    let (plates, labels) =
        if opts.labels { ward_labels(set, prepared, &colouring.fills, &transform, s) } else { Default::default() };
    Ok(Scene {
        width: width as u32,
        height: height as u32,
        background: WHITE,
        map: MapLayer { transform, wards, outline: (OUTLINE, OUTLINE_ALPHA, u(1.0)), plates, labels },
        items,
        stripe_band: u(STRIPE_BAND),
    })
}

fn run(text: String, x: f32, baseline: f32, size: f32, colour: Rgb, anchor: Anchor, role: TextRole) -> TextRun {
    TextRun { text, x, baseline, size, colour, anchor, role }
}

/// The legend box's own heading: the legend's title, or just "Key" when the image title
/// already says the same thing (no need to print it twice).
fn legend_heading(legend: &Legend, title: Option<&str>) -> String {
    let repeated = title.is_some_and(|t| t.to_lowercase().contains(&legend.title.to_lowercase()));
    if repeated || legend.title.trim().is_empty() { "Key".to_owned() } else { legend.title.clone() }
}

fn count_label(count: usize) -> String {
    if count == 1 { "1 ward".to_owned() } else { format!("{count} wards") }
}

/// Width the legend would like: the widest row, at scale `s`. Labels get `FONT_SLACK` more
/// than they measure, so an SVG viewer that substitutes a wider font for Ubuntu Light still
/// keeps them clear of the right-aligned counts.
fn natural_legend_width(legend: &Legend, s: f32) -> f32 {
    let rows = legend.items.iter().map(|item| {
        FONT_SLACK * measure(&item.label, ITEM_SIZE * s)
            + measure(&count_label(item.count), ITEM_SIZE * s)
            + (SWATCH_W + 8.0 + 14.0) * s
    });
    rows.fold(measure(&legend.title, HEADING_SIZE * s), f32::max) + 2.0 * PAD * s
}

/// Draw the legend box in `frame` (its height is computed); returns its bottom edge.
fn legend_box(items: &mut Vec<Item>, legend: &Legend, heading: &str, frame: PxRect, s: f32) -> f32 {
    let u = |v: f32| v * s;
    let inner_w = frame.w - 2.0 * u(PAD);
    let x = frame.x + u(PAD);
    let start = items.len();
    let mut y = frame.y + u(PAD);
    let mut texts = Vec::new();
    for line in wrap(heading, u(HEADING_SIZE), inner_w) {
        y += ascent(u(HEADING_SIZE));
        texts.push(run(line, x, y, u(HEADING_SIZE), INK, Anchor::Start, TextRole::LegendTitle));
        y += descent(u(HEADING_SIZE)) + u(2.0);
    }
    if let Some(note) = legend.note.as_deref().filter(|n| !n.trim().is_empty()) {
        y += u(2.0);
        for line in wrap(note, u(NOTE_SIZE), inner_w) {
            y += ascent(u(NOTE_SIZE));
            texts.push(run(line, x, y, u(NOTE_SIZE), MUTED, Anchor::Start, TextRole::LegendNote));
            y += descent(u(NOTE_SIZE)) + u(1.0);
        }
    }
    y += u(6.0);
    let mut swatches = Vec::new();
    let size = u(ITEM_SIZE);
    let line = 1.25 * size;
    let label_x = x + u(SWATCH_W) + u(8.0);
    for item in &legend.items {
        let count = count_label(item.count);
        let room = (x + inner_w - measure(&count, size) - u(10.0) - label_x).max(u(40.0)) / FONT_SLACK;
        let lines = wrap(&item.label, size, room);
        let row = u(ROW).max(line * lines.len() as f32 + u(6.0));
        let swatch = PxRect { x, y: (y + (u(ROW) - u(SWATCH_H)) / 2.0).round(), w: u(SWATCH_W), h: u(SWATCH_H).round() };
        swatches.push(Item::Swatch { rect: swatch, fill: item.fill.clone(), stroke: (OUTLINE, u(0.8)) });
        // The first line's middle (about a third of an em above the baseline) on the swatch's.
        let first = y + u(ROW) / 2.0 + 0.34 * size;
        for (i, text) in lines.into_iter().enumerate() {
            let baseline = first + line * i as f32;
            texts.push(run(text, label_x, baseline, size, INK, Anchor::Start, TextRole::LegendItem));
        }
        texts.push(run(count, x + inner_w, first, size, MUTED, Anchor::End, TextRole::LegendCount));
        y += row;
    }
    let bottom = (y + u(PAD)).round();
    let rect = PxRect { h: bottom - frame.y, ..frame };
    items.insert(start, Item::Rect { rect, fill: WHITE, stroke: Some((BOX_EDGE, u(1.0))) });
    items.extend(swatches);
    items.extend(texts.into_iter().map(Item::Text));
    bottom
}
