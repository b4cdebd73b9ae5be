//! The egui side: the app shell, the map widget and the panels. Thin: all analysis is in
//! [`crate::analysis`], all geometry in [`crate::geometry`].

pub mod app;
pub mod borough;
pub mod boroughs;
pub mod command;
pub mod compare;
pub mod details;
pub mod estimate;
pub mod export;
pub mod find;
pub mod frame_rate;
pub mod hexmap;
pub mod history;
pub mod keyboard;
pub mod legend;
pub mod loader;
pub mod map_view;
pub mod mode_bar;
pub mod open;
pub mod panel_cache;
pub mod properties;
pub mod scatter;
pub mod screenshot;
pub mod state;
pub mod status;
pub mod table;
pub mod timing;
pub mod top_bar;
pub mod ward_figures;
pub mod watch;
pub mod widgets;

pub use app::WardmapApp;

/// Open the app window on `source` (the embedded Barnet data opens at once; anything else
/// loads on a worker thread while the window shows a spinner), showing `start` once loaded.
/// With `screenshot`, saves the window to that PNG once the map is drawn, then exits.
///
/// # Errors
/// The window cannot open, or the screenshot could not be saved (or was never taken).
pub fn run_app(
    source: crate::session::Source,
    start: crate::session::StartOptions,
    screenshot: Option<std::path::PathBuf>,
) -> Result<(), String> {
    let hex_layout = start.hex_layout.clone();
    let restore = screenshot.is_none();
    let screenshot = screenshot.map(screenshot::ScreenshotOnStart::new);
    let outcome = screenshot.as_ref().map(|s| std::sync::Arc::clone(&s.outcome));
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("wardmap")
            .with_inner_size([1400.0, 900.0])
            .with_min_inner_size([640.0, 400.0])
            .with_drag_and_drop(true),
        // A screenshot run leaves the saved window size alone, as it leaves the saved view.
        persist_window: restore,
        // The map is flat colours: dithering has no banding to hide, and in Mesa's software
        // renderer its per-pixel noise was a fifth of a frame (docs/performance.md).
        dithering: false,
        ..Default::default()
    };
    eframe::run_native(
        "wardmap",
        options,
        Box::new(move |cc| {
            let mut app = if source == crate::session::Source::Embedded {
                // Barnet at once (its own files and its London rows), the rest of London behind it:
                // the window's first frame must not wait for 4 MB of London boundaries.
                let mut app = WardmapApp::new_with(cc, crate::session::embedded_barnet(), restore);
                let barnet_first =
                    start.borough.as_deref().is_none_or(|b| crate::model::borough::normalise_borough(b) == "barnet");
                app.load_rest_of_london(cc.egui_ctx.clone());
                if barnet_first {
                    app.apply_start(&start);
                } else {
                    // Another borough is only there once the rest of London has loaded.
                    app.pending_start = Some(start);
                }
                app
            } else {
                let mut app = WardmapApp::new_with(cc, crate::model::Dataset::default(), restore);
                if let (true, crate::session::Source::Files { boundaries, results }) = (start.watch, &source) {
                    let watched: Vec<std::path::PathBuf> = boundaries.iter().chain(results).cloned().collect();
                    app.start_watching(&watched);
                }
                app.load_from_command_line(source, start);
                app
            };
            if let Some(layout) = hex_layout {
                app.use_hex_layout(layout);
            }
            app.screenshot = screenshot;
            Ok(Box::new(app) as Box<dyn eframe::App>)
        }),
    )
    .map_err(|e| e.to_string())?;
    match outcome.map(|o| o.lock().map(|mut slot| slot.take()).ok().flatten()) {
        None => Ok(()),
        Some(Some(Ok(path))) => {
            println!("saved {}", path.display());
            Ok(())
        }
        Some(Some(Err(message))) => Err(message),
        Some(None) => Err("the window closed before the screenshot was taken".into()),
    }
}
