//! A hostile ward for the geometry code: one ring of N vertices that winds round a centre
//! several times, wobbling in and out so that every winding crosses every other many times
//! (a spiral of loops, like a star polygon). Real files have such rings only by accident (a
//! digitising slip, a bad reprojection), but one must not stall a load or an export: the
//! benchmarks (`cargo bench -- rings`) and `benches/peers/hostile_ring.py`, which writes the
//! same bytes as files, measure it.
//!
//! A pure function of N, like the rest of [`crate::synthetic`]; not real data (the code is
//! `E05990001`, the name "Hostile Ring N").

use std::fmt::Write as _;
use std::path::Path;

use super::{BOROUGH, POLL_DATE, Synthetic};
use crate::io::boundaries;
use crate::io::properties::BoundaryOptions;
use crate::io::{LoadError, Opened, no_progress, results as results_reader};

// Keep these in step with benches/peers/hostile_ring.py.
const CENTRE_LON: f64 = -0.1;
const CENTRE_LAT: f64 = 51.5;
/// Degrees of latitude, about 2.2 km.
const RADIUS_LAT: f64 = 0.02;
/// How many times the ring goes round the centre.
pub const WINDINGS: usize = 7;
/// The radius swings between `1 - WOBBLE` and `1 + WOBBLE` times [`RADIUS_LAT`].
const WOBBLE: f64 = 0.25;
const VERTICES_PER_WOBBLE: usize = 20;
/// The fewest vertices generated.
pub const MIN_VERTICES: usize = 8;
/// The most vertices generated.
pub const MAX_VERTICES: usize = 5_000_000;
const CODE: &str = "E05990001";

/// Wobbles round the whole ring: about one per `VERTICES_PER_WOBBLE` vertices, and one more
/// than a multiple of [`WINDINGS`], so that successive windings are out of phase and cross.
fn wobbles(n: usize) -> usize {
    (n / (VERTICES_PER_WOBBLE * WINDINGS)).max(1) * WINDINGS + 1
}

/// The ring of `vertices` distinct points (clamped to `MIN_VERTICES..=MAX_VERTICES`), lon/lat,
/// closed (the first point again at the end).
pub fn ring(vertices: usize) -> Vec<(f64, f64)> {
    let n = vertices.clamp(MIN_VERTICES, MAX_VERTICES);
    let lon_scale = 1.0 / CENTRE_LAT.to_radians().cos();
    let w = wobbles(n) as f64;
    let mut points: Vec<(f64, f64)> = (0..n)
        .map(|i| {
            let f = i as f64 / n as f64;
            let angle = 2.0 * std::f64::consts::PI * WINDINGS as f64 * f;
            let r = RADIUS_LAT * (1.0 + WOBBLE * (2.0 * std::f64::consts::PI * w * f).sin());
            (CENTRE_LON + r * angle.cos() * lon_scale, CENTRE_LAT + r * angle.sin())
        })
        .collect();
    points.push(points[0]);
    points
}

/// The ward's name.
pub fn ward_name(vertices: usize) -> String {
    format!("Hostile Ring {}", vertices.clamp(MIN_VERTICES, MAX_VERTICES))
}

/// The hostile ward of `vertices` vertices as a GeoJSON FeatureCollection and its results CSV
/// (`wards` is 1).
pub fn generate(vertices: usize) -> Synthetic {
    Synthetic { wards: 1, geojson: geojson(vertices), results_csv: results_csv(vertices) }
}

/// The GeoJSON text: one feature, one Polygon of [`ring`], six decimals.
pub fn geojson(vertices: usize) -> String {
    let ring = ring(vertices);
    let mut out = String::with_capacity(ring.len() * 22 + 512);
    out.push_str(
        "{\"type\":\"FeatureCollection\",\"name\":\"wardmap hostile ring: NOT REAL DATA\",\"synthetic\":true,\
         \"features\":[\n",
    );
    let _ = write!(
        out,
        "{{\"type\":\"Feature\",\"properties\":{{\"WD24CD\":\"{CODE}\",\"WD24NM\":\"{}\",\"synthetic\":true}},\
         \"geometry\":{{\"type\":\"Polygon\",\"coordinates\":[[",
        ward_name(vertices)
    );
    for (k, (lon, lat)) in ring.into_iter().enumerate() {
        if k > 0 {
            out.push(',');
        }
        out.push('[');
        push_fixed6(&mut out, lon);
        out.push(',');
        push_fixed6(&mut out, lat);
        out.push(']');
    }
    out.push_str("]]}}\n]}\n");
    out
}

