//! The wards as a GeoJSON FeatureCollection, written as ONS files are: one Polygon per ward,
//! `WDyyCD`/`WDyyNM` properties, coordinates to six decimals (about 10 cm).
//!
//! Written by hand rather than through serde: the text is tens of MB at 10,000 wards and
//! building a `serde_json::Value` of it first would double the generator's time and memory.

use std::fmt::Write as _;

use super::layout::Layout;
use super::names::{ward_code, ward_name};

/// The GeoJSON text of every ward of `layout`.
pub fn write(layout: &Layout) -> String {
    // ~22 bytes per position, 201 positions per ward, plus properties.
    let mut out = String::with_capacity(layout.cells.len() * 4_600 + 256);
    out.push_str(
        "{\"type\":\"FeatureCollection\",\"name\":\"wardmap synthetic wards: NOT REAL DATA\",\
         \"synthetic\":true,\"features\":[\n",
    );
    for (index, &cell) in layout.cells.iter().enumerate() {
        if index > 0 {
            out.push_str(",\n");
        }
        let _ = write!(
            out,
            "{{\"type\":\"Feature\",\"properties\":{{\"WD24CD\":\"{}\",\"WD24NM\":\"{}\",\"synthetic\":true}},\
             \"geometry\":{{\"type\":\"Polygon\",\"coordinates\":[[",
            ward_code(index),
            ward_name(index)
        );
        for (k, (lon, lat)) in layout.ring(cell).into_iter().enumerate() {
            if k > 0 {
                out.push(',');
            }
            out.push('[');
            push_fixed6(&mut out, lon);
            out.push(',');
            push_fixed6(&mut out, lat);
            out.push(']');
        }
        out.push_str("]]}}");
    }
    out.push_str("\n]}\n");
    out
}

/// `value` with exactly six decimals, as a JSON number. Integer formatting is several times
/// faster than `{:.6}` on f64, which matters for four million numbers.
fn push_fixed6(out: &mut String, value: f64) {
    let micro = (value * 1e6).round() as i64;
    let sign = if micro < 0 { "-" } else { "" };
    let magnitude = micro.unsigned_abs();
    let _ = write!(out, "{sign}{}.{:06}", magnitude / 1_000_000, magnitude % 1_000_000);
}

#[cfg(test)]
mod tests {
    use super::push_fixed6;

    #[test]
    fn numbers_are_written_with_six_decimals_and_their_sign() {
        let mut out = String::new();
        for v in [-0.118, 51.49, -0.000_000_4, 0.0, 12.345_678_9] {
            push_fixed6(&mut out, v);
            out.push(' ');
        }
        assert_eq!(out, "-0.118000 51.490000 0.000000 0.000000 12.345679 ");
    }
}
