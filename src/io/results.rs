//! Results files of any known format: find the header, read every row with the format's
//! columns, and group the rows into elections with the shared checks of [`super::rows`].

use super::detect::{self, Header, ResultsFormat};
use super::error::{ReadError, ResultsError};
use super::rows::{Row, build_elections};
use super::{Progress, datastore, democracy_club, results_csv};
use crate::model::Election;
use std::collections::BTreeMap;
use std::path::Path;

/// A results file, read.
#[derive(Clone, Debug)]
pub struct ParsedResults {
    pub format: ResultsFormat,
    /// Every election in the file (one per borough and year); the caller picks among them.
    pub elections: Vec<Election>,
    /// Rows left out on purpose (by-elections, other kinds of election), in words.
    pub warnings: Vec<String>,
}

/// The reader of one format's rows.
enum RowReader {
    Own(results_csv::Columns),
    DemocracyClub(democracy_club::Columns, String),
    Datastore(datastore::Columns),
}

impl RowReader {
    fn new(header: &Header, file: &Path, default_borough: &str) -> Result<RowReader, ResultsError> {
        Ok(match header.format {
            ResultsFormat::Own => RowReader::Own(results_csv::Columns::new(&header.columns, default_borough)),
            ResultsFormat::DemocracyClubResults | ResultsFormat::DemocracyClubCandidates => {
                RowReader::DemocracyClub(democracy_club::Columns::new(&header.columns), default_borough.to_owned())
            }
            ResultsFormat::LondonDatastore => RowReader::Datastore(
                datastore::Columns::new(&header.columns, file, default_borough)
                    .map_err(|problem| ResultsError::BadRow { file: file.to_path_buf(), line: header.line, problem })?,
            ),
        })
    }

    /// `Ok(Err(reason))` for a row left out on purpose.
    fn read(&self, record: &csv::StringRecord, line: u64) -> Result<Result<Row, &'static str>, String> {
        match self {
            RowReader::Own(columns) => columns.read(record, line).map(Ok),
            RowReader::Datastore(columns) => columns.read(record, line).map(Ok),
            RowReader::DemocracyClub(columns, borough) => match columns.read(record, line, borough)? {
                democracy_club::Read::Row(row) => Ok(Ok(*row)),
                democracy_club::Read::Skip(reason) => Ok(Err(reason)),
            },
        }
    }
}

/// Parse a results text. `default_borough` names the borough when the file does not;
/// `progress` sees fractions from 0.5 to 1 (reading the file was the first half).
pub fn parse(
    text: &str,
    file: &Path,
    default_borough: &str,
    progress: Progress,
) -> Result<ParsedResults, ResultsError> {
    let header = detect::find_header(text, file)?;
    let row_reader = RowReader::new(&header, file, default_borough)?;
    let mut records = detect::reader(text, header.delimiter).into_records();
    for _ in 0..=header.skip {
        records.next();
    }
    let mut rows = Vec::new();
    let mut skipped: BTreeMap<&'static str, usize> = BTreeMap::new();
    let total = text.len().max(1) as f32;
    let mut lines = detect::Lines::new(text);
    for (index, record) in records.enumerate() {
        let record = record.map_err(|e| ResultsError::BadRow {
            file: file.to_path_buf(),
            line: lines.line_of(e.position()),
            problem: format!("{e}: check the quotes on this line"),
        })?;
        let position = record.position();
        let line = lines.line_of(position);
        if index % 4096 == 0 {
            let done = position.map_or(0, csv::Position::byte) as f32 / total;
            if !progress(0.5 + 0.5 * done.min(1.0)) {
                return Err(ReadError::Cancelled { file: file.to_path_buf() }.into());
            }
        }
        if record.iter().all(str::is_empty) {
            continue;
        }
        match row_reader.read(&record, line) {
            Ok(Ok(row)) => rows.push(row),
            Ok(Err(reason)) => *skipped.entry(reason).or_default() += 1,
            Err(problem) => {
                let problem = match runaway_quote(&record, header.delimiter) {
                    Some(lines) => format!(
                        "a quote (\") opens on this line and is not closed on it, so the cell runs on over the \
                         next {lines} line(s) and swallows them ({problem}). Close the quote, or remove it"
                    ),
                    None => problem,
                };
                return Err(ResultsError::BadRow { file: file.to_path_buf(), line, problem });
            }
        }
    }
    if rows.is_empty() && !skipped.is_empty() {
        let reasons: Vec<String> = skipped.iter().map(|(reason, count)| format!("{count} {reason}")).collect();
        return Err(ResultsError::AllLeftOut {
            file: file.to_path_buf(),
            rows: skipped.values().sum(),
            reasons: and_list(&reasons),
        });
    }
    if rows.is_empty() {
        return Err(ResultsError::NoRows { file: file.to_path_buf() });
    }
    let mut warnings: Vec<String> =
        skipped.into_iter().map(|(reason, count)| format!("{}: left out {count} {reason}", file.display())).collect();
    let elections = build_elections(rows, file)?;
    warnings.extend(several_years(&elections, file));
    Ok(ParsedResults { format: header.format, elections, warnings })
}

