//! HexJSON (<https://open-innovations.org/projects/hexmaps/hexjson>): `{"layout": "odd-r",
//! "hexes": {"E05000043": {"q": 3, "r": -2, "n": "Brunswick Park", …}, …}}`. The keys join the
//! hexes to wards by code; other properties are ignored.

use crate::model::hexmap::{Hex, HexLayout, HexOffset, HexSource};

/// Why a HexJSON file could not be read.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum HexJsonError {
    #[error("{file} is not JSON: {reason}")]
    NotJson { file: String, reason: String },
    #[error("{file} is not HexJSON: it needs a \"layout\" (odd-r, even-r, odd-q or even-q) and a \"hexes\" object")]
    NotHexJson { file: String },
    #[error("{file}: the layout \"{layout}\" is not one of odd-r, even-r, odd-q, even-q")]
    UnknownLayout { file: String, layout: String },
    #[error("{file}: hex {code} has no whole-number \"q\" and \"r\"")]
    BadHex { file: String, code: String },
    #[error("{file}: hexes {first} and {second} are both at q {q}, r {r}")]
    SameCell { file: String, first: String, second: String, q: i32, r: i32 },
}

/// Read a HexJSON document; `credit` is said with the map.
///
/// # Errors
/// Text that is not JSON, not HexJSON, an unknown layout, a hex without whole-number
/// coordinates, or two hexes in one cell.
pub fn parse(text: &str, file: &str, credit: Option<String>) -> Result<HexLayout, HexJsonError> {
    let value: serde_json::Value = serde_json::from_str(text.trim_start_matches('\u{feff}'))
        .map_err(|e| HexJsonError::NotJson { file: file.to_owned(), reason: e.to_string() })?;
    let not_hexjson = || HexJsonError::NotHexJson { file: file.to_owned() };
    let layout = value.get("layout").and_then(serde_json::Value::as_str).ok_or_else(not_hexjson)?;
    let offset = HexOffset::parse(layout)
        .ok_or_else(|| HexJsonError::UnknownLayout { file: file.to_owned(), layout: layout.to_owned() })?;
    let entries = value.get("hexes").and_then(serde_json::Value::as_object).ok_or_else(not_hexjson)?;
    let mut hexes = Vec::with_capacity(entries.len());
    for (code, hex) in entries {
        let int = |key: &str| hex.get(key).and_then(serde_json::Value::as_i64).and_then(|v| i32::try_from(v).ok());
        let (Some(q), Some(r)) = (int("q"), int("r")) else {
            return Err(HexJsonError::BadHex { file: file.to_owned(), code: code.clone() });
        };
        let name = hex.get("n").and_then(serde_json::Value::as_str).map(str::to_owned);
        hexes.push(Hex { code: code.clone(), name, q, r });
    }
    let mut cells: Vec<(i32, i32, &str)> = hexes.iter().map(|h| (h.q, h.r, h.code.as_str())).collect();
    cells.sort_unstable();
    if let Some(pair) = cells.windows(2).find(|w| (w[0].0, w[0].1) == (w[1].0, w[1].1)) {
        return Err(HexJsonError::SameCell {
            file: file.to_owned(),
            first: pair[0].2.to_owned(),
            second: pair[1].2.to_owned(),
            q: pair[0].0,
            r: pair[0].1,
        });
    }
    hexes.sort_by(|a, b| a.code.cmp(&b.code));
    Ok(HexLayout { offset, hexes, source: HexSource::File { file: file.to_owned(), credit } })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_london_layout_reads_whole() {
        let (file, text) = crate::io::embedded::london::HEXMAP;
        let layout = parse(text, file, None).expect("the shipped layout reads");
        assert_eq!(layout.hexes.len(), 704, "679 wards of 2022 and 25 City wards");
        assert_eq!(layout.offset, HexOffset::OddR);
        assert!(layout.hex_of("E05009288").is_some_and(|h| h.name.as_deref() == Some("Aldersgate")));
    }

    #[test]
    fn broken_hexjson_says_what_is_wrong() {
        let err = |text: &str| parse(text, "h.hexjson", None).expect_err(text).to_string();
        assert!(err("{").contains("is not JSON"));
        assert!(err(r#"{"hexes": {}}"#).contains("needs a \"layout\""));
        assert!(err(r#"{"layout": "hexagonal", "hexes": {}}"#).contains("\"hexagonal\" is not one of"));
        assert!(err(r#"{"layout": "odd-r", "hexes": {"E1": {"q": "a", "r": 0}}}"#).contains("hex E1 has no"));
        let twice = err(r#"{"layout": "odd-r", "hexes": {"E1": {"q": 0, "r": 0}, "E2": {"q": 0, "r": 0}}}"#);
        assert!(twice.contains("E1 and E2 are both at q 0, r 0"), "{twice}");
    }
}
