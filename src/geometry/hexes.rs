//! Hex cartograms as geometry: each ward's hex as a polygon in world units, from a published
//! layout (HexJSON) or from one generated here out of the ward centres. The map widget, hit
//! testing, labels and exports then work on the hexes exactly as on the wards' own shapes.

use geo::{Centroid, Coord, LineString, MultiPolygon, Polygon};

use super::projection::project;
use crate::model::WardSet;
use crate::model::hexmap::{Hex, HexLayout, HexOffset, HexSource};

/// A hex's circumradius in world units (metres of a notional map): the layout is drawn at
/// about the size of a London borough's wards, so zoom levels and label sizes behave.
pub const HEX_SIZE: f64 = 400.0;

const SQRT_3: f64 = 1.732_050_807_568_877_2;

fn is_odd(v: i32) -> bool {
    v.rem_euclid(2) == 1
}

/// The centre of hex (q, r), rows (r) counted upwards.
#[must_use]
pub fn centre(offset: HexOffset, q: i32, r: i32) -> Coord<f64> {
    let half = |odd: bool| if odd { 0.5 } else { 0.0 };
    let (qf, rf) = (f64::from(q), f64::from(r));
    match offset {
        HexOffset::OddR => Coord { x: SQRT_3 * HEX_SIZE * (qf + half(is_odd(r))), y: 1.5 * HEX_SIZE * rf },
        HexOffset::EvenR => Coord { x: SQRT_3 * HEX_SIZE * (qf + half(!is_odd(r))), y: 1.5 * HEX_SIZE * rf },
        HexOffset::OddQ => Coord { x: 1.5 * HEX_SIZE * qf, y: SQRT_3 * HEX_SIZE * (rf + half(is_odd(q))) },
        HexOffset::EvenQ => Coord { x: 1.5 * HEX_SIZE * qf, y: SQRT_3 * HEX_SIZE * (rf + half(!is_odd(q))) },
    }
}

/// The hexagon around `centre`: pointy-topped for row layouts, flat-topped for column ones.
#[must_use]
pub fn hexagon(offset: HexOffset, centre: Coord<f64>) -> Polygon<f64> {
    let start = match offset {
        HexOffset::OddR | HexOffset::EvenR => 30.0_f64,
        HexOffset::OddQ | HexOffset::EvenQ => 0.0,
    };
    let ring: Vec<Coord<f64>> = (0..=6)
        .map(|k| {
            let angle = (start + 60.0 * f64::from(k % 6)).to_radians();
            Coord { x: centre.x + HEX_SIZE * angle.cos(), y: centre.y + HEX_SIZE * angle.sin() }
        })
        .collect();
    Polygon::new(LineString(ring), Vec::new())
}

/// The key a ward is joined to its hex by: its code, or `#index` for a ward without one (in a
/// generated layout).
#[must_use]
pub fn hex_key(set: &WardSet, ward: usize) -> String {
    set.wards.get(ward).and_then(|w| w.code.clone()).unwrap_or_else(|| format!("#{ward}"))
}

/// Each ward's hex, in the set's order, in world units; an empty shape for a ward the layout
/// has no hex for.
#[must_use]
pub fn hex_shapes(set: &WardSet, layout: &HexLayout) -> Vec<MultiPolygon<f64>> {
    (0..set.wards.len())
        .map(|ward| match layout.hex_of(&hex_key(set, ward)) {
            Some(hex) => MultiPolygon(vec![hexagon(layout.offset, centre(layout.offset, hex.q, hex.r))]),
            None => MultiPolygon(Vec::new()),
        })
        .collect()
}

/// How many of the set's wards the layout has a hex for.
#[must_use]
pub fn covered(set: &WardSet, layout: &HexLayout) -> usize {
    (0..set.wards.len()).filter(|&w| layout.hex_of(&hex_key(set, w)).is_some()).count()
}

