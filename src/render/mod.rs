//! Headless export of the map (PNG and SVG): pure CPU, no egui, no display.
//!
//! One layout ([`build_scene`]) places the title, the map, ward labels, the legend box and the
//! attribution in output pixels; `png` paints it with tiny-skia and `svg` writes it as
//! text, so both formats show the same picture. The app's export dialog and `wardmap export`
//! both come through here, which is why the colours, legend and labels match the app: they
//! come from the same [`Colouring`], the same map [`style`] and the same label placer
//! ([`crate::geometry::place_labels`]).

pub mod atomic_write;
mod layout;
mod legend;
pub mod live_map;
mod map;
mod png;
mod png_encode;
pub mod scatter;
pub mod scene;
pub mod small_multiples;
pub mod stripes;
pub mod style;
mod svg;
pub mod text;

use geo::Rect;

use crate::analysis::colouring::{Colouring, MapSubject};
use crate::geometry::PreparedWardSet;
use crate::model::{Dataset, WardSet};

pub use atomic_write::{Overwrite, WriteError, check_target, write_atomically};
pub use layout::{MAX_SIDE, MIN_WIDTH};
pub use scatter::{ScatterFormat, ScatterOptions, encode_scatter, scatter_scene, scatter_title};
pub use scene::Scene;

/// What to draw and how big.
#[derive(Clone, Debug, PartialEq)]
pub struct RenderOptions {
    /// Image width at 1×, in pixels (the output is `width_px × scale` pixels wide).
    pub width_px: u32,
    /// Pixel density: 2.0 draws the same picture with twice the pixels, with lines and text
    /// redrawn at that size (crisp for print), not an upscaled 1× image.
    pub scale: f32,
    /// Printed above the map; `None` or blank for none. See [`default_title`].
    pub title: Option<String>,
    /// Draw the legend box.
    pub legend: bool,
    /// The line along the bottom, e.g. [`crate::model::credits::ATTRIBUTION_SHORT`]; `None` for none.
    pub attribution: Option<String>,
    /// Ward names on the map (only where they fit and do not overlap).
    pub labels: bool,
    /// The world-metre rectangle to frame (the app's camera); `None` for the whole ward set.
    pub view: Option<Rect<f64>>,
}

impl Default for RenderOptions {
    fn default() -> Self {
        RenderOptions {
            width_px: 1200,
            scale: 1.0,
            title: None,
            legend: true,
            attribution: Some(crate::model::credits::ATTRIBUTION_SHORT.to_owned()),
            labels: true,
            view: None,
        }
    }
}

/// Why a map could not be rendered.
#[derive(Debug, thiserror::Error)]
pub enum RenderError {
    #[error("{0}")]
    Unavailable(String),
    #[error("there are no ward boundaries to draw")]
    NoWards,
    #[error("the colouring has {fills} fills for {wards} wards: it was made for another ward set")]
    Mismatch { fills: usize, wards: usize },
    #[error("the view to export is empty")]
    EmptyView,
    #[error("a scale of {0} is not usable (use 1 or 2, or anything from 0.25 to 8)")]
    BadScale(f32),
    #[error("a width of {width} px is too small for a map with a legend (at least {min} px)")]
    TooNarrow { width: u32, min: u32 },
    #[error("the image would be {width}×{height} px; the largest side allowed is {max} px")]
    TooLarge { width: u32, height: u32, max: u32 },
    #[error("the built-in fonts could not be read (a broken build)")]
    Fonts,
    #[error("the PNG could not be encoded: {0}")]
    Encode(String),
}

/// The title the app and the command line suggest: the legend's title ("Barnet 2018: winning
/// party"), said of wards ("… by ward").
pub fn default_title(colouring: &Colouring) -> String {
    let title = colouring.legend.title.trim();
    let of_boroughs = colouring.legend.counts == crate::analysis::measures::Counted::Boroughs;
    if of_boroughs || title.to_lowercase().contains("ward") { title.to_owned() } else { format!("{title} by ward") }
}

/// The ward set a subject is drawn on.
pub fn subject_ward_set(data: &Dataset, subject: MapSubject) -> Option<&WardSet> {
    match subject {
        MapSubject::Election(id) => data.election(id)?.ward_set.and_then(|set| data.ward_set(set)),
        MapSubject::WardSetOnly(set) => data.ward_set(set),
    }
}

/// Lay out the picture from a ward set already prepared (the app keeps one per set).
pub fn build_scene(
    set: &WardSet,
    prepared: &PreparedWardSet,
    colouring: &Colouring,
    opts: &RenderOptions,
) -> Result<Scene, RenderError> {
    if !text::fonts_available() {
        return Err(RenderError::Fonts);
    }
    layout::build_scene(set, prepared, colouring, opts)
}

/// Prepare the subject's ward set (projection, label spots) and lay out the picture.
pub fn scene_for(
    data: &Dataset,
    subject: MapSubject,
    colouring: &Colouring,
    opts: &RenderOptions,
) -> Result<Scene, RenderError> {
    if let Some(reason) = &colouring.unavailable {
        return Err(RenderError::Unavailable(reason.clone()));
    }
    let set = subject_ward_set(data, subject).ok_or(RenderError::NoWards)?;
    build_scene(set, &PreparedWardSet::of_ward_set(set), colouring, opts)
}

/// Paint a laid-out scene.
pub fn paint_png(scene: &Scene) -> Result<tiny_skia::Pixmap, RenderError> {
    png::paint(scene)
}

/// A scene as PNG file bytes.
pub fn encode_png(scene: &Scene) -> Result<Vec<u8>, RenderError> {
    png_encode::png_bytes(&paint_png(scene)?)
}

/// A scene as an SVG document.
pub fn write_svg(scene: &Scene) -> String {
    svg::write(scene)
}

/// The map as PNG file bytes.
pub fn render_png(
    data: &Dataset,
    subject: MapSubject,
    colouring: &Colouring,
    opts: &RenderOptions,
) -> Result<Vec<u8>, RenderError> {
    encode_png(&scene_for(data, subject, colouring, opts)?)
}

/// The map as an SVG document.
pub fn render_svg(
    data: &Dataset,
    subject: MapSubject,
    colouring: &Colouring,
    opts: &RenderOptions,
) -> Result<String, RenderError> {
    Ok(write_svg(&scene_for(data, subject, colouring, opts)?))
}
