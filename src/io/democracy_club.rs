//! Democracy Club's CSV exports: the results export
//! (`election_id,ballot_paper_id,person_id,party_id,party_name,person_name,ballots_cast,is_winner,…`)
//! and the newer candidates export (`…,post_label,gss,votes_cast,elected,seats_contested,…`).
//!
//! The ward is in the ballot paper id, `local.barnet.golders-green.2018-05-03`: the organisation
//! slug gives the borough, the next part the ward, the last the poll date. A slug only gives
//! a name up to capitals ("golders-green" → "Golders Green"); the join compares normalised names,
//! so that is enough. The candidates export also has the ward's real name (`post_label`) and ONS
//! code (`gss`), which are preferred.

use super::rows::{PartyCache, Row, parse_flag, parse_seats, parse_votes, title_case};
use crate::model::{Candidate, PollDate};

/// Why a row was left out (not an error: the file is fine, the row is not for a ward map).
pub(crate) const SKIP_NOT_LOCAL: &str = "rows of elections other than local councils (parl., gla., mayor., …)";
pub(crate) const SKIP_BY_ELECTION: &str = "rows of by-elections (wardmap maps whole-council elections)";

/// Column positions of either export.
pub(crate) struct Columns {
    ballot: Option<usize>,
    election: Option<usize>,
    date: Option<usize>,
    person: Option<usize>,
    party: Option<usize>,
    votes: Option<usize>,
    elected: Option<usize>,
    post_label: Option<usize>,
    gss: Option<usize>,
    seats: Option<usize>,
    turnout: Option<usize>,
    cancelled: Option<usize>,
    parties: PartyCache,
}

/// What a row turned out to be.
pub(crate) enum Read {
    Row(Box<Row>),
    Skip(&'static str),
}

impl Columns {
    pub(crate) fn new(header: &[String]) -> Columns {
        let col = |names: &[&str]| names.iter().find_map(|name| header.iter().position(|h| h == name));
        Columns {
            ballot: col(&["ballot_paper_id"]),
            election: col(&["election_id"]),
            date: col(&["election_date"]),
            person: col(&["person_name"]),
            party: col(&["party_name"]),
            votes: col(&["ballots_cast", "votes_cast"]),
            elected: col(&["is_winner", "elected"]),
            post_label: col(&["post_label"]),
            gss: col(&["gss"]),
            seats: col(&["seats_contested"]),
            turnout: col(&["turnout", "turnout_percentage"]),
            cancelled: col(&["cancelled_poll"]),
            parties: PartyCache::default(),
        }
    }

