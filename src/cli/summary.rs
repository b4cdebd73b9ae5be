//! `wardmap summary`: seat totals, shares and every ward's result, and (for `--from`/`--to`,
//! or against the previous election on the same wards) change, swing and gains; as text or a
//! stable JSON schema (documented in `docs/summary-json.md`).

mod compare;
mod text;

pub use compare::ComparisonSummary;
pub use text::render_text;

use crate::analysis::borough::borough_shares;
use crate::analysis::change::ElectionPair;
use crate::analysis::marginality::Majority;
use crate::analysis::share::{PartyVote, ShareMethod, shares};
use crate::analysis::{ContestOutcome, Winner, seat_totals};
use crate::model::{Dataset, ElectionId, Party};
use clap::Args;
use serde::Serialize;

#[derive(Debug, Args, Clone)]
pub struct SummaryArgs {
    /// The borough, loosely named ("redbridge", "Kensington and Chelsea", "K&C"), or `london`
    /// for the whole city with every borough's line (default: Barnet, or the only borough loaded).
    #[arg(long, value_name = "NAME")]
    pub borough: Option<String>,
    /// The election year to summarise (default: the latest with results).
    #[arg(long, value_name = "YEAR")]
    pub election: Option<i32>,
    /// Print JSON (schema `wardmap.summary/1`) instead of text.
    #[arg(long)]
    pub json: bool,
    /// Compare with this earlier election (default: the previous one on the same wards).
    #[arg(long, value_name = "YEAR")]
    pub from: Option<i32>,
    /// The election to summarise and compare to (the same as `--election`).
    #[arg(long, value_name = "YEAR")]
    pub to: Option<i32>,
    /// How vote shares are counted in multi-member wards: `top-vote` (each party's best
    /// candidate, as Britain Elects does) or `total-votes`.
    #[arg(long, value_name = "METHOD", default_value = "top-vote", value_parser = share_method_arg)]
    pub method: ShareMethod,
    /// The two parties of the Butler swing, positive towards the first.
    #[arg(long, value_name = "A,B", default_value = "Conservative,Labour", value_parser = parse_pair)]
    pub swing: (String, String),
}

/// `--method`, in the summary's own words for a method it does not know.
pub(crate) fn share_method_arg(text: &str) -> Result<ShareMethod, String> {
    text.parse().map_err(|_| format!("unknown method `{text}`: use top-vote or total-votes"))
}

fn parse_pair(text: &str) -> Result<(String, String), String> {
    match text.split_once(',') {
        Some((a, b)) if !a.trim().is_empty() && !b.trim().is_empty() => {
            let (pa, pb) = (Party::from_source(a), Party::from_source(b));
            if pa == pb {
                Err(format!("the swing needs two different parties, not {} twice", pa.name))
            } else {
                Ok((pa.name, pb.name))
            }
        }
        _ => Err(format!("`{text}` is not two parties separated by a comma, e.g. Conservative,Labour")),
    }
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
    /// Who controls the council: a party's name or "No overall control".
    pub control: crate::analysis::control::Control,
    /// The borough's turnout: summed ballots over summed electors, by the source's definition.
    pub turnout: crate::analysis::turnout::BoroughTurnout,
    /// Seats the source left unfilled, in words (counted nowhere).
    pub unfilled_seats: Vec<String>,
    /// For London: every borough's line at the same election, by name.
    pub boroughs: Option<Vec<super::boroughs::BoroughRow>>,
    /// Who published the figures (both elections' results when compared) and the boundaries,
    /// in the words their licences ask for: quote it with the figures.
    pub credits: String,
    /// How the `shares` here and in `wards` are counted: `top-vote` or `total-votes`.
    pub method: ShareMethod,
    /// Borough shares by party under `method`, most first.
    pub shares: Vec<PartyShare>,
    /// Change, swing and gains since `comparison.from`; `null` when there is nothing to
    /// compare with (then `comparison_unavailable` says why).
    pub comparison: Option<ComparisonSummary>,
    pub comparison_unavailable: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct PartyShare {
    pub party: String,
    pub short: String,
    pub colour: String,
    /// The party's votes under the method (best candidate, or all candidates; summed over
    /// wards for the borough).
    pub votes: u64,
    /// Percent, 2 decimals.
    pub share: f64,
}

#[derive(Clone, Debug, Serialize)]
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
    /// The majority as a percentage of the top-vote total (the sum of each party's best
    /// candidate's votes), 2 decimals.
    pub majority_percent: Option<f64>,
    pub total_votes: u64,
    /// Shares by party under the summary's `method`, most first.
    pub shares: Vec<PartyShare>,
    pub flag_disagreements: Vec<String>,
    /// Seats the source left unfilled (it flags every candidate and elects fewer).
    pub unfilled_seats: u32,
    pub candidates: Vec<CandidateSummary>,
}

