//! `wardmap notional`: an election estimated on the wards of a later one of its borough,
//! written as wardmap's own results CSV with a `notional` column, so it opens like any results
//! file (and in a spreadsheet). The method is `docs/notional.md`.

use super::summary::{choose_borough, choose_election};
use crate::model::{Dataset, WeightMethod};
use crate::render::{Overwrite, check_target, write_atomically};
use clap::Args;
use std::path::PathBuf;

#[derive(Debug, Args, Clone)]
pub struct NotionalArgs {
    /// The borough, loosely named (default: Barnet, or the only borough loaded).
    #[arg(long, value_name = "NAME")]
    pub borough: Option<String>,
    /// The election to estimate.
    #[arg(long, value_name = "YEAR")]
    pub from: i32,
    /// The later election whose wards to estimate it on.
    #[arg(long, value_name = "YEAR")]
    pub onto: i32,
    /// How old wards' voters are shared among new wards: `postcodes` (the share of each old
    /// ward's postcode points in each new ward; area where it has fewer than 20) or `area`.
    #[arg(long, value_name = "METHOD", default_value = "postcodes", value_parser = weights_arg)]
    pub weights: WeightMethod,
    /// The CSV file to write.
    #[arg(long, value_name = "FILE.csv")]
    pub out: PathBuf,
    /// Replace FILE if it exists.
    #[arg(long)]
    pub force: bool,
}

fn weights_arg(text: &str) -> Result<WeightMethod, String> {
    match text.trim().to_ascii_lowercase().as_str() {
        "postcodes" | "postcode" => Ok(WeightMethod::Postcodes),
        "area" => Ok(WeightMethod::Area),
        _ => Err(format!("unknown weights `{text}`: use postcodes or area")),
    }
}

/// Estimate and write.
///
/// # Errors
/// No such borough or election, `--onto` not later or on the same wards, or a file that
/// cannot be written (an existing one without `--force`).
pub fn run(data: &Dataset, args: &NotionalArgs) -> Result<String, String> {
    let overwrite = if args.force { Overwrite::Allow } else { Overwrite::Refuse };
    check_target(&args.out, overwrite).map_err(|e| e.to_string())?;
    let borough = choose_borough(data, args.borough.as_deref())?;
    let from = choose_election(data, &borough, Some(args.from))?;
    let onto = choose_election(data, &borough, Some(args.onto))?;
    if args.onto <= args.from {
        return Err(format!("--onto {} must be later than --from {}", args.onto, args.from));
    }
    let (Some(old), Some(new)) = (data.election(from), data.election(onto)) else {
        return Err("the elections are not loaded".into());
    };
    let (Some(old_set), Some(new_set)) = (old.ward_set, new.ward_set) else {
        return Err(format!(
            "{} or {} has no ward boundaries to estimate on",
            old.election.title(),
            new.election.title()
        ));
    };
    if old_set == new_set {
        return Err(format!(
            "{} and {} were fought on the same wards: the actual {} result is its own notional",
            old.election.title(),
            new.election.title(),
            args.from
        ));
    }
    let mut estimated = data.clone();
    if args.weights != WeightMethod::default() {
        crate::session::notional::attach(&mut estimated, args.weights);
    }
    let notional = estimated
        .notional_of(from, new_set)
        .and_then(|id| estimated.notional(id))
        .ok_or_else(|| format!("no notional {} result on the {} wards could be made", args.from, args.onto))?;
    let bytes = crate::io::results_write::own_csv(&notional.joined.election, true)
        .map_err(|e| format!("could not write the results: {e}"))?;
    write_atomically(&args.out, &bytes, overwrite).map_err(|e| e.to_string())?;
    let seats = crate::analysis::seat_totals(&notional.joined.election);
    let seat_text: Vec<String> = seats.iter().map(|(p, n)| format!("{} {n}", p.short)).collect();
    let set = estimated.ward_set(new_set).map_or_else(String::new, |s| s.name.clone());
    Ok(format!(
        "wrote {}: {} {} notional on {set} ({} wards; by {}{}); notional seats {}\n",
        args.out.display(),
        borough,
        args.from,
        notional.joined.election.contests.len(),
        args.weights.key(),
        match notional.weights.area_fallbacks() {
            0 => String::new(),
            n => format!(", {n} old ward(s) by area for too few postcodes"),
        },
        seat_text.join(", ")
    ))
}