/// A layout for wards no published one covers: the ward centres (projected) scaled onto a hex
/// grid of about one cell per ward of the area, each ward in the free cell nearest its centre,
/// the most central wards placed first so the outer ones move outwards. One hex per ward,
/// always; neighbours stay near, but a borough is not guaranteed to stay in one piece.
#[must_use]
pub fn generate_layout(set: &WardSet) -> HexLayout {
    let offset = HexOffset::OddR;
    let centres: Vec<Option<Coord<f64>>> =
        set.wards.iter().map(|w| w.geometry.centroid().map(|c| project(c.0))).collect();
    let known: Vec<Coord<f64>> = centres.iter().flatten().copied().collect();
    #[allow(clippy::cast_precision_loss, reason = "a count of wards")]
    let n = known.len().max(1) as f64;
    let middle = Coord { x: known.iter().map(|c| c.x).sum::<f64>() / n, y: known.iter().map(|c| c.y).sum::<f64>() / n };
    let (lo, hi) = known.iter().fold(
        (Coord { x: f64::INFINITY, y: f64::INFINITY }, Coord { x: f64::NEG_INFINITY, y: f64::NEG_INFINITY }),
        |(lo, hi), c| (Coord { x: lo.x.min(c.x), y: lo.y.min(c.y) }, Coord { x: hi.x.max(c.x), y: hi.y.max(c.y) }),
    );
    let area = ((hi.x - lo.x) * (hi.y - lo.y)).max(1.0);
    // One hex (area 3√3/2 · s²) per ward of the centres' bounding box: a little larger than
    // the wards' own spacing, so the hexes close up rather than leave gaps.
    let cell = (area / n / (1.5 * SQRT_3)).sqrt().max(1.0);
    let scale = HEX_SIZE / cell;
    // Wards without a shape go at the middle and find their own cells.
    let wanted: Vec<Coord<f64>> = centres
        .iter()
        .map(|c| {
            let c = c.unwrap_or(middle);
            Coord { x: (c.x - middle.x) * scale, y: (c.y - middle.y) * scale }
        })
        .collect();
    let mut order: Vec<usize> = (0..set.wards.len()).collect();
    order.sort_by(|&a, &b| {
        let d = |i: usize| wanted[i].x.hypot(wanted[i].y);
        d(a).total_cmp(&d(b)).then(a.cmp(&b))
    });
    let mut taken = std::collections::HashSet::new();
    let mut hexes = Vec::with_capacity(order.len());
    for ward in order {
        let (q, r) = nearest_free(offset, wanted[ward], &taken);
        taken.insert((q, r));
        hexes.push(Hex { code: hex_key(set, ward), name: set.wards.get(ward).map(|w| w.name.clone()), q, r });
    }
    hexes.sort_by(|a, b| a.code.cmp(&b.code));
    HexLayout { offset, hexes, source: HexSource::Generated }
}

/// The free cell whose centre is nearest `point`.
fn nearest_free(offset: HexOffset, point: Coord<f64>, taken: &std::collections::HashSet<(i32, i32)>) -> (i32, i32) {
    #[allow(clippy::cast_possible_truncation, reason = "a grid row of a few hundred wards at most")]
    let (r0, q0) = ((point.y / (1.5 * HEX_SIZE)).round() as i32, (point.x / (SQRT_3 * HEX_SIZE)).round() as i32);
    for reach in 1..=1_000 {
        let best = (r0 - reach..=r0 + reach)
            .flat_map(|r| (q0 - reach..=q0 + reach).map(move |q| (q, r)))
            .filter(|cell| !taken.contains(cell))
            .map(|(q, r)| {
                let c = centre(offset, q, r);
                ((c.x - point.x).hypot(c.y - point.y), (q, r))
            })
            .min_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
        if let Some((distance, cell)) = best
            && distance <= f64::from(reach) * 1.5 * HEX_SIZE
        {
            return cell;
        }
    }
    (q0, r0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Ward;

    #[test]
    fn neighbouring_hexes_of_an_odd_r_layout_touch_and_do_not_overlap() {
        let spacing = |a: Coord<f64>, b: Coord<f64>| (a.x - b.x).hypot(a.y - b.y);
        let across = SQRT_3 * HEX_SIZE;
        let o = centre(HexOffset::OddR, 0, 0);
        assert!((spacing(o, centre(HexOffset::OddR, 1, 0)) - across).abs() < 1e-9);
        // Row 1 is shifted half a hex right: (0, 1) sits up and to the right of (0, 0).
        assert!((spacing(o, centre(HexOffset::OddR, 0, 1)) - across).abs() < 1e-9);
        assert!(centre(HexOffset::OddR, 0, 1).x > o.x && centre(HexOffset::OddR, 0, -1).x > o.x);
        assert_eq!(hexagon(HexOffset::OddR, o).exterior().0.len(), 7);
    }

    #[test]
    fn a_generated_layout_gives_every_ward_its_own_hex() {
        let square = |x: f64, y: f64| {
            let d = 0.004;
            MultiPolygon(vec![Polygon::new(
                LineString::from(vec![(x, y), (x + d, y), (x + d, y + d), (x, y + d), (x, y)]),
                Vec::new(),
            )])
        };
        let wards: Vec<Ward> = (0..30)
            .map(|i| Ward {
                code: Some(format!("E{i:02}")),
                name: format!("Ward {i}"),
                borough: None,
                geometry: square(-0.2 + 0.005 * f64::from(i % 6), 51.5 + 0.005 * f64::from(i / 6)),
            })
            .collect();
        let set = WardSet { name: "grid".into(), first_year: None, source: "grid".into(), borough: None, wards };
        let layout = generate_layout(&set);
        assert_eq!(layout.hexes.len(), 30);
        let mut cells: Vec<(i32, i32)> = layout.hexes.iter().map(|h| (h.q, h.r)).collect();
        cells.sort_unstable();
        cells.dedup();
        assert_eq!(cells.len(), 30, "no two wards share a hex");
        assert_eq!(covered(&set, &layout), 30);
        assert_eq!(hex_shapes(&set, &layout).iter().filter(|s| !s.0.is_empty()).count(), 30);
        // West stays west: the first column's wards are left of the last column's.
        let x_of = |code: &str| layout.hex_of(code).map(|h| centre(layout.offset, h.q, h.r).x).expect("placed");
        assert!(x_of("E00") < x_of("E05"));
    }
}
