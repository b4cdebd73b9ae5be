//! The comparisons panel: selected wards side by side, the same ward across elections, and the
//! borough as a reference row.
//!
//! Everything shown comes from [`crate::analysis::comparison`]; this file only lays it out.

use super::command::Command;
use super::panel_cache::{PanelCache, PanelInput};
use super::state::{self};
use super::widgets::{swatch, to_color32};
use crate::analysis::colouring::{ColourSpec, MapSubject};
use crate::analysis::comparison::{Comparison, ComparisonRow, compare_wards, ward_across_elections};
use crate::analysis::format::thousands;
use crate::analysis::measures::measure;
use crate::analysis::share::ShareMethod;
use crate::model::{Dataset, ElectionId, Party};
use egui::RichText;
use egui_plot::{Bar, BarChart, GridMark, Legend, Plot};

/// Party share columns in the tables: more would not fit a side panel; the rest are in the chart.
const TABLE_PARTIES: usize = 4;

/// Party groups in the chart.
const CHART_PARTIES: usize = 5;

/// The panel for the selected wards of the election shown; with one ward selected, that ward
/// across elections too.
pub fn show(ui: &mut egui::Ui, input: &PanelInput<'_>) -> Vec<Command> {
    let PanelInput { data, subject, state, cache } = *input;
    let mut commands = Vec::new();
    ui.heading("Compare wards");
    let Some(subject) = subject else {
        ui.label("No data loaded.");
        return commands;
    };
    let MapSubject::Election(id) = subject else {
        ui.label("Comparisons need results, and none are loaded for these wards. Pick an election at the top.");
        return commands;
    };
    let names: Vec<&str> = state::ward_set_of(data, subject)
        .and_then(|s| data.ward_set(s))
        .map(|s| s.wards.iter().map(|w| w.name.as_str()).collect())
        .unwrap_or_default();
    ui.label("Ctrl- or Shift-click wards on the map to add them, or pick them from the list.");
    ui.add_space(4.0);
    picker(ui, &names, &state.selected, &mut commands);
    if state.selected.is_empty() {
        ui.add_space(8.0);
        ui.weak("No wards selected yet.");
        return commands;
    }
    let comparison = cache.get("compare", &(id, &state.selected, &state.colour), || {
        compare_wards(data, id, &state.selected, &state.colour)
    });
    let Some(comparison) = comparison.as_ref() else {
        ui.label("This election is not loaded.");
        return commands;
    };
    ui.add_space(8.0);
    let mut rows: Vec<&ComparisonRow> = comparison.rows.iter().collect();
    rows.push(&comparison.reference);
    table(ui, "compare_table", comparison, &rows, &state.colour);
    ui.add_space(8.0);
    share_chart(ui, comparison, &rows);

    if let [ward] = state.selected[..] {
        ui.add_space(12.0);
        ui.separator();
        across_elections(ui, data, id, ward, &state.colour, cache);
    }
    commands
}

/// The "Add ward" list (wards not yet selected, alphabetically), a removable chip per selected
/// ward, and "Clear".
fn picker(ui: &mut egui::Ui, names: &[&str], selected: &[usize], commands: &mut Vec<Command>) {
    let mut unselected: Vec<(usize, &str)> =
        names.iter().enumerate().filter(|(i, _)| !selected.contains(i)).map(|(i, n)| (i, *n)).collect();
    unselected.sort_by_key(|(_, name)| name.to_lowercase());
    ui.horizontal(|ui| {
        let label = ui.label("Add ward:");
        egui::ComboBox::from_id_salt("compare_add_ward")
            .selected_text("pick from the list…")
            // Tall enough for a borough's twenty-odd wards without scrolling the list.
            .height(600.0)
            .show_ui(ui, |ui| {
                for (ward, name) in &unselected {
                    if ui.selectable_label(false, *name).clicked() {
                        let mut wards = selected.to_vec();
                        wards.push(*ward);
                        commands.push(Command::SelectWards(wards));
                    }
                }
            })
            .response
            .labelled_by(label.id);
        if !selected.is_empty() && ui.button("Clear").on_hover_text("Remove every ward from the comparison").clicked() {
            commands.push(Command::ClearSelection);
        }
    });
    ui.horizontal_wrapped(|ui| {
        for &ward in selected {
            let Some(name) = names.get(ward) else {
                continue;
            };
            let chip = ui
                .button(format!("{name}  ×"))
                .on_hover_text("Remove from the comparison")
                .accessible_name(format!("Remove {name}"));
            if chip.clicked() {
                commands.push(Command::SelectWards(selected.iter().copied().filter(|w| *w != ward).collect()));
            }
        }
    });
}

