//! The app shell: owns the data, the view state and the caches; lays out the panels; applies
//! the commands they return.

use super::command::Command;
use super::export::{ExportDialog, ExportRequest, ExportSource};
use super::find::FindBox;
use super::loader::{self, LoadJob, Ready};
use super::open::{OpenFlow, OpenOutcome};
use super::properties::{PropertyChoice, PropertyDecision};
use super::state::SidePanel;
use super::state::{self, SubjectKey, ViewState};
use super::{borough, compare, details, keyboard, legend, top_bar};
use crate::analysis::colouring::{self, Colouring, MapSubject};
use crate::geometry::PreparedWardSet;
use crate::io::properties::BoundaryOptions;
use crate::model::{Dataset, WardSetId};
use crate::session::{Source, StartOptions};
use crate::ui::map_view::{MapResponse, MapView};
use std::path::PathBuf;
use std::sync::Arc;

const STATE_KEY: &str = "wardmap.view";

/// The wardmap window.
pub struct WardmapApp {
    /// What the user chose; persisted.
    pub state: ViewState,
    data: Arc<Dataset>,
    /// One prepared (projected, triangulated, indexed) geometry per ward set, built once on load.
    geometry: loader::PreparedSets,
    subject: Option<MapSubject>,
    /// The colouring of the shown map, recomputed only when the subject or spec changes.
    colouring: Colouring,
    /// Ward names of the shown set, for labels.
    labels: Vec<String>,
    /// What the bars show, worked out with the colouring rather than every frame.
    derived: Derived,
    show_about: bool,
    find: FindBox,
    open_flow: OpenFlow,
    job: Option<LoadJob>,
    export: ExportDialog,
    /// Command-line choices waiting for their data to load.
    pub(super) pending_start: Option<StartOptions>,
    /// Offered after a boundary file whose code or name property was a guess.
    property_choice: Option<PropertyChoice>,
    /// A window capture asked for by the export dialog: taken in the next frame, without the
    /// dialog or tooltips; the result comes back on the channel.
    capture: Option<PathBuf>,
    capture_result: Option<std::sync::mpsc::Receiver<Result<PathBuf, String>>>,
    /// A message for the user (an error from the last open, or notes from a load).
    pub notice: Option<Notice>,
    /// The map's screen rect in the last frame (tests click into it).
    pub map_rect: Option<egui::Rect>,
    /// Whether the last frame drew the map's fills and outlines from the image kept while
    /// panning (`ui/map_view/base_cache.rs`) rather than from the meshes (tests ask).
    pub map_from_image: bool,
    /// The egui context, for background jobs to wake the UI.
    ctx: Option<egui::Context>,
    /// Whether the view is saved on exit (not for `--screenshot` runs).
    persist: bool,
    /// Set by `--screenshot`.
    pub screenshot: Option<super::screenshot::ScreenshotOnStart>,
    /// Whether the first drawn map frame was reported (`WARDMAP_TIMING`).
    first_frame_reported: bool,
    /// What the side panels worked out, until what they show changes.
    panel_cache: super::panel_cache::PanelCache,
    /// A saved view to show once its data has loaded, and the view shown meanwhile (a user who
    /// changed it in the meantime keeps theirs).
    awaited_subject: Option<(SubjectKey, Option<SubjectKey>)>,
    /// Files opened while the rest of London was loading, opened once it is in.
    queued_files: Vec<(Vec<PathBuf>, BoundaryOptions)>,
    /// What the last frame could not name inside the wards (numbered, or too many).
    unlabelled: crate::ui::map_view::Unlabelled,
    /// The split view's second map: its election and colouring (same measure as the first).
    split: Option<(MapSubject, Colouring)>,
    /// Where the split view's second map was drawn, for tests.
    pub split_rect: Option<egui::Rect>,
    /// Each ward set's hex map, prepared when first shown.
    hexes: super::hexmap::HexSets,
    /// Files read again when they change on disk (`--watch`): election night.
    watch: Option<super::watch::Watch>,
    /// Whether the load in progress is a watched file read again.
    reloading_watched: bool,
    /// The last second's frames, for the View menu's readout and `WARDMAP_TIMING=frames`.
    frame_stats: super::frame_rate::FrameStats,
    /// When `WARDMAP_TIMING=frames` last printed (egui's clock).
    frames_reported_at: Option<f64>,
}

impl WardmapApp {
    /// Build the app on `data`, restoring the last view when eframe has one stored.
    pub fn new(cc: &eframe::CreationContext<'_>, data: Dataset) -> Self {
        Self::new_with(cc, data, true)
    }

    /// Like [`Self::new`]; with `restore` false the saved view is ignored (and not overwritten),
    /// so `--screenshot` gives the same picture on every machine.
    pub fn new_with(cc: &eframe::CreationContext<'_>, data: Dataset, restore: bool) -> Self {
        let saved: Option<ViewState> =
            if restore { cc.storage.and_then(|s| eframe::get_value(s, STATE_KEY)) } else { None };
        let saved_subject = saved.as_ref().and_then(|s| s.subject.clone());
        let mut app = Self::with_data(data, saved.unwrap_or_default());
        // A saved view of a borough not loaded yet (the rest of London comes in behind
        // Barnet) is shown once it is there, unless the user has moved on by then.
        if saved_subject.is_some() && app.state.subject != saved_subject {
            app.awaited_subject = saved_subject.map(|key| (key, app.state.subject.clone()));
        }
        app.persist = restore;
        install_fonts(&cc.egui_ctx);
        app.apply_theme(&cc.egui_ctx);
        app
    }

