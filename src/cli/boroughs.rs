//! `wardmap boroughs`: one line per borough at one election, with control, seats by party,
//! turnout and the seat change since another election (which may have been fought on other
//! wards: seat totals need no ward to match). As text or JSON (`wardmap.boroughs/1`).

use crate::analysis::control::{BoroughLine, seat_change_label};
use crate::model::Dataset;
use crate::session::london::LONDON;
use clap::Args;
use serde::Serialize;

#[derive(Debug, Args, Clone)]
pub struct BoroughsArgs {
    /// The election year (default: the latest).
    #[arg(long, value_name = "YEAR")]
    pub election: Option<i32>,
    /// Show each borough's seat change since this earlier election.
    #[arg(long, value_name = "YEAR")]
    pub from: Option<i32>,
    /// Print JSON (schema `wardmap.boroughs/1`) instead of text.
    #[arg(long)]
    pub json: bool,
}

/// Version tag of the JSON output.
pub const SCHEMA: &str = "wardmap.boroughs/1";

/// One borough's line, as the JSON gives it.
#[derive(Clone, Debug, Serialize)]
pub struct BoroughRow {
    pub borough: String,
    pub election: i32,
    /// Seats filled.
    pub seats: u32,
    /// "Labour", or "No overall control".
    pub control: String,
    pub seat_totals: Vec<super::summary::PartySeats>,
    /// Summed ballots over summed electors, percent (2 decimals); `null` when not computed.
    pub turnout_percent: Option<f64>,
    /// The turnout, or why there is none, in words ("37.9% (97,480 ballots of 256,974
    /// electors)"), rounded once from the exact figure.
    pub turnout: String,
    /// Since `from`: seats gained (+) and lost (−) by party; `null` without `--from`, or when
    /// the borough has no election that year.
    pub from: Option<i32>,
    pub seat_change: Option<Vec<SeatChange>>,
}

#[derive(Clone, Debug, Serialize)]
pub struct SeatChange {
    pub party: String,
    pub short: String,
    pub change: i64,
}

#[derive(Debug, Serialize)]
struct Output {
    schema: &'static str,
    election: i32,
    from: Option<i32>,
    boroughs: Vec<BoroughRow>,
    /// London as a whole (the sum of the boroughs), when loaded.
    london: Option<BoroughRow>,
}

fn row(line: &BoroughLine) -> BoroughRow {
    BoroughRow {
        borough: line.borough.clone(),
        election: line.year,
        seats: line.seats,
        control: line.control.label(),
        seat_totals: super::summary::party_seats(&line.seats_by_party),
        turnout_percent: line.turnout.percent().map(|p| (p * 100.0).round() / 100.0),
        turnout: line.turnout.label(),
        from: line.from,
        seat_change: line.change.as_ref().map(|change| {
            change
                .iter()
                .map(|(p, d)| SeatChange { party: p.name.clone(), short: p.short.clone(), change: *d })
                .collect()
        }),
    }
}

/// Every borough's line at the `year` election (London itself left out), by name.
#[must_use]
pub fn rows(data: &Dataset, year: i32, from: Option<i32>) -> Vec<BoroughRow> {
    lines(data, year, from).iter().filter(|l| l.borough != LONDON).map(row).collect()
}

fn lines(data: &Dataset, year: i32, from: Option<i32>) -> Vec<BoroughLine> {
    let mut lines: Vec<BoroughLine> = data
        .elections
        .iter()
        .enumerate()
        .filter(|(_, e)| e.election.year == year)
        .filter_map(|(index, _)| BoroughLine::of(data, crate::model::ElectionId(index), from))
        .collect();
    lines.sort_by(|a, b| a.borough.cmp(&b.borough));
    lines
}

/// The table, as the text to print.
///
/// # Errors
/// No election of that year (or of `--from`) is loaded.
pub fn run(data: &Dataset, args: &BoroughsArgs) -> Result<String, String> {
    let mut years: Vec<i32> = data.elections.iter().map(|e| e.election.year).collect();
    years.sort_unstable();
    years.dedup();
    let listed = || years.iter().map(ToString::to_string).collect::<Vec<_>>().join(", ");
    let year = match args.election {
        Some(year) if years.contains(&year) => year,
        Some(year) => return Err(format!("no results for {year} are loaded (elections loaded: {})", listed())),
        None => *years.last().ok_or("no election results are loaded")?,
    };
    if let Some(from) = args.from {
        if !years.contains(&from) {
            return Err(format!("no results for {from} are loaded (elections loaded: {})", listed()));
        }
        if from >= year {
            return Err(format!("--from {from} is not before the {year} election: give an earlier year"));
        }
    }
    let lines = lines(data, year, args.from);
    if args.json {
        let output = Output {
            schema: SCHEMA,
            election: year,
            from: args.from,
            boroughs: lines.iter().filter(|l| l.borough != LONDON).map(row).collect(),
            london: lines.iter().find(|l| l.borough == LONDON).map(row),
        };
        Ok(serde_json::to_string_pretty(&output).map_err(|e| e.to_string())? + "\n")
    } else {
        Ok(render_text(&lines, year, args.from))
    }
}

/// The text table: London last, as the total.
#[must_use]
pub fn render_text(lines: &[BoroughLine], year: i32, from: Option<i32>) -> String {
    use std::fmt::Write;
    let mut out = String::new();
    let change_title = from.map(|f| format!("  change since {f}")).unwrap_or_default();
    let _ = writeln!(
        out,
        "Borough elections {year}{}",
        from.map(|f| format!(", seat change since {f}")).unwrap_or_default()
    );
    let _ = writeln!(
        out,
        "{:<24} {:<20} {:>5}  {:<44} {:>8}{change_title}",
        "borough", "control", "seats", "seats by party", "turnout"
    );
    let ordered = lines.iter().filter(|l| l.borough != LONDON).chain(lines.iter().filter(|l| l.borough == LONDON));
    for line in ordered {
        let seats = crate::analysis::seat_totals_label(&line.seats_by_party);
        let turnout = line.turnout.percent().map_or_else(|| "–".to_owned(), |p| format!("{p:.1}%"));
        let change = match (&line.change, from) {
            (Some(change), Some(_)) => format!("  {}", seat_change_label(change)),
            (None, Some(f)) => format!("  (no {f} election)"),
            _ => String::new(),
        };
        let _ = writeln!(
            out,
            "{:<24} {:<20} {:>5}  {seats:<44} {turnout:>8}{change}",
            line.borough,
            line.control.label(),
            line.seats
        );
    }
    out
}
