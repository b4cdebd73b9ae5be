//! Ward figures that are not results: any CSV keyed by ward code (or by ward name, with a
//! borough column where names repeat) whose other columns are numbers. Each numeric column
//! becomes a measure; its unit comes from the header ("income (£)", "unemployed_%"), and a
//! column of text is left out with a note.
//!
//! The census religion tables wardmap ships are read by the same reader, then marked as
//! counts of people ([`census`]), so that they are shown as shares of the total.

use super::detect::{best_format, normalise_header, reader};
use crate::model::attributes::{AttributeColumn, AttributeKind, AttributeRow, AttributeTable};
use std::path::{Path, PathBuf};

/// A ward-figures CSV could not be read.
#[derive(Debug, thiserror::Error)]
pub enum AttributeError {
    #[error(transparent)]
    Read(#[from] super::ReadError),
    #[error(
        "{file} has no column of ward codes or ward names (looked for ward_code, code, gss_code, wdNNcd, ward, \
         ward_name, name). Its header is: {found}. Add a column of ONS ward codes (E05…) or ward names."
    )]
    NoWardColumn { file: PathBuf, found: String },
    #[error(
        "{file} has no column of numbers beside its ward column{}. Each numeric column becomes a measure.",
        text_columns(.text)
    )]
    NoNumbers { file: PathBuf, text: Vec<String> },
    #[error("{file}, line {line}: {problem}")]
    BadRow { file: PathBuf, line: u64, problem: String },
    #[error("{file} has a header but no rows of figures.")]
    NoRows { file: PathBuf },
}

fn text_columns(text: &[String]) -> String {
    if text.is_empty() { String::new() } else { format!(" (these hold text: {})", text.join(", ")) }
}

/// A table read, with the columns left out in words.
#[derive(Clone, Debug)]
pub struct ParsedAttributes {
    pub table: AttributeTable,
    pub warnings: Vec<String>,
}

/// Header cells that hold a ward's ONS code.
fn is_code_column(cell: &str) -> bool {
    matches!(cell, "ward_code" | "wardcode" | "code" | "gss_code" | "gss" | "ons_code" | "ward code")
        || (cell.len() == 6 && cell.starts_with("wd") && cell.ends_with("cd"))
}

/// Header cells that hold a ward's name.
fn is_name_column(cell: &str) -> bool {
    matches!(cell, "ward" | "ward_name" | "wardname" | "name" | "ward name")
        || (cell.len() == 6 && cell.starts_with("wd") && cell.ends_with("nm"))
}

/// Header cells that hold the borough's name.
fn is_borough_column(cell: &str) -> bool {
    matches!(cell, "borough" | "borough_name" | "la_name" | "local_authority" | "council" | "district")
        || (cell.len() == 7 && cell.starts_with("lad") && cell.ends_with("nm"))
}

/// Identifier columns that are not figures (codes of the borough, and the like).
fn is_other_identifier(cell: &str) -> bool {
    matches!(cell, "borough_code" | "la_code" | "lad_code" | "council_code")
        || (cell.len() == 7 && cell.starts_with("lad") && cell.ends_with("cd"))
}

/// Header cells only a results file has: a file with one of them is results, however broken, so
/// the results reader (which can say which columns are missing) answers for it.
fn is_results_column(cell: &str) -> bool {
    matches!(
        cell,
        "candidate"
            | "candidate_name"
            | "person_name"
            | "party"
            | "party_name"
            | "votes"
            | "votes_cast"
            | "ballots_cast"
            | "number_votes"
            | "elected"
            | "elected_flag"
            | "is_winner"
    )
}

/// The delimiter and header cells of the first line, when it is a header of ward figures: a
/// ward column, and not the header of a results format.
fn header_of(text: &str) -> Option<(u8, Vec<String>)> {
    let first = text.lines().find(|l| !l.trim().is_empty())?;
    [b',', b';', b'\t'].into_iter().find_map(|delimiter| {
        let record = reader(first, delimiter).into_records().next()?.ok()?;
        let cells: Vec<String> = record.iter().map(normalise_header).collect();
        let keyed = cells.iter().any(|c| is_code_column(c) || is_name_column(c));
        let results_like = cells.iter().any(|c| is_results_column(c));
        (cells.len() >= 2 && keyed && !results_like && best_format(&cells).is_none()).then_some((delimiter, cells))
    })
}