    /// Build on `data` with a given view state (used by tests and by `new`).
    pub fn with_data(data: Dataset, state: ViewState) -> Self {
        let mut app = WardmapApp {
            state,
            data: Arc::new(Dataset::default()),
            geometry: loader::PreparedSets::default(),
            subject: None,
            colouring: colouring::colour(
                &Dataset::default(),
                MapSubject::WardSetOnly(WardSetId(0)),
                &colouring::ColourSpec::winner(),
            ),
            labels: Vec::new(),
            derived: Derived::default(),
            show_about: false,
            find: FindBox::default(),
            open_flow: OpenFlow::default(),
            job: None,
            export: ExportDialog::default(),
            pending_start: None,
            property_choice: None,
            capture: None,
            capture_result: None,
            notice: None,
            map_rect: None,
            map_from_image: false,
            screenshot: None,
            persist: true,
            ctx: None,
            first_frame_reported: false,
            panel_cache: super::panel_cache::PanelCache::default(),
            awaited_subject: None,
            queued_files: Vec::new(),
            unlabelled: crate::ui::map_view::Unlabelled::default(),
            watch: None,
            reloading_watched: false,
            hexes: super::hexmap::HexSets::default(),
            split: None,
            split_rect: None,
            frame_stats: super::frame_rate::FrameStats::default(),
            frames_reported_at: None,
        };
        app.replace_data(data);
        app
    }

    /// Swap in new data, keeping the view where it still makes sense.
    pub fn replace_data(&mut self, data: Dataset) {
        let geometry = loader::PreparedSets::lazy(&data);
        self.install(data, geometry);
    }

    fn install(&mut self, data: Dataset, geometry: loader::PreparedSets) {
        let shown_set_name = |app: &Self| {
            let set = app.subject.and_then(|s| state::ward_set_of(&app.data, s))?;
            app.data.ward_set(set).map(|s| s.source.clone())
        };
        let before = shown_set_name(self);
        self.geometry = geometry;
        self.hexes = super::hexmap::HexSets::lazy(&data, self.hexes.opened());
        self.data = Arc::new(data);
        self.panel_cache.clear();
        // Indexes into the old data mean nothing in the new: resolve the view by name.
        self.subject = None;
        let subject = self
            .state
            .subject
            .as_ref()
            .and_then(|key| key.resolve(&self.data))
            .or_else(|| state::default_subject(&self.data));
        self.set_subject(subject);
        if before.is_some() && before != shown_set_name(self) {
            self.state.selected.clear();
            self.state.camera = crate::ui::map_view::MapCamera::default();
        }
    }

    /// The names the last frame could not write inside their wards.
    pub fn unlabelled(&self) -> &crate::ui::map_view::Unlabelled {
        &self.unlabelled
    }

    /// How many analyses the side panels have computed: an idle frame adds none.
    pub fn panel_computations(&self) -> usize {
        self.panel_cache.computations()
    }

    pub fn data(&self) -> &Dataset {
        &self.data
    }

    pub fn subject(&self) -> Option<MapSubject> {
        self.subject
    }

    pub fn colouring(&self) -> &Colouring {
        &self.colouring
    }

    /// The prepared geometry of the shown ward set.
    pub fn shown_geometry(&self) -> Option<&Arc<PreparedWardSet>> {
        let set = state::ward_set_of(&self.data, self.subject?)?;
        if self.state.hex_map {
            return self.hexes.get(&self.data, set).map(|h| &h.geometry);
        }
        self.geometry.get(&self.data, set)
    }

    /// The credit or note of the hex layout shown (its licence's credit, or that it was
    /// generated); `None` on the geographic map.
    pub fn hex_note(&self) -> Option<String> {
        if !self.state.hex_map {
            return None;
        }
        let set = state::ward_set_of(&self.data, self.subject?)?;
        self.hexes.get(&self.data, set).map(|h| h.layout.note())
    }

    fn set_subject(&mut self, subject: Option<MapSubject>) {
        let old_set = self.subject.and_then(|s| state::ward_set_of(&self.data, s));
        self.subject = subject;
        self.state.subject = subject.and_then(|s| SubjectKey::of(&self.data, s));
        let new_set = subject.and_then(|s| state::ward_set_of(&self.data, s));
        self.labels = new_set
            .and_then(|s| self.data.ward_set(s))
            .map(|s| s.wards.iter().map(|w| w.name.clone()).collect())
            .unwrap_or_default();
        let ward_count = self.labels.len();
        self.state.selected.retain(|w| *w < ward_count);
        // Other wards, other shapes: a selection or camera of the old set means nothing here.
        // (At start-up there is no old set: the saved selection and camera are kept.)
        if old_set.is_some() && old_set != new_set {
            self.state.selected.clear();
            self.state.camera = crate::ui::map_view::MapCamera::default();
        }
        self.recolour();
    }

    fn recolour(&mut self) {
        self.colouring = match self.subject {
            Some(subject) => colouring::colour(&self.data, subject, &self.state.colour),
            None => colouring::colour(&self.data, MapSubject::WardSetOnly(WardSetId(0)), &self.state.colour),
        };
        if self.watch.is_some() {
            crate::analysis::declared::mark_awaiting(&mut self.colouring);
        }
        let beside =
            self.state.split.as_ref().and_then(|key| key.resolve(&self.data)).filter(|s| Some(*s) != self.subject);
        self.split = beside.map(|subject| (subject, colouring::colour(&self.data, subject, &self.state.colour)));
        self.derived = Derived::of(&self.data, self.subject, &self.state.colour);
    }

    /// Read `paths` again whenever they change on disk, from now on (the load that first reads
    /// them is the caller's).
    pub fn start_watching(&mut self, paths: &[PathBuf]) {
        self.watch = Some(super::watch::Watch::new(paths));
        self.recolour();
    }

