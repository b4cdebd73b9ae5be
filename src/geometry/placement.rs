//! Which wards get their name on the map, where, and at what size: one rule for the app's map
//! widget and the exporter, so that the screen and an export label the same wards.
//!
//! The placer knows no UI and no fonts. The caller says how world points map onto its view
//! (screen points in the app, image pixels in an export) and measures text with its own
//! fonts; the numbers of the rule (sizes, room, gap) are the map style's
//! (`render::style::LABELS`).
//!
//! Wards are taken largest first (ties by index). A ward's name goes centred on its label
//! spot, at the first size whose box fits the ward there, if that box lies inside the view
//! and keeps a small gap from every label placed before it.

use geo::Coord;

use super::labels::LabelSpot;
use super::prepared::PreparedWardSet;

/// A rectangle in view units (screen points or image pixels), x right, y down.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ViewRect {
    pub x: f32,
    pub y: f32,
    pub w: f32,
    pub h: f32,
}

impl ViewRect {
    #[must_use]
    pub fn right(&self) -> f32 {
        self.x + self.w
    }

    #[must_use]
    pub fn bottom(&self) -> f32 {
        self.y + self.h
    }

    /// True when the two rectangles share any area (touching edges do not count).
    #[must_use]
    pub fn overlaps(&self, other: &ViewRect) -> bool {
        self.x < other.right() && other.x < self.right() && self.y < other.bottom() && other.y < self.bottom()
    }

    /// True when `other` lies entirely inside `self` (edges included).
    #[must_use]
    pub fn contains(&self, other: &ViewRect) -> bool {
        other.x >= self.x && other.y >= self.y && other.right() <= self.right() && other.bottom() <= self.bottom()
    }

    /// The rectangle grown by `by` on every side.
    #[must_use]
    pub fn expand(&self, by: f32) -> ViewRect {
        ViewRect { x: self.x - by, y: self.y - by, w: self.w + 2.0 * by, h: self.h + 2.0 * by }
    }
}

/// The box a line of text takes, in view units.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TextSize {
    pub width: f32,
    pub height: f32,
}

/// Measures one line of text at a font size, both in view units.
pub type MeasureText<'a> = &'a dyn Fn(&str, f32) -> TextSize;

/// The numbers of the labelling rule, in style units (points in the app, pixels at 1× in an
/// export); see `render::style::LABELS`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LabelRules {
    /// Text sizes to try, the usual one first: a name that just misses at one size gets the
    /// next (smaller) one.
    pub sizes: &'static [f32],
    /// Wards with less horizontal room than this (or less vertical room than the smallest
    /// size) get no label and are not even measured.
    pub min_room: f32,
    /// Empty space kept between two labels.
    pub gap: f32,
}

/// How the world maps onto the view that labels are placed in.
pub struct LabelView<'a> {
    /// A world point (metres) in view units.
    pub to_view: &'a dyn Fn(Coord<f64>) -> (f32, f32),
    /// World metres per view unit.
    pub metres_per_unit: f64,
    /// Labels must lie wholly inside this rectangle (the map's frame on screen or in the image).
    pub frame: ViewRect,
    /// View units per style unit: 1 on screen, the export's scale in an image.
    pub scale: f32,
}

/// A label that was placed.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PlacedLabel {
    /// The centre of the text box: the ward's label anchor, in view units.
    pub centre: (f32, f32),
    /// The text box, in view units.
    pub rect: ViewRect,
    /// The text size, in view units (one of the rule's sizes times the view's scale).
    pub size: f32,
}

/// Where one ward's name goes, or why it has none.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Placement {
    /// Inside the ward, at its label spot.
    Inside(PlacedLabel),
    /// The name fits the ward at no size (or the ward has no usable shape).
    NoRoom,
    /// The name would fit the ward but would not lie wholly inside the view.
    OutOfView,
    /// The name would fit the ward but would come too close to a label placed before it.
    Crowded,
}

/// The outcome for one ward.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct WardLabel {
    /// The ward's index in the prepared set.
    pub ward: usize,
    pub placement: Placement,
}

