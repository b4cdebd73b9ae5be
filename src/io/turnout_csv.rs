//! Ward turnout tables (`data/london/turnout/london-YYYY.csv`):
//!
//! `election_date,borough_code,borough,ward_code,ward,electorate,ballots_total,valid_votes,rejected,turnout_percent,definition`
//!
//! One row per ward. The sources differ in what they give, so every figure is optional: an
//! empty cell is "not in the source", never zero, and nothing here fills one in from the others
//! (a turnout recomputed from another count would be a different definition). Each row carries
//! the source's own `definition` of its turnout, which the app shows beside the figure; the
//! definitions differ between elections and even between rows. See `data/README.md`.

use super::error::TableError;
use super::table::{Cells, Spec, read_rows};
use crate::model::PollDate;
use std::collections::HashMap;
use std::path::Path;

/// One ward's electorate, ballots and turnout at one poll, as the source gives them.
#[derive(Clone, Debug, PartialEq)]
pub struct WardTurnout {
    pub date: PollDate,
    /// ONS borough code (`E09…`).
    pub borough_code: String,
    pub borough: String,
    /// ONS ward code (`E05…`): the join key to results and boundaries (names differ by source).
    pub ward_code: String,
    pub ward: String,
    /// Registered electors.
    pub electorate: Option<u64>,
    /// All ballot papers, where the source gives a total (whether rejected papers are inside
    /// depends on the source: see `definition`).
    pub ballots_total: Option<u64>,
    /// Valid ballot papers.
    pub valid_votes: Option<u64>,
    /// Rejected ballot papers (unreliable in 2022: see `data/README.md`).
    pub rejected: Option<u64>,
    /// Turnout in percent (0–100), as the source states or defines it.
    pub turnout_percent: Option<f64>,
    /// What `turnout_percent` (and the counts) mean, in the source's words.
    pub definition: String,
}

const SPEC: Spec = Spec {
    table: "turnout",
    required: &[
        "election_date",
        "borough_code",
        "borough",
        "ward_code",
        "ward",
        "electorate",
        "ballots_total",
        "valid_votes",
        "rejected",
        "turnout_percent",
        "definition",
    ],
    optional: &[],
};

/// Parse a turnout table. `file` names the source in messages. Rows come out in file order.
/// A ward code given twice for one poll date is an error: a lookup by ward would otherwise
/// silently use one of the two rows.
///
/// # Errors
///
/// A [`TableError`] naming the file and line (and column, for a bad cell) when the text is empty,
/// lacks a column, has a cell that is not what its column holds, gives a ward twice, or has no rows.
pub fn parse(text: &str, file: &Path) -> Result<Vec<WardTurnout>, TableError> {
    let mut first_line: HashMap<(PollDate, String), u64> = HashMap::new();
    read_rows(text, file, &SPEC, |cells| {
        let row = read_row(cells)?;
        if let Some(first) = first_line.insert((row.date, row.ward_code.clone()), cells.line) {
            return Err(TableError::BadRow {
                file: file.to_path_buf(),
                line: cells.line,
                problem: format!(
                    "ward {} ({}) of {} is given twice, first on line {first}: remove one of the rows",
                    row.ward_code, row.ward, row.date
                ),
            });
        }
        Ok(row)
    })
}

/// Read and parse a turnout table from a file.
///
/// # Errors
///
/// [`TableError::Read`] when the file cannot be read as text; otherwise as [`parse`].
pub fn read(path: &Path) -> Result<Vec<WardTurnout>, TableError> {
    let text = super::read_text(path, &super::no_progress)?;
    parse(&text, path)
}

