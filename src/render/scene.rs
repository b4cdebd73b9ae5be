//! The finished picture as a list of simple, already-placed primitives in output pixels.
//!
//! Layout happens once ([`super::layout`]); the PNG and SVG writers only translate these
//! primitives, so both formats show the same title, map, labels, legend and attribution at
//! the same places.

use geo::{Coord, Rect};

use crate::model::palette::{FillStyle, Rgb};

/// A rectangle in output pixels (x right, y down).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PxRect {
    pub x: f32,
    pub y: f32,
    pub w: f32,
    pub h: f32,
}

impl PxRect {
    pub fn right(&self) -> f32 {
        self.x + self.w
    }

    pub fn bottom(&self) -> f32 {
        self.y + self.h
    }

    /// True when the two rectangles share any area.
    pub fn overlaps(&self, other: &PxRect) -> bool {
        self.x < other.right() && other.x < self.right() && self.y < other.bottom() && other.y < self.bottom()
    }

    /// True when `other` lies entirely inside `self`.
    pub fn contains(&self, other: &PxRect) -> bool {
        other.x >= self.x && other.y >= self.y && other.right() <= self.right() && other.bottom() <= self.bottom()
    }
}

/// Where a text run's `x` is: its start, middle or end.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Anchor {
    Start,
    Middle,
    End,
}

/// What a text run is, so the SVG can tag it (and tests can find the legend text).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TextRole {
    Title,
    LegendTitle,
    LegendNote,
    LegendItem,
    LegendCount,
    WardLabel,
    Attribution,
}

impl TextRole {
    /// The SVG class name.
    pub fn class(self) -> &'static str {
        match self {
            TextRole::Title => "title",
            TextRole::LegendTitle => "legend-title",
            TextRole::LegendNote => "legend-note",
            TextRole::LegendItem => "legend-item",
            TextRole::LegendCount => "legend-count",
            TextRole::WardLabel => "ward-label",
            TextRole::Attribution => "attribution",
        }
    }
}

/// One line of text on one baseline.
#[derive(Clone, Debug, PartialEq)]
pub struct TextRun {
    pub text: String,
    pub x: f32,
    /// The baseline, in pixels from the top.
    pub baseline: f32,
    /// Font size in pixels (the em size, as egui counts it).
    pub size: f32,
    pub colour: Rgb,
    pub anchor: Anchor,
    pub role: TextRole,
}

/// A rounded, translucent plate behind a ward label on stripes (as the app draws it), in
/// frame pixels.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Plate {
    pub rect: PxRect,
    pub colour: Rgb,
    /// Opacity, 0–255.
    pub alpha: u8,
    pub radius: f32,
}

/// One ward as drawn: rings in pixels relative to the map frame's top-left corner.
#[derive(Clone, Debug, PartialEq)]
pub struct WardPath {
    /// The ward's index in its ward set.
    pub index: usize,
    pub name: String,
    pub code: Option<String>,
    /// Exterior rings and holes alike (filled with the even-odd rule), without closing points.
    pub rings: Vec<Vec<(f32, f32)>>,
    pub fill: FillStyle,
}

/// How world metres map onto the map frame.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct MapTransform {
    /// The world rectangle shown (exactly the frame's aspect ratio).
    pub view: Rect<f64>,
    /// Pixels per world metre.
    pub pixels_per_metre: f64,
    /// The map frame in the image.
    pub frame: PxRect,
}

impl MapTransform {
    /// A world point in pixels relative to the frame's top-left corner.
    pub fn to_frame(&self, world: Coord<f64>) -> (f32, f32) {
        let x = (world.x - self.view.min().x) * self.pixels_per_metre;
        let y = (self.view.max().y - world.y) * self.pixels_per_metre;
        (x as f32, y as f32)
    }

    /// A world point in image pixels.
    pub fn to_image(&self, world: Coord<f64>) -> (f32, f32) {
        let (x, y) = self.to_frame(world);
        (x + self.frame.x, y + self.frame.y)
    }
}

/// The map part of the picture, clipped to its frame.
#[derive(Clone, Debug, PartialEq)]
pub struct MapLayer {
    pub transform: MapTransform,
    pub wards: Vec<WardPath>,
    /// Outline colour, opacity (0–255) and width in pixels: the app's thin, half-transparent
    /// line, so shared edges do not look heavier than the fills.
    pub outline: (Rgb, u8, f32),
    /// Plates under labels on striped wards, drawn before the labels.
    pub plates: Vec<Plate>,
    /// Ward labels, in frame pixels.
    pub labels: Vec<TextRun>,
}

/// Anything drawn outside the map: boxes, legend swatches, text.
#[derive(Clone, Debug, PartialEq)]
pub enum Item {
    Rect { rect: PxRect, fill: Rgb, stroke: Option<(Rgb, f32)> },
    Swatch { rect: PxRect, fill: FillStyle, stroke: (Rgb, f32) },
    Text(TextRun),
}

