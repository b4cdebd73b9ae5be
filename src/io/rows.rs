//! The candidate row every results format is read into, the checks on its cells, and the one
//! grouping of rows into elections and contests. Sharing these keeps the duplicate and seat
//! checks the same whatever the file's format.

use super::error::ResultsError;
use crate::model::join::normalise_ward_name;
use crate::model::{Candidate, Contest, Election, Party, PollDate};
use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::Path;

/// One candidate row, checked.
#[derive(Clone, Debug)]
pub(crate) struct Row {
    pub borough: String,
    /// The election year: an election is a borough's poll of one year.
    pub year: i32,
    /// The poll date, when the source gives one (the London Datastore files give only a year).
    pub date: Option<PollDate>,
    pub ward_code: Option<String>,
    pub ward: String,
    /// The ward's seats, when the format has a column for them.
    pub seats: Option<u32>,
    pub candidate: Candidate,
    pub electorate: Option<u64>,
    pub turnout: Option<f64>,
    /// The line the row starts on, for messages.
    pub line: u64,
}

/// Parties already normalised, by the source's label: a big file names the same few parties a
/// million times, and [`Party::from_source`] allocates on every call.
#[derive(Default)]
pub(crate) struct PartyCache(std::cell::RefCell<HashMap<String, Party>>);

impl PartyCache {
    pub(crate) fn party(&self, label: &str) -> Party {
        if let Some(party) = self.0.borrow().get(label) {
            return party.clone();
        }
        let party = Party::from_source(label);
        self.0.borrow_mut().insert(label.to_owned(), party.clone());
        party
    }
}

/// The most votes (or electors) one candidate's row may carry. No ward comes near it (the
/// largest English wards have some 20,000 electors); it keeps every sum of votes made later far
/// from overflowing, whatever a file says.
pub const MAX_VOTES: u64 = 10_000_000;

/// A vote count: a non-negative whole number, thousands separators allowed ("2,224"), at most
/// [`MAX_VOTES`].
pub(crate) fn parse_votes(text: &str) -> Result<u64, String> {
    let cleaned: String = text.chars().filter(|c| *c != ',' && *c != ' ').collect();
    if cleaned.starts_with('-') {
        return Err(format!("votes \"{text}\" is negative: correct the number of votes on this row"));
    }
    if cleaned.is_empty() {
        return Err("the votes cell is empty: give this candidate's votes, or remove the row".into());
    }
    let votes = cleaned
        .parse::<u64>()
        .map_err(|_| format!("votes \"{text}\" is not a whole number: correct the number of votes on this row"))?;
    if votes > MAX_VOTES {
        return Err(format!(
            "votes \"{text}\" is more than any ward could cast ({MAX_VOTES}): correct the number of votes on this row"
        ));
    }
    Ok(votes)
}

