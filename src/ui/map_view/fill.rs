//! Fill paints: a solid colour, or a stripe texture with screen-space UVs; and moving a
//! ward's cached vertices to the screen.

use egui::epaint::{Mesh, Vertex, WHITE_UV};
use egui::{Color32, Pos2, Rect, TextureId, pos2};
use geo::Coord;

use super::MapCamera;
use super::stripes::{POINTS_PER_UNIT, Pattern, texture_for};
use crate::geometry::WardMesh;
use crate::model::palette::{self, FillStyle, Rgb};

/// How a ward's triangles are coloured.
#[derive(Clone, Copy)]
pub(super) enum Paint {
    Solid(Color32),
    Stripes { texture: TextureId, period: f32, phase: f32 },
}

/// Resolves fill styles to paints once per distinct style per frame (stripe patterns need
/// canonicalising and a texture; doing it per ward would allocate per ward).
pub(super) struct PaintCache<'a> {
    ctx: &'a egui::Context,
    diagonal: f64,
    stripes: Vec<(&'a [(Rgb, u32)], Paint)>,
    no_data: Option<Paint>,
}

impl<'a> PaintCache<'a> {
    /// `diagonal`: `x + y` on screen of the world point stripes are anchored to.
    pub(super) fn new(ctx: &'a egui::Context, diagonal: f64) -> Self {
        Self { ctx, diagonal, stripes: Vec::new(), no_data: None }
    }

    pub(super) fn get(&mut self, style: &'a FillStyle) -> Paint {
        match style {
            FillStyle::Solid(c) => Paint::Solid(colour(*c)),
            FillStyle::NoData => {
                if self.no_data.is_none() {
                    self.no_data = Some(self.resolve(&crate::render::live_map::NO_DATA_STRIPES));
                }
                self.no_data.unwrap_or(Paint::Solid(colour(palette::NO_DATA)))
            }
            FillStyle::Stripes(stripes) => {
                if let Some((_, paint)) = self.stripes.iter().find(|(s, _)| *s == stripes.as_slice()) {
                    return *paint;
                }
                let paint = self.resolve(stripes);
                self.stripes.push((stripes, paint));
                paint
            }
        }
    }

    fn resolve(&self, stripes: &[(Rgb, u32)]) -> Paint {
        match Pattern::new(stripes) {
            None => Paint::Solid(colour(palette::NO_DATA)),
            Some(Err(only)) => Paint::Solid(colour(only)),
            Some(Ok(pattern)) => {
                let period = POINTS_PER_UNIT * pattern.units() as f32;
                Paint::Stripes {
                    texture: texture_for(self.ctx, &pattern),
                    period,
                    phase: self.diagonal.rem_euclid(f64::from(period)) as f32,
                }
            }
        }
    }
}

/// Moves a ward's origin-relative f32 vertices to screen points.
#[derive(Clone, Copy)]
pub(super) struct WardToScreen {
    base: Pos2,
    scale: f32,
}

impl WardToScreen {
    pub(super) fn new(camera: &MapCamera, rect: Rect, origin: Coord<f64>) -> Self {
        Self { base: camera.world_to_screen(rect, origin), scale: (1.0 / camera.metres_per_point) as f32 }
    }

    pub(super) fn apply(self, [x, y]: [f32; 2]) -> Pos2 {
        pos2(self.base.x + x * self.scale, self.base.y - y * self.scale)
    }
}

pub(super) fn append(mesh: &mut Mesh, ward: &WardMesh, to_screen: WardToScreen, paint: Paint) {
    let Ok(base) = u32::try_from(mesh.vertices.len()) else {
        return;
    };
    let positions = ward.vertices.iter().map(|&v| to_screen.apply(v));
    match paint {
        Paint::Solid(color) => {
            mesh.vertices.extend(positions.map(|pos| Vertex { pos, uv: WHITE_UV, color }));
        }
        Paint::Stripes { period, phase, .. } => {
            mesh.vertices.extend(positions.map(|pos| Vertex {
                pos,
                uv: pos2((pos.x + pos.y - phase) / period, 0.5),
                color: Color32::WHITE,
            }));
        }
    }
    mesh.indices.extend(ward.indices.iter().map(|&i| base + i));
}

pub(super) fn colour(c: Rgb) -> Color32 {
    Color32::from_rgb(c.0, c.1, c.2)
}

pub(super) fn colour_with_alpha(c: Rgb, alpha: u8) -> Color32 {
    Color32::from_rgba_unmultiplied(c.0, c.1, c.2, alpha)
}
