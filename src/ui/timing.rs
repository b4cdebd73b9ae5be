//! Timing, for `docs/performance.md`: with `WARDMAP_TIMING=1` the app prints how long after the
//! process started its first map frame was drawn; with `WARDMAP_TIMING=exit` it also closes
//! then, so `time WARDMAP_TIMING=exit wardmap` measures the whole process from exec to first
//! frame (and its exit); with `WARDMAP_TIMING=frames` it also prints, once a second while the
//! window draws, how many frames it drew in the last second and how long they took (the figures
//! of the View menu's readout, [`super::frame_rate`]), so frame rates can be measured under
//! Xvfb while `xdotool` drags the map.

use std::sync::OnceLock;
use std::time::Instant;

use super::frame_rate::FrameStats;

static START: OnceLock<Instant> = OnceLock::new();
static FRAMES: OnceLock<bool> = OnceLock::new();

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

/// Whether `WARDMAP_TIMING=frames` asks for the frame counter on stderr.
pub fn counting_frames() -> bool {
    *FRAMES.get_or_init(|| std::env::var("WARDMAP_TIMING").is_ok_and(|mode| mode == "frames"))
}

/// With `WARDMAP_TIMING=frames`, print the last second's frames, at most once a second
/// (`now`: egui's clock, seconds; `last`: when this last printed), and whether the last frame
/// drew the map from its image (`ui/map_view/base_cache.rs`) or from its meshes.
pub fn report_frames(stats: &FrameStats, now: f64, last: &mut Option<f64>, from_image: bool) {
    if !counting_frames() || last.is_some_and(|at| now - at < 1.0) {
        return;
    }
    *last = Some(now);
    if let Some(summary) = stats.summary() {
        let map = if from_image { "map from its image" } else { "map live" };
        eprintln!("wardmap: {} frames in the last second: {} ({map})", stats.frames_in_window(), summary.text());
    }
}
