//! The regression suite of bad input (issue 15): every fixture in `tests/bad_inputs/` run through
//! the real binary, as a user would, with the exit code, the key words of the message, and no
//! panic asserted for each. `tests/bad_inputs/README.md` lists the cases.
//!
//! The work is bounded by case count, not by timing: each case is exactly one run of the binary
//! (the table's length, checked below), and each run is waited for at most [`WAIT`] — a run that
//! hangs (a FIFO opened for reading, a device that never ends) is killed and fails its case
//! instead of blocking the suite. No assertion is made on how long anything took.
//!
//! The cases that need something a file cannot hold (a FIFO, a closed pipe, a full disk, a
//! 257 MB file, a symbolic link) make it in a temporary folder, in their own tests below.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, ExitStatus, Stdio};
use std::time::Duration;

/// The longest any one run is waited for before it is killed and its case failed. Generous: a
/// debug build on a loaded two-core machine takes a few seconds for the embedded data.
const WAIT: Duration = Duration::from_mins(3);

/// One run of the binary: its arguments (`@x` is `tests/bad_inputs/x`), what it must exit with,
/// and words its stderr and stdout must contain (case-insensitive for stderr).
struct Case {
    what: &'static str,
    args: &'static [&'static str],
    code: i32,
    stderr: &'static [&'static str],
    stdout: &'static [&'static str],
}