    /// Open `paths` and read them again whenever they change on disk.
    pub fn watch_files(&mut self, paths: Vec<PathBuf>) {
        self.start_watching(&paths);
        self.open_files(paths);
    }

    /// Draw hex maps on `layout` wherever it covers the wards (`--hexmap`), before the shipped
    /// or a generated one.
    pub fn use_hex_layout(&mut self, layout: crate::model::hexmap::HexLayout) {
        self.hexes = super::hexmap::HexSets::lazy(&self.data, Some(Arc::new(layout)));
    }

    /// "14 of 21 declared" for the election shown, while files are watched.
    pub fn declared(&self) -> Option<String> {
        self.watch.as_ref()?;
        let Some(MapSubject::Election(id)) = self.subject else { return None };
        crate::analysis::declared::declared(&self.data, id).map(crate::analysis::declared::declared_text)
    }

    /// Look at the watched files; read again those that changed, unless a load is running
    /// (they are looked at again once it is done).
    pub fn check_watched(&mut self) {
        if self.job.is_some() {
            return;
        }
        let changed = self.watch.as_mut().map(super::watch::Watch::changed).unwrap_or_default();
        if !changed.is_empty() {
            self.reloading_watched = true;
            self.open_files(changed);
        }
    }

    /// Apply what the panels asked for.
    pub fn apply(&mut self, command: Command) {
        match command {
            Command::ShowSubject(subject) => self.set_subject(Some(subject)),
            Command::SetColourMode(mode) => {
                self.state.colour.mode = mode;
                self.recolour();
            }
            Command::SetColourSpec(spec) => {
                self.state.colour = spec;
                self.recolour();
            }
            Command::ShowPanel(panel) => self.state.side_panel = panel,
            Command::SelectWards(wards) => {
                let count = self.labels.len();
                self.state.selected = wards.into_iter().filter(|w| *w < count).collect();
            }
            Command::SelectWard { ward, toggle } => {
                if toggle {
                    match self.state.selected.iter().position(|w| *w == ward) {
                        Some(i) => {
                            self.state.selected.remove(i);
                        }
                        None => self.state.selected.push(ward),
                    }
                    if self.state.selected.len() > 1 {
                        self.state.side_panel = SidePanel::Compare;
                    }
                } else {
                    self.state.selected = vec![ward];
                    self.state.side_panel = SidePanel::Details;
                }
            }
            Command::ChooseFiles => {
                let ctx = self.egui_ctx_for_jobs();
                self.open_flow.start(&ctx);
            }
            Command::OpenFiles(paths) => self.open_files(paths),
            Command::CancelLoad => {
                if let Some(job) = self.job.take() {
                    job.cancel();
                    self.notice =
                        Some(Notice::info(format!("Stopped opening {}. The map is unchanged.", job.description)));
                }
            }
            Command::ResetData => {
                self.replace_data(crate::session::embedded_barnet());
                self.load_rest_of_london(self.egui_ctx_for_jobs());
                self.notice =
                    Some(Notice::info("Back to the built-in data: Barnet, and all of London behind it.".into()));
            }
            Command::DismissNotice => self.notice = None,
            Command::SetYearsCompared { from, to } => {
                self.state.history_from = Some(from);
                self.state.history_to = Some(to);
            }
            Command::SetRival(borough) => self.state.rival = Some(borough),
            Command::SetTableFilter(text) => self.state.table_filter = text,
            Command::SetTableOnlySelected(only) => self.state.table_only_selected = only,
            Command::SortTable(column) => {
                self.state.table_sort = match self.state.table_sort {
                    Some((current, descending)) if current == column => Some((column, !descending)),
                    _ => Some((column, false)),
                };
            }
            Command::SetTablePath(path) => self.state.table_path = path,
            Command::SaveTable(path) => self.save_table(&path),
            Command::SetScatter(scatter) => self.state.scatter = scatter,
            Command::SaveScatter(path) => {
                let Some(MapSubject::Election(id)) = self.subject else { return };
                self.notice = Some(match super::scatter::save(&self.data, id, &self.state, &path) {
                    Ok(()) => Notice::info(format!("Saved the scatter plot to {}.", path.display())),
                    Err(e) => Notice::error(format!("The scatter plot was not saved: {e}")),
                });
            }
            Command::CopyText(text) => {
                self.egui_ctx_for_jobs().copy_text(text);
                self.notice = Some(Notice::info("Copied the table's rows (tab-separated).".into()));
            }
            Command::ReloadWithProperties(path, options) => {
                self.property_choice = None;
                self.open_files_with(vec![path], options);
            }
            Command::CloseProperties => self.property_choice = None,
            Command::CaptureWindow(path) => {
                self.capture = Some(path);
                self.egui_ctx_for_jobs().request_repaint();
            }
            Command::ExportFinished(result) => self.notice = Some(export_notice(result)),
            Command::SortLondon(column) => {
                let sort = &mut self.state.london_sort;
                sort.descending = if sort.column == column {
                    !sort.descending
                } else {
                    column != super::state::LondonColumn::Borough
                };
                sort.column = column;
            }
            Command::OpenExport => self.export.open(&self.colouring),
            Command::ClearSelection => self.state.selected.clear(),
            Command::RevealSelection => self.reveal_selection(),
            Command::OpenFind => self.find.open(),
            Command::FitView => self.state.camera = crate::ui::map_view::MapCamera::default(),
            Command::ToggleLabels => self.state.show_labels = !self.state.show_labels,
            Command::SetSplit(beside) => {
                self.state.split = beside.and_then(|s| SubjectKey::of(&self.data, s));
                // One map becomes two of half the width, or back: fit the borough again.
                self.state.camera = crate::ui::map_view::MapCamera::default();
                self.recolour();
            }
            Command::ToggleHexMap => {
                self.state.hex_map = !self.state.hex_map;
                // Hexes and wards do not share coordinates: fit the new map.
                self.state.camera = crate::ui::map_view::MapCamera::default();
                self.notice = self.hex_note().map(Notice::info);
            }
            Command::ToggleDarkMode => self.state.dark_mode = !self.state.dark_mode,
            Command::ToggleFrameRate => self.state.show_frame_rate = !self.state.show_frame_rate,
            Command::ShowAbout(open) => self.show_about = open,
        }
    }

