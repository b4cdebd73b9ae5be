//! The map's base layer (fills, ward and borough outlines) kept as an image while the map is
//! only panned.
//!
//! A GPU draws the live map's meshes in well under a millisecond, but Mesa's software renderer
//! (llvmpipe: remote desktops, virtual machines, CI, Xvfb) spends about 0.4 µs a vertex, and a
//! whole-set view of 10,000 wards sends some 128,000: 50 ms a frame. So once the view has been
//! still for a moment ([`SETTLE`]), a worker thread draws the base layer with tiny-skia
//! ([`crate::render::live_map`], by the live map's own rules) into an image a margin larger than
//! the view, and while the camera only translates (same zoom, same fills, same wards) the widget
//! shows that image — one textured rectangle — instead of the meshes, with the hover, selection
//! and labels drawn live on top. Before the image is ready, after a zoom, or once a drag goes past
//! its margin, the map is drawn live as before, and a new image is asked for.
//!
//! `WARDMAP_MAP_CACHE=off` turns the image off (everything live), to compare the two.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, OnceLock, Weak, mpsc};

use egui::{Color32, ColorImage, Context, Id, Pos2, Rect, TextureHandle, TextureOptions, pos2};
use geo::Coord;

use super::MapCamera;
use crate::geometry::PreparedWardSet;
use crate::model::palette::FillStyle;
use crate::render::live_map::{self, ImageView};

/// How long (seconds) the zoom must stay put before an image is drawn for it: a scroll-wheel
/// zoom changes the scale every frame, and each image would be thrown away at once.
pub const SETTLE: f64 = 0.15;
/// The image reaches this far (a fraction of the view's width and height) beyond each side of
/// the view, so a drag can go that far before the live map is needed again.
const MARGIN: f64 = 0.5;
/// Once the view comes closer than this (a fraction of the margin) to the image's edge, the
/// next image is drawn in the background, so a long drag changes images without a slow frame.
const REFRESH: f64 = 0.5;
/// No image larger than this many pixels (16 million: 64 MB).
const MAX_PIXELS: u64 = 1 << 24;
/// The image is painted as runs of square tiles of this side (pixels) that hold some ward, so
/// the empty corners around the wards cost a software renderer nothing.
const TILE: usize = 32;

/// What the map is drawn from this frame.
pub(super) struct Frame<'a> {
    pub geometry: &'a Arc<PreparedWardSet>,
    pub fills: &'a [FillStyle],
    pub camera: &'a MapCamera,
    /// The map's screen rectangle (points).
    pub rect: Rect,
    pub pixels_per_point: f32,
    /// egui's clock, seconds.
    pub now: f64,
    pub max_texture_side: usize,
}

/// An image of the base layer to paint, and where.
pub(super) struct Ready {
    texture: egui::TextureId,
    /// Where the whole image lies on screen (points).
    screen: Rect,
    size: [usize; 2],
    runs: Arc<[Run]>,
}

impl Ready {
    pub fn paint(&self, painter: &egui::Painter) {
        let mut mesh = egui::Mesh::with_texture(self.texture);
        let [w, h] = self.size.map(|n| n.max(1) as f32);
        let scale = self.screen.size() / egui::vec2(w, h);
        for run in self.runs.iter() {
            let [x0, y0, x1, y1] = [run.x0, run.y0, run.x1, run.y1].map(|n| n as f32);
            let rect = Rect::from_min_max(
                self.screen.min + egui::vec2(x0, y0) * scale,
                self.screen.min + egui::vec2(x1, y1) * scale,
            );
            let uv = Rect::from_min_max(pos2(x0 / w, y0 / h), pos2(x1 / w, y1 / h));
            mesh.add_rect_with_uv(rect, uv, Color32::WHITE);
        }
        painter.add(mesh);
    }
}

/// A row of neighbouring tiles holding some ward, in image pixels (end exclusive).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Run {
    x0: usize,
    y0: usize,
    x1: usize,
    y1: usize,
}

