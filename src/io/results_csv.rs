//! wardmap's own results CSV (documented in `data/README.md`):
//!
//! `election_date,ward_code,ward,seats,candidate,party,votes,elected`
//!
//! One row per candidate. Required: `election_date`, `ward`, `candidate`, `party`, `votes`.
//! Optional: `ward_code` (ONS code, joins by code when present), `seats` (otherwise the number of
//! candidates flagged elected), `elected` (true/false, yes/no, 1/0), `borough`, `electorate`,
//! `turnout` (a fraction or a percentage).

use super::error::ResultsError;
use crate::model::{Candidate, Contest, Election, Party, PollDate};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

const REQUIRED: [&str; 5] = ["election_date", "ward", "candidate", "party", "votes"];

/// Whether a header row is this format (used by format detection).
pub fn matches_header(header: &[String]) -> bool {
    REQUIRED.iter().all(|column| header.iter().any(|h| h == column))
}

/// Parse the project's CSV. `file` names the source in messages; `default_borough` is used when
/// the file has no `borough` column. One file may hold several elections (years or boroughs).
pub fn parse(text: &str, file: &Path, default_borough: &str) -> Result<Vec<Election>, ResultsError> {
    let file = file.to_path_buf();
    let mut reader = csv::ReaderBuilder::new().flexible(true).trim(csv::Trim::All).from_reader(text.as_bytes());
    let header: Vec<String> = reader
        .headers()
        .map_err(|e| bad_row(&file, 1, e.to_string()))?
        .iter()
        .map(|h| h.trim_start_matches('\u{feff}').trim().to_lowercase())
        .collect();
    let missing: Vec<&str> = REQUIRED.iter().copied().filter(|c| !header.iter().any(|h| h == c)).collect();
    if !missing.is_empty() {
        return Err(ResultsError::MissingColumns { file, missing: missing.join(", "), found: header.join(",") });
    }
    let col = |name: &str| header.iter().position(|h| h == name);
    let columns = Columns {
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
    };

    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| bad_row(&file, e.position().map_or(0, |p| p.line()), e.to_string()))?;
        let line = record.position().map_or(0, |p| p.line());
        if record.iter().all(|f| f.is_empty()) {
            continue;
        }
        rows.push(columns.read(&record, line, &file, default_borough)?);
    }
    if rows.is_empty() {
        return Err(ResultsError::NoRows { file });
    }
    build_elections(rows, &file)
}

/// Read and parse a file of this format.
pub fn read(path: &Path, default_borough: &str) -> Result<Vec<Election>, ResultsError> {
    let text = super::results_text(path)?;
    parse(&text, path, default_borough)
}

fn bad_row(file: &Path, line: u64, problem: String) -> ResultsError {
    ResultsError::BadRow { file: file.to_path_buf(), line, problem }
}

struct Columns {
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
}

/// One candidate row, checked.
pub(crate) struct Row {
    pub borough: String,
    pub date: PollDate,
    pub ward_code: Option<String>,
    pub ward: String,
    pub seats: Option<u32>,
    pub candidate: Candidate,
    pub electorate: Option<u64>,
    pub turnout: Option<f64>,
    pub line: u64,
}

impl Columns {
    fn read(&self, record: &csv::StringRecord, line: u64, file: &Path, default_borough: &str) -> Result<Row, ResultsError> {
        let get = |c: Option<usize>| c.and_then(|i| record.get(i)).unwrap_or("").trim();
        let fail = |problem: String| bad_row(file, line, problem);
        let date_text = get(self.date);
        let date = PollDate::parse(date_text)
            .ok_or_else(|| fail(format!("election_date \"{date_text}\" is not a date like 2018-05-03")))?;
        let ward = get(self.ward);
        if ward.is_empty() {
            return Err(fail("the ward name is empty".into()));
        }
        let name = get(self.candidate);
        if name.is_empty() {
            return Err(fail("the candidate name is empty".into()));
        }
        let votes = parse_votes(get(self.votes)).map_err(fail)?;
        let elected = parse_flag(get(self.elected)).map_err(fail)?;
        let seats = match get(self.seats) {
            "" => None,
            text => Some(
                text.parse::<u32>()
                    .ok()
                    .filter(|s| *s > 0)
                    .ok_or_else(|| fail(format!("seats \"{text}\" is not a positive whole number")))?,
            ),
        };
        let electorate = match get(self.electorate) {
            "" => None,
            text => Some(parse_votes(text).map_err(|_| fail(format!("electorate \"{text}\" is not a whole number")))?),
        };
        let turnout = parse_turnout(get(self.turnout)).map_err(fail)?;
        let code = get(self.code);
        let borough = get(self.borough);
        Ok(Row {
            borough: if borough.is_empty() { default_borough.to_owned() } else { borough.to_owned() },
            date,
            ward_code: (!code.is_empty()).then(|| code.to_owned()),
            ward: ward.to_owned(),
            seats,
            candidate: Candidate { name: name.to_owned(), party: Party::from_source(get(self.party)), votes, elected },
            electorate,
            turnout,
            line,
        })
    }
}

