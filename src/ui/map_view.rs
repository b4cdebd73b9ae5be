//! The map widget: ward fills, outlines, hover, selection and labels over a prepared ward set.
//!
//! Built every frame over state the app owns, walkers-style: the app keeps the
//! [`MapCamera`] (and saves it) and the selection; the widget pans and zooms the camera and
//! reports hovers and clicks in a [`MapResponse`]; it never changes the selection itself.
//!
//! ```ignore
//! let response = MapView::new(&prepared, &fills)
//!     .labels(&names)
//!     .selected(&self.selected)
//!     .show_labels(self.show_labels)
//!     .tooltip(&|ui, ward| { ui.label(&names[ward]); })
//!     .show(ui, &mut self.camera);
//! if let Some(click) = response.clicked { /* select click.index; add if click.extends_selection() */ }
//! if response.clicked_empty { /* clear the selection */ }
//! ```

mod base_cache;
pub use base_cache::set_enabled as set_map_image;
mod camera;
mod fill;
mod labels;
pub use labels::{MAX_NUMBERED, Unlabelled};
mod paint;
mod stripes;

use std::sync::Arc;

use egui::{Modifiers, Response, Sense, Ui};

pub use camera::MapCamera;
pub use stripes::POINTS_PER_UNIT as STRIPE_POINTS_PER_UNIT;

use crate::geometry::PreparedWardSet;
use crate::model::palette::FillStyle;

/// The accessibility label of the map, for finding it in UI tests.
pub const MAP_LABEL: &str = "Ward map";

/// A click on a ward, with the modifiers held (for multi-selection).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ClickedWard {
    /// Index of the ward in the prepared set.
    pub index: usize,
    /// Keyboard modifiers held during the click.
    pub modifiers: Modifiers,
}

impl ClickedWard {
    /// Ctrl/Cmd or Shift was held: add to (or toggle in) the selection instead of replacing it.
    pub fn extends_selection(&self) -> bool {
        self.modifiers.command || self.modifiers.ctrl || self.modifiers.shift
    }
}

/// What happened on the map this frame.
#[derive(Debug)]
pub struct MapResponse {
    /// The response of the whole map area (its `rect` is the view rectangle).
    pub response: Response,
    /// The ward under the pointer, if any.
    pub hovered: Option<usize>,
    /// A ward clicked this frame (not reported for the second click of a double-click,
    /// which fits the view instead).
    pub clicked: Option<ClickedWard>,
    /// A click on the map outside every ward (usually: clear the selection).
    pub clicked_empty: bool,
    /// Names that did not fit inside their wards: numbered (the legend's key), or too many.
    pub unlabelled: labels::Unlabelled,
    /// The fills and outlines came from the image of the map kept while panning, not from the
    /// meshes (`map_view/base_cache.rs`).
    pub from_image: bool,
}

/// Fills the tooltip of the hovered ward, given its index.
pub type WardTooltip<'a> = &'a dyn Fn(&mut Ui, usize);

/// The map widget. Cheap to build: it only borrows the caller's data.
pub struct MapView<'a> {
    geometry: &'a Arc<PreparedWardSet>,
    fills: &'a [FillStyle],
    labels: &'a [String],
    selected: &'a [usize],
    show_labels: bool,
    tooltip: Option<WardTooltip<'a>>,
}

impl<'a> MapView<'a> {
    /// A map of `geometry` with ward `i` filled by `fills[i]` (missing entries: no data).
    /// The geometry is shared (an `Arc`) so that the image of the map kept while panning can
    /// be drawn from it on a worker thread.
    pub fn new(geometry: &'a Arc<PreparedWardSet>, fills: &'a [FillStyle]) -> Self {
        Self { geometry, fills, labels: &[], selected: &[], show_labels: true, tooltip: None }
    }

    /// Ward names, by ward index, drawn where they fit.
    #[must_use]
    pub fn labels(mut self, labels: &'a [String]) -> Self {
        self.labels = labels;
        self
    }

    /// Indices of the selected wards, outlined heavily.
    #[must_use]
    pub fn selected(mut self, selected: &'a [usize]) -> Self {
        self.selected = selected;
        self
    }

    /// Draw ward names (default: on).
    #[must_use]
    pub fn show_labels(mut self, show: bool) -> Self {
        self.show_labels = show;
        self
    }

    /// Content of the tooltip shown next to the pointer over a ward.
    #[must_use]
    pub fn tooltip(mut self, tooltip: WardTooltip<'a>) -> Self {
        self.tooltip = Some(tooltip);
        self
    }

    /// Fill the available space with the map, handle pan/zoom on `camera`, paint, report.
    pub fn show(self, ui: &mut Ui, camera: &mut MapCamera) -> MapResponse {
        let (mut response, painter) = ui.allocate_painter(ui.available_size(), Sense::click_and_drag());
        let rect = response.rect;
        let bounds = self.geometry.bounds();

        if !camera.is_set() || response.double_clicked() {
            *camera = bounds.map_or_else(MapCamera::default, |b| MapCamera::fit(b, rect));
            if !camera.is_set() {
                camera.metres_per_point = 1.0;
            }
        }
        if response.dragged() {
            camera.pan_by_points(response.drag_delta());
        }
        if let Some(pointer) = response.hover_pos() {
            let (zoom, scroll) = ui.input(|i| (i.zoom_delta(), i.smooth_scroll_delta.y));
            let speed = ui.ctx().options(|o| o.input_options.scroll_zoom_speed);
            let factor = f64::from(zoom) * f64::from(scroll * speed).exp();
            if factor != 1.0 {
                camera.zoom_about(rect, pointer, factor);
            }
        }
        camera.clamp(bounds, rect);

        let world_at = |pos| self.geometry.ward_at(camera.screen_to_world(rect, pos));
        let hovered = response.hover_pos().and_then(world_at);
        let mut clicked = None;
        let mut clicked_empty = false;
        if response.clicked() && !response.double_clicked() {
            match response.interact_pointer_pos().and_then(world_at) {
                Some(index) => {
                    clicked = Some(ClickedWard { index, modifiers: ui.input(|i| i.modifiers) });
                }
                None => clicked_empty = true,
            }
        }

        let frame =
            paint::Frame { geometry: self.geometry, fills: self.fills, selected: self.selected, hovered, camera, rect };
        let visible = frame.visible();
        let (now, max_texture_side) = ui.input(|i| (i.time, i.max_texture_side));
        let cache_frame = base_cache::Frame {
            geometry: self.geometry,
            fills: self.fills,
            camera,
            rect,
            pixels_per_point: ui.ctx().pixels_per_point(),
            now,
            max_texture_side,
        };
        let image = base_cache::ready(ui.ctx(), response.id, &cache_frame);
        if let Some(image) = &image {
            image.paint(&painter);
        } else {
            frame.paint(&painter, &visible);
            frame.paint_group_outlines(&painter);
        }
        frame.paint_highlights(&painter);
        let unlabelled = if self.show_labels {
            frame.paint_labels(&painter, &visible, self.labels)
        } else {
            labels::Unlabelled::default()
        };

        if let (Some(ward), Some(tooltip)) = (hovered, self.tooltip)
            && !response.dragged()
        {
            response = response.on_hover_ui_at_pointer(|ui| tooltip(ui, ward));
        }
        response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Canvas, true, MAP_LABEL));
        MapResponse { response, hovered, clicked, clicked_empty, unlabelled, from_image: image.is_some() }
    }
}