    /// The context jobs repaint; set on the first frame.
    fn egui_ctx_for_jobs(&self) -> egui::Context {
        self.ctx.clone().unwrap_or_default()
    }

    /// Start loading files in the background; the current map stays until they are ready.
    pub fn open_files(&mut self, paths: Vec<PathBuf>) {
        if paths.is_empty() {
            return;
        }
        self.open_files_with(paths, BoundaryOptions::default());
    }

    fn open_files_with(&mut self, paths: Vec<PathBuf>, options: BoundaryOptions) {
        // The rest of London loading behind Barnet is not cancelled by a file the user opens:
        // the file waits for it and is added on top, so neither is lost.
        if self.job.as_ref().is_some_and(|job| !job.announce) {
            self.queued_files.push((paths, options));
            return;
        }
        if let Some(job) = self.job.take() {
            job.cancel();
        }
        self.job = Some(LoadJob::add_files(Arc::clone(&self.data), paths, options, self.egui_ctx_for_jobs()));
    }

    /// Take a finished load: swap the data in, or keep the old data and show why not.
    fn poll_job(&mut self) {
        let Some(job) = &mut self.job else { return };
        let Some(result) = job.poll() else { return };
        let description = job.description.clone();
        let announce = job.announce;
        self.job = None;
        match result {
            Ok(ready) => {
                let Ready { session, geometry } = *ready;
                self.state.remember(&session.opened);
                self.property_choice = session.unsure.first().cloned().map(PropertyChoice::new);
                let opened: Vec<String> = session.opened.iter().map(|p| p.display().to_string()).collect();
                self.install(session.dataset, geometry);
                // Show the newest election the files brought, if any.
                let new = self.data.elections.iter().rposition(|e| opened.contains(&e.election.source));
                if let Some(index) = new {
                    self.set_subject(Some(MapSubject::Election(crate::model::ElectionId(index))));
                }
                if let Some((awaited, meanwhile)) = self.awaited_subject.take()
                    && self.state.subject == meanwhile
                    && let Some(subject) = awaited.resolve(&self.data)
                {
                    self.set_subject(Some(subject));
                }
                if let Some(start) = self.pending_start.take() {
                    self.apply_start(&start);
                }
                if !self.queued_files.is_empty() {
                    let (paths, options) = self.queued_files.remove(0);
                    self.open_files_with(paths, options);
                }
                if !session.failed.is_empty() {
                    let mut text = String::from("Some files could not be opened; the others are open.");
                    for failure in &session.failed {
                        text.push('\n');
                        text.push_str(failure);
                    }
                    self.notice = Some(Notice::error(text));
                } else if std::mem::take(&mut self.reloading_watched) {
                    let declared = self.declared().map_or_else(String::new, |d| format!(": {d}"));
                    self.notice =
                        Some(Notice::info(format!("Read {description} again (it changed on disk){declared}.")));
                } else if announce {
                    let mut text = format!("Opened {description}.");
                    for note in &session.warnings {
                        text.push('\n');
                        text.push_str(note);
                    }
                    self.notice = Some(Notice::info(text));
                }
            }
            Err(message) if self.data.ward_sets.is_empty() => {
                // A start with files that all failed: nothing was loaded before, so show the
                // built-in data rather than an empty window, and say so.
                self.pending_start = None;
                self.replace_data(crate::session::embedded_barnet());
                self.load_rest_of_london(self.egui_ctx_for_jobs());
                self.notice = Some(Notice::error(format!("{message}\nShowing the built-in data instead.")));
            }
            Err(message) if std::mem::take(&mut self.reloading_watched) => {
                self.notice = Some(Notice::error(format!(
                    "{description} changed but could not be read, perhaps caught mid-save. The last good results \
                     stay on screen, and the file is read again when it next changes.\n{message}"
                )));
            }
            Err(message) => {
                self.notice = Some(Notice::error(format!("{message}\nThe map still shows what was loaded before.")));
            }
        }
    }

    /// What the export dialog needs to render the map as it is on screen.
    fn export_source(&self) -> Option<ExportSource> {
        let rect = self.map_rect?;
        Some(ExportSource {
            data: Arc::clone(&self.data),
            subject: self.subject?,
            colouring: self.colouring.clone(),
            geometry: Arc::clone(self.shown_geometry()?),
            view: self.state.camera.is_set().then(|| self.state.camera.visible_world_rect(rect)),
            map_width: rect.width(),
            baseline: self.shown_baseline(),
            credit: {
                let figures = match self.subject? {
                    MapSubject::Election(id) => {
                        crate::analysis::measures::measure_credit(&self.data, id, &self.state.colour)
                    }
                    MapSubject::WardSetOnly(_) => None,
                };
                let parts: Vec<String> = figures.into_iter().chain(self.hex_note()).collect();
                (!parts.is_empty()).then(|| parts.join(" "))
            },
        })
    }

