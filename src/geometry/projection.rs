//! Web Mercator (EPSG:3857): lon/lat degrees to world metres and back, in f64.
//!
//! World coordinates are "Mercator metres" with y pointing north (up). They are only true
//! ground metres at the equator; at London's latitude one world metre is about 0.62 m on the
//! ground. That is fine for drawing and hit testing, which is all they are used for.

use geo::Coord;

/// Radius of the WGS84 sphere used by Web Mercator, in metres.
pub const EARTH_RADIUS: f64 = 6_378_137.0;

/// The latitude where Web Mercator's square world ends; beyond it y grows without bound.
pub const MAX_LATITUDE: f64 = 85.051_128_779_806_59;

/// Project lon/lat degrees (x = lon, y = lat) to Web Mercator world metres.
///
/// Latitudes beyond ±[`MAX_LATITUDE`] are clamped so the result stays finite.
pub fn project(lon_lat: Coord<f64>) -> Coord<f64> {
    let lat = lon_lat.y.clamp(-MAX_LATITUDE, MAX_LATITUDE).to_radians();
    Coord {
        x: EARTH_RADIUS * lon_lat.x.to_radians(),
        y: EARTH_RADIUS * (std::f64::consts::FRAC_PI_4 + lat / 2.0).tan().ln(),
    }
}

/// The inverse of [`project`]: Web Mercator world metres back to lon/lat degrees.
pub fn unproject(world: Coord<f64>) -> Coord<f64> {
    Coord {
        x: (world.x / EARTH_RADIUS).to_degrees(),
        y: (2.0 * (world.y / EARTH_RADIUS).exp().atan() - std::f64::consts::FRAC_PI_2).to_degrees(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64, tolerance: f64) -> bool {
        (a - b).abs() <= tolerance
    }

    #[test]
    fn the_origin_projects_to_the_origin() {
        let p = project(Coord { x: 0.0, y: 0.0 });
        assert!(close(p.x, 0.0, 1e-9) && close(p.y, 0.0, 1e-9), "{p:?}");
    }

    #[test]
    fn a_london_point_projects_to_its_known_mercator_metres() {
        // Charing Cross (-0.1278, 51.5074): EPSG:3857 (-14226.63, 6711542.48), as given by PROJ.
        let p = project(Coord { x: -0.1278, y: 51.5074 });
        assert!(close(p.x, -14_226.63, 0.01), "x = {}", p.x);
        assert!(close(p.y, 6_711_542.48, 0.01), "y = {}", p.y);
    }

    #[test]
    fn the_antimeridian_and_max_latitude_map_to_the_square_world_edge() {
        let p = project(Coord { x: 180.0, y: MAX_LATITUDE });
        let half_world = std::f64::consts::PI * EARTH_RADIUS;
        assert!(close(p.x, half_world, 1e-6) && close(p.y, half_world, 1e-3), "{p:?}");
    }

    #[test]
    fn projecting_then_unprojecting_returns_the_same_lon_lat() {
        for &(lon, lat) in &[(0.0, 0.0), (-0.2253, 51.5835), (0.3, 51.3), (-179.9, -80.0), (120.0, 45.0)] {
            let back = unproject(project(Coord { x: lon, y: lat }));
            assert!(close(back.x, lon, 1e-10) && close(back.y, lat, 1e-10), "{lon},{lat} -> {back:?}");
        }
    }

    #[test]
    fn latitudes_beyond_the_mercator_limit_are_clamped_to_finite_values() {
        let p = project(Coord { x: 0.0, y: 90.0 });
        assert!(p.y.is_finite());
    }
}
