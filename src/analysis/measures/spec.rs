//! The spec: everything that decides the colouring, kept in the app's saved settings.

use super::ColourMode;
use crate::analysis::share::ShareMethod;
use serde::{Deserialize, Serialize};

/// Everything that decides the colouring. Build with [`ColourSpec::winner`] (or `default()`)
/// and struct update: `ColourSpec { mode: ColourMode::Swing, ..ColourSpec::winner() }`.
/// Parties are kept by name (any spelling [`crate::model::Party::from_source`] knows) so the
/// spec persists.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ColourSpec {
    pub mode: ColourMode,
    /// The party for Share and Change.
    pub party: String,
    /// The pair for Swing: positive swing is to the first.
    pub swing: (String, String),
    /// The year of the election to compare with (Change, Swing, Gains); `None`: the previous
    /// election on the same ward set.
    pub baseline: Option<i32>,
    /// How shares are counted in multi-member wards.
    pub method: ShareMethod,
    /// The ward figure for the census map: a measure name, `census:jewish` (the latest census
    /// not after the election), `census:jewish:2011`, or `table:column` of an opened file.
    pub attribute: String,
    /// Colour-blind-safe palettes: Okabe-Ito for parties, cividis-like ramps for scales.
    pub colour_blind: bool,
}

impl ColourSpec {
    /// Winning party, Conservative for share, Con↔Lab swing, top-vote, previous election.
    pub fn winner() -> ColourSpec {
        ColourSpec {
            mode: ColourMode::Winner,
            party: "Conservative".into(),
            swing: ("Conservative".into(), "Labour".into()),
            baseline: None,
            method: ShareMethod::TopVote,
            attribute: "census:jewish".into(),
            colour_blind: false,
        }
    }

    /// The same spec in another mode.
    #[must_use]
    pub fn with_mode(&self, mode: ColourMode) -> ColourSpec {
        ColourSpec { mode, ..self.clone() }
    }
}

impl Default for ColourSpec {
    fn default() -> Self {
        ColourSpec::winner()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_spec_saved_before_the_new_fields_loads_with_their_defaults() {
        let spec: Option<ColourSpec> = serde_json::from_str(r#"{"mode":"winner"}"#).ok();
        assert_eq!(spec, Some(ColourSpec::winner()));
        let swing: ColourSpec = serde_json::from_str(r#"{"mode":"swing","method":"total-votes"}"#).unwrap_or_default();
        assert_eq!(swing.mode, ColourMode::Swing);
        assert_eq!(swing.method, ShareMethod::TotalVotes);
        assert_eq!(swing.swing, ("Conservative".to_owned(), "Labour".to_owned()));
    }

    #[test]
    fn a_spec_round_trips_through_json() {
        let spec =
            ColourSpec { mode: ColourMode::Gains, baseline: Some(2014), colour_blind: true, ..ColourSpec::winner() };
        let text = serde_json::to_string(&spec).unwrap_or_default();
        assert_eq!(serde_json::from_str::<ColourSpec>(&text).ok(), Some(spec));
    }
}