    /// Write the ward table of the election shown (with the map's measures and method) as CSV.
    fn save_table(&mut self, path: &std::path::Path) {
        let Some(MapSubject::Election(id)) = self.subject else { return };
        let table = crate::analysis::table::ward_table(&self.data, id, &self.state.colour);
        let written = table.to_csv().map_err(|e| e.to_string()).and_then(|bytes| {
            crate::render::write_atomically(path, &bytes, crate::render::Overwrite::Allow).map_err(|e| e.to_string())
        });
        self.notice = Some(match written {
            Ok(()) => Notice::info(format!("Saved the ward table to {}.", path.display())),
            Err(e) => Notice::error(format!("The table was not saved: {e}")),
        });
    }

    /// The earlier election the shown map also draws on (change, swing, gains).
    fn shown_baseline(&self) -> Option<crate::model::ElectionId> {
        let Some(MapSubject::Election(id)) = self.subject else { return None };
        crate::analysis::measures::baseline_of(&self.data, id, &self.state.colour)
    }

    /// Move the export dialog on, and take a window capture when one is due; the dialog's
    /// outcome comes back as a command.
    fn run_export(&mut self, ctx: &egui::Context) -> Option<Command> {
        if let Some(receiver) = &self.capture_result
            && let Ok(result) = receiver.try_recv()
        {
            self.capture_result = None;
            self.notice = Some(export_notice(result));
        }
        if let Some(path) = self.capture.take() {
            let (sender, receiver) = std::sync::mpsc::channel();
            let repaint = ctx.clone();
            ctx.request_screenshot(move |image: Arc<egui::ColorImage>| {
                let result = super::screenshot::save_png(&path, &image).map(|()| path.clone());
                let _ = sender.send(result);
                repaint.request_repaint();
            });
            self.capture_result = Some(receiver);
            return None;
        }
        let source = if self.export.is_open() { self.export_source() } else { None };
        match self.export.show(ctx, move || source) {
            ExportRequest::None => None,
            ExportRequest::CaptureWindow(path) => Some(Command::CaptureWindow(path)),
            ExportRequest::Finished(result) => Some(Command::ExportFinished(result)),
        }
    }

    /// Load the rest of London in the background, behind the Barnet data shown first.
    pub fn load_rest_of_london(&mut self, ctx: egui::Context) {
        self.job = Some(LoadJob::rest_of_london(ctx));
    }

    /// Load what the command line named in the background; `start` applies once loaded.
    pub fn load_from_command_line(&mut self, source: Source, start: StartOptions) {
        self.pending_start = Some(start);
        self.job = Some(LoadJob::start(source, self.egui_ctx_for_jobs()));
    }

    /// Show what the command line asked for: an election, a mode, selected wards.
    pub fn apply_start(&mut self, start: &StartOptions) {
        if let Some(name) = &start.borough {
            let boroughs = self.data.boroughs();
            match crate::model::borough::find_borough(name, &boroughs) {
                Ok(borough) => {
                    let borough = borough.to_owned();
                    let next = state::subject_for_borough(&self.data, &borough, self.subject);
                    self.set_subject(next);
                }
                Err(e) => self.notice = Some(Notice::error(format!("{e}."))),
            }
        }
        if let Some(year) = start.election {
            let borough = self.subject.and_then(|s| state::borough_of(&self.data, s)).map(str::to_owned);
            let of_borough = borough.and_then(|b| self.data.election_of(&b, year));
            match of_borough.or_else(|| self.data.election_by_year(year)) {
                Some(id) => self.set_subject(Some(MapSubject::Election(id))),
                None => self.notice = Some(Notice::error(format!("No results for {year} are loaded."))),
            }
        }
        if let Some(mode) = start.mode {
            self.apply(Command::SetColourMode(mode));
        }
        let wards: Vec<usize> = start
            .select
            .iter()
            .filter_map(|name| super::find::matching_wards(&self.labels, name).first().copied())
            .collect();
        if !wards.is_empty() {
            self.apply(Command::SelectWards(wards));
            self.state.side_panel = if self.state.selected.len() > 1 { SidePanel::Compare } else { SidePanel::Details };
        }
    }

    /// Whether a load is running (tests wait on this).
    pub fn is_loading(&self) -> bool {
        self.job.is_some()
    }

    /// Pan so the first selected ward is in view, when it is not (keyboard and find moves).
    fn reveal_selection(&mut self) {
        let (Some(&ward), Some(rect)) = (self.state.selected.first(), self.map_rect) else { return };
        let Some(bbox) = self.shown_geometry().and_then(|g| g.ward(ward)).and_then(|w| w.bbox) else { return };
        let camera = &mut self.state.camera;
        let visible = rect.shrink(20.0);
        let corners = [bbox.min(), bbox.max()].map(|c| camera.world_to_screen(rect, c));
        if !corners.iter().all(|p| visible.contains(*p)) {
            let centre = bbox.center();
            camera.centre = [centre.x, centre.y];
        }
    }

    /// Label anchors of the shown wards (for arrow-key moves).
    fn anchors(&self) -> Vec<Option<[f64; 2]>> {
        self.shown_geometry()
            .map(|g| g.wards().iter().map(|w| w.label.as_ref().map(|l| [l.anchor.x, l.anchor.y])).collect())
            .unwrap_or_default()
    }

    fn apply_theme(&self, ctx: &egui::Context) {
        ctx.set_theme(if self.state.dark_mode { egui::Theme::Dark } else { egui::Theme::Light });
    }

    /// On the council control map, the election of the clicked ward's borough (same year).
    fn borough_clicked(&self, ward: usize) -> Option<MapSubject> {
        if self.state.colour.mode != colouring::ColourMode::Control {
            return None;
        }
        let set = self.subject.and_then(|s| state::ward_set_of(&self.data, s))?;
        let borough = self.data.ward_set(set)?.wards.get(ward)?.borough.as_deref()?;
        state::subject_for_borough(&self.data, borough, self.subject)
    }

