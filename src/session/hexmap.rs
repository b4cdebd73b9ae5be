//! Which hex layout a ward set is drawn on: the shipped Open Innovations layout of London's
//! wards where it covers the set (the 2022 wards), a layout the user opened where that does,
//! else one generated from the ward centres (and said to be).

use std::sync::OnceLock;

use crate::geometry::PreparedWardSet;
use crate::geometry::hexes::{covered, generate_layout, hex_shapes};
use crate::model::WardSet;
use crate::model::hexmap::HexLayout;

/// A layout is used for a set when it has a hex for at least this share of its wards.
const MIN_COVER: f64 = 0.9;

/// The shipped London layout, read on first use.
#[must_use]
pub fn london_layout() -> Option<&'static HexLayout> {
    static LAYOUT: OnceLock<Option<HexLayout>> = OnceLock::new();
    LAYOUT
        .get_or_init(|| {
            let (file, text) = crate::io::embedded::london::HEXMAP;
            let credit = Some(crate::model::credits::HEX_CARTOGRAM.to_owned());
            // The shipped file is checked by a test; a broken build falls back to generated layouts.
            crate::io::hexjson::parse(text, file, credit).ok()
        })
        .as_ref()
}

/// The layout for `set`: `opened` if it covers the set, else the shipped London one if it does,
/// else a generated one.
#[must_use]
pub fn layout_for(set: &WardSet, opened: Option<&HexLayout>) -> HexLayout {
    #[allow(clippy::cast_precision_loss, reason = "counts of wards")]
    let fits = |layout: &HexLayout| covered(set, layout) as f64 >= MIN_COVER * set.wards.len() as f64;
    opened.into_iter().chain(london_layout()).find(|l| fits(l)).cloned().unwrap_or_else(|| generate_layout(set))
}

/// The set's hexes prepared for the map (with borough outlines where the wards know their
/// borough), and the layout they come from.
#[must_use]
pub fn prepare_hexes(set: &WardSet, opened: Option<&HexLayout>) -> (PreparedWardSet, HexLayout) {
    let layout = layout_for(set, opened);
    let prepared = PreparedWardSet::from_world(hex_shapes(set, &layout));
    let mut boroughs: Vec<&str> = set.wards.iter().filter_map(|w| w.borough.as_deref()).collect();
    boroughs.sort_unstable();
    boroughs.dedup();
    if boroughs.len() < 2 {
        return (prepared, layout);
    }
    let group_of: Vec<Option<usize>> =
        set.wards.iter().map(|w| w.borough.as_deref().and_then(|b| boroughs.binary_search(&b).ok())).collect();
    (prepared.with_group_outlines(&group_of), layout)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::hexmap::HexSource;

    #[test]
    fn london_2022_wards_take_the_shipped_layout_and_barnet_2002_a_generated_one() {
        let data = crate::session::embedded_barnet();
        let set_of = |year: i32| {
            let id = data.election_of("Barnet", year).expect("an election");
            &data.ward_sets[data.election(id).and_then(|e| e.ward_set).expect("a set").0]
        };
        let new = layout_for(set_of(2022), None);
        assert!(matches!(new.source, HexSource::File { .. }), "the 2022 wards are in the Open Innovations layout");
        assert_eq!(covered(set_of(2022), &new), 24);
        let old = set_of(2018);
        let generated = layout_for(old, None);
        assert_eq!(generated.source, HexSource::Generated);
        assert_eq!(generated.hexes.len(), 21, "one hex per ward of the 2002 set");
        assert_eq!(covered(old, &generated), 21);
        let (prepared, _) = prepare_hexes(old, None);
        assert_eq!(prepared.len(), 21);
    }
}
