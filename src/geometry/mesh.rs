//! Triangulated fills and outline rings of one ward, in f32 relative to a local origin.
//!
//! egui only fills convex paths, so each ward is triangulated once (earcut, holes handled)
//! and the UI merely moves the cached vertices each frame. Coordinates are stored relative to
//! the ward's own origin (its bounding-box centre, in world metres) so they keep sub-millimetre
//! precision as f32 however far the ward lies from the projection origin.

use geo::{Coord, LineString, MultiPolygon, Polygon, Translate, TriangulateEarcut};

/// Triangles of a ward's fill: vertices relative to the ward origin, three indices per triangle.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct WardMesh {
    /// Vertex positions in world metres relative to the ward origin (x east, y north).
    pub vertices: Vec<[f32; 2]>,
    /// Triangle corner indices into `vertices`, three per triangle.
    pub indices: Vec<u32>,
}

impl WardMesh {
    /// True when there is nothing to fill (degenerate or empty input).
    pub fn is_empty(&self) -> bool {
        self.indices.is_empty()
    }

    /// Number of triangles.
    pub fn triangle_count(&self) -> usize {
        self.indices.len() / 3
    }
}

/// What is drawn for a ward at one level of detail: its fill mesh and its outline rings.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct WardShape {
    /// The fill.
    pub mesh: WardMesh,
    /// Every ring (exteriors and holes), relative to the ward origin, without the closing
    /// repeat of the first point (draw them as closed lines).
    pub rings: Vec<Vec<[f32; 2]>>,
}

impl WardShape {
    /// Triangulate and collect the rings of `ward` (world metres) relative to `origin`.
    /// Degenerate rings are dropped; a ward with nothing valid gets an empty shape.
    pub fn build(ward: &MultiPolygon<f64>, origin: Coord<f64>) -> Self {
        let polygons: Vec<Polygon<f64>> = ward.iter().filter_map(sanitize_polygon).collect();
        Self::from_sanitized(&polygons, origin)
    }

    /// [`Self::build`] from polygons already through [`sanitize_polygon`] (saves a copy).
    pub(super) fn from_sanitized(polygons: &[Polygon<f64>], origin: Coord<f64>) -> Self {
        let mut shape = WardShape::default();
        for polygon in polygons {
            append_triangles(&mut shape.mesh, polygon, origin);
            for ring in std::iter::once(polygon.exterior()).chain(polygon.interiors()) {
                shape.rings.push(relative_ring(ring, origin));
            }
        }
        shape
    }
}

/// A ring fit for earcut and point-in-polygon tests: finite coordinates, no repeated
/// consecutive points, at least three distinct corners, some area. `None` when nothing usable remains.
pub fn sanitize_ring(ring: &LineString<f64>) -> Option<LineString<f64>> {
    let mut coords: Vec<Coord<f64>> = Vec::with_capacity(ring.0.len());
    for &c in &ring.0 {
        if c.x.is_finite() && c.y.is_finite() && coords.last() != Some(&c) {
            coords.push(c);
        }
    }
    while coords.len() > 1 && coords.first() == coords.last() {
        coords.pop();
    }
    if coords.len() < 3 || twice_area(&coords) == 0.0 {
        return None;
    }
    // Polygon::new closes the ring again.
    Some(LineString::new(coords))
}

/// Twice the signed area of an open ring (shoelace); zero for collinear points.
fn twice_area(coords: &[Coord<f64>]) -> f64 {
    let n = coords.len();
    (0..n)
        .map(|i| {
            let (a, b) = (coords[i], coords[(i + 1) % n]);
            a.x * b.y - b.x * a.y
        })
        .sum()
}

/// The polygon with degenerate rings removed, or `None` when its exterior is degenerate.
pub fn sanitize_polygon(polygon: &Polygon<f64>) -> Option<Polygon<f64>> {
    let exterior = sanitize_ring(polygon.exterior())?;
    let holes = polygon.interiors().iter().filter_map(sanitize_ring).collect();
    Some(Polygon::new(exterior, holes))
}

/// The ring relative to `origin`, as f32, without its closing point.
fn relative_ring(ring: &LineString<f64>, origin: Coord<f64>) -> Vec<[f32; 2]> {
    let open = ring.0.len().saturating_sub(usize::from(ring.is_closed()));
    ring.0[..open].iter().map(|c| relative(*c, origin)).collect()
}

fn relative(c: Coord<f64>, origin: Coord<f64>) -> [f32; 2] {
    [(c.x - origin.x) as f32, (c.y - origin.y) as f32]
}

/// Earcut one (sanitised) polygon and append its triangles to `mesh`.
fn append_triangles(mesh: &mut WardMesh, polygon: &Polygon<f64>, origin: Coord<f64>) {
    // Triangulate in local coordinates: smaller numbers, better conditioned.
    let local = polygon.translate(-origin.x, -origin.y);
    let raw = local.earcut_triangles_raw();
    let count = raw.vertices.len();
    let Ok(base) = u32::try_from(mesh.vertices.len()) else {
        return;
    };
    if raw.triangle_indices.len() % 3 != 0
        || raw.triangle_indices.iter().any(|&i| i >= count)
        || u32::try_from(mesh.vertices.len() + count).is_err()
    {
        return; // earcut gave something unusable: leave this polygon unfilled
    }
    mesh.vertices.extend(raw.vertices.iter().map(|&[x, y]| [x as f32, y as f32]));
    // Indices are < count, which fits u32 (checked above).
    mesh.indices.extend(raw.triangle_indices.iter().map(|&i| base + u32::try_from(i).unwrap_or(0)));
}
