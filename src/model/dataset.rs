//! Everything loaded at once: ward sets and elections, each election joined to the ward set
//! that fits it.

use super::attributes::{AttributeName, AttributeTable, WardAttributes};
use super::borough::normalise_borough;
use super::election::{Contest, Election};
use super::join::{Join, join};
use super::notional::{Notional, NotionalId};
use super::ward::WardSet;

/// Index of a ward set in [`Dataset::ward_sets`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct WardSetId(pub usize);

/// Index of an election in [`Dataset::elections`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ElectionId(pub usize);

/// An election with its join to a ward set.
#[derive(Clone, Debug)]
pub struct JoinedElection {
    pub election: Election,
    /// The ward set its contests were joined to; `None` when no set matched any contest.
    pub ward_set: Option<WardSetId>,
    pub join: Join,
}

impl JoinedElection {
    /// The contest joined to ward `ward` of its ward set.
    pub fn contest_in_ward(&self, ward: usize) -> Option<&Contest> {
        self.election.contests.get((*self.join.contest_of_ward.get(ward)?)?)
    }
}

/// All loaded ward sets and elections. Elections are kept sorted by year.
#[derive(Clone, Debug, Default)]
pub struct Dataset {
    pub ward_sets: Vec<WardSet>,
    pub elections: Vec<JoinedElection>,
    /// Elections estimated on later ward sets of their borough, for comparisons across a
    /// boundary change; filled in by the session after the join (`Dataset::new` leaves it empty).
    pub notionals: Vec<Notional>,
    /// Ward figures that are not results (census, a user's indicator files), as read.
    pub attribute_tables: Vec<AttributeTable>,
    /// Those tables' values on each ward set they fit; filled in by the session after the join.
    pub attributes: Vec<WardAttributes>,
}

impl Dataset {
    /// Join each election to the ward set that matches most of its contests, among the sets of
    /// its borough and those of no known borough (or, when none of those fits, among all). On a
    /// tie the set whose first year is the latest not after the election wins.
    pub fn new(ward_sets: Vec<WardSet>, mut elections: Vec<Election>) -> Dataset {
        elections.sort_by_key(|e| (e.year, e.borough.clone()));
        let elections = elections
            .into_iter()
            .map(|election| {
                // A borough's own ward sets (and sets of no known borough, a user's files)
                // are tried first: joining every election of London to every other borough's
                // wards would only waste time. Only when none of them fits are all tried, so a
                // file that names its borough another way ("LB Barnet") still finds its wards.
                let own = normalise_borough(&election.borough);
                let own_borough = |set: &WardSet| set.borough.as_ref().is_none_or(|b| normalise_borough(b) == own);
                let best_among = |only_own: bool| {
                    ward_sets
                        .iter()
                        .enumerate()
                        .filter(|(_, set)| !only_own || own_borough(set))
                        .map(|(index, set)| (index, join(&election, set)))
                        .filter(|(_, join)| join.matched_count() > 0)
                        .max_by_key(|(index, join)| {
                            let fits_year = ward_sets[*index].first_year.filter(|y| *y <= election.year);
                            (join.matched_count(), fits_year.is_some(), fits_year)
                        })
                };
                let best = best_among(true).or_else(|| best_among(false));
                match best {
                    Some((index, join)) => JoinedElection { election, ward_set: Some(WardSetId(index)), join },
                    None => {
                        let join = Join {
                            ward_of_contest: vec![None; election.contests.len()],
                            results_without_ward: election.contests.iter().map(|c| c.ward_name.clone()).collect(),
                            ..Join::default()
                        };
                        JoinedElection { election, ward_set: None, join }
                    }
                }
            })
            .collect();
        Dataset { ward_sets, elections, ..Dataset::default() }
    }

    pub fn election(&self, id: ElectionId) -> Option<&JoinedElection> {
        self.elections.get(id.0)
    }

    pub fn ward_set(&self, id: WardSetId) -> Option<&WardSet> {
        self.ward_sets.get(id.0)
    }

