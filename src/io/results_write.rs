//! Writing an election in wardmap's own results CSV (the format `io::results_csv` reads), so a
//! result wardmap made (a notional one) opens like any results file.

use crate::model::Election;

/// The header written; the reader takes its columns by name and ignores `notional`.
pub const HEADER: [&str; 12] = [
    "election_date",
    "borough",
    "ward_code",
    "ward",
    "seats",
    "candidate",
    "party",
    "votes",
    "elected",
    "electorate",
    "turnout",
    "notional",
];

/// One row per candidate, contests in the election's order. `notional` fills the column of that
/// name on every row. Parties are written as grouped (`Party::name`), so the file reads back to
/// the same parties; turnout as a fraction to 6 decimals.
pub fn own_csv(election: &Election, notional: bool) -> Result<Vec<u8>, csv::Error> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer.write_record(HEADER)?;
    let date = election.poll_dates().first().map_or_else(|| format!("{}-01-01", election.year), ToString::to_string);
    for contest in &election.contests {
        let contest_date = contest.poll_date.map_or_else(|| date.clone(), |d| d.to_string());
        for candidate in &contest.candidates {
            writer.write_record([
                contest_date.as_str(),
                election.borough.as_str(),
                contest.ward_code.as_deref().unwrap_or(""),
                contest.ward_name.as_str(),
                &contest.seats.to_string(),
                candidate.name.as_str(),
                candidate.party.name.as_str(),
                &candidate.votes.to_string(),
                match candidate.elected {
                    Some(true) => "true",
                    Some(false) => "false",
                    None => "",
                },
                &contest.electorate.map(|e| e.to_string()).unwrap_or_default(),
                &contest.turnout.map(|t| format!("{t:.6}")).unwrap_or_default(),
                if notional { "true" } else { "false" },
            ])?;
        }
    }
    writer.into_inner().map_err(|e| csv::Error::from(e.into_error()))
}