const CASES: &[Case] = &[
    Case {
        what: "the good pair every other case spoils: loads",
        args: &["--boundaries", "@boundaries/hale.geojson", "--results", "@results/hale-2018.csv", "summary"],
        code: 0,
        stderr: &[],
        stdout: &["Seats: Lab 1"],
    },
    Case {
        what: "an empty file",
        args: &["--boundaries", "@boundaries/hale.geojson", "--results", "@results/empty.csv", "summary"],
        code: 1,
        stderr: &["empty.csv is empty"],
        stdout: &[],
    },
    Case {
        what: "only blank lines",
        args: &["--boundaries", "@boundaries/hale.geojson", "--results", "@results/blank.csv", "summary"],
        code: 1,
        stderr: &["is empty"],
        stdout: &[],
    },
    Case {
        what: "a header and no rows",
        args: &["--boundaries", "@boundaries/hale.geojson", "--results", "@results/header-only.csv", "summary"],
        code: 1,
        stderr: &["has a header but no candidate rows"],
        stdout: &[],
    },
    Case {
        what: "an .xlsx or ZIP renamed .csv",
        args: &["--boundaries", "@boundaries/hale.geojson", "--results", "@results/zip.csv", "summary"],
        code: 1,
        stderr: &["not a text file", "ZIP"],
        stdout: &[],
    },
    Case {
        what: "a gzipped CSV",
        args: &["--boundaries", "@boundaries/hale.geojson", "--results", "@results/gzip.csv", "summary"],
        code: 1,
        stderr: &["gzip"],
        stdout: &[],
    },
    Case {
        what: "a PDF",
        args: &["--boundaries", "@boundaries/hale.geojson", "--results", "@results/pdf.csv", "summary"],
        code: 1,
        stderr: &["PDF"],
        stdout: &[],
    },
    Case {
        what: "an .xls workbook",
        args: &["--boundaries", "@boundaries/hale.geojson", "--results", "@results/old-excel.csv", "summary"],
        code: 1,
        stderr: &["old Excel"],
        stdout: &[],
    },
    Case {
        what: "an SQLite database",
        args: &["--boundaries", "@boundaries/hale.geojson", "--results", "@results/sqlite.csv", "summary"],
        code: 1,
        stderr: &["SQLite"],
        stdout: &[],
    },
    Case {
        what: "an image",
        args: &["--boundaries", "@boundaries/hale.geojson", "--results", "@results/png.csv", "summary"],
        code: 1,
        stderr: &["PNG image"],
        stdout: &[],
    },
    Case {
        what: "random bytes",
        args: &["--boundaries", "@boundaries/hale.geojson", "--results", "@results/noise.csv", "summary"],
        code: 1,
        stderr: &["not a text file"],
        stdout: &[],
    },
    Case {
        what: "a CSV of something else",
        args: &["--boundaries", "@boundaries/hale.geojson", "--results", "@results/shopping.csv", "summary"],
        code: 1,
        stderr: &["not a results file wardmap knows", "item,price", "docs/formats.md"],
        stdout: &[],
    },
    Case {
        what: "a ward and a candidate column only: results, not ward figures",
        args: &[
            "--boundaries",
            "@boundaries/hale.geojson",
            "--results",
            "@results/ward-and-candidate-only.csv",
            "summary",
        ],
        code: 1,
        stderr: &["not a results file wardmap knows", "ward,candidate"],
        stdout: &[],
    },
    Case {
        what: "a required column missing",
        args: &[
            "--boundaries",
            "@boundaries/hale.geojson",
            "--results",
            "@results/missing-votes-column.csv",
            "summary",
        ],
        code: 1,
        stderr: &["line 1", "lacks the column(s) votes"],
        stdout: &[],
    },
    Case {
        what: "a Democracy Club export without its votes column",
        args: &[
            "--boundaries",
            "@boundaries/hale.geojson",
            "--results",
            "@results/dc-missing-ballots-cast.csv",
            "summary",
        ],
        code: 1,
        stderr: &["Democracy Club", "ballots_cast"],
        stdout: &[],
    },
    Case {
        what: "votes in words",
        args: &["--boundaries", "@boundaries/hale.geojson", "--results", "@results/votes-text.csv", "summary"],
        code: 1,
        stderr: &["line 3", "votes \"ten\" is not a whole number"],
        stdout: &[],
    },
    Case {
        what: "negative votes",
        args: &["--boundaries", "@boundaries/hale.geojson", "--results", "@results/votes-negative.csv", "summary"],
        code: 1,
        stderr: &["line 2", "negative"],
        stdout: &[],
    },
    Case {
        what: "an empty votes cell",
        args: &["--boundaries", "@boundaries/hale.geojson", "--results", "@results/votes-empty.csv", "summary"],
        code: 1,
        stderr: &["line 2", "votes cell is empty"],
        stdout: &[],
    },
    Case {
        what: "an impossible vote count",
        args: &["--boundaries", "@boundaries/hale.geojson", "--results", "@results/votes-too-many.csv", "summary"],
        code: 1,
        stderr: &["more than any ward could cast"],
        stdout: &[],
    },
    Case {
        what: "a Datastore file with a decimal point in the votes",
        args: &["--boundaries", "@boundaries/hale.geojson", "--results", "@results/votes-decimal_2014.csv", "summary"],
        code: 1,
        stderr: &["line 2", "\"1.951\""],
        stdout: &[],
    },
    Case {
        what: "an impossible date",
        args: &["--boundaries", "@boundaries/hale.geojson", "--results", "@results/date-bad.csv", "summary"],
        code: 1,
        stderr: &["line 2", "election_date \"2018-13-45\""],
        stdout: &[],
    },
    Case {
        what: "an empty ward cell",
        args: &["--boundaries", "@boundaries/hale.geojson", "--results", "@results/ward-empty.csv", "summary"],
        code: 1,
        stderr: &["line 2", "ward name is empty"],
        stdout: &[],
    },
    Case {
        what: "an elected flag that is not yes/no",
        args: &["--boundaries", "@boundaries/hale.geojson", "--results", "@results/flag-bad.csv", "summary"],
        code: 1,
        stderr: &["line 2", "elected flag \"maybe\""],
        stdout: &[],
    },
    Case {
        what: "a turnout in words",
        args: &["--boundaries", "@boundaries/hale.geojson", "--results", "@results/turnout-text.csv", "summary"],
        code: 1,
        stderr: &["turnout \"high\" is not a number"],
        stdout: &[],
    },
    Case {
        what: "a turnout over 100%",
        args: &["--boundaries", "@boundaries/hale.geojson", "--results", "@results/turnout-over-100.csv", "summary"],
        code: 1,
        stderr: &["outside 0–100%"],
        stdout: &[],
    },
    Case {
        what: "one candidate twice",
        args: &["--boundaries", "@boundaries/hale.geojson", "--results", "@results/duplicate-candidate.csv", "summary"],
        code: 1,
        stderr: &["line 3", "Ann Lee (Labour) appears twice in Hale", "remove the duplicate"],
        stdout: &[],
    },
    Case {
        what: "two seat counts for one ward",
        args: &["--boundaries", "@boundaries/hale.geojson", "--results", "@results/seats-contradict.csv", "summary"],
        code: 1,
        stderr: &["line 3", "2 seats here but 3 on line 2"],
        stdout: &[],
    },
    Case {
        what: "zero seats",
        args: &["--boundaries", "@boundaries/hale.geojson", "--results", "@results/seats-zero.csv", "summary"],
        code: 1,
        stderr: &["seats \"0\" is not a positive whole number"],
        stdout: &[],
    },
    Case {
        what: "seats in words",
        args: &["--boundaries", "@boundaries/hale.geojson", "--results", "@results/seats-text.csv", "summary"],
        code: 1,
        stderr: &["seats \"three\""],
        stdout: &[],
    },
    Case {
        what: "more seats than candidates (issue 15: seats 99 gave only a note)",
        args: &["--boundaries", "@boundaries/hale.geojson", "--results", "@results/seats-99.csv", "summary"],
        code: 1,
        stderr: &[
            "line 2",
            "Hale has 99 seats in the seats column, but only 2 candidate(s) standing",
            "correct the seats column",
        ],
        stdout: &[],
    },
    Case {
        what: "every candidate flagged elected and no seats column (issue 15: 220 seats for a 63-seat council)",
        args: &[
            "--boundaries",
            "@boundaries/hale.geojson",
            "--results",
            "@results/all-elected-no-seats.csv",
            "summary",
        ],
        code: 1,
        stderr: &[
            "line 2",
            "every candidate in Burnt Oak is marked elected (8 of 8)",
            "no seats column",
            "add a seats column",
        ],
        stdout: &[],
    },
    Case {
        what: "no seats column and no winners marked",
        args: &["--boundaries", "@boundaries/hale.geojson", "--results", "@results/no-seats-no-flags.csv", "summary"],
        code: 1,
        stderr: &["number of seats is unknown", "no candidate marked elected"],
        stdout: &[],
    },
    Case {
        what: "a quote that never closes (issue 15: blamed an empty votes cell)",
        args: &["--boundaries", "@boundaries/hale.geojson", "--results", "@results/unbalanced-quote.csv", "summary"],
        code: 1,
        stderr: &["line 2", "a quote (\") opens on this line", "Close the quote"],
        stdout: &[],
    },
    Case {
        what: "line numbers count CRLF and quoted newlines",
        args: &["--boundaries", "@boundaries/hale.geojson", "--results", "@results/crlf-line-numbers.csv", "summary"],
        code: 1,
        stderr: &["line 4", "\"lots\""],
        stdout: &[],
    },
    Case {
        what: "results for wards the boundaries lack",
        args: &["--boundaries", "@boundaries/hale.geojson", "--results", "@results/nothing-matches.csv", "summary"],
        code: 1,
        stderr: &["None of the 2 results", "hale.geojson", "same borough and years"],
        stdout: &[],
    },
    Case {
        what: "a Democracy Club file of parliamentary ballots only (issue 15: 'no candidate rows')",
        args: &[
            "--boundaries",
            "@boundaries/hale.geojson",
            "--results",
            "@results/dc-parliamentary-only.csv",
            "summary",
        ],
        code: 1,
        stderr: &["holds 2 candidate row(s), all of them left out", "other than local councils"],
        stdout: &[],
    },
    Case {
        what: "UTF-16 with a byte-order mark (issue 15: 'not a text file')",
        args: &["--boundaries", "@boundaries/hale.geojson", "--results", "@results/utf16-bom.csv", "summary"],
        code: 0,
        stderr: &[],
        stdout: &["Seats: Lab 1"],
    },
    Case {
        what: "UTF-16 without a mark",
        args: &["--boundaries", "@boundaries/hale.geojson", "--results", "@results/utf16-no-bom.csv", "summary"],
        code: 0,
        stderr: &[],
        stdout: &["Seats: Lab 1"],
    },
    Case {
        what: "UTF-16 big-endian",
        args: &["--boundaries", "@boundaries/hale.geojson", "--results", "@results/utf16-big-endian.csv", "summary"],
        code: 0,
        stderr: &[],
        stdout: &["Seats: Lab 1"],
    },
    Case {
        what: "two years in one file (issue 15: split quietly)",
        args: &["--boundaries", "@boundaries/hale.geojson", "--results", "@results/two-years.csv", "summary"],
        code: 0,
        stderr: &["holds Two Years 2014 (1 ward) and 2018 (1 ward)", "its own election"],
        stdout: &[],
    },
    Case {
        what: "elected flags against the votes: the votes win, said",
        args: &["--boundaries", "@boundaries/hale.geojson", "--results", "@results/flags-disagree.csv", "summary"],
        code: 0,
        stderr: &["elected flag(s)", "disagree with the votes", "the map follows the votes"],
        stdout: &["Seats: Lab 1"],
    },
    Case {
        what: "an uncontested ward: everyone elected, no votes, no seats column (legitimate)",
        args: &["--boundaries", "@boundaries/hale.geojson", "--results", "@results/uncontested.csv", "summary"],
        code: 0,
        stderr: &[],
        stdout: &["Seats: Lab 2"],
    },
    Case {
        what: "fewer candidates than seats and no poll: both elected unopposed, a seat left empty (legitimate)",
        args: &["--boundaries", "@boundaries/hale.geojson", "--results", "@results/vacancy-uncontested.csv", "summary"],
        code: 0,
        stderr: &[],
        stdout: &["Seats: Lab 2"],
    },
    Case {
        what: "a seat the source left unfilled",
        args: &["--boundaries", "@boundaries/hale.geojson", "--results", "@results/unfilled-seat.csv", "summary"],
        code: 0,
        stderr: &["has 3 seats", "the source elects 2", "counted for no party"],
        stdout: &[],
    },
    Case {
        what: "a spreadsheet's dialect: BOM, semicolons, CRLF, thousands",
        args: &["--boundaries", "@boundaries/hale.geojson", "--results", "@results/bom-semicolons-crlf.csv", "summary"],
        code: 0,
        stderr: &[],
        stdout: &["Seats: Lab 1"],
    },
    Case {
        what: "Latin-1 text with tabs",
        args: &["--boundaries", "@boundaries/hale.geojson", "--results", "@results/latin1-tabs.csv", "summary"],
        code: 0,
        stderr: &[],
        stdout: &["Seats: Lab 1"],
    },
    Case {
        what: "a stray line before a Democracy Club header",
        args: &["--boundaries", "@boundaries/hale.geojson", "--results", "@results/dc-stray-line.csv", "summary"],
        code: 0,
        stderr: &[],
        stdout: &["Seats: Lab 1"],
    },
    Case {
        what: "a by-election row among whole-council rows",
        args: &["--boundaries", "@boundaries/hale.geojson", "--results", "@results/dc-by-election.csv", "summary"],
        code: 0,
        stderr: &["left out 1 rows of by-elections"],
        stdout: &["Seats: Lab 1"],
    },
    Case {
        what: "an empty file",
        args: &["--boundaries", "@boundaries/empty.geojson", "--results", "@results/hale-2018.csv", "summary"],
        code: 1,
        stderr: &["empty.geojson is empty"],
        stdout: &[],
    },
    Case {
        what: "only blank lines",
        args: &["--boundaries", "@boundaries/blank.geojson", "--results", "@results/hale-2018.csv", "summary"],
        code: 1,
        stderr: &["is empty"],
        stdout: &[],
    },
    Case {
        what: "a download cut short",
        args: &["--boundaries", "@boundaries/cut-short.geojson", "--results", "@results/hale-2018.csv", "summary"],
        code: 1,
        stderr: &["not valid JSON", "line 2", "export it again"],
        stdout: &[],
    },
    Case {
        what: "JSON, not an object",
        args: &["--boundaries", "@boundaries/array.json", "--results", "@results/hale-2018.csv", "summary"],
        code: 1,
        stderr: &["not GeoJSON", "JSON array"],
        stdout: &[],
    },
    Case {
        what: "an object without a type",
        args: &["--boundaries", "@boundaries/no-type.json", "--results", "@results/hale-2018.csv", "summary"],
        code: 1,
        stderr: &["not GeoJSON", "no \"type\""],
        stdout: &[],
    },
    Case {
        what: "TopoJSON",
        args: &["--boundaries", "@boundaries/topojson.json", "--results", "@results/hale-2018.csv", "summary"],
        code: 1,
        stderr: &["TopoJSON", "convert"],
        stdout: &[],
    },
    Case {
        what: "a bare geometry",
        args: &["--boundaries", "@boundaries/bare-polygon.geojson", "--results", "@results/hale-2018.csv", "summary"],
        code: 1,
        stderr: &["bare Polygon", "no properties"],
        stdout: &[],
    },
    Case {
        what: "an unknown type",
        args: &["--boundaries", "@boundaries/other-type.geojson", "--results", "@results/hale-2018.csv", "summary"],
        code: 1,
        stderr: &["\"type\" is \"Atlas\""],
        stdout: &[],
    },
    Case {
        what: "a FeatureCollection without features",
        args: &[
            "--boundaries",
            "@boundaries/no-features-array.geojson",
            "--results",
            "@results/hale-2018.csv",
            "summary",
        ],
        code: 1,
        stderr: &["without a \"features\" array"],
        stdout: &[],
    },
    Case {
        what: "a feature that is a number",
        args: &[
            "--boundaries",
            "@boundaries/feature-not-object.geojson",
            "--results",
            "@results/hale-2018.csv",
            "summary",
        ],
        code: 1,
        stderr: &["feature 2 is a JSON number"],
        stdout: &[],
    },
    Case {
        what: "no features at all",
        args: &["--boundaries", "@boundaries/no-features.geojson", "--results", "@results/hale-2018.csv", "summary"],
        code: 1,
        stderr: &["no features"],
        stdout: &[],
    },
    Case {
        what: "points and lines, no areas",
        args: &["--boundaries", "@boundaries/points-only.geojson", "--results", "@results/hale-2018.csv", "summary"],
        code: 1,
        stderr: &["no ward polygons", "1 Point, 1 LineString"],
        stdout: &[],
    },
    Case {
        what: "a feature with a null geometry",
        args: &["--boundaries", "@boundaries/null-geometry.geojson", "--results", "@results/hale-2018.csv", "summary"],
        code: 1,
        stderr: &["no ward polygons", "no geometry"],
        stdout: &[],
    },
    Case {
        what: "an empty ring",
        args: &["--boundaries", "@boundaries/empty-ring.geojson", "--results", "@results/hale-2018.csv", "summary"],
        code: 1,
        stderr: &["feature 2 (Mill Hill)", "outline of polygon 1 is empty"],
        stdout: &[],
    },
    Case {
        what: "a ring that does not close",
        args: &["--boundaries", "@boundaries/unclosed-ring.geojson", "--results", "@results/hale-2018.csv", "summary"],
        code: 1,
        stderr: &["feature 1 (Hale)", "not closed"],
        stdout: &[],
    },
    Case {
        what: "a ring of two points",
        args: &["--boundaries", "@boundaries/two-point-ring.geojson", "--results", "@results/hale-2018.csv", "summary"],
        code: 1,
        stderr: &["feature 1 (Hale)"],
        stdout: &[],
    },
    Case {
        what: "coordinates written as strings",
        args: &[
            "--boundaries",
            "@boundaries/string-coordinates.geojson",
            "--results",
            "@results/hale-2018.csv",
            "summary",
        ],
        code: 1,
        stderr: &["feature 1 (Hale)"],
        stdout: &[],
    },
    Case {
        what: "a coordinate far off the globe",
        args: &[
            "--boundaries",
            "@boundaries/absurd-coordinates.geojson",
            "--results",
            "@results/hale-2018.csv",
            "summary",
        ],
        code: 1,
        stderr: &["feature 2 (Mill Hill)", "(5000000000, 51.6)", "outside the range of longitude/latitude"],
        stdout: &[],
    },
    Case {
        what: "a number too large for JSON",
        args: &["--boundaries", "@boundaries/huge-number.geojson", "--results", "@results/hale-2018.csv", "summary"],
        code: 1,
        stderr: &["not valid JSON"],
        stdout: &[],
    },
    Case {
        what: "arrays nested 5,000 deep",
        args: &["--boundaries", "@boundaries/deep-nesting.geojson", "--results", "@results/hale-2018.csv", "summary"],
        code: 1,
        stderr: &["not valid JSON"],
        stdout: &[],
    },
    Case {
        what: "a crs of degrees over metres",
        args: &["--boundaries", "@boundaries/crs84-over-bng.geojson", "--results", "@results/hale-2018.csv", "summary"],
        code: 1,
        stderr: &["feature 1 (Hale)", "British National Grid", "crs"],
        stdout: &[],
    },
    Case {
        what: "a crs wardmap cannot convert",
        args: &["--boundaries", "@boundaries/unknown-crs.geojson", "--results", "@results/hale-2018.csv", "summary"],
        code: 1,
        stderr: &["EPSG::2154", "EPSG:4326", "EPSG:27700"],
        stdout: &[],
    },
    Case {
        what: "a shapefile renamed",
        args: &["--boundaries", "@boundaries/shapefile.geojson", "--results", "@results/hale-2018.csv", "summary"],
        code: 1,
        stderr: &["not a text file", "shapefile"],
        stdout: &[],
    },
    Case {
        what: "properties: null on every feature (issue 15: 'none of the results matched')",
        args: &[
            "--boundaries",
            "@boundaries/properties-null.geojson",
            "--results",
            "@results/hale-2018.csv",
            "summary",
        ],
        code: 1,
        stderr: &["the features have no properties", "no ward has a code or a name"],
        stdout: &[],
    },
    Case {
        what: "one ward twice (issue 15: 'no ward found' and 'no result')",
        args: &["--boundaries", "@boundaries/duplicate-ward.geojson", "--results", "@results/hale-2018.csv", "summary"],
        code: 1,
        stderr: &["Hale (E05000045) appears twice", "features 1 and 2"],
        stdout: &[],
    },
    Case {
        what: "latitude and longitude swapped (issue 15: a transposed map, no word)",
        args: &[
            "--boundaries",
            "@boundaries/swapped-lat-lon.geojson",
            "--results",
            "@results/hale-2018.csv",
            "summary",
        ],
        code: 0,
        stderr: &["latitude and longitude swapped", "read them swapped"],
        stdout: &["Seats: Lab 1"],
    },
    Case {
        what: "valid coordinates in Sydney (issue 15: no word)",
        args: &["--boundaries", "@boundaries/sydney.geojson", "--results", "@results/hale-2018.csv", "summary"],
        code: 0,
        stderr: &["outside Great Britain", "151.2°E, 33.9°S", "Australia"],
        stdout: &["Seats: Lab 1"],
    },
    Case {
        what: "coordinates around 0, 0",
        args: &["--boundaries", "@boundaries/null-island.geojson", "--results", "@results/hale-2018.csv", "summary"],
        code: 0,
        stderr: &["outside Great Britain", "0°, 0°"],
        stdout: &[],
    },
    Case {
        what: "a BNG crs over numbers in degrees (issue 15: a 30 cm map)",
        args: &[
            "--boundaries",
            "@boundaries/bng-crs-over-degrees.geojson",
            "--results",
            "@results/hale-2018.csv",
            "summary",
        ],
        code: 0,
        stderr: &["says British National Grid", "read as longitude/latitude"],
        stdout: &["Seats: Lab 1"],
    },
    Case {
        what: "British National Grid with no crs member: read as BNG, said",
        args: &["--boundaries", "@boundaries/bng-no-crs.geojson", "--results", "@results/hale-2018.csv", "summary"],
        code: 0,
        stderr: &["no `crs` member", "British National Grid"],
        stdout: &["Seats: Lab 1"],
    },
    Case {
        what: "a point among polygons",
        args: &["--boundaries", "@boundaries/mixed-point.geojson", "--results", "@results/hale-2018.csv", "summary"],
        code: 0,
        stderr: &["skipped 1 feature", "Point", "feature(s) 2"],
        stdout: &[],
    },
    Case {
        what: "a ring that crosses itself",
        args: &["--boundaries", "@boundaries/bow-tie.geojson", "--results", "@results/hale-2018.csv", "summary"],
        code: 0,
        stderr: &["feature 1 (Hale)", "crosses itself"],
        stdout: &[],
    },
    Case {
        what: "--out inside a file (issue 15: 'the folder does not exist')",
        args: &[
            "--boundaries",
            "@boundaries/hale.geojson",
            "--results",
            "@results/hale-2018.csv",
            "export",
            "--out",
            "@out/old.png/x.png",
        ],
        code: 1,
        stderr: &["old.png is a file, not a folder"],
        stdout: &[],
    },
    Case {
        what: "--out over an existing file without --force",
        args: &[
            "--boundaries",
            "@boundaries/hale.geojson",
            "--results",
            "@results/hale-2018.csv",
            "export",
            "--out",
            "@out/old.png",
        ],
        code: 1,
        stderr: &["already exists", "--force"],
        stdout: &[],
    },
    Case {
        what: "--out into a folder that does not exist",
        args: &[
            "--boundaries",
            "@boundaries/hale.geojson",
            "--results",
            "@results/hale-2018.csv",
            "export",
            "--out",
            "@out/missing-folder/x.png",
        ],
        code: 1,
        stderr: &["the folder", "missing-folder", "does not exist"],
        stdout: &[],
    },
    Case {
        what: "--out naming a folder",
        args: &[
            "--boundaries",
            "@boundaries/hale.geojson",
            "--results",
            "@results/hale-2018.csv",
            "export",
            "--out",
            "@out/folder.png",
        ],
        code: 1,
        stderr: &["folder.png is a folder, not a file name"],
        stdout: &[],
    },
    Case {
        what: "a results file that is not there",
        args: &["--results", "@results/does-not-exist.csv", "summary"],
        code: 1,
        stderr: &["There is no file", "does-not-exist.csv"],
        stdout: &[],
    },
    Case {
        what: "a folder given as results",
        args: &["--results", "@results", "summary"],
        code: 1,
        stderr: &["is a folder, not a file"],
        stdout: &[],
    },
    Case {
        what: "a character device given as boundaries",
        args: &["--boundaries", "/dev/null", "summary"],
        code: 1,
        stderr: &["/dev/null is a character device, not a regular file"],
        stdout: &[],
    },
    Case {
        what: "a device that never ends given as results",
        args: &["--results", "/dev/zero", "summary"],
        code: 1,
        stderr: &["/dev/zero is a character device"],
        stdout: &[],
    },
    Case {
        what: "an election year that is not loaded",
        args: &[
            "--boundaries",
            "@boundaries/hale.geojson",
            "--results",
            "@results/hale-2018.csv",
            "summary",
            "--election",
            "1999",
        ],
        code: 1,
        stderr: &["no results for", "1999"],
        stdout: &[],
    },
    Case {
        what: "a borough that is not loaded",
        args: &[
            "--boundaries",
            "@boundaries/hale.geojson",
            "--results",
            "@results/hale-2018.csv",
            "summary",
            "--borough",
            "Atlantis",
        ],
        code: 1,
        stderr: &["Atlantis"],
        stdout: &[],
    },
    Case {
        what: "an option wardmap does not have",
        args: &["--bogus"],
        code: 2,
        stderr: &["unexpected argument '--bogus'"],
        stdout: &[],
    },
    Case {
        what: "a swing between a party and itself",
        args: &[
            "--boundaries",
            "@boundaries/hale.geojson",
            "--results",
            "@results/hale-2018.csv",
            "summary",
            "--swing",
            "Labour,Labour",
        ],
        code: 2,
        stderr: &["two different parties"],
        stdout: &[],
    },
];