#[derive(Debug, Serialize)]
pub struct CandidateSummary {
    pub name: String,
    /// The party, grouped across spellings ("Labour" for "Labour and Co-operative Party").
    pub party: String,
    /// The party label as the source printed it.
    pub party_label: String,
    pub votes: u64,
    /// Share of all votes cast in the ward, in percent.
    pub share: f64,
    /// Elected by the votes (the top `seats` candidates).
    pub elected: bool,
    /// What the source file says, when it says.
    pub elected_in_source: Option<bool>,
}

fn party_shares(shares: &[PartyVote]) -> Vec<PartyShare> {
    shares
        .iter()
        .map(|s| PartyShare {
            party: s.party.name.clone(),
            short: s.party.short.clone(),
            colour: s.party.colour.to_hex(),
            votes: s.votes,
            share: round2(s.share),
        })
        .collect()
}

/// Round to 2 decimals for the JSON.
fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

pub(crate) fn party_seats(seats: &[(crate::model::Party, u32)]) -> Vec<PartySeats> {
    seats
        .iter()
        .map(|(p, n)| PartySeats {
            party: p.name.clone(),
            short: p.short.clone(),
            colour: p.colour.to_hex(),
            seats: *n,
        })
        .collect()
}

/// Build the summary of one election with top-vote shares, compared with the previous
/// election on the same wards (Con↔Lab swing).
pub fn summarise(data: &Dataset, id: ElectionId) -> Option<Summary> {
    let options = Options { from: None, method: ShareMethod::TopVote, swing: ("Conservative".into(), "Labour".into()) };
    summarise_with(data, id, &options).ok()
}

/// What to measure beyond the results.
#[derive(Clone, Debug)]
pub struct Options {
    /// The year to compare with; `None`: the previous election on the same wards, if any.
    pub from: Option<i32>,
    pub method: ShareMethod,
    /// Butler swing pair, by party name.
    pub swing: (String, String),
}

/// Build the summary of one election with the measures. An explicit `from` that cannot be
/// compared ward by ward is an error; a missing previous election is not.
pub fn summarise_with(data: &Dataset, id: ElectionId, options: &Options) -> Result<Summary, String> {
    let mut summary = results_summary(data, id, options.method).ok_or("the election could not be summarised")?;
    let (a, b) = (Party::from_source(&options.swing.0), Party::from_source(&options.swing.1));
    match ElectionPair::with_baseline(data, id, options.from) {
        Ok(pair) => {
            summary.credits = crate::model::credits::attribution_for_all(data, Some(id), Some(pair.from));
            summary.comparison = Some(compare::compare(data, pair, options.method, &a, &b)?);
        }
        Err(reason) if options.from.is_some() => return Err(reason.to_string()),
        Err(reason) => summary.comparison_unavailable = Some(reason.to_string()),
    }
    Ok(summary)
}

