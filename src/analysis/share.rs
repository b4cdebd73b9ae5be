//! Vote share in multi-member wards.
//!
//! In a ward electing three councillors each voter has up to three votes, so "a party's share"
//! needs a method. The default is the top-vote method used by Britain Elects: each party's best
//! candidate stands for the party, and a share is that party's best vote over the sum of every
//! party's best vote. The total-votes method divides all of a party's votes by all votes cast;
//! it flatters parties that field a full slate.

use crate::model::{Contest, Party};
use serde::{Deserialize, Serialize};

/// How a party's share of the vote in a multi-member ward is counted.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "kebab-case")]
pub enum ShareMethod {
    /// Each party's best candidate stands for the party (Britain Elects' method).
    #[default]
    TopVote,
    /// A party's votes over all votes cast.
    TotalVotes,
}

impl ShareMethod {
    pub const ALL: &[ShareMethod] = &[ShareMethod::TopVote, ShareMethod::TotalVotes];

    /// "top-vote method", for legends and tooltips.
    pub fn label(self) -> &'static str {
        match self {
            ShareMethod::TopVote => "top-vote method",
            ShareMethod::TotalVotes => "total-votes method",
        }
    }

    /// The command-line and JSON spelling: `top-vote` or `total-votes`.
    pub fn key(self) -> &'static str {
        match self {
            ShareMethod::TopVote => "top-vote",
            ShareMethod::TotalVotes => "total-votes",
        }
    }
}

/// A share method the command line does not know; the words list the ones it does.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("unknown share method '{0}': choose one of {known}", known = ShareMethod::keys().join(", "))]
pub struct UnknownShareMethod(pub String);

impl ShareMethod {
    /// Every method's key, in order: "top-vote", "total-votes".
    fn keys() -> Vec<&'static str> {
        ShareMethod::ALL.iter().map(|m| m.key()).collect()
    }
}

impl std::str::FromStr for ShareMethod {
    type Err = UnknownShareMethod;

    /// The command-line spelling, leniently: any case, `_` for `-`, and short forms ("top").
    fn from_str(text: &str) -> Result<ShareMethod, UnknownShareMethod> {
        match text.trim().to_lowercase().replace('_', "-").as_str() {
            "top-vote" | "topvote" | "top" => Ok(ShareMethod::TopVote),
            "total-votes" | "total-vote" | "totalvotes" | "total" => Ok(ShareMethod::TotalVotes),
            _ => Err(UnknownShareMethod(text.to_owned())),
        }
    }
}

/// One party's vote in a contest, counted by a method.
#[derive(Clone, Debug, PartialEq)]
pub struct PartyVote {
    pub party: Party,
    /// The party's best candidate (top-vote) or all its candidates (total-votes).
    pub votes: u64,
    /// Percent of the contest's denominator under the method (0..=100).
    pub share: f64,
}

/// Each party's votes under `method`: the best candidate's votes (top-vote) or the sum of its
/// candidates' votes (total-votes). Most votes first, then by party name.
pub fn party_votes(contest: &Contest, method: ShareMethod) -> Vec<(Party, u64)> {
    let mut votes: Vec<(Party, u64)> = Vec::new();
    for candidate in &contest.candidates {
        match votes.iter_mut().find(|(p, _)| *p == candidate.party) {
            Some((_, v)) => match method {
                ShareMethod::TopVote => *v = (*v).max(candidate.votes),
                ShareMethod::TotalVotes => *v += candidate.votes,
            },
            None => votes.push((candidate.party.clone(), candidate.votes)),
        }
    }
    votes.sort_by(|(pa, a), (pb, b)| b.cmp(a).then_with(|| pa.cmp(pb)));
    votes
}

/// Every party's share of the vote in a contest under `method`, most first. Empty when no
/// votes were cast.
pub fn shares(contest: &Contest, method: ShareMethod) -> Vec<PartyVote> {
    shares_of_votes(party_votes(contest, method))
}

/// Shares from per-party vote counts (already counted by a method), most first.
pub fn shares_of_votes(votes: Vec<(Party, u64)>) -> Vec<PartyVote> {
    let total: u64 = votes.iter().map(|(_, v)| v).sum();
    if total == 0 {
        return Vec::new();
    }
    votes.into_iter().map(|(party, votes)| PartyVote { share: percent(votes, total), party, votes }).collect()
}