/// The runs of [`TILE`]-sided tiles of a premultiplied RGBA image with any pixel not fully
/// transparent, row of tiles by row of tiles.
fn runs_of(rgba: &[u8], [width, height]: [usize; 2]) -> Vec<Run> {
    let columns = width.div_ceil(TILE);
    let mut runs = Vec::new();
    for ty in 0..height.div_ceil(TILE) {
        let (y0, y1) = (ty * TILE, ((ty + 1) * TILE).min(height));
        let mut filled = vec![false; columns];
        for y in y0..y1 {
            let row = &rgba[y * width * 4..(y + 1) * width * 4];
            for (x, pixel) in row.chunks_exact(4).enumerate() {
                if pixel[3] != 0 {
                    filled[x / TILE] = true;
                }
            }
        }
        let mut tx = 0;
        while tx < columns {
            if !filled[tx] {
                tx += 1;
                continue;
            }
            let start = tx;
            while tx < columns && filled[tx] {
                tx += 1;
            }
            runs.push(Run { x0: start * TILE, y0, x1: (tx * TILE).min(width), y1 });
        }
    }
    runs
}

/// What an image was drawn of.
#[derive(Clone)]
struct Key {
    geometry: Weak<PreparedWardSet>,
    fills: Arc<[FillStyle]>,
    metres_per_point: f64,
    pixels_per_point: f32,
}

impl Key {
    fn of(frame: &Frame<'_>) -> Key {
        Key {
            geometry: Arc::downgrade(frame.geometry),
            fills: frame.fills.into(),
            metres_per_point: frame.camera.metres_per_point,
            pixels_per_point: frame.pixels_per_point,
        }
    }

    /// Whether an image of this key shows `frame`'s map (the weak pointer keeps the address
    /// from being reused by another ward set while the key lives).
    fn fits(&self, frame: &Frame<'_>) -> bool {
        std::ptr::eq(self.geometry.as_ptr(), Arc::as_ptr(frame.geometry))
            && self.metres_per_point == frame.camera.metres_per_point
            && self.pixels_per_point == frame.pixels_per_point
            && *self.fills == *frame.fills
    }
}

struct Cached {
    key: Key,
    view: ImageView,
    texture: TextureHandle,
    runs: Arc<[Run]>,
}

/// A finished image and its runs of tiles.
type Drawn = (ColorImage, Vec<Run>);

struct Pending {
    key: Key,
    view: ImageView,
    result: mpsc::Receiver<Option<Drawn>>,
    stop: Arc<AtomicBool>,
}

/// One map's image, its next one being drawn, and since when the zoom has been still.
#[derive(Default)]
pub(super) struct BaseCache {
    shown: Option<Cached>,
    pending: Option<Pending>,
    /// The scale (and ward set, by address) of recent frames, and since when it has not changed.
    still: Option<(usize, f64, f32, f64)>,
    /// No image is asked for before this time (egui's clock): one came back empty, which should
    /// not happen, and must not become a new thread every frame if it does.
    retry_at: f64,
}

#[derive(Clone, Default)]
struct Slot(Arc<Mutex<BaseCache>>);

/// Where [`set_enabled`] keeps its choice in the context's memory.
fn switch_id() -> Id {
    Id::unique("wardmap map image switched off")
}

/// Turn the image on or off for every map of this context. Off, the map is always drawn live:
/// for tests that drive the interface step by step, where a worker thread finishing at a
/// moment of its own would make the number of frames a step takes depend on the machine's load.
pub fn set_enabled(ctx: &Context, on: bool) {
    ctx.data_mut(|d| d.insert_temp(switch_id(), !on));
}

/// Whether `WARDMAP_MAP_CACHE=off` or [`set_enabled`] turned the image off.
fn disabled(ctx: &Context) -> bool {
    static OFF: OnceLock<bool> = OnceLock::new();
    *OFF.get_or_init(|| std::env::var("WARDMAP_MAP_CACHE").is_ok_and(|v| v == "off"))
        || ctx.data(|d| d.get_temp::<bool>(switch_id())).unwrap_or(false)
}

/// The image to paint the base layer from this frame, if there is one that fits; asks for the
/// next one as needed. `id`: the map widget's.
pub(super) fn ready(ctx: &Context, id: Id, frame: &Frame<'_>) -> Option<Ready> {
    if disabled(ctx) {
        return None;
    }
    let slot = ctx.data_mut(|d| d.get_temp_mut_or_default::<Slot>(id.with("base layer")).clone());
    let Ok(mut cache) = slot.0.lock() else { return None };
    cache.update(ctx, frame)
}

