//! `wardmap export`: the map as a PNG or SVG file, with no display at all.
//!
//! The colouring, legend and labels come from the same code the app draws with
//! ([`crate::analysis::colouring`], [`crate::render`]); this file only turns options into a
//! [`ColourSpec`], checks that the map can be drawn, and writes the file safely.

use std::path::{Path, PathBuf};

use clap::Args;

use super::summary::{choose_borough, choose_election};
use crate::analysis::colouring::{ColourMode, ColourSpec, MapSubject, colour, mode_availability};
use crate::analysis::measures::{Picker, measure};
use crate::model::Dataset;
use crate::render::{self, Overwrite, RenderOptions};

#[derive(Debug, Args, Clone)]
pub struct ExportArgs {
    /// The file to write: FILE.png or FILE.svg.
    #[arg(long, value_name = "FILE")]
    pub out: PathBuf,
    /// The borough to map, loosely named, or `london` for every ward of the city (default:
    /// Barnet, or the only borough loaded).
    #[arg(long, value_name = "NAME")]
    pub borough: Option<String>,
    /// The election to map (default: the borough's latest).
    #[arg(long, value_name = "YEAR", conflicts_with = "to")]
    pub election: Option<i32>,
    /// The earlier election, for change, swing and gains (default: the previous one on the
    /// same wards).
    #[arg(long, value_name = "YEAR")]
    pub from: Option<i32>,
    /// The later election, for change, swing and gains (default: the latest loaded).
    #[arg(long, value_name = "YEAR")]
    pub to: Option<i32>,
    /// What the map shows: winner, share, change, swing, majority, turnout, gains, control
    /// (council control, on London) or census (a ward figure: see --figure).
    #[arg(long, value_name = "MODE", default_value = "winner", visible_alias = "measure")]
    pub mode: String,
    /// The party for share and change. For swing, give it twice: positive swing is to the
    /// first (default: Conservative, and Labour for the swing pair).
    #[arg(long, value_name = "NAME")]
    pub party: Vec<String>,
    /// How shares are counted in multi-member wards: top-vote or total-votes.
    #[arg(long, value_name = "METHOD")]
    pub method: Option<String>,
    /// The ward figure for --mode census: census:COLUMN or census:COLUMN:YEAR (census:jewish:2011; with no
    /// year, the latest census not after the election) or TABLE:COLUMN of a ward-figures CSV
    /// opened with --results.
    #[arg(long, value_name = "NAME")]
    pub figure: Option<String>,
    /// Colour-blind-safe palettes.
    #[arg(long)]
    pub colour_blind: bool,
    /// Image width in pixels at 1×.
    #[arg(long, value_name = "PX", default_value_t = 1600)]
    pub width: u32,
    /// Pixel density: 2 gives twice the pixels, with lines and text drawn sharp at that size.
    #[arg(long, value_name = "N", default_value_t = 1.0)]
    pub scale: f32,
    /// The title above the map (default: what the map shows, e.g. "Barnet 2018: winning
    /// party by ward"); an empty string for none.
    #[arg(long, value_name = "TEXT")]
    pub title: Option<String>,
    /// The attribution line along the bottom (default: the OS/ONS boundary attribution).
    #[arg(long, value_name = "TEXT", conflicts_with = "no_attribution")]
    pub attribution: Option<String>,
    /// Leave out the attribution line.
    #[arg(long)]
    pub no_attribution: bool,
    /// Leave out the legend box.
    #[arg(long)]
    pub no_legend: bool,
    /// Leave out ward names.
    #[arg(long)]
    pub no_labels: bool,
    /// Replace FILE if it exists.
    #[arg(long)]
    pub force: bool,
    /// One small map per election of the borough (or London) that has results, in a grid, in
    /// one measure, each titled by its year, with one shared legend.
    #[arg(long, conflicts_with_all = ["election", "from", "to"])]
    pub small_multiples: bool,
}

/// The two formats, chosen by the file name's extension.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Png,
    Svg,
}

impl Format {
    pub fn of(path: &Path) -> Result<Format, String> {
        let extension = path.extension().map(|e| e.to_string_lossy().to_lowercase());
        match extension.as_deref() {
            Some("png") => Ok(Format::Png),
            Some("svg") => Ok(Format::Svg),
            _ => Err(format!("cannot tell the format of {}: name it .png or .svg", path.display())),
        }
    }
}

