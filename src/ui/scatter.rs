//! The "Scatter" panel: two measures of the election shown, one point per ward coloured by
//! winner, the least-squares line with n, r and the slope in the legend, and what r means.
//! Hovering a point names its ward; clicking selects it on the map, and the map's selection
//! is ringed here. The figures come from [`crate::analysis::scatter`], the saved picture
//! from [`crate::render::scatter`]; this file lays them out.

use super::command::Command;
use super::panel_cache::PanelInput;
use super::state::{ScatterState, ViewState};
use super::widgets::to_color32;
use crate::analysis::colouring::MapSubject;
use crate::analysis::measures::parse_axis;
use crate::analysis::scatter::{AxisChoice, Scatter, ScatterError, axis_choices, scatter};
use crate::model::{Dataset, ElectionId};
use egui_plot::{HoverPosition, Line, MarkerShape, Plot, PlotPoint, PlotPoints, Points};

/// Where this frame drew each ward's point, in screen pixels, kept in the context's temporary
/// data under this id: the click test (and tests that click a point) read it.
pub const POINTS_ON_SCREEN: &str = "scatter_points_on_screen";

/// How near the pointer must be to a point to hover or click it, in points.
const PICK_RADIUS: f32 = 10.0;

/// The panel.
pub fn show(ui: &mut egui::Ui, input: &PanelInput<'_>) -> Vec<Command> {
    let PanelInput { data, subject, state, cache } = *input;
    let mut commands = Vec::new();
    ui.heading("Scatter");
    let Some(MapSubject::Election(id)) = subject else {
        ui.label("Pick an election at the top to plot its wards.");
        return commands;
    };
    let chosen = &state.scatter;
    let key = (id, &state.colour, &chosen.x, &chosen.y, &chosen.within);
    let plot = cache.get("scatter", &key, || plot_of(data, id, state));
    let choices = cache.get("scatter_choices", &(id, &state.colour), || axis_choices(data, id, &state.colour));
    egui::Grid::new("scatter_axes").num_columns(2).show(ui, |ui| {
        for (is_x, axis, name) in [(true, "x (across):", &chosen.x), (false, "y (up):", &chosen.y)] {
            let label = ui.label(axis);
            let fallback =
                Result::as_ref(&*plot).ok().map(|p| if is_x { p.x.title.as_str() } else { p.y.title.as_str() });
            if let Some(picked) = axis_picker(ui, (axis, label.id), name, fallback, &choices) {
                let next = if is_x {
                    ScatterState { x: picked, ..chosen.clone() }
                } else {
                    ScatterState { y: picked, ..chosen.clone() }
                };
                commands.push(Command::SetScatter(next));
            }
            ui.end_row();
        }
    });
    ui.horizontal_wrapped(|ui| {
        if ui.button("⇄ Swap axes").clicked() {
            commands.push(Command::SetScatter(ScatterState {
                x: chosen.y.clone(),
                y: chosen.x.clone(),
                ..chosen.clone()
            }));
        }
        let mut rank = chosen.rank;
        if ui
            .checkbox(&mut rank, "Rank correlation")
            .on_hover_text("Spearman's r: the correlation of the wards' ranks, less swayed by a few extreme wards")
            .changed()
        {
            commands.push(Command::SetScatter(ScatterState { rank, ..chosen.clone() }));
        }
    });
    if let Some(within) = borough_filter(ui, data, id, chosen) {
        commands.push(Command::SetScatter(ScatterState { within, ..chosen.clone() }));
    }
    match plot.as_ref() {
        Ok(plot) => {
            commands.extend(chart(ui, plot, state));
            statistics(ui, plot, chosen.rank);
            commands.extend(save_row(ui, chosen));
        }
        Err(reason) => {
            ui.add_space(6.0);
            ui.colored_label(ui.visuals().warn_fg_color, capitalised(reason));
        }
    }
    commands
}