/// The folder of the fixtures.
fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/bad_inputs")
}

/// What one run did, or that it had to be killed.
struct Run {
    status: Option<ExitStatus>,
    stdout: String,
    stderr: String,
}

/// Run the binary with `args` (stdout to `stdout`, or captured), waiting at most [`WAIT`] and
/// killing it after that. Output goes through files, so a chatty run never blocks on a pipe.
fn run_with(args: &[String], stdout: Option<Stdio>) -> Run {
    let dir = tempfile::tempdir().expect("a folder for the output");
    let (out_path, err_path) = (dir.path().join("stdout"), dir.path().join("stderr"));
    let captured = stdout.is_none();
    let stdout = stdout.unwrap_or_else(|| std::fs::File::create(&out_path).expect("stdout file").into());
    let mut child = Command::new(env!("CARGO_BIN_EXE_wardmap"))
        .args(args)
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        .env_remove("WAYLAND_SOCKET")
        .stdin(Stdio::null())
        .stdout(stdout)
        .stderr(std::fs::File::create(&err_path).expect("stderr file"))
        .spawn()
        .expect("the binary starts");
    let step = Duration::from_millis(10);
    let mut status = None;
    for _ in 0..WAIT.as_millis() / step.as_millis() {
        if let Some(done) = child.try_wait().expect("the run can be waited for") {
            status = Some(done);
            break;
        }
        std::thread::sleep(step);
    }
    if status.is_none() {
        let _ = child.kill();
        let _ = child.wait();
    }
    let read = |path: &Path| String::from_utf8_lossy(&std::fs::read(path).unwrap_or_default()).into_owned();
    Run { status, stdout: if captured { read(&out_path) } else { String::new() }, stderr: read(&err_path) }
}

