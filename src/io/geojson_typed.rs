//! The fast road through a GeoJSON boundary file: serde straight into rings, no `Value` tree.
//!
//! Why there are two roads: a `serde_json::Value` tree costs about 110 bytes and an allocation
//! per position, which made parsing the slowest part of opening a national file and most of its
//! memory. This reader deserialises a FeatureCollection straight into `(f64, f64)` rings (16
//! bytes a position). It is strict: anything it does not expect (a bare Feature, a geometry
//! collection, an empty array, a position of one number, duplicate keys, a syntax error) makes it
//! give up with `None`, and the caller reads the file again through the `Value` road, which
//! words every problem precisely. So a good file is read once, fast; a bad one is read twice and
//! answered exactly as before. Rings are not checked here: [`super::rings::check_ring`] does that
//! on both roads.

use std::fmt;

use serde::Deserialize;
use serde::de::{self, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Value};

use super::rings::RawPolygon;

/// A FeatureCollection, as far as wardmap needs it.
#[derive(Deserialize)]
pub(crate) struct Collection {
    #[serde(rename = "type")]
    kind: String,
    /// The legacy `crs` member (a small object), read by [`super::crs::declared`].
    #[serde(default)]
    pub(crate) crs: Option<Value>,
    pub(crate) features: Vec<Feature>,
}

/// One feature: its properties as JSON (they are few and of any type) and its geometry typed.
#[derive(Deserialize)]
pub(crate) struct Feature {
    #[serde(default)]
    pub(crate) properties: Option<Map<String, Value>>,
    #[serde(default)]
    pub(crate) geometry: Option<Geometry>,
}

/// A geometry: polygons, or the kind of a geometry that is not an area.
pub(crate) enum Geometry {
    Polygons(Vec<RawPolygon>),
    NotArea(&'static str),
}

/// The file as typed features, or `None` when it is anything but a plain FeatureCollection of
/// well-formed geometries (the caller then takes the `Value` road).
pub(crate) fn parse(text: &str) -> Option<Collection> {
    let collection: Collection = serde_json::from_str(text).ok()?;
    (collection.kind == "FeatureCollection").then_some(collection)
}

impl<'de> Deserialize<'de> for Geometry {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_map(GeometryVisitor)
    }
}

struct GeometryVisitor;

impl<'de> Visitor<'de> for GeometryVisitor {
    type Value = Geometry;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a GeoJSON geometry object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Geometry, A::Error> {
        let mut kind: Option<String> = None;
        let mut coordinates: Option<Node> = None;
        while let Some(key) = map.next_key::<String>()? {
            match key.as_str() {
                "type" if kind.is_none() => kind = Some(map.next_value()?),
                "coordinates" if coordinates.is_none() => coordinates = Some(map.next_value()?),
                // A collection's members, or a key given twice: the `Value` road words these.
                "type" | "coordinates" | "geometries" => return Err(de::Error::custom("not a simple geometry")),
                _ => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        let kind = kind.ok_or_else(|| de::Error::missing_field("type"))?;
        match (kind.as_str(), coordinates) {
            ("Polygon", Some(Node::Rings(rings))) => Ok(Geometry::Polygons(vec![rings])),
            ("MultiPolygon", Some(Node::Polygons(polygons))) => Ok(Geometry::Polygons(polygons)),
            ("Point", Some(_)) => Ok(Geometry::NotArea("Point")),
            ("MultiPoint", Some(_)) => Ok(Geometry::NotArea("MultiPoint")),
            ("LineString", Some(_)) => Ok(Geometry::NotArea("LineString")),
            ("MultiLineString", Some(_)) => Ok(Geometry::NotArea("MultiLineString")),
            _ => Err(de::Error::custom("not a well-formed Polygon or MultiPolygon")),
        }
    }
}

/// A coordinates array of any depth, typed by what it holds. Each level is a plain `Vec` of the
/// level below, so a ring is one allocation of `(f64, f64)` however deep the nesting.
enum Node {
    Number(f64),
    Position(f64, f64),
    Ring(Vec<(f64, f64)>),
    Rings(Vec<Vec<(f64, f64)>>),
    Polygons(Vec<RawPolygon>),
}

impl<'de> Deserialize<'de> for Node {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(NodeVisitor)
    }
}

struct NodeVisitor;

/// Read the rest of a sequence whose first element was `first`, each element unwrapped by
/// `take` (an element of another kind fails the whole parse).
fn rest<'de, A: SeqAccess<'de>, T>(mut seq: A, first: T, take: impl Fn(Node) -> Option<T>) -> Result<Vec<T>, A::Error> {
    let mut out = Vec::with_capacity(seq.size_hint().unwrap_or(0).saturating_add(1).max(4));
    out.push(first);
    while let Some(node) = seq.next_element::<Node>()? {
        out.push(take(node).ok_or_else(|| de::Error::custom("mixed nesting"))?);
    }
    Ok(out)
}

impl<'de> Visitor<'de> for NodeVisitor {
    type Value = Node;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a number or an array of coordinates")
    }

