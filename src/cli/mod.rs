//! The command line: `wardmap` opens the app; `wardmap summary` and `wardmap export` work
//! without a display. Errors go to stderr with a non-zero exit.

pub mod export;
pub mod gui;
pub mod summary;

use crate::io;
use crate::model::Dataset;
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

/// Which data to open. With neither option, the embedded Barnet data.
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
}

/// Parse arguments and run.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Some(Command::Summary(args)) => report(load_data(&cli.data).and_then(|data| summary::run(&data, &args))),
        Some(Command::Export(args)) => report(load_data(&cli.data).and_then(|data| export::run(&data, &args))),
        None => {
            report(crate::ui::run_app(cli.data, cli.gui).map_err(|e| format!("wardmap could not open its window: {e}")))
        }
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

/// Load what the options name (files, or synthetic wards), or the embedded Barnet data,
/// keeping the warnings for the caller to show.
pub fn load_with_warnings(args: &DataArgs) -> Result<io::load::Loaded, String> {
    match args.synthetic {
        Some(wards) => crate::synthetic::load(wards as usize, crate::synthetic::DEFAULT_SEED),
        None => io::load::load_dataset(args.boundaries.as_deref(), &args.results),
    }
    .map_err(|e| e.to_string())
}

/// Load what the options name, or the embedded Barnet data. Warnings (skipped features,
/// join gaps, elected flags that disagree with the votes) go to stderr; errors are returned.
pub fn load_data(args: &DataArgs) -> Result<Dataset, String> {
    let loaded = load_with_warnings(args)?;
    for warning in &loaded.warnings {
        eprintln!("wardmap: note: {warning}");
    }
    Ok(loaded.dataset)
}
