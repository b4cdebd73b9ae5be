//! Text for the exported images, in egui's own fonts so an export reads like the app.
//!
//! egui draws proportional text in Ubuntu Light with Hack behind it for missing characters;
//! the same font bytes come from `epaint_default_fonts`. Sizes are em sizes, as egui counts
//! them. For PNG the glyph outlines become tiny-skia paths, so text is anti-aliased by the
//! same rasteriser as the map and is sharp at any scale (a 2× export gets 2× outlines, not an
//! upscaled bitmap). Layout uses [`measure`] for both formats.

use std::sync::OnceLock;

use ab_glyph::{Font, FontRef, GlyphId, OutlineCurve};
use tiny_skia::{Path, PathBuilder};

use super::scene::Anchor;

/// The two faces: egui's proportional font and its fallback.
struct Faces {
    main: FontRef<'static>,
    fallback: FontRef<'static>,
}

fn faces() -> Option<&'static Faces> {
    static FACES: OnceLock<Option<Faces>> = OnceLock::new();
    FACES
        .get_or_init(|| {
            let main = FontRef::try_from_slice(epaint_default_fonts::UBUNTU_LIGHT).ok()?;
            let fallback = FontRef::try_from_slice(epaint_default_fonts::HACK_REGULAR).ok()?;
            Some(Faces { main, fallback })
        })
        .as_ref()
}

/// True when the built-in fonts load (they are compiled in, so only a broken build fails).
pub fn fonts_available() -> bool {
    faces().is_some()
}

/// A glyph placed on a line: which face, which glyph, its pen position and em scale.
struct Placed {
    face: &'static FontRef<'static>,
    id: GlyphId,
    x: f32,
    /// Pixels per font unit.
    scale: f32,
}