/// `party`'s share in the contest under `method`, in percent. A party that stood no candidate
/// has 0; `None` only when no votes were cast at all.
pub fn share_of(contest: &Contest, party: &Party, method: ShareMethod) -> Option<f64> {
    let votes = party_votes(contest, method);
    let total: u64 = votes.iter().map(|(_, v)| v).sum();
    if total == 0 {
        return None;
    }
    let mine = votes.iter().find(|(p, _)| p == party).map_or(0, |(_, v)| *v);
    Some(percent(mine, total))
}

/// The denominator of shares under `method`: the sum of each party's best vote (top-vote), or
/// all votes cast (total-votes).
pub fn share_denominator(contest: &Contest, method: ShareMethod) -> u64 {
    party_votes(contest, method).iter().map(|(_, v)| v).sum()
}

/// `part` as a percentage of `whole` (unrounded); 0 when `whole` is 0.
pub fn percent(part: u64, whole: u64) -> f64 {
    if whole == 0 { 0.0 } else { part as f64 * 100.0 / whole as f64 }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn contest(votes: &[(&str, u64)]) -> Contest {
        crate::analysis::test_support::contest_with_seats(votes, 3)
    }

    /// Con and Lab stand full slates of three, the Greens one candidate.
    const FULL_SLATES: &[(&str, u64)] =
        &[("Con", 1200), ("Con", 1100), ("Con", 1000), ("Lab", 900), ("Lab", 800), ("Lab", 700), ("Grn", 400)];

    #[test]
    fn top_vote_share_counts_each_partys_best_candidate() {
        // Con 1200/1100/1000, Lab 900/800/700, Grn 400: top votes 1200 + 900 + 400 = 2500.
        let c = contest(FULL_SLATES);
        let con = Party::from_source("Con");
        assert_eq!(share_of(&c, &con, ShareMethod::TopVote), Some(48.0));
        assert_eq!(share_denominator(&c, ShareMethod::TopVote), 2500);
        let shares = shares(&c, ShareMethod::TopVote);
        let list: Vec<(&str, u64, f64)> = shares.iter().map(|s| (s.party.short.as_str(), s.votes, s.share)).collect();
        assert_eq!(list, [("Con", 1200, 48.0), ("Lab", 900, 36.0), ("Grn", 400, 16.0)]);
    }

    #[test]
    fn total_votes_share_counts_all_of_a_partys_votes_and_flatters_full_slates() {
        // Same ward: all votes 6100; Con 3300 = 54.10%, Grn 400 = 6.56% (16% by top vote).
        let c = contest(FULL_SLATES);
        let con = share_of(&c, &Party::from_source("Con"), ShareMethod::TotalVotes).unwrap_or_default();
        let grn = share_of(&c, &Party::from_source("Grn"), ShareMethod::TotalVotes).unwrap_or_default();
        assert!((con - 3300.0 / 6100.0 * 100.0).abs() < 1e-9);
        assert!((grn - 400.0 / 6100.0 * 100.0).abs() < 1e-9);
    }

    #[test]
    fn a_ward_with_no_votes_has_no_shares() {
        let c = contest(&[("Con", 0)]);
        assert_eq!(share_of(&c, &Party::from_source("Con"), ShareMethod::TopVote), None);
        assert!(shares(&c, ShareMethod::TopVote).is_empty());
    }

    #[test]
    fn methods_parse_from_the_command_line_spelling() {
        assert_eq!("top-vote".parse::<ShareMethod>().ok(), Some(ShareMethod::TopVote));
        assert_eq!("total_votes".parse::<ShareMethod>().ok(), Some(ShareMethod::TotalVotes));
        assert_eq!("dhondt".parse::<ShareMethod>().ok(), None);
        assert_eq!(
            "dhondt".parse::<ShareMethod>().map_err(|e| e.to_string()),
            Err("unknown share method 'dhondt': choose one of top-vote, total-votes".into())
        );
        assert_eq!(ShareMethod::TopVote.label(), "top-vote method");
    }
}
