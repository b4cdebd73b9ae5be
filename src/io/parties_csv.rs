//! The party label table (`data/london/results/parties.csv`):
//!
//! `election_date,party_label,candidates,elected,official_name,party_code,mapped_by,labour_coop`
//!
//! One row per (election, label as printed in that election's results). Sources print one party
//! many ways ("Labour Party Candiate", "Local Conservatives"), so the app groups labels through
//! this table rather than by guessing from the words; the printed label is kept for candidate
//! lists. `official_name`/`party_code` are the source's own lookup and may be empty (labels no
//! source maps). `labour_coop` marks joint Labour and Co-operative candidates, which the sources'
//! lookups already map to Labour but which published totals count with Labour only by custom, so
//! the flag lets the app count them either way.
//!
//! Where a source's lookup gives two entries for one label, the table keeps both in the one cell,
//! separated by ` | ` (2022: "Hornchurch and Upminster Independents Emerson Park" → its own name
//! *and* "Residents' Association"). The first entry is the label's [`PartyLabel::official_name`]
//! and [`PartyLabel::code`] (it is the source lookup's first, and for that label the party's own
//! name); the others are kept, in order, in [`PartyLabel::other_entries`], so nothing is lost.

use super::error::TableError;
use super::table::{Cells, Spec, read_rows};
use crate::model::PollDate;
use std::collections::BTreeMap;
use std::path::Path;

/// An official name and short code for a label, either possibly unknown.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PartyEntry {
    pub official_name: Option<String>,
    pub code: Option<String>,
}

/// What one printed label of one election stands for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PartyLabel {
    /// The poll date of the election, as the table gives it.
    pub date: PollDate,
    /// The label as printed in the results (may be empty: a candidate with no party given).
    pub label: String,
    /// The party's registered or official name, the first if the source gives several.
    pub official_name: Option<String>,
    /// The source's short code (`LAB`, `CON`, Electoral Commission `PP…` numbers in 2018), the first if several.
    pub code: Option<String>,
    /// Whether the label denotes joint Labour and Co-operative candidates.
    pub labour_coop: bool,
    /// Further entries the source's lookup gives for this label, in the source's order.
    pub other_entries: Vec<PartyEntry>,
    /// Candidates and elected councillors standing under the label, when the table says.
    pub candidates: Option<u64>,
    pub elected: Option<u64>,
    /// Which lookup gave the name and code, in words (empty when none did).
    pub mapped_by: Option<String>,
}

/// Every label of every election in the table, looked up by election year and printed label.
///
/// Keyed by year, not by the exact date, because the year names the election: a ward polled
/// later (Barnet's Colindale on 26 June 2014, Redbridge's Mayfield in May 2022) belongs to the
/// same election and uses the same labels.
#[derive(Clone, Debug, Default)]
pub struct PartyLabels {
    by_year: BTreeMap<i32, BTreeMap<String, PartyLabel>>,
}

impl PartyLabels {
    /// The entry for a label as printed at the election of `date`'s year. The label must match
    /// exactly (case and spelling: the table lists each spelling the results use), apart from
    /// spaces at either end.
    #[must_use]
    pub fn lookup(&self, date: PollDate, label: &str) -> Option<&PartyLabel> {
        self.lookup_year(date.year, label)
    }

    /// [`PartyLabels::lookup`] by election year.
    #[must_use]
    pub fn lookup_year(&self, year: i32, label: &str) -> Option<&PartyLabel> {
        self.by_year.get(&year)?.get(label.trim())
    }

    /// Every label, sorted by election year and then by label (in code-point order, so the
    /// listing is the same on every machine).
    pub fn labels(&self) -> impl Iterator<Item = &PartyLabel> {
        self.by_year.values().flat_map(BTreeMap::values)
    }

    /// The labels of one election year, sorted by label.
    pub fn labels_of_year(&self, year: i32) -> impl Iterator<Item = &PartyLabel> {
        self.by_year.get(&year).into_iter().flat_map(BTreeMap::values)
    }

    /// The election years in the table, earliest first.
    pub fn years(&self) -> impl Iterator<Item = i32> + '_ {
        self.by_year.keys().copied()
    }

    /// How many labels there are over all elections.
    #[must_use]
    pub fn len(&self) -> usize {
        self.by_year.values().map(BTreeMap::len).sum()
    }

    /// Whether the table has no labels (never true of a parsed table).
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

const SPEC: Spec = Spec {
    table: "party labels",
    required: &["election_date", "party_label", "official_name", "party_code", "labour_coop"],
    optional: &["candidates", "elected", "mapped_by"],
};

