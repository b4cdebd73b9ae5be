//! A scatter plot as a picture to publish: title, what r means, the plot with its axes, the
//! points coloured by winner, the least-squares line, a key, the method and the credits.
//!
//! Laid out once into a [`Scene`], so the PNG and SVG writers draw the same picture, as they
//! do for maps. The y axis is titled above the plot, horizontally, as newspapers do: no
//! rotated text to read sideways.

use super::scene::{Anchor, Item, MapLayer, PxRect, Scene, TextRole, TextRun};
use super::style::{INK, MUTED, WHITE};
use super::text::{ascent, descent, measure, wrap};
use super::{RenderError, layout::MAX_SIDE, layout::MIN_WIDTH};
use crate::analysis::scatter::Scatter;
use crate::model::palette::Rgb;

const MARGIN: f32 = 20.0;
const TITLE_SIZE: f32 = 22.0;
const CAPTION_SIZE: f32 = 14.0;
const AXIS_SIZE: f32 = 13.0;
const TICK_SIZE: f32 = 12.0;
const KEY_SIZE: f32 = 13.0;
const NOTE_SIZE: f32 = 11.0;
const GAP: f32 = 14.0;
const DOT_RADIUS: f32 = 5.5;
const GRID: Rgb = Rgb(0xe4, 0xe4, 0xe4);
const ZERO_LINE: Rgb = Rgb(0xa0, 0xa0, 0xa0);
const WARNING: Rgb = Rgb(0xa3, 0x3a, 0x00);
/// The plot is this much as tall as it is wide.
const ASPECT: f32 = 0.6;

/// What to put around the plot.
#[derive(Clone, Debug, PartialEq)]
pub struct ScatterOptions {
    /// Image width at 1×, in pixels.
    pub width_px: u32,
    /// Pixel density, as for maps.
    pub scale: f32,
    /// The credits line along the bottom; `None` for none.
    pub attribution: Option<String>,
    /// Add Spearman's rank correlation to the key.
    pub rank: bool,
}

impl Default for ScatterOptions {
    fn default() -> Self {
        ScatterOptions { width_px: 1200, scale: 1.0, attribution: None, rank: true }
    }
}

/// What a plot is written as, by the file's extension.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ScatterFormat {
    Png,
    Svg,
    /// The points, one row per ward.
    Csv,
}

impl ScatterFormat {
    /// The format `path` names.
    ///
    /// # Errors
    /// An extension other than .png, .svg or .csv, in words.
    pub fn of(path: &std::path::Path) -> Result<ScatterFormat, String> {
        match path.extension().map(|e| e.to_string_lossy().to_lowercase()).as_deref() {
            Some("png") => Ok(ScatterFormat::Png),
            Some("svg") => Ok(ScatterFormat::Svg),
            Some("csv") => Ok(ScatterFormat::Csv),
            _ => Err(format!("cannot tell what to write to {}: name it .png, .svg or .csv", path.display())),
        }
    }
}

/// The file's bytes: the picture (PNG, SVG) or the points (CSV).
///
/// # Errors
/// A picture that cannot be laid out or encoded, in words.
pub fn encode_scatter(plot: &Scatter, format: ScatterFormat, opts: &ScatterOptions) -> Result<Vec<u8>, String> {
    if format == ScatterFormat::Csv {
        return plot.to_csv().map_err(|e| format!("could not write the points: {e}"));
    }
    let scene = scatter_scene(plot, opts).map_err(|e| e.to_string())?;
    match format {
        ScatterFormat::Png => super::encode_png(&scene).map_err(|e| e.to_string()),
        _ => Ok(super::write_svg(&scene).into_bytes()),
    }
}

/// The title of an exported plot: "Barnet 2018: Swing Con↔Lab 2014→2018 against Jewish
/// residents".
#[must_use]
pub fn scatter_title(plot: &Scatter) -> String {
    format!("{}: {} against {}", plot.title, plot.y.heading(), plot.x.heading())
}

