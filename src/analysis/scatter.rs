//! One measure against another, ward by ward: the points of a scatter plot, the least-squares
//! line, Pearson's r and Spearman's rank correlation, and the words that say what they mean.
//!
//! Both axes are measures of the registry, so anything the map can be coloured by (shares,
//! change, swing, turnout, majority, census shares, a user's opened columns) can be plotted
//! against anything else. The app's Scatter panel, the exports and `wardmap scatter` all use
//! [`scatter`], so they show the same points and the same line.

use super::measures::{ColourSpec, Context, Unavailable, measure};
use super::outcome::{ContestOutcome, Winner};
use super::scales::party_map_colour;
use crate::model::palette::Rgb;
use crate::model::{Dataset, ElectionId};

/// Below this many points the plot warns that the sample is small.
pub const SMALL_SAMPLE: usize = 10;

/// No line is fitted through fewer points than this.
pub const MIN_FIT_POINTS: usize = 3;

/// The grey of points in wards split between parties.
pub const SPLIT_COLOUR: Rgb = Rgb(0x80, 0x80, 0x80);

/// One ward with a value on both axes.
#[derive(Clone, Debug, PartialEq)]
pub struct ScatterPoint {
    /// The ward's index in the election's ward set (what the map selects).
    pub ward: usize,
    pub name: String,
    pub code: Option<String>,
    pub borough: Option<String>,
    pub x: f64,
    pub y: f64,
    /// Who won the ward: a party's name, or "Split" for a ward shared between parties.
    pub winner: String,
    /// The winner's map colour (grey for a split ward).
    pub colour: Rgb,
}

/// The least-squares line y = intercept + slope · x and how well it fits.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Fit {
    pub n: usize,
    /// In y's units per x's unit.
    pub slope: f64,
    pub intercept: f64,
    /// Pearson's product-moment correlation.
    pub r: f64,
    /// Spearman's rank correlation (Pearson's r of the ranks, ties given their mean rank).
    pub rank_r: f64,
}

/// One axis: what it shows and in which unit.
#[derive(Clone, Debug, PartialEq)]
pub struct Axis {
    /// The measure's heading: "Jewish residents, % of all usual residents, 2011 Census".
    pub title: String,
    /// The unit of its values: "%", "pts", or empty.
    pub unit: String,
    /// Any caveat of the measure (an approximation, a notional baseline): shown with the method.
    pub note: Option<String>,
    /// The credit of figures that are not the election's own (the census).
    pub credit: Option<String>,
}

/// A scatter plot of two measures over the wards of one election.
#[derive(Clone, Debug, PartialEq)]
pub struct Scatter {
    /// "Barnet 2018".
    pub title: String,
    pub x: Axis,
    pub y: Axis,
    pub points: Vec<ScatterPoint>,
    /// `None` below [`MIN_FIT_POINTS`] points, or when every x (or every y) is the same.
    pub fit: Option<Fit>,
    /// Wards of the set with no value on one axis or the other.
    pub left_out: usize,
    /// The sources of both axes, as their licences ask: results, boundaries, census.
    pub credits: String,
}

/// Why a scatter plot cannot be drawn.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum ScatterError {
    #[error("the {axis} axis cannot be shown: {reason}")]
    Axis { axis: &'static str, reason: Unavailable },
    #[error("no ward has a value on both axes")]
    NoPoints,
}

