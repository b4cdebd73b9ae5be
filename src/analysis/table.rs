//! Every ward of one election with each measure's value, as a table: the rows a data desk
//! pastes into a spreadsheet. Built from the measure registry, so a new measure is a new
//! column with no change here; party measures (share, change in share) get a column per party
//! that won a seat or a tenth of the vote.

use super::borough::borough_shares;
use super::measures::{ColourMode, ColourSpec, Context, WardValue, measure};
use crate::model::{Dataset, ElectionId};

/// A table: column titles (with units and method) and one row of cells per ward.
#[derive(Clone, Debug, PartialEq)]
pub struct WardTable {
    pub columns: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

/// Parties with a column of their own: those with a borough share of at least this, in percent.
const PARTY_COLUMN_SHARE: f64 = 10.0;

/// The table of election `id` under `spec` (its method, baseline and swing pair): ward code,
/// name and seats, then each measure that can be shown, then each party measure per party.
/// Measures that cannot be shown (no baseline, no turnout) are left out, not filled with blanks.
#[must_use]
pub fn ward_table(data: &Dataset, id: ElectionId, spec: &ColourSpec) -> WardTable {
    let Some(joined) = data.election(id) else { return WardTable { columns: Vec::new(), rows: Vec::new() } };
    let set = joined.ward_set.and_then(|s| data.ward_set(s));
    let wards = set.map_or(0, |s| s.wards.len());
    // London's wards repeat names across boroughs (Abbey, Village…): their borough is a column.
    let with_borough = set.is_some_and(|s| s.wards.iter().any(|w| w.borough.is_some()));
    let mut columns = vec!["ward_code".to_owned(), "ward".to_owned()];
    if with_borough {
        columns.push("borough".to_owned());
    }
    columns.push("seats".to_owned());
    let mut cells: Vec<Vec<String>> = (0..wards)
        .map(|w| {
            let ward = set.and_then(|s| s.wards.get(w));
            let seats = data.contest_in_ward(id, w).map_or_else(String::new, |c| c.seats.to_string());
            let mut row = vec![
                ward.and_then(|x| x.code.clone()).unwrap_or_default(),
                ward.map_or_else(String::new, |x| x.name.clone()),
            ];
            if with_borough {
                row.push(ward.and_then(|x| x.borough.clone()).unwrap_or_default());
            }
            row.push(seats);
            row
        })
        .collect();
    let mut add = |title: String, values: Vec<Option<WardValue>>, as_number: bool| {
        columns.push(title);
        for (row, value) in cells.iter_mut().zip(values.into_iter().chain(std::iter::repeat(None))) {
            row.push(value.map_or_else(String::new, |v| match (as_number, v.number) {
                (true, Some(n)) => format!("{n:.2}"),
                _ => v.text,
            }));
        }
    };
    let parties: Vec<String> = borough_shares(&joined.election, spec.method)
        .into_iter()
        .filter(|s| s.share >= PARTY_COLUMN_SHARE)
        .map(|s| s.party.name)
        .collect();
    for &mode in ColourMode::ALL {
        let the_measure = measure(mode);
        let per_party = the_measure.pickers().contains(&super::measures::Picker::Party);
        let specs: Vec<ColourSpec> = if per_party {
            parties.iter().map(|p| ColourSpec { mode, party: p.clone(), ..spec.clone() }).collect()
        } else {
            vec![ColourSpec { mode, ..spec.clone() }]
        };
        for one in &specs {
            let on = Context { data, id, spec: one };
            if the_measure.availability(&on).is_err() {
                continue;
            }
            let Ok(values) = the_measure.ward_values(&on) else { continue };
            let numeric = values.iter().flatten().any(|v| v.number.is_some()) && mode != ColourMode::Gains;
            let mut title = the_measure.column_title(&on);
            if let Some(unit) = unit(mode, one).filter(|_| numeric) {
                title = format!("{title} ({unit})");
            }
            add(title, values, numeric);
        }
    }
    WardTable { columns, rows: cells }
}

/// What a numeric column's title leaves unsaid: the share method, or what a percentage is of.
fn unit(mode: ColourMode, spec: &ColourSpec) -> Option<String> {
    match mode {
        ColourMode::Share | ColourMode::Change => Some(spec.method.label().to_owned()),
        ColourMode::Swing => Some(format!("pts, {}", spec.method.label())),
        ColourMode::Majority => Some("% of the top-vote total".to_owned()),
        ColourMode::Turnout => Some("of the electorate".to_owned()),
        _ => None,
    }
}

impl WardTable {
    /// The table as CSV, header first.
    ///
    /// # Errors
    /// Only if the CSV writer fails, which writing to memory does not.
    pub fn to_csv(&self) -> Result<Vec<u8>, csv::Error> {
        let mut writer = csv::Writer::from_writer(Vec::new());
        writer.write_record(&self.columns)?;
        for row in &self.rows {
            writer.write_record(row)?;
        }
        writer.into_inner().map_err(|e| csv::Error::from(e.into_error()))
    }

    /// The given rows as tab-separated text with the header, for the clipboard (a spreadsheet
    /// pastes it into cells); tabs and line breaks inside cells become spaces.
    #[must_use]
    pub fn to_tsv(&self, rows: &[usize]) -> String {
        let clean = |cell: &String| cell.replace(['\t', '\n', '\r'], " ");
        let mut out = self.columns.iter().map(clean).collect::<Vec<_>>().join("\t");
        for &row in rows {
            if let Some(cells) = self.rows.get(row) {
                out.push('\n');
                out.push_str(&cells.iter().map(clean).collect::<Vec<_>>().join("\t"));
            }
        }
        out.push('\n');
        out
    }

    /// The order of the rows sorted by `column` (numbers as numbers, empty cells last), for
    /// the app's sortable view.
    #[must_use]
    pub fn sorted_rows(&self, column: usize, descending: bool) -> Vec<usize> {
        let mut order: Vec<usize> = (0..self.rows.len()).collect();
        let cell = |row: usize| self.rows[row].get(column).map_or("", String::as_str);
        order.sort_by(|&a, &b| {
            let (x, y) = (cell(a), cell(b));
            let by_value = match (x.parse::<f64>(), y.parse::<f64>()) {
                (Ok(p), Ok(q)) => p.total_cmp(&q),
                _ => x.cmp(y),
            };
            let empty_last = x.is_empty().cmp(&y.is_empty());
            empty_last.then(if descending { by_value.reverse() } else { by_value }).then(a.cmp(&b))
        });
        order
    }
}
