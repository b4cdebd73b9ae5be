//! wardmap's own results CSV (documented in `docs/formats.md`):
//!
//! `election_date,ward_code,ward,seats,candidate,party,votes,elected`
//!
//! One row per candidate. Required: `election_date`, `ward`, `candidate`, `party`, `votes`.
//! Optional: `ward_code` (ONS code, joins by code when present), `seats` (otherwise the number of
//! candidates flagged elected), `elected` (true/false, yes/no, 1/0), `borough`, `electorate`,
//! `turnout` (a fraction or a percentage).

use super::error::ResultsError;
use super::rows::{PartyCache, Row, parse_flag, parse_seats, parse_turnout, parse_votes};
use crate::model::{Candidate, Election, PollDate};
use std::path::Path;

/// Parse the project's CSV (or, in fact, any format [`super::results`] detects). `file` names
/// the source in messages; `default_borough` is used when the file does not say. One file may
/// hold several elections (years or boroughs).
pub fn parse(text: &str, file: &Path, default_borough: &str) -> Result<Vec<Election>, ResultsError> {
    super::results::parse(text, file, default_borough, &super::no_progress).map(|parsed| parsed.elections)
}

/// Read and parse a results file of any known format.
pub fn read(path: &Path, default_borough: &str) -> Result<Vec<Election>, ResultsError> {
    let text = super::read_text(path, &super::no_progress)?;
    parse(&text, path, default_borough)
}

/// Column positions of the own format.
pub(crate) struct Columns {
    date: Option<usize>,
    code: Option<usize>,
    ward: Option<usize>,
    seats: Option<usize>,
    candidate: Option<usize>,
    party: Option<usize>,
    votes: Option<usize>,
    elected: Option<usize>,
    borough: Option<usize>,
    electorate: Option<usize>,
    turnout: Option<usize>,
    default_borough: String,
    parties: PartyCache,
}

impl Columns {
    pub(crate) fn new(header: &[String], default_borough: &str) -> Columns {
        let col = |name: &str| header.iter().position(|h| h == name);
        Columns {
            date: col("election_date"),
            code: col("ward_code"),
            ward: col("ward"),
            seats: col("seats"),
            candidate: col("candidate"),
            party: col("party"),
            votes: col("votes"),
            elected: col("elected"),
            borough: col("borough"),
            electorate: col("electorate"),
            turnout: col("turnout"),
            default_borough: default_borough.to_owned(),
            parties: PartyCache::default(),
        }
    }

    pub(crate) fn read(&self, record: &csv::StringRecord, line: u64) -> Result<Row, String> {
        let get = |c: Option<usize>| c.and_then(|i| record.get(i)).unwrap_or("").trim();
        let date_text = get(self.date);
        let date = PollDate::parse(date_text).ok_or_else(|| {
            format!("election_date \"{date_text}\" is not a date like 2018-05-03: correct it on this row")
        })?;
        let ward = get(self.ward);
        if ward.is_empty() {
            return Err("the ward name is empty: give the ward on this row".into());
        }
        let name = get(self.candidate);
        if name.is_empty() {
            return Err("the candidate name is empty: give the candidate on this row".into());
        }
        let votes = parse_votes(get(self.votes))?;
        let elected = parse_flag(get(self.elected))?;
        let seats = parse_seats(get(self.seats))?;
        let electorate = match get(self.electorate) {
            "" => None,
            text => Some(parse_votes(text).map_err(|_| format!("electorate \"{text}\" is not a whole number"))?),
        };
        let turnout = parse_turnout(get(self.turnout))?;
        let code = get(self.code);
        let borough = get(self.borough);
        Ok(Row {
            borough: if borough.is_empty() { self.default_borough.clone() } else { borough.to_owned() },
            year: date.year,
            date: Some(date),
            ward_code: (!code.is_empty()).then(|| code.to_owned()),
            ward: ward.to_owned(),
            seats,
            candidate: Candidate { name: name.to_owned(), party: self.parties.party(get(self.party)), votes, elected },
            electorate,
            turnout,
            line,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "election_date,ward_code,ward,seats,candidate,party,votes,elected\n\
        2018-05-03,E05000045,Childs Hill,3,Anne Clarke,Labour Party,\"2,224\",true\n\
        2018-05-03,E05000045,Childs Hill,3,Vanessa Gearson,Conservative and Unionist Party,2222,false\n";

    #[test]
    fn own_format_reads_votes_parties_and_seats() {
        let elections = parse(SAMPLE, Path::new("t.csv"), "Barnet").expect("valid sample");
        assert_eq!(elections.len(), 1);
        let contest = &elections[0].contests[0];
        assert_eq!(elections[0].year, 2018);
        assert_eq!(contest.seats, 3);
        assert_eq!(contest.ward_code.as_deref(), Some("E05000045"));
        assert_eq!(contest.candidates[0].votes, 2224);
        assert_eq!(contest.candidates[1].party.name, "Conservative");
        assert_eq!(contest.candidates[1].elected, Some(false));
    }

    #[test]
    fn negative_or_text_votes_name_the_line() {
        let text = "election_date,ward,candidate,party,votes,elected\n2018-05-03,A,B,Labour,-4,true\n";
        let message = parse(text, Path::new("t.csv"), "X").expect_err("negative votes").to_string();
        assert!(message.contains("line 2") && message.contains("negative"), "{message}");
        let text = "election_date,ward,candidate,party,votes,elected\n2018-05-03,A,B,Labour,lots,true\n";
        let message = parse(text, Path::new("t.csv"), "X").expect_err("text votes").to_string();
        assert!(message.contains("not a whole number"), "{message}");
    }

    #[test]
    fn missing_columns_are_listed() {
        let text = "election_date,ward,candidate,party\n2018-05-03,A,B,Labour\n";
        let message = parse(text, Path::new("t.csv"), "X").expect_err("no votes").to_string();
        assert!(message.contains("lacks the column(s) votes") && message.contains("line 1"), "{message}");
    }

    #[test]
    fn duplicate_candidates_are_refused() {
        let text = "election_date,ward,candidate,party,votes,elected\n2018-05-03,A,B,Labour,4,true\n2018-05-03,A,B,Labour,4,true\n";
        let message = parse(text, Path::new("t.csv"), "X").expect_err("duplicate").to_string();
        assert!(message.contains("twice") && message.contains("line 3"), "{message}");
    }

    #[test]
    fn a_re_run_poll_stays_in_its_year() {
        let text = "election_date,ward,candidate,party,votes,elected\n\
            2014-05-22,A,B,Labour,4,true\n2014-06-26,C,D,Labour,5,true\n";
        let elections = parse(text, Path::new("t.csv"), "X").expect("valid");
        assert_eq!(elections.len(), 1);
        assert_eq!(elections[0].poll_dates().len(), 2);
    }
}
