//! `wardmap scatter`: one measure against another, ward by ward. Prints n, Pearson's r, the
//! rank correlation, the slope and intercept of the least-squares line and what r means; with
//! `--out`, writes the plot (PNG, SVG) or its points (CSV).

use super::summary::{choose_borough, choose_election};
use crate::analysis::measures::{ColourSpec, parse_axis};
use crate::analysis::scatter::{Scatter, scatter};
use crate::model::Dataset;
use crate::render::{self, Overwrite, ScatterFormat, ScatterOptions};
use clap::Args;
use std::fmt::Write as _;
use std::path::PathBuf;

/// The measure syntax, shown under `wardmap scatter --help`.
const AFTER_HELP: &str = "Measures (for --x and --y): share[:PARTY], change[:PARTY], swing[:PARTY:PARTY] \
(positive towards the first; default Conservative:Labour), turnout, majority, census:COLUMN[:YEAR] \
(census columns: christian, buddhist, hindu, jewish, muslim, sikh, other_religion, no_religion, \
religion_not_stated; with no \
year, the latest census not after the election), or TABLE:COLUMN for a column of a ward-figures CSV \
opened with --results (TABLE is the file's name without .csv).\n\n\
Example: wardmap scatter --borough Barnet --x census:jewish:2011 --y swing --from 2014 --to 2018";

#[derive(Debug, Args, Clone)]
#[command(after_help = AFTER_HELP)]
pub struct ScatterArgs {
    /// The measure along the x axis, e.g. census:jewish:2011 (see below).
    #[arg(long, value_name = "MEASURE")]
    pub x: String,
    /// The measure up the y axis, e.g. swing (see below).
    #[arg(long, value_name = "MEASURE")]
    pub y: String,
    /// The borough, loosely named, or `london` for every ward of the city (default: Barnet, or
    /// the only borough loaded).
    #[arg(long, value_name = "NAME")]
    pub borough: Option<String>,
    /// On a map of London, only the wards of this borough.
    #[arg(long, value_name = "NAME")]
    pub within: Option<String>,
    /// The election (default: the borough's latest).
    #[arg(long, value_name = "YEAR", conflicts_with = "to")]
    pub election: Option<i32>,
    /// The earlier election, for change and swing (default: the previous one on the same wards).
    #[arg(long, value_name = "YEAR")]
    pub from: Option<i32>,
    /// The later election, for change and swing: the election plotted.
    #[arg(long, value_name = "YEAR")]
    pub to: Option<i32>,
    /// How vote shares are counted in multi-member wards: top-vote or total-votes.
    #[arg(long, value_name = "METHOD", default_value = "top-vote", value_parser = super::summary::share_method_arg)]
    pub method: crate::analysis::share::ShareMethod,
    /// Write the plot (FILE.png, FILE.svg) or its points (FILE.csv).
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
    /// Image width in pixels at 1×.
    #[arg(long, value_name = "PX", default_value_t = 1200)]
    pub width: u32,
    /// Pixel density for PNG: 2 gives twice the pixels.
    #[arg(long, value_name = "N", default_value_t = 1.0)]
    pub scale: f32,
    /// Replace FILE if it exists.
    #[arg(long)]
    pub force: bool,
}

/// Work out the plot, print its statistics and write `--out`.
///
/// # Errors
/// A measure name that does not parse or cannot be shown for the election, no such borough or
/// election, or a file that cannot be written.
pub fn run(data: &Dataset, args: &ScatterArgs) -> Result<String, String> {
    let format = args.out.as_deref().map(ScatterFormat::of).transpose()?;
    let overwrite = if args.force { Overwrite::Allow } else { Overwrite::Refuse };
    if let Some(path) = &args.out {
        render::check_target(path, overwrite).map_err(|e| e.to_string())?;
    }
    let base = ColourSpec { baseline: args.from, method: args.method, ..ColourSpec::winner() };
    let x = parse_axis(&args.x, &base).map_err(|e| format!("--x {e}"))?;
    let y = parse_axis(&args.y, &base).map_err(|e| format!("--y {e}"))?;
    let borough = choose_borough(data, args.borough.as_deref())?;
    let id = choose_election(data, &borough, args.to.or(args.election))?;
    let plot = scatter(data, id, &x, &y, args.within.as_deref()).map_err(|e| e.to_string())?;
    let mut out = report(&plot);
    if let (Some(path), Some(format)) = (&args.out, format) {
        let opts = ScatterOptions {
            width_px: args.width,
            scale: args.scale,
            attribution: Some(plot.credits.clone()),
            rank: true,
        };
        let bytes = render::encode_scatter(&plot, format, &opts)?;
        render::write_atomically(path, &bytes, overwrite).map_err(|e| e.to_string())?;
        out.push_str(&format!("wrote {}\n", path.display()));
    }
    Ok(out)
}

/// The statistics as lines of text.
#[must_use]
pub fn report(plot: &Scatter) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{}", render::scatter_title(plot));
    let _ = writeln!(out, "x: {}", plot.x.with_unit());
    let _ = writeln!(out, "y: {}", plot.y.with_unit());
    let _ = writeln!(out, "n = {}", plot.points.len());
    if let Some(fit) = plot.fit {
        let unit = |u: &str| if u.is_empty() { String::new() } else { format!(" {u}") };
        let _ = writeln!(out, "r = {:.3} (Pearson)", fit.r);
        let _ = writeln!(out, "rank r = {:.3} (Spearman)", fit.rank_r);
        let per = if plot.x.unit.is_empty() { String::new() } else { format!(" per {}", plot.x.unit) };
        let _ = writeln!(out, "slope = {:.4}{}{per}", fit.slope, unit(&plot.y.unit));
        let _ = writeln!(out, "intercept = {:.4}{}", fit.intercept, unit(&plot.y.unit));
    }
    let _ = writeln!(out, "{}", plot.explanation());
    if let Some(warning) = plot.sample_warning() {
        let _ = writeln!(out, "warning: {warning}");
    }
    let _ = writeln!(out, "method: {}", plot.method());
    out
}