/// Place the names of the wards in `names` (ward index and name; blank names and indices the
/// set does not have are left out). Returns one outcome per named ward, in the order they were
/// placed: largest ward first, ties by index. The same inputs always give the same outcome.
pub fn place_labels<'n>(
    wards: &PreparedWardSet,
    names: impl IntoIterator<Item = (usize, &'n str)>,
    view: &LabelView<'_>,
    rules: &LabelRules,
    measure: MeasureText<'_>,
) -> Vec<WardLabel> {
    let mut candidates: Vec<(usize, &str, f64, Option<LabelSpot>)> = names
        .into_iter()
        .filter_map(|(index, name)| {
            let name = name.trim();
            let ward = wards.ward(index).filter(|_| !name.is_empty())?;
            Some((index, name, ward.area, ward.label))
        })
        .collect();
    candidates.sort_by(|a, b| b.2.total_cmp(&a.2).then(a.0.cmp(&b.0)));

    let mut placed: Vec<ViewRect> = Vec::new();
    candidates
        .into_iter()
        .map(|(ward, name, _, spot)| {
            let placement = spot.map_or(Placement::NoRoom, |spot| place_one(name, spot, &placed, view, rules, measure));
            if let Placement::Inside(label) = placement {
                placed.push(label.rect);
            }
            WardLabel { ward, placement }
        })
        .collect()
}

/// One ward's name at `spot`, given the labels already placed.
fn place_one(
    name: &str,
    spot: LabelSpot,
    placed: &[ViewRect],
    view: &LabelView<'_>,
    rules: &LabelRules,
    measure: MeasureText<'_>,
) -> Placement {
    let per_unit = view.metres_per_unit;
    let smallest = rules.sizes.iter().copied().fold(f32::INFINITY, f32::min);
    if spot.width / per_unit < f64::from(rules.min_room * view.scale)
        || spot.height / per_unit < f64::from(smallest * view.scale)
    {
        return Placement::NoRoom;
    }
    let fitting = rules.sizes.iter().map(|size| size * view.scale).find_map(|size| {
        let text = measure(name, size);
        let fits = spot.fits(f64::from(text.width) * per_unit, f64::from(text.height) * per_unit);
        fits.then_some((size, text))
    });
    let Some((size, text)) = fitting else {
        return Placement::NoRoom;
    };
    let (x, y) = (view.to_view)(spot.anchor);
    let rect = ViewRect { x: x - text.width / 2.0, y: y - text.height / 2.0, w: text.width, h: text.height };
    if !view.frame.contains(&rect) {
        return Placement::OutOfView;
    }
    let spaced = rect.expand(rules.gap * view.scale);
    if placed.iter().any(|other| other.overlaps(&spaced)) {
        return Placement::Crowded;
    }
    Placement::Inside(PlacedLabel { centre: (x, y), rect, size })
}

#[cfg(test)]
mod tests {
    use geo::{MultiPolygon, Rect};

    use super::*;

    const RULES: LabelRules = LabelRules { sizes: &[11.0, 9.0], min_room: 24.0, gap: 3.0 };

    /// Every character is `0.5 × size` wide; lines are `1.2 × size` high.
    fn measure(text: &str, size: f32) -> TextSize {
        TextSize { width: 0.5 * size * text.chars().count() as f32, height: 1.2 * size }
    }

    fn square(x: f64, y: f64, side: f64) -> MultiPolygon<f64> {
        MultiPolygon::new(vec![Rect::new(Coord { x, y }, Coord { x: x + side, y: y + side }).to_polygon()])
    }

    /// One world metre per view unit, y flipped, in a 1000 × 1000 frame.
    fn place(wards: &[MultiPolygon<f64>], names: &[&str]) -> Vec<WardLabel> {
        let set = PreparedWardSet::from_world(wards.to_vec());
        let to_view = |world: Coord<f64>| (world.x as f32, (1000.0 - world.y) as f32);
        let view = LabelView {
            to_view: &to_view,
            metres_per_unit: 1.0,
            frame: ViewRect { x: 0.0, y: 0.0, w: 1000.0, h: 1000.0 },
            scale: 1.0,
        };
        place_labels(&set, names.iter().copied().enumerate(), &view, &RULES, &measure)
    }

