//! What a measure is asked about: the data, the election shown and the spec, with the small
//! look-ups several measures share (the party, the pair of elections, titles).

use super::{ColourSpec, Unavailable, WardValue};
use crate::analysis::change::{ElectionPair, PairError};
use crate::model::{Contest, Dataset, ElectionId, JoinedElection, Party};

/// The election a measure is worked out for, and how.
#[derive(Clone, Copy)]
pub struct Context<'a> {
    pub data: &'a Dataset,
    /// The election shown (the later one, for measures that compare two).
    pub id: ElectionId,
    pub spec: &'a ColourSpec,
}

impl<'a> Context<'a> {
    /// The election shown.
    pub fn election(&self) -> Result<&'a JoinedElection, Unavailable> {
        self.data.election(self.id).ok_or(Unavailable::NoSuchElection)
    }

    /// Wards in the election's ward set (0 when it has none).
    pub fn ward_count(&self) -> usize {
        ward_count(self.data, self.id)
    }

    /// The spec's party (for share and change).
    pub fn party(&self) -> Party {
        Party::from_source(&self.spec.party)
    }

    /// The spec's swing pair as parties, as given (for headings).
    pub fn swing_parties(&self) -> (Party, Party) {
        (Party::from_source(&self.spec.swing.0), Party::from_source(&self.spec.swing.1))
    }

    /// The swing pair, refused when both are the same party.
    pub fn swing_pair(&self) -> Result<(Party, Party), Unavailable> {
        let (a, b) = self.swing_parties();
        if a == b { Err(Unavailable::SameParties) } else { Ok((a, b)) }
    }

    /// The election shown and the spec's baseline, when they can be compared ward by ward.
    pub fn pair(&self) -> Result<ElectionPair, PairError> {
        ElectionPair::with_baseline(self.data, self.id, self.spec.baseline)
    }

    /// "2014→2018", or nothing when there is no pair.
    pub fn years(&self) -> String {
        self.pair().map(|p| p.years_label(self.data)).unwrap_or_default()
    }

    /// A legend title: "Barnet 2018: majority".
    pub fn title(&self, what: &str) -> String {
        self.data.election(self.id).map_or_else(|| what.to_owned(), |e| format!("{}: {what}", e.election.title()))
    }

    /// The pair and the legend title of a comparison: "Barnet: gains 2014→2018".
    pub fn comparison_title(&self, what: &str) -> Result<(ElectionPair, String), Unavailable> {
        let pair = self.pair()?;
        let borough = self.data.election(self.id).map_or_else(String::new, |e| format!("{}: ", e.election.borough));
        Ok((pair, format!("{borough}{what} {}", pair.years_label(self.data))))
    }

    /// "; colour-blind-safe scale" when the spec asks for it, to end a legend note.
    pub fn colour_blind_note(&self) -> &'static str {
        if self.spec.colour_blind { "; colour-blind-safe scale" } else { "" }
    }

    /// `f` of each ward's contest in the election shown, in ward-set order.
    pub fn each_ward(&self, f: impl Fn(&Contest) -> Option<WardValue>) -> Vec<Option<WardValue>> {
        (0..self.ward_count()).map(|w| self.data.contest_in_ward(self.id, w).and_then(&f)).collect()
    }

    /// `f` of each ward's contests in both elections of `pair`, where both have one.
    pub fn each_ward_pair(
        &self,
        pair: ElectionPair,
        f: impl Fn(&Contest, &Contest) -> Option<WardValue>,
    ) -> Vec<Option<WardValue>> {
        pair.contests(self.data).into_iter().map(|both| both.and_then(|(a, b)| f(a, b))).collect()
    }
}

/// Wards in election `id`'s ward set (0 when it has none).
pub(crate) fn ward_count(data: &Dataset, id: ElectionId) -> usize {
    data.election(id).and_then(|e| e.ward_set).and_then(|s| data.ward_set(s)).map_or(0, |s| s.wards.len())
}