fn run(args: &[String]) -> Run {
    run_with(args, None)
}

/// The arguments of a case with `@x` made a path under the fixtures.
fn arguments(case: &Case) -> Vec<String> {
    let root = fixtures();
    case.args
        .iter()
        .map(|arg| match arg.strip_prefix('@') {
            Some(rest) => root.join(rest).to_string_lossy().into_owned(),
            None => (*arg).to_owned(),
        })
        .collect()
}

/// Everything wrong with one run of a case, in words; empty when it passed.
fn problems(case: &Case, run: &Run) -> Vec<String> {
    let mut problems = Vec::new();
    match run.status {
        None => problems.push(format!("did not finish within {} s and was killed", WAIT.as_secs())),
        Some(status) if status.code() != Some(case.code) => {
            problems.push(format!("exited with {status}, not {}", case.code));
        }
        Some(_) => {}
    }
    if run.stderr.contains("panicked") {
        problems.push("panicked".to_owned());
    }
    let stderr = run.stderr.to_lowercase();
    problems.extend(
        case.stderr.iter().filter(|w| !stderr.contains(&w.to_lowercase())).map(|w| format!("stderr lacks \"{w}\"")),
    );
    problems.extend(case.stdout.iter().filter(|w| !run.stdout.contains(*w)).map(|w| format!("stdout lacks \"{w}\"")));
    if case.code == 1 && !run.stderr.starts_with("wardmap: ") {
        problems.push("the error is not one line starting \"wardmap: \"".to_owned());
    }
    problems
}