/// Parse a party label table. `file` names the source in messages. A label given twice for one
/// election is an error (the table has one row per label; further names go in the same cell,
/// separated by ` | `), as is one election year with two different dates, since lookups are by year.
///
/// # Errors
///
/// A [`TableError`] naming the file and line (and column, for a bad cell) when the text is empty,
/// lacks a required column, has a row that is not one label, or has no rows.
pub fn parse(text: &str, file: &Path) -> Result<PartyLabels, TableError> {
    let rows = read_rows(text, file, &SPEC, |cells| read_row(cells).map(|label| (label, cells.line)))?;
    let mut labels = PartyLabels::default();
    let mut first_line: BTreeMap<(i32, String), u64> = BTreeMap::new();
    let mut year_date: BTreeMap<i32, (PollDate, u64)> = BTreeMap::new();
    for (label, line) in rows {
        let bad_row = |problem: String| TableError::BadRow { file: file.to_path_buf(), line, problem };
        let year = label.date.year;
        let (date, date_line) = *year_date.entry(year).or_insert((label.date, line));
        if date != label.date {
            return Err(bad_row(format!(
                "election date {} differs from {date} on line {date_line}: one election year has one date here; \
                 correct the date",
                label.date
            )));
        }
        if let Some(first) = first_line.insert((year, label.label.clone()), line) {
            return Err(bad_row(format!(
                "the label \"{}\" of {} is given twice, first on line {first}: keep one row (put further names \
                 in the same cell, separated by \" | \")",
                label.label, label.date
            )));
        }
        labels.by_year.entry(year).or_default().insert(label.label.clone(), label);
    }
    Ok(labels)
}

/// Read and parse a party label table from a file.
///
/// # Errors
///
/// [`TableError::Read`] when the file cannot be read as text; otherwise as [`parse`].
pub fn read(path: &Path) -> Result<PartyLabels, TableError> {
    let text = super::read_text(path, &super::no_progress)?;
    parse(&text, path)
}

/// The ` | `-separated entries of a cell, empty ones as `None`.
fn split_entries(text: &str) -> Vec<Option<String>> {
    text.split(" | ").map(str::trim).map(|entry| (!entry.is_empty()).then(|| entry.to_owned())).collect()
}

