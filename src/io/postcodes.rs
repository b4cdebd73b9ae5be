//! The postcode points file wardmap ships (`data/london/postcodes/`, written by
//! `data/tools/compact_postcodes.py` from OS Code-Point Open): `# ` comment lines, a
//! `# district CODE` line ahead of each borough's rows, then `postcode,lon,lat` rows.

use geo::Coord;

/// One postcode unit's centroid.
#[derive(Clone, Debug, PartialEq)]
pub struct PostcodePoint {
    /// As printed, with its space: "NW4 4BG".
    pub postcode: String,
    /// The ONS code of its borough ("E09000003").
    pub district: String,
    /// lon/lat (WGS84).
    pub point: Coord<f64>,
}

/// Why a postcode file could not be read.
#[derive(Debug, thiserror::Error, PartialEq)]
pub enum PostcodeError {
    #[error("{file}, line {line}: expected 'postcode,longitude,latitude', found {found:?}")]
    BadRow { file: String, line: usize, found: String },
    #[error("{file}, line {line}: {postcode} has coordinates outside the world ({lon}, {lat})")]
    OutOfRange { file: String, line: usize, postcode: String, lon: f64, lat: f64 },
}

/// Only the points, in file order, skipping rows that do not read (for weights, where a bad
/// row costs one point, and the shipped file is checked whole by [`parse`] in a test). Faster
/// than [`parse`]: no strings are kept.
pub fn points(text: &str) -> Vec<Coord<f64>> {
    text.lines()
        .filter(|line| !line.starts_with('#'))
        .filter_map(|line| {
            let mut cells = line.trim_end_matches('\r').splitn(3, ',').skip(1);
            let (x, y) = (cells.next()?.trim().parse::<f64>().ok()?, cells.next()?.trim().parse::<f64>().ok()?);
            ((-180.0..=180.0).contains(&x) && (-90.0..=90.0).contains(&y)).then_some(Coord { x, y })
        })
        .collect()
}

/// Every point of the file, in file order.
pub fn parse(file: &str, text: &str) -> Result<Vec<PostcodePoint>, PostcodeError> {
    let mut points = Vec::with_capacity(text.len() / 28);
    let mut district = String::new();
    for (index, line) in text.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        if let Some(comment) = line.strip_prefix('#') {
            if let Some(code) = comment.trim().strip_prefix("district ") {
                district = code.trim().to_owned();
            }
            continue;
        }
        if line.trim().is_empty() {
            continue;
        }
        let bad =
            || PostcodeError::BadRow { file: file.to_owned(), line: index + 1, found: line.chars().take(80).collect() };
        let mut cells = line.split(',');
        let (Some(postcode), Some(lon), Some(lat), None) = (cells.next(), cells.next(), cells.next(), cells.next())
        else {
            return Err(bad());
        };
        let (Ok(lon), Ok(lat)) = (lon.trim().parse::<f64>(), lat.trim().parse::<f64>()) else {
            return Err(bad());
        };
        if !(-180.0..=180.0).contains(&lon) || !(-90.0..=90.0).contains(&lat) {
            let postcode = postcode.to_owned();
            return Err(PostcodeError::OutOfRange { file: file.to_owned(), line: index + 1, postcode, lon, lat });
        }
        points.push(PostcodePoint {
            postcode: postcode.trim().to_owned(),
            district: district.clone(),
            point: Coord { x: lon, y: lat },
        });
    }
    Ok(points)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_take_the_district_of_the_line_above_them() {
        let text =
            "# header\n# district E09000003\nNW4 4BG,-0.221,51.589\n\n# district E09000026\nIG1 1AA,0.07,51.55\n";
        let points = parse("p.txt", text).expect("valid");
        assert_eq!(points.len(), 2);
        assert_eq!(points[0].postcode, "NW4 4BG");
        assert_eq!(points[0].district, "E09000003");
        assert_eq!(points[0].point, Coord { x: -0.221, y: 51.589 });
        assert_eq!(points[1].district, "E09000026");
    }

    #[test]
    fn a_broken_row_names_its_line() {
        let err = parse("p.txt", "# district X\nNW4 4BG,-0.2\n").expect_err("two cells");
        assert_eq!(err.to_string(), "p.txt, line 2: expected 'postcode,longitude,latitude', found \"NW4 4BG,-0.2\"");
        let err = parse("p.txt", "NW4 4BG,-0.2,95\n").expect_err("latitude 95");
        assert!(err.to_string().contains("outside the world"), "{err}");
    }

    #[test]
    fn the_shipped_file_reads_whole() {
        let (file, text) = crate::io::embedded::london::POSTCODES;
        let points = parse(file, text).expect("the shipped file is valid");
        assert_eq!(points.len(), 179_208);
        let quick = super::points(text);
        assert_eq!(quick, points.iter().map(|p| p.point).collect::<Vec<_>>());
        let barnet = points.iter().filter(|p| p.district == "E09000003").count();
        assert!(barnet > 5000, "{barnet}");
    }
}