#[test]
fn every_bad_input_gets_its_message_and_exit_code_and_nothing_panics() {
    assert!(CASES.len() >= 60, "the suite keeps at least 60 cases, has {}", CASES.len());
    let next = std::sync::atomic::AtomicUsize::new(0);
    let runs = std::sync::atomic::AtomicUsize::new(0);
    let failures = std::sync::Mutex::new(Vec::new());
    // Two at a time: the machines this runs on have two cores.
    std::thread::scope(|scope| {
        for _ in 0..2 {
            scope.spawn(|| {
                loop {
                    let index = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                    let Some(case) = CASES.get(index) else { break };
                    let result = run(&arguments(case));
                    runs.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                    let problems = problems(case, &result);
                    if !problems.is_empty() {
                        failures.lock().expect("no worker panicked").push(format!(
                            "case {} ({}): {}\n  wardmap {}\n  stderr: {}",
                            index + 1,
                            case.what,
                            problems.join("; "),
                            case.args.join(" "),
                            result.stderr.trim()
                        ));
                    }
                }
            });
        }
    });
    // The bound on the work: one run per case, no more.
    assert_eq!(runs.into_inner(), CASES.len());
    let failures = failures.into_inner().expect("no worker panicked");
    assert!(failures.is_empty(), "{} of {} cases failed:\n{}", failures.len(), CASES.len(), failures.join("\n"));
}

