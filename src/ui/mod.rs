//! The egui side: the app shell, the map widget and the panels. Thin: all analysis is in
//! [`crate::analysis`], all geometry in [`crate::geometry`].

pub mod app;
pub mod borough;
pub mod command;
pub mod compare;
pub mod details;
pub mod export;
pub mod find;
pub mod keyboard;
pub mod legend;
pub mod loader;
pub mod map_view;
pub mod mode_bar;
pub mod open;
pub mod properties;
pub mod screenshot;
pub mod state;
pub mod status;
pub mod top_bar;

pub use app::WardmapApp;

use crate::model::palette::Rgb;

/// The palette's colour as egui's.
pub fn to_color32(rgb: Rgb) -> egui::Color32 {
    egui::Color32::from_rgb(rgb.0, rgb.1, rgb.2)
}

/// A party's colour as the map draws it (the colour-blind-safe palette when that is on), so
/// swatches in panels always match the map.
pub fn party_colour32(party: &crate::model::Party, colour_blind: bool) -> egui::Color32 {
    to_color32(crate::analysis::scales::party_map_colour(party, colour_blind))
}

/// A small square of colour before a party's name.
pub fn swatch(ui: &mut egui::Ui, colour: egui::Color32) {
    let (rect, _) = ui.allocate_exact_size(egui::vec2(10.0, 10.0), egui::Sense::hover());
    ui.painter().rect_filled(rect, 2.0, colour);
}

/// Open the app window on the data the command line names (the embedded Barnet data by
/// default). Files named on the command line load on a worker thread while the window shows a
/// spinner. With `--screenshot`, saves the window to that PNG once the map is drawn, then exits.
pub fn run_app(data: crate::cli::DataArgs, gui: crate::cli::gui::GuiArgs) -> Result<(), String> {
    let mode =
        gui.mode.as_deref().map(str::parse::<crate::analysis::ColourMode>).transpose().map_err(|e| e.to_string())?;
    let screenshot = gui.screenshot.clone().map(screenshot::ScreenshotOnStart::new);
    let outcome = screenshot.as_ref().map(|s| std::sync::Arc::clone(&s.outcome));
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("wardmap")
            .with_inner_size([1400.0, 900.0])
            .with_min_inner_size([640.0, 400.0])
            .with_drag_and_drop(true),
        ..Default::default()
    };
    let restore = gui.screenshot.is_none();
    let files_given = data.boundaries.is_some() || !data.results.is_empty() || data.synthetic.is_some();
    eframe::run_native(
        "wardmap",
        options,
        Box::new(move |cc| {
            let start = app::StartOptions { election: gui.election, mode, select: gui.select };
            let mut app = if files_given {
                let mut app = WardmapApp::new_with(cc, crate::model::Dataset::default(), restore);
                app.load_from_command_line(data, start);
                app
            } else {
                let mut app = WardmapApp::new_with(cc, crate::io::embedded::barnet(), restore);
                app.apply_start(&start);
                app
            };
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