/// The points of `x` against `y` on election `id`, one per ward with both values, limited to
/// the wards of `borough` when given (for a map of London).
///
/// # Errors
/// An axis whose measure cannot be shown for the election, or no ward with both values.
pub fn scatter(
    data: &Dataset,
    id: ElectionId,
    x: &ColourSpec,
    y: &ColourSpec,
    borough: Option<&str>,
) -> Result<Scatter, ScatterError> {
    let axis = |spec: &ColourSpec, name: &'static str| {
        let on = Context { data, id, spec };
        let the_measure = measure(spec.mode);
        let err = |reason| ScatterError::Axis { axis: name, reason };
        the_measure.availability(&on).map_err(err)?;
        let values = the_measure.ward_values(&on).map_err(err)?;
        let notional = spec.mode.needs_baseline().then(|| on.pair().ok().and_then(|p| p.notional_note(data))).flatten();
        let note = the_measure.caveat(&on).or(notional);
        let axis = Axis {
            title: the_measure.column_title(&on),
            unit: the_measure.unit(&on),
            note,
            credit: the_measure.credit(&on),
        };
        Ok((axis, values))
    };
    let (x_axis, xs) = axis(x, "x")?;
    let (y_axis, ys) = axis(y, "y")?;
    let joined = data.election(id).ok_or(ScatterError::Axis { axis: "x", reason: Unavailable::NoSuchElection })?;
    let set = joined.ward_set.and_then(|s| data.ward_set(s));
    let wanted = borough.map(crate::model::borough::normalise_borough);
    let mut points = Vec::new();
    let mut left_out = 0;
    for (ward, (vx, vy)) in xs.iter().zip(&ys).enumerate() {
        let Some(info) = set.and_then(|s| s.wards.get(ward)) else { continue };
        if let Some(wanted) = &wanted {
            let in_borough = info.borough.as_deref().or(Some(joined.election.borough.as_str()));
            if in_borough.map(crate::model::borough::normalise_borough).as_ref() != Some(wanted) {
                continue;
            }
        }
        let (Some(px), Some(py)) = (vx.as_ref().and_then(|v| v.number), vy.as_ref().and_then(|v| v.number)) else {
            left_out += 1;
            continue;
        };
        let (winner, colour) = data.contest_in_ward(id, ward).map_or_else(
            || ("No result".to_owned(), SPLIT_COLOUR),
            |contest| {
                let outcome = ContestOutcome::of(contest);
                match (&outcome.winner, outcome.seats.first()) {
                    (Winner::Party { party }, Some((p, _))) => (party.clone(), party_map_colour(p, x.colour_blind)),
                    (Winner::Split { .. }, _) => ("Split".to_owned(), SPLIT_COLOUR),
                    _ => ("No candidates".to_owned(), SPLIT_COLOUR),
                }
            },
        );
        points.push(ScatterPoint {
            ward,
            name: info.name.clone(),
            code: info.code.clone(),
            borough: info.borough.clone(),
            x: px,
            y: py,
            winner,
            colour,
        });
    }
    if points.is_empty() {
        return Err(ScatterError::NoPoints);
    }
    let pairs: Vec<(f64, f64)> = points.iter().map(|p| (p.x, p.y)).collect();
    let title = match borough {
        Some(b) if joined.election.borough != b => format!("{b} {}", joined.election.year),
        _ => joined.election.title(),
    };
    let baseline = [x, y].into_iter().find_map(|spec| crate::analysis::measures::baseline_of(data, id, spec));
    let mut credits = crate::model::credits::attribution_for_all(data, Some(id), baseline);
    let mut extra: Vec<&String> = [&x_axis.credit, &y_axis.credit].into_iter().flatten().collect();
    extra.dedup();
    for credit in extra {
        credits.push(' ');
        credits.push_str(credit);
    }
    Ok(Scatter { title, x: x_axis, y: y_axis, fit: fit(&pairs), points, left_out, credits })
}

/// The least-squares fit of `points`, with both correlations; `None` below [`MIN_FIT_POINTS`]
/// points or when x or y does not vary.
#[must_use]
pub fn fit(points: &[(f64, f64)]) -> Option<Fit> {
    let n = points.len();
    if n < MIN_FIT_POINTS {
        return None;
    }
    let (r, slope, intercept) = pearson(points)?;
    let xs: Vec<f64> = points.iter().map(|p| p.0).collect();
    let ys: Vec<f64> = points.iter().map(|p| p.1).collect();
    let ranked: Vec<(f64, f64)> = ranks(&xs).into_iter().zip(ranks(&ys)).collect();
    let rank_r = pearson(&ranked).map_or(0.0, |(r, _, _)| r);
    Some(Fit { n, slope, intercept, r, rank_r })
}

/// (r, slope, intercept), or `None` when x or y has no spread.
fn pearson(points: &[(f64, f64)]) -> Option<(f64, f64, f64)> {
    #[allow(clippy::cast_precision_loss, reason = "a count of wards")]
    let n = points.len() as f64;
    let mean_x = points.iter().map(|p| p.0).sum::<f64>() / n;
    let mean_y = points.iter().map(|p| p.1).sum::<f64>() / n;
    let (mut sxx, mut syy, mut sxy) = (0.0, 0.0, 0.0);
    for &(x, y) in points {
        let (dx, dy) = (x - mean_x, y - mean_y);
        sxx += dx * dx;
        syy += dy * dy;
        sxy += dx * dy;
    }
    if sxx <= f64::EPSILON * n || syy <= f64::EPSILON * n {
        return None;
    }
    let slope = sxy / sxx;
    Some(((sxy / (sxx * syy).sqrt()).clamp(-1.0, 1.0), slope, mean_y - slope * mean_x))
}

