//! Small multiples: one small map per election, in a grid, in one measure, each titled by its
//! year, under one title and over one shared legend and one credit line.
//!
//! Each panel is an ordinary map [`Scene`] laid out by the map layout (no legend, no credits,
//! no names at this size); the frame around them is a scene of its own. The PNG paints the
//! panels into the frame; the SVG nests each panel as an `<svg>` of its own, its ids made
//! unique, so both formats show the same picture.

use super::legend::{legend_box, natural_legend_width};
use super::scene::{Anchor, Item, MapLayer, PxRect, Scene, TextRole, TextRun};
use super::style::{INK, MUTED, WHITE};
use super::text::{ascent, descent, wrap};
use super::{RenderError, RenderOptions, build_scene, layout::MAX_SIDE};
use crate::analysis::colouring::{Colouring, Legend, LegendItem};
use crate::geometry::PreparedWardSet;
use crate::model::WardSet;

const MARGIN: f32 = 20.0;
const TITLE_SIZE: f32 = 24.0;
const GAP: f32 = 16.0;
const NOTE_SIZE: f32 = 11.0;

/// One panel: its title (the year), its wards and their colouring.
pub struct Panel<'a> {
    pub title: String,
    pub set: &'a WardSet,
    pub prepared: &'a PreparedWardSet,
    pub colouring: &'a Colouring,
}

/// The grid as drawn: the frame (title, legend, credits) and each panel at its place.
#[derive(Clone, Debug, PartialEq)]
pub struct SmallMultiples {
    pub frame: Scene,
    /// Each panel's scene and its top-left corner in the frame.
    pub panels: Vec<((f32, f32), Scene)>,
}

/// What goes around the panels.
#[derive(Clone, Debug, PartialEq)]
pub struct GridOptions {
    /// The whole image's width at 1×.
    pub width_px: u32,
    pub title: Option<String>,
    pub attribution: Option<String>,
}

/// The shared legend: every item of every panel once, in first-seen order, its count summed
/// over the panels (the note says so).
///
/// # Errors
/// Panels whose legends are scales with different bins: one legend cannot key them.
pub fn shared_legend(colourings: &[&Colouring]) -> Result<Legend, RenderError> {
    let first = colourings.first().ok_or(RenderError::NoWards)?;
    let fills_of = |c: &Colouring| c.legend.items.iter().map(|i| i.fill.clone()).collect::<Vec<_>>();
    let is_scale = first.legend.items.iter().any(|i| i.label.contains('–') || i.label.starts_with("under"));
    if is_scale && colourings.iter().any(|c| fills_of(c) != fills_of(first) || legend_labels(c) != legend_labels(first))
    {
        return Err(RenderError::Unavailable(
            "each year's map has its own scale, so one legend cannot key them: show the winning party, gains or \
             control as small multiples"
                .to_owned(),
        ));
    }
    let mut items: Vec<LegendItem> = Vec::new();
    for colouring in colourings {
        for item in &colouring.legend.items {
            match items.iter_mut().find(|i| i.label == item.label) {
                Some(kept) if kept.fill == item.fill => kept.count += item.count,
                Some(_) => {
                    return Err(RenderError::Unavailable(format!(
                        "the maps colour '{}' differently, so one legend cannot key them all",
                        item.label
                    )));
                }
                None => items.push(item.clone()),
            }
        }
    }
    let note = [first.legend.note.clone(), Some(format!("Counts are wards over all {} maps.", colourings.len()))]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" ");
    Ok(Legend { title: first.legend.title.clone(), counts: first.legend.counts, note: Some(note), items })
}

fn legend_labels(colouring: &Colouring) -> Vec<&str> {
    colouring.legend.items.iter().map(|i| i.label.as_str()).collect()
}