    fn show_map(&mut self, ui: &mut egui::Ui) -> Vec<Command> {
        let Some((beside, beside_colouring)) = self.split.clone() else {
            self.split_rect = None;
            return self.show_one_map(ui);
        };
        let mut commands = Vec::new();
        let title = |app: &Self, subject: Option<MapSubject>| {
            subject.map_or_else(String::new, |s| super::top_bar::subject_label(&app.data, s))
        };
        let (left_title, right_title) = (title(self, self.subject), title(self, Some(beside)));
        ui.columns(2, |columns| {
            if let [left, right] = columns {
                left.strong(left_title);
                commands.extend(self.show_one_map(left));
                right.strong(right_title);
                // Its own id scope: the legend and its rows must not share the first map's ids.
                commands.extend(right.push_id("beside", |ui| self.show_beside(ui, beside, &beside_colouring)).inner);
            }
        });
        commands
    }

    /// The split view's second map, on the same camera as the first so the two pan and zoom in
    /// step; its own colouring and legend in the same measure. A click selects the ward when
    /// both maps are of one ward set (the selection shows on both).
    fn show_beside(&mut self, ui: &mut egui::Ui, beside: MapSubject, beside_colouring: &Colouring) -> Vec<Command> {
        let mut commands = Vec::new();
        let Some(set) = state::ward_set_of(&self.data, beside) else { return commands };
        let geometry = if self.state.hex_map {
            self.hexes.get(&self.data, set).map(|h| Arc::clone(&h.geometry))
        } else {
            self.geometry.get(&self.data, set).cloned()
        };
        let Some(geometry) = geometry else { return commands };
        let same_wards = self.subject.and_then(|s| state::ward_set_of(&self.data, s)) == Some(set);
        let labels: Vec<String> = if self.state.show_labels {
            self.data.ward_set(set).map(|s| s.wards.iter().map(|w| w.name.clone()).collect()).unwrap_or_default()
        } else {
            Vec::new()
        };
        let data = Arc::clone(&self.data);
        let values = &beside_colouring.values;
        let show_value = self.state.colour.mode != colouring::ColourMode::Winner;
        let tooltip = |ui: &mut egui::Ui, ward: usize| {
            let value = if show_value { values.get(ward).cloned().flatten() } else { None };
            details::ward_tooltip(ui, &data, Some(beside), ward, value);
        };
        let selected: &[usize] = if same_wards { &self.state.selected } else { &[] };
        let view =
            MapView::new(&geometry, &beside_colouring.fills).labels(&labels).selected(selected).tooltip(&tooltip);
        let MapResponse { response, clicked, unlabelled, .. } = view.show(ui, &mut self.state.camera);
        self.split_rect = Some(response.rect);
        if let Some(clicked) = clicked.filter(|_| same_wards) {
            commands.push(Command::SelectWard { ward: clicked.index, toggle: clicked.extends_selection() });
        }
        legend::overlay(ui, response.rect, beside_colouring, &unlabelled, &|_| 0);
        commands
    }

    fn show_one_map(&mut self, ui: &mut egui::Ui) -> Vec<Command> {
        let mut commands = Vec::new();
        let Some(geometry) = self.shown_geometry().cloned() else {
            ui.centered_and_justified(|ui| ui.label("No ward boundaries are loaded."));
            return commands;
        };
        let data = Arc::clone(&self.data);
        let subject = self.subject;
        let values = &self.colouring.values;
        let show_value = self.state.colour.mode != colouring::ColourMode::Winner;
        let tooltip = |ui: &mut egui::Ui, ward: usize| {
            let value = if show_value { values.get(ward).cloned().flatten() } else { None };
            details::ward_tooltip(ui, &data, subject, ward, value);
        };
        let labels: &[String] = if self.state.show_labels { &self.labels } else { &[] };
        // No tooltip in a window capture or a `--screenshot`: the pointer is not the user's.
        let capturing = self.capture.is_some() || self.screenshot.is_some();
        let mut view = MapView::new(&geometry, &self.colouring.fills).labels(labels).selected(&self.state.selected);
        if !capturing {
            view = view.tooltip(&tooltip);
        }
        let MapResponse { response, clicked, clicked_empty, unlabelled, from_image, .. } =
            view.show(ui, &mut self.state.camera);
        self.map_rect = Some(response.rect);
        self.map_from_image = from_image;
        super::widgets::set_window_area(ui.ctx(), response.rect);
        if let Some(clicked) = clicked {
            match self.borough_clicked(clicked.index) {
                // On the council control map a click opens the borough, as its legend says, on
                // its winners (control is a map of many boroughs).
                Some(borough) => {
                    commands.push(Command::ShowSubject(borough));
                    commands.push(Command::SetColourMode(colouring::ColourMode::Winner));
                }
                None => {
                    commands.push(Command::SelectWard { ward: clicked.index, toggle: clicked.extends_selection() });
                }
            }
        } else if clicked_empty {
            commands.push(Command::ClearSelection);
        }
        let camera = self.state.camera.clone();
        let map = response.rect;
        // How many points of a 6×6 grid over a screen rectangle land on a ward.
        let covered = |rect: egui::Rect| {
            (0..36)
                .filter(|i| {
                    let at = rect.min
                        + egui::vec2(
                            rect.width() * ((i % 6) as f32 + 0.5) / 6.0,
                            rect.height() * ((i / 6) as f32 + 0.5) / 6.0,
                        );
                    geometry.ward_at(camera.screen_to_world(map, at)).is_some()
                })
                .count()
        };
        legend::overlay(ui, response.rect, &self.colouring, &unlabelled, &covered);
        self.unlabelled = unlabelled;
        commands
    }
}