fn results_summary(data: &Dataset, id: ElectionId, method: ShareMethod) -> Option<Summary> {
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
                majority_percent: Majority::from_outcome(contest, &outcome).and_then(|m| m.percent).map(round2),
                total_votes: outcome.total_votes,
                shares: party_shares(&shares(contest, method)),
                flag_disagreements: outcome.flag_disagreements.clone(),
                unfilled_seats: outcome.unfilled_seats,
                candidates: outcome
                    .ranking
                    .iter()
                    .map(|&i| {
                        let c = &contest.candidates[i];
                        CandidateSummary {
                            name: c.name.clone(),
                            party: c.party.name.clone(),
                            party_label: c.party_label.clone(),
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
        control: {
            let totals = seat_totals(election);
            crate::analysis::control::Control::of(&totals, totals.iter().map(|(_, n)| n).sum())
        },
        turnout: crate::analysis::turnout::BoroughTurnout::of(election),
        unfilled_seats: wards
            .iter()
            .filter(|(_, w)| w.unfilled_seats > 0)
            .map(|(_, w)| {
                let elected = w.seats - w.unfilled_seats;
                let left = if w.unfilled_seats == 1 {
                    "the seat left is".to_owned()
                } else {
                    format!("the {} seats left are", w.unfilled_seats)
                };
                format!("{}: {} seats, but the source elects {elected}; {left} counted for no party", w.name, w.seats)
            })
            .collect(),
        credits: crate::model::credits::attribution_for(data, Some(id)),
        boroughs: (election.borough == crate::session::london::LONDON)
            .then(|| super::boroughs::rows(data, election.year, None)),
        wards: wards.into_iter().map(|(_, w)| w).collect(),
        method,
        shares: party_shares(&borough_shares(election, method)),
        comparison: None,
        comparison_unavailable: None,
    })
}

/// A share in percent to one decimal, as the JSON schema promises: rounded once from the
/// counts, by the formatter the app uses.
fn percent(part: u64, whole: u64) -> f64 {
    crate::analysis::format::share_number(part, whole)
}

/// The borough meant by `name` among those loaded: loosely matched, `london` for the whole
/// city. Without a name, Barnet when loaded, else the borough of the latest election.
///
/// # Errors
/// No borough (or several) fits the name, in words listing the boroughs loaded.
pub fn choose_borough(data: &Dataset, name: Option<&str>) -> Result<String, String> {
    let boroughs = data.boroughs();
    match name {
        Some(name) => {
            crate::model::borough::find_borough(name, &boroughs).map(str::to_owned).map_err(|e| e.to_string())
        }
        None if boroughs.contains(&crate::session::london::BARNET) => Ok(crate::session::london::BARNET.to_owned()),
        None => data
            .elections
            .last()
            .map(|e| e.election.borough.clone())
            .ok_or_else(|| "no election results are loaded".to_owned()),
    }
}

/// Pick the election of `borough`: the asked year, or its latest.
///
/// # Errors
/// The borough has no election of that year (the message lists the years it has).
pub fn choose_election(data: &Dataset, borough: &str, year: Option<i32>) -> Result<ElectionId, String> {
    let ids = data.elections_of(borough);
    let years = || {
        ids.iter()
            .filter_map(|id| data.election(*id))
            .map(|e| e.election.year.to_string())
            .collect::<Vec<_>>()
            .join(", ")
    };
    match year {
        Some(year) => data
            .election_of(borough, year)
            .ok_or_else(|| format!("no results for {borough} {year} are loaded (its elections: {})", years())),
        None => ids.last().copied().ok_or_else(|| format!("no election results for {borough} are loaded")),
    }
}

pub fn run(data: &Dataset, args: &SummaryArgs) -> Result<String, String> {
    let year = match (args.election, args.to) {
        (Some(a), Some(b)) if a != b => {
            return Err(format!("--election {a} and --to {b} name different elections: give one of them"));
        }
        (a, b) => a.or(b),
    };
    let borough = choose_borough(data, args.borough.as_deref())?;
    let id = choose_election(data, &borough, year)?;
    let options = Options { from: args.from, method: args.method, swing: args.swing.clone() };
    let summary = summarise_with(data, id, &options)?;
    if args.json {
        let text = serde_json::to_string_pretty(&summary).map_err(|e| e.to_string())?;
        Ok(text + "\n")
    } else {
        Ok(render_text(&summary, data, id))
    }
}
