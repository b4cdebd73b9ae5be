//! The map part of an export: the frame's world view, ward paths in pixels and ward labels.

use geo::{Coord, Rect};

use super::scene::{Anchor, MapTransform, Plate, PxRect, TextRole, TextRun, WardPath};
use super::{RenderError, style, text};
use crate::geometry::{LabelView, Placement, PreparedWardSet, TextSize, place_labels};
use crate::model::WardSet;
use crate::model::palette::FillStyle;

/// Space left around the ward set when no view is given, as a fraction of its size.
const FIT_PADDING: f64 = 0.02;

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
    let view = Rect::new(Coord { x: view.min().x, y: centre_y - half }, Coord { x: view.max().x, y: centre_y + half });
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

/// Ward names placed by the map's labelling rule ([`place_labels`] with [`style::LABELS`]),
/// so an export names the wards the screen names: largest wards first, one line, only where
/// the text fits the ward, lies inside the frame and keeps a small gap from the names already
/// placed. Names on stripes get a translucent plate of the stripes' mean colour.
pub fn ward_labels(
    set: &WardSet,
    prepared: &PreparedWardSet,
    fills: &[FillStyle],
    at: &MapTransform,
    scale: f32,
) -> (Vec<Plate>, Vec<TextRun>, Vec<(usize, String)>) {
    let to_view = |world| at.to_frame(world);
    let measure = |name: &str, size: f32| TextSize {
        width: text::measure(name, size),
        height: text::ascent(size) + text::descent(size),
    };
    let view = LabelView {
        to_view: &to_view,
        metres_per_unit: 1.0 / at.pixels_per_metre,
        frame: PxRect { x: 0.0, y: 0.0, w: at.frame.w, h: at.frame.h },
        scale,
    };
    let names = set.wards.iter().enumerate().map(|(index, ward)| (index, ward.name.as_str()));
    let (mut plates, mut runs): (Vec<Plate>, Vec<TextRun>) = Default::default();
    // Wards in view whose name has no room inside them get a number on the map and a line in
    // the key: no name is dropped.
    let mut numbered: Vec<(usize, String)> = Vec::new();
    let mut placed_labels = place_labels(prepared, names, &view, &style::LABELS, &measure);
    placed_labels.sort_by_key(|l| set.wards.get(l.ward).map(|w| w.name.clone()));
    for label in placed_labels {
        let Some(source) = set.wards.get(label.ward) else { continue };
        let placed = match label.placement {
            Placement::Inside(placed) => placed,
            Placement::NoRoom | Placement::Crowded => {
                let Some(anchor) = prepared.ward(label.ward).and_then(|w| w.label.as_ref()).map(|l| l.anchor) else {
                    continue;
                };
                let number = numbered.len() + 1;
                numbered.push((number, source.name.trim().to_owned()));
                let (x, y) = to_view(anchor);
                let size = style::LABELS.sizes.last().copied().unwrap_or(9.0) * scale;
                let text = number.to_string();
                let half = text::measure(&text, size) / 2.0;
                plates.push(Plate {
                    rect: PxRect {
                        x: x - half - 2.0 * scale,
                        y: y - size * 0.7,
                        w: 2.0 * half + 4.0 * scale,
                        h: size * 1.3,
                    },
                    colour: crate::model::palette::Rgb(0xff, 0xff, 0xff),
                    alpha: 230,
                    radius: style::PLATE.radius * scale,
                });
                runs.push(TextRun {
                    text,
                    x,
                    baseline: y + text::ascent(size) / 2.0 - size * 0.1,
                    size,
                    colour: crate::model::palette::Rgb(0x1a, 0x1a, 0x1a),
                    anchor: Anchor::Middle,
                    role: TextRole::WardLabel,
                });
                continue;
            }
            Placement::OutOfView => continue,
        };
        let backdrop = style::backdrop(fills.get(label.ward).unwrap_or(&FillStyle::NoData));
        if backdrop.plate {
            let rect = placed.rect.expand(style::PLATE.pad * scale);
            plates.push(Plate {
                rect,
                colour: backdrop.colour,
                alpha: style::PLATE.alpha,
                radius: style::PLATE.radius * scale,
            });
        }
        runs.push(TextRun {
            text: source.name.trim().to_owned(),
            x: placed.centre.0,
            baseline: placed.rect.y + text::ascent(placed.size),
            size: placed.size,
            colour: backdrop.text(),
            anchor: Anchor::Middle,
            role: TextRole::WardLabel,
        });
    }
    (plates, runs, numbered)
}
