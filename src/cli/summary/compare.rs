//! The comparison part of `wardmap summary`: change in share, Butler swing for a pair of
//! parties and seat gains between two elections on the same ward set.

use super::{PartySeats, party_seats, round2};
use crate::analysis::borough::BoroughChange;
use crate::analysis::change::{ElectionPair, ShareChange, Swing, points_label, share_change, swing_label, ward_swing};
use crate::analysis::gains::{GainsReport, SeatGain, signed};
use crate::analysis::share::{ShareMethod, party_votes};
use crate::model::{Dataset, Party};
use serde::Serialize;

/// Everything compared between two elections (`comparison` in the JSON).
#[derive(Debug, Serialize)]
pub struct ComparisonSummary {
    pub from: i32,
    pub to: i32,
    /// `top-vote` or `total-votes`: how every share here is counted.
    pub method: ShareMethod,
    pub swing_pair: SwingPair,
    /// `true` when `from` was fought on other wards and its notional result on the wards of
    /// `to` is compared (every ward figure and the borough seats here are then notional).
    pub notional: bool,
    /// With `notional`: how the voters of the old wards were shared out, `postcodes` or `area`.
    pub notional_weights: Option<crate::model::WeightMethod>,
    /// With `notional`: the method in one paragraph (`docs/notional.md` says more).
    pub notional_method: Option<String>,
    /// With `notional`: each party's seats as declared at both elections, beside the
    /// notional `borough.seats` (they differ by the seats the boundary change itself moved).
    pub actual_seats: Option<Vec<SeatChangeSummary>>,
    pub borough: BoroughComparison,
    /// In ward-set order; wards with a result in both elections.
    pub wards: Vec<WardComparison>,
}

#[derive(Debug, Serialize)]
pub struct SwingPair {
    /// Positive swing is towards `a`.
    pub a: String,
    pub b: String,
}

#[derive(Debug, Serialize)]
pub struct BoroughComparison {
    pub swing: SwingSummary,
    pub shares: Vec<ShareChangeSummary>,
    pub seats: Vec<SeatChangeSummary>,
    pub gains: Vec<GainSummary>,
    /// "Con +6 · Lab −5 · LD −1".
    pub net_label: String,
}

#[derive(Debug, Serialize)]
pub struct SwingSummary {
    /// Butler swing in percentage points, 2 decimals; positive is to `a`.
    pub points: f64,
    /// "8.1 pts swing to Conservative".
    pub label: String,
    pub a: ShareChangeSummary,
    pub b: ShareChangeSummary,
}

#[derive(Debug, Serialize)]
pub struct ShareChangeSummary {
    pub party: String,
    pub short: String,
    /// Percent, 2 decimals.
    pub from: f64,
    pub to: f64,
    /// Percentage points, 2 decimals.
    pub change: f64,
}

#[derive(Debug, Serialize)]
pub struct SeatChangeSummary {
    pub party: String,
    pub short: String,
    pub from: u32,
    pub to: u32,
    pub gained: u32,
    pub lost: u32,
    pub net: i64,
}

#[derive(Debug, Serialize)]
pub struct GainSummary {
    pub gainer: String,
    /// `null` for a seat that did not exist before.
    pub loser: Option<String>,
    pub seats: u32,
    /// "3 Con gains from Lab".
    pub label: String,
}

#[derive(Debug, Serialize)]
pub struct WardComparison {
    /// The earlier figures are notional (see [`ComparisonSummary::notional`]).
    pub notional: bool,
    pub code: Option<String>,
    pub name: String,
    pub swing: Option<SwingSummary>,
    /// Every party that stood in either election, by share in the later one.
    pub share_change: Vec<ShareChangeSummary>,
    pub seats_from: Vec<PartySeats>,
    pub seats_to: Vec<PartySeats>,
    pub holds: Vec<PartySeats>,
    pub gains: Vec<GainSummary>,
    /// No seat changed hands.
    pub hold: bool,
    /// "3 Con gains from Lab", "Con hold".
    pub label: String,
    /// The multi-member majority in the earlier and the later election (votes); `null` when
    /// every candidate was elected.
    pub majority_from: Option<u64>,
    pub majority_to: Option<u64>,
}

fn share_change_summary(party: &Party, change: ShareChange) -> ShareChangeSummary {
    ShareChangeSummary {
        party: party.name.clone(),
        short: party.short.clone(),
        from: round2(change.from),
        to: round2(change.to),
        change: round2(change.points),
    }
}

fn swing_summary(swing: Swing, a: &Party, b: &Party) -> SwingSummary {
    SwingSummary {
        points: round2(swing.points),
        label: swing_label(swing.points, a, b),
        a: share_change_summary(a, swing.a),
        b: share_change_summary(b, swing.b),
    }
}

fn gain_summary(gain: &SeatGain) -> GainSummary {
    GainSummary {
        gainer: gain.gainer.name.clone(),
        loser: gain.loser.as_ref().map(|p| p.name.clone()),
        seats: gain.seats,
        label: gain.label(),
    }
}

