//! Joining an election's contests to the wards of a ward set.
//!
//! By ONS code when both sides have one; otherwise by normalised name. Always within one ward
//! set: Barnet's 2022 wards reuse old names with new shapes, so a join across sets would be wrong.
//! For the same reason a result whose ONS ward code is not in a set that has ONS codes is not
//! matched by name there: a different code means a different ward, whatever it is called.

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

    /// How many contests were matched by each rule: (by code, by name).
    pub fn rule_counts(&self) -> (usize, usize) {
        let count = |rule: MatchRule| self.ward_of_contest.iter().flatten().filter(|(_, r)| *r == rule).count();
        (count(MatchRule::Code), count(MatchRule::Name))
    }

    /// The gaps of the join in words, one line each, for a load report ("Barnet 2018: …").
    pub fn report_lines(&self, title: &str) -> Vec<String> {
        let mut lines = Vec::new();
        if !self.results_without_ward.is_empty() {
            lines.push(format!("{title}: no ward found for {}", self.results_without_ward.join(", ")));
        }
        if !self.wards_without_results.is_empty() {
            lines.push(format!(
                "{title}: no result for the ward(s) {} (drawn as no data)",
                self.wards_without_results.join(", ")
            ));
        }
        if !self.duplicate_results.is_empty() {
            lines.push(format!(
                "{title}: more than one result for the ward of {}; only the first is shown",
                self.duplicate_results.join(", ")
            ));
        }
        lines
    }
}

/// `E05000045`: an ONS (GSS) code of a ward: E05 (England), W05 (Wales), S13 (Scotland),
/// N08 (Northern Ireland), then six digits.
pub fn is_ward_code(text: &str) -> bool {
    text.len() == 9
        && ["E05", "W05", "S13", "N08"].iter().any(|prefix| text.starts_with(prefix))
        && text.bytes().skip(3).all(|b| b.is_ascii_digit())
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
    // Lookups by code and by name, built once: a scan per result would be quadratic, and
    // files of thousands of wards are expected.
    let mut ward_by_code: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    let mut ward_by_name: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for (index, ward) in ward_set.wards.iter().enumerate().rev() {
        if let Some(code) = &ward.code {
            ward_by_code.insert(code.to_ascii_uppercase(), index);
        }
        ward_by_name.insert(normalise_ward_name(&ward.name), index);
    }
    let mut join = Join {
        ward_of_contest: Vec::with_capacity(election.contests.len()),
        contest_of_ward: vec![None; ward_set.wards.len()],
        ..Join::default()
    };
    let set_has_ons_codes = ward_set.wards.iter().any(|w| w.code.as_deref().is_some_and(is_ward_code));
    for (contest_index, contest) in election.contests.iter().enumerate() {
        let by_code = contest
            .ward_code
            .as_deref()
            .and_then(|code| ward_by_code.get(&code.to_ascii_uppercase()).copied())
            .map(|ward| (ward, MatchRule::Code));
        // Both sides have ONS codes and they differ: another ward set's ward of the same name.
        let code_rules_out_name =
            set_has_ons_codes && contest.ward_code.as_deref().is_some_and(|code| is_ward_code(code.trim()));
        let by_name = || {
            let key = normalise_ward_name(&contest.ward_name);
            ward_by_name.get(&key).map(|&ward| (ward, MatchRule::Name))
        };
        let found = if code_rules_out_name { by_code } else { by_code.or_else(by_name) };
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
        assert_eq!(normalise_ward_name("St. Mary’s & St. John's ward"), "st marys and st johns");
    }

    fn set(wards: &[(&str, &str)]) -> WardSet {
        let wards = wards
            .iter()
            .map(|(code, name)| crate::model::Ward {
                code: (!code.is_empty()).then(|| (*code).to_owned()),
                name: (*name).to_owned(),
                borough: None,
                geometry: geo::MultiPolygon(vec![]),
            })
            .collect();
        WardSet { name: "t".into(), first_year: None, source: "t".into(), borough: None, wards }
    }

    fn election(contests: &[(&str, &str)]) -> Election {
        let contests = contests
            .iter()
            .map(|(code, name)| crate::model::Contest {
                ward_code: (!code.is_empty()).then(|| (*code).to_owned()),
                ward_name: (*name).to_owned(),
                poll_date: None,
                seats: 3,
                candidates: vec![],
                electorate: None,
                turnout: None,
                ballots: None,
                rejected: None,
            })
            .collect();
        Election { borough: "B".into(), year: 2018, contests, source: "t".into(), turnout_definition: None }
    }

    #[test]
    fn codes_join_first_then_slugs_and_spellings_join_by_name() {
        let wards =
            set(&[("E05000045", "Childs Hill"), ("E05000052", "Golders Green"), ("E05000048", "Finchley Church End")]);
        let join = join(
            &election(&[("E05000045", "Child's Hill"), ("", "golders-green"), ("", "Finchley Church End Ward")]),
            &wards,
        );
        assert_eq!(
            join.ward_of_contest,
            vec![Some((0, MatchRule::Code)), Some((1, MatchRule::Name)), Some((2, MatchRule::Name))]
        );
        assert_eq!(join.rule_counts(), (1, 2));
        assert!(join.report_lines("B 2018").is_empty());
    }

    #[test]
    fn a_different_ons_code_is_a_different_ward_even_with_the_same_name() {
        let wards_2022 = set(&[("E05013630", "Childs Hill")]);
        let join = join(&election(&[("E05000045", "Childs Hill"), ("", "Nowhere")]), &wards_2022);
        assert_eq!(join.matched_count(), 0);
        assert_eq!(join.results_without_ward, vec!["Childs Hill", "Nowhere"]);
        assert_eq!(join.report_lines("B 2018").len(), 2);
    }
}
