//! The command line: `wardmap` opens the app; `wardmap summary` and `wardmap export` work
//! without a display. Errors go to stderr with a non-zero exit.

pub mod boroughs;
pub mod export;
pub mod gui;
pub mod notional;
pub mod scatter;
pub mod summary;
pub mod table;

use crate::model::Dataset;
use crate::session::{self, Source};
use clap::{Args, Parser, Subcommand};
use std::path::PathBuf;
use std::process::ExitCode;

/// Explore council election results ward by ward on a map.
///
/// With no command, opens the app on the embedded Barnet data (or on the files given).
#[derive(Debug, Parser)]
#[command(name = "wardmap", version, about, long_about = None)]
pub struct Cli {
    #[command(flatten)]
    pub data: DataArgs,
    #[command(flatten)]
    pub gui: gui::GuiArgs,
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// Which data to open. With neither option, the embedded Barnet data. The rest of the crate
/// sees these as a [`Source`] ([`DataArgs::source`]).
#[derive(Debug, Args, Clone, Default)]
pub struct DataArgs {
    /// A ward boundary file (GeoJSON) to use instead of the embedded Barnet wards.
    #[arg(long, value_name = "FILE", global = true)]
    pub boundaries: Option<PathBuf>,
    /// A results file (CSV); repeat for several elections.
    #[arg(long, value_name = "FILE", global = true)]
    pub results: Vec<PathBuf>,
    /// Generate N synthetic wards around London with results (not real data) instead of
    /// reading files: for trying wardmap at scale.
    #[arg(long, value_name = "N", global = true, conflicts_with_all = ["boundaries", "results"],
          value_parser = clap::value_parser!(u32).range(1..=crate::synthetic::MAX_WARDS as i64))]
    pub synthetic: Option<u32>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Print seat totals and every ward's result, as text or JSON.
    Summary(summary::SummaryArgs),
    /// Save the map as a PNG or SVG image, with title, legend and attribution.
    Export(export::ExportArgs),
    /// One line per London borough at an election: control, seats by party, turnout and the
    /// seat change since another election.
    Boroughs(boroughs::BoroughsArgs),
    /// Write every ward of an election with each measure's value as CSV.
    Table(table::TableArgs),
    /// Estimate an election on the wards of a later one (a notional result) and write it as a
    /// results CSV with a `notional` column.
    Notional(notional::NotionalArgs),
    /// One measure against another, ward by ward: n, Pearson's r, the least-squares line and
    /// what r means; with --out, the plot (PNG, SVG) or its points (CSV).
    Scatter(scatter::ScatterArgs),
}

/// Parse arguments and run.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Some(Command::Summary(args)) => report(load_data(&cli.data).and_then(|data| summary::run(&data, &args))),
        Some(Command::Export(args)) => report(load_data(&cli.data).and_then(|data| export::run(&data, &args))),
        Some(Command::Boroughs(args)) => report(load_data(&cli.data).and_then(|data| boroughs::run(&data, &args))),
        Some(Command::Table(args)) => report(load_data(&cli.data).and_then(|data| table::run(&data, &args))),
        Some(Command::Notional(args)) => report(load_data(&cli.data).and_then(|data| notional::run(&data, &args))),
        Some(Command::Scatter(args)) => report(load_data(&cli.data).and_then(|data| scatter::run(&data, &args))),
        None => report(gui::run(&cli.data, cli.gui).map_err(|e| format!("wardmap could not open its window: {e}"))),
    }
}

fn report(result: Result<(), String>) -> ExitCode {
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("wardmap: {message}");
            ExitCode::FAILURE
        }
    }
}

impl DataArgs {
    /// Where the options say the data comes from.
    #[must_use]
    pub fn source(&self) -> Source {
        match self.synthetic {
            Some(wards) => Source::Synthetic { wards: wards as usize, seed: crate::synthetic::DEFAULT_SEED },
            None if self.boundaries.is_none() && self.results.is_empty() => Source::Embedded,
            None => Source::Files { boundaries: self.boundaries.clone(), results: self.results.clone() },
        }
    }
}

/// Load what the options name, or the embedded Barnet data. Warnings (skipped features,
/// join gaps, elected flags that disagree with the votes) go to stderr.
///
/// # Errors
/// A file that cannot be read or parsed, or results that match no ward, in words.
pub fn load_data(args: &DataArgs) -> Result<Dataset, String> {
    let source = args.source();
    let loaded = session::load(&source).map_err(|e| e.to_string())?;
    // The built-in data is checked by the tests and its known gaps are listed in
    // data/README.md; each command reports those of the borough it shows.
    let warnings: &[String] = if source == Source::Embedded { &[] } else { &loaded.warnings };
    for warning in warnings {
        eprintln!("wardmap: note: {warning}");
    }
    Ok(loaded.dataset)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_synthetic_option_loads_generated_wards_and_refuses_files_beside_it() {
        let cli = Cli::try_parse_from(["wardmap", "--synthetic", "40", "summary"]).expect("parses");
        assert_eq!(cli.data.synthetic, Some(40));
        let data = load_data(&cli.data).expect("loads");
        assert_eq!(data.ward_sets[0].wards.len(), 40);
        assert_eq!(data.elections[0].election.borough, crate::synthetic::BOROUGH);

        assert!(Cli::try_parse_from(["wardmap", "--synthetic", "40", "--boundaries", "x.geojson"]).is_err());
        assert!(Cli::try_parse_from(["wardmap", "--synthetic", "0"]).is_err());
        assert!(Cli::try_parse_from(["wardmap", "--synthetic", "50001"]).is_err());
    }
}
