//! Ward figures on the data wardmap ships: the 2011 Census religion table on Barnet's 2002–2022
//! wards (published counts, compared exactly with the shipped CSV), the 2021 best-fit table on
//! the 2022 wards, a user's CSV of figures opened as File→Open opens it, and `wardmap scatter`
//! on both. Reads only the repository's own files.
//!
//! `tests/fixtures/ward_figures_pets.csv` is MADE UP: Barnet's real 2002–2022 ward codes and names
//! with invented dogs per 100 homes, and one row with a ward code that does not exist.

mod common;

use common::{fixture, wardmap_text};
use std::collections::BTreeMap;
use std::path::Path;
use std::sync::OnceLock;
use wardmap::analysis::attributes::breakdown;
use wardmap::analysis::measures::{ColourSpec, Context, measure, ward_values};
use wardmap::analysis::{ColourMode, WardValue};
use wardmap::model::attributes::FiguresBasis;
use wardmap::model::{Dataset, ElectionId, WardSetId};
use wardmap::session::{Feedback, OnBadFile, Session};

fn data() -> &'static Dataset {
    static DATA: OnceLock<Dataset> = OnceLock::new();
    DATA.get_or_init(wardmap::session::embedded)
}

/// The embedded data with the made-up pets table opened on top, as the app's File→Open does.
fn with_pets() -> &'static Session {
    static SESSION: OnceLock<Session> = OnceLock::new();
    SESSION.get_or_init(|| {
        wardmap::session::add_files(
            data(),
            &[fixture("ward_figures_pets.csv")],
            &wardmap::io::properties::BoundaryOptions::default(),
            &Feedback::quiet(),
            OnBadFile::LeaveOut,
        )
        .expect("the pets table opens on top of the embedded data")
    })
}

/// A CSV's rows as column → cell.
fn csv_rows(path: &Path) -> Vec<BTreeMap<String, String>> {
    let mut reader = csv::Reader::from_path(path).expect("readable CSV");
    let header: Vec<String> = reader.headers().expect("header").iter().map(str::to_owned).collect();
    reader.records().map(|r| header.iter().cloned().zip(r.expect("row").iter().map(str::to_owned)).collect()).collect()
}

/// The shipped 2011 Census row of a Barnet ward, by name.
fn census_2011_row(ward: &str) -> BTreeMap<String, String> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/london/census/london-2011-religion-wards-2002.csv");
    csv_rows(&path)
        .into_iter()
        .find(|r| r["borough"] == "Barnet" && r["ward"] == ward)
        .unwrap_or_else(|| panic!("{ward} is in the 2011 table"))
}

fn number(row: &BTreeMap<String, String>, column: &str) -> f64 {
    row[column].parse().unwrap_or_else(|_| panic!("{column} is a number: {}", row[column]))
}

fn barnet(data: &Dataset, year: i32) -> (ElectionId, WardSetId) {
    let id = data.election_of("Barnet", year).unwrap_or_else(|| panic!("Barnet {year} is loaded"));
    let set = data.election(id).and_then(|e| e.ward_set).expect("joined to a ward set");
    (id, set)
}

fn ward_of(data: &Dataset, set: WardSetId, name: &str) -> usize {
    data.ward_sets[set.0].wards.iter().position(|w| w.name == name).unwrap_or_else(|| panic!("{name} is a ward"))
}

fn spec(attribute: &str) -> ColourSpec {
    ColourSpec { mode: ColourMode::Attribute, attribute: attribute.into(), ..ColourSpec::winner() }
}

fn values(data: &Dataset, id: ElectionId, attribute: &str) -> Vec<Option<WardValue>> {
    ward_values(data, id, &spec(attribute)).unwrap_or_else(|e| panic!("{attribute} has values: {e}"))
}

#[test]
fn the_2011_census_fits_all_21_barnet_wards_by_code_and_golders_green_is_as_published() {
    let data = data();
    let (_, set) = barnet(data, 2018);
    assert_eq!(data.ward_sets[set.0].wards.len(), 21);
    let (table, figures) = data
        .attributes_on(set)
        .find(|(t, _)| t.key == "census" && t.year == Some(2011))
        .expect("the 2011 census is on Barnet's 2002 wards");
    assert_eq!(figures.covered(), 21);
    assert!(figures.wards.iter().flatten().all(|f| f.basis == FiguresBasis::ByCode), "every ward by its code");

    let ward = ward_of(data, set, "Golders Green");
    let golders_green = figures.wards[ward].as_ref().expect("Golders Green has figures");
    let published = census_2011_row("Golders Green");
    let jewish = table.column("jewish").expect("a Jewish column");
    let total = table.column("total").expect("a total column");
    assert_eq!(golders_green.values[jewish], Some(number(&published, "jewish")));
    assert_eq!(golders_green.values[total], Some(number(&published, "total")));

    let shown = breakdown(table, golders_green);
    assert_eq!(shown.title, "Religion, 2011 Census");
    let labels: Vec<&str> = shown.rows.iter().map(|r| r.label.as_str()).collect();
    assert_eq!(
        labels,
        [
            "Christian",
            "Buddhist",
            "Hindu",
            "Jewish",
            "Muslim",
            "Sikh",
            "Other religion",
            "No religion",
            "Religion not stated"
        ]
    );
    let keys = [
        "christian",
        "buddhist",
        "hindu",
        "jewish",
        "muslim",
        "sikh",
        "other_religion",
        "no_religion",
        "religion_not_stated",
    ];
    let thousands = |column: &str| wardmap::analysis::format::thousands(published[column].parse().expect("a count"));
    for (row, key) in shown.rows.iter().zip(keys) {
        assert_eq!(row.value, thousands(key), "{} as published", row.label);
    }
    let jewish_row = &shown.rows[3];
    assert_eq!((jewish_row.value.as_str(), jewish_row.share.as_deref()), ("6,975", Some("37.1%")));
    let total_row = shown.total.expect("a total row");
    assert_eq!((total_row.label.as_str(), total_row.value.as_str()), ("All usual residents", "18,818"));
    assert_eq!(total_row.value, thousands("total"));
    assert!(shown.notes.is_empty(), "published for these wards: {:?}", shown.notes);
    assert!(shown.credit.contains("Census 2011"), "{}", shown.credit);
}