#[test]
fn the_fixtures_are_small_and_each_is_used() {
    let mut files = Vec::new();
    let mut folders = vec![fixtures()];
    while let Some(folder) = folders.pop() {
        for entry in std::fs::read_dir(&folder).expect("the fixtures folder").flatten() {
            let path = entry.path();
            if path.is_dir() {
                folders.push(path);
            } else if path.file_name().is_some_and(|n| n != "README.md") {
                files.push(path);
            }
        }
    }
    assert!(files.len() >= 60, "at least 60 fixture files, found {}", files.len());
    let named: Vec<String> = CASES.iter().flat_map(arguments).collect();
    for file in &files {
        let size = std::fs::metadata(file).expect("a fixture").len();
        assert!(size < 10 * 1024, "{} is {size} bytes: keep fixtures under 10 KB", file.display());
        let text = file.to_string_lossy();
        let used = named.iter().any(|arg| arg == &*text || text.starts_with(&format!("{arg}/")));
        assert!(used, "{} is in no case", file.display());
    }
    let readme = std::fs::read_to_string(fixtures().join("README.md")).expect("the README");
    for case in CASES {
        assert!(readme.contains(case.what), "README.md does not list \"{}\"", case.what);
    }
}

/// The Hale pair every case spoils, as arguments.
fn hale(command: &[&str]) -> Vec<String> {
    let root = fixtures();
    let mut args = vec![
        "--boundaries".to_owned(),
        root.join("boundaries/hale.geojson").to_string_lossy().into_owned(),
        "--results".to_owned(),
        root.join("results/hale-2018.csv").to_string_lossy().into_owned(),
    ];
    args.extend(command.iter().map(|a| (*a).to_owned()));
    args
}

