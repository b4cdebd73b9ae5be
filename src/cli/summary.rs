//! `wardmap summary`: seat totals and every ward's result, as text or a stable JSON schema
//! (documented in `docs/summary-json.md`).

use crate::analysis::{ContestOutcome, Winner, seat_totals, seat_totals_label};
use crate::model::{Dataset, ElectionId};
use clap::Args;
use serde::Serialize;

#[derive(Debug, Args, Clone)]
pub struct SummaryArgs {
    /// The election year to summarise (default: the latest with results).
    #[arg(long, value_name = "YEAR")]
    pub election: Option<i32>,
    /// Print JSON (schema `wardmap.summary/1`) instead of text.
    #[arg(long)]
    pub json: bool,
}

/// Version tag of the JSON output; bumped only on incompatible change.
pub const SCHEMA: &str = "wardmap.summary/1";

#[derive(Debug, Serialize)]
pub struct Summary {
    pub schema: &'static str,
    pub borough: String,
    pub election: i32,
    pub poll_dates: Vec<String>,
    pub ward_set: Option<String>,
    pub seat_totals: Vec<PartySeats>,
    pub join: JoinSummary,
    pub wards: Vec<WardSummary>,
}

#[derive(Debug, Serialize)]
pub struct PartySeats {
    pub party: String,
    pub short: String,
    pub colour: String,
    pub seats: u32,
}

#[derive(Debug, Serialize)]
pub struct JoinSummary {
    pub wards_in_set: usize,
    pub contests: usize,
    pub matched: usize,
    pub results_without_ward: Vec<String>,
    pub wards_without_results: Vec<String>,
    pub duplicate_results: Vec<String>,
}

#[derive(Debug, Serialize)]
pub struct WardSummary {
    /// ONS code of the ward the result joined to (or the result's own code when unjoined).
    pub code: Option<String>,
    pub name: String,
    /// `code` or `name`: how the result was joined to a ward polygon; `null` when it was not.
    pub joined_by: Option<crate::model::join::MatchRule>,
    pub poll_date: Option<String>,
    pub seats: u32,
    pub seats_by_party: Vec<PartySeats>,
    pub winner: Winner,
    pub winner_label: String,
    pub majority: Option<u64>,
    pub total_votes: u64,
    pub flag_disagreements: Vec<String>,
    pub candidates: Vec<CandidateSummary>,
}

#[derive(Debug, Serialize)]
pub struct CandidateSummary {
    pub name: String,
    pub party: String,
    pub votes: u64,
    /// Share of all votes cast in the ward, in percent.
    pub share: f64,
    /// Elected by the votes (the top `seats` candidates).
    pub elected: bool,
    /// What the source file says, when it says.
    pub elected_in_source: Option<bool>,
}

fn party_seats(seats: &[(crate::model::Party, u32)]) -> Vec<PartySeats> {
    seats
        .iter()
        .map(|(p, n)| PartySeats { party: p.name.clone(), short: p.short.clone(), colour: p.colour.to_hex(), seats: *n })
        .collect()
}

/// Build the summary of one election.
pub fn summarise(data: &Dataset, id: ElectionId) -> Option<Summary> {
    let joined = data.election(id)?;
    let election = &joined.election;
    let set = joined.ward_set.and_then(|s| data.ward_set(s));
    let mut wards: Vec<(Option<usize>, WardSummary)> = election
        .contests
        .iter()
        .zip(&joined.join.ward_of_contest)
        .map(|(contest, joined_to)| {
            let outcome = ContestOutcome::of(contest);
            let ward = joined_to.and_then(|(w, _)| set.and_then(|s| s.wards.get(w)));
            let summary = WardSummary {
                code: ward.and_then(|w| w.code.clone()).or_else(|| contest.ward_code.clone()),
                name: ward.map_or_else(|| contest.ward_name.clone(), |w| w.name.clone()),
                joined_by: joined_to.map(|(_, rule)| rule),
                poll_date: contest.poll_date.map(|d| d.to_string()),
                seats: contest.seats,
                seats_by_party: party_seats(&outcome.seats),
                winner_label: outcome.winner_label(),
                winner: outcome.winner.clone(),
                majority: outcome.majority,
                total_votes: outcome.total_votes,
                flag_disagreements: outcome.flag_disagreements.clone(),
                candidates: outcome
                    .ranking
                    .iter()
                    .map(|&i| {
                        let c = &contest.candidates[i];
                        CandidateSummary {
                            name: c.name.clone(),
                            party: c.party.name.clone(),
                            votes: c.votes,
                            share: percent(c.votes, outcome.total_votes),
                            elected: outcome.elected[i],
                            elected_in_source: c.elected,
                        }
                    })
                    .collect(),
            };
            (joined_to.map(|(w, _)| w), summary)
        })
        .collect();
    // Ward-set order (by code, as the boundary file has it), unjoined results last by name.
    wards.sort_by(|(a, wa), (b, wb)| a.is_none().cmp(&b.is_none()).then(a.cmp(b)).then_with(|| wa.name.cmp(&wb.name)));
    Some(Summary {
        schema: SCHEMA,
        borough: election.borough.clone(),
        election: election.year,
        poll_dates: election.poll_dates().iter().map(ToString::to_string).collect(),
        ward_set: set.map(|s| s.name.clone()),
        seat_totals: party_seats(&seat_totals(election)),
        join: JoinSummary {
            wards_in_set: set.map_or(0, |s| s.wards.len()),
            contests: election.contests.len(),
            matched: joined.join.matched_count(),
            results_without_ward: joined.join.results_without_ward.clone(),
            wards_without_results: joined.join.wards_without_results.clone(),
            duplicate_results: joined.join.duplicate_results.clone(),
        },
        wards: wards.into_iter().map(|(_, w)| w).collect(),
    })
}

