//! Ward figures beside the results: the census tables built in, then any tables the user
//! opened, worked out on every ward set (by code, by name, or apportioned by the notional
//! weights where the census was not published for the boundaries).

use crate::io::attributes_csv::{CensusFile, census};
use crate::model::credits::{CENSUS_2011, CENSUS_2021};
use crate::model::{AttributeTable, Dataset};
use std::path::Path;
use std::sync::OnceLock;

/// What is said wherever the 2021 figures are shown.
pub const BEST_FIT_CAVEAT: &str = "2021 figures are an approximation: each 2021 LSOA is counted wholly in the \
ward the ONS best-fit lookup gives it, so a ward's figure can be off where an LSOA straddles its boundary.";

/// The census tables built in, parsed once per process.
pub fn census_tables() -> &'static [AttributeTable] {
    static TABLES: OnceLock<Vec<AttributeTable>> = OnceLock::new();
    TABLES.get_or_init(|| {
        crate::io::embedded::london::CENSUS
            .iter()
            .map(|&(year, (path, text))| {
                let about = if year == 2011 {
                    CensusFile { year, title: "Religion, 2011 Census", credit: CENSUS_2011, caveat: None }
                } else {
                    CensusFile {
                        year,
                        title: "Religion, 2021 Census (best fit)",
                        credit: CENSUS_2021,
                        caveat: Some(BEST_FIT_CAVEAT),
                    }
                };
                // The embedded files are checked by the tests: a failure is a build defect.
                census(text, Path::new(path), about).unwrap_or_else(|e| panic!("embedded census table is broken: {e}"))
            })
            .collect()
    })
}

/// Put the built-in census tables ahead of `user_tables` (a user's table replacing one read
/// from the same file before) and work out every table on every ward set of `data`, using
/// the weights of its notional results for the apportioned estimates. Returns a warning for
/// each user table that fits no ward, and for each with rows that fit no ward.
pub fn attach(data: &mut Dataset, user_tables: Vec<AttributeTable>) -> Vec<String> {
    let mut tables = census_tables().to_vec();
    for table in user_tables {
        tables.retain(|t| t.source != table.source);
        tables.push(table);
    }
    data.attribute_tables = tables;
    let mut pairs: Vec<_> = data
        .notionals
        .iter()
        .filter_map(|n| Some((data.election(n.from)?.ward_set?, n.onto, n.weights.as_ref())))
        .collect();
    pairs.sort_by_key(|(from, onto, _)| (*from, *onto));
    pairs.dedup_by_key(|(from, onto, _)| (*from, *onto));
    let resolved = crate::analysis::attributes::resolve_all(data, &pairs);
    data.attributes = resolved;
    let census = census_tables().len();
    data.attribute_tables
        .iter()
        .enumerate()
        .skip(census)
        .filter_map(|(index, table)| {
            if !data.attributes.iter().any(|a| a.table == index) {
                return Some(format!(
                    "{}: none of its {} rows matched a ward of the loaded boundaries by ONS code or by name. \
                     Check its ward codes (E05…) are of the ward set shown.",
                    table.source,
                    table.rows.len()
                ));
            }
            let unmatched = crate::analysis::attributes::unmatched_rows(data, table);
            (!unmatched.is_empty()).then(|| unmatched_warning(table, &unmatched))
        })
        .collect()
}

/// "pets.csv: 1 of its 22 rows matched no ward …: E05999999 (Nowhere)", naming the first few.
fn unmatched_warning(table: &AttributeTable, unmatched: &[usize]) -> String {
    const NAMED: usize = 5;
    let named: Vec<String> = unmatched
        .iter()
        .take(NAMED)
        .filter_map(|&row| table.rows.get(row))
        .map(|row| match (&row.code, &row.name) {
            (Some(code), Some(name)) => format!("{code} ({name})"),
            (Some(one), None) | (None, Some(one)) => one.clone(),
            (None, None) => "a row without a ward".to_owned(),
        })
        .collect();
    let more = if unmatched.len() > NAMED { format!(" and {} more", unmatched.len() - NAMED) } else { String::new() };
    format!(
        "{}: {} of its {} rows matched no ward of the loaded boundaries by ONS code or by name, and are left out: \
         {}{more}.",
        table.source,
        unmatched.len(),
        table.rows.len(),
        named.join(", ")
    )
}

/// The user's tables of `data` (all but the built-in census), to carry into a reload.
#[must_use]
pub fn user_tables(data: &Dataset) -> Vec<AttributeTable> {
    data.attribute_tables.iter().filter(|t| !census_tables().iter().any(|c| c.source == t.source)).cloned().collect()
}
