//! `wardmap --screenshot FILE.png`: start the real GUI, wait for the first full frame with the
//! data drawn, save the window to a PNG and quit. The README's screenshot and CI use it.

use std::path::PathBuf;
use std::sync::{Arc, Mutex};

/// The outcome, shared with `run_app` so the process can exit non-zero when saving failed.
pub type Outcome = Arc<Mutex<Option<Result<PathBuf, String>>>>;

pub struct ScreenshotOnStart {
    path: PathBuf,
    frames: u32,
    requested: bool,
    pub outcome: Outcome,
}

/// Frames to draw before capturing: the first lays out panels and fonts, the next ones settle.
const SETTLE_FRAMES: u32 = 3;

impl ScreenshotOnStart {
    pub fn new(path: PathBuf) -> Self {
        ScreenshotOnStart { path, frames: 0, requested: false, outcome: Arc::default() }
    }

    /// Call at the end of every frame; `ready` says the data is loaded and drawn.
    pub fn after_frame(&mut self, ctx: &egui::Context, ready: bool) {
        let done = self.outcome.lock().map(|o| o.is_some()).unwrap_or(true);
        if done {
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            return;
        }
        ctx.request_repaint();
        if !ready || self.requested {
            return;
        }
        self.frames += 1;
        if self.frames < SETTLE_FRAMES {
            return;
        }
        self.requested = true;
        let path = self.path.clone();
        let outcome = Arc::clone(&self.outcome);
        let repaint = ctx.clone();
        ctx.request_screenshot(move |image: Arc<egui::ColorImage>| {
            let result = save_png(&path, &image).map(|()| path.clone());
            if let Ok(mut slot) = outcome.lock() {
                *slot = Some(result);
            }
            repaint.request_repaint();
        });
    }
}

/// Encode a captured frame as PNG and write it atomically.
pub fn save_png(path: &std::path::Path, image: &egui::ColorImage) -> Result<(), String> {
    let [width, height] = image.size;
    let bytes: Vec<u8> = image.pixels.iter().flat_map(|p| p.to_array()).collect();
    let mut png = Vec::new();
    let encoder = image::codecs::png::PngEncoder::new(std::io::Cursor::new(&mut png));
    image::ImageEncoder::write_image(encoder, &bytes, width as u32, height as u32, image::ExtendedColorType::Rgba8)
        .map_err(|e| format!("could not encode the screenshot: {e}"))?;
    crate::render::write_atomically(path, &png, crate::render::Overwrite::Allow).map_err(|e| e.to_string())
}
