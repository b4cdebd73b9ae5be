//! Temporary: the real app under a frame timer (not for commit).
use std::time::{Duration, Instant};

struct Timed {
    inner: wardmap::ui::WardmapApp,
    frames: u32,
    ui_time: Duration,
    cpu: f32,
    since: Instant,
}

impl eframe::App for Timed {
    fn ui(&mut self, ui: &mut egui::Ui, frame: &mut eframe::Frame) {
        let t = Instant::now();
        self.inner.ui(ui, frame);
        self.ui_time += t.elapsed();
        self.cpu += frame.info().cpu_usage.unwrap_or(0.0);
        self.frames += 1;
        if self.since.elapsed() > Duration::from_secs(2) {
            let n = self.frames.max(1);
            eprintln!(
                "{:.1} fps, App::ui {:.1} ms, eframe cpu (ui+tessellate+paint) {:.1} ms per frame",
                f64::from(n) / self.since.elapsed().as_secs_f64(),
                self.ui_time.as_secs_f64() * 1e3 / f64::from(n),
                f64::from(self.cpu) * 1e3 / f64::from(n)
            );
            self.frames = 0;
            self.ui_time = Duration::ZERO;
            self.cpu = 0.0;
            self.since = Instant::now();
        }
    }
}

fn main() -> eframe::Result {
    let n: usize = std::env::args().nth(1).and_then(|s| s.parse().ok()).unwrap_or(10_000);
    let data = if n == 0 {
        wardmap::io::embedded::barnet()
    } else {
        wardmap::synthetic::load(n, wardmap::synthetic::DEFAULT_SEED).map(|l| l.dataset).unwrap_or_default()
    };
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default().with_inner_size([1400.0, 900.0]),
        ..Default::default()
    };
    eframe::run_native(
        "wardmap",
        options,
        Box::new(move |cc| {
            let inner = wardmap::ui::WardmapApp::new(cc, data);
            Ok(Box::new(Timed { inner, frames: 0, ui_time: Duration::ZERO, cpu: 0.0, since: Instant::now() }))
        }),
    )
}
