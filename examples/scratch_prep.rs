use geo::{BoundingRect, Coord, MapCoords};
use std::time::Instant;
use wardmap::geometry::*;
fn main() {
    let n: usize = std::env::args().nth(1).and_then(|s| s.parse().ok()).unwrap_or(10_000);
    let text = wardmap::synthetic::boundaries_geojson(n, wardmap::synthetic::DEFAULT_SEED);
    let t = Instant::now();
    let set = wardmap::io::boundaries::parse(&text, std::path::Path::new("x.geojson"), "x", None).unwrap();
    println!("parse {:?} ({} MB)", t.elapsed(), text.len() as f64 / 1e6);
    let shapes: Vec<_> = set.wards.iter().map(|w| w.geometry.clone()).collect();
    let t = Instant::now();
    let world: Vec<_> = shapes.iter().map(|w| w.map_coords(project)).collect();
    println!("project {:?}", t.elapsed());
    let t = Instant::now();
    let origins: Vec<Coord<f64>> = world.iter().map(|w| w.bounding_rect().unwrap().center()).collect();
    let labels: Vec<_> = world.iter().map(label_spot).collect();
    println!("labels {:?} {}", t.elapsed(), labels.len());
    let t = Instant::now();
    let l0: Vec<_> = world.iter().zip(&origins).map(|(w, o)| WardShape::build(w, *o)).collect();
    println!("level0 meshes {:?} {}", t.elapsed(), l0.len());
    let sources: Vec<_> = world.iter().zip(origins.iter().copied()).collect();
    let t = Instant::now();
    let levels = lod::build_levels(&sources, 95_000.0);
    println!("build_levels (parallel) {:?}", t.elapsed());
    for l in &levels {
        println!("  level {:>6} m/pt: {} vertices", l.min_metres_per_point, l.vertex_count());
    }
    let t = Instant::now();
    let p = PreparedWardSet::new(&shapes);
    println!("PreparedWardSet::new {:?} levels {}", t.elapsed(), p.levels().len());
}