/// Whether `text` looks like ward figures rather than results: its first line has a ward
/// column and is not the header of any results format.
#[must_use]
pub fn looks_like_attributes(text: &str) -> bool {
    header_of(text).is_some()
}

/// "unemployed (%)" → ("unemployed", "%"); "income_£" → ("income", "£"); "pct_white" → ("pct white", "%").
fn unit_of(header: &str) -> (String, String) {
    let header = header.trim();
    for (open, close) in [('(', ')'), ('[', ']')] {
        if let (Some(start), true) = (header.rfind(open), header.ends_with(close)) {
            let unit = header[start + 1..header.len() - 1].trim().to_owned();
            let name = header[..start].trim().trim_end_matches([',', '_', ' ']).to_owned();
            if !name.is_empty() {
                return (name, if unit.eq_ignore_ascii_case("percent") { "%".into() } else { unit });
            }
        }
    }
    let lower = header.to_lowercase();
    for suffix in ["_%", " %", "%", "_pct", " pct", "_percent", " percent"] {
        if let Some(name) = lower.strip_suffix(suffix).filter(|n| !n.is_empty()) {
            return (name.trim_end_matches(['_', ' ']).to_owned(), "%".into());
        }
    }
    for prefix in ["pct_", "percent_", "%_"] {
        if let Some(name) = lower.strip_prefix(prefix).filter(|n| !n.is_empty()) {
            return (name.to_owned(), "%".into());
        }
    }
    for money in ["£", "$", "€"] {
        if header.contains(money) {
            return (header.replace(money, "").trim_matches(['_', ' ']).to_owned(), money.into());
        }
    }
    (header.to_owned(), String::new())
}

/// A column's key: lower case, runs of anything but letters and digits as one `_`.
fn key_of(name: &str) -> String {
    let mut key = String::new();
    for c in name.chars() {
        if c.is_alphanumeric() {
            key.extend(c.to_lowercase());
        } else if !key.ends_with('_') && !key.is_empty() {
            key.push('_');
        }
    }
    key.trim_end_matches('_').to_owned()
}

/// "other_religion" → "Other religion".
fn label_of(name: &str) -> String {
    let words = name.replace('_', " ");
    let mut chars = words.trim().chars();
    chars.next().map_or_else(String::new, |first| first.to_uppercase().chain(chars).collect())
}

/// A cell as a number: thousands separators, a trailing % and spaces allowed; `Ok(None)` for
/// a blank or a dash (no figure), `Err` for text.
fn number(cell: &str) -> Result<Option<f64>, ()> {
    let cell = cell.trim().trim_end_matches('%').trim();
    if cell.is_empty() || matches!(cell, "-" | "–" | "." | ".." | ":" | "NA" | "n/a" | "N/A" | "x" | "*") {
        return Ok(None);
    }
    let cleaned: String = cell.chars().filter(|c| *c != ',' && *c != '£' && *c != ' ').collect();
    cleaned.parse::<f64>().ok().filter(|n| n.is_finite()).map(Some).ok_or(())
}

