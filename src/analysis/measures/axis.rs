//! Naming a measure in one word, as a scatter plot's axis: `share:Labour`, `swing:Con:Lab`,
//! `turnout`, `census:jewish:2011`, `deprivation:imd` (a column of an opened file).
//!
//! The command line (`wardmap scatter --x … --y …`) and the app's saved scatter axes use the
//! same spelling, so a plot can be written down and made again.

use super::{ColourMode, ColourSpec, measure};
use crate::model::attributes::AttributeName;

/// The axis syntax in words, for `--help` and for the message of a name that does not parse.
pub const AXIS_SYNTAX: &str = "share[:PARTY], change[:PARTY], swing[:PARTY:PARTY] (positive towards the first), \
     turnout, majority, census:COLUMN[:YEAR] (e.g. census:jewish:2011), or TABLE:COLUMN for a column of an \
     opened ward-figures file (TABLE is the file's name)";

/// Why an axis name cannot be used.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum AxisError {
    #[error("'{0}' is not a measure: name one as {AXIS_SYNTAX}")]
    Unknown(String),
    #[error("{0} is a category, not a number, so it cannot be an axis: name one as {AXIS_SYNTAX}")]
    NotANumber(String),
    #[error("'{given}': {mode} takes no options")]
    NoOptions { given: String, mode: &'static str },
    #[error("'{given}': swing is between two parties, as swing:Conservative:Labour")]
    SwingPair { given: String },
    #[error("'{0}': name a ward figure as TABLE:COLUMN or TABLE:COLUMN:YEAR, as census:jewish:2011")]
    Figure(String),
}

/// The spec that `name` asks for, starting from `base` (its method, baseline, colour-blind
/// choice and the parties not named).
///
/// # Errors
/// A name that is not a measure, a category measure (winner, gains, control), or options that
/// do not fit the measure.
pub fn parse_axis(name: &str, base: &ColourSpec) -> Result<ColourSpec, AxisError> {
    let given = name.trim();
    let (head, options) = match given.split_once(':') {
        Some((head, rest)) => (head.trim(), Some(rest.trim())),
        None => (given, None),
    };
    let figure = |text: &str| {
        AttributeName::parse(text).ok_or_else(|| AxisError::Figure(text.to_owned())).map(|_| ColourSpec {
            mode: ColourMode::Attribute,
            attribute: text.to_owned(),
            ..base.clone()
        })
    };
    let Ok(mode) = head.parse::<ColourMode>() else {
        return if options.is_some() { figure(given) } else { Err(AxisError::Unknown(given.to_owned())) };
    };
    if !measure(mode).plottable() {
        return Err(AxisError::NotANumber(mode.key().to_owned()));
    }
    let mut spec = base.with_mode(mode);
    match (mode, options) {
        (ColourMode::Attribute, _) => return figure(given),
        (ColourMode::Share | ColourMode::Change, Some(party)) if !party.is_empty() => spec.party = party.to_owned(),
        (ColourMode::Swing, Some(pair)) => match pair.split_once(':') {
            Some((first, second)) if !first.trim().is_empty() && !second.trim().is_empty() => {
                spec.swing = (first.trim().to_owned(), second.trim().to_owned());
            }
            _ => return Err(AxisError::SwingPair { given: given.to_owned() }),
        },
        (_, None) => {}
        (_, Some(_)) => return Err(AxisError::NoOptions { given: given.to_owned(), mode: mode.key() }),
    }
    Ok(spec)
}

/// The name [`parse_axis`] reads back as `spec`: how the app saves a scatter axis.
#[must_use]
pub fn axis_name(spec: &ColourSpec) -> String {
    match spec.mode {
        ColourMode::Share | ColourMode::Change => format!("{}:{}", spec.mode.key(), spec.party),
        ColourMode::Swing => format!("swing:{}:{}", spec.swing.0, spec.swing.1),
        ColourMode::Attribute => spec.attribute.clone(),
        mode => mode.key().to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parsed(name: &str) -> Result<ColourSpec, AxisError> {
        parse_axis(name, &ColourSpec::winner())
    }

    #[test]
    fn each_kind_of_axis_name_gives_its_spec() {
        let share = parsed("share:Labour").expect("share");
        assert_eq!((share.mode, share.party.as_str()), (ColourMode::Share, "Labour"));
        let plain_swing = parsed("swing").expect("swing");
        assert_eq!(plain_swing.swing, ("Conservative".to_owned(), "Labour".to_owned()));
        let swing = parsed(" swing:Labour:Green ").expect("swing pair");
        assert_eq!(
            (swing.mode, swing.swing.0.as_str(), swing.swing.1.as_str()),
            (ColourMode::Swing, "Labour", "Green")
        );
        assert_eq!(parsed("Turnout").map(|s| s.mode), Ok(ColourMode::Turnout));
        let census = parsed("census:jewish:2011").expect("census");
        assert_eq!((census.mode, census.attribute.as_str()), (ColourMode::Attribute, "census:jewish:2011"));
        let opened = parsed("deprivation:imd").expect("an opened table's column");
        assert_eq!((opened.mode, opened.attribute.as_str()), (ColourMode::Attribute, "deprivation:imd"));
    }

    #[test]
    fn names_that_cannot_be_an_axis_say_why() {
        assert!(matches!(parsed("winner"), Err(AxisError::NotANumber(_))));
        assert!(matches!(parsed("gains"), Err(AxisError::NotANumber(_))));
        let unknown = parsed("jewish").expect_err("no table named");
        assert!(unknown.to_string().contains("census:COLUMN"), "{unknown}");
        assert!(matches!(parsed("swing:Labour"), Err(AxisError::SwingPair { .. })));
        assert!(matches!(parsed("turnout:Labour"), Err(AxisError::NoOptions { .. })));
        assert!(matches!(parsed("census"), Err(AxisError::Figure(_))));
        assert!(matches!(parsed("census:jewish:twenty"), Err(AxisError::Figure(_))));
    }

    #[test]
    fn a_saved_axis_name_reads_back_as_the_same_spec() {
        for name in ["share:Labour", "change:Conservative", "swing:Labour:Green", "turnout", "census:jewish:2011"] {
            let spec = parsed(name).expect(name);
            assert_eq!(axis_name(&spec), name);
            assert_eq!(parsed(&axis_name(&spec)), Ok(spec));
        }
    }
}