    /// The election of this year (the first, if a file held several boroughs).
    pub fn election_by_year(&self, year: i32) -> Option<ElectionId> {
        self.elections.iter().position(|e| e.election.year == year).map(ElectionId)
    }

    /// The election of this borough and year.
    pub fn election_of(&self, borough: &str, year: i32) -> Option<ElectionId> {
        self.elections.iter().position(|e| e.election.year == year && e.election.borough == borough).map(ElectionId)
    }

    /// The boroughs with elections, in alphabetical order ("London", the whole city, among them
    /// when loaded).
    pub fn boroughs(&self) -> Vec<&str> {
        let mut names: Vec<&str> = self.elections.iter().map(|e| e.election.borough.as_str()).collect();
        names.sort_unstable();
        names.dedup();
        names
    }

    /// A borough's elections, earliest first.
    pub fn elections_of(&self, borough: &str) -> Vec<ElectionId> {
        (0..self.elections.len())
            .map(ElectionId)
            .filter(|id| self.elections[id.0].election.borough == borough)
            .collect()
    }

    /// The estimate of election `from` on ward set `onto`, when one was made.
    pub fn notional_of(&self, from: ElectionId, onto: WardSetId) -> Option<NotionalId> {
        self.notionals.iter().position(|n| n.from == from && n.onto == onto).map(NotionalId)
    }

    pub fn notional(&self, id: NotionalId) -> Option<&Notional> {
        self.notionals.get(id.0)
    }

    /// Every table's values on ward set `set`, with the table, in table order.
    pub fn attributes_on(&self, set: WardSetId) -> impl Iterator<Item = (&AttributeTable, &WardAttributes)> {
        self.attributes
            .iter()
            .filter(move |a| a.ward_set == set)
            .filter_map(|a| Some((self.attribute_tables.get(a.table)?, a)))
    }

    /// The values on `set` that a measure name means, with the column's index: the named table
    /// and column, of the year given or, with no year, of the latest year not after `year`
    /// (else the earliest after it).
    pub fn attribute_on(
        &self,
        set: WardSetId,
        name: &AttributeName,
        year: i32,
    ) -> Option<(&AttributeTable, &WardAttributes, usize)> {
        let candidates = self.attributes_on(set).filter_map(|(table, values)| {
            let column = table.column(&name.column)?;
            (table.key.eq_ignore_ascii_case(&name.table) && name.year.is_none_or(|y| table.year == Some(y)))
                .then_some((table, values, column))
        });
        // Latest census not after the election first, then later ones nearest first.
        candidates.max_by_key(|(table, _, _)| {
            let y = table.year.unwrap_or(year);
            if y <= year { (1, y) } else { (0, -y) }
        })
    }

    /// The latest earlier election of the same borough that can be compared with `id` ward by
    /// ward: on the same ward set, or estimated on it. `None` when there is none.
    pub fn previous_comparable(&self, id: ElectionId) -> Option<ElectionId> {
        let current = self.election(id)?;
        let set = current.ward_set?;
        self.elections
            .iter()
            .enumerate()
            .filter(|(index, e)| {
                e.election.year < current.election.year
                    && e.election.borough == current.election.borough
                    && (e.ward_set == Some(set) || self.notional_of(ElectionId(*index), set).is_some())
            })
            .max_by_key(|(_, e)| e.election.year)
            .map(|(index, _)| ElectionId(index))
    }

    /// The contest held in ward `ward` of the election's ward set.
    pub fn contest_in_ward(&self, id: ElectionId, ward: usize) -> Option<&Contest> {
        self.election(id)?.contest_in_ward(ward)
    }

    /// Ward sets that no election is joined to (shown as maps without results).
    pub fn ward_sets_without_results(&self) -> Vec<WardSetId> {
        (0..self.ward_sets.len())
            .map(WardSetId)
            .filter(|id| !self.elections.iter().any(|e| e.ward_set == Some(*id)))
            .collect()
    }
}