fn percent(part: u64, whole: u64) -> f64 {
    if whole == 0 { 0.0 } else { (part as f64 * 1000.0 / whole as f64).round() / 10.0 }
}

/// Pick the election: the asked year, or the latest.
pub fn choose_election(data: &Dataset, year: Option<i32>) -> Result<ElectionId, String> {
    let years = || data.elections.iter().map(|e| e.election.year.to_string()).collect::<Vec<_>>().join(", ");
    match year {
        Some(year) => data
            .election_by_year(year)
            .ok_or_else(|| format!("no results for {year} are loaded (elections loaded: {})", years())),
        None => data
            .elections
            .len()
            .checked_sub(1)
            .map(ElectionId)
            .ok_or_else(|| "no election results are loaded".to_owned()),
    }
}

pub fn run(data: &Dataset, args: &SummaryArgs) -> Result<(), String> {
    let id = choose_election(data, args.election)?;
    let summary = summarise(data, id).ok_or("the election could not be summarised")?;
    if args.json {
        let text = serde_json::to_string_pretty(&summary).map_err(|e| e.to_string())?;
        println!("{text}");
    } else {
        print!("{}", render_text(&summary, data, id));
    }
    Ok(())
}

/// The human-readable form.
pub fn render_text(summary: &Summary, data: &Dataset, id: ElectionId) -> String {
    use std::fmt::Write;
    let mut out = String::new();
    let totals = data.election(id).map(|e| seat_totals(&e.election)).unwrap_or_default();
    let _ = writeln!(out, "{} {} ({})", summary.borough, summary.election, summary.poll_dates.join(", "));
    let _ = writeln!(out, "Seats: {}", seat_totals_label(&totals));
    for (party, seats) in &totals {
        let _ = writeln!(out, "  {:<24} {seats}", party.name);
    }
    let j = &summary.join;
    let _ = writeln!(
        out,
        "Wards: {} of {} results joined to the {} wards of {}",
        j.matched,
        j.contests,
        j.wards_in_set,
        summary.ward_set.as_deref().unwrap_or("no ward set")
    );
    for name in &j.results_without_ward {
        let _ = writeln!(out, "  result with no ward: {name}");
    }
    for name in &j.wards_without_results {
        let _ = writeln!(out, "  ward with no result: {name}");
    }
    for ward in &summary.wards {
        let _ = writeln!(out);
        let majority = ward.majority.map_or_else(|| "none (uncontested)".to_owned(), |m| format!("{m} votes"));
        let _ = writeln!(
            out,
            "{} {} ({} seats): {}; majority {majority}",
            ward.code.as_deref().unwrap_or("(no code)"),
            ward.name,
            ward.seats,
            ward.winner_label,
        );
        for c in &ward.candidates {
            let mark = if c.elected { "elected" } else { "" };
            let _ = writeln!(out, "  {:<32} {:<22} {:>6} {:>5.1}%  {mark}", c.name, c.party, c.votes, c.share);
        }
        for note in &ward.flag_disagreements {
            let _ = writeln!(out, "  note: {note}");
        }
    }
    out
}
