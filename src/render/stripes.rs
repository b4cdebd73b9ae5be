//! Split-ward stripes, shared by both writers and matching the app's: 45° bands, each party
//! as wide as its seats (reduced like the app reduces them), and the mean colour that label
//! text is read against.

use crate::model::palette::{FillStyle, Rgb};

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
