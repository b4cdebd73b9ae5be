//! Split-ward stripes, shared by both writers and matching the app's: 45° bands, each party
//! as wide as its seats (reduced like the app reduces them). The colour label text is read
//! against is the map style's [`super::style::backdrop`].

use crate::model::palette::Rgb;

/// Stripes run at this angle (degrees, as SVG's `rotate` of vertical bands): along lines of
/// constant `x + y`, rising to the right ("/"), the direction the map widget's textures run.
pub const STRIPE_ANGLE: f32 = 45.0;

pub use crate::model::palette::canonical_stripes;

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
}