/// Lay out the grid: panels in rows of up to three, the legend to the right.
///
/// # Errors
/// No panels, a panel that cannot be drawn, or an image larger than [`MAX_SIDE`].
pub fn small_multiples(
    panels: &[Panel<'_>],
    legend: &Legend,
    opts: &GridOptions,
) -> Result<SmallMultiples, RenderError> {
    if panels.is_empty() {
        return Err(RenderError::NoWards);
    }
    if opts.width_px < super::layout::MIN_WIDTH {
        return Err(RenderError::TooNarrow { width: opts.width_px, min: super::layout::MIN_WIDTH });
    }
    let width = opts.width_px as f32;
    let inner = width - 2.0 * MARGIN;
    let mut items = Vec::new();
    let mut y = MARGIN;
    if let Some(title) = opts.title.as_deref().map(str::trim).filter(|t| !t.is_empty()) {
        for line in wrap(title, TITLE_SIZE, inner) {
            y += ascent(TITLE_SIZE);
            items.push(Item::Text(TextRun::new(line, MARGIN, y, TITLE_SIZE, INK, Anchor::Start, TextRole::Title)));
            y += descent(TITLE_SIZE) + 0.15 * TITLE_SIZE;
        }
        y = (y + GAP).round();
    }
    let legend_w = natural_legend_width(legend, 1.0).clamp(170.0, 300.0).round();
    let columns = panels.len().min(3);
    #[allow(clippy::cast_precision_loss, reason = "at most a few columns")]
    let panel_w = ((inner - legend_w - GAP - GAP * (columns as f32 - 1.0)) / columns as f32).floor();
    let mut placed = Vec::new();
    let mut row_top = y;
    let mut row_bottom = y;
    for (index, panel) in panels.iter().enumerate() {
        let column = index % columns;
        if column == 0 && index > 0 {
            row_top = row_bottom + GAP;
        }
        let opts = RenderOptions {
            width_px: (panel_w as u32).max(super::layout::MIN_WIDTH),
            scale: 1.0,
            title: Some(panel.title.clone()),
            legend: false,
            attribution: None,
            labels: false,
            view: None,
        };
        let scene = build_scene(panel.set, panel.prepared, panel.colouring, &opts)?;
        #[allow(clippy::cast_precision_loss, reason = "a column index")]
        let x = MARGIN + column as f32 * (panel_w + GAP);
        row_bottom = row_bottom.max(row_top + scene.height as f32);
        placed.push(((x, row_top), scene));
    }
    let legend_x = MARGIN + inner - legend_w;
    let legend_bottom =
        legend_box(&mut items, legend, &legend.title, PxRect { x: legend_x, y, w: legend_w, h: 0.0 }, 1.0);
    y = row_bottom.max(legend_bottom);
    if let Some(credits) = opts.attribution.as_deref().map(str::trim).filter(|t| !t.is_empty()) {
        y += GAP * 0.75;
        for line in wrap(credits, NOTE_SIZE, inner) {
            y += ascent(NOTE_SIZE);
            items.push(Item::Text(TextRun::new(
                line,
                MARGIN,
                y,
                NOTE_SIZE,
                MUTED,
                Anchor::Start,
                TextRole::Attribution,
            )));
            y += descent(NOTE_SIZE) + 0.2 * NOTE_SIZE;
        }
    }
    let height = (y + MARGIN).ceil();
    if width > MAX_SIDE as f32 || height > MAX_SIDE as f32 {
        return Err(RenderError::TooLarge { width: width as u32, height: height as u32, max: MAX_SIDE });
    }
    let frame = Scene {
        width: width as u32,
        height: height as u32,
        background: WHITE,
        map: MapLayer::empty(),
        items,
        stripe_band: super::style::STRIPE_UNIT / std::f32::consts::SQRT_2,
    };
    Ok(SmallMultiples { frame, panels: placed })
}

/// The grid as PNG file bytes.
///
/// # Errors
/// A picture too large to paint, or the encoder's failure.
pub fn encode_grid_png(grid: &SmallMultiples) -> Result<Vec<u8>, RenderError> {
    let mut image = super::paint_png(&grid.frame)?;
    for ((x, y), scene) in &grid.panels {
        let panel = super::paint_png(scene)?;
        image.draw_pixmap(
            x.round() as i32,
            y.round() as i32,
            panel.as_ref(),
            &tiny_skia::PixmapPaint::default(),
            tiny_skia::Transform::identity(),
            None,
        );
    }
    super::png_encode::png_bytes(&image)
}

/// The grid as one SVG document: the frame, then each panel nested as an `<svg>` at its place.
#[must_use]
pub fn write_grid_svg(grid: &SmallMultiples) -> String {
    let frame = super::write_svg(&grid.frame);
    let mut nested = String::new();
    for (index, ((x, y), scene)) in grid.panels.iter().enumerate() {
        let panel = super::write_svg(scene);
        let body = panel.split_once("?>\n").map_or(panel.as_str(), |(_, rest)| rest);
        // Every id of a panel (its clip path, its stripe patterns) gets the panel's prefix.
        let body = body
            .replace("id=\"", &format!("id=\"p{index}-"))
            .replace("url(#", &format!("url(#p{index}-"))
            .replacen("<svg ", &format!("<svg x=\"{x:.0}\" y=\"{y:.0}\" "), 1);
        nested.push_str(&body);
    }
    match frame.rfind("</svg>") {
        Some(end) => format!("{}{nested}{}", &frame[..end], &frame[end..]),
        None => frame,
    }
}
