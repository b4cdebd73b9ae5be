//! The finished picture as a list of simple, already-placed primitives in output pixels.
//!
//! Layout happens once (`layout`); the PNG and SVG writers only translate these
//! primitives, so both formats show the same title, map, labels, legend and attribution at
//! the same places.

use geo::{Coord, Rect};

use crate::model::palette::{FillStyle, Rgb};

/// A rectangle in output pixels (x right, y down).
pub type PxRect = crate::geometry::ViewRect;

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
    /// The key to the numbered wards, under the map.
    WardKey,
    Attribution,
    /// A plot's axis title.
    AxisTitle,
    /// A number along a plot's axis.
    Tick,
    /// A sentence under a plot's title: what its statistics mean, or a warning.
    Caption,
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
            TextRole::WardKey => "ward-key",
            TextRole::Attribution => "attribution",
            TextRole::AxisTitle => "axis-title",
            TextRole::Tick => "tick",
            TextRole::Caption => "caption",
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

impl TextRun {
    #[must_use]
    pub fn new(text: String, x: f32, baseline: f32, size: f32, colour: Rgb, anchor: Anchor, role: TextRole) -> Self {
        TextRun { text, x, baseline, size, colour, anchor, role }
    }
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
    /// Outlines of groups of wards (London's boroughs) in frame pixels, drawn over the ward
    /// outlines with this colour and width.
    pub group_outlines: Vec<Vec<(f32, f32)>>,
    pub group_outline: (Rgb, f32),
    /// Plates under labels on striped wards, drawn before the labels.
    pub plates: Vec<Plate>,
    /// Ward labels, in frame pixels.
    pub labels: Vec<TextRun>,
}

impl MapLayer {
    /// No map: the layer of a picture that has none of its own (a scatter plot, the frame
    /// around small multiples), with a zero frame.
    #[must_use]
    pub fn empty() -> MapLayer {
        MapLayer {
            transform: MapTransform {
                view: Rect::new((0.0, 0.0), (1.0, 1.0)),
                pixels_per_metre: 1.0,
                frame: PxRect { x: 0.0, y: 0.0, w: 0.0, h: 0.0 },
            },
            wards: Vec::new(),
            outline: (crate::model::palette::OUTLINE, 0, 0.0),
            group_outlines: Vec::new(),
            group_outline: (crate::model::palette::OUTLINE, 0.0),
            plates: Vec::new(),
            labels: Vec::new(),
        }
    }
}

/// Anything drawn outside the map: boxes, legend swatches, text.
#[derive(Clone, Debug, PartialEq)]
pub enum Item {
    Rect {
        rect: PxRect,
        fill: Rgb,
        stroke: Option<(Rgb, f32)>,
    },
    Swatch {
        rect: PxRect,
        fill: FillStyle,
        stroke: (Rgb, f32),
    },
    Text(TextRun),
    /// A polyline (a plot's fitted line, a grid line), drawn with round caps.
    Line {
        points: Vec<(f32, f32)>,
        colour: Rgb,
        width: f32,
    },
    /// A plot's point: a filled circle with an edge; `label` names it (the SVG's tooltip).
    Dot {
        centre: (f32, f32),
        radius: f32,
        fill: Rgb,
        stroke: (Rgb, f32),
        label: Option<String>,
    },
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