/// The plot the state asks for.
fn plot_of(data: &Dataset, id: ElectionId, state: &ViewState) -> Result<Scatter, String> {
    let axis = |name: &str| parse_axis(name, &state.colour).map_err(|e| e.to_string());
    let (x, y) = (axis(&state.scatter.x)?, axis(&state.scatter.y)?);
    let within = state.scatter.within.as_deref().filter(|_| is_london(data, id));
    scatter(data, id, &x, &y, within).map_err(|e| match e {
        ScatterError::NoPoints => "No ward has a value on both axes: try other measures.".to_owned(),
        other @ ScatterError::Axis { .. } => other.to_string(),
    })
}

/// Write the plot the state asks for to `path` (PNG, SVG, or the points as CSV).
///
/// # Errors
/// The plot cannot be made, or the file cannot be written, in words.
pub fn save(data: &Dataset, id: ElectionId, state: &ViewState, path: &std::path::Path) -> Result<(), String> {
    let format = crate::render::ScatterFormat::of(path)?;
    let plot = plot_of(data, id, state)?;
    let opts = crate::render::ScatterOptions {
        attribution: Some(plot.credits.clone()),
        rank: state.scatter.rank,
        ..crate::render::ScatterOptions::default()
    };
    let bytes = crate::render::encode_scatter(&plot, format, &opts)?;
    crate::render::write_atomically(path, &bytes, crate::render::Overwrite::Allow).map_err(|e| e.to_string())
}

fn is_london(data: &Dataset, id: ElectionId) -> bool {
    data.election(id).is_some_and(|e| e.election.borough == crate::session::london::LONDON)
}

/// A picker of the measures on offer; the new name when one is picked.
fn axis_picker(
    ui: &mut egui::Ui,
    (id, label): (&str, egui::Id),
    current: &str,
    fallback: Option<&str>,
    choices: &[AxisChoice],
) -> Option<String> {
    // A saved name the list spells otherwise ("census:jewish", the latest census) shows the
    // plotted measure's title.
    let shown = choices.iter().find(|c| c.name == current).map_or(fallback.unwrap_or(current), |c| c.label.as_str());
    let mut picked = None;
    egui::ComboBox::from_id_salt(("scatter_axis", id))
        .selected_text(shown)
        .width(240.0)
        .show_ui(ui, |ui| {
            for choice in choices {
                if ui.selectable_label(choice.name == current, &choice.label).on_hover_text(&choice.name).clicked() {
                    picked = Some(choice.name.clone());
                }
            }
        })
        .response
        .labelled_by(label);
    picked.filter(|p| p != current)
}

/// On a map of London, a picker of one borough's wards; the new filter when one is picked.
#[allow(clippy::option_option, reason = "None: nothing picked; Some(None): all of London")]
fn borough_filter(ui: &mut egui::Ui, data: &Dataset, id: ElectionId, chosen: &ScatterState) -> Option<Option<String>> {
    if !is_london(data, id) {
        return None;
    }
    let set = data.election(id).and_then(|e| e.ward_set).and_then(|s| data.ward_set(s))?;
    let mut boroughs: Vec<&str> = set.wards.iter().filter_map(|w| w.borough.as_deref()).collect();
    boroughs.sort_unstable();
    boroughs.dedup();
    let mut picked = None;
    ui.horizontal(|ui| {
        let label = ui.label("Wards of:");
        let shown = chosen.within.as_deref().unwrap_or("All London");
        let combo = egui::ComboBox::from_id_salt("scatter_within").selected_text(shown).show_ui(ui, |ui| {
            if ui.selectable_label(chosen.within.is_none(), "All London").clicked() {
                picked = Some(None);
            }
            for borough in boroughs {
                if ui.selectable_label(chosen.within.as_deref() == Some(borough), borough).clicked() {
                    picked = Some(Some(borough.to_owned()));
                }
            }
        });
        combo.response.labelled_by(label.id);
    });
    picked.filter(|p| *p != chosen.within)
}

