//! `wardmap table`: every ward of one election with each measure's value, as CSV for a
//! spreadsheet, with a header row that names units and method.

use super::summary::{choose_borough, choose_election};
use crate::analysis::measures::ColourSpec;
use crate::analysis::share::ShareMethod;
use crate::analysis::table::ward_table;
use crate::model::Dataset;
use crate::render::{Overwrite, check_target, write_atomically};
use clap::Args;
use std::path::PathBuf;

#[derive(Debug, Args, Clone)]
pub struct TableArgs {
    /// The CSV file to write.
    #[arg(long, value_name = "FILE.csv")]
    pub out: PathBuf,
    /// The borough, loosely named, or `london` (default: Barnet, or the only borough loaded).
    #[arg(long, value_name = "NAME")]
    pub borough: Option<String>,
    /// The election (default: the borough's latest).
    #[arg(long, value_name = "YEAR")]
    pub election: Option<i32>,
    /// Compare with this earlier election on the same wards, for change, swing and gains
    /// (default: the previous one on the same wards, if any).
    #[arg(long, value_name = "YEAR")]
    pub from: Option<i32>,
    /// How vote shares are counted: `top-vote` or `total-votes`.
    #[arg(long, value_name = "METHOD", default_value = "top-vote", value_parser = super::summary::share_method_arg)]
    pub method: ShareMethod,
    /// Replace FILE if it exists.
    #[arg(long)]
    pub force: bool,
}

/// Write the table.
///
/// # Errors
/// No such borough or election, an explicit `--from` that cannot be compared ward by ward, or
/// a file that cannot be written (an existing one without `--force`).
pub fn run(data: &Dataset, args: &TableArgs) -> Result<String, String> {
    let overwrite = if args.force { Overwrite::Allow } else { Overwrite::Refuse };
    check_target(&args.out, overwrite).map_err(|e| e.to_string())?;
    let borough = choose_borough(data, args.borough.as_deref())?;
    let id = choose_election(data, &borough, args.election)?;
    if args.from.is_some() {
        crate::analysis::ElectionPair::with_baseline(data, id, args.from).map_err(|e| e.to_string())?;
    }
    let spec = ColourSpec { baseline: args.from, method: args.method, ..ColourSpec::winner() };
    let table = ward_table(data, id, &spec);
    let bytes = table.to_csv().map_err(|e| format!("could not write the table: {e}"))?;
    write_atomically(&args.out, &bytes, overwrite).map_err(|e| e.to_string())?;
    Ok(format!("wrote {} ({} wards, {} columns)\n", args.out.display(), table.rows.len(), table.columns.len()))
}