/// Read a ward-figures CSV. The table is named after the file's stem ("deprivation.csv" →
/// measures "deprivation:imd_score").
///
/// # Errors
/// No ward column, no numeric column, a broken line or no rows, each naming the file.
pub fn parse(text: &str, file: &Path) -> Result<ParsedAttributes, AttributeError> {
    let path = file.to_path_buf();
    let Some((delimiter, header)) = header_of(text) else {
        let found = text.lines().next().unwrap_or("").chars().take(200).collect();
        return Err(AttributeError::NoWardColumn { file: path, found });
    };
    let raw_header: Vec<String> = reader(text, delimiter)
        .into_records()
        .next()
        .and_then(Result::ok)
        .map(|r| r.iter().map(|c| c.trim_start_matches('\u{feff}').trim().to_owned()).collect())
        .unwrap_or_default();
    let code_column = header.iter().position(|c| is_code_column(c));
    let name_column = header.iter().position(|c| is_name_column(c));
    let borough_column = header.iter().position(|c| is_borough_column(c));
    let figure_columns: Vec<usize> = (0..header.len())
        .filter(|i| ![code_column, name_column, borough_column].contains(&Some(*i)))
        .filter(|i| !is_other_identifier(&header[*i]) && !header[*i].is_empty())
        .collect();
    let mut records = reader(text, delimiter).into_records();
    records.next();
    let mut lines = super::detect::Lines::new(text);
    let mut raw_rows = Vec::new();
    for record in records {
        let record = record.map_err(|e| AttributeError::BadRow {
            file: path.clone(),
            line: lines.line_of(e.position()),
            problem: format!("{e}: check the quotes on this line"),
        })?;
        let line = lines.line_of(record.position());
        if record.iter().all(str::is_empty) {
            continue;
        }
        raw_rows.push((line, record));
    }
    if raw_rows.is_empty() {
        return Err(AttributeError::NoRows { file: path });
    }
    // A column is numeric when every cell is a number or blank, and at least one is a number.
    let mut numeric = Vec::new();
    let mut text_columns = Vec::new();
    for &i in &figure_columns {
        let cells = raw_rows.iter().map(|(_, r)| number(r.get(i).unwrap_or("")));
        if cells.clone().all(|c| c.is_ok()) && cells.clone().any(|c| matches!(c, Ok(Some(_)))) {
            numeric.push(i);
        } else {
            text_columns.push(raw_header.get(i).cloned().unwrap_or_default());
        }
    }
    if numeric.is_empty() {
        return Err(AttributeError::NoNumbers { file: path, text: text_columns });
    }
    let columns: Vec<AttributeColumn> = numeric
        .iter()
        .map(|&i| {
            let (name, unit) = unit_of(raw_header.get(i).map_or("", String::as_str));
            AttributeColumn { key: key_of(&name), label: label_of(&name), unit }
        })
        .collect();
    let cell = |record: &csv::StringRecord, column: Option<usize>| {
        column.and_then(|i| record.get(i)).map(str::trim).filter(|c| !c.is_empty()).map(str::to_owned)
    };
    let mut rows = Vec::new();
    for (line, record) in &raw_rows {
        let (code, name) = (cell(record, code_column), cell(record, name_column));
        if code.is_none() && name.is_none() {
            return Err(AttributeError::BadRow {
                file: path,
                line: *line,
                problem: "this row has neither a ward code nor a ward name".into(),
            });
        }
        let values = numeric.iter().map(|&i| number(record.get(i).unwrap_or("")).ok().flatten()).collect();
        rows.push(AttributeRow { code, name, borough: cell(record, borough_column), values });
    }
    let stem = file.file_stem().map_or_else(|| "figures".to_owned(), |s| s.to_string_lossy().into_owned());
    let mut warnings = Vec::new();
    if !text_columns.is_empty() {
        warnings.push(format!(
            "{}: left out {} column(s) that are not numbers: {}",
            file.display(),
            text_columns.len(),
            text_columns.join(", ")
        ));
    }
    let table = AttributeTable {
        key: key_of(&stem),
        year: None,
        title: label_of(&stem),
        source: file.display().to_string(),
        credit: None,
        caveat: None,
        kind: AttributeKind::Values,
        columns,
        rows,
    };
    Ok(ParsedAttributes { table, warnings })
}

/// One of the census tables wardmap ships, described.
#[derive(Clone, Copy, Debug)]
pub struct CensusFile {
    pub year: i32,
    /// "Religion, 2011 Census".
    pub title: &'static str,
    pub credit: &'static str,
    pub caveat: Option<&'static str>,
}

/// Column words of the census religion tables, as the ward panel lists them.
const CENSUS_LABELS: [(&str, &str); 9] = [
    ("christian", "Christian"),
    ("buddhist", "Buddhist"),
    ("hindu", "Hindu"),
    ("jewish", "Jewish"),
    ("muslim", "Muslim"),
    ("sikh", "Sikh"),
    ("other_religion", "Other religion"),
    ("no_religion", "No religion"),
    ("religion_not_stated", "Religion not stated"),
];

