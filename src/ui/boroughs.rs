//! The "Boroughs" panel: the shown borough against others between two elections (seats,
//! change, shares, turnout and Butler swing at borough level, in a table and a chart), and
//! every London borough at the shown election in a table sorted by any column.
//!
//! The figures come from [`crate::analysis::history`]; this file only lays them out.

use super::command::Command;
use super::history::year_picker;
use super::panel_cache::{PanelCache, PanelInput};
use super::state::{LondonColumn, ViewState};
use super::widgets::party_colour32;
use crate::analysis::colouring::MapSubject;
use crate::analysis::control::seat_change_label;
use crate::analysis::history::{BoroughChangeBetween, BoroughYear, between};
use crate::model::{Dataset, Party};
use crate::session::london::LONDON;
use egui_plot::{Bar, BarChart, Legend, Plot};

/// The panel.
pub fn show(ui: &mut egui::Ui, input: &PanelInput<'_>) -> Vec<Command> {
    let PanelInput { data, subject, state, cache } = *input;
    let mut commands = Vec::new();
    let Some(MapSubject::Election(id)) = subject else {
        ui.heading("Boroughs");
        ui.label("Pick an election at the top.");
        return commands;
    };
    let Some(shown) = data.election(id).map(|e| &e.election) else { return commands };
    against(ui, data, &shown.borough, shown.year, state, cache, &mut commands);
    ui.add_space(10.0);
    ui.separator();
    london_table(ui, data, shown.year, state, cache, &mut commands);
    commands
}

