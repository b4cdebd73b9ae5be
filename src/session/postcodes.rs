//! "Which ward is my postcode in?": the shipped London postcode points (OS Code-Point Open),
//! read on the first question only, and the ward of any ward set whose polygon holds the point.
//!
//! The point is tested against the ward polygons themselves, not a lookup table of codes, so
//! the answer holds for every ward set: Hendon of 2002 and Hendon of 2022 alike.

use std::sync::OnceLock;

use geo::{BoundingRect, Contains, Coord, Intersects, Point};

use crate::model::WardSet;
use crate::model::postcode::{Postcode, PostcodeFormError};

/// Where the shipped postcodes come from, for the words of a miss.
pub const POSTCODE_SOURCE: &str = "OS Code-Point Open 2025.4";

/// The postcodes, sorted by their printed form, with their lon/lat.
struct PostcodeBook {
    entries: Vec<(String, Coord<f64>)>,
}

/// The book, parsed once, on first use (5 MB of text: never before the first postcode asked).
fn book() -> &'static PostcodeBook {
    static BOOK: OnceLock<PostcodeBook> = OnceLock::new();
    BOOK.get_or_init(|| {
        let (path, text) = crate::io::embedded::london::POSTCODES;
        // The shipped file is checked whole by a test; a row that does not read is left out.
        let mut entries: Vec<(String, Coord<f64>)> = crate::io::postcodes::parse(path, text)
            .map(|points| points.into_iter().map(|p| (p.postcode, p.point)).collect())
            .unwrap_or_default();
        entries.sort_by(|a, b| a.0.cmp(&b.0));
        PostcodeBook { entries }
    })
}

impl PostcodeBook {
    fn point(&self, postcode: &str) -> Option<Coord<f64>> {
        self.entries.binary_search_by(|(p, _)| p.as_str().cmp(postcode)).ok().map(|i| self.entries[i].1)
    }

    /// The known postcode nearest in spelling: the same outward code and sector, fewest
    /// characters different; `None` when the outward code is not in the book at all.
    fn nearest(&self, postcode: &Postcode) -> Option<&str> {
        let prefix = format!("{} ", postcode.outward);
        let start = self.entries.partition_point(|(p, _)| p.as_str() < prefix.as_str());
        let same_outward = self.entries[start..].iter().take_while(|(p, _)| p.starts_with(&prefix));
        let wanted: Vec<char> = postcode.inward.chars().collect();
        same_outward
            .map(|(p, _)| {
                let inward: Vec<char> = p[prefix.len()..].chars().collect();
                let different = inward.iter().zip(&wanted).filter(|(a, b)| a != b).count();
                // The sector digit matters most: a postcode across the road shares it.
                let other_sector = usize::from(inward.first() != wanted.first());
                ((other_sector, different), p.as_str())
            })
            .min_by(|a, b| a.0.cmp(&b.0).then_with(|| a.1.cmp(b.1)))
            .map(|(_, p)| p)
    }
}

/// A postcode found in a ward.
#[derive(Clone, Debug, PartialEq)]
pub struct PostcodeHit {
    pub postcode: Postcode,
    /// The ward's index in the set.
    pub ward: usize,
    /// The postcode's point (lon/lat).
    pub point: Coord<f64>,
}

/// Why a postcode gives no ward.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum PostcodeMiss {
    #[error(transparent)]
    Malformed(#[from] PostcodeFormError),
    #[error("{postcode} is not a London postcode in {POSTCODE_SOURCE}{}", nearest_hint(nearest.as_deref()))]
    Unknown { postcode: Postcode, nearest: Option<String> },
    #[error("{postcode} lies outside the wards shown ({wards}): pick its borough at the top")]
    OutsideWards { postcode: Postcode, wards: String },
}

fn nearest_hint(nearest: Option<&str>) -> String {
    nearest.map_or_else(String::new, |p| format!(". The nearest one spelt like it is {p}"))
}

/// The ward of `set` that `text`'s postcode lies in.
///
/// # Errors
/// Text that is not a postcode, a postcode not in the shipped file, or a point in no ward of
/// the set.
pub fn locate(text: &str, set: &WardSet) -> Result<PostcodeHit, PostcodeMiss> {
    let postcode = Postcode::parse(text)?;
    let book = book();
    let Some(point) = book.point(&postcode.to_string()) else {
        let nearest = book.nearest(&postcode).map(str::to_owned);
        return Err(PostcodeMiss::Unknown { postcode, nearest });
    };
    let inside = Point(point);
    let ward = set.wards.iter().position(|w| {
        w.geometry.bounding_rect().is_some_and(|b| b.intersects(&inside)) && w.geometry.contains(&inside)
    });
    match ward {
        Some(ward) => Ok(PostcodeHit { postcode, ward, point }),
        None => Err(PostcodeMiss::OutsideWards { postcode, wards: set.name.clone() }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_book_has_every_shipped_postcode_and_finds_the_nearest_spelling() {
        let book = book();
        assert_eq!(book.entries.len(), 179_208, "data/README.md: 179,208 postcodes");
        assert!(book.point("NW4 4BG").is_some());
        assert!(book.point("NW4 9ZZ").is_none());
        let typo = Postcode::parse("NW4 4BX").expect("a postcode's shape");
        let nearest = book.nearest(&typo).expect("NW4 is in the book");
        assert!(nearest.starts_with("NW4 4B"), "{nearest}");
        let nowhere = Postcode::parse("ZZ9 9ZZ").expect("a postcode's shape");
        assert_eq!(book.nearest(&nowhere), None);
    }
}
