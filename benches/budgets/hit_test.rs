//! Hit testing: the ward under a point (R-tree of bounding boxes, then point-in-polygon), as
//! the map does for every pointer move.

use std::cell::Cell;

use divan::Bencher;
use geo::Coord;

use crate::fixtures::{SIZES, synthetic};

/// Points spread evenly over the set's bounds (some fall outside every ward, as pointers do).
fn probe_points(wards: usize) -> Vec<Coord<f64>> {
    let Some(bounds) = synthetic(wards).prepared.bounds() else {
        return vec![Coord { x: 0.0, y: 0.0 }];
    };
    let n = 64;
    (0..n * n)
        .map(|k| {
            // A co-prime stride scatters consecutive probes across the map.
            let (i, j) = ((k * 37) % n, k / n);
            Coord {
                x: bounds.min().x + bounds.width() * (i as f64 + 0.5) / n as f64,
                y: bounds.min().y + bounds.height() * (j as f64 + 0.5) / n as f64,
            }
        })
        .collect()
}

/// One `ward_at` call.
#[divan::bench(args = SIZES)]
fn ward_at(bencher: Bencher, wards: usize) {
    let set = &synthetic(wards).prepared;
    let points = probe_points(wards);
    let next = Cell::new(0usize);
    bencher
        .with_inputs(|| {
            let k = next.get();
            next.set((k + 1) % points.len());
            points[k]
        })
        .bench_local_values(|point| set.ward_at(point));
}
