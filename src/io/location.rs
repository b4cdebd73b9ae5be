//! Where a boundary file's wards lie on the globe, for the warnings that catch a file which
//! parses but cannot be a British council's wards: latitude and longitude swapped, a `crs`
//! member claiming British National Grid over numbers in degrees, or wards far from Great
//! Britain (Sydney, or 0°, 0°).
//!
//! Everything works on the bounding box of the coordinates, so it costs one pass over them.

use super::features::Pending;
use crate::model::Ward;
use std::path::Path;

/// Great Britain and Northern Ireland, with a margin (Scilly to Shetland, Fermanagh to Lowestoft).
const UK_LON: std::ops::RangeInclusive<f64> = -9.0..=2.5;
const UK_LAT: std::ops::RangeInclusive<f64> = 49.0..=61.5;

/// The box around some coordinates.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Extent {
    pub(crate) min: (f64, f64),
    pub(crate) max: (f64, f64),
}

impl Extent {
    /// The box around `points`; `None` when there are none.
    pub(crate) fn of(points: impl Iterator<Item = (f64, f64)>) -> Option<Extent> {
        points.fold(None, |extent, (x, y)| {
            Some(match extent {
                None => Extent { min: (x, y), max: (x, y) },
                Some(Extent { min, max }) => {
                    Extent { min: (min.0.min(x), min.1.min(y)), max: (max.0.max(x), max.1.max(y)) }
                }
            })
        })
    }

    fn centre(self) -> (f64, f64) {
        ((self.min.0 + self.max.0) / 2.0, (self.min.1 + self.max.1) / 2.0)
    }

    /// Whether the whole box lies in the UK, read as (longitude, latitude).
    pub(crate) fn in_uk(self) -> bool {
        UK_LON.contains(&self.min.0)
            && UK_LON.contains(&self.max.0)
            && UK_LAT.contains(&self.min.1)
            && UK_LAT.contains(&self.max.1)
    }

    /// The box with x and y exchanged.
    pub(crate) fn swapped(self) -> Extent {
        Extent { min: (self.min.1, self.min.0), max: (self.max.1, self.max.0) }
    }
}

/// "151.2°E, 33.9°S".
pub(crate) fn degrees(lon: f64, lat: f64) -> String {
    let east_west = if lon < 0.0 { 'W' } else { 'E' };
    let north_south = if lat < 0.0 { 'S' } else { 'N' };
    format!("{:.1}°{east_west}, {:.1}°{north_south}", lon.abs(), lat.abs())
}

/// A named box: its name as it follows "lie", its south-west and north-east corners.
type Region = (&'static str, (f64, f64), (f64, f64));

/// Roughly where a point lies, when it is somewhere a reader would recognise.
fn region(lon: f64, lat: f64) -> Option<&'static str> {
    const REGIONS: &[Region] = &[
        ("at 0°, 0° in the Gulf of Guinea, where coordinates of zero land", (-1.0, -1.0), (1.0, 1.0)),
        ("in Ireland", (-10.7, 51.3), (-5.9, 55.5)),
        ("in Australia", (112.0, -44.0), (154.0, -10.0)),
        ("in New Zealand", (166.0, -48.0), (179.0, -34.0)),
        ("in North America", (-170.0, 15.0), (-50.0, 75.0)),
        ("in South America", (-82.0, -56.0), (-34.0, 13.0)),
        ("in mainland Europe", (-10.0, 36.0), (40.0, 71.0)),
        ("in the Indian Ocean off Somalia", (49.0, -10.0), (75.0, 8.0)),
        ("in Africa", (-18.0, -35.0), (52.0, 37.0)),
        ("in Asia", (40.0, 0.0), (150.0, 75.0)),
        ("in the Indian Ocean", (40.0, -40.0), (110.0, 0.0)),
        ("in Antarctica", (-180.0, -90.0), (180.0, -60.0)),
    ];
    REGIONS
        .iter()
        .find(|(_, min, max)| (min.0..=max.0).contains(&lon) && (min.1..=max.1).contains(&lat))
        .map(|(name, _, _)| *name)
}

