//! The legend box: heading, the colouring's note (method and units), then one row per
//! legend item with its swatch (stripes included), label and ward count.

use super::scene::{Anchor, Item, PxRect, TextRole, TextRun};
use super::style::{INK, MUTED, WHITE};
use super::text::{ascent, descent, measure, wrap};
use crate::analysis::colouring::Legend;
use crate::model::palette::{OUTLINE, Rgb};

const PAD: f32 = 12.0;
const HEADING_SIZE: f32 = 15.0;
const NOTE_SIZE: f32 = 12.0;
const ITEM_SIZE: f32 = 13.0;
const ROW: f32 = 22.0;
const SWATCH_W: f32 = 26.0;
const SWATCH_H: f32 = 15.0;
const BOX_EDGE: Rgb = Rgb(0xc8, 0xc8, 0xc8);
/// Room left for a substitute font's wider text in SVG viewers without Ubuntu: rows and
/// wrapped lines are laid out as if the text were this much wider than Ubuntu measures it.
const FONT_SLACK: f32 = 1.2;

/// The legend box's own heading: the legend's title, or just "Key" when the image title
/// already says the same thing (no need to print it twice).
pub(super) fn legend_heading(legend: &Legend, title: Option<&str>) -> String {
    let repeated = title.is_some_and(|t| t.to_lowercase().contains(&legend.title.to_lowercase()));
    if repeated || legend.title.trim().is_empty() { "Key".to_owned() } else { legend.title.clone() }
}

/// Width the legend would like: the widest row, at scale `s`. Labels get `FONT_SLACK` more
/// than they measure, so an SVG viewer that substitutes a wider font for Ubuntu Light still
/// keeps them clear of the right-aligned counts.
pub(super) fn natural_legend_width(legend: &Legend, s: f32) -> f32 {
    let rows = legend.items.iter().map(|item| {
        FONT_SLACK * measure(&item.label, ITEM_SIZE * s)
            + measure(&legend.counts.label(item.count), ITEM_SIZE * s)
            + (SWATCH_W + 8.0 + 14.0) * s
    });
    rows.fold(measure(&legend.title, HEADING_SIZE * s), f32::max) + 2.0 * PAD * s
}

/// Draw the legend box in `frame` (its height is computed); returns its bottom edge.
pub(super) fn legend_box(items: &mut Vec<Item>, legend: &Legend, heading: &str, frame: PxRect, s: f32) -> f32 {
    let u = |v: f32| v * s;
    let inner_w = frame.w - 2.0 * u(PAD);
    let x = frame.x + u(PAD);
    let start = items.len();
    let mut y = frame.y + u(PAD);
    let mut texts = Vec::new();
    for line in wrap(heading, u(HEADING_SIZE), inner_w / FONT_SLACK) {
        y += ascent(u(HEADING_SIZE));
        texts.push(TextRun::new(line, x, y, u(HEADING_SIZE), INK, Anchor::Start, TextRole::LegendTitle));
        y += descent(u(HEADING_SIZE)) + u(2.0);
    }
    if let Some(note) = legend.note.as_deref().filter(|n| !n.trim().is_empty()) {
        y += u(2.0);
        for line in wrap(note, u(NOTE_SIZE), inner_w / FONT_SLACK) {
            y += ascent(u(NOTE_SIZE));
            texts.push(TextRun::new(line, x, y, u(NOTE_SIZE), MUTED, Anchor::Start, TextRole::LegendNote));
            y += descent(u(NOTE_SIZE)) + u(1.0);
        }
    }
    y += u(6.0);
    let mut swatches = Vec::new();
    let size = u(ITEM_SIZE);
    let line = 1.25 * size;
    let label_x = x + u(SWATCH_W) + u(8.0);
    for item in &legend.items {
        let count = legend.counts.label(item.count);
        let room = (x + inner_w - measure(&count, size) - u(10.0) - label_x).max(u(40.0)) / FONT_SLACK;
        let lines = wrap(&item.label, size, room);
        let row = u(ROW).max(line * lines.len() as f32 + u(6.0));
        let swatch =
            PxRect { x, y: (y + (u(ROW) - u(SWATCH_H)) / 2.0).round(), w: u(SWATCH_W), h: u(SWATCH_H).round() };
        swatches.push(Item::Swatch { rect: swatch, fill: item.fill.clone(), stroke: (OUTLINE, u(0.8)) });
        // The first line's middle (about a third of an em above the baseline) on the swatch's.
        let first = y + u(ROW) / 2.0 + 0.34 * size;
        for (i, text) in lines.into_iter().enumerate() {
            let baseline = first + line * i as f32;
            texts.push(TextRun::new(text, label_x, baseline, size, INK, Anchor::Start, TextRole::LegendItem));
        }
        texts.push(TextRun::new(count, x + inner_w, first, size, MUTED, Anchor::End, TextRole::LegendCount));
        y += row;
    }
    let bottom = (y + u(PAD)).round();
    let rect = PxRect { h: bottom - frame.y, ..frame };
    items.insert(start, Item::Rect { rect, fill: WHITE, stroke: Some((BOX_EDGE, u(1.0))) });
    items.extend(swatches);
    items.extend(texts.into_iter().map(Item::Text));
    bottom
}