/// Lay out the plot.
///
/// # Errors
/// A width or scale that cannot be drawn, or a picture larger than [`MAX_SIDE`].
pub fn scatter_scene(plot: &Scatter, opts: &ScatterOptions) -> Result<Scene, RenderError> {
    let s = opts.scale;
    if !(s.is_finite() && (0.25..=8.0).contains(&s)) {
        return Err(RenderError::BadScale(s));
    }
    if opts.width_px < MIN_WIDTH {
        return Err(RenderError::TooNarrow { width: opts.width_px, min: MIN_WIDTH });
    }
    if !super::text::fonts_available() {
        return Err(RenderError::Fonts);
    }
    let u = |v: f32| v * s;
    let width = (opts.width_px as f32 * s).round();
    let margin = u(MARGIN).round();
    let inner = width - 2.0 * margin;
    let mut items = Vec::new();
    let mut y = margin;
    let paragraph = |items: &mut Vec<Item>, y: &mut f32, text: &str, size: f32, colour: Rgb, role: TextRole| {
        for line in wrap(text, size, inner) {
            *y += ascent(size);
            items.push(Item::Text(TextRun::new(line, margin, *y, size, colour, Anchor::Start, role)));
            *y += descent(size) + 0.2 * size;
        }
    };
    paragraph(&mut items, &mut y, &scatter_title(plot), u(TITLE_SIZE), INK, TextRole::Title);
    y += u(4.0);
    paragraph(&mut items, &mut y, &plot.explanation(), u(CAPTION_SIZE), INK, TextRole::Caption);
    if let Some(warning) = plot.sample_warning() {
        paragraph(&mut items, &mut y, &warning, u(CAPTION_SIZE), WARNING, TextRole::Caption);
    }
    y += u(GAP);
    paragraph(&mut items, &mut y, &format!("↑ {}", plot.y.with_unit()), u(AXIS_SIZE), INK, TextRole::AxisTitle);
    y += u(6.0);

    let x_range = padded_range(plot.points.iter().map(|p| p.x));
    let y_range = padded_range(plot.points.iter().map(|p| p.y));
    let x_ticks = nice_ticks(x_range, 8);
    let y_ticks = nice_ticks(y_range, 10);
    let tick_w = y_ticks.iter().map(|t| measure(&tick_text(*t), u(TICK_SIZE))).fold(0.0, f32::max);
    let frame = PxRect { x: margin + tick_w + u(8.0), y, w: 0.0, h: 0.0 };
    let frame = PxRect { w: width - margin - frame.x, h: ((width - margin - frame.x) * ASPECT).round(), ..frame };
    let to_px = |(vx, vy): (f64, f64)| {
        let fx = ((vx - x_range.0) / (x_range.1 - x_range.0)) as f32;
        let fy = ((vy - y_range.0) / (y_range.1 - y_range.0)) as f32;
        (frame.x + fx * frame.w, frame.bottom() - fy * frame.h)
    };
    for &t in &y_ticks {
        let (_, py) = to_px((x_range.0, t));
        let colour = if t == 0.0 { ZERO_LINE } else { GRID };
        items.push(Item::Line { points: vec![(frame.x, py), (frame.right(), py)], colour, width: u(1.0) });
        let baseline = py + ascent(u(TICK_SIZE)) / 2.5;
        items.push(tick(tick_text(t), frame.x - u(6.0), baseline, u(TICK_SIZE), Anchor::End));
    }
    for &t in &x_ticks {
        let (px, _) = to_px((t, y_range.0));
        let colour = if t == 0.0 { ZERO_LINE } else { GRID };
        items.push(Item::Line { points: vec![(px, frame.y), (px, frame.bottom())], colour, width: u(1.0) });
        let baseline = frame.bottom() + u(6.0) + ascent(u(TICK_SIZE));
        items.push(tick(tick_text(t), px, baseline, u(TICK_SIZE), Anchor::Middle));
    }
    items.push(Item::Rect { rect: frame, fill: WHITE, stroke: None });
    // The white plate went on after the grid; move it under the grid lines.
    if let Some(plate) = items.pop() {
        let first_grid = items.iter().position(|i| matches!(i, Item::Line { .. })).unwrap_or(items.len());
        items.insert(first_grid, plate);
    }
    items.push(Item::Line {
        points: vec![(frame.x, frame.y), (frame.x, frame.bottom()), (frame.right(), frame.bottom())],
        colour: MUTED,
        width: u(1.0),
    });
    if let Some(fit) = plot.fit {
        let line = [x_range.0, x_range.1].map(|vx| to_px((vx, fit.intercept + fit.slope * vx)));
        if let Some(clipped) = clip(line, frame) {
            items.push(Item::Line { points: clipped.to_vec(), colour: INK, width: u(2.0) });
        }
    }
    for point in &plot.points {
        items.push(Item::Dot {
            centre: to_px((point.x, point.y)),
            radius: u(DOT_RADIUS),
            fill: point.colour,
            stroke: (WHITE, u(1.0)),
            label: Some(format!(
                "{}: {} {}, {} {}",
                point.name,
                tick_text(point.x),
                plot.x.unit,
                tick_text(point.y),
                plot.y.unit
            )),
        });
    }
    y = frame.bottom() + u(6.0) + ascent(u(TICK_SIZE)) + descent(u(TICK_SIZE)) + u(8.0);
    y += ascent(u(AXIS_SIZE));
    items.push(Item::Text(TextRun::new(
        format!("{} →", plot.x.with_unit()),
        frame.right(),
        y,
        u(AXIS_SIZE),
        INK,
        Anchor::End,
        TextRole::AxisTitle,
    )));
    y += descent(u(AXIS_SIZE)) + u(GAP);
    y = key(&mut items, plot, opts.rank, margin, y, inner, s);
    y += u(GAP) * 0.75;
    paragraph(&mut items, &mut y, &plot.method(), u(NOTE_SIZE), MUTED, TextRole::LegendNote);
    if let Some(credits) = opts.attribution.as_deref().map(str::trim).filter(|t| !t.is_empty()) {
        y += u(4.0);
        paragraph(&mut items, &mut y, credits, u(NOTE_SIZE), MUTED, TextRole::Attribution);
    }
    let height = (y + margin).ceil();
    if width > MAX_SIDE as f32 || height > MAX_SIDE as f32 {
        return Err(RenderError::TooLarge { width: width as u32, height: height as u32, max: MAX_SIDE });
    }
    Ok(Scene {
        width: width as u32,
        height: height as u32,
        background: WHITE,
        map: MapLayer::empty(),
        items,
        stripe_band: u(super::style::STRIPE_UNIT),
    })
}