#[test]
fn the_census_measure_gives_east_barnet_and_west_hendon_their_published_jewish_share() {
    let data = data();
    let (id, set) = barnet(data, 2018);
    let shown = values(data, id, "census:jewish:2011");
    assert_eq!(shown.iter().flatten().filter(|v| v.number.is_some()).count(), 21);
    for name in ["East Barnet", "West Hendon"] {
        let row = census_2011_row(name);
        let expected = number(&row, "jewish") / number(&row, "total") * 100.0;
        let value = shown[ward_of(data, set, name)].as_ref().expect("a value");
        assert_eq!(value.number, Some(expected), "{name}: count / total × 100");
        let share = wardmap::analysis::format::share_text(
            row["jewish"].parse().expect("a count"),
            row["total"].parse().expect("a count"),
        );
        assert!(value.text.contains('%') && value.text.contains(&share), "{name}: {}", value.text);
    }
    // East Barnet 852 of 16,137 (5.3%); West Hendon 2,449 of 17,402 (14.1%).
    assert!(shown[ward_of(data, set, "West Hendon")].as_ref().is_some_and(|v| v.text.contains("14.1%")));
}

#[test]
fn barnet_2022_takes_the_2021_best_fit_census_with_its_caveat_on_every_ward() {
    let data = data();
    let (id, set) = barnet(data, 2022);
    let wards = data.ward_sets[set.0].wards.len();
    assert_eq!(wards, 24, "Barnet's 2022 wards");
    let spec = spec("census:jewish");
    let on = Context { data, id, spec: &spec };
    let census = measure(ColourMode::Attribute);
    let title = census.column_title(&on);
    assert_eq!(title, "Jewish residents, % of all usual residents, 2021 Census (approximation)");
    let caveat = census.caveat(&on).expect("the best fit is an approximation");
    assert!(caveat.contains("approximation"), "{caveat}");
    let shown = values(data, id, "census:jewish");
    assert_eq!(shown.len(), wards);
    assert_eq!(shown.iter().flatten().filter(|v| v.number.is_some()).count(), 24, "a value on every ward");
    // Both censuses reach the 2022 wards: the 2011 one apportioned from the 2002 wards.
    let ward = ward_of(data, set, "Golders Green");
    let titles: Vec<(String, Vec<String>)> = data
        .attributes_on(set)
        .filter_map(|(table, values)| {
            let shown = breakdown(table, values.wards[ward].as_ref()?);
            Some((shown.title, shown.notes))
        })
        .collect();
    let title_list: Vec<&str> = titles.iter().map(|(t, _)| t.as_str()).collect();
    assert_eq!(title_list, ["Religion, 2011 Census", "Religion, 2021 Census (best fit)"]);
    assert!(titles[0].1.iter().any(|n| n.starts_with("Apportioned")), "{:?}", titles[0].1);
    assert!(titles[1].1.iter().any(|n| n.contains("approximation")), "{:?}", titles[1].1);
}

