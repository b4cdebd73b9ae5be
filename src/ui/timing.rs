//! Start-up timing, for `docs/performance.md`: with `WARDMAP_TIMING=1` the app prints how long
//! after the process started its first map frame was drawn; with `WARDMAP_TIMING=exit` it also
//! closes then, so `time WARDMAP_TIMING=exit wardmap` measures the whole process from exec to
//! first frame (and its exit).

use std::sync::OnceLock;
use std::time::Instant;

static START: OnceLock<Instant> = OnceLock::new();

/// Note the moment the process started: call first thing in `main`.
pub fn mark_process_start() {
    let _ = START.set(Instant::now());
}

/// Called after each frame with whether the map was drawn; reports the first drawn frame once.
pub fn after_frame(ctx: &egui::Context, map_drawn: bool, reported: &mut bool) {
    if *reported || !map_drawn {
        return;
    }
    *reported = true;
    let Ok(mode) = std::env::var("WARDMAP_TIMING") else { return };
    let elapsed = START.get().map_or(0, |start| start.elapsed().as_millis());
    eprintln!("wardmap: first map frame drawn {elapsed} ms after start");
    if mode == "exit" {
        ctx.send_viewport_cmd(egui::ViewportCommand::Close);
    }
}