/// Figures the bars show, recomputed only when the data, subject or colour spec change.
#[derive(Default)]
struct Derived {
    seat_totals: Vec<(crate::model::Party, u32)>,
    availability: Vec<(colouring::ColourMode, Result<(), colouring::Unavailable>)>,
    /// Parties standing, by borough share, for the party pickers.
    parties: Vec<String>,
}

impl Derived {
    fn of(data: &Dataset, subject: Option<MapSubject>, spec: &colouring::ColourSpec) -> Derived {
        let Some(subject) = subject else { return Derived::default() };
        let election = match subject {
            MapSubject::Election(id) => data.election(id).map(|e| &e.election),
            MapSubject::WardSetOnly(_) => None,
        };
        Derived {
            seat_totals: election.map(crate::analysis::seat_totals).unwrap_or_default(),
            availability: colouring::availability(data, subject, spec),
            parties: election
                .map(|e| {
                    crate::analysis::borough::borough_shares(e, spec.method).into_iter().map(|p| p.party.name).collect()
                })
                .unwrap_or_default(),
        }
    }
}

/// A message shown in the status area until dismissed.
#[derive(Clone, Debug, PartialEq)]
pub struct Notice {
    pub is_error: bool,
    pub text: String,
}

impl Notice {
    pub fn info(text: String) -> Notice {
        Notice { is_error: false, text }
    }
    pub fn error(text: String) -> Notice {
        Notice { is_error: true, text }
    }
}

/// egui's proportional font (Ubuntu Light) lacks arrows and the minus sign that legends use
/// ("2014→2018", "Con↔Lab", "−5"); its monospace font (Hack) has them, so it becomes the
/// first fallback before the emoji fonts.
pub fn install_fonts(ctx: &egui::Context) {
    let mut fonts = egui::FontDefinitions::default();
    if let Some(proportional) = fonts.families.get_mut(&egui::FontFamily::Proportional) {
        let position = proportional.iter().position(|f| f == "Ubuntu-Light").map_or(0, |p| p + 1);
        proportional.insert(position, "Hack".to_owned());
    }
    ctx.set_fonts(fonts);
}

/// The map's backdrop: a pale grey-blue by day, a dark slate at night, so ward fills and the
/// "no data" grey both stand out from it.
fn map_background(visuals: &egui::Visuals) -> egui::Color32 {
    if visuals.dark_mode {
        egui::Color32::from_rgb(0x1e, 0x22, 0x28)
    } else {
        egui::Color32::from_rgb(0xf2, 0xf4, 0xf7)
    }
}

fn export_notice(result: Result<PathBuf, String>) -> Notice {
    match result {
        Ok(path) => Notice::info(format!("Saved {}", path.display())),
        Err(message) => Notice::error(format!("The image was not saved: {message}")),
    }
}

/// Files dropped on the window this frame.
fn dropped_files(ctx: &egui::Context) -> Option<Command> {
    let paths: Vec<PathBuf> = ctx.input(|i| {
        i.raw.dropped_files.iter().map(|f| f.path().to_path_buf()).filter(|p| !p.as_os_str().is_empty()).collect()
    });
    (!paths.is_empty()).then_some(Command::OpenFiles(paths))
}

