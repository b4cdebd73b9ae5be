//! How a mode is named and parsed: its label from its measure, its key from the registry, and
//! `FromStr`/`Display` in the key's spelling, as `--mode`, `--show-mode` and saved settings use.

use super::{ColourMode, Picker, measure};

/// A mode name that `--mode` and `--show-mode` do not know; the words list the keys that are known.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("unknown mode '{0}': choose one of {known}", known = ColourMode::keys().join(", "))]
pub struct UnknownMode(pub String);

impl ColourMode {
    /// The name in the mode picker: "Majority / marginality".
    pub fn label(self) -> &'static str {
        measure(self).label()
    }

    /// Whether the mode compares two elections (and so needs a baseline on the same ward set).
    pub fn needs_baseline(self) -> bool {
        measure(self).pickers().contains(&Picker::Baseline)
    }

    /// Every mode's key, in order: "winner", "share", ….
    pub fn keys() -> Vec<&'static str> {
        ColourMode::ALL.iter().map(|m| m.key()).collect()
    }
}

impl std::fmt::Display for ColourMode {
    /// The key: "swing".
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.key())
    }
}

impl std::str::FromStr for ColourMode {
    type Err = UnknownMode;

    /// A key, in any case, with spaces around allowed.
    fn from_str(name: &str) -> Result<ColourMode, UnknownMode> {
        let wanted = name.trim().to_lowercase();
        ColourMode::ALL.iter().copied().find(|m| m.key() == wanted).ok_or_else(|| UnknownMode(name.to_owned()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_mode_has_a_label_and_only_comparisons_need_a_baseline() {
        assert_eq!(ColourMode::ALL.len(), 9);
        let needing: Vec<ColourMode> = ColourMode::ALL.iter().copied().filter(|m| m.needs_baseline()).collect();
        assert_eq!(needing, [ColourMode::Change, ColourMode::Swing, ColourMode::Gains]);
        assert_eq!(ColourMode::Majority.label(), "Majority / marginality");
    }

    #[test]
    fn a_mode_is_named_by_its_key_as_in_saved_settings() {
        for &mode in ColourMode::ALL {
            let saved = serde_json::to_value(mode).ok();
            assert_eq!(saved.as_ref().and_then(|v| v.as_str()), Some(mode.key()), "{mode:?}");
            assert_eq!(mode.to_string().parse::<ColourMode>(), Ok(mode));
        }
        assert_eq!(" Swing ".parse::<ColourMode>(), Ok(ColourMode::Swing));
        assert_eq!(
            "rainbow".parse::<ColourMode>().map_err(|e| e.to_string()),
            Err(
                "unknown mode 'rainbow': choose one of winner, share, change, swing, majority, turnout, gains, control, census"
                    .into()
            )
        );
    }
}
