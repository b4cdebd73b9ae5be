//! A ward set prepared once for drawing and hit testing: projected, triangulated, indexed.

use geo::{Area, BoundingRect, Coord, Intersects, MapCoords, MultiPolygon, Rect};
use rstar::primitives::{GeomWithData, Rectangle};
use rstar::{AABB, RTree};
use std::sync::OnceLock;

use super::labels::{LabelSpot, label_spot};
use super::lod::{self, DetailLevel};
use super::mesh::{WardShape, sanitize_polygon};
use super::parallel::par_map;
use super::projection::project;

type WardBox = GeomWithData<Rectangle<[f64; 2]>, usize>;

/// One ward, projected and measured.
#[derive(Clone, Debug)]
pub struct PreparedWard {
    /// The ward in world metres, degenerate rings and polygons removed.
    pub world: MultiPolygon<f64>,
    /// Its bounding box in world metres; `None` for a ward with no usable polygon.
    pub bbox: Option<Rect<f64>>,
    /// The local origin (bbox centre) that its shapes' f32 coordinates are relative to.
    pub origin: Coord<f64>,
    /// Where its label goes; `None` for a ward with no usable polygon.
    pub label: Option<LabelSpot>,
    /// Area in square world metres (Mercator, so larger than on the ground).
    pub area: f64,
}

/// Every ward of a boundary set, prepared for the map: built once per set, shared read-only
/// (wrap it in an `Arc`), never rebuilt per frame. Ward `i` here is ward `i` of the input.
#[derive(Debug)]
pub struct PreparedWardSet {
    wards: Vec<PreparedWard>,
    /// Where each level of detail starts (metres per point), full detail first.
    bands: Vec<f64>,
    /// The levels, each built on first use ([`Self::level`]).
    levels: Vec<OnceLock<DetailLevel>>,
    /// Every ward ranked for simplification, made with the first level built.
    ranks: OnceLock<Vec<lod::WardRanks>>,
    bounds: Option<Rect<f64>>,
    tree: RTree<WardBox>,
    by_area: Vec<usize>,
    /// Outlines of groups of wards (London's boroughs) in world metres; empty when the wards
    /// have no groups.
    group_outlines: Vec<geo::LineString<f64>>,
}

impl PreparedWardSet {
    /// Prepare wards given in lon/lat degrees (x = lon, y = lat).
    pub fn new(lon_lat: &[MultiPolygon<f64>]) -> Self {
        Self::from_world(par_map(lon_lat, |ward| ward.map_coords(project)))
    }

    /// Prepare wards already in world metres (Web Mercator or any planar y-up system).
    pub fn from_world(world: Vec<MultiPolygon<f64>>) -> Self {
        let wards: Vec<PreparedWard> = par_map(&world, prepare_ward);
        drop(world);
        let bounds = wards.iter().filter_map(|w| w.bbox).reduce(union);
        let extent = bounds.map_or(0.0, |b| b.width().max(b.height()));
        let bands = lod::bands(extent);
        let levels = bands.iter().map(|_| OnceLock::new()).collect();
        let boxes = wards
            .iter()
            .enumerate()
            .filter_map(|(i, w)| {
                let b = w.bbox?;
                let rect = Rectangle::from_corners([b.min().x, b.min().y], [b.max().x, b.max().y]);
                Some(GeomWithData::new(rect, i))
            })
            .collect();
        let mut by_area: Vec<usize> = (0..wards.len()).collect();
        // Largest first; ties by index so the order never depends on anything but the input.
        by_area.sort_by(|&a, &b| wards[b].area.total_cmp(&wards[a].area).then(a.cmp(&b)));
        Self {
            wards,
            bands,
            levels,
            ranks: OnceLock::new(),
            bounds,
            tree: RTree::bulk_load(boxes),
            by_area,
            group_outlines: Vec::new(),
        }
    }

    /// A ward set prepared for the map; wards that know their borough (London's sets) get the
    /// boroughs' outlines too. The app and the exporter both prepare sets this way, so screen
    /// and picture draw the same lines.
    #[must_use]
    pub fn of_ward_set(set: &crate::model::WardSet) -> Self {
        let shapes: Vec<_> = set.wards.iter().map(|w| w.geometry.clone()).collect();
        let prepared = PreparedWardSet::new(&shapes);
        let mut boroughs: Vec<&str> = set.wards.iter().filter_map(|w| w.borough.as_deref()).collect();
        if boroughs.is_empty() {
            return prepared;
        }
        boroughs.sort_unstable();
        boroughs.dedup();
        let group_of: Vec<Option<usize>> =
            set.wards.iter().map(|w| w.borough.as_deref().and_then(|b| boroughs.binary_search(&b).ok())).collect();
        prepared.with_group_outlines(&group_of)
    }

    /// With the outlines of the groups of wards (`group_of[i]`: ward `i`'s group), drawn over
    /// the fills: London's boroughs over its wards.
    #[must_use]
    pub fn with_group_outlines(mut self, group_of: &[Option<usize>]) -> Self {
        let world: Vec<&MultiPolygon<f64>> = self.wards.iter().map(|w| &w.world).collect();
        self.group_outlines = super::outlines::group_outlines(&world, group_of);
        self
    }