fn read_row(cells: &Cells) -> Result<WardTurnout, TableError> {
    let turnout_percent = cells.number("turnout_percent")?;
    if let Some(percent) = turnout_percent
        && !(0.0..=100.0).contains(&percent)
    {
        return Err(cells.bad(
            "turnout_percent",
            format!("\"{percent}\" is outside 0–100: turnout here is a percentage; correct it"),
        ));
    }
    Ok(WardTurnout {
        date: cells.date("election_date")?,
        borough_code: cells.required("borough_code")?.to_owned(),
        borough: cells.required("borough")?.to_owned(),
        ward_code: cells.required("ward_code")?.to_owned(),
        ward: cells.required("ward")?.to_owned(),
        electorate: cells.count("electorate")?,
        ballots_total: cells.count("ballots_total")?,
        valid_votes: cells.count("valid_votes")?,
        rejected: cells.count("rejected")?,
        turnout_percent,
        definition: cells.text("definition").to_owned(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::io::ReadError;

    const HEADER: &str = "election_date,borough_code,borough,ward_code,ward,electorate,ballots_total,valid_votes,rejected,turnout_percent,definition\n";

    fn parse_str(text: &str) -> Result<Vec<WardTurnout>, TableError> {
        parse(text, Path::new("t.csv"))
    }

    #[test]
    fn rows_read_with_empty_cells_as_unknown() {
        let text = format!(
            "{HEADER}2018-05-03,E09000003,Barnet,E05000043,Brunswick Park,11005,4876,,,44.31,\"EC, ballots / voters\"\n\
             2006-05-04,E09000002,Barking and Dagenham,E05000031,Eastbury,6612,,,20,,no in-person figure\n"
        );
        let rows = parse_str(&text).expect("valid table");
        assert_eq!(rows.len(), 2);
        let first = &rows[0];
        assert_eq!(first.date, PollDate { year: 2018, month: 5, day: 3 });
        assert_eq!((first.ward_code.as_str(), first.ward.as_str()), ("E05000043", "Brunswick Park"));
        assert_eq!(
            (first.electorate, first.ballots_total, first.valid_votes, first.rejected),
            (Some(11005), Some(4876), None, None)
        );
        assert_eq!(first.turnout_percent, Some(44.31));
        assert_eq!(first.definition, "EC, ballots / voters");
        assert_eq!((rows[1].ballots_total, rows[1].rejected, rows[1].turnout_percent), (None, Some(20), None));
    }

    #[test]
    fn columns_are_found_by_name_in_any_order_and_a_bom_is_tolerated() {
        let text = "\u{feff}Ward_Code,definition,turnout_percent,rejected,valid_votes,ballots_total,electorate,ward,borough,borough_code,election_date\n\
                    E05013628,d,37.5,3,\"1,200\",,3200,Barnet Vale,Barnet,E09000003,2022-05-05\n";
        let rows = parse_str(text).expect("reordered header");
        assert_eq!(rows[0].ward_code, "E05013628");
        assert_eq!(rows[0].valid_votes, Some(1200));
        assert_eq!(rows[0].electorate, Some(3200));
        assert_eq!(rows[0].borough, "Barnet");
    }

    #[test]
    fn a_missing_column_is_named() {
        let text = "election_date,borough_code,borough,ward_code,ward,electorate,ballots_total,valid_votes,turnout_percent,definition\n\
                    2022-05-05,E09000003,Barnet,E05013628,Barnet Vale,3200,,1200,37.5,d\n";
        let message = parse_str(text).expect_err("no rejected column").to_string();
        assert!(message.contains("t.csv, line 1") && message.contains("lacks the column(s) rejected"), "{message}");
    }

    #[test]
    fn a_non_numeric_cell_names_file_line_and_column() {
        let text = format!("{HEADER}2022-05-05,E09000003,Barnet,E05013628,Barnet Vale,3200,,lots,3,37.5,d\n");
        let message = parse_str(&text).expect_err("text votes").to_string();
        assert!(message.starts_with("t.csv, line 2, column 8 (valid_votes)"), "{message}");
        assert!(message.contains("\"lots\" is not a whole number"), "{message}");
        let text = format!("{HEADER}2022-05-05,E09000003,Barnet,E05013628,Barnet Vale,-3200,,1,3,37.5,d\n");
        let message = parse_str(&text).expect_err("negative electorate").to_string();
        assert!(message.contains("column 6 (electorate)") && message.contains("negative"), "{message}");
        let text = format!("{HEADER}2022-05-05,E09000003,Barnet,E05013628,Barnet Vale,3200,,1,3,37.5%,d\n");
        let message = parse_str(&text).expect_err("percent sign").to_string();
        assert!(message.contains("column 10 (turnout_percent)") && message.contains("not a number"), "{message}");
        let text = format!("{HEADER}2022-05-05,E09000003,Barnet,E05013628,Barnet Vale,3200,,1,3,137.5,d\n");
        let message = parse_str(&text).expect_err("over 100").to_string();
        assert!(message.contains("outside 0–100"), "{message}");
    }

    #[test]
    fn bad_dates_short_rows_and_duplicates_are_refused() {
        let text = format!("{HEADER}May 2022,E09000003,Barnet,E05013628,Barnet Vale,3200,,1,3,37.5,d\n");
        let message = parse_str(&text).expect_err("bad date").to_string();
        assert!(message.contains("line 2, column 1 (election_date)"), "{message}");
        let text = format!("{HEADER}2022-05-05,E09000003,Barnet,E05013628,Barnet Vale,3200,,1,3\n");
        let message = parse_str(&text).expect_err("short row").to_string();
        assert!(message.contains("line 2") && message.contains("9 cells but the header has 11"), "{message}");
        let row = "2022-05-05,E09000003,Barnet,E05013628,Barnet Vale,3200,,1,3,37.5,d\n";
        let message = parse_str(&format!("{HEADER}{row}\n{row}")).expect_err("duplicate").to_string();
        assert!(message.contains("line 4") && message.contains("twice, first on line 2"), "{message}");
        let text = format!("{HEADER}2022-05-05,E09000003,Barnet,,Barnet Vale,3200,,1,3,37.5,d\n");
        let message = parse_str(&text).expect_err("no ward code").to_string();
        assert!(message.contains("column 4 (ward_code)") && message.contains("empty"), "{message}");
    }

    #[test]
    fn empty_files_and_header_only_files_are_refused() {
        assert!(matches!(parse_str(""), Err(TableError::Read(ReadError::Empty { .. }))));
        assert!(matches!(parse_str("\u{feff}\n \n"), Err(TableError::Read(ReadError::Empty { .. }))));
        let message = parse_str(HEADER).expect_err("no rows").to_string();
        assert!(message.contains("t.csv has a header but no rows"), "{message}");
    }
}