/// An elected flag: true/false, yes/no, y/n, 1/0, elected/not elected; empty means unknown.
pub(crate) fn parse_flag(text: &str) -> Result<Option<bool>, String> {
    match text.trim().to_lowercase().as_str() {
        "" => Ok(None),
        "true" | "yes" | "y" | "1" | "elected" | "t" | "x" | "*" => Ok(Some(true)),
        "false" | "no" | "n" | "0" | "not elected" | "f" | "-" => Ok(Some(false)),
        other => Err(format!("elected flag \"{other}\" is not true/false or yes/no: correct it or leave it empty")),
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
        .map_err(|_| format!("turnout \"{text}\" is not a number: correct it or leave it empty"))?;
    let fraction = if text.ends_with('%') || number > 1.0 { number / 100.0 } else { number };
    if !(0.0..=1.0).contains(&fraction) {
        return Err(format!("turnout \"{text}\" is outside 0–100%: correct it or leave it empty"));
    }
    Ok(Some(fraction))
}

/// A generous bound on a ward's seats: English and Welsh wards elect one to three councillors,
/// Scottish wards up to four and Northern Irish district electoral areas up to seven.
pub const MAX_WARD_SEATS: u32 = 10;

/// A positive seat count.
pub(crate) fn parse_seats(text: &str) -> Result<Option<u32>, String> {
    match text.trim() {
        "" => Ok(None),
        text => text
            .parse::<u32>()
            .ok()
            .filter(|s| (1..=100).contains(s))
            .map(Some)
            .ok_or_else(|| format!("seats \"{text}\" is not a positive whole number: correct it or leave it empty")),
    }
}

/// Contests of one election being built, with an index by normalised ward name so that big
/// files group in linear time.
#[derive(Default)]
struct Building {
    contests: Vec<Contest>,
    by_ward: HashMap<String, usize>,
    /// Per contest: (name, party) pairs seen, the seats given and the line that gave them, and
    /// the first line of the contest.
    seen: Vec<HashSet<(String, String)>>,
    seats: Vec<(Option<u32>, u64, u64)>,
}

/// Group rows into elections (borough and year) and contests (ward), refusing duplicate
/// candidates and contradicting seat counts. Elections come out sorted by borough and year;
/// contests in order of first appearance, so output is deterministic.
pub(crate) fn build_elections(rows: Vec<Row>, file: &Path) -> Result<Vec<Election>, ResultsError> {
    let bad_row = |line: u64, problem: String| ResultsError::BadRow { file: file.to_path_buf(), line, problem };
    let mut elections: BTreeMap<(String, i32), Building> = BTreeMap::new();
    for row in rows {
        let building = elections.entry((row.borough.clone(), row.year)).or_default();
        let ward_key = normalise_ward_name(&row.ward);
        let index = match building.by_ward.get(&ward_key) {
            Some(index) => *index,
            None => {
                building.contests.push(Contest {
                    ward_code: row.ward_code.clone(),
                    ward_name: row.ward.clone(),
                    poll_date: row.date,
                    seats: 0,
                    candidates: Vec::new(),
                    electorate: row.electorate,
                    turnout: row.turnout,
                    ballots: None,
                    rejected: None,
                });
                building.seen.push(HashSet::new());
                building.seats.push((None, row.line, row.line));
                building.by_ward.insert(ward_key, building.contests.len() - 1);
                building.contests.len() - 1
            }
        };
        let key = (row.candidate.name.to_lowercase(), row.candidate.party.name.clone());
        if !building.seen[index].insert(key) {
            return Err(bad_row(
                row.line,
                format!(
                    "{} ({}) appears twice in {}: remove the duplicate row",
                    row.candidate.name, row.candidate.party.name, row.ward
                ),
            ));
        }
        let seats = &mut building.seats[index];
        match (seats.0, row.seats) {
            (Some(first), Some(this)) if first != this => {
                return Err(bad_row(
                    row.line,
                    format!(
                        "{} has {this} seats here but {first} on line {}: make the seat counts agree",
                        row.ward, seats.1
                    ),
                ));
            }
            (None, Some(this)) => *seats = (Some(this), row.line, seats.2),
            _ => {}
        }
        let contest = &mut building.contests[index];
        contest.electorate = contest.electorate.or(row.electorate);
        contest.turnout = contest.turnout.or(row.turnout);
        contest.candidates.push(row.candidate);
    }
    let mut out = Vec::with_capacity(elections.len());
    for ((borough, year), mut building) in elections {
        for (contest, (given, given_line, first_line)) in building.contests.iter_mut().zip(&building.seats) {
            contest.seats = contest_seats(contest, *given, *given_line, *first_line)
                .map_err(|(line, problem)| bad_row(line, problem))?;
        }
        out.push(Election {
            borough,
            year,
            contests: building.contests,
            source: file.display().to_string(),
            turnout_definition: None,
        });
    }
    Ok(out)
}

/// A contest's seats: the seats column's, else as many as the source marks elected. Refused,
/// with the line to look at and what the flags, seats and votes each say, when neither can be
/// believed: no seats column and no one marked elected; no seats column and every candidate of
/// a contested ward marked elected (the flags then say nothing, and counting them would give a
/// council more councillors than it has); or more seats than candidates standing and than any
/// ward has ([`MAX_WARD_SEATS`]). A few seats more than candidates is kept: a ward where too few
/// stood elects them all unopposed and leaves the rest empty until a by-election.
fn contest_seats(
    contest: &Contest,
    given: Option<u32>,
    given_line: u64,
    first_line: u64,
) -> Result<u32, (u64, String)> {
    let standing = contest.candidates.len();
    let flagged = contest.candidates.iter().filter(|c| c.elected == Some(true)).count();
    let ward = &contest.ward_name;
    match given {
        Some(seats) if seats as usize > standing && seats > MAX_WARD_SEATS => Err((
            given_line,
            format!(
                "{ward} has {seats} seats in the seats column, but only {standing} candidate(s) standing and \
                 {flagged} marked elected, and no ward elects more than {MAX_WARD_SEATS}: correct the seats \
                 column for {ward} (a ward has as many seats as councillors it elects)"
            ),
        )),
        Some(seats) => Ok(seats),
        None if flagged == 0 => Err((
            first_line,
            format!(
                "{ward}: the number of seats is unknown (no seats column and no candidate marked elected). \
                 Mark the winners elected, or add a seats column"
            ),
        )),
        // Every candidate of a ward that went to the poll marked elected: an uncontested ward
        // (no votes) elects everyone, but where votes were cast some candidates lost.
        None if flagged == standing && standing > 1 && contest.candidates.iter().any(|c| c.votes > 0) => {
            let most = contest.candidates.iter().map(|c| c.votes).max().unwrap_or(0);
            let least = contest.candidates.iter().map(|c| c.votes).min().unwrap_or(0);
            Err((
                first_line,
                format!(
                    "every candidate in {ward} is marked elected ({flagged} of {standing}) and there is no seats \
                     column, so the number of seats is unknown (the votes run from {most} to {least}, so some lost): \
                     add a seats column, or mark only the winners elected"
                ),
            ))
        }
        None => Ok(u32::try_from(flagged).unwrap_or(u32::MAX)),
    }
}

/// "kingston-upon-thames" → "Kingston upon Thames": capitalised words, small words kept small.
pub(crate) fn title_case(words: &str) -> String {
    let mut out = Vec::new();
    for (index, word) in words.split(['-', '_', ' ']).filter(|w| !w.is_empty()).enumerate() {
        let lower = word.to_lowercase();
        if index > 0 && matches!(lower.as_str(), "and" | "upon" | "of" | "the" | "on" | "in" | "with") {
            out.push(lower);
            continue;
        }
        let mut chars = lower.chars();
        out.push(match chars.next() {
            Some(first) => first.to_uppercase().chain(chars).collect(),
            None => String::new(),
        });
    }
    out.join(" ")
}
