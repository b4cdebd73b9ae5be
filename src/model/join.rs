//! Joining an election's contests to the wards of a ward set.
//!
//! By ONS code when both sides have one; otherwise by normalised name. Always within one ward
//! set: Barnet's 2022 wards reuse old names with new shapes, so a join across sets would be wrong.

use super::election::Election;
use super::ward::WardSet;
use serde::Serialize;

/// How a contest was matched to a ward.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum MatchRule {
    /// Same ONS code.
    Code,
    /// Same name after normalisation (case, punctuation, "&"/"and", a "Ward" suffix, slugs).
    Name,
}

/// The result of joining one election to one ward set.
#[derive(Clone, Debug, Default, Serialize)]
pub struct Join {
    /// For each contest (same order as `Election::contests`), the ward index it drew on and how.
    pub ward_of_contest: Vec<Option<(usize, MatchRule)>>,
    /// For each ward, the contest joined to it.
    pub contest_of_ward: Vec<Option<usize>>,
    /// Contests with no ward in the set, by the source's ward name.
    pub results_without_ward: Vec<String>,
    /// Wards of the set with no contest, by name.
    pub wards_without_results: Vec<String>,
    /// Contests that matched a ward already taken by another contest.
    pub duplicate_results: Vec<String>,
}

impl Join {
    pub fn matched_count(&self) -> usize {
        self.contest_of_ward.iter().filter(|c| c.is_some()).count()
    }
}

/// A ward name reduced to what identifies it: lower case, "&" as "and", apostrophes dropped,
/// other punctuation and slug hyphens as spaces, a trailing "ward" removed.
/// "Childs Hill", "Child's Hill Ward" and "childs-hill" all give "childs hill".
pub fn normalise_ward_name(name: &str) -> String {
    let lowered = name.to_lowercase().replace('&', " and ").replace(['\'', '’', '`'], "");
    let words: Vec<&str> = lowered.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
    let words = match words.split_last() {
        Some((&"ward", rest)) if !rest.is_empty() => rest,
        _ => &words[..],
    };
    words.join(" ")
}

/// Join `election`'s contests to `ward_set`'s wards.
pub fn join(election: &Election, ward_set: &WardSet) -> Join {
    let ward_names: Vec<String> = ward_set.wards.iter().map(|w| normalise_ward_name(&w.name)).collect();
    let mut join = Join {
        ward_of_contest: Vec::with_capacity(election.contests.len()),
        contest_of_ward: vec![None; ward_set.wards.len()],
        ..Join::default()
    };
    for (contest_index, contest) in election.contests.iter().enumerate() {
        let by_code = contest
            .ward_code
            .as_deref()
            .and_then(|code| ward_set.position_by_code(code))
            .map(|ward| (ward, MatchRule::Code));
        let by_name = || {
            let key = normalise_ward_name(&contest.ward_name);
            ward_names.iter().position(|n| *n == key).map(|ward| (ward, MatchRule::Name))
        };
        let found = by_code.or_else(by_name);
        match found {
            Some((ward, _)) if join.contest_of_ward[ward].is_some() => {
                join.duplicate_results.push(contest.ward_name.clone());
                join.ward_of_contest.push(None);
            }
            Some((ward, rule)) => {
                join.contest_of_ward[ward] = Some(contest_index);
                join.ward_of_contest.push(Some((ward, rule)));
            }
            None => {
                join.results_without_ward.push(contest.ward_name.clone());
                join.ward_of_contest.push(None);
            }
        }
    }
    join.wards_without_results = ward_set
        .wards
        .iter()
        .zip(&join.contest_of_ward)
        .filter(|(_, contest)| contest.is_none())
        .map(|(ward, _)| ward.name.clone())
        .collect();
    join
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ward_names_normalise_across_spellings() {
        assert_eq!(normalise_ward_name("Childs Hill"), "childs hill");
        assert_eq!(normalise_ward_name("Child's Hill Ward"), "childs hill");
        assert_eq!(normalise_ward_name("childs-hill"), "childs hill");
        assert_eq!(normalise_ward_name("Totteridge & Woodside"), "totteridge and woodside");
        assert_eq!(normalise_ward_name("Ward"), "ward");
    }
}
