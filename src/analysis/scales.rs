//! Binned colour scales. The map and its legend are built from the same bins, so the legend
//! always matches what is shown. Values are classified as displayed (rounded to 0.1), so a
//! tooltip's "2.0 pts" never sits in a bin labelled "under 2".

use crate::model::Party;
use crate::model::palette::{self, Rgb};

/// Near-white, the pale end of every ramp and the centre of diverging ones; lighter than the
/// no-data grey so "no change" and "no result" differ.
pub const NEUTRAL: Rgb = Rgb(0xF7, 0xF7, 0xF7);

/// Okabe-Ito colours (safe for the common colour-vision deficiencies).
pub mod okabe_ito {
    use crate::model::palette::Rgb;
    pub const ORANGE: Rgb = Rgb(0xE6, 0x9F, 0x00);
    pub const SKY_BLUE: Rgb = Rgb(0x56, 0xB4, 0xE9);
    pub const BLUISH_GREEN: Rgb = Rgb(0x00, 0x9E, 0x73);
    pub const YELLOW: Rgb = Rgb(0xF0, 0xE4, 0x42);
    pub const BLUE: Rgb = Rgb(0x00, 0x72, 0xB2);
    pub const VERMILLION: Rgb = Rgb(0xD5, 0x5E, 0x00);
    pub const REDDISH_PURPLE: Rgb = Rgb(0xCC, 0x79, 0xA7);
    pub const GREY: Rgb = Rgb(0x99, 0x99, 0x99);
}

/// A cividis-like ramp, dark blue to yellow: ordered for readers with any colour vision.
const CIVIDIS: [Rgb; 5] =
    [Rgb(0x00, 0x22, 0x4E), Rgb(0x41, 0x4D, 0x6B), Rgb(0x7C, 0x7B, 0x78), Rgb(0xBC, 0xAF, 0x6F), Rgb(0xFD, 0xE7, 0x37)];

/// A party's colour on the map: its own, or its Okabe-Ito stand-in when colour-blind-safe.
pub fn party_map_colour(party: &Party, colour_blind: bool) -> Rgb {
    if !colour_blind {
        return party.colour;
    }
    match party.name.as_str() {
        "Conservative" => okabe_ito::BLUE,
        "Labour" => okabe_ito::VERMILLION,
        "Liberal Democrats" => okabe_ito::YELLOW,
        "Green" => okabe_ito::BLUISH_GREEN,
        "UKIP" => okabe_ito::REDDISH_PURPLE,
        "Independent" => okabe_ito::GREY,
        _ => okabe_ito::SKY_BLUE,
    }
}

/// A pale tint of a colour (for holds).
pub fn pale(colour: Rgb) -> Rgb {
    colour.lerp(Rgb(0xFF, 0xFF, 0xFF), 0.7)
}

/// `n` colours along a piecewise-linear ramp through `stops`.
fn along(stops: &[Rgb], n: usize) -> Vec<Rgb> {
    let Some((first, _)) = stops.split_first() else {
        return Vec::new();
    };
    if n <= 1 || stops.len() == 1 {
        return vec![*first; n];
    }
    (0..n)
        .map(|i| {
            let t = i as f64 / (n - 1) as f64 * (stops.len() - 1) as f64;
            let k = (t.floor() as usize).min(stops.len() - 2);
            stops[k].lerp(stops[k + 1], t - k as f64)
        })
        .collect()
}

/// `n` colours from pale to strong: tints of `hue`, or cividis (light to dark) when colour-blind-safe.
pub fn sequential(hue: Rgb, n: usize, colour_blind: bool) -> Vec<Rgb> {
    if colour_blind {
        let mut stops = CIVIDIS;
        stops.reverse();
        along(&stops, n)
    } else {
        along(&[NEUTRAL.lerp(hue, 0.12), hue, hue.lerp(Rgb(0, 0, 0), 0.35)], n)
    }
}

/// How a scale sorts values into bins.
#[derive(Clone, Debug, PartialEq)]
enum Rule {
    /// Ascending upper bounds: bin `i` holds values below `breaks[i]` and at or above the one before.
    Ascending(Vec<f64>),
    /// Bins by size either side of 0: `steps` ascending; bins are ordered most positive first,
    /// then the centre (|v| < steps[0]), then most negative last.
    Diverging(Vec<f64>),
}

/// One bin: its colour and its legend words.
#[derive(Clone, Debug, PartialEq)]
pub struct Bin {
    pub colour: Rgb,
    pub label: String,
}

/// A binned scale, in legend order.
#[derive(Clone, Debug, PartialEq)]
pub struct Scale {
    pub bins: Vec<Bin>,
    rule: Rule,
}