/// The shown borough and the one picked, between two years (default: the previous election
/// of the shown borough and the shown one).
fn against(
    ui: &mut egui::Ui,
    data: &Dataset,
    borough: &str,
    year: i32,
    state: &ViewState,
    cache: &PanelCache,
    out: &mut Vec<Command>,
) {
    ui.heading("Borough against borough");
    let others: Vec<&str> = data.boroughs().into_iter().filter(|b| *b != borough).collect();
    if others.is_empty() {
        ui.label("Only one borough is loaded.");
        return;
    }
    let rival = state.rival.as_deref().filter(|r| others.contains(r)).unwrap_or(others[0]);
    let years: Vec<i32> =
        data.elections_of(borough).iter().filter_map(|id| data.election(*id)).map(|e| e.election.year).collect();
    let to = state.history_to.filter(|y| years.contains(y)).unwrap_or(year);
    let from = state
        .history_from
        .filter(|y| years.contains(y) && *y < to)
        .or_else(|| years.iter().copied().filter(|y| *y < to).max())
        .unwrap_or(to);
    ui.horizontal_wrapped(|ui| {
        let label = ui.label(format!("{borough} against"));
        egui::ComboBox::from_id_salt("rival_picker")
            .selected_text(rival)
            .height(500.0)
            .show_ui(ui, |ui| {
                for other in &others {
                    if ui.selectable_label(*other == rival, *other).clicked() && *other != rival {
                        out.push(Command::SetRival((*other).to_owned()));
                    }
                }
            })
            .response
            .labelled_by(label.id);
        let label = ui.label("from");
        year_picker(ui, "against_from", label.id, from, &years, |y| {
            out.push(Command::SetYearsCompared { from: y, to })
        });
        let label = ui.label("to");
        year_picker(ui, "against_to", label.id, to, &years, |y| out.push(Command::SetYearsCompared { from, to: y }));
    });
    let (a, b) = (Party::from_source(&state.colour.swing.0), Party::from_source(&state.colour.swing.1));
    let key = (borough, rival, from, to, state.colour.method, &a.name, &b.name);
    let rows = cache.get("against", &key, || -> Vec<(String, Result<BoroughChangeBetween, String>)> {
        [borough, rival]
            .iter()
            .map(|name| {
                let change = between(data, name, (from, to), state.colour.method, (&a, &b));
                ((*name).to_owned(), change.map_err(|e| e.to_string()))
            })
            .collect()
    });
    let rows = rows.as_slice();
    let parties: Vec<Party> = {
        let mut all: Vec<(Party, u32)> = Vec::new();
        for change in rows.iter().filter_map(|(_, r)| r.as_ref().ok()) {
            for (party, n) in change.from.seats.iter().chain(&change.to.seats) {
                match all.iter_mut().find(|(p, _)| p == party) {
                    Some((_, total)) => *total += n,
                    None => all.push((party.clone(), *n)),
                }
            }
        }
        all.sort_by(|(pa, x), (pb, y)| y.cmp(x).then_with(|| pa.cmp(pb)));
        all.into_iter().take(4).map(|(p, _)| p).collect()
    };
    // One column per borough, one row per figure: narrow enough for the side panel.
    egui::Grid::new("against_table").striped(true).show(ui, |ui| {
        ui.strong(format!("{from} → {to}"));
        for (name, _) in rows {
            ui.strong(name);
        }
        ui.end_row();
        let cells = |ui: &mut egui::Ui, text: &dyn Fn(&BoroughChangeBetween) -> String| {
            for (_, row) in rows {
                match row {
                    Ok(change) => ui.label(text(change)),
                    Err(reason) => ui.weak(reason),
                };
            }
            ui.end_row();
        };
        for party in &parties {
            ui.label(format!("{} seats", party.short)).on_hover_text(&party.name);
            cells(ui, &|change| {
                let (before, after) = (change.from.seats_of(party), change.to.seats_of(party));
                format!("{before} → {after} ({})", signed_seats(i64::from(after) - i64::from(before)))
            });
        }
        for party in &parties {
            ui.label(format!("{} share", party.short)).on_hover_text("Borough share by the method in use");
            cells(ui, &|change| {
                let share = |y: &BoroughYear| y.share_of(party).map_or_else(|| "–".to_owned(), |s| format!("{s:.1}%"));
                format!("{} → {}", share(&change.from), share(&change.to))
            });
        }
        ui.label("Turnout").on_hover_text("Summed ballots over summed electors, by each source's definition");
        cells(ui, &|change| turnout_text(&change.from, &change.to));
        ui.label("Swing").on_hover_text(format!("Butler swing between {} and {}, borough shares", a.name, b.name));
        cells(ui, &|change| change.swing.map_or_else(|| "–".to_owned(), |s| crate::analysis::swing_label(s, &a, &b)));
    });
    for (name, row) in rows {
        if let Ok(change) = row {
            ui.label(format!("{name} {from}→{to}: {}", seat_change_label(&change.seat_change)));
        }
    }
    change_chart(ui, rows, &parties, state.colour.colour_blind);
}

/// Seat change per party, one group of bars per borough.
fn change_chart(
    ui: &mut egui::Ui,
    rows: &[(String, Result<BoroughChangeBetween, String>)],
    parties: &[Party],
    colour_blind: bool,
) {
    let names: Vec<String> = rows.iter().map(|(n, _)| n.clone()).collect();
    let width = 0.8 / parties.len().max(1) as f64;
    let plot = Plot::new("against_chart")
        .height(170.0)
        .legend(Legend::default())
        .allow_zoom(false)
        .allow_drag(false)
        .allow_scroll(false)
        .y_axis_label("seat change");
    super::compare::party_axis(plot, names).show(ui, |plot| {
        for (index, party) in parties.iter().enumerate() {
            let bars: Vec<Bar> = rows
                .iter()
                .enumerate()
                .filter_map(|(at, (_, row))| {
                    let change = row.as_ref().ok()?;
                    let delta = f64::from(change.to.seats_of(party)) - f64::from(change.from.seats_of(party));
                    let x = at as f64 - 0.4 + width * (index as f64 + 0.5);
                    Some(Bar::new(x, delta).width(width * 0.9))
                })
                .collect();
            plot.bar_chart(BarChart::new(party.short.clone(), bars).color(party_colour32(party, colour_blind)));
        }
    });
}