/// The whole picture.
#[derive(Clone, Debug, PartialEq)]
pub struct Scene {
    /// Output size in pixels.
    pub width: u32,
    pub height: u32,
    pub background: Rgb,
    pub map: MapLayer,
    /// Drawn after the map, in order.
    pub items: Vec<Item>,
    /// Width of one stripe unit (one seat) measured across the stripes, in pixels.
    pub stripe_band: f32,
}

/// Stripes run at this angle (degrees, as SVG's `rotate` of vertical bands): along lines of
/// constant `x + y`, rising to the right ("/"), as in the app.
pub const STRIPE_ANGLE: f32 = 45.0;

/// Reduce a stripe list to the form the app draws: zero weights dropped, neighbours of one
/// colour merged (also around the cycle), weights divided by their common factor and capped
/// at `MAX_STRIPE_UNITS` in total. One colour left: `Err(colour)`; nothing left: `None`.
pub fn canonical_stripes(stripes: &[(Rgb, u32)]) -> Option<Result<Vec<(Rgb, u32)>, Rgb>> {
    let mut merged: Vec<(Rgb, u32)> = Vec::with_capacity(stripes.len());
    for &(colour, weight) in stripes.iter().filter(|(_, w)| *w > 0) {
        match merged.last_mut() {
            Some((last, w)) if *last == colour => *w = w.saturating_add(weight),
            _ => merged.push((colour, weight)),
        }
    }
    if merged.len() > 1 && merged.first().map(|f| f.0) == merged.last().map(|l| l.0) {
        let (_, w) = merged.pop()?;
        merged[0].1 = merged[0].1.saturating_add(w);
    }
    match merged.as_slice() {
        [] => return None,
        [(only, _)] => return Some(Err(*only)),
        _ => {}
    }
    let common = merged.iter().fold(0, |g, &(_, w)| gcd(g, w)).max(1);
    let total: u64 = merged.iter().map(|&(_, w)| u64::from(w / common)).sum();
    let shrink = (total as f64 / f64::from(MAX_STRIPE_UNITS)).max(1.0);
    for entry in &mut merged {
        entry.1 = ((f64::from(entry.1 / common) / shrink).round() as u32).max(1);
    }
    Some(Ok(merged))
}

/// Patterns longer than this many units could not be told apart.
const MAX_STRIPE_UNITS: u32 = 48;

fn gcd(a: u32, b: u32) -> u32 {
    if b == 0 { a } else { gcd(b, a % b) }
}

/// One colour's band within a stripe period, measured across the stripes.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Band {
    pub colour: Rgb,
    pub offset: f32,
    pub width: f32,
}

/// The bands of one stripe period (each colour as wide as its units) and the period, for a
/// canonical pattern. Shared by both writers so PNG and SVG stripe alike.
pub fn stripe_bands(pattern: &[(Rgb, u32)], band: f32) -> (Vec<Band>, f32) {
    let mut offset = 0.0;
    let mut bands = Vec::with_capacity(pattern.len());
    for &(colour, weight) in pattern {
        let width = band * weight.max(1) as f32;
        bands.push(Band { colour, offset, width });
        offset += width;
    }
    (bands, offset)
}

/// The colour label text is read against, and whether the fill is striped: the unit-weighted
/// mean of a stripe pattern, as the app computes it.
pub fn backdrop(fill: &FillStyle) -> (Rgb, bool) {
    match fill {
        FillStyle::Solid(colour) => (*colour, false),
        FillStyle::NoData => (crate::model::palette::NO_DATA, false),
        FillStyle::Stripes(stripes) => match canonical_stripes(stripes) {
            Some(Ok(pattern)) => {
                let units = f64::from(pattern.iter().map(|(_, w)| *w).sum::<u32>().max(1));
                let mean = |channel: fn(&Rgb) -> u8| {
                    let sum: f64 = pattern.iter().map(|(c, w)| f64::from(channel(c)) * f64::from(*w)).sum();
                    (sum / units).round() as u8
                };
                (Rgb(mean(|c| c.0), mean(|c| c.1), mean(|c| c.2)), true)
            }
            Some(Err(only)) => (only, false),
            None => (crate::model::palette::NO_DATA, false),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const A: Rgb = Rgb(255, 0, 0);
    const B: Rgb = Rgb(0, 0, 255);

    #[test]
    fn stripes_are_reduced_like_the_apps() {
        assert_eq!(canonical_stripes(&[(A, 2), (B, 2)]), Some(Ok(vec![(A, 1), (B, 1)])));
        assert_eq!(canonical_stripes(&[(A, 1), (B, 1), (A, 1)]), Some(Ok(vec![(A, 2), (B, 1)])));
        assert_eq!(canonical_stripes(&[(A, 3), (A, 0)]), Some(Err(A)));
        assert_eq!(canonical_stripes(&[(A, 0)]), None);
    }

    #[test]
    fn a_split_wards_backdrop_is_its_seat_weighted_mean() {
        assert_eq!(backdrop(&FillStyle::Stripes(vec![(A, 2), (B, 1)])), (Rgb(170, 0, 85), true));
        assert_eq!(backdrop(&FillStyle::Solid(A)), (A, false));
    }
}