/// Ranks from 1, ties given the mean of the ranks they span.
fn ranks(values: &[f64]) -> Vec<f64> {
    let mut order: Vec<usize> = (0..values.len()).collect();
    order.sort_by(|&a, &b| values[a].total_cmp(&values[b]));
    let mut out = vec![0.0; values.len()];
    let mut start = 0;
    while start < order.len() {
        let mut end = start + 1;
        while end < order.len() && values[order[end]] == values[order[start]] {
            end += 1;
        }
        #[allow(clippy::cast_precision_loss, reason = "ranks of a few thousand wards")]
        let mean_rank = (start + end + 1) as f64 / 2.0;
        for &i in &order[start..end] {
            out[i] = mean_rank;
        }
        start = end;
    }
    out
}

/// How strong a correlation of this size is usually called.
#[must_use]
pub fn strength(r: f64) -> &'static str {
    match r.abs() {
        a if a < 0.1 => "no",
        a if a < 0.3 => "a weak",
        a if a < 0.5 => "a moderate",
        a if a < 0.7 => "a strong",
        _ => "a very strong",
    }
}

impl Axis {
    /// The title up to its first comma, as printed: "Jewish residents", "Swing Con↔Lab 2014→2018".
    #[must_use]
    pub fn heading(&self) -> &str {
        self.title.split(',').next().unwrap_or(&self.title).trim()
    }

    /// The whole title with its unit: "Jewish residents, % of all usual residents, 2011 Census (%)".
    #[must_use]
    pub fn with_unit(&self) -> String {
        if self.unit.is_empty() { self.title.clone() } else { format!("{} ({})", self.title, self.unit) }
    }

    /// A value on this axis with its unit: "4.0 %", "-2.3 pts".
    #[must_use]
    pub fn value_text(&self, value: f64) -> String {
        if self.unit.is_empty() { format!("{value:.1}") } else { format!("{value:.1} {}", self.unit) }
    }

    /// The title up to its first comma, as it reads inside a sentence: "Jewish residents",
    /// "swing Con↔Lab 2014→2018" (a capital kept where the next letter is one too: "ONS").
    #[must_use]
    pub fn short_title(&self) -> String {
        let short = self.heading();
        let mut chars = short.chars();
        match (chars.next(), chars.next()) {
            (Some(first), Some(second)) if first.is_uppercase() && second.is_lowercase() && !names_a_people(short) => {
                first.to_lowercase().chain(short.chars().skip(1)).collect()
            }
            _ => short.to_owned(),
        }
    }
}

/// Whether a title opens with a word English keeps capitalised (a religion, a people, a party):
/// "Jewish residents", "Labour share".
fn names_a_people(title: &str) -> bool {
    const PROPER: &[&str] = &[
        "Jewish",
        "Christian",
        "Muslim",
        "Hindu",
        "Sikh",
        "Buddhist",
        "Labour",
        "Conservative",
        "Green",
        "Liberal",
        "Reform",
        "Independent",
        "London",
        "English",
        "British",
        "Irish",
        "Asian",
        "Black",
        "White",
        "Con",
        "Lab",
        "LD",
        "Grn",
        "Ref",
        "Ind",
    ];
    title.split_whitespace().next().is_some_and(|word| PROPER.contains(&word))
}

impl Scatter {
    /// "n = 21, r = 0.52, slope 0.31 pts per %": the legend entry of the fitted line.
    #[must_use]
    pub fn fit_label(&self) -> Option<String> {
        let fit = self.fit?;
        let per = if self.x.unit.is_empty() { "per unit of x".to_owned() } else { format!("per {}", self.x.unit) };
        let y_unit = if self.y.unit.is_empty() { String::new() } else { format!(" {}", self.y.unit) };
        Some(format!("n = {}, r = {:.2}, slope {:.3}{y_unit} {per}", fit.n, fit.r, fit.slope))
    }