#[cfg(unix)]
#[test]
fn a_fifo_with_no_writer_is_refused_at_once_instead_of_blocking() {
    let dir = tempfile::tempdir().expect("a folder");
    let fifo = dir.path().join("results.csv");
    let made = Command::new("mkfifo").arg(&fifo).status().is_ok_and(|s| s.success());
    assert!(made, "mkfifo makes a FIFO");
    for option in ["--results", "--boundaries"] {
        let result = run(&[option.to_owned(), fifo.to_string_lossy().into_owned(), "summary".to_owned()]);
        let case = Case {
            what: "a FIFO",
            args: &[],
            code: 1,
            stderr: &["is a FIFO (named pipe), not a regular file"],
            stdout: &[],
        };
        let problems = problems(&case, &result);
        assert!(problems.is_empty(), "{option} FIFO: {problems:?}: {}", result.stderr);
    }
}

#[test]
fn a_closed_pipe_on_stdout_ends_quietly_with_success() {
    // The read end is closed before the binary writes a byte: every write fails with EPIPE, as
    // under `wardmap summary | head -1` once head has exited.
    let mut child = Command::new(env!("CARGO_BIN_EXE_wardmap"))
        .args(hale(&["summary"]))
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary starts");
    drop(child.stdout.take());
    let output = child.wait_with_output().expect("the run ends");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert!(output.status.success(), "{:?}: {stderr}", output.status);
    assert!(stderr.is_empty(), "a closed pipe is not an error to report: {stderr}");
}

