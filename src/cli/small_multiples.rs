//! `wardmap export --small-multiples`: one small map per election of the borough (or London)
//! that has results, in one measure, each titled by its year, with one shared legend.

use super::export::{ExportArgs, Format, spec_from};
use super::summary::choose_borough;
use crate::analysis::colouring::{ColourMode, MapSubject, colour};
use crate::geometry::PreparedWardSet;
use crate::model::Dataset;
use crate::render::small_multiples::{
    GridOptions, Panel, encode_grid_png, shared_legend, small_multiples, write_grid_svg,
};
use crate::render::{self, Overwrite};

/// Draw and write the grid; the text to print says what was written and which years were left
/// out, and why.
///
/// # Errors
/// No such borough, no election with results that can show the measure, or a file that cannot
/// be written.
pub fn run(data: &Dataset, args: &ExportArgs) -> Result<String, String> {
    let format = Format::of(&args.out)?;
    let overwrite = if args.force { Overwrite::Allow } else { Overwrite::Refuse };
    render::check_target(&args.out, overwrite).map_err(|e| e.to_string())?;
    let spec = spec_from(args)?;
    let borough = choose_borough(data, args.borough.as_deref())?;
    let mut shown = Vec::new();
    let mut left_out = Vec::new();
    for id in data.elections_of(&borough) {
        let Some(joined) = data.election(id) else { continue };
        let year = joined.election.year;
        if joined.election.contests.is_empty() {
            continue;
        }
        let Some(set) = joined.ward_set.and_then(|s| data.ward_set(s)) else { continue };
        let colouring = colour(data, MapSubject::Election(id), &spec);
        match &colouring.unavailable {
            Some(reason) => left_out.push(format!("{year}: {reason}")),
            None => shown.push((id, year, set, colouring)),
        }
    }
    if shown.is_empty() {
        let why = if left_out.is_empty() { String::new() } else { format!(" ({})", left_out.join("; ")) };
        return Err(format!("no election of {borough} with results can show this map{why}"));
    }
    let prepared: Vec<PreparedWardSet> = shown.iter().map(|(_, _, set, _)| PreparedWardSet::of_ward_set(set)).collect();
    let colourings: Vec<&_> = shown.iter().map(|(_, _, _, c)| c).collect();
    let mut legend = shared_legend(&colourings).map_err(|e| e.to_string())?;
    // The legend keys every year: its heading is the measure's, not the first year's.
    ColourMode::label(spec.mode).clone_into(&mut legend.title);
    let panels: Vec<Panel<'_>> = shown
        .iter()
        .zip(&prepared)
        .map(|((_, year, set, colouring), prepared)| Panel { title: year.to_string(), set, prepared, colouring })
        .collect();
    let (first, last) = (shown.first().map_or(0, |s| s.1), shown.last().map_or(0, |s| s.1));
    let what = ColourMode::label(spec.mode).to_lowercase();
    let title = args.title.clone().unwrap_or_else(|| format!("{borough}: {what} by ward, {first}–{last}"));
    let attribution = (!args.no_attribution).then(|| {
        args.attribution.clone().unwrap_or_else(|| {
            let mut lines: Vec<String> =
                shown.iter().map(|(id, ..)| crate::analysis::measures::credits_for(data, Some(*id), &spec)).collect();
            let mut seen = std::collections::HashSet::new();
            lines.retain(|line| seen.insert(line.clone()));
            lines.join(" ")
        })
    });
    let opts = GridOptions { width_px: args.width, title: Some(title), attribution };
    let grid = small_multiples(&panels, &legend, &opts).map_err(|e| e.to_string())?;
    let bytes = match format {
        Format::Png => encode_grid_png(&grid).map_err(|e| e.to_string())?,
        Format::Svg => write_grid_svg(&grid).into_bytes(),
    };
    render::write_atomically(&args.out, &bytes, overwrite).map_err(|e| e.to_string())?;
    let years: Vec<String> = shown.iter().map(|s| s.1.to_string()).collect();
    let mut text = format!(
        "wrote {} ({} × {} px): {} panels, {}\n",
        args.out.display(),
        grid.frame.width,
        grid.frame.height,
        shown.len(),
        years.join(", ")
    );
    for note in left_out {
        text.push_str(&format!("left out {note}\n"));
    }
    Ok(text)
}