/// The key: one dot per winning party with its count of wards, then the fitted line.
fn key(items: &mut Vec<Item>, plot: &Scatter, rank: bool, left: f32, top: f32, inner: f32, s: f32) -> f32 {
    let u = |v: f32| v * s;
    let size = u(KEY_SIZE);
    let row = u(22.0);
    let mut winners: Vec<(String, Rgb, usize)> = Vec::new();
    for point in &plot.points {
        match winners.iter_mut().find(|(name, _, _)| *name == point.winner) {
            Some(entry) => entry.2 += 1,
            None => winners.push((point.winner.clone(), point.colour, 1)),
        }
    }
    winners.sort_by(|a, b| b.2.cmp(&a.2).then_with(|| a.0.cmp(&b.0)));
    let (mut x, mut y) = (left, top + row / 2.0);
    for (name, colour, count) in &winners {
        let label = if name == "Split" { format!("Split wards ({count})") } else { format!("{name} won ({count})") };
        let w = u(DOT_RADIUS) * 2.0 + u(6.0) + measure(&label, size) + u(18.0);
        if x > left && x + w > left + inner {
            x = left;
            y += row;
        }
        items.push(Item::Dot {
            centre: (x + u(DOT_RADIUS), y),
            radius: u(DOT_RADIUS),
            fill: *colour,
            stroke: (WHITE, u(1.0)),
            label: None,
        });
        let text_x = x + 2.0 * u(DOT_RADIUS) + u(6.0);
        items.push(Item::Text(TextRun::new(
            label,
            text_x,
            y + ascent(size) / 2.5,
            size,
            INK,
            Anchor::Start,
            TextRole::LegendItem,
        )));
        x += w;
    }
    y += row;
    if let Some(label) = plot.fit_label() {
        let rank_text = plot.fit.filter(|_| rank).map(|f| format!("; rank r = {:.2}", f.rank_r)).unwrap_or_default();
        items.push(Item::Line { points: vec![(left, y), (left + u(24.0), y)], colour: INK, width: u(2.0) });
        items.push(Item::Text(TextRun::new(
            format!("Least-squares line: {label}{rank_text}"),
            left + u(32.0),
            y + ascent(size) / 2.5,
            size,
            INK,
            Anchor::Start,
            TextRole::LegendItem,
        )));
        y += row / 2.0;
    } else {
        y -= row / 2.0;
    }
    y
}