#[test]
fn a_made_up_table_opened_on_the_embedded_data_becomes_a_measure_and_its_stray_row_a_warning() {
    let session = with_pets();
    let data = &session.dataset;
    let (id, set) = barnet(data, 2018);
    let shown = values(data, id, "ward_figures_pets:dogs_per_100_homes");
    let fixture_rows = csv_rows(&fixture("ward_figures_pets.csv"));
    let mut matched = 0;
    for row in &fixture_rows {
        let Some(ward) = data.ward_sets[set.0].wards.iter().position(|w| w.code.as_deref() == Some(&row["ward_code"]))
        else {
            assert_eq!(row["ward_code"], "E05999999", "only the made-up code fits no ward");
            continue;
        };
        let value = shown[ward].as_ref().expect("a value");
        assert_eq!(value.number, Some(number(row, "dogs_per_100_homes")), "{}", row["ward"]);
        matched += 1;
    }
    assert_eq!(matched, 21);
    assert_eq!(shown.iter().flatten().filter(|v| v.number.is_some()).count(), 21);
    // The census is still there beside it.
    assert_eq!(values(data, id, "census:jewish:2011").iter().flatten().count(), 21);
    assert!(data.attribute_tables.iter().filter(|t| t.key == "census").count() == 2);
    // The stray row is left out with a warning, not a failure.
    assert!(session.failed.is_empty(), "{:?}", session.failed);
    let warning = session.warnings.iter().find(|w| w.contains("E05999999")).expect("a warning names the stray row");
    assert!(warning.contains("ward_figures_pets.csv") && warning.contains("1 of its 22 rows"), "{warning}");
    // The ward panel's breakdown of a table of values: the value, no share.
    let (table, figures) =
        data.attributes_on(set).find(|(t, _)| t.key == "ward_figures_pets").expect("the pets table is on the wards");
    let west_hendon = figures.wards[ward_of(data, set, "West Hendon")].as_ref().expect("figures");
    let shown = breakdown(table, west_hendon);
    assert_eq!(shown.rows.len(), 1);
    assert_eq!((shown.rows[0].label.as_str(), shown.rows[0].value.as_str()), ("Dogs per 100 homes", "7.7"));
    assert_eq!(shown.rows[0].share, None);
}

#[test]
fn a_table_that_fits_no_ward_is_a_warning_not_a_failure() {
    let (_dir, path) =
        common::temp_file("nowhere.csv", "ward_code,ward,cats\nE05999998,Atlantis,3\nE05999999,Lyonesse,4\n");
    let session = wardmap::session::add_files(
        data(),
        &[path],
        &wardmap::io::properties::BoundaryOptions::default(),
        &Feedback::quiet(),
        OnBadFile::LeaveOut,
    )
    .expect("the load goes on");
    let warning = session.warnings.iter().find(|w| w.contains("nowhere.csv")).expect("a warning names the file");
    assert!(warning.contains("none of its 2 rows matched"), "{warning}");
    assert_eq!(session.dataset.elections.len(), data().elections.len(), "nothing else is lost");
}

/// The value of a line "NAME = NUMBER …" of the scatter report.
fn statistic(report: &str, name: &str) -> f64 {
    let prefix = format!("{name} = ");
    let line = report.lines().find(|l| l.starts_with(&prefix)).unwrap_or_else(|| panic!("a {name} line: {report}"));
    line[prefix.len()..].split_whitespace().next().and_then(|n| n.parse().ok()).expect("a number")
}

#[test]
fn the_scatter_command_plots_the_2011_jewish_share_against_swing_and_a_csv_column_against_a_share() {
    let (ok, out, err) = wardmap_text(&[
        "scatter",
        "--borough",
        "Barnet",
        "--x",
        "census:jewish:2011",
        "--y",
        "swing",
        "--from",
        "2014",
        "--to",
        "2018",
    ]);
    assert!(ok, "{err}");
    assert!(out.lines().any(|l| l == "n = 21"), "{out}");
    let r = statistic(&out, "r");
    assert!(r > 0.0 && out.contains("r = 0.6"), "positive, r = 0.6…: {out}");

    let pets = fixture("ward_figures_pets.csv");
    let pets = pets.to_str().expect("a UTF-8 path");
    let (ok, out, err) = wardmap_text(&[
        "scatter",
        "--results",
        pets,
        "--borough",
        "Barnet",
        "--x",
        "ward_figures_pets:dogs_per_100_homes",
        "--y",
        "share:Labour",
        "--election",
        "2018",
    ]);
    assert!(ok, "{err}");
    assert!(out.lines().any(|l| l == "n = 21"), "{out}");
    statistic(&out, "r");
    assert!(err.contains("E05999999"), "the stray row is noted on stderr: {err}");
}

/// The census measure on Barnet 2018 names its table and year, covers every ward by code, is
/// offered under "Figure:" and carries no caveat (the figures are published for these wards).
#[test]
fn barnet_2018_has_the_2011_census_shares_by_code_with_no_caveat() {
    use wardmap::analysis::measures::{Measure, attribute};
    let data = wardmap::session::embedded_barnet();
    let id = data.election_of("Barnet", 2018).expect("Barnet 2018");
    let spec = wardmap::analysis::ColourSpec {
        mode: wardmap::analysis::ColourMode::Attribute,
        attribute: "census:jewish".into(),
        ..wardmap::analysis::ColourSpec::winner()
    };
    let on = Context { data: &data, id, spec: &spec };
    assert_eq!(attribute::Attribute.column_title(&on), "Jewish residents, % of all usual residents, 2011 Census");
    let values = attribute::Attribute.ward_values(&on).expect("values");
    assert_eq!(values.iter().flatten().filter(|v| v.number.is_some()).count(), 21);
    assert!(attribute::names_for(&on).iter().any(|(name, _)| name == "census:jewish:2011"));
    assert!(attribute::Attribute.caveat(&on).is_none(), "published for these wards");
}
