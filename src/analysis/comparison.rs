//! The comparison table: selected wards side by side, the same ward across elections (on the
//! same ward set, or notional on it), and the whole borough as a reference row. Pure data for
//! the panel.

use super::borough::borough_shares;
use super::colouring::ColourSpec;
use super::marginality::Majority;
use super::measures::{Context, WardValue, measure, ward_values};
use super::outcome::ContestOutcome;
use super::share::{PartyVote, ShareMethod, shares};
use super::totals::seat_totals;
use crate::model::{Dataset, ElectionId, Party};

/// One row of the table: a ward in an election, or the borough.
#[derive(Clone, Debug, PartialEq)]
pub struct ComparisonRow {
    /// "Finchley Church End", "2014" (across elections) or "Barnet (whole borough)".
    pub label: String,
    /// "Barnet 2018".
    pub election: String,
    pub year: i32,
    /// The ward's index in the ward set; `None` for the borough row.
    pub ward: Option<usize>,
    /// `false` when the ward has no result in this election (the other cells are empty).
    pub has_result: bool,
    pub seats: Vec<(Party, u32)>,
    /// Shares by the table's method, most first.
    pub shares: Vec<PartyVote>,
    /// `None` for the borough row and uncontested wards.
    pub majority: Option<Majority>,
    /// The value under the map's current mode (number and words), when it can be worked out.
    pub measure: Option<WardValue>,
}

impl ComparisonRow {
    /// A party's share in this row (0 when it did not stand).
    pub fn share_of(&self, party: &Party) -> f64 {
        self.shares.iter().find(|s| s.party == *party).map_or(0.0, |s| s.share)
    }

    /// A party's seats in this row.
    pub fn seats_of(&self, party: &Party) -> u32 {
        self.seats.iter().find(|(p, _)| p == party).map_or(0, |(_, n)| *n)
    }
}

/// The table.
#[derive(Clone, Debug, PartialEq)]
pub struct Comparison {
    pub method: ShareMethod,
    /// The heading of the measure column, e.g. "Swing Con↔Lab 2014→2018".
    pub measure_title: String,
    /// Why the measure column is empty, when it is.
    pub measure_unavailable: Option<String>,
    /// Party columns: every party in the rows, by borough share of the election shown.
    pub parties: Vec<Party>,
    pub rows: Vec<ComparisonRow>,
    /// The whole borough in the election shown.
    pub reference: ComparisonRow,
}

/// The selected wards of election `id` side by side (in the order given; unknown indexes
/// skipped), with the borough as the reference row.
pub fn compare_wards(data: &Dataset, id: ElectionId, wards: &[usize], spec: &ColourSpec) -> Option<Comparison> {
    let measures = ward_values(data, id, spec);
    let rows: Vec<ComparisonRow> = wards
        .iter()
        .filter_map(|&w| {
            let measure = measures.as_ref().ok().and_then(|m| m.get(w).cloned().flatten());
            ward_row(data, data.election(id)?, w, spec.method, measure, RowLabel::Ward)
        })
        .collect();
    table(data, id, spec, rows, measures.err().map(|reason| reason.to_string()))
}