/// 2.0 → "2", 2.5 → "2.5".
pub fn number(x: f64) -> String {
    if (x - x.round()).abs() < 1e-9 { format!("{}", x.round()) } else { format!("{x:.1}") }
}

impl Scale {
    /// Bins split at `breaks` (ascending), labelled "under a", "a–b", …, "z and over", with `unit`
    /// appended ("%"). `colours` has one more entry than `breaks`.
    pub fn ascending(breaks: Vec<f64>, colours: &[Rgb], unit: &str) -> Scale {
        let n = breaks.len() + 1;
        let bins = (0..n)
            .map(|i| {
                let label = match (i.checked_sub(1).and_then(|j| breaks.get(j)), breaks.get(i)) {
                    (None, Some(hi)) => format!("under {}{unit}", number(*hi)),
                    (Some(lo), Some(hi)) => format!("{}–{}{unit}", number(*lo), number(*hi)),
                    (Some(lo), None) => format!("{}{unit} and over", number(*lo)),
                    (None, None) => "all".into(),
                };
                Bin { colour: colours.get(i).copied().unwrap_or(NEUTRAL), label }
            })
            .collect();
        Scale { bins, rule: Rule::Ascending(breaks) }
    }

    /// Symmetric bins either side of 0 at `steps` (ascending, positive): the positive side in
    /// `up` with `up_words` ("swing to Conservative"), the negative in `down`. Labels read
    /// "5–10 pts swing to Conservative", "under 2 pts either way".
    pub fn diverging(steps: Vec<f64>, up: Rgb, down: Rgb, up_words: &str, down_words: &str, unit: &str) -> Scale {
        let n = steps.len();
        let strength = |k: usize| 0.25 + 0.75 * k as f64 / n.saturating_sub(1).max(1) as f64;
        let range = |k: usize| match (steps.get(k), steps.get(k + 1)) {
            (Some(lo), Some(hi)) => format!("{}–{}{unit}", number(*lo), number(*hi)),
            (Some(lo), None) => format!("{}{unit} or more", number(*lo)),
            _ => String::new(),
        };
        let mut bins: Vec<Bin> = (0..n)
            .rev()
            .map(|k| Bin { colour: NEUTRAL.lerp(up, strength(k)), label: format!("{} {up_words}", range(k)) })
            .collect();
        let centre = steps.first().map_or_else(String::new, |s| format!("under {}{unit} either way", number(*s)));
        bins.push(Bin { colour: NEUTRAL, label: centre });
        bins.extend(
            (0..n)
                .map(|k| Bin { colour: NEUTRAL.lerp(down, strength(k)), label: format!("{} {down_words}", range(k)) }),
        );
        Scale { bins, rule: Rule::Diverging(steps) }
    }

    /// The bin of a value (classified as shown, rounded to 0.1); `None` for NaN.
    pub fn classify(&self, value: f64) -> Option<usize> {
        if !value.is_finite() {
            return None;
        }
        let v = (value * 10.0).round() / 10.0;
        match &self.rule {
            Rule::Ascending(breaks) => Some(breaks.iter().filter(|b| v >= **b - 1e-9).count()),
            Rule::Diverging(steps) => {
                let size = steps.iter().filter(|s| v.abs() >= **s - 1e-9).count();
                let n = steps.len();
                Some(match size {
                    0 => n,
                    k if v > 0.0 => n - k,
                    k => n + k,
                })
            }
        }
    }

    /// The colour of a value.
    pub fn colour_of(&self, value: f64) -> Option<Rgb> {
        self.classify(value).and_then(|i| self.bins.get(i)).map(|b| b.colour)
    }
}

/// Breaks for `classes` bins fitted to non-negative values (shares, turnout): a round step
/// (1, 2, 2.5, 5, 10, 20 or 25) so the range spans about `classes` bins, and breaks at multiples
/// of it centred on the middle of the range. The end bins are open ("under", "and over"), so
/// every value has a bin. With no values, as for 0–50.
pub fn nice_breaks(values: &[f64], classes: usize) -> Vec<f64> {
    let finite = values.iter().copied().filter(|v| v.is_finite());
    let (lo, hi) = finite.fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| (lo.min(v), hi.max(v)));
    let (lo, hi) = if lo.is_finite() { (lo, hi) } else { (0.0, 50.0) };
    let classes = classes.max(2);
    let step = [1.0, 2.0, 2.5, 5.0, 10.0, 20.0, 25.0]
        .into_iter()
        .find(|step| step * classes as f64 >= hi - lo)
        .unwrap_or(25.0);
    let inner = (classes - 2) as f64 / 2.0;
    let first = ((f64::midpoint(lo, hi) - inner * step) / step).round().max(1.0) * step;
    (0..classes - 1).map(|i| first + step * i as f64).collect()
}

