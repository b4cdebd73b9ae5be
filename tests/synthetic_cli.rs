//! `wardmap synthetic`: the real binary writes the generator's two files, refuses to replace
//! them without --force, refuses ward counts out of range, and `summary` reads what it wrote.

use std::path::Path;
use std::process::{Command, Output};

use wardmap::synthetic::{DEFAULT_SEED, MAX_WARDS, generate};

/// Run the binary with no display.
fn wardmap(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_wardmap"))
        .args(args)
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        .env_remove("WAYLAND_SOCKET")
        .output()
        .expect("the binary runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn path_str(path: &Path) -> &str {
    path.to_str().expect("a UTF-8 temporary path")
}

#[test]
fn writes_the_generators_files_which_summary_reads_and_refuses_to_replace_them() {
    let dir = tempfile::tempdir().expect("a folder");
    let out = wardmap(&["synthetic", "--wards", "30", "--out-dir", path_str(dir.path())]);
    let stdout = text(&out.stdout);
    assert!(out.status.success(), "{}", text(&out.stderr));

    let expected = generate(30, DEFAULT_SEED);
    let boundaries = dir.path().join(expected.boundaries_file_name());
    let results = dir.path().join(expected.results_file_name());
    assert_eq!(std::fs::read_to_string(&boundaries).expect("boundaries written"), expected.geojson);
    assert_eq!(std::fs::read_to_string(&results).expect("results written"), expected.results_csv);
    assert_eq!(std::fs::read_dir(dir.path()).expect("list").count(), 2, "only the two files, no temporary ones");
    for (path, size) in [(&boundaries, expected.geojson.len()), (&results, expected.results_csv.len())] {
        let line = format!("wrote {} ({size} bytes", path.display());
        assert!(stdout.contains(&line), "{line:?} not in {stdout}");
    }

    // The files read back as the in-memory generator does: same seats, same wards.
    let from_files =
        wardmap(&["summary", "--boundaries", path_str(&boundaries), "--results", path_str(&results), "--json"]);
    assert!(from_files.status.success(), "{}", text(&from_files.stderr));
    let in_memory = wardmap(&["--synthetic", "30", "summary", "--json"]);
    assert!(in_memory.status.success(), "{}", text(&in_memory.stderr));
    let json = |out: &Output| -> serde_json::Value { serde_json::from_slice(&out.stdout).expect("summary JSON") };
    let (a, b) = (json(&from_files), json(&in_memory));
    assert_eq!(a["wards"].as_array().map(Vec::len), Some(30), "{a}");
    assert_eq!(a["wards"], b["wards"]);
    assert!(a["seat_totals"].as_array().is_some_and(|totals| !totals.is_empty()), "{a}");
    assert_eq!(a["seat_totals"], b["seat_totals"]);
    assert_eq!(a["shares"], b["shares"]);

    // Again without --force: refused, and the files are untouched.
    let again = wardmap(&["synthetic", "--wards", "30", "--out-dir", path_str(dir.path()), "--seed", "7"]);
    assert!(!again.status.success());
    let stderr = text(&again.stderr);
    assert!(stderr.contains("already exists (use --force to replace it)"), "{stderr}");
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert_eq!(std::fs::read_to_string(&boundaries).expect("kept"), expected.geojson);
    assert_eq!(std::fs::read_to_string(&results).expect("kept"), expected.results_csv);

    // With --force and another seed: replaced by that seed's files.
    let forced = wardmap(&["synthetic", "--wards", "30", "--out-dir", path_str(dir.path()), "--seed", "7", "--force"]);
    assert!(forced.status.success(), "{}", text(&forced.stderr));
    assert_eq!(std::fs::read_to_string(&boundaries).expect("replaced"), generate(30, 7).geojson);
}

#[test]
fn ward_counts_out_of_range_and_missing_folders_are_refused_and_nothing_is_written() {
    let dir = tempfile::tempdir().expect("a folder");
    let over = (MAX_WARDS + 1).to_string();
    for wards in ["0", over.as_str(), "ten"] {
        let out = wardmap(&["synthetic", "--wards", wards, "--out-dir", path_str(dir.path())]);
        assert!(!out.status.success(), "--wards {wards} accepted");
        let stderr = text(&out.stderr);
        assert!(stderr.contains("--wards"), "{stderr}");
        assert!(!stderr.contains("panicked"), "{stderr}");
    }
    let out = wardmap(&["synthetic", "--wards", "5", "--out-dir", path_str(&dir.path().join("missing"))]);
    assert!(!out.status.success());
    assert!(text(&out.stderr).contains("does not exist"), "{}", text(&out.stderr));

    // Data options do not apply to a command that writes new data.
    let out = wardmap(&["--synthetic", "5", "synthetic", "--wards", "5", "--out-dir", path_str(dir.path())]);
    assert!(!out.status.success());
    assert!(text(&out.stderr).contains("do not apply"), "{}", text(&out.stderr));

    assert_eq!(std::fs::read_dir(dir.path()).expect("list").count(), 0, "nothing was written");
}