/// A census religion table: the reader's table, keyed "census" with its year, its columns of
/// counts shown as shares of `total` (usual residents); helper columns (the best-fit table's
/// count of LSOAs) are left out.
///
/// # Errors
/// As [`parse`], and a table with no `total` column.
pub fn census(text: &str, file: &Path, about: CensusFile) -> Result<AttributeTable, AttributeError> {
    let mut table = parse(text, file)?.table;
    let keep: Vec<usize> = (0..table.columns.len()).filter(|&i| table.columns[i].key != "lsoas").collect();
    table.columns = keep.iter().map(|&i| table.columns[i].clone()).collect();
    for row in &mut table.rows {
        row.values = keep.iter().map(|&i| row.values.get(i).copied().flatten()).collect();
    }
    let total =
        table.column("total").ok_or_else(|| AttributeError::NoNumbers { file: file.into(), text: Vec::new() })?;
    for column in &mut table.columns {
        column.unit = "%".into();
        if let Some((_, label)) = CENSUS_LABELS.iter().find(|(key, _)| *key == column.key) {
            column.label = (*label).to_owned();
        }
    }
    table.columns[total].label = "All usual residents".into();
    table.columns[total].unit = String::new();
    table.key = "census".into();
    table.year = Some(about.year);
    table.title = about.title.into();
    table.credit = Some(about.credit.into());
    table.caveat = about.caveat.map(str::to_owned);
    table.kind = AttributeKind::Counts { total, of_what: "all usual residents".into() };
    Ok(table)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn units_come_from_the_header() {
        assert_eq!(unit_of("Unemployed (%)"), ("Unemployed".into(), "%".into()));
        assert_eq!(unit_of("median income [£]"), ("median income".into(), "£".into()));
        assert_eq!(unit_of("owner_occupied_%"), ("owner_occupied".into(), "%".into()));
        assert_eq!(unit_of("pct_white"), ("white".into(), "%".into()));
        assert_eq!(unit_of("income_£"), ("income".into(), "£".into()));
        assert_eq!(unit_of("IMD score"), ("IMD score".into(), String::new()));
        assert_eq!(key_of("IMD score (rank)"), "imd_score_rank");
    }

    #[test]
    fn numbers_allow_separators_and_blanks_but_not_words() {
        assert_eq!(number("1,234.5"), Ok(Some(1234.5)));
        assert_eq!(number(" 12% "), Ok(Some(12.0)));
        assert_eq!(number(""), Ok(None));
        assert_eq!(number(".."), Ok(None));
        assert_eq!(number("high"), Err(()));
        assert_eq!(number("NaN"), Err(()));
    }

    #[test]
    fn a_table_keyed_by_code_gives_one_measure_per_numeric_column() {
        let text = "ward_code,ward,notes,dogs_per_100 (dogs),pct_gardens\n\
                    E05000043,Brunswick Park,leafy,3.5,60\nE05000044,Burnt Oak,,\"1,200\",\n";
        let parsed = parse(text, Path::new("pets.csv")).expect("reads");
        let table = parsed.table;
        assert_eq!(table.key, "pets");
        let keys: Vec<(&str, &str)> = table.columns.iter().map(|c| (c.key.as_str(), c.unit.as_str())).collect();
        assert_eq!(keys, [("dogs_per_100", "dogs"), ("gardens", "%")]);
        assert_eq!(table.rows[1].values, [Some(1200.0), None]);
        assert_eq!(table.rows[0].code.as_deref(), Some("E05000043"));
        assert!(parsed.warnings[0].contains("notes"), "{:?}", parsed.warnings);
    }

    #[test]
    fn a_results_file_is_not_taken_for_ward_figures() {
        let results = "ward,candidate,party,votes,elected\nBurnt Oak,A,Labour,100,true\n";
        assert!(!looks_like_attributes(results));
        assert!(looks_like_attributes("ward_code,imd\nE05000043,12\n"));
        assert!(!looks_like_attributes("just,some,columns\n1,2,3\n"));
    }

    #[test]
    fn a_table_without_numbers_or_wards_says_what_is_missing() {
        let no_numbers =
            parse("ward,colour\nBurnt Oak,red\n", Path::new("a.csv")).map(|_| ()).expect_err("no numeric column");
        assert!(no_numbers.to_string().contains("no column of numbers"), "{no_numbers}");
        assert!(no_numbers.to_string().contains("colour"), "{no_numbers}");
        let no_ward = parse("x,y\n1,2\n", Path::new("b.csv")).map(|_| ()).expect_err("no ward column");
        assert!(no_ward.to_string().contains("no column of ward codes"), "{no_ward}");
    }
}