/// The rows side by side in narrow grids, so each fits the side panel without scrolling:
/// seats and majority; the map's measure; the top parties' shares. The borough row (no ward)
/// is in italics.
fn table(ui: &mut egui::Ui, id_salt: &str, comparison: &Comparison, rows: &[&ComparisonRow], spec: &ColourSpec) {
    fitted(ui, (id_salt, "seats"), |ui| {
        egui::Grid::new((id_salt, "seats_grid")).striped(true).num_columns(3).show(ui, |ui| {
            ui.strong("");
            ui.strong("Seats");
            ui.strong("Majority").on_hover_text("Votes, and % of the top-vote total (each party's best candidate)");
            ui.end_row();
            for row in rows {
                seat_cells(ui, row);
                ui.end_row();
            }
        });
    });
    // Some measures (the winner, the majority) are already in the grid above.
    if measure(spec.mode).own_column() {
        ui.add_space(6.0);
        fitted(ui, (id_salt, "measure"), |ui| {
            egui::Grid::new((id_salt, "measure_grid")).striped(true).num_columns(2).show(ui, |ui| {
                ui.strong(&comparison.measure_title);
                ui.strong("");
                ui.end_row();
                for row in rows {
                    measure_cells(ui, comparison, row, spec);
                    ui.end_row();
                }
            });
        });
    }
    ui.add_space(6.0);
    let parties: Vec<&Party> = comparison.parties.iter().take(TABLE_PARTIES).collect();
    fitted(ui, (id_salt, "shares"), |ui| {
        egui::Grid::new((id_salt, "shares_grid")).striped(true).num_columns(parties.len() + 1).show(ui, |ui| {
            ui.strong("Share of the vote");
            for party in &parties {
                ui.horizontal(|ui| {
                    swatch(ui, to_color32(party.colour));
                    ui.strong(&party.short).on_hover_text(format!("{} share, %", party.name));
                });
            }
            ui.end_row();
            for row in rows {
                share_cells(ui, row, &parties);
                ui.end_row();
            }
        });
    });
    ui.weak(method_note(comparison.method));
    if let Some(reason) = &comparison.measure_unavailable {
        ui.weak(format!("{}: {reason}.", comparison.measure_title));
    }
}

/// Shows `content` in a horizontal scroll area, and says how to see all of it when the panel
/// is too narrow (the scroll bar alone is easy to miss).
fn fitted(ui: &mut egui::Ui, id_salt: impl egui::AsIdSalt, content: impl FnOnce(&mut egui::Ui)) {
    let output = egui::ScrollArea::horizontal().id_salt(id_salt).show(ui, content);
    if output.content_size.x > output.inner_rect.width() + 1.0 {
        ui.weak("Scroll sideways, or drag the panel's left edge to widen it, to see every column.");
    }
}

/// Italic text for the borough row, so the reference reads differently at a glance.
fn cell_text(row: &ComparisonRow, text: String) -> RichText {
    if row.ward.is_none() { RichText::new(text).italics() } else { RichText::new(text) }
}

fn seat_cells(ui: &mut egui::Ui, row: &ComparisonRow) {
    ui.label(cell_text(row, row.label.clone()).strong());
    if !row.has_result {
        ui.weak("No result");
        ui.label("");
        return;
    }
    ui.horizontal(|ui| {
        ui.spacing_mut().item_spacing.x = 3.0;
        for (party, seats) in &row.seats {
            swatch(ui, to_color32(party.colour));
            ui.label(cell_text(row, format!("{seats} {}", party.short))).on_hover_text(&party.name);
        }
    });
    match (&row.majority, row.ward) {
        (_, None) => ui.weak("–").on_hover_text("A majority is a ward's, not the borough's"),
        (Some(m), Some(_)) => {
            let percent =
                m.percent.map_or_else(String::new, |p| format!(" ({})", crate::analysis::format::percent_text(p)));
            ui.label(format!("{}{percent}", thousands(m.votes)))
        }
        (None, Some(_)) => ui.label("none").on_hover_text("Every candidate was elected"),
    };
}

