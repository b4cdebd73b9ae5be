//! The map camera: which world point is at the centre of the view and how far it is zoomed.
//! Owned (and saved) by the app; the widget reads and updates it.

use egui::{Pos2, Rect, Vec2, pos2};
use geo::Coord;

use crate::geometry::PreparedWardSet;

/// Centre and scale of the map view, in world metres (Web Mercator, y up).
///
/// The default camera is "unset" (`metres_per_point` 0): the widget then fits the whole ward
/// set to the view on its next frame. Reset the camera to the default after loading another
/// boundary set.
#[derive(Clone, Debug, serde::Serialize, serde::Deserialize, PartialEq)]
#[serde(default)]
pub struct MapCamera {
    /// World point shown at the centre of the view.
    pub centre: [f64; 2],
    /// World metres per screen point (egui's logical pixel). Smaller is closer.
    pub metres_per_point: f64,
}

impl Default for MapCamera {
    fn default() -> Self {
        Self { centre: [0.0, 0.0], metres_per_point: 0.0 }
    }
}

impl MapCamera {
    /// Closest zoom: 5 cm per point.
    pub const MIN_METRES_PER_POINT: f64 = 0.05;
    /// How far beyond "whole set fits" one may zoom out.
    pub const MAX_ZOOM_OUT: f64 = 4.0;
    /// Margin left around the bounds by [`Self::fit`], as a fraction of the view.
    const FIT_MARGIN: f64 = 0.05;

    /// False for the default camera or any camera with an unusable scale or centre.
    pub fn is_set(&self) -> bool {
        self.metres_per_point.is_finite() && self.metres_per_point > 0.0 && self.centre.iter().all(|c| c.is_finite())
    }

    /// The camera that shows `bounds` (world metres) whole, centred, inside `rect`.
    pub fn fit(bounds: geo::Rect<f64>, rect: Rect) -> Self {
        let view_w = f64::from(rect.width().max(1.0)) * (1.0 - 2.0 * Self::FIT_MARGIN);
        let view_h = f64::from(rect.height().max(1.0)) * (1.0 - 2.0 * Self::FIT_MARGIN);
        let scale = (bounds.width() / view_w).max(bounds.height() / view_h);
        let centre = bounds.center();
        Self { centre: [centre.x, centre.y], metres_per_point: scale.max(Self::MIN_METRES_PER_POINT) }
    }

    /// Screen position (points) of a world point, with the view in `rect`.
    pub fn world_to_screen(&self, rect: Rect, world: Coord<f64>) -> Pos2 {
        let c = rect.center();
        pos2(
            (f64::from(c.x) + (world.x - self.centre[0]) / self.metres_per_point) as f32,
            (f64::from(c.y) - (world.y - self.centre[1]) / self.metres_per_point) as f32,
        )
    }

    /// World point (metres) under a screen position, with the view in `rect`.
    pub fn screen_to_world(&self, rect: Rect, screen: Pos2) -> Coord<f64> {
        let c = rect.center();
        Coord {
            x: self.centre[0] + f64::from(screen.x - c.x) * self.metres_per_point,
            y: self.centre[1] - f64::from(screen.y - c.y) * self.metres_per_point,
        }
    }

    /// Screen position of ward `ward`'s label anchor: a point inside the ward, so a click there
    /// hits it (handy for UI tests). `None` for an unknown or degenerate ward.
    pub fn anchor_on_screen(&self, rect: Rect, geometry: &PreparedWardSet, ward: usize) -> Option<Pos2> {
        let spot = geometry.ward(ward)?.label?;
        Some(self.world_to_screen(rect, spot.anchor))
    }

    /// The world rectangle seen through `rect`.
    pub fn visible_world_rect(&self, rect: Rect) -> geo::Rect<f64> {
        geo::Rect::new(self.screen_to_world(rect, rect.left_bottom()), self.screen_to_world(rect, rect.right_top()))
    }

    /// Move the map by `delta` screen points (a drag: the map follows the pointer).
    pub fn pan_by_points(&mut self, delta: Vec2) {
        self.centre[0] -= f64::from(delta.x) * self.metres_per_point;
        self.centre[1] += f64::from(delta.y) * self.metres_per_point;
    }