/// Compare a pair of elections for the summary.
pub fn compare(
    data: &Dataset,
    pair: ElectionPair,
    method: ShareMethod,
    a: &Party,
    b: &Party,
) -> Result<ComparisonSummary, String> {
    let borough = BoroughChange::of(data, pair, method).map_err(|e| e.to_string())?;
    let report = GainsReport::of(data, pair);
    let set = data.ward_set(pair.ward_set).ok_or("The ward set is not loaded")?;
    let wards = pair
        .contests(data)
        .into_iter()
        .zip(&report.wards)
        .zip(&set.wards)
        .filter_map(|((both, change), ward)| {
            let ((x, y), change) = both.zip(change.as_ref())?;
            let mut parties: Vec<Party> = party_votes(y, method).into_iter().map(|(p, _)| p).collect();
            for (p, _) in party_votes(x, method) {
                if !parties.contains(&p) {
                    parties.push(p);
                }
            }
            Some(WardComparison {
                notional: pair.notional.is_some(),
                code: ward.code.clone(),
                name: ward.name.clone(),
                swing: ward_swing(x, y, a, b, method).map(|s| swing_summary(s, a, b)),
                share_change: parties
                    .iter()
                    .filter_map(|p| share_change(x, y, p, method).map(|c| share_change_summary(p, c)))
                    .collect(),
                seats_from: party_seats(&change.seats_from),
                seats_to: party_seats(&change.seats_to),
                holds: party_seats(&change.holds),
                gains: change.gains.iter().map(gain_summary).collect(),
                hold: change.is_hold(),
                label: change.label(),
                majority_from: crate::analysis::ContestOutcome::of(x).majority,
                majority_to: crate::analysis::ContestOutcome::of(y).majority,
            })
        })
        .collect();
    let notional = pair.notional(data);
    Ok(ComparisonSummary {
        from: borough.from_year,
        to: borough.to_year,
        method,
        swing_pair: SwingPair { a: a.name.clone(), b: b.name.clone() },
        notional: notional.is_some(),
        notional_weights: notional.map(|n| n.weights.method),
        notional_method: notional.map(|n| {
            let note = pair.notional_note(data).unwrap_or_default();
            format!("{note}. {}", crate::model::notional::method_note(n.weights.method))
        }),
        actual_seats: borough.actual_seats.as_ref().map(|rows| {
            rows.iter()
                .map(|(party, from, to)| SeatChangeSummary {
                    party: party.name.clone(),
                    short: party.short.clone(),
                    from: *from,
                    to: *to,
                    gained: to.saturating_sub(*from),
                    lost: from.saturating_sub(*to),
                    net: i64::from(*to) - i64::from(*from),
                })
                .collect()
        }),
        borough: BoroughComparison {
            swing: swing_summary(borough.swing(a, b), a, b),
            shares: borough.shares.iter().map(|s| share_change_summary(&s.party, s.change)).collect(),
            seats: borough
                .seats
                .iter()
                .map(|s| SeatChangeSummary {
                    party: s.party.name.clone(),
                    short: s.party.short.clone(),
                    from: s.seats_from,
                    to: s.seats_to,
                    gained: s.gained,
                    lost: s.lost,
                    net: s.net,
                })
                .collect(),
            gains: borough.gains.iter().map(gain_summary).collect(),
            net_label: report.net_label(),
        },
        wards,
    })
}

/// The comparison as text.
pub fn render(out: &mut String, c: &ComparisonSummary) {
    use std::fmt::Write;
    let notional = if c.notional { " (notional)" } else { "" };
    let _ = writeln!(out, "Change {}{notional}→{} (shares by the {})", c.from, c.to, c.method.label());
    if let Some(method) = &c.notional_method {
        let _ = writeln!(out, "  {method}");
    }
    let seat_line = |rows: &[SeatChangeSummary]| {
        rows.iter().map(|s| format!("{} {} → {} ({})", s.short, s.from, s.to, signed(s.net))).collect::<Vec<_>>()
    };
    let label = if c.notional { "Seats, notional → won" } else { "Seats" };
    let _ = writeln!(out, "  {label}: {}", seat_line(&c.borough.seats).join(" · "));
    if let Some(actual) = &c.actual_seats {
        let _ = writeln!(out, "  Seats as declared: {}", seat_line(actual).join(" · "));
        let _ = writeln!(
            out,
            "  (The two differ by what the new boundaries alone would have changed: the notional {} seats are \
             the {} votes counted on the {} wards.)",
            c.from, c.from, c.to
        );
    }
    let gains: Vec<&str> = c.borough.gains.iter().map(|g| g.label.as_str()).collect();
    let _ = writeln!(out, "  Gains: {}", if gains.is_empty() { "none".to_owned() } else { gains.join("; ") });
    for s in &c.borough.shares {
        let _ = writeln!(out, "  {:<24} {:>5.1}% → {:>5.1}%  {}", s.party, s.from, s.to, points_label(s.change));
    }
    let _ = writeln!(out, "  Swing {}↔{} (Butler): {}", c.swing_pair.a, c.swing_pair.b, c.borough.swing.label);
    if c.notional {
        let _ = writeln!(out, "  Wards (against the notional {} result):", c.from);
    }
    for w in &c.wards {
        let swing = w.swing.as_ref().map_or("no swing figure", |s| s.label.as_str());
        let mark = if w.notional { "notional " } else { "" };
        let majority = |m: Option<u64>| m.map_or_else(|| "none".to_owned(), crate::analysis::format::thousands);
        let _ = writeln!(
            out,
            "  {:<22} {mark}{:<36} {mark}{:<28} majority {} → {}",
            w.name,
            swing,
            w.label,
            majority(w.majority_from),
            majority(w.majority_to)
        );
    }
}