impl BaseCache {
    fn update(&mut self, ctx: &Context, frame: &Frame<'_>) -> Option<Ready> {
        self.take_finished(ctx, frame);
        let Some(needed) = needed_world(frame) else {
            return None; // no ward in view: nothing to draw either way
        };
        let shown = self.shown.as_ref().filter(|c| c.key.fits(frame) && covers(c.view.world_rect(), needed));
        let ready = shown.map(|c| Ready {
            texture: c.texture.id(),
            screen: screen_rect(frame, &c.view),
            size: [c.view.width as usize, c.view.height as usize],
            runs: Arc::clone(&c.runs),
        });
        let refresh = match &self.shown {
            Some(c) if ready.is_some() => !covers(c.view.world_rect(), refresh_world(frame)),
            _ => true,
        };
        if refresh && frame.now >= self.retry_at && self.settled(ctx, frame) {
            self.ask(ctx, frame);
        }
        ready
    }

    /// Whether the scale has stayed put for [`SETTLE`]; if not, wakes the window when it will
    /// have.
    fn settled(&mut self, ctx: &Context, frame: &Frame<'_>) -> bool {
        let now_key = (Arc::as_ptr(frame.geometry) as usize, frame.camera.metres_per_point, frame.pixels_per_point);
        let since = match self.still {
            Some((g, m, p, since)) if (g, m, p) == now_key => since,
            _ => {
                self.still = Some((now_key.0, now_key.1, now_key.2, frame.now));
                frame.now
            }
        };
        let waited = frame.now - since;
        if waited >= SETTLE {
            return true;
        }
        ctx.request_repaint_after(std::time::Duration::from_secs_f64(SETTLE - waited));
        false
    }

    /// Take a finished image: shown if it still fits the map, dropped if not.
    fn take_finished(&mut self, ctx: &Context, frame: &Frame<'_>) {
        let Some(pending) = &self.pending else { return };
        let image = match pending.result.try_recv() {
            Ok(image) => image,
            Err(mpsc::TryRecvError::Empty) => return,
            Err(mpsc::TryRecvError::Disconnected) => None,
        };
        let Some(pending) = self.pending.take() else { return };
        if image.is_none() && !pending.stop.load(Ordering::Relaxed) {
            self.retry_at = frame.now + 1.0;
        }
        if let Some((image, runs)) = image.filter(|_| pending.key.fits(frame)) {
            let texture = ctx.load_texture("map base layer", image, TextureOptions::NEAREST);
            self.shown = Some(Cached { key: pending.key, view: pending.view, texture, runs: runs.into() });
        }
    }

    /// Start drawing the image for the view of `frame` on a worker thread, unless one that
    /// would fit is already being drawn; one that would not is told to stop.
    fn ask(&mut self, ctx: &Context, frame: &Frame<'_>) {
        if let Some(pending) = &self.pending {
            let useful = pending.key.fits(frame)
                && needed_world(frame).is_some_and(|needed| covers(pending.view.world_rect(), needed));
            if useful {
                return;
            }
            pending.stop.store(true, Ordering::Relaxed);
        }
        let Some(view) = image_view(frame) else { return };
        let key = Key::of(frame);
        let (sender, result) = mpsc::channel();
        let stop = Arc::new(AtomicBool::new(false));
        let (geometry, fills, repaint, stopped) =
            (Arc::clone(frame.geometry), Arc::clone(&key.fills), ctx.clone(), Arc::clone(&stop));
        let spawned = std::thread::Builder::new().name("wardmap map image".into()).spawn(move || {
            let started = std::time::Instant::now();
            let image = live_map::base_layer(&geometry, &fills, &view, &stopped).map(|pixmap| {
                let size = [pixmap.width() as usize, pixmap.height() as usize];
                (ColorImage::from_rgba_premultiplied(size, pixmap.data()), runs_of(pixmap.data(), size))
            });
            if crate::ui::timing::counting_frames() && image.is_some() {
                let ms = started.elapsed().as_secs_f64() * 1000.0;
                eprintln!("wardmap: map image {}×{} drawn in {ms:.0} ms", view.width, view.height);
            }
            if sender.send(image).is_ok() {
                repaint.request_repaint();
            }
        });
        if spawned.is_ok() {
            self.pending = Some(Pending { key, view, result, stop });
        }
    }
}

/// The world rectangle the image must cover for this frame: the view, but only where there
/// are wards (a whole-set view needs no margin beyond the set). `None`: no ward in view.
fn needed_world(frame: &Frame<'_>) -> Option<geo::Rect<f64>> {
    let view = frame.camera.visible_world_rect(frame.rect);
    intersect(view, padded_bounds(frame, NEEDED_PAD)?)
}

/// The world rectangle past which a new image is drawn in the background.
fn refresh_world(frame: &Frame<'_>) -> geo::Rect<f64> {
    let near = frame.rect.expand2(frame.rect.size() * (MARGIN * REFRESH) as f32);
    let view = frame.camera.visible_world_rect(near);
    padded_bounds(frame, NEEDED_PAD).and_then(|b| intersect(view, b)).unwrap_or(view)
}

