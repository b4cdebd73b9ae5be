//! The "Over time" panel: the shown borough (or London) at every election — seats, control,
//! shares by the method in use and turnout, as a table and a chart — and the seat change
//! between any two of its elections, which holds even where the wards were redrawn.
//!
//! The figures come from [`crate::analysis::history`]; this file only lays them out.

use super::command::Command;
use super::panel_cache::{PanelCache, PanelInput};
use super::state::ViewState;
use super::widgets::{party_colour32, swatch};
use crate::analysis::control::seat_change_label;
use crate::analysis::history::{BoroughYear, between, history, seat_winners};
use crate::model::{Dataset, Party};
use egui_plot::{Legend, Line, Plot, PlotPoints, Points};

/// At most this many parties get a column of their own; the rest are summed as "Other".
const PARTY_COLUMNS: usize = 5;

/// The panel for the borough of `subject`.
pub fn show(ui: &mut egui::Ui, input: &PanelInput<'_>) -> Vec<Command> {
    let PanelInput { data, subject, state, cache } = *input;
    let mut commands = Vec::new();
    let Some(borough) = subject.and_then(|s| super::state::borough_of(data, s)) else {
        ui.heading("Over time");
        ui.label("Pick a borough's election at the top to see its story.");
        return commands;
    };
    ui.heading(format!("{borough} over time"));
    let years = cache.get("history", &(borough, state.colour.method), || history(data, borough, state.colour.method));
    if years.is_empty() {
        ui.label("No elections of this borough are loaded.");
        return commands;
    }
    let parties = seat_winners(&years);
    let shown: Vec<&Party> = parties.iter().take(PARTY_COLUMNS).collect();
    seats_table(ui, &years, &shown, state.colour.colour_blind);
    ui.weak("Seats, with the borough vote share below. Turnout is summed ballots over summed electors.");
    ui.weak(super::compare::method_note(state.colour.method));
    ui.add_space(6.0);
    seats_chart(ui, &years, &shown, state.colour.colour_blind);
    ui.add_space(8.0);
    change_between(ui, data, borough, &years, state, cache, &mut commands);
    commands
}

fn seats_table(ui: &mut egui::Ui, years: &[BoroughYear], parties: &[&Party], colour_blind: bool) {
    egui::Grid::new("history_table").striped(true).num_columns(parties.len() + 4).show(ui, |ui| {
        ui.strong("Year");
        for party in parties {
            ui.horizontal(|ui| {
                swatch(ui, party_colour32(party, colour_blind));
                ui.strong(&party.short).on_hover_text(&party.name);
            });
        }
        ui.strong("Other");
        ui.strong("Control");
        ui.strong("Turnout");
        ui.end_row();
        for year in years {
            ui.strong(year.year.to_string());
            for party in parties {
                let share = year.share_of(party).map_or_else(String::new, |s| format!("{s:.1}%"));
                ui.vertical(|ui| {
                    ui.label(year.seats_of(party).to_string());
                    ui.weak(share);
                });
            }
            let others: u32 = year.seats.iter().filter(|(p, _)| !parties.contains(&p)).map(|(_, n)| n).sum();
            ui.label(others.to_string()).on_hover_text(crate::analysis::seat_totals_label(&year.seats));
            ui.label(year.control.short()).on_hover_text(year.control.label());
            let turnout = year.turnout.percent().map_or_else(|| "–".to_owned(), |p| format!("{p:.1}%"));
            ui.label(turnout).on_hover_text(year.turnout.label());
            ui.end_row();
        }
    });
}

/// Seats by party across the years: one line per party in its colour.
fn seats_chart(ui: &mut egui::Ui, years: &[BoroughYear], parties: &[&Party], colour_blind: bool) {
    Plot::new("history_chart")
        .height(180.0)
        .legend(Legend::default())
        .allow_zoom(false)
        .allow_drag(false)
        .allow_scroll(false)
        .y_axis_label("seats")
        .x_axis_formatter(|mark, _| format!("{:.0}", mark.value))
        .show(ui, |plot| {
            for party in parties {
                let points: Vec<[f64; 2]> =
                    years.iter().map(|y| [f64::from(y.year), f64::from(y.seats_of(party))]).collect();
                let colour = party_colour32(party, colour_blind);
                plot.line(Line::new(party.short.clone(), PlotPoints::from(points.clone())).color(colour).width(2.0));
                plot.points(Points::new(party.short.clone(), PlotPoints::from(points)).color(colour).radius(3.0));
            }
        });
}

/// Seat change between two elections picked here (default: the first and the last).
fn change_between(
    ui: &mut egui::Ui,
    data: &Dataset,
    borough: &str,
    years: &[BoroughYear],
    state: &ViewState,
    cache: &PanelCache,
    commands: &mut Vec<Command>,
) {
    let available: Vec<i32> = years.iter().map(|y| y.year).collect();
    let (Some(&first), Some(&last)) = (available.first(), available.last()) else { return };
    let from = state.history_from.filter(|y| available.contains(y)).unwrap_or(first);
    let to = state.history_to.filter(|y| available.contains(y)).unwrap_or(last);
    ui.horizontal(|ui| {
        let label = ui.strong("Seat change from");
        year_picker(ui, "history_from", label.id, from, &available, |year| {
            commands.push(Command::SetYearsCompared { from: year, to });
        });
        let label = ui.label("to");
        year_picker(ui, "history_to", label.id, to, &available, |year| {
            commands.push(Command::SetYearsCompared { from, to: year });
        });
    });
    let (a, b) = (Party::from_source(&state.colour.swing.0), Party::from_source(&state.colour.swing.1));
    let key = (borough, from, to, state.colour.method, &a.name, &b.name);
    let change =
        cache.get("history_between", &key, || between(data, borough, (from, to), state.colour.method, (&a, &b)));
    match change.as_ref() {
        Ok(change) => {
            ui.label(seat_change_label(&change.seat_change));
            for (party, _) in change.seat_change.iter().take(PARTY_COLUMNS) {
                ui.label(format!(
                    "{}: {} → {} {}",
                    party.name,
                    change.from.seats_of(party),
                    change.to.seats_of(party),
                    if change.to.seats_of(party) == 1 { "seat" } else { "seats" }
                ));
            }
            if let Some(swing) = change.swing {
                ui.label(format!("Swing: {}", crate::analysis::swing_label(swing, &a, &b)))
                    .on_hover_text("Butler swing at borough level, from the borough shares by the method in use");
            }
            if data.election(change.from.id).and_then(|e| e.ward_set)
                != data.election(change.to.id).and_then(|e| e.ward_set)
            {
                ui.weak(format!(
                    "{from} and {to} were fought on different wards: the seat totals compare, ward-by-ward change \
                     does not (the map's change and swing modes say so)."
                ));
            }
        }
        Err(reason) => {
            ui.weak(format!("No change: {reason}."));
        }
    }
}

/// A year picker named by the label `labelled_by` (for screen readers and tests).
pub(super) fn year_picker(
    ui: &mut egui::Ui,
    id: &str,
    labelled_by: egui::Id,
    current: i32,
    years: &[i32],
    mut pick: impl FnMut(i32),
) {
    egui::ComboBox::from_id_salt(id)
        .selected_text(current.to_string())
        .show_ui(ui, |ui| {
            for &year in years {
                if ui.selectable_label(year == current, year.to_string()).clicked() && year != current {
                    pick(year);
                }
            }
        })
        .response
        .labelled_by(labelled_by);
}