#[cfg(target_os = "linux")]
#[test]
fn a_full_disk_on_stdout_is_one_line_and_a_failure() {
    let full = std::fs::OpenOptions::new().write(true).open("/dev/full").expect("/dev/full");
    let result = run_with(&hale(&["summary"]), Some(full.into()));
    let case = Case {
        what: "stdout on a full disk",
        args: &[],
        code: 1,
        stderr: &["wardmap: could not write the output: No space left on device"],
        stdout: &[],
    };
    let found = problems(&case, &result);
    assert!(found.is_empty(), "{found:?}: {}", result.stderr);
    assert_eq!(result.stderr.lines().count(), 1, "{}", result.stderr);
    // clap's own output (`--help`, `--version`) goes the same way.
    let full = std::fs::OpenOptions::new().write(true).open("/dev/full").expect("/dev/full");
    let result = run_with(&["--version".to_owned()], Some(full.into()));
    let found = problems(&case, &result);
    assert!(found.is_empty(), "--version: {found:?}: {}", result.stderr);
}

#[test]
fn barnet_with_every_candidate_elected_and_no_seats_column_is_refused_not_given_220_seats() {
    // Barnet 2018 as a spreadsheet might send it: the seats column dropped, every row flagged.
    let original = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("data/results/barnet-2018.csv"))
        .expect("Barnet's 2018 results");
    let mut text = String::new();
    for line in original.lines() {
        let mut cells: Vec<&str> = line.split(',').collect();
        assert_eq!(cells.len(), 8, "the own format without quotes: {line}");
        cells.remove(3);
        if let Some(last) = cells.last_mut()
            && *last == "false"
        {
            *last = "true";
        }
        text.push_str(&cells.join(","));
        text.push('\n');
    }
    let (_dir, path) = common::temp_file("barnet-2018.csv", text);
    let boundaries = common::barnet_2002_boundaries();
    let result = run(&[
        "--boundaries".to_owned(),
        boundaries.to_string_lossy().into_owned(),
        "--results".to_owned(),
        path.to_string_lossy().into_owned(),
        "summary".to_owned(),
    ]);
    let case = Case {
        what: "Barnet, all elected",
        args: &[],
        code: 1,
        stderr: &["every candidate in", "is marked elected", "there is no seats column", "add a seats column"],
        stdout: &[],
    };
    let problems = problems(&case, &result);
    assert!(problems.is_empty(), "{problems:?}: {}", result.stderr);
    // And the real file still gives Barnet its 63 seats.
    let result = run(&[
        "--boundaries".to_owned(),
        boundaries.to_string_lossy().into_owned(),
        "--results".to_owned(),
        Path::new(env!("CARGO_MANIFEST_DIR")).join("data/results/barnet-2018.csv").to_string_lossy().into_owned(),
        "summary".to_owned(),
    ]);
    assert!(result.stdout.contains("Seats: Con 38 · Lab 25"), "{}{}", result.stdout, result.stderr);
}

#[test]
fn a_file_over_the_size_limit_is_refused_before_it_is_read() {
    let dir = tempfile::tempdir().expect("a folder");
    let path = dir.path().join("huge.csv");
    let file = std::fs::File::create(&path).expect("create");
    file.set_len(wardmap::io::MAX_FILE_BYTES + 1).expect("a sparse file");
    let result = run(&["--results".to_owned(), path.to_string_lossy().into_owned(), "summary".to_owned()]);
    let case =
        Case { what: "huge", args: &[], code: 1, stderr: &["MB, more than the 256 MB", "Cut it down"], stdout: &[] };
    let problems = problems(&case, &result);
    assert!(problems.is_empty(), "{problems:?}: {}", result.stderr);
}

#[cfg(unix)]
#[test]
fn forcing_an_export_over_a_link_writes_its_target_and_keeps_a_read_only_mode() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().expect("a folder");
    let target = dir.path().join("real.png");
    std::fs::write(&target, b"old").expect("write");
    std::fs::set_permissions(&target, std::fs::Permissions::from_mode(0o444)).expect("chmod 444");
    let link = dir.path().join("map.png");
    std::os::unix::fs::symlink(&target, &link).expect("a link");
    // A temporary file of a run killed midway (no process has this id): swept by the export.
    let stale = dir.path().join(".map.png.4294967290-0.tmp");
    std::fs::write(&stale, b"half a png").expect("write");
    let result = run(&hale(&["export", "--force", "--out", &link.to_string_lossy()]));
    assert_eq!(result.status.and_then(|s| s.code()), Some(0), "{}", result.stderr);
    assert!(std::fs::symlink_metadata(&link).expect("the link").file_type().is_symlink(), "the link stays a link");
    assert!(std::fs::read(&target).expect("the target").starts_with(b"\x89PNG"), "the target holds the export");
    let mode = std::fs::metadata(&target).expect("the target").permissions().mode() & 0o777;
    assert_eq!(mode, 0o444, "the file keeps its mode");
    if Path::new("/proc/self").exists() {
        assert!(!stale.exists(), "a dead run's temporary file is swept");
    }
}
