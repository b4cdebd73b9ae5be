//! Write a [`Scene`] as hand-written SVG: one even-odd `<path>` per ward, stripes as
//! `<pattern>`s laid out exactly like the PNG's, real `<text>` so the words stay editable and
//! searchable in a layout program.

use std::fmt::Write;

use super::scene::{Anchor, Item, PxRect, Scene, TextRun};
use super::stripes::{STRIPE_ANGLE, canonical_stripes, stripe_bands};
use super::text::measure;
use crate::model::palette::{FillStyle, NO_DATA, Rgb};

/// egui's proportional face first, then look-alikes for viewers without it.
const FONT_FAMILY: &str = "Ubuntu, 'Ubuntu Light', 'Helvetica Neue', Arial, sans-serif";

/// The SVG document for the scene.
pub fn write(scene: &Scene) -> String {
    let mut patterns: Vec<Vec<(Rgb, u32)>> = Vec::new();
    let mut body = String::new();
    let frame = scene.map.transform.frame;
    let _ = writeln!(body, r#"<rect width="100%" height="100%" fill="{}"/>"#, scene.background.to_hex());
    let _ = writeln!(body, r#"<g id="map" transform="translate({} {})">"#, num(frame.x), num(frame.y));
    let _ = writeln!(body, r#"<g clip-path="url(#map-clip)">"#);
    let (edge, alpha, width) = scene.map.outline;
    let _ = writeln!(
        body,
        r#"<g id="wards" stroke="{}" stroke-opacity="{}" stroke-width="{}" stroke-linejoin="round">"#,
        edge.to_hex(),
        opacity(alpha),
        num(width)
    );
    for ward in &scene.map.wards {
        let mut d = String::new();
        for ring in ward.rings.iter().filter(|r| r.len() >= 3) {
            for (i, &(x, y)) in ring.iter().enumerate() {
                let _ = write!(d, "{}{} {}", if i == 0 { "M" } else { "L" }, num(x), num(y));
            }
            d.push('Z');
        }
        let code = ward.code.as_deref().map(|c| format!(r#" data-code="{}""#, escape(c))).unwrap_or_default();
        let _ = writeln!(
            body,
            r#"<path id="ward-{}" data-name="{}"{code} fill="{}" fill-rule="evenodd" d="{d}"><title>{}</title></path>"#,
            ward.index,
            escape(&ward.name),
            fill_ref(&ward.fill, &mut patterns),
            escape(&ward.name),
        );
    }
    body.push_str("</g>\n");
    if !scene.map.group_outlines.is_empty() {
        let (edge, width) = scene.map.group_outline;
        let mut d = String::new();
        for line in &scene.map.group_outlines {
            for (i, &(x, y)) in line.iter().enumerate() {
                let _ = write!(d, "{}{} {}", if i == 0 { "M" } else { "L" }, num(x), num(y));
            }
        }
        let _ = writeln!(
            body,
            r#"<path id="borough-outlines" fill="none" stroke="{}" stroke-width="{}" stroke-linejoin="round" d="{d}"/>"#,
            edge.to_hex(),
            num(width)
        );
    }
    body.push_str("<g id=\"labels\">\n");
    for plate in &scene.map.plates {
        let _ = writeln!(
            body,
            r#"<rect {} rx="{r}" ry="{r}" fill="{}" fill-opacity="{}"/>"#,
            rect_attrs(&plate.rect),
            plate.colour.to_hex(),
            opacity(plate.alpha),
            r = num(plate.radius),
        );
    }
    for label in &scene.map.labels {
        text(&mut body, label);
    }
    body.push_str("</g>\n</g>\n</g>\n<g id=\"furniture\">\n");
    for item in &scene.items {
        match item {
            Item::Rect { rect, fill, stroke } => {
                let stroke = stroke.map(|(c, w)| stroke_attrs(c, w)).unwrap_or_default();
                let _ = writeln!(body, r#"<rect {} fill="{}"{stroke}/>"#, rect_attrs(rect), fill.to_hex());
            }
            Item::Swatch { rect, fill, stroke: (edge, width) } => {
                let fill = fill_ref(fill, &mut patterns);
                let _ = writeln!(body, r#"<rect {} fill="{fill}"{}/>"#, rect_attrs(rect), stroke_attrs(*edge, *width));
            }
            Item::Text(run) => text(&mut body, run),
            Item::Line { points, colour, width } => {
                let mut d = String::new();
                for (i, &(x, y)) in points.iter().enumerate() {
                    let _ = write!(d, "{}{} {}", if i == 0 { "M" } else { "L" }, num(x), num(y));
                }
                let _ = writeln!(
                    body,
                    r#"<path fill="none" stroke="{}" stroke-width="{}" stroke-linecap="round" d="{d}"/>"#,
                    colour.to_hex(),
                    num(*width)
                );
            }
            Item::Dot { centre: (x, y), radius, fill, stroke: (edge, width), label } => {
                let circle = format!(
                    r#"<circle cx="{}" cy="{}" r="{}" fill="{}"{}"#,
                    num(*x),
                    num(*y),
                    num(*radius),
                    fill.to_hex(),
                    stroke_attrs(*edge, *width)
                );
                match label {
                    Some(label) => {
                        let _ = writeln!(body, "{circle}><title>{}</title></circle>", escape(label));
                    }
                    None => {
                        let _ = writeln!(body, "{circle}/>");
                    }
                }
            }
        }
    }
    body.push_str("</g>\n");

    let mut out = String::with_capacity(body.len() + 2048);
    out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    let _ = writeln!(
        out,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" viewBox="0 0 {w} {h}" font-family="{FONT_FAMILY}" font-weight="300">"#,
        w = scene.width,
        h = scene.height,
    );
    if let Some(title) = scene.items.iter().find_map(|i| match i {
        Item::Text(run) if run.role == super::scene::TextRole::Title => Some(&run.text),
        _ => None,
    }) {
        let _ = writeln!(out, "<title>{}</title>", escape(title));
    }
    out.push_str("<defs>\n");
    let _ = writeln!(
        out,
        r#"<clipPath id="map-clip"><rect x="0" y="0" width="{}" height="{}"/></clipPath>"#,
        num(frame.w),
        num(frame.h)
    );
    for (i, colours) in patterns.iter().enumerate() {
        let (bands, period) = stripe_bands(colours, scene.stripe_band);
        let _ = writeln!(
            out,
            r#"<pattern id="stripes-{i}" patternUnits="userSpaceOnUse" width="{p}" height="{p}" patternTransform="rotate({})">"#,
            num(STRIPE_ANGLE),
            p = num(period),
        );
        for band in bands {
            let _ = writeln!(
                out,
                r#"<rect x="{}" y="0" width="{}" height="{}" fill="{}"/>"#,
                num(band.offset),
                num(band.width),
                num(period),
                band.colour.to_hex()
            );
        }
        out.push_str("</pattern>\n");
    }
    out.push_str("</defs>\n");
    out.push_str(&body);
    out.push_str("</svg>\n");
    out
}

/// A fill attribute value: a colour, or a reference to the (shared) stripe pattern.
fn fill_ref(fill: &FillStyle, patterns: &mut Vec<Vec<(Rgb, u32)>>) -> String {
    match fill {
        FillStyle::Solid(c) => c.to_hex(),
        FillStyle::NoData => NO_DATA.to_hex(),
        FillStyle::Stripes(stripes) => match canonical_stripes(stripes) {
            None => NO_DATA.to_hex(),
            Some(Err(only)) => only.to_hex(),
            Some(Ok(pattern)) => {
                let index = patterns.iter().position(|p| *p == pattern).unwrap_or_else(|| {
                    patterns.push(pattern);
                    patterns.len() - 1
                });
                format!("url(#stripes-{index})")
            }
        },
    }
}

/// An 0–255 alpha as an SVG opacity.
fn opacity(alpha: u8) -> String {
    num(f32::from(alpha) / 255.0)
}

fn text(out: &mut String, run: &TextRun) {
    let anchor = match run.anchor {
        Anchor::Start => "",
        Anchor::Middle => r#" text-anchor="middle""#,
        Anchor::End => r#" text-anchor="end""#,
    };
    // The layout measured this text in egui's font; a viewer without that font is told the
    // width so its substitute cannot spill out of the legend box or a ward.
    let _ = writeln!(
        out,
        r#"<text class="{}" x="{}" y="{}" font-size="{}" fill="{}"{anchor} textLength="{}" lengthAdjust="spacingAndGlyphs">{}</text>"#,
        run.role.class(),
        num(run.x),
        num(run.baseline),
        num(run.size),
        run.colour.to_hex(),
        num(measure(&run.text, run.size)),
        escape(&run.text)
    );
}

fn rect_attrs(rect: &PxRect) -> String {
    format!(r#"x="{}" y="{}" width="{}" height="{}""#, num(rect.x), num(rect.y), num(rect.w), num(rect.h))
}

fn stroke_attrs(colour: Rgb, width: f32) -> String {
    format!(r#" stroke="{}" stroke-width="{}""#, colour.to_hex(), num(width))
}

/// A coordinate with at most two decimals and no trailing zeros: small files, exact enough.
fn num(v: f32) -> String {
    let text = format!("{:.2}", if v.is_finite() { v } else { 0.0 });
    let text = text.trim_end_matches('0').trim_end_matches('.');
    if text == "-0" { "0".to_owned() } else { text.to_owned() }
}

/// Text safe inside XML content and attribute values.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c if c.is_control() && !matches!(c, '\t' | '\n' | '\r') => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_short_and_never_negative_zero() {
        assert_eq!(num(1.0), "1");
        assert_eq!(num(1.25), "1.25");
        assert_eq!(num(-0.001), "0");
        assert_eq!(num(f32::NAN), "0");
    }

    #[test]
    fn markup_characters_are_escaped() {
        assert_eq!(escape("A & B <C> \"D\""), "A &amp; B &lt;C&gt; &quot;D&quot;");
    }
}