    /// The group outlines, in world metres (see [`Self::with_group_outlines`]).
    pub fn group_outlines(&self) -> &[geo::LineString<f64>] {
        &self.group_outlines
    }

    /// Number of wards (including degenerate ones).
    pub fn len(&self) -> usize {
        self.wards.len()
    }

    /// True when the set has no wards at all.
    pub fn is_empty(&self) -> bool {
        self.wards.is_empty()
    }

    /// Ward `index`, if it exists.
    pub fn ward(&self, index: usize) -> Option<&PreparedWard> {
        self.wards.get(index)
    }

    /// All wards, in input order.
    pub fn wards(&self) -> &[PreparedWard] {
        &self.wards
    }

    /// Bounds of every usable ward in world metres; `None` if there is none.
    pub fn bounds(&self) -> Option<Rect<f64>> {
        self.bounds
    }

    /// Ward indices, largest area first (the order labels are placed in).
    pub fn by_area_desc(&self) -> &[usize] {
        &self.by_area
    }

    /// The ward under a world point: bounding boxes from the R-tree, then an exact test
    /// (holes excluded, edges included). Where wards overlap, the one drawn last (the highest
    /// index) wins, matching what is seen on screen.
    pub fn ward_at(&self, world: Coord<f64>) -> Option<usize> {
        if !(world.x.is_finite() && world.y.is_finite()) {
            return None;
        }
        self.tree
            .locate_all_at_point(&[world.x, world.y])
            .map(|entry| entry.data)
            .filter(|&i| self.wards[i].world.intersects(&world))
            .max()
    }

    /// Wards whose bounding box meets `world_rect` (for culling), in no particular order.
    pub fn wards_in(&self, world_rect: Rect<f64>) -> impl Iterator<Item = usize> + '_ {
        let envelope =
            AABB::from_corners([world_rect.min().x, world_rect.min().y], [world_rect.max().x, world_rect.max().y]);
        self.tree.locate_in_envelope_intersecting(&envelope).map(|entry| entry.data)
    }

    /// How many levels of detail there are (full detail is level 0).
    pub fn level_count(&self) -> usize {
        self.levels.len()
    }

    /// Level of detail `k` (clamped to the coarsest), built now if it was not yet: a second
    /// thread asking for the same level waits for the first rather than building it again.
    pub fn level(&self, k: usize) -> &DetailLevel {
        let k = k.min(self.levels.len().saturating_sub(1));
        self.levels[k].get_or_init(|| {
            let sources: Vec<(&MultiPolygon<f64>, Coord<f64>)> =
                self.wards.iter().map(|w| (&w.world, w.origin)).collect();
            if k == 0 {
                return lod::full_detail(&sources);
            }
            let ranks = self.ranks.get_or_init(|| par_map(&self.wards, |ward| lod::WardRanks::new(&ward.world)));
            lod::build_level(&sources, ranks, &self.bands, k)
        })
    }

    /// Whether level `k` has been built (so drawing it costs no preparation).
    pub fn level_is_built(&self, k: usize) -> bool {
        self.levels.get(k).is_some_and(|level| level.get().is_some())
    }

    /// The index of the level to draw at `metres_per_point`: the coarsest whose band has started.
    pub fn level_index_for(&self, metres_per_point: f64) -> usize {
        self.bands.iter().rposition(|&band| band <= metres_per_point).unwrap_or(0)
    }

    /// The level of detail to draw at `metres_per_point`, built now if need be.
    pub fn level_for(&self, metres_per_point: f64) -> &DetailLevel {
        self.level(self.level_index_for(metres_per_point))
    }

    /// Build every level not yet built, coarsest first (the ones a whole-set view needs), so
    /// that zooming later finds them ready: run it on a worker thread once the first frame is
    /// out.
    pub fn build_all_levels(&self) {
        for k in (0..self.levels.len()).rev() {
            let _ = self.level(k);
        }
    }

    /// Full-detail shape (fill mesh and rings) of ward `index`.
    pub fn shape(&self, index: usize) -> Option<&WardShape> {
        self.level(0).shapes.get(index)
    }
}

fn prepare_ward(world: &MultiPolygon<f64>) -> PreparedWard {
    let world = MultiPolygon::new(world.iter().filter_map(sanitize_polygon).collect());
    let bbox = world.bounding_rect();
    PreparedWard {
        bbox,
        origin: bbox.map_or(Coord { x: 0.0, y: 0.0 }, Rect::center),
        label: label_spot(&world),
        area: world.unsigned_area(),
        world,
    }
}

fn union(a: Rect<f64>, b: Rect<f64>) -> Rect<f64> {
    Rect::new(
        Coord { x: a.min().x.min(b.min().x), y: a.min().y.min(b.min().y) },
        Coord { x: a.max().x.max(b.max().x), y: a.max().y.max(b.max().y) },
    )
}