/// The plot: a series per winning party, the fitted line, the selection ringed. A click on a
/// point selects its ward (Ctrl or Shift adds it to the selection).
fn chart(ui: &mut egui::Ui, plot: &Scatter, state: &ViewState) -> Vec<Command> {
    let mut commands = Vec::new();
    let groups = winner_groups(plot);
    let label_of = |name: &str, index: usize| {
        let group = groups.iter().find(|(series, _, _)| series == name)?;
        let point = &plot.points[*group.2.get(index)?];
        Some(format!("{}\n{}", point.name, values_text(plot, point, "\n")))
    };
    let (line_ink, ring_ink) = (ui.visuals().text_color(), ui.visuals().strong_text_color());
    let unit = |u: &str| if u.is_empty() { String::new() } else { format!(" ({u})") };
    let response = Plot::new("scatter_plot")
        .height(320.0)
        .x_axis_label(format!("{}{}", plot.x.heading(), unit(&plot.x.unit)))
        .y_axis_label(format!("{}{}", plot.y.heading(), unit(&plot.y.unit)))
        .allow_double_click_reset(true)
        .label_formatter(|hover: &HoverPosition<'_>| match hover {
            HoverPosition::NearDataPoint { plot_name, index, .. } => label_of(plot_name, *index),
            HoverPosition::Elsewhere { .. } => None,
        })
        .show(ui, |plot_ui| {
            for (series, colour, members) in &groups {
                let points: Vec<[f64; 2]> = members.iter().map(|&i| [plot.points[i].x, plot.points[i].y]).collect();
                plot_ui.points(Points::new(series.clone(), PlotPoints::from(points)).color(*colour).radius(4.5));
            }
            if let Some(fit) = plot.fit {
                let (lo, hi) = plot
                    .points
                    .iter()
                    .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), p| (lo.min(p.x), hi.max(p.x)));
                let line = vec![[lo, fit.intercept + fit.slope * lo], [hi, fit.intercept + fit.slope * hi]];
                plot_ui.line(Line::new("Least-squares line", PlotPoints::from(line)).color(line_ink).width(2.0));
            }
            let selected: Vec<[f64; 2]> =
                plot.points.iter().filter(|p| state.selected.contains(&p.ward)).map(|p| [p.x, p.y]).collect();
            if !selected.is_empty() {
                plot_ui.points(
                    Points::new("Selected on the map", PlotPoints::from(selected))
                        .shape(MarkerShape::Circle)
                        .filled(false)
                        .radius(8.0)
                        .color(ring_ink)
                        .allow_hover(false),
                );
            }
        });
    key(ui, &groups, plot);
    for point in plot.points.iter().filter(|p| state.selected.contains(&p.ward)) {
        ui.label(format!("Selected: {}: {}", point.name, values_text(plot, point, ", ")));
    }
    let on_screen: Vec<(usize, egui::Pos2)> = plot
        .points
        .iter()
        .map(|p| (p.ward, response.transform.position_from_point(&PlotPoint::new(p.x, p.y))))
        .collect();
    if response.response.clicked()
        && let Some(pointer) = response.response.interact_pointer_pos()
        && let Some(ward) = nearest(&on_screen, pointer)
    {
        let extend = ui.input(|i| i.modifiers.command || i.modifiers.shift);
        let mut selection = if extend { state.selected.clone() } else { Vec::new() };
        match selection.iter().position(|w| *w == ward) {
            Some(i) if extend => {
                selection.remove(i);
            }
            Some(_) => {}
            None => selection.push(ward),
        }
        commands.push(Command::SelectWards(selection));
    }
    ui.ctx().data_mut(|d| d.insert_temp(egui::Id::unique(POINTS_ON_SCREEN), on_screen));
    commands
}

/// A point's two values, each after its axis: "Jewish residents 4.0 %, Swing Con↔Lab 2014→2018 2.1 pts".
fn values_text(plot: &Scatter, point: &crate::analysis::scatter::ScatterPoint, separator: &str) -> String {
    format!(
        "{} {}{separator}{} {}",
        plot.x.heading(),
        plot.x.value_text(point.x),
        plot.y.heading(),
        plot.y.value_text(point.y)
    )
}