fn signed_seats(delta: i64) -> String {
    match delta {
        0 => "±0".to_owned(),
        d if d > 0 => format!("+{d}"),
        d => format!("−{}", d.abs()),
    }
}

fn turnout_text(from: &BoroughYear, to: &BoroughYear) -> String {
    let text = |y: &BoroughYear| y.turnout.percent().map_or_else(|| "–".to_owned(), |p| format!("{p:.1}%"));
    format!("{} → {}", text(from), text(to))
}

/// Every borough at the shown year, sortable by clicking a column's title; a click on a
/// borough's name opens it.
fn london_table(
    ui: &mut egui::Ui,
    data: &Dataset,
    year: i32,
    state: &ViewState,
    cache: &PanelCache,
    out: &mut Vec<Command>,
) {
    ui.heading(format!("London boroughs {year}"));
    let lines = cache.get("london_lines", &(year, state.colour.method), || -> Vec<BoroughYear> {
        data.elections
            .iter()
            .enumerate()
            .filter(|(_, e)| e.election.year == year && e.election.borough != LONDON)
            .filter_map(|(i, _)| BoroughYear::of(data, crate::model::ElectionId(i), state.colour.method))
            .collect()
    });
    let mut lines: Vec<&BoroughYear> = lines.iter().collect();
    if lines.len() < 2 {
        ui.label("Load more than one borough to compare them here.");
        return;
    }
    let (lab, con, ld, grn) = (
        Party::from_source("Labour"),
        Party::from_source("Conservative"),
        Party::from_source("Liberal Democrats"),
        Party::from_source("Green"),
    );
    let sort = state.london_sort;
    let value = |line: &BoroughYear| -> f64 {
        match sort.column {
            LondonColumn::Borough | LondonColumn::Control => 0.0,
            LondonColumn::Seats => f64::from(line.total_seats),
            LondonColumn::Labour => f64::from(line.seats_of(&lab)),
            LondonColumn::Conservative => f64::from(line.seats_of(&con)),
            LondonColumn::LiberalDemocrats => f64::from(line.seats_of(&ld)),
            LondonColumn::Green => f64::from(line.seats_of(&grn)),
            LondonColumn::Turnout => line.turnout.percent().unwrap_or(-1.0),
        }
    };
    lines.sort_by(|a, b| {
        let order = match sort.column {
            LondonColumn::Borough => a.borough.cmp(&b.borough),
            LondonColumn::Control => a.control.label().cmp(&b.control.label()).then(a.borough.cmp(&b.borough)),
            _ => value(a).total_cmp(&value(b)).then_with(|| b.borough.cmp(&a.borough)),
        };
        if sort.descending { order.reverse() } else { order }
    });
    egui::Grid::new("london_table").striped(true).show(ui, |ui| {
        for column in LondonColumn::ALL {
            let arrow = if sort.column == column { if sort.descending { " ⏷" } else { " ⏶" } } else { "" };
            if ui.button(format!("{}{arrow}", column.title())).on_hover_text("Sort by this column").clicked() {
                out.push(Command::SortLondon(column));
            }
        }
        ui.end_row();
        for line in &lines {
            if ui.link(&line.borough).on_hover_text("Open this borough").clicked() {
                out.push(Command::ShowSubject(MapSubject::Election(line.id)));
            }
            ui.label(line.control.short()).on_hover_text(line.control.label());
            ui.label(line.total_seats.to_string());
            for party in [&lab, &con, &ld, &grn] {
                ui.label(line.seats_of(party).to_string());
            }
            let turnout = line.turnout.percent().map_or_else(|| "–".to_owned(), |p| format!("{p:.1}%"));
            ui.label(turnout).on_hover_text(line.turnout.label());
            ui.end_row();
        }
    });
}