/// A vote count: a non-negative whole number, thousands separators allowed ("2,224").
pub(crate) fn parse_votes(text: &str) -> Result<u64, String> {
    let cleaned: String = text.chars().filter(|c| *c != ',' && *c != ' ').collect();
    if cleaned.starts_with('-') {
        return Err(format!("votes \"{text}\" is negative"));
    }
    cleaned.parse::<u64>().map_err(|_| format!("votes \"{text}\" is not a whole number"))
}

/// An elected flag: true/false, yes/no, y/n, 1/0, elected/not elected; empty means unknown.
pub(crate) fn parse_flag(text: &str) -> Result<Option<bool>, String> {
    match text.to_lowercase().as_str() {
        "" => Ok(None),
        "true" | "yes" | "y" | "1" | "elected" | "t" | "x" | "*" => Ok(Some(true)),
        "false" | "no" | "n" | "0" | "not elected" | "f" | "-" => Ok(Some(false)),
        other => Err(format!("elected flag \"{other}\" is not true/false or yes/no")),
    }
}

/// A turnout: "0.41", "41%" or "41.2" (a number above 1 is a percentage).
pub(crate) fn parse_turnout(text: &str) -> Result<Option<f64>, String> {
    if text.is_empty() {
        return Ok(None);
    }
    let number: f64 = text
        .trim_end_matches('%')
        .trim()
        .parse()
        .map_err(|_| format!("turnout \"{text}\" is not a number"))?;
    let fraction = if text.ends_with('%') || number > 1.0 { number / 100.0 } else { number };
    if !(0.0..=1.0).contains(&fraction) {
        return Err(format!("turnout \"{text}\" is outside 0–100%"));
    }
    Ok(Some(fraction))
}

/// Group rows into elections (borough and year) and contests (ward), checking duplicates and
/// seat counts. Order of first appearance is kept, so output is deterministic.
pub(crate) fn build_elections(rows: Vec<Row>, file: &PathBuf) -> Result<Vec<Election>, ResultsError> {
    let mut elections: BTreeMap<(String, i32), Vec<Contest>> = BTreeMap::new();
    let mut seats_given: BTreeMap<(String, i32, String), (Option<u32>, u64)> = BTreeMap::new();
    for row in rows {
        let key = (row.borough.clone(), row.date.year);
        let contests = elections.entry(key).or_default();
        let ward_key = crate::model::join::normalise_ward_name(&row.ward);
        let index = match contests.iter().position(|c| crate::model::join::normalise_ward_name(&c.ward_name) == ward_key) {
            Some(i) => i,
            None => {
                contests.push(Contest {
                    ward_code: row.ward_code.clone(),
                    ward_name: row.ward.clone(),
                    poll_date: Some(row.date),
                    seats: 0,
                    candidates: Vec::new(),
                    electorate: row.electorate,
                    turnout: row.turnout,
                });
                contests.len() - 1
            }
        };
        let contest = &mut contests[index];
        if contest.candidates.iter().any(|c| c.name == row.candidate.name && c.party == row.candidate.party) {
            return Err(bad_row(
                file,
                row.line,
                format!("{} ({}) appears twice in {}: remove the duplicate row", row.candidate.name, row.candidate.party.name, row.ward),
            ));
        }
        let seat_key = (row.borough.clone(), row.date.year, ward_key);
        let entry = seats_given.entry(seat_key).or_insert((row.seats, row.line));
        if let (Some(first), Some(this)) = (entry.0, row.seats)
            && first != this
        {
            return Err(bad_row(file, row.line, format!("{} has {this} seats here but {first} on line {}", row.ward, entry.1)));
        }
        entry.0 = entry.0.or(row.seats);
        contest.electorate = contest.electorate.or(row.electorate);
        contest.turnout = contest.turnout.or(row.turnout);
        contest.candidates.push(row.candidate);
    }
    let mut out = Vec::new();
    for ((borough, year), mut contests) in elections {
        for contest in &mut contests {
            let key = (borough.clone(), year, crate::model::join::normalise_ward_name(&contest.ward_name));
            let flagged = contest.candidates.iter().filter(|c| c.elected == Some(true)).count() as u32;
            contest.seats = match seats_given.get(&key).and_then(|s| s.0) {
                Some(seats) => seats,
                None if flagged > 0 => flagged,
                None => {
                    return Err(ResultsError::BadRow {
                        file: file.clone(),
                        line: 0,
                        problem: format!(
                            "{}: the number of seats is unknown (no seats column and no candidate marked elected)",
                            contest.ward_name
                        ),
                    });
                }
            };
        }
        out.push(Election { borough, year, contests, source: file.display().to_string() });
    }
    Ok(out)
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
        let message = parse("ward,candidate\nA,B\n", Path::new("t.csv"), "X").expect_err("no votes").to_string();
        assert!(message.contains("election_date") && message.contains("votes"), "{message}");
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