/// One ward in every election of its borough, earliest first: those fought on the same ward
/// set as `id`, and earlier ones on other wards through their notional result on this ward
/// (labelled "2018 (notional)", with no measure of their own). The measure of each real row is
/// taken against that row's previous election (or, for the election shown, the spec's baseline).
pub fn ward_across_elections(data: &Dataset, id: ElectionId, ward: usize, spec: &ColourSpec) -> Option<Comparison> {
    let current = data.election(id)?;
    let set = current.ward_set?;
    let mut ids: Vec<ElectionId> = (0..data.elections.len())
        .map(ElectionId)
        .filter(|e| {
            data.election(*e).is_some_and(|j| {
                j.election.borough == current.election.borough
                    && (j.ward_set == Some(set)
                        || (j.election.year < current.election.year && data.notional_of(*e, set).is_some()))
            })
        })
        .collect();
    ids.sort_by_key(|e| data.election(*e).map(|j| j.election.year));
    let mut unavailable = None;
    let rows = ids
        .into_iter()
        .filter_map(|e| {
            if let Some(notional) = data.notional_of(e, set).and_then(|n| data.notional(n)) {
                return ward_row(data, &notional.joined, ward, spec.method, None, RowLabel::NotionalYear);
            }
            let row_spec = if e == id { spec.clone() } else { ColourSpec { baseline: None, ..spec.clone() } };
            let measure = match ward_values(data, e, &row_spec) {
                Ok(values) => values.get(ward).cloned().flatten(),
                Err(reason) => {
                    if e == id {
                        unavailable = Some(reason.to_string());
                    }
                    None
                }
            };
            ward_row(data, data.election(e)?, ward, spec.method, measure, RowLabel::Year)
        })
        .collect();
    table(data, id, spec, rows, unavailable)
}

#[derive(Clone, Copy)]
enum RowLabel {
    Ward,
    Year,
    /// "2018 (notional)": the row is an election's notional result on these wards.
    NotionalYear,
}

/// Ward `ward`'s row in `joined` (a real election, or a notional one on the same wards).
fn ward_row(
    data: &Dataset,
    joined: &crate::model::JoinedElection,
    ward: usize,
    method: ShareMethod,
    measure: Option<WardValue>,
    label: RowLabel,
) -> Option<ComparisonRow> {
    let set = data.ward_set(joined.ward_set?)?;
    let name = &set.wards.get(ward)?.name;
    let contest = joined.contest_in_ward(ward);
    let outcome = contest.map(ContestOutcome::of);
    let notional = if matches!(label, RowLabel::NotionalYear) { " (notional)" } else { "" };
    Some(ComparisonRow {
        label: match label {
            RowLabel::Ward => name.clone(),
            RowLabel::Year | RowLabel::NotionalYear => format!("{}{notional}", joined.election.year),
        },
        election: format!("{}{notional}", joined.election.title()),
        year: joined.election.year,
        ward: Some(ward),
        has_result: contest.is_some(),
        seats: outcome.as_ref().map(|o| o.seats.clone()).unwrap_or_default(),
        shares: contest.map(|c| shares(c, method)).unwrap_or_default(),
        majority: contest.zip(outcome.as_ref()).and_then(|(c, o)| Majority::from_outcome(c, o)),
        measure,
    })
}

fn table(
    data: &Dataset,
    id: ElectionId,
    spec: &ColourSpec,
    rows: Vec<ComparisonRow>,
    unavailable: Option<String>,
) -> Option<Comparison> {
    let joined = data.election(id)?;
    let reference = ComparisonRow {
        label: format!("{} (whole borough)", joined.election.borough),
        election: joined.election.title(),
        year: joined.election.year,
        ward: None,
        has_result: !joined.election.contests.is_empty(),
        seats: seat_totals(&joined.election),
        shares: borough_shares(&joined.election, spec.method),
        majority: None,
        measure: borough_measure(data, id, spec),
    };
    let mut parties: Vec<Party> = reference.shares.iter().map(|s| s.party.clone()).collect();
    for row in &rows {
        for s in &row.shares {
            if !parties.contains(&s.party) {
                parties.push(s.party.clone());
            }
        }
    }
    Some(Comparison {
        method: spec.method,
        measure_title: measure_title(data, id, spec),
        measure_unavailable: unavailable,
        parties,
        rows,
        reference,
    })
}

/// The heading of the measure column.
pub fn measure_title(data: &Dataset, id: ElectionId, spec: &ColourSpec) -> String {
    measure(spec.mode).column_title(&Context { data, id, spec })
}

/// The borough's value of the measure, where the measure has a borough form.
fn borough_measure(data: &Dataset, id: ElectionId, spec: &ColourSpec) -> Option<WardValue> {
    data.election(id)?;
    measure(spec.mode).borough_value(&Context { data, id, spec })
}