    fn visit_f64<E: de::Error>(self, value: f64) -> Result<Node, E> {
        Ok(Node::Number(value))
    }

    fn visit_i64<E: de::Error>(self, value: i64) -> Result<Node, E> {
        Ok(Node::Number(value as f64))
    }

    fn visit_u64<E: de::Error>(self, value: u64) -> Result<Node, E> {
        Ok(Node::Number(value as f64))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Node, A::Error> {
        // An empty array anywhere is a problem the `Value` road words ("has no rings", …).
        let first = seq.next_element::<Node>()?.ok_or_else(|| de::Error::custom("empty array"))?;
        match first {
            Node::Number(x) => {
                let Some(Node::Number(y)) = seq.next_element::<Node>()? else {
                    return Err(de::Error::custom("a position needs two numbers"));
                };
                // A third number (altitude) and beyond are allowed by RFC 7946 and not used.
                while let Some(extra) = seq.next_element::<Node>()? {
                    if !matches!(extra, Node::Number(_)) {
                        return Err(de::Error::custom("a position holds only numbers"));
                    }
                }
                Ok(Node::Position(x, y))
            }
            Node::Position(x, y) => {
                rest(seq, (x, y), |node| if let Node::Position(x, y) = node { Some((x, y)) } else { None })
                    .map(Node::Ring)
            }
            Node::Ring(ring) => {
                rest(seq, ring, |node| if let Node::Ring(ring) = node { Some(ring) } else { None }).map(Node::Rings)
            }
            Node::Rings(rings) => {
                rest(seq, rings, |node| if let Node::Rings(rings) = node { Some(rings) } else { None })
                    .map(Node::Polygons)
            }
            Node::Polygons(_) => Err(de::Error::custom("coordinates nested too deep")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn geometry(json: &str) -> Option<Geometry> {
        let text = format!(
            r#"{{"type": "FeatureCollection", "features": [{{"type": "Feature", "properties": {{}}, "geometry": {json}}}]}}"#
        );
        parse(&text)?.features.pop()?.geometry
    }

    #[test]
    fn polygons_and_multipolygons_are_read_into_rings_whatever_the_key_order() {
        let square = "[[0, 0], [1, 0], [1, 1.5, 9], [0, 0]]";
        let Some(Geometry::Polygons(p)) = geometry(&format!(r#"{{"coordinates": [{square}], "type": "Polygon"}}"#))
        else {
            panic!("a polygon")
        };
        assert_eq!(p, vec![vec![vec![(0.0, 0.0), (1.0, 0.0), (1.0, 1.5), (0.0, 0.0)]]]);
        let Some(Geometry::Polygons(m)) =
            geometry(&format!(r#"{{"type": "MultiPolygon", "coordinates": [[{square}], [{square}, {square}]]}}"#))
        else {
            panic!("a multipolygon")
        };
        assert_eq!(m.len(), 2);
        assert_eq!(m[1].len(), 2);
        assert!(matches!(geometry(r#"{"type": "Point", "coordinates": [0, 1]}"#), Some(Geometry::NotArea("Point"))));
    }

    #[test]
    fn anything_unexpected_gives_up_so_the_value_road_can_word_it() {
        for bad in [
            r#"{"type": "Polygon", "coordinates": []}"#,
            r#"{"type": "Polygon", "coordinates": [[[0]]]}"#,
            r#"{"type": "Polygon", "coordinates": [[[0, "1"]]]}"#,
            r#"{"type": "Polygon", "coordinates": [[[0, 1], [[2, 3]]]]}"#,
            r#"{"type": "MultiPolygon", "coordinates": [[[[0, 1]]], []]}"#,
            r#"{"type": "Polygon", "coordinates": [[[[0, 1]]]]}"#,
            r#"{"type": "Polygon", "type": "Polygon", "coordinates": [[[0, 1]]]}"#,
            r#"{"type": "GeometryCollection", "geometries": []}"#,
            r#"{"type": "Circle", "coordinates": [[[0, 1]]]}"#,
            r#"{"coordinates": [[[0, 1]]]}"#,
        ] {
            let text = format!(r#"{{"type": "FeatureCollection", "features": [{{"geometry": {bad}}}]}}"#);
            assert!(parse(&text).is_none(), "{bad}");
        }
        assert!(parse(r#"{"type": "Feature", "geometry": null}"#).is_none());
        assert!(parse(r#"{"type": "FeatureCollection", "features": [1]}"#).is_none());
        let null_geometry = r#"{"type": "FeatureCollection", "features": [{"properties": null, "geometry": null}]}"#;
        let features = parse(null_geometry).map(|c| c.features).unwrap_or_default();
        assert!(features.len() == 1 && features[0].geometry.is_none() && features[0].properties.is_none());
    }
}
