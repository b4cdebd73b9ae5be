//! The command line: `wardmap` opens the app; `wardmap summary` and `wardmap export` work
//! without a display. Errors go to stderr with a non-zero exit.

pub mod boroughs;
pub mod export;
pub mod gui;
pub mod notional;
pub mod scatter;
pub mod small_multiples;
pub mod summary;
pub mod synthetic;
pub mod table;

use crate::model::Dataset;
use crate::session::{self, Source};
use clap::{Args, Parser, Subcommand};
use std::io::Write;
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
    /// Write N synthetic wards (not real data) as a GeoJSON file and a results CSV, the same
    /// data `--synthetic N` generates, so that other tools can be run on it.
    Synthetic(synthetic::SyntheticArgs),
}

/// Parse arguments and run. Each command returns the text it prints, and `report` writes it,
/// so that a closed pipe or a full disk on stdout is an error handled here, never a panic.
pub fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        // `--help`, `--version` and mistakes in the arguments: clap's words, written as the
        // commands' output is, so that `--help | head -1` and `--help > /dev/full` behave alike.
        Err(error) => {
            let code = u8::try_from(error.exit_code()).unwrap_or(2);
            return match error.print() {
                Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
                    report(Err(could_not_write(&e)), &mut std::io::sink(), &mut std::io::stderr().lock())
                }
                _ => ExitCode::from(code),
            };
        }
    };
    let output = match cli.command {
        Some(Command::Summary(args)) => load_data(&cli.data).and_then(|data| summary::run(&data, &args)),
        Some(Command::Export(args)) => load_data(&cli.data).and_then(|data| export::run(&data, &args)),
        Some(Command::Boroughs(args)) => load_data(&cli.data).and_then(|data| boroughs::run(&data, &args)),
        Some(Command::Table(args)) => load_data(&cli.data).and_then(|data| table::run(&data, &args)),
        Some(Command::Notional(args)) => load_data(&cli.data).and_then(|data| notional::run(&data, &args)),
        Some(Command::Scatter(args)) => load_data(&cli.data).and_then(|data| scatter::run(&data, &args)),
        Some(Command::Synthetic(args)) => synthetic::run(&cli.data, &args),
        None => gui::run(&cli.data, cli.gui).map(|()| String::new()),
    };
    report(output, &mut std::io::stdout().lock(), &mut std::io::stderr().lock())
}

/// Write a command's output to `out`, or its error to `err`, and choose the exit code. A reader
/// that went away (`wardmap summary | head -1`: Rust ignores SIGPIPE, so the write fails with
/// `BrokenPipe`) ends the run quietly with success, as other Unix tools do; any other failure to
/// write (a full disk) is one line on `err` and a failure.
fn report(result: Result<String, String>, out: &mut impl Write, err: &mut impl Write) -> ExitCode {
    let message = match result {
        Ok(text) => match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
            Ok(()) => return ExitCode::SUCCESS,
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => return ExitCode::SUCCESS,
            Err(e) => could_not_write(&e),
        },
        Err(message) => message,
    };
    // Nothing more can be done if stderr fails too.
    let _ = writeln!(err, "wardmap: {message}");
    ExitCode::FAILURE
}

/// The message for output that could not be written.
fn could_not_write(error: &std::io::Error) -> String {
    format!(
        "could not write the output: {}. Check there is room on the disk it goes to, or send it elsewhere",
        io_words(error)
    )
}

/// An io error in the system's words, without Rust's " (os error 28)".
fn io_words(error: &std::io::Error) -> String {
    let text = error.to_string();
    match text.find(" (os error") {
        Some(at) => text[..at].to_owned(),
        None => text,
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
    let mut err = std::io::stderr().lock();
    for warning in warnings {
        // A closed stderr must not stop the command; the notes are advice.
        let _ = writeln!(err, "wardmap: note: {warning}");
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

    /// A writer that fails every write with one kind of error.
    struct FailingKind(std::io::ErrorKind);

    impl Write for FailingKind {
        fn write(&mut self, _: &[u8]) -> std::io::Result<usize> {
            Err(std::io::Error::from(self.0))
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Err(std::io::Error::from(self.0))
        }
    }

    #[test]
    fn a_closed_pipe_ends_quietly_and_a_full_disk_is_one_line_and_a_failure() {
        let mut err = Vec::new();
        let code = report(Ok("text\n".into()), &mut FailingKind(std::io::ErrorKind::BrokenPipe), &mut err);
        assert_eq!(code, ExitCode::SUCCESS);
        assert!(err.is_empty());

        let code = report(Ok("text\n".into()), &mut FailingKind(std::io::ErrorKind::StorageFull), &mut err);
        assert_eq!(code, ExitCode::FAILURE);
        let text = String::from_utf8(err).expect("utf-8");
        assert_eq!(text.lines().count(), 1, "{text}");
        assert!(text.starts_with("wardmap: could not write the output: "), "{text}");

        let (mut out, mut err) = (Vec::new(), Vec::new());
        assert_eq!(report(Err("no such ward".into()), &mut out, &mut err), ExitCode::FAILURE);
        assert_eq!(String::from_utf8_lossy(&err), "wardmap: no such ward\n");
    }
}