/// Lay out one line: pen positions from advances and kerning, the fallback face for
/// characters the main face lacks. Returns the glyphs and the line's advance width.
fn shape(text: &str, size: f32) -> (Vec<Placed>, f32) {
    let Some(faces) = faces() else {
        return (Vec::new(), 0.0);
    };
    let mut placed = Vec::with_capacity(text.len());
    let mut x = 0.0;
    let mut previous: Option<(&FontRef<'static>, GlyphId)> = None;
    for c in text.chars() {
        let main_id = faces.main.glyph_id(c);
        let (face, id) = if main_id.0 == 0 && !c.is_whitespace() {
            (&faces.fallback, faces.fallback.glyph_id(c))
        } else {
            (&faces.main, main_id)
        };
        let scale = size / face.units_per_em().unwrap_or(1000.0);
        if let Some((prev_face, prev_id)) = previous
            && std::ptr::eq(prev_face, face)
        {
            x += face.kern_unscaled(prev_id, id) * scale;
        }
        placed.push(Placed { face, id, x, scale });
        x += face.h_advance_unscaled(id) * scale;
        previous = Some((face, id));
    }
    (placed, x)
}

/// The advance width of `text` at `size` pixels.
pub fn measure(text: &str, size: f32) -> f32 {
    shape(text, size).1
}

/// Distance from the baseline up to the top of the main face's tallest glyphs, in pixels.
pub fn ascent(size: f32) -> f32 {
    faces().map_or(size * 0.93, |f| f.main.ascent_unscaled() * size / f.main.units_per_em().unwrap_or(1000.0))
}

/// Distance from the baseline down to the bottom of descenders (positive), in pixels.
pub fn descent(size: f32) -> f32 {
    faces().map_or(size * 0.19, |f| -f.main.descent_unscaled() * size / f.main.units_per_em().unwrap_or(1000.0))
}

/// Break `text` into lines no wider than `max_width` at spaces. A single word wider than the
/// limit keeps a line of its own (it is never cut mid-word), and a signed number stays with
/// the word before it ("Lab −5"), so a net change is never split from its party. The lines
/// keep no-break spaces as ordinary spaces.
pub fn wrap(text: &str, size: f32, max_width: f32) -> Vec<String> {
    let mut tokens: Vec<String> = Vec::new();
    // Only ordinary spaces break a line: a no-break space (U+00A0) holds its words together.
    for word in text.split([' ', '\t', '\n']).filter(|w| !w.is_empty()) {
        let mut chars = word.chars();
        let signed =
            matches!(chars.next(), Some('+' | '-' | '−' | '±')) && chars.next().is_some_and(|c| c.is_ascii_digit());
        match tokens.last_mut() {
            Some(last) if signed => {
                last.push(' ');
                last.push_str(word);
            }
            _ => tokens.push(word.to_owned()),
        }
    }
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in tokens {
        let candidate = if line.is_empty() { word.clone() } else { format!("{line} {word}") };
        if line.is_empty() || measure(&candidate, size) <= max_width {
            line = candidate;
        } else {
            lines.push(std::mem::replace(&mut line, word));
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines.into_iter().map(|l| l.replace('\u{a0}', " ")).collect()
}

/// The glyph outlines of one line of text as a path in image pixels; `None` for blank text.
pub fn text_path(text: &str, size: f32, x: f32, baseline: f32, anchor: Anchor) -> Option<Path> {
    let (placed, width) = shape(text, size);
    let start = match anchor {
        Anchor::Start => x,
        Anchor::Middle => x - width / 2.0,
        Anchor::End => x - width,
    };
    let mut builder = PathBuilder::new();
    for glyph in &placed {
        let Some(outline) = glyph.face.outline(glyph.id) else {
            continue;
        };
        // Font units are y-up; the image is y-down.
        let at = |p: ab_glyph::Point| (start + glyph.x + p.x * glyph.scale, baseline - p.y * glyph.scale);
        let mut pen: Option<(f32, f32)> = None;
        for curve in &outline.curves {
            let (from, to) = match curve {
                OutlineCurve::Line(a, b) | OutlineCurve::Quad(a, _, b) | OutlineCurve::Cubic(a, _, _, b) => {
                    (at(*a), at(*b))
                }
            };
            if pen != Some(from) {
                if pen.is_some() {
                    builder.close();
                }
                builder.move_to(from.0, from.1);
            }
            match curve {
                OutlineCurve::Line(..) => builder.line_to(to.0, to.1),
                OutlineCurve::Quad(_, c, _) => {
                    let c = at(*c);
                    builder.quad_to(c.0, c.1, to.0, to.1);
                }
                OutlineCurve::Cubic(_, c1, c2, _) => {
                    let (c1, c2) = (at(*c1), at(*c2));
                    builder.cubic_to(c1.0, c1.1, c2.0, c2.1, to.0, to.1);
                }
            }
            pen = Some(to);
        }
        if pen.is_some() {
            builder.close();
        }
    }
    builder.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_built_in_fonts_load_and_measure_text() {
        assert!(fonts_available());
        let short = measure("Hale", 12.0);
        let long = measure("Finchley Church End", 12.0);
        assert!(short > 10.0 && long > short * 3.0, "{short} {long}");
        assert!((measure("Hale", 24.0) - 2.0 * short).abs() < 0.01);
    }

    #[test]
    fn characters_missing_from_ubuntu_fall_back_rather_than_vanish() {
        assert!(measure("2014 → 2018 ©", 12.0) > measure("2014  2018", 12.0));
        assert!(text_path("→", 12.0, 0.0, 10.0, Anchor::Start).is_some());
    }

    #[test]
    fn wrapping_keeps_lines_within_the_width_and_keeps_every_word() {
        let text = "Contains OS data © Crown copyright and database right. Source: ONS (OGL v3).";
        let lines = wrap(text, 11.0, 200.0);
        assert!(lines.len() > 1);
        assert!(lines.iter().all(|l| measure(l, 11.0) <= 200.0));
        assert_eq!(lines.join(" "), text);
    }

    #[test]
    fn a_signed_number_stays_with_the_word_before_it() {
        let narrow = measure("Net: Con +6 · Lab", 12.0);
        let lines = wrap("Net: Con +6 · Lab −5 · LD −1", 12.0, narrow);
        assert!(lines.iter().any(|l| l.contains("Lab −5")), "{lines:?}");
    }
}