/// The results: three seats, five candidates, in wardmap's own CSV.
pub fn results_csv(vertices: usize) -> String {
    const CANDIDATES: [(&str, &str, u32, bool); 5] = [
        ("Ada Example", "Labour", 2140, true),
        ("Ben Example", "Labour", 2011, true),
        ("Cleo Example", "Conservative", 1987, true),
        ("Dev Example", "Conservative", 1702, false),
        ("Eve Example", "Green Party", 655, false),
    ];
    let name = ward_name(vertices);
    let mut out =
        String::from("election_date,borough,ward_code,ward,seats,electorate,turnout,candidate,party,votes,elected\n");
    for (candidate, party, votes, elected) in CANDIDATES {
        let _ =
            writeln!(out, "{POLL_DATE},{BOROUGH},{CODE},{name},3,9000,0.4100,{candidate},{party},{votes},{elected}");
    }
    out
}

/// Generate and read back through the real readers, as [`super::open`] does.
///
/// # Errors
/// None in practice (the tests hold it to that); the text goes through the real readers.
pub fn open(vertices: usize) -> Result<Vec<Opened>, LoadError> {
    let data = generate(vertices);
    let file = format!("hostile-ring-{}.geojson", vertices.clamp(MIN_VERTICES, MAX_VERTICES));
    let parsed = boundaries::parse_with(
        &data.geojson,
        Path::new(&file),
        "Hostile ring (not real data)",
        Some(2022),
        &BoundaryOptions::default(),
        &no_progress,
    )?;
    let results_file = file.replace(".geojson", ".csv");
    let results = results_reader::parse(&data.results_csv, Path::new(&results_file), BOROUGH, &no_progress)?;
    Ok(vec![
        Opened::Boundaries { path: file.into(), parsed },
        Opened::Results { path: results_file.into(), parsed: results },
    ])
}

/// `value` with exactly six decimals, rounded half away from zero (as the Python script does).
fn push_fixed6(out: &mut String, value: f64) {
    let micro = (value * 1e6).round() as i64;
    let sign = if micro < 0 { "-" } else { "" };
    let magnitude = micro.unsigned_abs();
    let _ = write!(out, "{sign}{}.{:06}", magnitude / 1_000_000, magnitude % 1_000_000);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_ring_is_closed_winds_round_the_centre_and_crosses_itself() {
        let ring = ring(700);
        assert_eq!(ring.len(), 701);
        assert_eq!(ring.first(), ring.last());
        assert!(crate::io::rings::self_crossing(&ring).is_some());
        // The winding number about the centre is the number of windings.
        let turn: f64 = ring
            .windows(2)
            .map(|w| {
                let a = (w[0].1 - CENTRE_LAT).atan2(w[0].0 - CENTRE_LON);
                let b = (w[1].1 - CENTRE_LAT).atan2(w[1].0 - CENTRE_LON);
                let mut d = b - a;
                while d > std::f64::consts::PI {
                    d -= std::f64::consts::TAU;
                }
                while d < -std::f64::consts::PI {
                    d += std::f64::consts::TAU;
                }
                d
            })
            .sum();
        assert_eq!((turn / std::f64::consts::TAU).round() as usize, WINDINGS);
    }

    #[test]
    fn the_files_read_back_as_one_ward_with_a_result_and_a_crossing_warning() {
        let opened = open(500).expect("the hostile ward reads back");
        let Some(Opened::Boundaries { parsed, .. }) = opened.first() else { panic!("boundaries first") };
        assert_eq!(parsed.ward_set.wards.len(), 1);
        assert!(parsed.warnings.iter().any(|w| w.contains("crosses itself")), "{:?}", parsed.warnings);
        let Some(Opened::Results { parsed, .. }) = opened.get(1) else { panic!("results second") };
        assert_eq!(parsed.elections.len(), 1);
        assert_eq!(generate(500).geojson, generate(500).geojson);
    }
}