/// The length in lines of a cell that swallowed the rest of its line and more: a quote that
/// opens and is not closed where it should be makes one cell of the delimiters and line ends
/// after it. `None` when no cell looks like that.
fn runaway_quote(record: &csv::StringRecord, delimiter: u8) -> Option<usize> {
    record
        .iter()
        .filter(|cell| cell.contains('\n') && cell.as_bytes().contains(&delimiter))
        .map(|cell| cell.matches('\n').count())
        .max()
}

/// A borough with results of several years in one file: each year is its own election, which
/// is right for a file of several elections but a surprise when a few rows carry a wrong date.
fn several_years(elections: &[Election], file: &Path) -> Option<String> {
    let mut by_borough: BTreeMap<&str, Vec<&Election>> = BTreeMap::new();
    for election in elections {
        by_borough.entry(&election.borough).or_default().push(election);
    }
    let lines: Vec<String> = by_borough
        .iter()
        .filter(|(_, of_borough)| of_borough.len() > 1)
        .map(|(borough, of_borough)| {
            let years: Vec<String> = of_borough
                .iter()
                .map(|e| {
                    let wards = e.contests.len();
                    format!("{} ({wards} ward{})", e.year, if wards == 1 { "" } else { "s" })
                })
                .collect();
            format!("{borough} {}", and_list(&years))
        })
        .collect();
    (!lines.is_empty()).then(|| {
        format!(
            "{} holds {}: each year is read as its own election. If the file is one election, correct the dates of \
             the rows in the wrong year",
            file.display(),
            and_list(&lines)
        )
    })
}

/// "a", "a and b", "a, b and c".
fn and_list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// The borough to assume when a file does not name one: its file name less years, counts and
/// separators ("barnet-2014.csv" → "Barnet"), or "Unknown borough".
pub fn borough_from_file_name(file: &Path) -> String {
    let stem = file.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    let words: Vec<&str> = stem
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty() && !matches!(w.to_lowercase().as_str(), "results" | "candidates" | "csv"))
        .collect();
    if words.is_empty() { "Unknown borough".to_owned() } else { super::rows::title_case(&words.join(" ")) }
}

#[cfg(test)]
mod tests {
    //! The own format read end to end (header detection, rows, grouping into elections).
    use super::*;

    /// The elections of an own-format text, as the embedded data is read.
    fn parse_own(text: &str, file: &Path, default_borough: &str) -> Result<Vec<Election>, ResultsError> {
        parse(text, file, default_borough, &crate::io::no_progress).map(|parsed| parsed.elections)
    }

    const SAMPLE: &str = "election_date,ward_code,ward,seats,candidate,party,votes,elected\n\
        2018-05-03,E05000045,Childs Hill,3,Anne Clarke,Labour Party,\"2,224\",true\n\
        2018-05-03,E05000045,Childs Hill,3,Vanessa Gearson,Conservative and Unionist Party,2222,false\n";

    #[test]
    fn own_format_reads_votes_parties_and_seats() {
        let elections = parse_own(SAMPLE, Path::new("t.csv"), "Barnet").expect("valid sample");
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
        let message = parse_own(text, Path::new("t.csv"), "X").expect_err("negative votes").to_string();
        assert!(message.contains("line 2") && message.contains("negative"), "{message}");
        let text = "election_date,ward,candidate,party,votes,elected\n2018-05-03,A,B,Labour,lots,true\n";
        let message = parse_own(text, Path::new("t.csv"), "X").expect_err("text votes").to_string();
        assert!(message.contains("not a whole number"), "{message}");
    }

