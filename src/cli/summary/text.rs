//! The human-readable form of `wardmap summary`.

use super::{PartyShare, Summary, compare};
use crate::analysis::format::thousands;
use crate::analysis::{seat_totals, seat_totals_label};
use crate::model::{Dataset, ElectionId};

/// The human-readable form.
pub fn render_text(summary: &Summary, data: &Dataset, id: ElectionId) -> String {
    use std::fmt::Write;
    let mut out = String::new();
    let totals = data.election(id).map(|e| seat_totals(&e.election)).unwrap_or_default();
    let dates = if summary.poll_dates.is_empty() {
        String::new()
    } else {
        format!(" (polled {})", summary.poll_dates.join(", "))
    };
    let _ = writeln!(out, "{} {}{dates}", summary.borough, summary.election);
    let _ = writeln!(out, "Seats: {}", seat_totals_label(&totals));
    for (party, seats) in &totals {
        let _ = writeln!(out, "  {:<24} {seats}", party.name);
    }
    let _ = writeln!(out, "Control: {}", summary.control.label());
    let _ = writeln!(out, "Shares ({}): {}", summary.method.label(), shares_label(&summary.shares));
    let _ = writeln!(out, "Turnout: {}", summary.turnout.label());
    if let crate::analysis::turnout::BoroughTurnout::Computed { definition: Some(definition), .. } = &summary.turnout {
        let _ = writeln!(out, "  (turnout here: {definition})");
    }
    for note in &summary.unfilled_seats {
        let _ = writeln!(out, "Note: {note}");
    }
    if let Some(boroughs) = &summary.boroughs {
        let _ = writeln!(out);
        for row in boroughs {
            let seats =
                row.seat_totals.iter().map(|s| format!("{} {}", s.short, s.seats)).collect::<Vec<_>>().join(" · ");
            // The words' figure is rounded once from the exact value (the JSON's is to 2 places).
            let turnout = row.turnout.split(' ').next().filter(|t| t.ends_with('%')).unwrap_or("–").to_owned();
            let _ = writeln!(out, "  {:<24} {:<20} {seats:<44} turnout {turnout}", row.borough, row.control);
        }
        // Every London ward's result would run to thousands of lines: `--json` has them.
        let _ = writeln!(out, "\nSources: {}", summary.credits);
        return out;
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
        let majority = match (ward.majority, ward.majority_percent) {
            (None, _) => "none (uncontested)".to_owned(),
            (Some(m), Some(p)) => format!(
                "{} {} ({} of the top-vote total)",
                thousands(m),
                votes_word(m),
                crate::analysis::format::percent_text(p)
            ),
            (Some(m), None) => format!("{} {}", thousands(m), votes_word(m)),
        };
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
            let share = crate::analysis::format::share_text(c.votes, ward.total_votes);
            let _ = writeln!(out, "  {:<32} {:<22} {:>6} {share:>6}  {mark}", c.name, c.party, thousands(c.votes));
            if !c.party_label.is_empty() && c.party_label != c.party {
                let _ = writeln!(out, "    (printed as \"{}\")", c.party_label);
            }
        }
        for note in &ward.flag_disagreements {
            let _ = writeln!(out, "  note: {note}");
        }
        let _ = writeln!(out, "  shares ({}): {}", summary.method.label(), shares_label(&ward.shares));
    }
    let _ = writeln!(out);
    let _ = writeln!(out, "Sources: {}", summary.credits);
    match (&summary.comparison, &summary.comparison_unavailable) {
        (Some(c), _) => compare::render(&mut out, c),
        (None, Some(reason)) => {
            let _ = writeln!(out, "No comparison: {reason}");
        }
        (None, None) => {}
    }
    out
}

fn votes_word(n: u64) -> &'static str {
    if n == 1 { "vote" } else { "votes" }
}

/// "Con 45.2% · Lab 38.1%".
fn shares_label(shares: &[PartyShare]) -> String {
    shares.iter().map(|s| format!("{} {:.1}%", s.short, s.share)).collect::<Vec<_>>().join(" · ")
}