impl eframe::App for WardmapApp {
    fn ui(&mut self, ui: &mut egui::Ui, frame: &mut eframe::Frame) {
        let mut commands = Vec::new();
        if self.ctx.is_none() {
            self.ctx = Some(ui.ctx().clone());
        }
        let now = ui.input(|i| i.time);
        self.frame_stats.record(ui.ctx().cumulative_frame_nr(), now, frame.info().cpu_usage);
        super::timing::report_frames(&self.frame_stats, now, &mut self.frames_reported_at, self.map_from_image);
        let frame_rate = self.state.show_frame_rate.then(|| {
            // Once a second while shown, so that it says "idle" when nothing moves.
            ui.ctx().request_repaint_after(std::time::Duration::from_secs(1));
            self.frame_stats.summary().map_or_else(|| super::frame_rate::IDLE.to_owned(), |s| s.text())
        });
        self.poll_job();
        if self.watch.is_some() {
            self.check_watched();
            ui.ctx().request_repaint_after(super::watch::POLL);
        }
        if let OpenOutcome::Chosen(paths) = self.open_flow.show(ui.ctx()) {
            commands.push(Command::OpenFiles(paths));
        }
        commands.extend(dropped_files(ui.ctx()));
        let open_shortcut = egui::KeyboardShortcut::new(egui::Modifiers::COMMAND, egui::Key::O);
        if ui.input_mut(|i| i.consume_shortcut(&open_shortcut)) {
            commands.push(Command::ChooseFiles);
        }
        let export_shortcut = egui::KeyboardShortcut::new(egui::Modifiers::COMMAND, egui::Key::E);
        if ui.input_mut(|i| i.consume_shortcut(&export_shortcut)) {
            commands.push(Command::OpenExport);
        }
        let find_shortcut = egui::KeyboardShortcut::new(egui::Modifiers::COMMAND, egui::Key::F);
        if ui.input_mut(|i| i.consume_shortcut(&find_shortcut)) {
            commands.push(Command::OpenFind);
        }
        if !self.find.open {
            commands.extend(keyboard::commands(
                ui.ctx(),
                &self.labels,
                &|| self.anchors(),
                self.state.selected.first().copied(),
            ));
        }
        egui::Panel::top("top_bar").show(ui, |ui| {
            let declared = self.declared();
            commands.extend(top_bar::show(
                ui,
                &self.data,
                self.subject,
                &self.state,
                &self.derived.seat_totals,
                declared.as_deref(),
            ));
        });
        egui::Panel::top("mode_bar").show(ui, |ui| {
            ui.horizontal_wrapped(|ui| {
                commands.extend(super::mode_bar::show(
                    ui,
                    &self.data,
                    self.subject,
                    &self.state.colour,
                    &self.derived.availability,
                    &self.derived.parties,
                ));
                if let Some(text) = &frame_rate {
                    super::frame_rate::show_readout(ui, text);
                }
            });
        });
        egui::Panel::bottom("status_bar").show(ui, |ui| {
            let shown = match self.subject {
                Some(MapSubject::Election(id)) => Some(id),
                _ => None,
            };
            let mut attribution = crate::analysis::measures::credits_for(&self.data, shown, &self.state.colour);
            if let Some(note) = self.hex_note() {
                attribution = format!("{attribution} {note}");
            }
            commands.extend(super::status::show(ui, self.job.as_ref(), self.notice.as_ref(), &attribution));
        });
        // On the window's clear colour too (the map's backdrop, a shade from egui's panel grey):
        // its fill was two fifths of the pixels of a frame, each shaded by a software renderer.
        let side = egui::Frame::side_top_panel(ui.style()).fill(egui::Color32::TRANSPARENT);
        egui::Panel::right("details").frame(side).default_size(360.0).resizable(true).show(ui, |ui| {
            ui.horizontal(|ui| {
                for panel in SidePanel::ALL {
                    if ui.selectable_label(self.state.side_panel == panel, panel.label()).clicked() {
                        commands.push(Command::ShowPanel(panel));
                    }
                }
            });
            ui.separator();
            // Both ways: a wide table (the London boroughs) scrolls instead of widening the
            // panel over the map.
            egui::ScrollArea::both().show(ui, |ui| {
                let input = super::panel_cache::PanelInput {
                    data: &self.data,
                    subject: self.subject,
                    state: &self.state,
                    cache: &self.panel_cache,
                };
                commands.extend(match self.state.side_panel {
                    SidePanel::Details => details::show(
                        ui,
                        &self.data,
                        self.subject,
                        &self.state.selected,
                        self.state.colour.colour_blind,
                    ),
                    SidePanel::Compare => compare::show(ui, &input),
                    SidePanel::Borough => borough::show(ui, &input),
                    SidePanel::History => super::history::show(ui, &input),
                    SidePanel::Boroughs => super::boroughs::show(ui, &input),
                    SidePanel::Table => super::table::show(ui, &input),
                    SidePanel::Scatter => super::scatter::show(ui, &input),
                });
            });
        });
        // No fill: the map's backdrop is the window's clear colour (`clear_color`). Mesa's software
        // renderer shades every pixel of every shape, and a fill under the whole map was a third
        // of a Barnet frame's pixels (docs/performance.md, "The window under Xvfb").
        egui::CentralPanel::default().frame(egui::Frame::NONE).show(ui, |ui| {
            commands.extend(self.show_map(ui));
        });
        commands.extend(self.run_export(ui.ctx()));
        if let Some(choice) = &mut self.property_choice {
            match choice.show(ui.ctx()) {
                PropertyDecision::Keep => {}
                PropertyDecision::Close => commands.push(Command::CloseProperties),
                PropertyDecision::Reload(path, options) => commands.push(Command::ReloadWithProperties(path, options)),
            }
        }
        if let Some(rect) = self.map_rect {
            let data = &self.data;
            let shown_set =
                self.subject.and_then(|s| super::state::ward_set_of(data, s)).and_then(|s| data.ward_set(s));
            let locate = |query: &str| shown_set.map(|set| crate::session::postcodes::locate(query, set));
            commands.extend(self.find.show(ui.ctx(), rect.left_top() + egui::vec2(10.0, 10.0), &self.labels, &locate));
        }
        if self.show_about {
            let mut open = true;
            egui::Window::new("About wardmap")
                .constrain_to(super::widgets::window_area(ui.ctx()))
                .open(&mut open)
                .collapsible(false)
                .show(ui.ctx(), |ui| {
                    egui::ScrollArea::vertical().show(ui, |ui| {
                        ui.label(format!(
                            "wardmap {}: council election results, ward by ward. Licence: {}.",
                            env!("CARGO_PKG_VERSION"),
                            env!("CARGO_PKG_LICENSE")
                        ));
                        ui.add_space(6.0);
                        ui.strong("Barnet's own files");
                        ui.label(crate::io::embedded::ATTRIBUTION);
                        ui.add_space(6.0);
                        ui.strong("The built-in London data");
                        for credit in &crate::model::credits::LONDON_SOURCES {
                            ui.label(format!(
                                "{} ({}; {}): {}",
                                credit.source, credit.used_for, credit.licence, credit.line
                            ));
                        }
                    });
                });
            if !open {
                commands.push(Command::ShowAbout(false));
            }
        }
        let theme_changed = commands.contains(&Command::ToggleDarkMode);
        for command in commands {
            self.apply(command);
        }
        if theme_changed {
            self.apply_theme(ui.ctx());
        }
        super::timing::after_frame(ui.ctx(), self.map_rect.is_some(), &mut self.first_frame_reported);
        let drawn = self.map_rect.is_some() && self.job.is_none();
        if let Some(screenshot) = &mut self.screenshot {
            screenshot.after_frame(ui.ctx(), drawn);
        }
    }

    /// The map's backdrop, drawn by clearing the window (a memset even in software) rather than
    /// as a shape under the map; the panels paint their own fill over it.
    fn clear_color(&self, visuals: &egui::Visuals) -> [f32; 4] {
        map_background(visuals).to_normalized_gamma_f32()
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        if !self.persist {
            return;
        }
        eframe::set_value(storage, STATE_KEY, &self.state);
    }
}