/// The colours of the majority scale, smallest majority first (darkest, most saturated).
pub fn majority_colours(n: usize, colour_blind: bool) -> Vec<Rgb> {
    if colour_blind {
        along(&CIVIDIS, n)
    } else {
        along(
            &[
                Rgb(0x7F, 0x00, 0x00),
                Rgb(0xD7, 0x30, 0x1F),
                Rgb(0xFC, 0x8D, 0x59),
                Rgb(0xFD, 0xD4, 0x9E),
                Rgb(0xFF, 0xF7, 0xEC),
            ],
            n,
        )
    }
}

/// The grey-blue ramp for turnout (cividis when colour-blind-safe).
pub fn turnout_colours(n: usize, colour_blind: bool) -> Vec<Rgb> {
    sequential(Rgb(0x3B, 0x5B, 0x80), n, colour_blind)
}

/// The two sides of a diverging scale for a pair of parties: their own colours, or their
/// colour-blind stand-ins (blue and orange when those coincide).
pub fn pair_colours(a: &Party, b: &Party, colour_blind: bool) -> (Rgb, Rgb) {
    let (ca, cb) = (party_map_colour(a, colour_blind), party_map_colour(b, colour_blind));
    if ca == cb { (okabe_ito::BLUE, okabe_ito::ORANGE) } else { (ca, cb) }
}

/// The two sides of a change scale: a rise in the party's colour, a fall in grey (or, when
/// colour-blind-safe, blue for a rise and orange for a fall).
pub fn change_colours(party: &Party, colour_blind: bool) -> (Rgb, Rgb) {
    if colour_blind { (okabe_ito::BLUE, okabe_ito::ORANGE) } else { (party.colour, Rgb(0x4D, 0x4D, 0x4D)) }
}

/// The colour for "no result" on every scale.
pub const NO_DATA: Rgb = palette::NO_DATA;

/// The two greys of the legend's "other kinds" swatch: striped like a split ward, in no
/// party's colour.
pub const NO_DATA_STRIPE: (crate::model::palette::Rgb, crate::model::palette::Rgb) =
    (crate::model::palette::Rgb(0xB0, 0xB0, 0xB0), crate::model::palette::Rgb(0xE0, 0xE0, 0xE0));

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascending_bins_are_labelled_from_their_breaks_and_classify_as_shown() {
        let scale = Scale::ascending(vec![1.0, 5.0, 10.0, 20.0], &majority_colours(5, false), "%");
        let labels: Vec<&str> = scale.bins.iter().map(|b| b.label.as_str()).collect();
        assert_eq!(labels, ["under 1%", "1–5%", "5–10%", "10–20%", "20% and over"]);
        assert_eq!(scale.classify(0.01), Some(0));
        assert_eq!(scale.classify(0.96), Some(1), "0.96 shows as 1.0, so it is in 1–5");
        assert_eq!(scale.classify(20.0), Some(4));
        assert_eq!(scale.classify(f64::NAN), None);
    }

    #[test]
    fn diverging_bins_are_symmetric_around_zero() {
        let scale = Scale::diverging(
            vec![2.0, 5.0, 10.0, 20.0],
            okabe_ito::BLUE,
            okabe_ito::ORANGE,
            "swing to A",
            "swing to B",
            " pts",
        );
        assert_eq!(scale.bins.len(), 9);
        assert_eq!(scale.bins[0].label, "20 pts or more swing to A");
        assert_eq!(scale.bins[1].label, "10–20 pts swing to A");
        assert_eq!(scale.bins[4].label, "under 2 pts either way");
        assert_eq!(scale.bins[8].label, "20 pts or more swing to B");
        assert_eq!(scale.classify(8.05), Some(2));
        assert_eq!(scale.classify(-7.86), Some(6));
        assert_eq!(scale.classify(1.96), Some(3), "1.96 shows as 2.0");
        assert_eq!(scale.classify(-1.9), Some(4));
        assert_eq!(scale.classify(0.0), Some(4));
        assert_eq!(scale.bins[4].colour, NEUTRAL);
    }

    #[test]
    fn nice_breaks_fit_five_classes_around_the_values() {
        assert_eq!(nice_breaks(&[15.2, 65.1], 5), vec![30.0, 40.0, 50.0, 60.0]);
        assert_eq!(nice_breaks(&[0.5, 9.0], 5), vec![2.0, 4.0, 6.0, 8.0]);
        assert_eq!(nice_breaks(&[], 5), vec![10.0, 20.0, 30.0, 40.0]);
    }

    #[test]
    fn colour_blind_party_colours_are_okabe_ito() {
        let con = Party::from_source("Conservative");
        assert_eq!(party_map_colour(&con, true), okabe_ito::BLUE);
        assert_eq!(party_map_colour(&con, false), palette::CONSERVATIVE);
    }
}