/// The key under the plot: a dot per winning party with its count, then the line with n, r
/// and the slope. Drawn here rather than as the plot's legend, which would cover points.
fn key(ui: &mut egui::Ui, groups: &[(String, egui::Color32, Vec<usize>)], plot: &Scatter) {
    ui.horizontal_wrapped(|ui| {
        ui.spacing_mut().item_spacing.x = 4.0;
        for (series, colour, _) in groups {
            ui.label(egui::RichText::new("●").color(*colour));
            ui.label(series);
            ui.add_space(8.0);
        }
    });
    if let Some(label) = plot.fit_label() {
        ui.horizontal_wrapped(|ui| {
            ui.label(egui::RichText::new("━━").color(ui.visuals().text_color()));
            ui.strong(format!("Least-squares line: {label}"));
        });
    }
}

/// The ward whose point is nearest `pointer`, within [`PICK_RADIUS`].
fn nearest(on_screen: &[(usize, egui::Pos2)], pointer: egui::Pos2) -> Option<usize> {
    on_screen
        .iter()
        .map(|(ward, at)| (*ward, at.distance(pointer)))
        .filter(|(_, distance)| *distance <= PICK_RADIUS)
        .min_by(|a, b| a.1.total_cmp(&b.1))
        .map(|(ward, _)| ward)
}

/// The points by winner, biggest group first: the series name ("Conservative won (11)"), its
/// colour and the points' indexes.
fn winner_groups(plot: &Scatter) -> Vec<(String, egui::Color32, Vec<usize>)> {
    let mut groups: Vec<(String, egui::Color32, Vec<usize>)> = Vec::new();
    for (i, point) in plot.points.iter().enumerate() {
        match groups.iter_mut().find(|g| g.0 == point.winner) {
            Some(group) => group.2.push(i),
            None => groups.push((point.winner.clone(), to_color32(point.colour), vec![i])),
        }
    }
    groups.sort_by(|a, b| b.2.len().cmp(&a.2.len()).then_with(|| a.0.cmp(&b.0)));
    for group in &mut groups {
        let what = if group.0 == "Split" { "Split wards".to_owned() } else { format!("{} won", group.0) };
        group.0 = format!("{what} ({})", group.2.len());
    }
    groups
}

/// n, r, the slope and what they mean, under the plot.
fn statistics(ui: &mut egui::Ui, plot: &Scatter, rank: bool) {
    ui.add_space(4.0);
    if let Some(fit) = plot.fit.filter(|_| rank) {
        ui.label(format!("Rank correlation (Spearman): {:.2}", fit.rank_r));
    }
    ui.label(plot.explanation());
    if let Some(warning) = plot.sample_warning() {
        ui.colored_label(ui.visuals().warn_fg_color, warning);
    }
    ui.weak(plot.method());
}

/// Where to save, and the button.
fn save_row(ui: &mut egui::Ui, chosen: &ScatterState) -> Vec<Command> {
    let mut commands = Vec::new();
    ui.add_space(4.0);
    ui.horizontal(|ui| {
        let label = ui.label("Save as:");
        let mut path = chosen.path.clone();
        if ui
            .text_edit_singleline(&mut path)
            .labelled_by(label.id)
            .on_hover_text(".png or .svg for the picture, .csv for the points")
            .changed()
        {
            commands.push(Command::SetScatter(ScatterState { path: path.clone(), ..chosen.clone() }));
        }
        if ui.add_enabled(!path.trim().is_empty(), egui::Button::new("Save plot")).clicked() {
            commands.push(Command::SaveScatter(std::path::PathBuf::from(path.trim())));
        }
    });
    commands
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| first.to_uppercase().chain(chars).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_click_picks_the_nearest_point_within_reach() {
        let on_screen = [(3, egui::pos2(10.0, 10.0)), (7, egui::pos2(14.0, 10.0))];
        assert_eq!(nearest(&on_screen, egui::pos2(13.0, 10.0)), Some(7));
        assert_eq!(nearest(&on_screen, egui::pos2(9.0, 11.0)), Some(3));
        assert_eq!(nearest(&on_screen, egui::pos2(60.0, 60.0)), None);
    }
}
