//! One frame of the map at 10,000 wards, headless: egui's layout pass with the real map
//! widget (culling, level of detail, moving cached meshes, outlines, labels, hover), then
//! egui's tessellation of what it painted. Only the GPU upload and draw are left out.
//!
//! The pointer moves every frame, so each frame also hit-tests and draws a hover outline.

use divan::Bencher;
use egui::{CentralPanel, Context, Event, Pos2, RawInput, Rect, pos2, vec2};
use wardmap::ui::WardmapApp;
use wardmap::ui::map_view::{MapCamera, MapView};

use crate::fixtures::synthetic;

/// The app's default window size.
const SCREEN: [f32; 2] = [1400.0, 900.0];
/// Wards in the measured set.
const WARDS: usize = 10_000;
/// Zoom factors measured: the whole set (the worst case: every ward in view, with outlines),
/// a borough-sized view and a neighbourhood.
const ZOOMS: [f64; 3] = [1.0, 4.0, 16.0];

/// A headless egui context showing the map widget over a synthetic set.
struct MapScene {
    ctx: Context,
    camera: MapCamera,
    frame: u32,
}

impl MapScene {
    fn new(zoom: f64) -> Self {
        let mut scene = MapScene { ctx: Context::default(), camera: MapCamera::default(), frame: 0 };
        // The first frame fits the camera and loads fonts; then zoom about the centre.
        scene.run(false);
        scene.camera.metres_per_point /= zoom;
        for _ in 0..3 {
            scene.run(true);
        }
        scene
    }

    /// The pointer wanders in a circle around the middle of the view.
    fn input(&mut self) -> RawInput {
        self.frame += 1;
        let angle = f32::from(u16::try_from(self.frame % 360).unwrap_or(0)).to_radians();
        let pointer: Pos2 = pos2(SCREEN[0] / 2.0 + 200.0 * angle.cos(), SCREEN[1] / 2.0 + 150.0 * angle.sin());
        RawInput {
            screen_rect: Some(Rect::from_min_size(Pos2::ZERO, vec2(SCREEN[0], SCREEN[1]))),
            time: Some(f64::from(self.frame) / 60.0),
            events: vec![Event::PointerMoved(pointer)],
            ..Default::default()
        }
    }

    /// One frame; with `tessellate`, egui's tessellation of the painted shapes too.
    fn run(&mut self, tessellate: bool) -> usize {
        let fixture = synthetic(WARDS);
        let input = self.input();
        let camera = &mut self.camera;
        let output = self.ctx.run_ui(input, |ui| {
            CentralPanel::default().show(ui, |ui| {
                MapView::new(&fixture.prepared, &fixture.colouring.fills)
                    .labels(&fixture.labels)
                    .tooltip(&|ui, ward| {
                        ui.label(&fixture.labels[ward]);
                    })
                    .show(ui, camera);
            });
        });
        if tessellate { self.ctx.tessellate(output.shapes, output.pixels_per_point).len() } else { output.shapes.len() }
    }
}

/// The budget figure: layout, mesh transform and tessellation of one frame.
#[divan::bench(args = ZOOMS)]
fn map_10000_wards(bencher: Bencher, zoom: f64) {
    let mut scene = MapScene::new(zoom);
    bencher.bench_local(|| scene.run(true));
}

/// The widget's own share: egui layout and the map's painting, without tessellation.
#[divan::bench(args = ZOOMS)]
fn map_widget_only(bencher: Bencher, zoom: f64) {
    let mut scene = MapScene::new(zoom);
    bencher.bench_local(|| scene.run(false));
}

/// The whole app (panels, legend, status bar and map) at 10,000 wards, stepped by
/// egui_kittest (which adds its AccessKit bookkeeping); without tessellation.
#[divan::bench(sample_count = 30)]
fn app_10000_wards(bencher: Bencher) {
    let fixture = synthetic(WARDS);
    let data = fixture.data.clone();
    let mut harness = egui_kittest::Harness::builder()
        .with_size(vec2(SCREEN[0], SCREEN[1]))
        .build_eframe(|_| WardmapApp::with_data(data, Default::default()));
    let mut frame = 0u32;
    bencher.bench_local(|| {
        frame += 1;
        let x = 500.0 + f32::from(u16::try_from(frame % 200).unwrap_or(0));
        harness.hover_at(pos2(x, 450.0));
        harness.step();
    });
}