fn tick(text: String, x: f32, baseline: f32, size: f32, anchor: Anchor) -> Item {
    Item::Text(TextRun::new(text, x, baseline, size, MUTED, anchor, TextRole::Tick))
}

/// The values' range with 5% room each side (a unit either side of a single value).
fn padded_range(values: impl Iterator<Item = f64>) -> (f64, f64) {
    let (lo, hi) = values.fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| (lo.min(v), hi.max(v)));
    if !lo.is_finite() || !hi.is_finite() {
        return (0.0, 1.0);
    }
    if hi - lo < 1e-9 {
        return (lo - 1.0, hi + 1.0);
    }
    let pad = (hi - lo) * 0.05;
    (lo - pad, hi + pad)
}

/// Round tick values (1, 2 or 5 × a power of ten apart) inside `range`, about `wanted` of them.
#[must_use]
pub fn nice_ticks(range: (f64, f64), wanted: usize) -> Vec<f64> {
    let span = range.1 - range.0;
    if !(span.is_finite() && span > 0.0) || wanted == 0 {
        return Vec::new();
    }
    #[allow(clippy::cast_precision_loss, reason = "a handful of ticks")]
    let rough = span / wanted as f64;
    let power = 10f64.powf(rough.log10().floor());
    let step = [1.0, 2.0, 5.0, 10.0].into_iter().map(|m| m * power).find(|step| *step >= rough).unwrap_or(10.0 * power);
    let first = (range.0 / step).ceil();
    let last = (range.1 / step).floor();
    #[allow(clippy::cast_possible_truncation, reason = "at most a few dozen ticks")]
    let count = (last - first) as i64;
    (0..=count.max(-1)).map(|i| ((first + i as f64) * step * 1e9).round() / 1e9).collect()
}

/// A tick's number: no more decimals than it needs, "−" for minus as printed.
fn tick_text(value: f64) -> String {
    let text = if value.fract().abs() < 1e-9 { format!("{value:.0}") } else { format!("{value:.2}") };
    let text = if text.contains('.') { text.trim_end_matches('0').trim_end_matches('.').to_owned() } else { text };
    let text = if text == "-0" { "0".to_owned() } else { text };
    text.replace('-', "−")
}