/// Points around the set's bounds an image reaches (room for the outlines along them), and
/// that it must reach to be shown: a point less, so that rounding never refuses an image.
const IMAGE_PAD: f64 = 4.0;
const NEEDED_PAD: f64 = 3.0;

/// The set's bounds with `points` of room around them.
fn padded_bounds(frame: &Frame<'_>, points: f64) -> Option<geo::Rect<f64>> {
    let b = frame.geometry.bounds()?;
    let pad = points * frame.camera.metres_per_point;
    Some(geo::Rect::new(
        Coord { x: b.min().x - pad, y: b.min().y - pad },
        Coord { x: b.max().x + pad, y: b.max().y + pad },
    ))
}

/// The image to draw for `frame`: the view and its margins, as far as the wards reach, on
/// whole screen pixels; `None` when it would be too large.
fn image_view(frame: &Frame<'_>) -> Option<ImageView> {
    let wanted = frame.rect.expand2(frame.rect.size() * MARGIN as f32);
    let world = intersect(frame.camera.visible_world_rect(wanted), padded_bounds(frame, IMAGE_PAD)?)?;
    let ppp = frame.pixels_per_point;
    // The corners on screen, in pixels, out to whole pixels.
    let top_left = frame.camera.world_to_screen(frame.rect, Coord { x: world.min().x, y: world.max().y });
    let bottom_right = frame.camera.world_to_screen(frame.rect, Coord { x: world.max().x, y: world.min().y });
    let (x0, y0) = ((top_left.x * ppp).floor(), (top_left.y * ppp).floor());
    let (x1, y1) = ((bottom_right.x * ppp).ceil(), (bottom_right.y * ppp).ceil());
    let (width, height) = ((x1 - x0).max(1.0) as u32, (y1 - y0).max(1.0) as u32);
    let side = u32::try_from(frame.max_texture_side).unwrap_or(u32::MAX);
    if width > side || height > side || u64::from(width) * u64::from(height) > MAX_PIXELS {
        return None;
    }
    let corner = frame.camera.screen_to_world(frame.rect, pos2(x0 / ppp, y0 / ppp));
    Some(ImageView {
        top_left: corner,
        metres_per_point: frame.camera.metres_per_point,
        pixels_per_point: ppp,
        width,
        height,
    })
}

/// Where the image of `view` lies on screen now (points).
fn screen_rect(frame: &Frame<'_>, view: &ImageView) -> Rect {
    let min: Pos2 = frame.camera.world_to_screen(frame.rect, view.top_left);
    let size = egui::vec2(view.width as f32, view.height as f32) / view.pixels_per_point;
    Rect::from_min_size(min, size)
}

fn covers(outer: geo::Rect<f64>, inner: geo::Rect<f64>) -> bool {
    outer.min().x <= inner.min().x
        && outer.min().y <= inner.min().y
        && outer.max().x >= inner.max().x
        && outer.max().y >= inner.max().y
}

fn intersect(a: geo::Rect<f64>, b: geo::Rect<f64>) -> Option<geo::Rect<f64>> {
    let min = Coord { x: a.min().x.max(b.min().x), y: a.min().y.max(b.min().y) };
    let max = Coord { x: a.max().x.min(b.max().x), y: a.max().y.min(b.max().y) };
    (min.x < max.x && min.y < max.y).then(|| geo::Rect::new(min, max))
}

#[cfg(test)]
mod tests {
    use super::*;
    use geo::{MultiPolygon, polygon};

    /// Two square wards of 1 km side by side, in world metres.
    fn two_wards() -> Arc<PreparedWardSet> {
        let square = |x: f64| {
            MultiPolygon::new(vec![
                polygon![(x: x, y: 0.0), (x: x + 1000.0, y: 0.0), (x: x + 1000.0, y: 1000.0), (x: x, y: 1000.0)],
            ])
        };
        Arc::new(PreparedWardSet::from_world(vec![square(0.0), square(1000.0)]))
    }

    const FILLS: [FillStyle; 2] = [FillStyle::Solid(crate::model::palette::Rgb(1, 2, 3)), FillStyle::NoData];

    fn view() -> Rect {
        Rect::from_min_size(pos2(0.0, 40.0), egui::vec2(800.0, 600.0))
    }