    /// Zoom by `factor` (> 1 zooms in) keeping the world point under `about` where it is.
    pub fn zoom_about(&mut self, rect: Rect, about: Pos2, factor: f64) {
        if !(factor.is_finite() && factor > 0.0) {
            return;
        }
        let fixed = self.screen_to_world(rect, about);
        self.metres_per_point /= factor;
        let moved = self.screen_to_world(rect, about);
        self.centre[0] += fixed.x - moved.x;
        self.centre[1] += fixed.y - moved.y;
    }

    /// Keep the zoom within sane limits and the centre over the ward set, if there is one.
    pub fn clamp(&mut self, bounds: Option<geo::Rect<f64>>, rect: Rect) {
        let max = bounds.map_or(1e6, |b| Self::fit(b, rect).metres_per_point * Self::MAX_ZOOM_OUT);
        self.metres_per_point = self.metres_per_point.clamp(Self::MIN_METRES_PER_POINT, max);
        if let Some(b) = bounds {
            self.centre[0] = self.centre[0].clamp(b.min().x, b.max().x);
            self.centre[1] = self.centre[1].clamp(b.min().y, b.max().y);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn view() -> Rect {
        Rect::from_min_size(pos2(100.0, 50.0), egui::vec2(800.0, 600.0))
    }

    fn bounds() -> geo::Rect<f64> {
        geo::Rect::new(Coord { x: -30_000.0, y: 6_700_000.0 }, Coord { x: 10_000.0, y: 6_730_000.0 })
    }

    #[test]
    fn the_default_camera_is_unset_and_a_fitted_one_is_set() {
        assert!(!MapCamera::default().is_set());
        assert!(MapCamera::fit(bounds(), view()).is_set());
    }

    #[test]
    fn a_fitted_camera_shows_the_whole_bounds_inside_the_view() {
        let camera = MapCamera::fit(bounds(), view());
        for corner in [bounds().min(), bounds().max()] {
            assert!(view().contains(camera.world_to_screen(view(), corner)), "{corner:?}");
        }
        assert_eq!(camera.world_to_screen(view(), bounds().center()), view().center());
    }

    #[test]
    fn screen_and_world_conversions_are_inverse_and_north_is_up() {
        let camera = MapCamera { centre: [-14_226.63, 6_711_542.48], metres_per_point: 2.5 };
        let p = pos2(333.0, 444.0);
        let back = camera.world_to_screen(view(), camera.screen_to_world(view(), p));
        assert!((back - p).length() < 1e-3, "{back:?}");
        let north = camera.world_to_screen(view(), Coord { x: -14_226.63, y: 6_711_600.0 });
        assert!(north.y < view().center().y);
    }

    #[test]
    fn zooming_about_a_point_keeps_that_point_still() {
        let mut camera = MapCamera::fit(bounds(), view());
        let about = pos2(200.0, 120.0);
        let before = camera.screen_to_world(view(), about);
        camera.zoom_about(view(), about, 3.0);
        let after = camera.screen_to_world(view(), about);
        assert!((before.x - after.x).abs() < 1e-6 && (before.y - after.y).abs() < 1e-6);
    }

    #[test]
    fn dragging_moves_the_map_with_the_pointer() {
        let mut camera = MapCamera { centre: [0.0, 0.0], metres_per_point: 2.0 };
        let world = Coord { x: 100.0, y: 100.0 };
        let before = camera.world_to_screen(view(), world);
        camera.pan_by_points(egui::vec2(10.0, -5.0));
        let after = camera.world_to_screen(view(), world);
        assert!((after - before - egui::vec2(10.0, -5.0)).length() < 1e-3);
    }

    #[test]
    fn clamping_limits_zoom_and_keeps_the_centre_over_the_wards() {
        let mut camera = MapCamera { centre: [1e9, -1e9], metres_per_point: 1e-9 };
        camera.clamp(Some(bounds()), view());
        assert_eq!(camera.metres_per_point, MapCamera::MIN_METRES_PER_POINT);
        assert_eq!(camera.centre, [10_000.0, 6_700_000.0]);
        camera.metres_per_point = 1e12;
        camera.clamp(Some(bounds()), view());
        assert!(camera.metres_per_point < 1e3);
    }
}