fn measure_cells(ui: &mut egui::Ui, comparison: &Comparison, row: &ComparisonRow, spec: &ColourSpec) {
    ui.label(cell_text(row, row.label.clone()).strong());
    match &row.measure {
        Some(value) => ui.label(cell_text(row, measure(spec.mode).cell_text(spec, value))).on_hover_text(&value.text),
        None if !row.has_result => ui.weak("No result"),
        None => {
            let why = comparison.measure_unavailable.as_deref().unwrap_or("Not available for this row");
            ui.weak("–").on_hover_text(why)
        }
    };
}

fn share_cells(ui: &mut egui::Ui, row: &ComparisonRow, parties: &[&Party]) {
    ui.label(cell_text(row, row.label.clone()).strong());
    for party in parties {
        match row.shares.iter().find(|s| s.party == **party) {
            Some(vote) => ui.label(cell_text(row, format!("{:.1}%", vote.share))).on_hover_text(format!(
                "{}: {} votes",
                party.name,
                thousands(vote.votes)
            )),
            None if row.has_result => ui.weak("–").on_hover_text(format!("{} did not stand", party.name)),
            None => ui.weak("–").on_hover_text("No result"),
        };
    }
}

/// Names the share method under a table or chart, so nobody reads top-vote shares as totals.
pub fn method_note(method: ShareMethod) -> &'static str {
    match method {
        ShareMethod::TopVote => "Shares by the top-vote method: each party's best candidate stands for the party.",
        ShareMethod::TotalVotes => "Shares by the total-votes method: all of a party's votes over all votes cast.",
    }
}

/// How strongly row `index` of `count` is drawn: wards from full colour down to faint, so they
/// keep their order within each party's group; the borough (last) hollow.
fn row_alpha(index: usize, count: usize) -> f32 {
    let wards = count.saturating_sub(1).max(1);
    1.0 - 0.6 * index as f32 / wards as f32
}

/// A group of bars per party (the top few), one bar per row in table order.
fn share_chart(ui: &mut egui::Ui, comparison: &Comparison, rows: &[&ComparisonRow]) {
    // The parties any selected ward had (by their best share in those wards), and none that
    // no selected ward had: a group of empty bars says nothing, a missing party skews the rest.
    let wards: Vec<&&ComparisonRow> = rows.iter().filter(|r| r.ward.is_some()).collect();
    let best = |party: &Party| wards.iter().map(|r| r.share_of(party)).fold(0.0_f64, f64::max);
    let mut parties: Vec<&Party> = comparison.parties.iter().filter(|p| best(p) > 0.0).collect();
    parties.sort_by(|a, b| best(b).total_cmp(&best(a)).then_with(|| a.cmp(b)));
    parties.truncate(CHART_PARTIES);
    let top = rows.iter().flat_map(|r| parties.iter().map(|p| r.share_of(p))).fold(0.0_f64, f64::max);
    let slot = 0.8 / rows.len() as f64;
    let neutral = ui.visuals().text_color();
    let charts: Vec<BarChart> = rows
        .iter()
        .enumerate()
        .map(|(r, row)| {
            let is_borough = row.ward.is_none();
            let alpha = row_alpha(r, rows.len());
            let bars = parties
                .iter()
                .enumerate()
                .map(|(p, party)| {
                    let colour = to_color32(party.colour);
                    let share = row.share_of(party);
                    let x = p as f64 - 0.4 + slot * (r as f64 + 0.5);
                    let bar = Bar::new(x, share)
                        .width(slot * 0.9)
                        .name(format!("{}\n{} {share:.1}%", row.label, party.short));
                    if is_borough {
                        bar.fill(colour.gamma_multiply(0.12)).stroke(egui::Stroke::new(1.5, colour))
                    } else {
                        bar.fill(colour.gamma_multiply(alpha))
                    }
                })
                .collect();
            let legend_colour = if is_borough { neutral.gamma_multiply(0.25) } else { neutral.gamma_multiply(alpha) };
            BarChart::new(row.label.clone(), bars)
                .color(legend_colour)
                .element_formatter(Box::new(|bar, _| bar.name.clone()))
        })
        .collect();
    let names: Vec<String> = parties.iter().map(|p| p.short.clone()).collect();
    ui.strong("Share of the vote by party, %");
    // Room for the legend above the bars: shares are out of 100, and the legend grows by a
    // line per row.
    let plot = Plot::new("compare_chart")
        .height(170.0 + 18.0 * rows.len() as f32)
        .allow_zoom(false)
        .allow_drag(false)
        .allow_scroll(false)
        .allow_boxed_zoom(false)
        .include_y(0.0)
        // The axis fits the data, with room above for the legend (a line per row).
        .include_y((top * (1.25 + 0.06 * rows.len() as f64)).clamp(5.0, 100.0))
        .show_grid([false, true])
        .legend(Legend::default().follow_insertion_order(true).position(egui_plot::Corner::RightTop));
    party_axis(plot, names).show(ui, |plot| {
        for chart in charts {
            plot.bar_chart(chart);
        }
    });
    ui.weak("In each party's group the bars follow the table's order, from solid to faint; the outlined bar is the whole borough.");
}