    fn outcome(labels: &[WardLabel], ward: usize) -> Placement {
        labels.iter().find(|l| l.ward == ward).map(|l| l.placement).expect("an outcome for the ward")
    }

    #[test]
    fn a_roomy_ward_is_labelled_centred_at_the_usual_size() {
        let labels = place(&[square(100.0, 100.0, 200.0)], &["Hale"]);
        let Placement::Inside(label) = outcome(&labels, 0) else { panic!("{labels:?}") };
        assert_eq!(label.size, 11.0);
        assert_eq!(label.centre, (200.0, 800.0));
        let text = measure("Hale", 11.0);
        assert_eq!(label.rect, ViewRect { x: 200.0 - 11.0, y: 800.0 - text.height / 2.0, w: 22.0, h: text.height });
    }

    #[test]
    fn a_ward_too_small_gets_no_label() {
        let labels = place(&[square(100.0, 100.0, 20.0), square(500.0, 500.0, 200.0)], &["Hale", "Mill Hill"]);
        assert_eq!(outcome(&labels, 0), Placement::NoRoom);
        assert!(matches!(outcome(&labels, 1), Placement::Inside(_)));
    }

    #[test]
    fn a_name_that_just_misses_gets_the_smaller_size() {
        // 30 characters: 165 wide at 11, 135 at 9, in a ward with room for about 150.
        let name = "Averyveryveryverylongwardnamex";
        let labels = place(&[square(100.0, 100.0, 150.0)], &[name]);
        let Placement::Inside(label) = outcome(&labels, 0) else { panic!("{labels:?}") };
        assert_eq!(label.size, 9.0);
    }

    #[test]
    fn of_two_overlapping_candidates_only_the_larger_ward_is_labelled() {
        // Two wards overlap, so their label spots nearly coincide: the larger one wins.
        let wards = [square(100.0, 100.0, 100.0), square(105.0, 100.0, 110.0)];
        let labels = place(&wards, &["Hale", "Edgware"]);
        assert_eq!(labels.iter().map(|l| l.ward).collect::<Vec<_>>(), [1, 0], "largest first");
        assert!(matches!(outcome(&labels, 1), Placement::Inside(_)));
        assert_eq!(outcome(&labels, 0), Placement::Crowded);
    }

    #[test]
    fn a_label_crossing_the_frame_edge_is_out_of_view() {
        let labels = place(&[square(-150.0, 100.0, 200.0)], &["Hale"]);
        assert_eq!(outcome(&labels, 0), Placement::OutOfView);
    }

    #[test]
    fn blank_names_and_unknown_wards_are_left_out() {
        let set = PreparedWardSet::from_world(vec![square(100.0, 100.0, 200.0)]);
        let to_view = |world: Coord<f64>| (world.x as f32, world.y as f32);
        let view = LabelView {
            to_view: &to_view,
            metres_per_unit: 1.0,
            frame: ViewRect { x: 0.0, y: 0.0, w: 1000.0, h: 1000.0 },
            scale: 1.0,
        };
        let labels = place_labels(&set, [(0, "  "), (7, "Nowhere")], &view, &RULES, &measure);
        assert!(labels.is_empty(), "{labels:?}");
    }

    #[test]
    fn the_same_inputs_give_the_same_labels() {
        let wards: Vec<_> = (0..12).map(|k| square(f64::from(k % 4) * 30.0, f64::from(k / 4) * 30.0, 100.0)).collect();
        let names = [
            "Hale",
            "Mill Hill",
            "Edgware",
            "Burnt Oak",
            "Colindale",
            "Hendon",
            "West Hendon",
            "Childs Hill",
            "Garden Suburb",
            "Finchley Church End",
            "Totteridge",
            "Underhill",
        ];
        let first = place(&wards, &names);
        assert!(first.iter().any(|l| matches!(l.placement, Placement::Inside(_))));
        assert!(first.iter().any(|l| l.placement == Placement::Crowded));
        assert_eq!(first, place(&wards, &names));
    }
}