/// The part of segment `a`–`b` inside `frame` (Liang–Barsky).
fn clip([a, b]: [(f32, f32); 2], frame: PxRect) -> Option<[(f32, f32); 2]> {
    let (dx, dy) = (b.0 - a.0, b.1 - a.1);
    let (mut t0, mut t1) = (0.0f32, 1.0f32);
    for (p, q) in [(-dx, a.0 - frame.x), (dx, frame.right() - a.0), (-dy, a.1 - frame.y), (dy, frame.bottom() - a.1)] {
        if p == 0.0 {
            if q < 0.0 {
                return None;
            }
            continue;
        }
        let t = q / p;
        if p < 0.0 {
            t0 = t0.max(t)
        } else {
            t1 = t1.min(t)
        }
        if t0 > t1 {
            return None;
        }
    }
    Some([(a.0 + t0 * dx, a.1 + t0 * dy), (a.0 + t1 * dx, a.1 + t1 * dy)])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::scatter::{Axis, ScatterPoint, fit};

    fn plot(points: &[(f64, f64)]) -> Scatter {
        let axis = |title: &str, unit: &str| Axis { title: title.into(), unit: unit.into(), note: None, credit: None };
        let points: Vec<ScatterPoint> = points
            .iter()
            .enumerate()
            .map(|(i, &(x, y))| ScatterPoint {
                ward: i,
                name: format!("Ward {i}"),
                code: None,
                borough: None,
                x,
                y,
                winner: if i % 2 == 0 { "Labour".into() } else { "Conservative".into() },
                colour: if i % 2 == 0 { Rgb(200, 0, 0) } else { Rgb(0, 0, 200) },
            })
            .collect();
        let pairs: Vec<(f64, f64)> = points.iter().map(|p| (p.x, p.y)).collect();
        Scatter {
            title: "Testborough 2018".into(),
            x: axis("Jewish residents, % of all usual residents, 2011 Census", "%"),
            y: axis("Swing Con↔Lab 2014→2018", "pts"),
            fit: fit(&pairs),
            points,
            left_out: 0,
            credits: "Credits".into(),
        }
    }

    fn texts(scene: &Scene, role: TextRole) -> Vec<String> {
        scene
            .items
            .iter()
            .filter_map(|i| match i {
                Item::Text(run) if run.role == role => Some(run.text.clone()),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn ticks_are_round_numbers_inside_the_range() {
        assert_eq!(nice_ticks((0.0, 10.0), 5), vec![0.0, 2.0, 4.0, 6.0, 8.0, 10.0]);
        assert_eq!(nice_ticks((-3.2, 7.9), 6), vec![-2.0, 0.0, 2.0, 4.0, 6.0]);
        assert_eq!(nice_ticks((0.12, 0.31), 4), vec![0.15, 0.2, 0.25, 0.3]);
        assert!(nice_ticks((1.0, 1.0), 5).is_empty());
        assert_eq!(tick_text(-2.5), "−2.5");
        assert_eq!(tick_text(10.0), "10");
    }

    #[test]
    fn the_plot_has_its_title_axes_points_line_key_and_method() {
        let data = [(1.0, 2.0), (2.0, 4.0), (3.0, 5.0), (4.0, 4.0), (5.0, 5.0), (6.0, 7.0)];
        let scene = scatter_scene(
            &plot(&data),
            &ScatterOptions { attribution: Some("Credits".into()), ..ScatterOptions::default() },
        )
        .expect("lays out");
        assert_eq!(
            texts(&scene, TextRole::Title),
            vec!["Testborough 2018: Swing Con↔Lab 2014→2018 against Jewish residents".to_owned()]
        );
        let axes = texts(&scene, TextRole::AxisTitle);
        assert!(axes.iter().any(|t| t.contains("Swing Con↔Lab 2014→2018 (pts)")), "{axes:?}");
        assert!(axes.iter().any(|t| t.contains("2011 Census (%)")), "{axes:?}");
        let dots = scene.items.iter().filter(|i| matches!(i, Item::Dot { label: Some(_), .. })).count();
        assert_eq!(dots, data.len());
        let key = texts(&scene, TextRole::LegendItem);
        assert!(key.iter().any(|t| t.starts_with("Least-squares line: n = 6, r = 0.8")), "{key:?}");
        assert!(key.iter().any(|t| t == "Conservative won (3)"), "{key:?}");
        let captions = texts(&scene, TextRole::Caption).join(" ");
        assert!(captions.contains("small sample"), "{captions}");
        assert!(texts(&scene, TextRole::LegendNote).join(" ").contains("least-squares"));
        assert_eq!(texts(&scene, TextRole::Attribution), vec!["Credits".to_owned()]);
        // Every point lies inside the picture.
        for item in &scene.items {
            if let Item::Dot { centre: (x, y), .. } = item {
                assert!(*x > 0.0 && *x < scene.width as f32 && *y > 0.0 && *y < scene.height as f32);
            }
        }
    }

    #[test]
    fn two_points_get_no_line_and_say_so() {
        let scene = scatter_scene(&plot(&[(1.0, 1.0), (2.0, 3.0)]), &ScatterOptions::default()).expect("lays out");
        assert!(!texts(&scene, TextRole::LegendItem).iter().any(|t| t.starts_with("Least-squares")));
        assert!(texts(&scene, TextRole::Caption).join(" ").contains("too few to fit a line"));
    }

    #[test]
    fn a_line_is_clipped_to_the_plot() {
        let frame = PxRect { x: 0.0, y: 0.0, w: 10.0, h: 10.0 };
        assert_eq!(clip([(-5.0, 5.0), (15.0, 5.0)], frame), Some([(0.0, 5.0), (10.0, 5.0)]));
        assert_eq!(clip([(-5.0, -5.0), (-1.0, -1.0)], frame), None);
    }
}