    #[test]
    fn missing_columns_are_listed() {
        let text = "election_date,ward,candidate,party\n2018-05-03,A,B,Labour\n";
        let message = parse_own(text, Path::new("t.csv"), "X").expect_err("no votes").to_string();
        assert!(message.contains("lacks the column(s) votes") && message.contains("line 1"), "{message}");
    }

    #[test]
    fn duplicate_candidates_are_refused() {
        let text = "election_date,ward,candidate,party,votes,elected\n2018-05-03,A,B,Labour,4,true\n2018-05-03,A,B,Labour,4,true\n";
        let message = parse_own(text, Path::new("t.csv"), "X").expect_err("duplicate").to_string();
        assert!(message.contains("twice") && message.contains("line 3"), "{message}");
    }

    #[test]
    fn a_re_run_poll_stays_in_its_year() {
        let text = "election_date,ward,candidate,party,votes,elected\n\
            2014-05-22,A,B,Labour,4,true\n2014-06-26,C,D,Labour,5,true\n";
        let elections = parse_own(text, Path::new("t.csv"), "X").expect("valid");
        assert_eq!(elections.len(), 1);
        assert_eq!(elections[0].poll_dates().len(), 2);
    }

    #[test]
    fn seats_are_never_more_than_the_flags_or_the_candidates_can_carry() {
        let head = "election_date,ward,candidate,party,votes,elected\n";
        // Every candidate of a contested ward flagged elected, no seats column: refused.
        let text = format!("{head}2018-05-03,Burnt Oak,A,Labour,900,true\n2018-05-03,Burnt Oak,B,Green,300,true\n");
        let message = parse_own(&text, Path::new("t.csv"), "X").expect_err("flags say nothing").to_string();
        assert!(message.contains("every candidate in Burnt Oak is marked elected (2 of 2)"), "{message}");
        assert!(message.contains("add a seats column"), "{message}");
        // An uncontested ward (no votes) elects all who stand: legitimate.
        let text = format!("{head}2018-05-03,Hale,A,Labour,0,true\n2018-05-03,Hale,B,Labour,0,true\n");
        let elections = parse_own(&text, Path::new("t.csv"), "X").expect("uncontested");
        assert_eq!(elections[0].contests[0].seats, 2);
        // Fewer candidates than seats and no poll: elected unopposed, the rest left empty.
        let text = "election_date,ward,seats,candidate,party,votes,elected\n2018-05-03,Hale,3,A,Labour,0,true\n";
        assert_eq!(parse_own(text, Path::new("t.csv"), "X").expect("a vacancy")[0].contests[0].seats, 3);
        // A seats column with more seats than candidates and than any ward has: refused naming the ward.
        let text = "election_date,ward,seats,candidate,party,votes,elected\n2018-05-03,Hale,99,A,Labour,10,true\n";
        let message = parse_own(text, Path::new("t.csv"), "X").expect_err("99 seats").to_string();
        assert!(message.contains("Hale has 99 seats in the seats column, but only 1 candidate(s)"), "{message}");
    }

    #[test]
    fn a_quote_left_open_points_at_its_line_and_two_years_are_said() {
        let text = "election_date,ward,seats,candidate,party,votes,elected\n\
            2018-05-03,Hale,1,\"Ann Lee,Labour,10,true\n2018-05-03,Hale,1,Bob,Labour,9,false\n";
        let message = parse_own(text, Path::new("t.csv"), "X").expect_err("open quote").to_string();
        assert!(message.contains("line 2") && message.contains("a quote (\") opens on this line"), "{message}");
        let text = "election_date,ward,seats,candidate,party,votes,elected\n\
            2014-05-22,Hale,1,A,Labour,10,true\n2014-05-22,Mill Hill,1,B,Labour,10,true\n\
            2018-05-03,Hale,1,C,Labour,9,true\n";
        let parsed = parse(text, Path::new("t.csv"), "Barnet", &crate::io::no_progress).expect("loads");
        assert!(
            parsed.warnings.iter().any(|w| w.contains("holds Barnet 2014 (2 wards) and 2018 (1 ward)")),
            "{:?}",
            parsed.warnings
        );
    }
}
