//! wardmap's own results CSV (documented in `docs/formats.md`):
//!
//! `election_date,ward_code,ward,seats,candidate,party,votes,elected`
//!
//! One row per candidate. Required: `election_date`, `ward`, `candidate`, `party`, `votes`.
//! Optional: `ward_code` (ONS code, joins by code when present), `seats` (otherwise the number of
//! candidates flagged elected), `elected` (true/false, yes/no, 1/0), `borough`, `electorate`,
//! `turnout` (a fraction or a percentage).

use super::rows::{PartyCache, Row, parse_flag, parse_seats, parse_turnout, parse_votes};
use crate::model::{Candidate, PollDate};

/// Column positions of the own format, found in its header; the results reader detects the
/// format and asks these for each row.
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
            candidate: Candidate {
                name: name.to_owned(),
                party: self.parties.party(get(self.party)),
                party_label: get(self.party).to_owned(),
                votes,
                elected,
            },
            electorate,
            turnout,
            line,
        })
    }
}
