//! Results for the synthetic wards in wardmap's own CSV (`data/README.md`): three seats per
//! ward, 6 to 10 candidates, six parties whose strength varies smoothly over the map, so that
//! the winner map shows regions and marginal seats rather than noise.

use std::fmt::Write as _;

use super::layout::Layout;
use super::names::{candidate_name, ward_code, ward_name};
use super::rng::{hash, unit, unit_of};

/// Poll date of the synthetic election.
pub const POLL_DATE: &str = "2022-05-05";
/// Seats in every ward.
const SEATS: usize = 3;
/// Parties as sources spell them, with their base strength (a log-odds offset).
const PARTIES: [(&str, f64); 6] = [
    ("Labour", 0.6),
    ("Conservative", 0.5),
    ("Liberal Democrat", 0.35),
    ("Green Party", 0.05),
    ("Independent", -0.7),
    ("Residents Association", -0.9),
];
/// Smooth variation of each party's strength over the region: (amplitude, spatial frequency).
const WAVES: [(f64, f64); 3] = [(0.9, 2.0), (0.45, 4.5), (0.2, 9.0)];
/// Tags keeping hashes apart.
const WAVE: u64 = 0x3A7E;
const WARD: u64 = 0x3A7D;

/// The CSV text: one row per candidate, wards in the layout's order.
pub fn write(layout: &Layout, seed: u64, borough: &str) -> String {
    let mut out = String::with_capacity(layout.cells.len() * 8 * 90 + 128);
    out.push_str("election_date,borough,ward_code,ward,seats,electorate,turnout,candidate,party,votes,elected\n");
    for (index, &cell) in layout.cells.iter().enumerate() {
        let contest = Contest::new(seed, index, layout.position(cell));
        let (code, name) = (ward_code(index), ward_name(index));
        let turnout = contest.voters as f64 / contest.electorate as f64;
        for (place, &(party, votes)) in contest.candidates.iter().enumerate() {
            let elected = contest.candidates.iter().filter(|(_, v)| *v > votes).count() < SEATS;
            let _ = writeln!(
                out,
                "{POLL_DATE},{borough},{code},{name},{SEATS},{},{turnout:.4},{},{},{votes},{elected}",
                contest.electorate,
                candidate_name(seed, index, place),
                PARTIES[party].0,
            );
        }
    }
    out
}

/// One ward's contest: (party index, votes) per candidate, votes all different.
struct Contest {
    electorate: u64,
    voters: u64,
    candidates: Vec<(usize, u64)>,
}

impl Contest {
    fn new(seed: u64, ward: usize, (x, y): (f64, f64)) -> Contest {
        let h = hash(seed, &[WARD, ward as u64]);
        let strength: Vec<f64> = (0..PARTIES.len())
            .map(|p| PARTIES[p].1 + local_swing(seed, p, x, y) + 0.3 * (unit_of(h, &[p as u64]) - 0.5))
            .collect();
        let total: f64 = strength.iter().map(|s| s.exp()).sum();
        let mut ranked: Vec<usize> = (0..PARTIES.len()).collect();
        ranked.sort_by(|&a, &b| strength[b].total_cmp(&strength[a]).then(a.cmp(&b)));

        // The two strongest parties stand a full slate; 0 to 4 others stand one candidate each.
        let extra = (h % 5) as usize;
        let mut slate: Vec<usize> = vec![ranked[0]; SEATS];
        slate.extend([ranked[1]; SEATS]);
        slate.extend(ranked.iter().skip(2).take(extra));

        let voters = 2_500 + (unit(h >> 7) * 4_000.0) as u64;
        let turnout = 0.25 + 0.2 * unit(h.rotate_left(17));
        let mut candidates: Vec<(usize, u64)> = slate
            .iter()
            .enumerate()
            .map(|(place, &party)| {
                let share = strength[party].exp() / total;
                let personal = 0.85 + 0.3 * unit_of(h, &[100 + place as u64]);
                (party, (voters as f64 * share * personal).round() as u64)
            })
            .collect();
        // Distinct votes: the three winners are then decided by the votes alone, as the
        // reader decides them, so the `elected` column always agrees.
        while let Some(k) = (1..candidates.len()).find(|&k| candidates[..k].iter().any(|c| c.1 == candidates[k].1)) {
            candidates[k].1 += 1;
        }
        Contest { electorate: (voters as f64 / turnout).round() as u64, voters, candidates }
    }
}

/// A party's strength at a point, from a few plane waves whose directions and phases come from
/// the seed: regions of a few boroughs where one party leads.
fn local_swing(seed: u64, party: usize, x: f64, y: f64) -> f64 {
    WAVES
        .iter()
        .zip(0u64..)
        .map(|(&(amplitude, frequency), w)| {
            let h = hash(seed, &[WAVE, party as u64, w]);
            let angle = std::f64::consts::TAU * unit(h);
            let phase = std::f64::consts::TAU * unit(h.rotate_left(29));
            amplitude * (frequency * (x * angle.cos() + y * angle.sin()) + phase).sin()
        })
        .sum()
}
