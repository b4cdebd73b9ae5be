//! The reading shared by the data tables wardmap ships beside the results (ward turnout, party
//! labels): columns are found by name in any order, so a column added or moved later breaks
//! nothing; a byte-order mark and spaces around cells are tolerated, as spreadsheets add them;
//! and every bad cell is one error naming the file, the line and the column, so whoever edited
//! the file can find it.

use super::detect::{Lines, reader};
use super::error::{ReadError, TableError};
use super::rows::MAX_VOTES;
use crate::model::PollDate;
use std::path::Path;

/// One table's columns: every name the reader looks up, and which of them the table must have.
pub(crate) struct Spec {
    /// Named in messages ("turnout", "party labels").
    pub table: &'static str,
    pub required: &'static [&'static str],
    pub optional: &'static [&'static str],
}

/// The cells of one record, looked up by column name.
pub(crate) struct Cells<'a> {
    record: &'a csv::StringRecord,
    columns: &'a [(&'static str, Option<usize>)],
    file: &'a Path,
    /// The line the record starts on (1-based), for messages.
    pub line: u64,
}

impl Cells<'_> {
    /// The position of a column, `None` when the header lacks it (only optional columns can be
    /// missing: the header check refused the rest).
    fn position(&self, name: &str) -> Option<usize> {
        self.columns.iter().find(|(n, _)| *n == name).and_then(|(_, position)| *position)
    }

    /// A cell's trimmed text; empty when the column is absent.
    pub fn text(&self, name: &str) -> &str {
        self.position(name).and_then(|i| self.record.get(i)).unwrap_or("")
    }

    /// An error about one cell. The column is counted from 1, as spreadsheets show it.
    pub fn bad(&self, name: &'static str, problem: String) -> TableError {
        let column = self.position(name).map_or(0, |i| i + 1);
        TableError::BadCell { file: self.file.to_path_buf(), line: self.line, column, name, problem }
    }

    /// A cell that must not be empty.
    pub fn required(&self, name: &'static str) -> Result<&str, TableError> {
        match self.text(name) {
            "" => Err(self.bad(name, "the cell is empty: fill it in (every row needs it)".into())),
            text => Ok(text),
        }
    }

    /// A poll date, `YYYY-MM-DD` (or `DD/MM/YYYY`).
    pub fn date(&self, name: &'static str) -> Result<PollDate, TableError> {
        let text = self.text(name);
        PollDate::parse(text)
            .ok_or_else(|| self.bad(name, format!("\"{text}\" is not a date like 2022-05-05: correct it")))
    }

    /// A count (electors, ballots, candidates): a whole number, thousands separators allowed;
    /// empty means the source does not give it. Capped at [`MAX_VOTES`] so that sums over all
    /// of London cannot overflow whatever a file says.
    pub fn count(&self, name: &'static str) -> Result<Option<u64>, TableError> {
        let text = self.text(name);
        let cleaned: String = text.chars().filter(|c| *c != ',').collect();
        if cleaned.is_empty() {
            return Ok(None);
        }
        if cleaned.starts_with('-') {
            return Err(self.bad(name, format!("\"{text}\" is negative: a count cannot be; correct it")));
        }
        let count = cleaned.parse::<u64>().map_err(|_| {
            self.bad(name, format!("\"{text}\" is not a whole number: correct it, or leave the cell empty if unknown"))
        })?;
        if count > MAX_VOTES {
            return Err(self.bad(name, format!("\"{text}\" is more than any ward has ({MAX_VOTES}): correct it")));
        }
        Ok(Some(count))
    }

    /// A decimal number; empty means the source does not give it.
    pub fn number(&self, name: &'static str) -> Result<Option<f64>, TableError> {
        let text = self.text(name);
        if text.is_empty() {
            return Ok(None);
        }
        match text.parse::<f64>() {
            Ok(number) if number.is_finite() => Ok(Some(number)),
            _ => {
                Err(self
                    .bad(name, format!("\"{text}\" is not a number: correct it, or leave the cell empty if unknown")))
            }
        }
    }

    /// A true/false flag (also yes/no, 1/0); empty means unknown.
    pub fn flag(&self, name: &'static str) -> Result<Option<bool>, TableError> {
        super::rows::parse_flag(self.text(name))
            .map_err(|_| self.bad(name, format!("\"{}\" is not true or false: correct it", self.text(name))))
    }
}

/// Read every row of a table with `row`. The header is the first line that is not blank; rows
/// whose cells are all empty are skipped; a row with more or fewer cells than the header is an
/// error (a stray or missing comma would otherwise shift every later cell into the wrong column).
pub(crate) fn read_rows<T>(
    text: &str,
    file: &Path,
    spec: &Spec,
    mut row: impl FnMut(&Cells) -> Result<T, TableError>,
) -> Result<Vec<T>, TableError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(ReadError::Empty { file: file.to_path_buf() }.into());
    }
    let mut lines = Lines::new(text);
    let mut records = reader(text, b',').into_records();
    let bad_quotes = |line: u64, e: &csv::Error| TableError::BadRow {
        file: file.to_path_buf(),
        line,
        problem: format!("{e}: check the quotes on this line"),
    };
    let header = loop {
        match records.next() {
            Some(Ok(record)) if record.iter().all(str::is_empty) => {}
            Some(Ok(record)) => break record,
            Some(Err(e)) => return Err(bad_quotes(lines.line_of(e.position()), &e)),
            None => return Err(ReadError::Empty { file: file.to_path_buf() }.into()),
        }
    };
    let header_line = lines.line_of(header.position());
    let names: Vec<String> =
        header.iter().map(|cell| cell.trim_start_matches('\u{feff}').trim().to_lowercase()).collect();
    let columns: Vec<(&'static str, Option<usize>)> =
        spec.required.iter().chain(spec.optional).map(|name| (*name, names.iter().position(|n| n == name))).collect();
    let missing: Vec<&str> = spec.required.iter().copied().filter(|name| !names.iter().any(|n| n == name)).collect();
    if !missing.is_empty() {
        return Err(TableError::MissingColumns {
            file: file.to_path_buf(),
            line: header_line,
            table: spec.table,
            missing: missing.join(", "),
            found: names.join(","),
        });
    }
    let mut out = Vec::new();
    for record in records {
        let record = record.map_err(|e| bad_quotes(lines.line_of(e.position()), &e))?;
        let line = lines.line_of(record.position());
        if record.iter().all(str::is_empty) {
            continue;
        }
        if record.len() != names.len() {
            return Err(TableError::BadRow {
                file: file.to_path_buf(),
                line,
                problem: format!(
                    "this row has {} cells but the header has {}: look for a missing or extra comma, \
                     or a name with a comma that is not in quotes",
                    record.len(),
                    names.len()
                ),
            });
        }
        out.push(row(&Cells { record: &record, columns: &columns, file, line })?);
    }
    if out.is_empty() {
        return Err(TableError::NoRows { file: file.to_path_buf(), table: spec.table });
    }
    Ok(out)
}
