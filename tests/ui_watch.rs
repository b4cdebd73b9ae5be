//! Election night: a watched results file written in steps (half the wards, then all) moves
//! the top bar's count of declared wards from partial to full, keeping the view and the
//! selection; a truncated write in between leaves the last good results on screen.

mod common;

use common::{app_on, wait_for_load};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use std::path::Path;
use wardmap::ui::WardmapApp;
use wardmap::ui::state::{SubjectKey, ViewState};

const BARNET_2018: &str = include_str!("../data/results/barnet-2018.csv");

/// The header and the rows of the first `wards` wards of Barnet 2018.
fn first_wards(wards: usize) -> String {
    let mut lines = BARNET_2018.lines();
    let mut text = format!("{}\n", lines.next().expect("a header"));
    let mut seen: Vec<&str> = Vec::new();
    for line in lines {
        let ward = line.split(',').nth(1).unwrap_or_default();
        if !seen.contains(&ward) {
            if seen.len() == wards {
                break;
            }
            seen.push(ward);
        }
        text.push_str(line);
        text.push('\n');
    }
    text
}

fn app() -> Harness<'static, WardmapApp> {
    let state = ViewState {
        subject: Some(SubjectKey::Election { borough: "Barnet".into(), year: 2018 }),
        ..ViewState::default()
    };
    app_on(wardmap::io::embedded::barnet(), state)
}

/// Write `text` so the change is seen (a new length, or a later time).
fn write(path: &Path, text: &str) {
    std::fs::write(path, text).expect("write the results file");
}

#[test]
fn a_results_file_written_in_steps_moves_the_declared_count_and_a_broken_write_changes_nothing() {
    let folder = tempfile::tempdir().expect("temp dir");
    let file = folder.path().join("barnet-2018-night.csv");
    write(&file, &first_wards(10));
    let mut harness = app();
    harness.state_mut().watch_files(vec![file.clone()]);
    wait_for_load(&mut harness);
    assert!(harness.query_by_label("10 of 21 declared").is_some(), "half the wards declared");
    assert!(harness.query_by_label_contains("Awaiting result").is_some(), "the legend says what the grey means");

    // Select a ward and pan: the reloads keep both.
    let ward = harness.state().data().ward_sets[0].wards.iter().position(|w| w.name == "Hendon").expect("Hendon");
    harness.state_mut().apply(wardmap::ui::command::Command::SelectWards(vec![ward]));
    harness.run();

    write(&file, &first_wards(21));
    harness.state_mut().check_watched();
    wait_for_load(&mut harness);
    assert!(harness.query_by_label("21 of 21 declared").is_some(), "every ward declared");
    assert!(harness.query_by_label("Con 38").is_some() && harness.query_by_label("Lab 25").is_some());
    assert_eq!(harness.state().state.selected, vec![ward], "the selection is kept");

    // Caught mid-save: the last row is cut off before its votes.
    let full = first_wards(21);
    let cut = &full[..full.trim_end().rfind(',').and_then(|i| full[..i].rfind(',')).expect("commas")];
    write(&file, cut);
    harness.state_mut().check_watched();
    wait_for_load(&mut harness);
    assert!(harness.query_by_label("21 of 21 declared").is_some(), "the last good results stay");
    let notice = harness.state().notice.clone().expect("a notice says what happened");
    assert!(notice.is_error && notice.text.contains("could not be read, perhaps caught mid-save"), "{}", notice.text);
    assert!(harness.query_by_label("Con 38").is_some());

    // The next good write is read.
    write(&file, &first_wards(15));
    harness.state_mut().check_watched();
    wait_for_load(&mut harness);
    assert!(harness.query_by_label("15 of 21 declared").is_some());
}