/// The colour spec the options ask for. Which options apply is the measure's to say (its
/// pickers), so a new measure needs nothing here.
pub fn spec_from(args: &ExportArgs) -> Result<ColourSpec, String> {
    let mode: ColourMode = args.mode.parse().map_err(|e: crate::analysis::measures::UnknownMode| e.to_string())?;
    let pickers = measure(mode).pickers();
    if args.from.is_some() && !pickers.contains(&Picker::Baseline) {
        return Err(format!(
            "--from compares two elections: use it with --mode {}, not {mode}",
            modes_with(Picker::Baseline, "or")
        ));
    }
    let mut spec = ColourSpec { mode, baseline: args.from, colour_blind: args.colour_blind, ..ColourSpec::winner() };
    match args.party.as_slice() {
        [] => {}
        parties if pickers.contains(&Picker::PartyPair) => match parties {
            [first] => spec.swing.0.clone_from(first),
            [first, second] => spec.swing = (first.clone(), second.clone()),
            _ => return Err("swing is between two parties: give --party at most twice".into()),
        },
        [party] if pickers.contains(&Picker::Party) => spec.party.clone_from(party),
        _ if pickers.contains(&Picker::Party) => {
            return Err(format!("give one --party for {}", modes_with(Picker::Party, "and")));
        }
        _ => return Err(format!("--party does not apply to --mode {mode}")),
    }
    if let Some(method) = &args.method {
        spec.method = method.parse().map_err(|e: crate::analysis::UnknownShareMethod| e.to_string())?;
    }
    if let Some(figure) = &args.figure {
        if !pickers.contains(&Picker::Attribute) {
            return Err(format!(
                "--figure names a ward figure: use it with --mode {}",
                modes_with(Picker::Attribute, "or")
            ));
        }
        spec.attribute.clone_from(figure);
    }
    Ok(spec)
}

/// The modes whose measures take `picker`, as words: "change, swing or gains".
fn modes_with(picker: Picker, conjunction: &str) -> String {
    let keys: Vec<&str> =
        ColourMode::ALL.iter().filter(|m| measure(**m).pickers().contains(&picker)).map(|m| m.key()).collect();
    match keys.split_last() {
        Some((last, [])) => (*last).to_owned(),
        Some((last, rest)) => format!("{} {conjunction} {last}", rest.join(", ")),
        None => String::new(),
    }
}

/// Run the command: render and write the file, or say why not.
pub fn run(data: &Dataset, args: &ExportArgs) -> Result<String, String> {
    if args.small_multiples {
        return super::small_multiples::run(data, args);
    }
    let format = Format::of(&args.out)?;
    let overwrite = if args.force { Overwrite::Allow } else { Overwrite::Refuse };
    render::check_target(&args.out, overwrite).map_err(|e| e.to_string())?;
    let spec = spec_from(args)?;
    let borough = choose_borough(data, args.borough.as_deref())?;
    let id = choose_election(data, &borough, args.to.or(args.election))?;
    let subject = MapSubject::Election(id);
    let what = ColourMode::label(spec.mode).to_lowercase();
    mode_availability(data, subject, &spec, spec.mode)
        .map_err(|reason| format!("cannot draw the {what} map: {}", mid_sentence(&reason.to_string())))?;
    let colouring = colour(data, subject, &spec);
    if let Some(reason) = &colouring.unavailable {
        return Err(format!("cannot draw the {what} map: {}", mid_sentence(reason)));
    }
    let opts = RenderOptions {
        width_px: args.width,
        scale: args.scale,
        title: Some(args.title.clone().unwrap_or_else(|| render::default_title(&colouring))),
        legend: !args.no_legend,
        attribution: (!args.no_attribution).then(|| {
            args.attribution.clone().unwrap_or_else(|| crate::analysis::measures::credits_for(data, Some(id), &spec))
        }),
        labels: !args.no_labels,
        view: None,
    };
    let scene = render::scene_for(data, subject, &colouring, &opts).map_err(|e| e.to_string())?;
    let bytes = match format {
        Format::Png => render::encode_png(&scene).map_err(|e| e.to_string())?,
        Format::Svg => render::write_svg(&scene).into_bytes(),
    };
    render::write_atomically(&args.out, &bytes, overwrite).map_err(|e| e.to_string())?;
    Ok(format!("wrote {} ({} × {} px)\n", args.out.display(), scene.width, scene.height))
}

/// A reason written as a sentence ("There is no …"), lower-cased to follow a colon; words in
/// capitals ("ONS …") are left alone.
fn mid_sentence(reason: &str) -> String {
    // Only a sentence's opening word is lowered: a reason that starts with a name ("Redbridge
    // 2014 and …") keeps its capital.
    const OPENERS: &[&str] = &["The", "There", "These", "This", "No", "One", "Swing", "Council", "A", "An"];
    let first_word = reason.split(' ').next().unwrap_or_default();
    if OPENERS.contains(&first_word) {
        let mut chars = reason.chars();
        chars.next().map_or_else(String::new, |first| first.to_lowercase().chain(chars).collect())
    } else {
        reason.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::mid_sentence;

    #[test]
    fn only_an_opening_word_is_lowered_not_a_name() {
        assert_eq!(mid_sentence("There is no earlier election"), "there is no earlier election");
        assert_eq!(
            mid_sentence("Redbridge 2014 and Redbridge 2018 were fought"),
            "Redbridge 2014 and Redbridge 2018 were fought"
        );
    }
}