    fn frame<'a>(geometry: &'a Arc<PreparedWardSet>, camera: &'a MapCamera) -> Frame<'a> {
        Frame { geometry, fills: &FILLS, camera, rect: view(), pixels_per_point: 1.0, now: 0.0, max_texture_side: 8192 }
    }

    #[test]
    fn a_whole_set_image_covers_the_set_and_no_more() {
        let geometry = two_wards();
        let camera = MapCamera::fit(geometry.bounds().expect("bounds"), view());
        let f = frame(&geometry, &camera);
        let image = image_view(&f).expect("an image");
        let needed = needed_world(&f).expect("wards in view");
        assert!(covers(image.world_rect(), needed));
        // The set is 2 km wide at the fitted scale, plus the outline pad and a pixel.
        let set_width = 2000.0 / camera.metres_per_point;
        assert!(f64::from(image.width) <= set_width + 8.0 + 2.0, "{} for {set_width}", image.width);
    }

    #[test]
    fn the_image_lies_on_whole_screen_pixels() {
        let geometry = two_wards();
        let camera = MapCamera { centre: [1234.5, 567.8], metres_per_point: 1.7 };
        let f = frame(&geometry, &camera);
        let image = image_view(&f).expect("an image");
        let at = screen_rect(&f, &image).min;
        assert!((at.x - at.x.round()).abs() < 1e-3 && (at.y - at.y.round()).abs() < 1e-3, "{at:?}");
    }

    #[test]
    fn a_pan_within_the_margin_keeps_the_image_and_one_past_it_does_not() {
        let geometry = two_wards();
        // Zoomed in: the view sees 800 m × 600 m of the 2 km × 1 km set.
        let mut camera = MapCamera { centre: [1000.0, 500.0], metres_per_point: 1.0 };
        let image = image_view(&frame(&geometry, &camera)).expect("an image");
        camera.pan_by_points(egui::vec2(150.0, 100.0));
        let near = needed_world(&frame(&geometry, &camera)).expect("wards in view");
        assert!(covers(image.world_rect(), near), "a pan of less than the margin");
        camera.pan_by_points(egui::vec2(400.0, 0.0));
        let far = needed_world(&frame(&geometry, &camera)).expect("wards in view");
        assert!(!covers(image.world_rect(), far), "a pan past the margin");
    }

    #[test]
    fn an_image_fits_only_its_own_scale_fills_and_wards() {
        let geometry = two_wards();
        let camera = MapCamera { centre: [1000.0, 500.0], metres_per_point: 1.0 };
        let key = Key::of(&frame(&geometry, &camera));
        let mut panned = camera.clone();
        panned.pan_by_points(egui::vec2(30.0, -20.0));
        assert!(key.fits(&frame(&geometry, &panned)), "panning keeps it");
        let zoomed = MapCamera { metres_per_point: 0.9, ..camera.clone() };
        assert!(!key.fits(&frame(&geometry, &zoomed)), "a zoom does not");
        let recoloured = [FillStyle::NoData, FillStyle::NoData];
        assert!(!key.fits(&Frame { fills: &recoloured, ..frame(&geometry, &camera) }), "new fills do not");
        let other = two_wards();
        assert!(!key.fits(&frame(&other, &camera)), "another ward set does not");
        let hidpi = Frame { pixels_per_point: 2.0, ..frame(&geometry, &camera) };
        assert!(!key.fits(&hidpi), "another pixel density does not");
    }

    #[test]
    fn only_tiles_holding_a_ward_are_painted_and_neighbours_join_in_runs() {
        // 100 × 40 pixels: one opaque pixel in the first tile, a stripe over tiles 2 and 3 of the
        // second row of tiles, nothing else.
        let (width, height) = (100, 40);
        let mut rgba = vec![0u8; width * height * 4];
        rgba[(5 * width + 5) * 4 + 3] = 255;
        for x in 40..90 {
            rgba[(35 * width + x) * 4 + 3] = 10;
        }
        let runs = runs_of(&rgba, [width, height]);
        assert_eq!(
            runs,
            vec![Run { x0: 0, y0: 0, x1: 32, y1: 32 }, Run { x0: 32, y0: 32, x1: 96, y1: 40 }],
            "{runs:?}"
        );
    }

    #[test]
    fn no_image_is_drawn_larger_than_a_texture_may_be() {
        let geometry = two_wards();
        let camera = MapCamera { centre: [1000.0, 500.0], metres_per_point: 0.1 };
        let small_gpu = Frame { max_texture_side: 512, ..frame(&geometry, &camera) };
        assert_eq!(image_view(&small_gpu), None);
    }
}