    /// What r means, in one line: "r = 0.52, a strong correlation: wards with more X tended to
    /// have more Y." Or why there is no line.
    #[must_use]
    pub fn explanation(&self) -> String {
        let Some(fit) = self.fit else {
            return if self.points.len() < MIN_FIT_POINTS {
                format!("{} points: too few to fit a line (it takes {MIN_FIT_POINTS}).", self.points.len())
            } else {
                "No line: one of the measures is the same in every ward.".to_owned()
            };
        };
        let (x, y) = (self.x.short_title(), self.y.short_title());
        let sentence = if fit.r.abs() < 0.1 {
            format!("wards with more {x} had neither more nor less {y}")
        } else if fit.r > 0.0 {
            format!("wards with more {x} tended to have more {y}")
        } else {
            format!("wards with more {x} tended to have less {y}")
        };
        let relation = strength(fit.r);
        format!("r = {:.2}, {relation} correlation: {sentence}. A correlation is not a cause.", fit.r)
    }

    /// The warning of a small sample, when there is one.
    #[must_use]
    pub fn sample_warning(&self) -> Option<String> {
        (self.points.len() < SMALL_SAMPLE)
            .then(|| format!("Only {} wards: a small sample, so r may be chance.", self.points.len()))
    }

    /// The method in one paragraph, for exports.
    #[must_use]
    pub fn method(&self) -> String {
        let mut text =
            "One point per ward; the line is the ordinary least-squares fit of y on x; r is Pearson's correlation, \
             rank r Spearman's."
                .to_owned();
        for note in [&self.x.note, &self.y.note].into_iter().flatten() {
            text.push(' ');
            text.push_str(note);
        }
        if self.left_out > 0 {
            text.push_str(&format!(" {} wards without a value on both axes are left out.", self.left_out));
        }
        text
    }

    /// The points as CSV: ward code, name, borough, winner, x, y (the axes' titles in the header).
    ///
    /// # Errors
    /// Only if the CSV writer fails in memory.
    pub fn to_csv(&self) -> Result<Vec<u8>, csv::Error> {
        let mut writer = csv::Writer::from_writer(Vec::new());
        writer.write_record(["ward_code", "ward", "borough", "winner", &self.x.with_unit(), &self.y.with_unit()])?;
        for p in &self.points {
            writer.write_record([
                p.code.as_deref().unwrap_or(""),
                &p.name,
                p.borough.as_deref().unwrap_or(""),
                &p.winner,
                &p.x.to_string(),
                &p.y.to_string(),
            ])?;
        }
        writer.into_inner().map_err(|e| csv::Error::from(e.into_error()))
    }
}

/// One measure a scatter axis can show: its name (as `wardmap scatter --x` takes it) and the
/// words of the picker.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AxisChoice {
    pub name: String,
    pub label: String,
}

/// How many parties get share and change axes of their own in the picker.
const PICKER_PARTIES: usize = 5;

