//! Which coordinate system a boundary file is in, and reprojection to lon/lat.
//!
//! The ONS publishes ward boundaries in British National Grid (EPSG:27700, metres), often with
//! no `crs` member at all (RFC 7946 dropped it). So the `crs` member is read when present, and
//! otherwise the coordinate ranges decide: lon/lat fits in ±180/±90, BNG eastings and northings
//! fit the grid's box and are far outside those. Reprojection uses proj4rs, never hand-written
//! maths: its Helmert shift (`+towgs84`) is good to a few metres, far below a ward's detail.

use proj4rs::Proj;

/// British National Grid, as proj4 spells it (with the usual 7-parameter shift to WGS84).
pub const BNG_PROJ: &str = "+proj=tmerc +lat_0=49 +lon_0=-2 +k=0.9996012717 +x_0=400000 +y_0=-100000 \
    +ellps=airy +towgs84=446.448,-125.157,542.06,0.15,0.247,0.842,-20.489 +units=m +no_defs";
/// WGS84 longitude/latitude (what the model holds).
pub const LONLAT_PROJ: &str = "+proj=longlat +ellps=WGS84 +datum=WGS84 +no_defs";
/// Web Mercator (EPSG:3857), which some web tools export.
const WEB_MERCATOR_PROJ: &str =
    "+proj=merc +a=6378137 +b=6378137 +lat_ts=0 +lon_0=0 +x_0=0 +y_0=0 +k=1 +units=m +no_defs";

/// The coordinate systems wardmap reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Crs {
    /// Longitude/latitude in degrees (CRS84, EPSG:4326, EPSG:4258).
    LonLat,
    /// British National Grid eastings/northings in metres (EPSG:27700).
    BritishNationalGrid,
    /// Web Mercator metres (EPSG:3857).
    WebMercator,
}

impl Crs {
    /// A name for messages.
    pub fn describe(self) -> &'static str {
        match self {
            Crs::LonLat => "longitude/latitude",
            Crs::BritishNationalGrid => "British National Grid (EPSG:27700)",
            Crs::WebMercator => "Web Mercator (EPSG:3857)",
        }
    }

    /// Whether a coordinate is inside this system's valid area (the UK and a margin, for BNG).
    pub fn fits(self, x: f64, y: f64) -> bool {
        match self {
            Crs::LonLat => (-180.0..=180.0).contains(&x) && (-90.0..=90.0).contains(&y),
            Crs::BritishNationalGrid => {
                (-100_000.0..=800_000.0).contains(&x) && (-100_000.0..=1_400_000.0).contains(&y)
            }
            Crs::WebMercator => x.abs() <= 20_037_509.0 && y.abs() <= 20_048_967.0,
        }
    }
}

/// The coordinate system a GeoJSON `crs` member names. `Ok(None)` when there is no member;
/// `Err(name)` when it names a system wardmap cannot convert.
pub fn declared(json: &serde_json::Value) -> Result<Option<Crs>, String> {
    let Some(crs) = json.get("crs").filter(|c| !c.is_null()) else {
        return Ok(None);
    };
    let properties = crs.get("properties");
    let name = properties
        .and_then(|p| p.get("name").or_else(|| p.get("code")).or_else(|| p.get("href")))
        .map(|v| v.as_str().map_or_else(|| v.to_string(), str::to_owned))
        .unwrap_or_else(|| crs.to_string());
    let upper = name.to_uppercase();
    let code = upper.rsplit(|c: char| !c.is_ascii_alphanumeric()).find(|part| !part.is_empty()).unwrap_or("");
    match code {
        "CRS84" | "4326" | "4258" | "4979" => Ok(Some(Crs::LonLat)),
        "27700" => Ok(Some(Crs::BritishNationalGrid)),
        "3857" | "900913" | "3785" => Ok(Some(Crs::WebMercator)),
        _ => Err(name),
    }
}

/// Guess the system from every coordinate's range: lon/lat when all fit it, else BNG when all
/// fit that. `None` when neither fits everything (the caller then names an offending point).
pub fn guess(points: impl Iterator<Item = (f64, f64)> + Clone) -> Option<Crs> {
    [Crs::LonLat, Crs::BritishNationalGrid].into_iter().find(|crs| points.clone().all(|(x, y)| crs.fits(x, y)))
}

/// A conversion from one of the [`Crs`] to lon/lat degrees.
pub struct ToLonLat {
    from: Proj,
    to: Proj,
}

impl ToLonLat {
    /// `None` for lon/lat itself (nothing to do).
    pub fn new(crs: Crs) -> Result<Option<ToLonLat>, String> {
        let source = match crs {
            Crs::LonLat => return Ok(None),
            Crs::BritishNationalGrid => BNG_PROJ,
            Crs::WebMercator => WEB_MERCATOR_PROJ,
        };
        let from = Proj::from_proj_string(source).map_err(|e| e.to_string())?;
        let to = Proj::from_proj_string(LONLAT_PROJ).map_err(|e| e.to_string())?;
        Ok(Some(ToLonLat { from, to }))
    }

    /// Convert in place; on failure names the point that could not be converted.
    pub fn apply(&self, points: &mut [(f64, f64)]) -> Result<(), String> {
        for point in points.iter_mut() {
            let (x, y) = *point;
            let mut converted = (x, y, 0.0);
            proj4rs::transform::transform(&self.from, &self.to, &mut converted)
                .map_err(|e| format!("the point ({x}, {y}) could not be converted to longitude/latitude ({e})"))?;
            let (lon, lat) = (converted.0.to_degrees(), converted.1.to_degrees());
            if !lon.is_finite() || !lat.is_finite() {
                return Err(format!("the point ({x}, {y}) could not be converted to longitude/latitude"));
            }
            *point = (lon, lat);
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crs_members_are_read_in_their_usual_spellings() {
        let named = |name: &str| serde_json::json!({"crs": {"type": "name", "properties": {"name": name}}});
        assert_eq!(declared(&named("urn:ogc:def:crs:EPSG::27700")), Ok(Some(Crs::BritishNationalGrid)));
        assert_eq!(declared(&named("urn:ogc:def:crs:OGC:1.3:CRS84")), Ok(Some(Crs::LonLat)));
        assert_eq!(declared(&named("EPSG:4326")), Ok(Some(Crs::LonLat)));
        assert_eq!(
            declared(&serde_json::json!({"crs": {"type": "EPSG", "properties": {"code": 27700}}})),
            Ok(Some(Crs::BritishNationalGrid))
        );
        assert_eq!(declared(&serde_json::json!({})), Ok(None));
        assert!(declared(&named("EPSG:2154")).is_err());
    }

    #[test]
    fn trafalgar_square_in_bng_lands_in_trafalgar_square() {
        let convert = ToLonLat::new(Crs::BritishNationalGrid).expect("proj string").expect("a conversion");
        let mut points = [(530_000.0, 180_500.0)];
        convert.apply(&mut points).expect("converts");
        let (lon, lat) = points[0];
        assert!((lon - -0.1280).abs() < 0.002 && (lat - 51.5080).abs() < 0.002, "{lon}, {lat}");
        assert_eq!(guess([(530_000.0, 180_500.0)].into_iter()), Some(Crs::BritishNationalGrid));
        assert_eq!(guess([(-0.2, 51.6)].into_iter()), Some(Crs::LonLat));
        assert_eq!(guess([(5e7, 5e7)].into_iter()), None);
    }
}
