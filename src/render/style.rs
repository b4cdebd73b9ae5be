//! The map's look, in one place: the app's map widget and the exporter both draw with these,
//! so a ward looks the same, and the same wards are named, on screen and in an export.
//!
//! Sizes are style units: points on screen, pixels at 1× in an export (multiplied by the
//! export's scale). Nothing here knows egui.

use crate::geometry::LabelRules;
use crate::model::palette::{self, FillStyle, Rgb};

/// Ward outline colour.
pub const OUTLINE: Rgb = palette::OUTLINE;
/// Ward outline opacity (0–255) at full strength: thin and half-transparent, so shared edges
/// do not look heavier than the fills. (The app fades outlines of tiny wards below this.)
pub const OUTLINE_ALPHA: u8 = 150;
/// Ward outline width.
pub const OUTLINE_WIDTH: f32 = 1.0;
/// Borough outlines over London's wards: heavier than ward outlines, lighter than a selection.
pub const GROUP_OUTLINE_WIDTH: f32 = 1.8;

/// The labelling rule: the usual size 11, then 9 for wards where the name only just misses
/// (Golders Green and West Finchley at the whole-borough view); no label in wards with less
/// than 24 of horizontal room; 3 of free space between labels.
pub const LABELS: LabelRules = LabelRules { sizes: &[11.0, 9.0], min_room: 24.0, gap: 3.0 };

/// The plate behind a label on stripes (text straight over contrasting stripes is hard to
/// read): a rounded box of the stripes' mean colour.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PlateStyle {
    /// Margin around the text box.
    pub pad: f32,
    /// Opacity, 0–255.
    pub alpha: u8,
    /// Corner radius.
    pub radius: f32,
}

/// The plate behind labels on stripes.
pub const PLATE: PlateStyle = PlateStyle { pad: 1.5, alpha: 210, radius: 3.0 };

/// One unit of stripe weight (one seat), measured along `x + y`; across the stripes that is
/// `STRIPE_UNIT / √2`.
pub const STRIPE_UNIT: f32 = 8.0;

/// What a ward label is read against.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Backdrop {
    /// The fill's colour, or the unit-weighted mean of its stripes.
    pub colour: Rgb,
    /// The fill is striped: the label gets a [`PLATE`] of `colour`.
    pub plate: bool,
}

impl Backdrop {
    /// Label text colour: dark on light fills, light on dark ones.
    #[must_use]
    pub fn text(&self) -> Rgb {
        self.colour.contrasting_text()
    }
}

/// The backdrop of a label on a ward with this fill.
#[must_use]
pub fn backdrop(fill: &FillStyle) -> Backdrop {
    let (colour, plate) = match fill {
        FillStyle::Solid(colour) => (*colour, false),
        FillStyle::NoData => (palette::NO_DATA, false),
        FillStyle::Stripes(stripes) => match palette::canonical_stripes(stripes) {
            Some(Ok(pattern)) => (palette::mean_colour(&pattern), true),
            Some(Err(only)) => (only, false),
            None => (palette::NO_DATA, false),
        },
    };
    Backdrop { colour, plate }
}

/// Export page text (title, legend).
pub const INK: Rgb = Rgb(0x1a, 0x1a, 0x1a);
/// Quieter export text: legend notes and counts, the attribution.
pub const MUTED: Rgb = Rgb(0x55, 0x55, 0x55);
/// The export's background and the legend box.
pub const WHITE: Rgb = Rgb(0xff, 0xff, 0xff);

#[cfg(test)]
mod tests {
    use super::*;

    const A: Rgb = Rgb(255, 0, 0);
    const B: Rgb = Rgb(0, 0, 255);

    #[test]
    fn a_split_wards_backdrop_is_its_seat_weighted_mean() {
        assert_eq!(
            backdrop(&FillStyle::Stripes(vec![(A, 2), (B, 1)])),
            Backdrop { colour: Rgb(170, 0, 85), plate: true }
        );
        assert_eq!(backdrop(&FillStyle::Solid(A)), Backdrop { colour: A, plate: false });
    }

    #[test]
    fn one_colour_stripes_and_no_data_get_no_plate() {
        assert_eq!(backdrop(&FillStyle::Stripes(vec![(A, 3), (A, 1)])), Backdrop { colour: A, plate: false });
        assert_eq!(backdrop(&FillStyle::NoData), Backdrop { colour: palette::NO_DATA, plate: false });
    }
}
