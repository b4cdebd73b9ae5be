//! The London Datastore borough council results:
//! `Ward_code,Borough_code,Borough_name,Ward_name,candidate,party,party_long,number_votes,elected_flag,Number of councillors in ward`
//! (UTF-8 with a BOM, Windows line endings; both are handled below this module).
//!
//! The files have no date column: the year is read from the file name
//! (`london_council_election_2014_ward.csv`), and the poll date is left unknown rather than
//! guessed (Barnet's Colindale voted five weeks after the rest of the borough in 2014).
//! `elected_flag` is `Yes` or blank, so blank means "not elected" here. Candidates are printed
//! "Surname, Forenames Ms.*" (`*` marks a sitting councillor); they are shown as
//! "Forenames Surname". No number is changed.

use super::rows::{PartyCache, Row, parse_flag, parse_seats, parse_votes};
use crate::model::{Candidate, PollDate};
use std::path::Path;

/// Column positions, and the year when it comes from the file name.
pub(crate) struct Columns {
    code: Option<usize>,
    borough: Option<usize>,
    ward: Option<usize>,
    candidate: Option<usize>,
    party: Option<usize>,
    party_long: Option<usize>,
    votes: Option<usize>,
    elected: Option<usize>,
    seats: Option<usize>,
    date: Option<usize>,
    year: Option<i32>,
    default_borough: String,
    parties: PartyCache,
}

impl Columns {
    /// Fails when neither a date column nor the file name gives the year.
    pub(crate) fn new(header: &[String], file: &Path, default_borough: &str) -> Result<Columns, String> {
        let col = |names: &[&str]| names.iter().find_map(|name| header.iter().position(|h| h == name));
        let date = col(&["election_date", "date", "year"]);
        let year = year_in_file_name(file);
        if date.is_none() && year.is_none() {
            return Err("a London Datastore file has no date column, and its file name has no year. \
                 Put the election year in the file name (e.g. london_council_election_2014_ward.csv) and open it again"
                .into());
        }
        Ok(Columns {
            code: col(&["ward_code"]),
            borough: col(&["borough_name"]),
            ward: col(&["ward_name"]),
            candidate: col(&["candidate"]),
            party: col(&["party"]),
            party_long: col(&["party_long"]),
            votes: col(&["number_votes"]),
            elected: col(&["elected_flag"]),
            seats: col(&["number of councillors in ward", "number_of_councillors"]),
            date,
            year,
            default_borough: default_borough.to_owned(),
            parties: PartyCache::default(),
        })
    }

    pub(crate) fn read(&self, record: &csv::StringRecord, line: u64) -> Result<Row, String> {
        let get = |c: Option<usize>| c.and_then(|i| record.get(i)).unwrap_or("").trim();
        let (year, date) = match get(self.date) {
            "" => match self.year {
                Some(year) => (year, None),
                None => return Err("the date cell is empty: give the election date or year".into()),
            },
            text => match (PollDate::parse(text), text.parse::<i32>()) {
                (Some(date), _) => (date.year, Some(date)),
                (None, Ok(year)) if (1800..=2200).contains(&year) => (year, None),
                _ => {
                    return Err(format!("the date \"{text}\" is not a date like 2014-05-22 or a year"));
                }
            },
        };
        let ward = get(self.ward);
        if ward.is_empty() {
            return Err("the Ward_name is empty: give the ward on this row".into());
        }
        let raw_name = get(self.candidate);
        if raw_name.is_empty() {
            return Err("the candidate name is empty: give the candidate on this row".into());
        }
        let party = match get(self.party_long) {
            "" => get(self.party),
            long => long,
        };
        let code = get(self.code);
        let borough = get(self.borough);
        Ok(Row {
            borough: if borough.is_empty() { self.default_borough.clone() } else { borough.to_owned() },
            year,
            date,
            ward_code: (!code.is_empty()).then(|| code.to_owned()),
            ward: ward.to_owned(),
            seats: parse_seats(get(self.seats))?,
            candidate: Candidate {
                name: tidy_candidate_name(raw_name),
                party: self.parties.party(party),
                party_label: party.to_owned(),
                votes: parse_votes(get(self.votes))?,
                elected: Some(parse_flag(get(self.elected))?.unwrap_or(false)),
            },
            electorate: None,
            turnout: None,
            line,
        })
    }
}

/// The first four-digit run in the file name that is a plausible election year.
fn year_in_file_name(file: &Path) -> Option<i32> {
    super::year_in(&file.file_name()?.to_string_lossy())
}

/// "Levine, Kathy Ms." → "Kathy Levine"; "Ioannidis, Andreas*" → "Andreas Ioannidis";
/// a name without a comma is kept as printed, less the `*`.
pub(crate) fn tidy_candidate_name(raw: &str) -> String {
    const TITLES: &[&str] =
        &["ms", "mr", "mrs", "miss", "mx", "dr", "sir", "dame", "prof", "cllr", "rev", "lord", "lady"];
    let cleaned = raw.replace('*', "");
    let Some((surname, forenames)) = cleaned.split_once(',') else {
        return cleaned.split_whitespace().collect::<Vec<_>>().join(" ");
    };
    let mut words: Vec<&str> = forenames.split_whitespace().collect();
    if words.len() > 1
        && let Some(last) = words.last()
        && TITLES.contains(&last.trim_end_matches('.').to_lowercase().as_str())
    {
        words.pop();
    }
    words.extend(surname.split_whitespace());
    words.join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn surname_first_names_read_forenames_first() {
        assert_eq!(tidy_candidate_name("Levine, Kathy Ms."), "Kathy Levine");
        assert_eq!(tidy_candidate_name("Ioannidis, Andreas*"), "Andreas Ioannidis");
        assert_eq!(tidy_candidate_name("Rutter, Lisa Ms.*"), "Lisa Rutter");
        assert_eq!(tidy_candidate_name("Gibson, Jane I. G. Ms."), "Jane I. G. Gibson");
        assert_eq!(tidy_candidate_name("Fraser, Keith G."), "Keith G. Fraser");
        assert_eq!(tidy_candidate_name("Jane Smith"), "Jane Smith");
    }

    #[test]
    fn the_year_comes_from_the_file_name() {
        assert_eq!(year_in_file_name(Path::new("/x/london_council_election_2014_ward.barnet.csv")), Some(2014));
        assert_eq!(year_in_file_name(Path::new("results.csv")), None);
    }
}