/// Where a point lies, for a message: "around 151.2°E, 33.9°S, in Australia".
fn whereabouts(lon: f64, lat: f64) -> String {
    match region(lon, lat) {
        Some(region) => format!("around {}, {region}", degrees(lon, lat)),
        None => format!("around {}", degrees(lon, lat)),
    }
}

/// Features in degrees whose x run like latitudes and y like longitudes of the UK: swap every
/// point back, and say so. Unambiguous for a file of British council wards: read as given, the
/// whole file lies in the Indian Ocean off Somalia, whose only land is the Seychelles.
pub(crate) fn unswap_lat_lon(pending: &mut [Pending], file: &Path, warnings: &mut Vec<String>) {
    let points = pending.iter().flat_map(|f| f.polygons.iter().flatten().flatten().copied());
    let Some(extent) = Extent::of(points) else { return };
    if extent.in_uk() || !extent.swapped().in_uk() {
        return;
    }
    for point in pending.iter_mut().flat_map(|f| f.polygons.iter_mut().flatten().flatten()) {
        *point = (point.1, point.0);
    }
    let (x, y) = extent.centre();
    warnings.push(format!(
        "{}: these coordinates look like latitude and longitude swapped: read as given they lie {}, but with \
         the numbers exchanged they lie around {} in Great Britain. wardmap has read them swapped; GeoJSON puts \
         longitude first, so export the file again with longitude first (EPSG:4326) to be sure",
        file.display(),
        whereabouts(x, y),
        degrees(y, x)
    ));
}

/// The wards, in degrees, far from the UK: a warning naming where they lie roughly. They are
/// still drawn: the file may be right and the borough elsewhere.
pub(crate) fn warn_outside_uk(wards: &[Ward], file: &Path, warnings: &mut Vec<String>) {
    use geo::CoordsIter;
    let points = wards.iter().flat_map(|w| w.geometry.coords_iter().map(|c| (c.x, c.y)));
    let Some(extent) = Extent::of(points) else { return };
    let (lon, lat) = extent.centre();
    if UK_LON.contains(&lon) && UK_LAT.contains(&lat) {
        return;
    }
    let swapped = if UK_LON.contains(&lat) && UK_LAT.contains(&lon) {
        " Some of them look like latitude and longitude swapped: GeoJSON puts longitude first."
    } else {
        ""
    };
    warnings.push(format!(
        "{}: these coordinates lie outside Great Britain ({}), so these cannot be the wards of a British council \
         as they stand.{swapped} Check this is the right file and that its coordinates are longitude then \
         latitude (EPSG:4326) or British National Grid metres (EPSG:27700)",
        file.display(),
        whereabouts(lon, lat)
    ));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn points_are_named_in_degrees_and_rough_regions() {
        assert_eq!(degrees(151.21, -33.87), "151.2°E, 33.9°S");
        assert_eq!(degrees(-0.2, 51.6), "0.2°W, 51.6°N");
        assert_eq!(whereabouts(151.21, -33.87), "around 151.2°E, 33.9°S, in Australia");
        assert!(whereabouts(51.6, -0.2).contains("Indian Ocean"), "{}", whereabouts(51.6, -0.2));
        assert!(whereabouts(0.0, 0.0).contains("0°, 0°"));
    }

    #[test]
    fn a_box_in_london_is_in_the_uk_and_its_transpose_is_not() {
        let london = Extent::of([(-0.3, 51.5), (0.1, 51.7)].into_iter()).expect("two points");
        assert!(london.in_uk());
        assert!(!london.swapped().in_uk());
        assert!(london.swapped().swapped().in_uk());
        assert_eq!(Extent::of(std::iter::empty()), None);
    }
}
