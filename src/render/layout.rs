//! Where everything goes: title on top, the map below it with the legend box to its right
//! (or under it when the image is narrow), the attribution along the bottom.
//!
//! All sizes are given at 1× and multiplied by the scale, so a 2× export is the same picture
//! with twice the pixels: geometry, lines and text are redrawn at that size, never upscaled.

use super::legend::{legend_box, legend_heading, natural_legend_width};
use super::map::{fit, view_rect, ward_labels, ward_paths};
use super::scene::{Anchor, Item, MapLayer, PxRect, Scene, TextRole, TextRun};
use super::style::{GROUP_OUTLINE_WIDTH, INK, MUTED, OUTLINE, OUTLINE_ALPHA, OUTLINE_WIDTH, STRIPE_UNIT, WHITE};
use super::text::{ascent, descent, measure, wrap};
use super::{RenderError, RenderOptions};
use crate::analysis::colouring::Colouring;
use crate::geometry::PreparedWardSet;
use crate::model::WardSet;

const MARGIN: f32 = 20.0;
const TITLE_SIZE: f32 = 24.0;
const TITLE_MIN_SIZE: f32 = 15.0;
const GAP: f32 = 16.0;
const ATTRIBUTION_SIZE: f32 = 11.0;
/// The key to the numbered wards: a little larger than the credits, as it is read with the map.
const KEY_SIZE: f32 = 12.0;
/// Legend column limits at 1×; below `SIDE_LEGEND_MIN_WIDTH` the legend goes under the map.
const LEGEND_MIN: f32 = 170.0;
const LEGEND_MAX: f32 = 300.0;
const SIDE_LEGEND_MIN_WIDTH: f32 = 560.0;
/// The legend may take up to this share of a wide image.
const LEGEND_SHARE: f32 = 0.3;
/// One stripe unit at 1×, in pixels across the stripes: the map style's unit along `x + y`,
/// measured across.
const STRIPE_BAND: f32 = STRIPE_UNIT / std::f32::consts::SQRT_2;

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
        let size = if natural <= inner {
            u(TITLE_SIZE)
        } else {
            (0.995 * u(TITLE_SIZE) * inner / natural).max(u(TITLE_MIN_SIZE))
        };
        for line in wrap(title, size, inner) {
            y += ascent(size);
            items.push(Item::Text(TextRun::new(line, margin, y, size, INK, Anchor::Start, TextRole::Title)));
            y += descent(size) + 0.15 * size;
        }
        y = (y + u(GAP) - 0.15 * size).round();
    }

    let legend_wanted = opts.legend && !colouring.legend.items.is_empty();
    let side = legend_wanted && opts.width_px as f32 >= SIDE_LEGEND_MIN_WIDTH;
    // A wide image may give a wordy legend (scales, swings) more room; rows wrap past that.
    let widest = u(LEGEND_MAX).max(LEGEND_SHARE * width);
    // Under the map the box is as wide as its rows need, not the whole image.
    let legend_w = natural_legend_width(&colouring.legend, s)
        .clamp(u(LEGEND_MIN).min(inner), if side { widest } else { inner })
        .round();
    let map_w = if side { inner - legend_w - u(GAP).round() } else { inner };
    let view = view_rect(prepared, opts.view)?;
    let transform = fit(view, margin, y, map_w.max(1.0) as u32);
    let (plates, labels, numbered) =
        if opts.labels { ward_labels(set, prepared, &colouring.fills, &transform, s) } else { Default::default() };
    let heading = legend_heading(&colouring.legend, opts.title.as_deref());
    let mut body_bottom = transform.frame.bottom();
    if legend_wanted {
        let (x, top) =
            if side { (transform.frame.right() + u(GAP).round(), y) } else { (margin, body_bottom + u(GAP)) };
        let bottom = legend_box(&mut items, &colouring.legend, &heading, PxRect { x, y: top, w: legend_w, h: 0.0 }, s);
        body_bottom = body_bottom.max(bottom);
    }
    y = body_bottom;
    if !numbered.is_empty() {
        // The key to the wards numbered on the map, wrapped like the credits.
        // No-break spaces keep a number with its ward's name when the key wraps.
        let key = numbered
            .iter()
            .map(|(n, name)| format!("{n}\u{a0}{}", name.replace(' ', "\u{a0}")))
            .collect::<Vec<_>>()
            .join(" · ");
        let size = u(KEY_SIZE);
        y += u(GAP) * 0.75;
        for line in wrap(&format!("Wards numbered on the map: {key}"), size, inner) {
            y += ascent(size);
            items.push(Item::Text(TextRun::new(line, margin, y, size, INK, Anchor::Start, TextRole::WardKey)));
            y += descent(size) + 0.2 * size;
        }
    }
    if let Some(attribution) = opts.attribution.as_deref().map(str::trim).filter(|t| !t.is_empty()) {
        let size = u(ATTRIBUTION_SIZE);
        y += u(GAP) * 0.75;
        for line in wrap(attribution, size, inner) {
            y += ascent(size);
            items.push(Item::Text(TextRun::new(line, margin, y, size, MUTED, Anchor::Start, TextRole::Attribution)));
            y += descent(size) + 0.2 * size;
        }
    }
    let height = (y + margin).ceil();
    if width > MAX_SIDE as f32 || height > MAX_SIDE as f32 {
        return Err(RenderError::TooLarge { width: width as u32, height: height as u32, max: MAX_SIDE });
    }
    let wards = ward_paths(set, prepared, &colouring.fills, &transform);
    Ok(Scene {
        width: width as u32,
        height: height as u32,
        background: WHITE,
        map: MapLayer {
            group_outlines: prepared
                .group_outlines()
                .iter()
                .map(|line| line.coords().map(|&c| transform.to_frame(c)).collect())
                .collect(),
            group_outline: (OUTLINE, u(GROUP_OUTLINE_WIDTH)),
            transform,
            wards,
            outline: (OUTLINE, OUTLINE_ALPHA, u(OUTLINE_WIDTH)),
            plates,
            labels,
        },
        items,
        stripe_band: u(STRIPE_BAND),
    })
}
