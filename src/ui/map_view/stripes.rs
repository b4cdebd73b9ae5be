//! Diagonal stripe fills for wards whose seats were split between parties.
//!
//! Each distinct pattern (say 2 Conservative : 1 Labour) becomes one small repeating texture:
//! a single row of texels, `TEXELS_PER_UNIT` per unit of weight. Mesh UVs are taken from
//! `x + y` in screen points, so the row repeats along the diagonal and draws 45° stripes of a
//! constant on-screen width at every zoom; the phase is anchored to a world point so the
//! stripes move with the map when it is dragged. Linear filtering softens stripe edges to
//! about a pixel: cheap anti-aliasing. Textures are cached in egui's memory by pattern.

use std::collections::HashMap;

use egui::{Color32, ColorImage, Context, Id, TextureHandle, TextureId, TextureOptions};

use crate::model::palette::Rgb;

/// Screen points along `x + y` per unit of stripe weight (≈ 5.7 points across a stripe): the
/// map style's unit, as exports draw it.
pub const POINTS_PER_UNIT: f32 = crate::render::style::STRIPE_UNIT;

/// A stripe pattern in canonical form: positive weights, no two neighbours (cyclically) of the
/// same colour, weights divided by their common factor. At least two entries.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Pattern(Vec<(Rgb, u32)>);

impl Pattern {
    /// The canonical pattern, or the single colour when the stripes are all one colour
    /// (`Err`), or `None` for an empty list.
    pub fn new(stripes: &[(Rgb, u32)]) -> Option<Result<Self, Rgb>> {
        crate::model::palette::canonical_stripes(stripes).map(|form| form.map(Pattern))
    }

    /// Total weight: the period of the pattern in units.
    pub fn units(&self) -> u32 {
        self.0.iter().map(|&(_, w)| w).sum()
    }

    /// The texture row: each colour repeated `weight * TEXELS_PER_UNIT` times.
    fn image(&self) -> ColorImage {
        let pixels: Vec<Color32> = crate::render::live_map::stripe_row(&self.0)
            .into_iter()
            .map(|c| Color32::from_rgb(c.0, c.1, c.2))
            .collect();
        ColorImage::new([pixels.len(), 1], pixels)
    }
}

/// Stripe textures by pattern; lives in egui's temporary memory so it follows the context.
#[derive(Clone, Default)]
struct TextureCache(HashMap<Pattern, TextureHandle>);

/// The texture of `pattern`, created on first use and kept for the life of the context.
pub fn texture_for(ctx: &Context, pattern: &Pattern) -> TextureId {
    let id = Id::unique("wardmap::map_view::stripe_textures");
    let cached = ctx.data_mut(|d| d.get_temp_mut_or_default::<TextureCache>(id).0.get(pattern).map(TextureHandle::id));
    if let Some(texture) = cached {
        return texture;
    }
    // Never call into the context while its memory is locked: load first, then store.
    let handle = ctx.load_texture("ward stripes", pattern.image(), TextureOptions::LINEAR_REPEAT);
    let texture = handle.id();
    ctx.data_mut(|d| d.get_temp_mut_or_default::<TextureCache>(id).0.insert(pattern.clone(), handle));
    texture
}

#[cfg(test)]
mod tests {
    use super::*;

    const CON: Rgb = Rgb(0, 0x87, 0xDC);
    const LAB: Rgb = Rgb(0xE4, 0, 0x3B);

    #[test]
    fn a_two_to_one_split_keeps_its_proportions() {
        let pattern = Pattern::new(&[(CON, 2), (LAB, 1)]).expect("not empty").expect("two colours");
        assert_eq!(pattern, Pattern(vec![(CON, 2), (LAB, 1)]));
        assert_eq!(pattern.image().size, [3 * crate::render::live_map::TEXELS_PER_UNIT, 1]);
    }

    #[test]
    fn equal_weights_reduce_to_one_unit_each() {
        let pattern = Pattern::new(&[(CON, 3), (LAB, 3)]).expect("not empty").expect("two colours");
        assert_eq!(pattern.units(), 2);
    }

    #[test]
    fn one_colour_or_zero_weights_are_not_stripes() {
        assert_eq!(Pattern::new(&[(CON, 2), (LAB, 0), (CON, 1)]), Some(Err(CON)));
        assert_eq!(Pattern::new(&[(LAB, 0)]), None);
        assert_eq!(Pattern::new(&[]), None);
    }

    #[test]
    fn absurd_weights_are_capped_to_a_small_texture() {
        let pattern = Pattern::new(&[(CON, 1_000_000), (LAB, 1)]).expect("not empty").expect("two colours");
        assert!(pattern.units() <= 48 + 1, "{}", pattern.units());
    }
}