    pub(crate) fn read(&self, record: &csv::StringRecord, line: u64, default_borough: &str) -> Result<Read, String> {
        let get = |c: Option<usize>| c.and_then(|i| record.get(i)).unwrap_or("").trim();
        let ballot = BallotId::parse(get(self.ballot));
        let election = BallotId::parse(get(self.election));
        if [&ballot, &election].iter().any(|id| id.as_ref().is_some_and(|id| id.kind != "local")) {
            return Ok(Read::Skip(SKIP_NOT_LOCAL));
        }
        if ballot.as_ref().is_some_and(|id| id.by_election) {
            return Ok(Read::Skip(SKIP_BY_ELECTION));
        }
        let date = PollDate::parse(get(self.date))
            .or_else(|| ballot.as_ref().and_then(|id| id.date))
            .or_else(|| election.as_ref().and_then(|id| id.date))
            .ok_or_else(|| {
                format!(
                    "no poll date: ballot_paper_id \"{}\" does not end with a date like 2018-05-03; correct it",
                    get(self.ballot)
                )
            })?;
        let borough = ballot
            .as_ref()
            .or(election.as_ref())
            .and_then(|id| id.organisation.as_deref())
            .map_or_else(|| default_borough.to_owned(), title_case);
        let ward = match get(self.post_label) {
            "" => ballot.as_ref().and_then(|id| id.ward.as_deref()).map(title_case).unwrap_or_default(),
            label => label.to_owned(),
        };
        if ward.is_empty() {
            return Err(format!(
                "no ward: ballot_paper_id \"{}\" is not like local.barnet.golders-green.2018-05-03; correct it",
                get(self.ballot)
            ));
        }
        let name = get(self.person);
        if name.is_empty() {
            return Err("the person_name is empty: give the candidate on this row".into());
        }
        let cancelled = parse_flag(get(self.cancelled)).ok().flatten().unwrap_or(false);
        let votes = match get(self.votes) {
            // An uncontested (cancelled) poll has winners but no votes.
            "" if cancelled => 0,
            text => parse_votes(text)?,
        };
        let gss = get(self.gss);
        Ok(Read::Row(Box::new(Row {
            borough,
            year: date.year,
            date: Some(date),
            ward_code: (!gss.is_empty()).then(|| gss.to_owned()),
            ward,
            seats: parse_seats(get(self.seats))?,
            candidate: Candidate {
                name: name.to_owned(),
                party: self.parties.party(get(self.party)),
                party_label: get(self.party).to_owned(),
                votes,
                elected: parse_flag(get(self.elected))?,
            },
            electorate: None,
            turnout: turnout(get(self.turnout)),
            line,
        })))
    }
}

/// A turnout as Democracy Club gives it: a percentage, or a count of ballots (which without an
/// electorate says nothing about turnout, so it is left out rather than misread).
fn turnout(text: &str) -> Option<f64> {
    let number: f64 = text.trim_end_matches('%').trim().parse().ok()?;
    match number {
        n if !n.is_finite() || n < 0.0 => None,
        n if n <= 1.0 && !text.ends_with('%') => Some(n),
        n if n <= 100.0 => Some(n / 100.0),
        _ => None,
    }
}

/// The parts of a Democracy Club id: `local.barnet.golders-green.2018-05-03`,
/// `local.barnet.2018-05-03` (an election) or `local.barnet.childs-hill.by.2021-05-06`.
#[derive(Debug, PartialEq)]
struct BallotId {
    kind: String,
    organisation: Option<String>,
    ward: Option<String>,
    by_election: bool,
    date: Option<PollDate>,
}

impl BallotId {
    fn parse(id: &str) -> Option<BallotId> {
        let parts: Vec<&str> = id.split('.').filter(|p| !p.is_empty()).collect();
        let (kind, rest) = parts.split_first()?;
        let date = rest.last().and_then(|last| PollDate::parse(last));
        let middle = if date.is_some() { &rest[..rest.len() - 1] } else { rest };
        let by_election = middle.contains(&"by");
        let mut names = middle.iter().filter(|p| **p != "by").map(|p| (*p).to_owned());
        Some(BallotId { kind: kind.to_lowercase(), organisation: names.next(), ward: names.next(), by_election, date })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_ballot_paper_id_gives_borough_ward_and_date() {
        let id = BallotId::parse("local.barnet.golders-green.2018-05-03").expect("an id");
        assert_eq!(id.organisation.as_deref(), Some("barnet"));
        assert_eq!(id.ward.as_deref().map(title_case).as_deref(), Some("Golders Green"));
        assert_eq!(id.date, PollDate::parse("2018-05-03"));
        assert!(!id.by_election);
        assert!(BallotId::parse("local.barnet.childs-hill.by.2021-05-06").is_some_and(|id| id.by_election));
        assert_eq!(title_case("kingston-upon-thames"), "Kingston upon Thames");
    }

    #[test]
    fn turnout_counts_are_not_read_as_percentages() {
        assert_eq!(turnout("41.5"), Some(0.415));
        assert_eq!(turnout("0.41"), Some(0.41));
        assert_eq!(turnout("4523"), None);
        assert_eq!(turnout(""), None);
    }
}
