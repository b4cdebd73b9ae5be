//! Parties, normalised across sources.
//!
//! Sources spell parties many ways ("Conservative and Unionist Party", "CON", "The Conservative
//! Party Candidate"); analysis needs one identity per party, so every name goes through
//! [`Party::from_source`].

use super::palette::{self, Rgb};
use serde::Serialize;
use std::cmp::Ordering;

/// A political party (or "Independent") as one identity across sources.
#[derive(Clone, Debug, Serialize)]
pub struct Party {
    /// Canonical display name, e.g. "Conservative", "Liberal Democrats".
    pub name: String,
    /// Short name for tight spaces, e.g. "Con", "LD".
    pub short: String,
    /// Map colour.
    #[serde(serialize_with = "serialize_rgb_hex")]
    pub colour: Rgb,
}

fn serialize_rgb_hex<S: serde::Serializer>(rgb: &Rgb, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&rgb.to_hex())
}

/// The parties with fixed names, short names and colours; matched by normalised aliases.
const KNOWN: &[(&str, &str, Rgb, &[&str])] = &[
    (
        "Conservative",
        "Con",
        palette::CONSERVATIVE,
        &["conservative", "conservatives", "conservative and unionist", "con", "tory"],
    ),
    (
        "Labour",
        "Lab",
        palette::LABOUR,
        &["labour", "labour and cooperative", "labour cooperative", "lab", "lab coop", "labour coop"],
    ),
    (
        "Liberal Democrats",
        "LD",
        palette::LIBERAL_DEMOCRAT,
        &["liberal democrats", "liberal democrat", "lib dem", "lib dems", "ld", "libdem"],
    ),
    ("Green", "Grn", palette::GREEN, &["green", "greens", "grn", "green party of england and wales", "gre"]),
    (
        "UKIP",
        "UKIP",
        palette::UKIP,
        &["uk independence ukip", "uk independence", "ukip", "united kingdom independence"],
    ),
    ("Reform UK", "Ref", palette::REFORM, &["reform uk", "reform", "reform uk changing politics for good", "ruk"]),
    ("Independent", "Ind", palette::INDEPENDENT, &["independent", "ind", "independents", "no description", ""]),
];

impl Party {
    /// The party a source's label stands for. Known parties are recognised whatever the
    /// spelling; any other label keeps its own wording and gets a stable colour of its own.
    pub fn from_source(label: &str) -> Party {
        let key = normalise(label);
        for (name, short, colour, aliases) in KNOWN {
            if aliases.contains(&key.as_str()) {
                return Party { name: (*name).to_owned(), short: (*short).to_owned(), colour: *colour };
            }
        }
        let name = tidy_other_name(label);
        Party { short: short_name(&name), colour: palette::colour_for_other_party(&normalise(&name)), name }
    }

    /// Whether this is one of the parties with a fixed colour.
    pub fn is_known(&self) -> bool {
        KNOWN.iter().any(|(name, ..)| *name == self.name)
    }
}

impl PartialEq for Party {
    fn eq(&self, other: &Self) -> bool {
        self.name == other.name
    }
}
impl Eq for Party {}
impl std::hash::Hash for Party {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.name.hash(state);
    }
}
impl PartialOrd for Party {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for Party {
    fn cmp(&self, other: &Self) -> Ordering {
        self.name.cmp(&other.name)
    }
}

/// Lower case, punctuation dropped, "&" as "and", filler words ("the", "party", "candidate") and
/// bracketed short forms removed, so that every spelling of a party meets the same key.
pub fn normalise(label: &str) -> String {
    let lowered = label.to_lowercase().replace('&', " and ");
    let mut out = Vec::new();
    for word in lowered.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()) {
        if matches!(word, "the" | "party" | "candidate" | "official") {
            continue;
        }
        out.push(word);
    }
    // "UK Independence Party (UKIP)" → "uk independence ukip"; "Labour and Co-operative" → "labour and co operative"
    out.join(" ").replace("co operative", "cooperative")
}

/// An unknown party's display name: the source's wording minus a trailing " Party" and
/// a leading "The ", so "The Women's Equality Party" reads "Women's Equality".
fn tidy_other_name(label: &str) -> String {
    let trimmed = label.trim();
    let trimmed = trimmed.strip_prefix("The ").unwrap_or(trimmed);
    let trimmed = trimmed.strip_suffix(" Party").unwrap_or(trimmed);
    if trimmed.is_empty() { label.trim().to_owned() } else { trimmed.to_owned() }
}

/// Initials of the significant words, or the first four letters of a one-word name.
fn short_name(name: &str) -> String {
    let words: Vec<&str> = name
        .split(|c: char| !c.is_alphanumeric() && c != '\'')
        .filter(|w| !w.is_empty() && !matches!(w.to_lowercase().as_str(), "and" | "of" | "the" | "for"))
        .collect();
    match words.as_slice() {
        [] => name.chars().take(4).collect(),
        [one] => one.chars().take(4).collect(),
        many => many.iter().filter_map(|w| w.chars().next()).flat_map(char::to_uppercase).collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn conservative_and_unionist_party_is_the_conservative_party() {
        let party = Party::from_source("Conservative and Unionist Party");
        assert_eq!(party.name, "Conservative");
        assert_eq!(party.short, "Con");
        assert_eq!(party.colour, palette::CONSERVATIVE);
        assert_eq!(party, Party::from_source("CON"));
        assert_eq!(party, Party::from_source("The Conservative Party Candidate"));
    }

    #[test]
    fn spellings_of_the_main_parties_meet() {
        assert_eq!(Party::from_source("Labour Party").name, "Labour");
        assert_eq!(Party::from_source("Labour and Co-operative Party").name, "Labour");
        assert_eq!(Party::from_source("Liberal Democrat").name, "Liberal Democrats");
        assert_eq!(Party::from_source("LD").name, "Liberal Democrats");
        assert_eq!(Party::from_source("Green Party").name, "Green");
        assert_eq!(Party::from_source("GRN").name, "Green");
        assert_eq!(Party::from_source("UK Independence Party (UKIP)").name, "UKIP");
        assert_eq!(Party::from_source("Independent").colour, palette::INDEPENDENT);
    }

    #[test]
    fn other_parties_keep_their_name_and_get_a_stable_colour() {
        let weq = Party::from_source("Women's Equality Party");
        assert_eq!(weq.name, "Women's Equality");
        assert_eq!(weq.short, "WE");
        assert!(!weq.is_known());
        assert_eq!(weq.colour, Party::from_source("Women's Equality").colour);
        assert_ne!(weq.colour, Party::from_source("Left Unity").colour);
    }
}
