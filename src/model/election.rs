//! Elections, contests and candidates.

use super::party::Party;
use serde::Serialize;
use std::fmt;

/// A calendar date of a poll. Kept as a plain value: the app never needs date arithmetic.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PollDate {
    pub year: i32,
    pub month: u8,
    pub day: u8,
}

impl PollDate {
    /// Parse `YYYY-MM-DD`; also `DD/MM/YYYY`, the British form found in council spreadsheets.
    pub fn parse(text: &str) -> Option<PollDate> {
        let text = text.trim();
        let parts: Vec<&str> = text.split(['-', '/']).collect();
        let [a, b, c] = parts.as_slice() else { return None };
        let (year, month, day) = if a.len() == 4 { (a, b, c) } else { (c, b, a) };
        let date = PollDate { year: year.parse().ok()?, month: month.parse().ok()?, day: day.parse().ok()? };
        let valid =
            (1800..=2200).contains(&date.year) && (1..=12).contains(&date.month) && (1..=31).contains(&date.day);
        valid.then_some(date)
    }
}

impl fmt::Display for PollDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl Serialize for PollDate {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// One person on one ward's ballot paper.
#[derive(Clone, Debug)]
pub struct Candidate {
    pub name: String,
    pub party: Party,
    pub votes: u64,
    /// The party label as the source printed it ("Labour and Co-operative Party", "Local
    /// Conservatives"): `party` groups labels into one party for colour and totals, and
    /// candidate lists show this where it says more.
    pub party_label: String,
    /// What the source says; `None` when the source does not say. Analysis computes the
    /// winners from the votes and reports where this flag disagrees.
    pub elected: Option<bool>,
}

/// One ward's poll in an election: its seats and candidates.
#[derive(Clone, Debug)]
pub struct Contest {
    /// The ward's ONS code, when the source gives one.
    pub ward_code: Option<String>,
    /// The ward's name as the source spells it.
    pub ward_name: String,
    pub poll_date: Option<PollDate>,
    /// Councillors elected in this ward (3 in every Barnet ward).
    pub seats: u32,
    pub candidates: Vec<Candidate>,
    /// Registered electors, when the source has them.
    pub electorate: Option<u64>,
    /// Turnout as a fraction of the electorate (0..=1), when the source has it.
    pub turnout: Option<f64>,
    /// Ballots counted in the turnout by the source's definition (see
    /// [`Election::turnout_definition`]), when the source gives them: the numerator of a
    /// borough's turnout, summed over wards.
    pub ballots: Option<u64>,
    /// Rejected ballots, when the source gives them.
    pub rejected: Option<u64>,
}

impl Contest {
    /// Votes cast for all candidates (in a multi-member ward each voter has several votes).
    pub fn total_votes(&self) -> u64 {
        self.candidates.iter().map(|c| c.votes).sum()
    }
}

/// A borough's poll of one year. Usually one date; a countermanded poll re-run later (Barnet's
/// Colindale in June 2014) stays part of the same election, with its own date on its contest.
#[derive(Clone, Debug)]
pub struct Election {
    pub borough: String,
    pub year: i32,
    pub contests: Vec<Contest>,
    /// Where the results came from (a file path, or "embedded").
    pub source: String,
    /// What the turnout figures count, in words naming their source ("ballot-box turnout,
    /// including rejected ballots (Electoral Commission)"); `None` when no definition is known.
    pub turnout_definition: Option<String>,
}

impl Election {
    /// The distinct poll dates, earliest first.
    pub fn poll_dates(&self) -> Vec<PollDate> {
        let mut dates: Vec<PollDate> = self.contests.iter().filter_map(|c| c.poll_date).collect();
        dates.sort();
        dates.dedup();
        dates
    }

    /// "Barnet 2018", for titles.
    pub fn title(&self) -> String {
        format!("{} {}", self.borough, self.year)
    }

    /// Whether any contest carries a turnout or an electorate.
    pub fn has_turnout(&self) -> bool {
        self.contests.iter().any(|c| c.turnout.is_some() || c.electorate.is_some())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn poll_dates_parse_in_iso_and_british_forms() {
        let d = PollDate { year: 2014, month: 6, day: 26 };
        assert_eq!(PollDate::parse("2014-06-26"), Some(d));
        assert_eq!(PollDate::parse("26/06/2014"), Some(d));
        assert_eq!(PollDate::parse("2014-13-01"), None);
        assert_eq!(PollDate::parse("yesterday"), None);
        assert_eq!(d.to_string(), "2014-06-26");
    }
}
