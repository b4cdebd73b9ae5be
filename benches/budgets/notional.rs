//! Notional results across London's boundary changes: every pair of ward sets a comparison
//! needs, weighted by postcode points (the work every load of the built-in data does before
//! the command line answers, and the app's London worker before it hands London over).

use divan::Bencher;
use wardmap::geometry::weights;
use wardmap::model::{Dataset, WeightMethod};

/// Everything built in, joined, with no notional yet.
fn london() -> Dataset {
    Dataset::new(wardmap::session::embedded_ward_sets(), wardmap::session::embedded_elections())
}

/// All of London's notionals (73 ward sets, 38 pairs, 179,000 postcode points).
#[divan::bench(sample_count = 5)]
fn attach_all_london(bencher: Bencher) {
    let data = london();
    wardmap::session::notional::postcode_points(); // parsed once per process, not measured
    bencher.with_inputs(|| data.clone()).bench_local_values(|mut data| {
        wardmap::session::notional::attach(&mut data, WeightMethod::Postcodes);
        data
    });
}

/// Finding every London postcode in the wards of London's 2022 set (the largest one).
#[divan::bench(sample_count = 10)]
fn locate_postcodes_london_2022(bencher: Bencher) {
    let data = london();
    let points = wardmap::session::notional::postcode_points();
    let set =
        data.ward_sets.iter().find(|s| s.name == "London wards from 2022").expect("London's 2022 set is built in");
    bencher.bench(|| weights::locate(set, points));
}