fn read_row(cells: &Cells) -> Result<PartyLabel, TableError> {
    let date = cells.date("election_date")?;
    let names = split_entries(cells.text("official_name"));
    let codes = split_entries(cells.text("party_code"));
    let mut entries = (0..names.len().max(codes.len()))
        .map(|i| PartyEntry { official_name: names.get(i).cloned().flatten(), code: codes.get(i).cloned().flatten() });
    let first = entries.next().unwrap_or(PartyEntry { official_name: None, code: None });
    let mapped_by = cells.text("mapped_by");
    Ok(PartyLabel {
        date,
        label: cells.text("party_label").to_owned(),
        official_name: first.official_name,
        code: first.code,
        // An empty flag is "not marked": only labels the table marks are Labour Co-op.
        labour_coop: cells.flag("labour_coop")?.unwrap_or(false),
        other_entries: entries.collect(),
        candidates: cells.count("candidates")?,
        elected: cells.count("elected")?,
        mapped_by: (!mapped_by.is_empty()).then(|| mapped_by.to_owned()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::io::ReadError;

    const HEADER: &str =
        "election_date,party_label,candidates,elected,official_name,party_code,mapped_by,labour_coop\n";

    fn parse_str(text: &str) -> Result<PartyLabels, TableError> {
        parse(text, Path::new("parties.csv"))
    }

    const SAMPLE: &str = "election_date,party_label,candidates,elected,official_name,party_code,mapped_by,labour_coop\n\
        2018-05-03,Labour and Co-operative Party,173,146,Labour and Co-operative Party,,own lookup: Democracy Club,true\n\
        2018-05-03,Labour Party,500,400,Labour Party,PP53,own lookup: Democracy Club,false\n\
        2022-05-05,Hornchurch and Upminster Independents Emerson Park,2,0,Hornchurch and Upminster Independents Emerson Park | Residents' Association,HUI | REA,own lookup,false\n\
        2026-05-07,,8,0,,,,false\n\
        2006-05-04,Third Way,14,0,,,,false\n";

    fn date(year: i32, month: u8, day: u8) -> PollDate {
        PollDate { year, month, day }
    }

    #[test]
    fn labels_are_looked_up_by_year_and_printed_label() {
        let labels = parse_str(SAMPLE).expect("valid table");
        assert_eq!(labels.len(), 5);
        let coop = labels.lookup(date(2018, 5, 3), "Labour and Co-operative Party").expect("listed");
        assert!(coop.labour_coop);
        assert_eq!(coop.official_name.as_deref(), Some("Labour and Co-operative Party"));
        assert_eq!((coop.code.as_deref(), coop.candidates, coop.elected), (None, Some(173), Some(146)));
        let labour = labels.lookup(date(2018, 5, 3), " Labour Party ").expect("trimmed label");
        assert_eq!((labour.code.as_deref(), labour.labour_coop), (Some("PP53"), false));
        // A later poll of the same year uses the same labels.
        assert!(labels.lookup(date(2018, 6, 14), "Labour Party").is_some());
        assert!(labels.lookup(date(2022, 5, 5), "Labour Party").is_none());
        assert!(labels.lookup(date(2018, 5, 3), "labour party").is_none(), "case matters");
        let unmapped = labels.lookup_year(2006, "Third Way").expect("listed");
        assert_eq!((&unmapped.official_name, &unmapped.code, &unmapped.mapped_by), (&None, &None, &None));
        let empty = labels.lookup_year(2026, "").expect("the empty label is a label");
        assert_eq!(empty.candidates, Some(8));
    }

    #[test]
    fn two_entries_in_one_cell_are_both_kept_the_first_is_the_answer() {
        let labels = parse_str(SAMPLE).expect("valid table");
        let hui = labels.lookup_year(2022, "Hornchurch and Upminster Independents Emerson Park").expect("listed");
        assert_eq!(hui.official_name.as_deref(), Some("Hornchurch and Upminster Independents Emerson Park"));
        assert_eq!(hui.code.as_deref(), Some("HUI"));
        assert_eq!(
            hui.other_entries,
            vec![PartyEntry { official_name: Some("Residents' Association".into()), code: Some("REA".into()) }]
        );
    }

    #[test]
    fn labels_list_sorted_by_year_then_label() {
        let labels = parse_str(SAMPLE).expect("valid table");
        let listed: Vec<(i32, &str)> = labels.labels().map(|l| (l.date.year, l.label.as_str())).collect();
        assert_eq!(
            listed,
            vec![
                (2006, "Third Way"),
                (2018, "Labour Party"),
                (2018, "Labour and Co-operative Party"),
                (2022, "Hornchurch and Upminster Independents Emerson Park"),
                (2026, ""),
            ]
        );
        assert_eq!(labels.years().collect::<Vec<_>>(), vec![2006, 2018, 2022, 2026]);
        assert_eq!(labels.labels_of_year(2018).count(), 2);
        assert_eq!(labels.labels_of_year(2014).count(), 0);
    }

    #[test]
    fn optional_columns_may_be_absent_in_any_order() {
        let text = "\u{feff}labour_coop,party_code,official_name,party_label,election_date\ntrue,LAB,Labour Party,Labour Co-op,2022-05-05\n";
        let labels = parse_str(text).expect("minimal table");
        let label = labels.lookup_year(2022, "Labour Co-op").expect("listed");
        assert!(label.labour_coop);
        assert_eq!((label.candidates, &label.mapped_by), (None, &None));
    }

    #[test]
    fn bad_input_is_refused_with_file_line_and_column() {
        let text = "election_date,party_label,official_name,party_code\n2018-05-03,Labour Party,Labour Party,PP53\n";
        let message = parse_str(text).expect_err("no labour_coop").to_string();
        assert!(
            message.contains("parties.csv, line 1") && message.contains("lacks the column(s) labour_coop"),
            "{message}"
        );
        let text = format!("{HEADER}2018-05-03,Labour Party,many,1,Labour Party,PP53,x,false\n");
        let message = parse_str(&text).expect_err("text count").to_string();
        assert!(message.starts_with("parties.csv, line 2, column 3 (candidates)"), "{message}");
        let text = format!("{HEADER}2018-05-03,Labour Party,1,1,Labour Party,PP53,x,perhaps\n");
        let message = parse_str(&text).expect_err("bad flag").to_string();
        assert!(message.contains("column 8 (labour_coop)") && message.contains("not true or false"), "{message}");
        let row = "2018-05-03,Labour Party,1,1,Labour Party,PP53,x,false\n";
        let message = parse_str(&format!("{HEADER}{row}{row}")).expect_err("duplicate").to_string();
        assert!(message.contains("line 3") && message.contains("twice, first on line 2"), "{message}");
        let text = format!("{HEADER}{row}2018-06-14,Green Party,1,0,Green Party,PP63,x,false\n");
        let message = parse_str(&text).expect_err("two dates in a year").to_string();
        assert!(message.contains("line 3") && message.contains("differs from 2018-05-03 on line 2"), "{message}");
    }

    #[test]
    fn empty_files_and_header_only_files_are_refused() {
        assert!(matches!(parse_str(""), Err(TableError::Read(ReadError::Empty { .. }))));
        let message = parse_str(HEADER).expect_err("no rows").to_string();
        assert!(message.contains("has a header but no rows"), "{message}");
    }
}