/// The measures an axis picker offers for election `id`: the leading parties' shares and
/// changes, the swing pair of `base`, turnout, majority and every column of ward figures on
/// the election's wards. Only those that can be shown are offered.
#[must_use]
pub fn axis_choices(data: &Dataset, id: ElectionId, base: &ColourSpec) -> Vec<AxisChoice> {
    use super::measures::{ColourMode, axis_name};
    let Some(joined) = data.election(id) else { return Vec::new() };
    let parties: Vec<String> =
        super::borough::parties_standing(&joined.election).into_iter().take(PICKER_PARTIES).map(|p| p.name).collect();
    let mut specs: Vec<ColourSpec> = Vec::new();
    for mode in [ColourMode::Share, ColourMode::Change] {
        specs.extend(parties.iter().map(|party| ColourSpec { mode, party: party.clone(), ..base.clone() }));
    }
    specs.push(base.with_mode(ColourMode::Swing));
    specs.push(base.with_mode(ColourMode::Turnout));
    specs.push(base.with_mode(ColourMode::Majority));
    if let Some(set) = joined.ward_set {
        for (table, _) in data.attributes_on(set) {
            for (_, column) in table.measured_columns() {
                let year = table.year.map_or_else(String::new, |y| format!(":{y}"));
                let attribute = format!("{}:{}{year}", table.key, column.key);
                specs.push(ColourSpec { mode: ColourMode::Attribute, attribute, ..base.clone() });
            }
        }
    }
    specs
        .into_iter()
        .filter_map(|spec| {
            let on = Context { data, id, spec: &spec };
            let the_measure = measure(spec.mode);
            the_measure.availability(&on).ok()?;
            Some(AxisChoice { name: axis_name(&spec), label: the_measure.column_title(&on) })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_perfect_line_has_r_one_and_its_slope_and_intercept() {
        let fit = fit(&[(0.0, 1.0), (1.0, 3.0), (2.0, 5.0), (3.0, 7.0)]).expect("fits");
        assert!((fit.slope - 2.0).abs() < 1e-12);
        assert!((fit.intercept - 1.0).abs() < 1e-12);
        assert!((fit.r - 1.0).abs() < 1e-12);
        assert!((fit.rank_r - 1.0).abs() < 1e-12);
    }

    #[test]
    fn r_and_rank_r_match_a_worked_example() {
        // x = 1..5, y = 2, 4, 5, 4, 5: r = 0.7746 (sxy 6, sxx 10, syy 6), slope 0.6, intercept 2.2.
        let points = [(1.0, 2.0), (2.0, 4.0), (3.0, 5.0), (4.0, 4.0), (5.0, 5.0)];
        let fit = fit(&points).expect("fits");
        assert!((fit.r - 6.0 / 60f64.sqrt()).abs() < 1e-12);
        assert!((fit.slope - 0.6).abs() < 1e-12);
        assert!((fit.intercept - 2.2).abs() < 1e-12);
        // y ranks with ties: 1, 2.5, 4.5, 2.5, 4.5: sxy 7, sxx 10, syy 9, so rank r = 7 / √90.
        assert!((fit.rank_r - 7.0 / 90f64.sqrt()).abs() < 1e-12, "{}", fit.rank_r);
    }

    #[test]
    fn no_line_through_fewer_than_three_points_or_without_spread() {
        assert_eq!(fit(&[(0.0, 1.0), (1.0, 2.0)]), None);
        assert_eq!(fit(&[(1.0, 1.0), (1.0, 2.0), (1.0, 3.0)]), None);
        assert_eq!(fit(&[(1.0, 1.0), (2.0, 1.0), (3.0, 1.0)]), None);
    }

    #[test]
    fn tied_values_share_their_mean_rank() {
        assert_eq!(ranks(&[10.0, 20.0, 10.0, 30.0]), vec![1.5, 3.0, 1.5, 4.0]);
    }

    #[test]
    fn strength_words_follow_the_usual_thresholds() {
        assert_eq!(strength(0.05), "no");
        assert_eq!(strength(-0.2), "a weak");
        assert_eq!(strength(0.45), "a moderate");
        assert_eq!(strength(-0.6), "a strong");
        assert_eq!(strength(0.9), "a very strong");
    }

    fn axis(title: &str) -> Axis {
        Axis { title: title.into(), unit: String::new(), note: None, credit: None }
    }

    #[test]
    fn the_explanation_reads_as_a_sentence_about_the_two_measures() {
        assert_eq!(axis("Jewish residents, % of all usual residents, 2011 Census").short_title(), "Jewish residents");
        assert_eq!(axis("Swing Con↔Lab 2014→2018").short_title(), "swing Con↔Lab 2014→2018");
        assert_eq!(axis("Lab share 2018").short_title(), "Lab share 2018");
        assert_eq!(axis("ONS deprivation score").short_title(), "ONS deprivation score");
        let point = |ward: usize, x: f64, y: f64| ScatterPoint {
            ward,
            name: format!("W{ward}"),
            code: None,
            borough: None,
            x,
            y,
            winner: "Labour".into(),
            colour: SPLIT_COLOUR,
        };
        let points: Vec<ScatterPoint> = [(0.0, 3.0), (1.0, 2.0), (2.0, 1.0), (3.0, 0.0)]
            .iter()
            .enumerate()
            .map(|(i, &(x, y))| point(i, x, y))
            .collect();
        let pairs: Vec<(f64, f64)> = points.iter().map(|p| (p.x, p.y)).collect();
        let plot = Scatter {
            title: "T".into(),
            x: axis("Turnout 2018"),
            y: axis("Lab share 2018"),
            fit: fit(&pairs),
            points,
            left_out: 2,
            credits: String::new(),
        };
        assert_eq!(
            plot.explanation(),
            "r = -1.00, a very strong correlation: wards with more turnout 2018 tended to have less Lab share 2018. \
             A correlation is not a cause."
        );
        assert_eq!(plot.sample_warning().as_deref(), Some("Only 4 wards: a small sample, so r may be chance."));
        assert!(plot.method().contains("2 wards without a value on both axes are left out"), "{}", plot.method());
    }
}
