//! The one palette of the app: party colours and the colours of map states.
//!
//! Colours are plain sRGB bytes so the core, the headless renderer and the UI share them;
//! the UI converts to `egui::Color32` at the edge.

use serde::{Deserialize, Serialize};

/// An opaque sRGB colour.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Rgb(pub u8, pub u8, pub u8);

impl Rgb {
    /// Parse `#RRGGBB`.
    pub fn from_hex(hex: &str) -> Option<Self> {
        let hex = hex.strip_prefix('#').unwrap_or(hex);
        if hex.len() != 6 || !hex.is_ascii() {
            return None;
        }
        let byte = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).ok();
        Some(Rgb(byte(0)?, byte(2)?, byte(4)?))
    }

    /// `#rrggbb`, as used in SVG and JSON output.
    pub fn to_hex(self) -> String {
        format!("#{:02x}{:02x}{:02x}", self.0, self.1, self.2)
    }

    /// Relative luminance (WCAG), used to pick readable label text over a fill.
    pub fn luminance(self) -> f64 {
        fn channel(c: u8) -> f64 {
            let c = f64::from(c) / 255.0;
            if c <= 0.039_28 { c / 12.92 } else { ((c + 0.055) / 1.055).powf(2.4) }
        }
        0.2126 * channel(self.0) + 0.7152 * channel(self.1) + 0.0722 * channel(self.2)
    }

    /// Black or white, whichever has more contrast over this colour.
    pub fn contrasting_text(self) -> Rgb {
        if self.luminance() > 0.179 { Rgb(0, 0, 0) } else { Rgb(255, 255, 255) }
    }

    /// Linear blend towards `other` by `t` in 0..=1.
    pub fn lerp(self, other: Rgb, t: f64) -> Rgb {
        let t = t.clamp(0.0, 1.0);
        let mix = |a: u8, b: u8| (f64::from(a) + (f64::from(b) - f64::from(a)) * t).round() as u8;
        Rgb(mix(self.0, other.0), mix(self.1, other.1), mix(self.2, other.2))
    }

    /// Build from hue (degrees), saturation and lightness (0..=1).
    pub fn from_hsl(hue: f64, saturation: f64, lightness: f64) -> Rgb {
        let c = (1.0 - (2.0 * lightness - 1.0).abs()) * saturation;
        let h = (hue.rem_euclid(360.0)) / 60.0;
        let x = c * (1.0 - (h % 2.0 - 1.0).abs());
        let (r, g, b) = match h as u32 {
            0 => (c, x, 0.0),
            1 => (x, c, 0.0),
            2 => (0.0, c, x),
            3 => (0.0, x, c),
            4 => (x, 0.0, c),
            _ => (c, 0.0, x),
        };
        let m = lightness - c / 2.0;
        let to_byte = |v: f64| ((v + m) * 255.0).round().clamp(0.0, 255.0) as u8;
        Rgb(to_byte(r), to_byte(g), to_byte(b))
    }
}

pub const CONSERVATIVE: Rgb = Rgb(0x00, 0x87, 0xDC);
pub const LABOUR: Rgb = Rgb(0xE4, 0x00, 0x3B);
pub const LIBERAL_DEMOCRAT: Rgb = Rgb(0xFA, 0xA6, 0x1A);
pub const GREEN: Rgb = Rgb(0x6A, 0xB0, 0x23);
pub const UKIP: Rgb = Rgb(0x70, 0x14, 0x7A);
pub const INDEPENDENT: Rgb = Rgb(0x80, 0x80, 0x80);
/// Reform UK's turquoise.
pub const REFORM: Rgb = Rgb(0x12, 0xB6, 0xCF);

/// Fill of a ward with no result joined to it.
pub const NO_DATA: Rgb = Rgb(0xE6, 0xE6, 0xE6);
/// Ward outlines.
pub const OUTLINE: Rgb = Rgb(0x30, 0x30, 0x30);

/// A colour for a party outside the known list: the same on every run and for every
/// spelling that normalises to the same name, spread around the hue circle by a stable hash.
pub fn colour_for_other_party(normalised_name: &str) -> Rgb {
    // FNV-1a: stable across runs and platforms, unlike std's randomly seeded hasher.
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in normalised_name.bytes() {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    let hue = (hash % 360) as f64;
    let lightness = 0.38 + ((hash >> 16) % 20) as f64 / 100.0;
    Rgb::from_hsl(hue, 0.55, lightness)
}

/// How one ward is filled on the map: computed by the analysis, drawn by the UI and the exporter.
#[derive(Clone, Debug, PartialEq)]
pub enum FillStyle {
    /// One colour.
    Solid(Rgb),
    /// Diagonal stripes of these colours, in this order, each colour repeated by its weight
    /// (for a ward split 2 Con / 1 Lab: `[(Con, 2), (Lab, 1)]`).
    Stripes(Vec<(Rgb, u32)>),
    /// No result for this ward.
    NoData,
}

/// Stripe patterns longer than this many units could not be told apart on a map.
const MAX_STRIPE_UNITS: u32 = 48;

/// A stripe list in the one form the app and the exporter both draw: zero weights dropped,
/// neighbours of one colour merged (also around the cycle), weights divided by their common
/// factor and capped at 48 units in total. One colour left: `Err(colour)`; nothing: `None`.
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

/// The weight-averaged colour of a stripe pattern: what label text over it is read against.
pub fn mean_colour(pattern: &[(Rgb, u32)]) -> Rgb {
    let units = f64::from(pattern.iter().map(|(_, w)| *w).sum::<u32>().max(1));
    let mean = |channel: fn(&Rgb) -> u8| {
        let sum: f64 = pattern.iter().map(|(c, w)| f64::from(channel(c)) * f64::from(*w)).sum();
        (sum / units).round() as u8
    };
    Rgb(mean(|c| c.0), mean(|c| c.1), mean(|c| c.2))
}

fn gcd(a: u32, b: u32) -> u32 {
    if b == 0 { a } else { gcd(b, a % b) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hex_round_trips() {
        assert_eq!(Rgb::from_hex("#0087DC"), Some(CONSERVATIVE));
        assert_eq!(CONSERVATIVE.to_hex(), "#0087dc");
        assert_eq!(Rgb::from_hex("#12345"), None);
        assert_eq!(Rgb::from_hex("#zz0000"), None);
    }

    #[test]
    fn other_party_colours_are_stable_and_differ() {
        let a = colour_for_other_party("women's equality");
        assert_eq!(a, colour_for_other_party("women's equality"));
        assert_ne!(a, colour_for_other_party("left unity"));
    }

    #[test]
    fn text_contrast_picks_white_on_dark_and_black_on_light() {
        assert_eq!(UKIP.contrasting_text(), Rgb(255, 255, 255));
        assert_eq!(LIBERAL_DEMOCRAT.contrasting_text(), Rgb(0, 0, 0));
    }
}
