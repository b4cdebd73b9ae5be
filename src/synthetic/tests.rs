use std::collections::HashMap;

use super::{SEGMENTS_PER_EDGE, boundaries_geojson, generate};
use crate::analysis::ContestOutcome;
use crate::session::{Session, Source};

/// Generate and load through the session, as `--synthetic` does.
fn load(wards: usize, seed: u64) -> Result<Session, crate::io::LoadError> {
    crate::session::load(&Source::Synthetic { wards, seed })
}

#[test]
fn the_same_seed_gives_the_same_bytes_and_another_seed_other_ones() {
    let a = generate(50, 7);
    let b = generate(50, 7);
    assert_eq!(a.geojson, b.geojson);
    assert_eq!(a.results_csv, b.results_csv);
    assert_ne!(a.geojson, generate(50, 8).geojson);
    assert_eq!(a.geojson, boundaries_geojson(50, 7));
}

#[test]
fn the_files_read_back_as_exactly_n_wards_all_joined_without_a_warning() {
    let loaded = load(300, 1).expect("synthetic data reads back");
    assert!(loaded.warnings.is_empty(), "{:#?}", loaded.warnings);
    let set = &loaded.dataset.ward_sets[0];
    assert_eq!(set.wards.len(), 300);
    assert!(set.wards.iter().all(|w| w.code.as_deref().is_some_and(|c| c.starts_with("E059") && c.len() == 9)));
    let mut names: Vec<&str> = set.wards.iter().map(|w| w.name.as_str()).collect();
    names.sort_unstable();
    names.dedup();
    assert_eq!(names.len(), 300, "ward names are unique");

    assert_eq!(loaded.dataset.elections.len(), 1);
    let joined = &loaded.dataset.elections[0];
    assert_eq!(joined.join.matched_count(), 300);
    assert_eq!(loaded.flag_disagreements, 0);
}

#[test]
fn every_ward_has_three_seats_six_to_ten_candidates_and_several_parties_win() {
    let loaded = load(400, 3).expect("synthetic data reads back");
    let election = &loaded.dataset.elections[0].election;
    let mut winners: HashMap<String, usize> = HashMap::new();
    for contest in &election.contests {
        assert_eq!(contest.seats, 3);
        assert!((6..=10).contains(&contest.candidates.len()), "{}", contest.candidates.len());
        for (party, seats) in ContestOutcome::of(contest).seats.into_iter().filter(|(_, seats)| *seats > 0) {
            *winners.entry(party.name).or_default() += seats as usize;
        }
    }
    assert!(winners.len() >= 3, "{winners:?}");
}

#[test]
fn wards_have_about_two_hundred_vertices_and_neighbours_share_their_edges() {
    let loaded = load(100, 5).expect("synthetic data reads back");
    let wards = &loaded.dataset.ward_sets[0].wards;
    let mut edge_uses: HashMap<[u64; 4], usize> = HashMap::new();
    for ward in wards {
        let ring = &ward.geometry.0[0].exterior().0;
        assert_eq!(ring.len(), 4 * SEGMENTS_PER_EDGE + 1);
        for pair in ring.windows(2) {
            let (a, b) = (pair[0], pair[1]);
            let key = |p: geo::Coord<f64>| (p.x.to_bits(), p.y.to_bits());
            let (p, q) = if key(a) < key(b) { (key(a), key(b)) } else { (key(b), key(a)) };
            *edge_uses.entry([p.0, p.1, q.0, q.1]).or_default() += 1;
        }
    }
    let shared = edge_uses.values().filter(|&&n| n == 2).count();
    assert!(edge_uses.values().all(|&n| n <= 2), "no segment is used by three wards");
    // Interior segments are shared: far more than half of all segments for 100 wards.
    assert!(shared * 3 > edge_uses.len(), "{shared} of {} segments shared", edge_uses.len());
}