/// Names the bars' groups on the x axis: one mark per party, all drawn at full strength (the
/// default spacer fades marks that are not powers of ten).
pub fn party_axis(plot: Plot<'_>, names: Vec<String>) -> Plot<'_> {
    let count = names.len();
    plot.x_grid_spacer(move |_| {
        (0..count).map(|i| GridMark { value: i as f64, step_size: count.max(1) as f64 }).collect()
    })
    .x_axis_formatter(move |mark, _| {
        let i = mark.value.round();
        let whole = (mark.value - i).abs() < 1e-6 && i >= 0.0;
        if whole { names.get(i as usize).cloned().unwrap_or_default() } else { String::new() }
    })
}

/// One ward in every election on its ward set, earliest first.
fn across_elections(
    ui: &mut egui::Ui,
    data: &Dataset,
    id: ElectionId,
    ward: usize,
    spec: &ColourSpec,
    cache: &PanelCache,
) {
    ui.heading("Same ward across elections");
    let across = cache.get("compare_across", &(id, ward, spec), || ward_across_elections(data, id, ward, spec));
    match across.as_ref() {
        Some(across) if across.rows.len() > 1 => {
            let rows: Vec<&ComparisonRow> = across.rows.iter().collect();
            table(ui, "compare_across", across, &rows, spec);
        }
        _ => {
            ui.label("No other election on these ward boundaries is loaded.");
        }
    }
    if let Some(note) = other_boundaries_note(data, id) {
        ui.weak(note);
    }
}

/// Says so when the previous election of the borough was fought on other ward boundaries: shown
/// above as notional when it could be estimated, left out (rather than look like missing data)
/// when not.
fn other_boundaries_note(data: &Dataset, id: ElectionId) -> Option<String> {
    let current = data.election(id)?;
    let (index, earlier) = data
        .elections
        .iter()
        .enumerate()
        .filter(|(_, e)| e.election.borough == current.election.borough && e.election.year < current.election.year)
        .max_by_key(|(_, e)| e.election.year)?;
    if earlier.ward_set == current.ward_set {
        return None;
    }
    let title = earlier.election.title();
    let estimated = current.ward_set.and_then(|set| data.notional_of(ElectionId(index), set)).is_some();
    Some(if estimated {
        format!(
            "{title} was fought on other ward boundaries: its rows are notional, its results estimated on these wards \
             (the Ward panel shows how)."
        )
    } else {
        format!("The previous election, {title}, was fought on other ward boundaries, so it is not compared.")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wards_fade_in_order_and_the_first_is_full_colour() {
        assert_eq!(row_alpha(0, 3).to_bits(), 1.0_f32.to_bits(), "exactly full colour");
        assert!(row_alpha(1, 3) < row_alpha(0, 3));
        assert!(row_alpha(1, 2) > 0.0);
    }
}
