//! The borough summary panel: seats and shares by party, change since the previous election,
//! and a chart.
//!
//! The figures come from [`BoroughSummary`] and [`GainsReport`]; this file only lays them out.

use super::command::Command;
use super::compare::{method_note, party_axis};
use super::panel_cache::{PanelCache, PanelInput};
use super::widgets::{swatch, to_color32};
use crate::analysis::borough::{BoroughChange, BoroughSummary};
use crate::analysis::change::{ElectionPair, points_label};
use crate::analysis::colouring::MapSubject;
use crate::analysis::gains::{GainsReport, SeatGain, signed};
use crate::model::{Dataset, ElectionId, Party};
use egui_plot::{Bar, BarChart, Legend, Plot};

/// The whole borough in the election shown, against the previous election on the same wards.
pub fn show(ui: &mut egui::Ui, input: &PanelInput<'_>) -> Vec<Command> {
    let PanelInput { data, subject, state, cache } = *input;
    let mut commands = Vec::new();
    ui.heading("Borough summary");
    let id = match subject {
        None => {
            ui.label("No data loaded.");
            return commands;
        }
        Some(MapSubject::WardSetOnly(_)) => {
            ui.label(
                "No results are loaded for these wards, so there is nothing to sum up. Pick an election at the top.",
            );
            return commands;
        }
        Some(MapSubject::Election(id)) => id,
    };
    let summary =
        cache.get("borough", &(id, state.colour.method), || BoroughSummary::of(data, id, state.colour.method));
    let Some(summary) = summary.as_ref() else {
        ui.label("This election is not loaded.");
        return commands;
    };
    let seats: u32 = summary.seats.iter().map(|(_, n)| n).sum();
    ui.strong(format!("{}: {seats} seats", summary.title));
    ui.add_space(4.0);
    party_table(ui, summary);
    ui.weak(method_note(summary.method));
    ui.add_space(8.0);
    match &summary.change {
        Ok(change) => {
            seat_changes(ui, change);
            ui.add_space(8.0);
            changed_wards(ui, data, id, change, cache, &mut commands);
            ui.add_space(8.0);
            seats_chart(ui, summary, Some(change));
        }
        Err(reason) => {
            ui.weak(format!("No change is shown: {reason}."));
            ui.add_space(8.0);
            seats_chart(ui, summary, None);
        }
    }
    commands
}

/// Every party with seats or votes: seats, share, and change in share since the previous
/// election (when there is one on the same wards).
fn party_table(ui: &mut egui::Ui, summary: &BoroughSummary) {
    let change = summary.change.as_ref().ok();
    // Parties of this election first, by share; then those that stood only last time.
    let mut parties: Vec<&Party> = summary.shares.iter().map(|s| &s.party).collect();
    if let Some(change) = change {
        parties
            .extend(change.shares.iter().map(|s| &s.party).filter(|p| !summary.shares.iter().any(|s| s.party == **p)));
    }
    let seats_of = |p: &Party| summary.seats.iter().find(|(q, _)| q == p).map_or(0, |(_, n)| *n);
    let share_of = |p: &Party| summary.shares.iter().find(|s| s.party == *p).map(|s| s.share);
    egui::Grid::new("borough_parties").striped(true).num_columns(4).show(ui, |ui| {
        ui.strong("Party");
        ui.strong("Seats");
        ui.strong("Share");
        if let Some(change) = change {
            let notional = if change.notional.is_some() { " (notional)" } else { "" };
            ui.strong(format!("Since {}{notional}", change.from_year))
                .on_hover_text("Change in borough share, in percentage points");
        }
        ui.end_row();
        for party in parties {
            ui.horizontal(|ui| {
                swatch(ui, to_color32(party.colour));
                ui.label(&party.name);
            });
            ui.label(seats_of(party).to_string());
            match share_of(party) {
                Some(share) => ui.label(format!("{share:.1}%")),
                None => ui.weak("–").on_hover_text(format!("Did not stand in {}", summary.year)),
            };
            if let Some(change) = change {
                match change.shares.iter().find(|s| s.party == *party) {
                    Some(s) => ui.label(points_label(s.change.points)).on_hover_text(format!(
                        "{:.1}% in {}, {:.1}% in {}",
                        s.change.from, change.from_year, s.change.to, change.to_year
                    )),
                    None => ui.weak("–"),
                };
            }
            ui.end_row();
        }
    });
}

/// The net change by party on one line ("Con +6", "Lab −5", ...), then seats before and after,
/// gained and lost, and which party took seats from which.
fn seat_changes(ui: &mut egui::Ui, change: &BoroughChange) {
    let notional = if change.notional.is_some() { " (notional)" } else { "" };
    ui.strong(format!("Seat changes since {}{notional}", change.from_year));
    ui.horizontal_wrapped(|ui| {
        let moved: Vec<_> = change.seats.iter().filter(|s| s.net != 0).collect();
        if moved.is_empty() {
            ui.label("No net change.");
        }
        for seat in moved {
            swatch(ui, to_color32(seat.party.colour));
            ui.strong(format!("{} {}", seat.party.short, signed(seat.net))).on_hover_text(&seat.party.name);
        }
    });
    ui.add_space(4.0);
    egui::Grid::new("borough_seat_changes").striped(true).num_columns(6).show(ui, |ui| {
        ui.strong("Party");
        ui.strong(format!("{}{notional}", change.from_year));
        ui.strong(change.to_year.to_string());
        ui.strong("Gained");
        ui.strong("Lost");
        ui.strong("Net");
        ui.end_row();
        for seat in &change.seats {
            ui.horizontal(|ui| {
                swatch(ui, to_color32(seat.party.colour));
                ui.label(&seat.party.short).on_hover_text(&seat.party.name);
            });
            ui.label(seat.seats_from.to_string());
            ui.label(seat.seats_to.to_string());
            ui.label(seat.gained.to_string());
            ui.label(seat.lost.to_string());
            ui.label(signed(seat.net));
            ui.end_row();
        }
    });
    if !change.gains.is_empty() {
        let gains: Vec<String> = change.gains.iter().map(SeatGain::label).collect();
        ui.label(format!("Seats that changed hands: {}.", gains.join(", ")));
    }
    if let (Some(note), Some(actual)) = (&change.notional, &change.actual_seats) {
        ui.add_space(4.0);
        let declared: Vec<String> = actual
            .iter()
            .map(|(party, from, to)| {
                format!("{} {from} → {to} ({})", party.short, signed(i64::from(*to) - i64::from(*from)))
            })
            .collect();
        ui.label(format!("As declared, {}→{}: {}", change.from_year, change.to_year, declared.join(" · ")));
        ui.weak(format!(
            "{note}. The notional change counts {from}'s votes on the {to} wards; the declared change also \
             includes what the new boundaries alone moved (and any change in the number of seats).",
            from = change.from_year,
            to = change.to_year
        ));
    }
}

/// Wards where a seat changed hands, each a link to its result.
fn changed_wards(
    ui: &mut egui::Ui,
    data: &Dataset,
    id: ElectionId,
    change: &BoroughChange,
    cache: &PanelCache,
    out: &mut Vec<Command>,
) {
    let Ok(pair) = ElectionPair::with_baseline(data, id, None) else {
        return;
    };
    let report = cache.get("borough_gains", &id, || GainsReport::of(data, pair));
    let names = data.ward_set(pair.ward_set).map(|s| &s.wards);
    let changed: Vec<(usize, String)> = report
        .wards
        .iter()
        .enumerate()
        .filter_map(|(ward, c)| c.as_ref().filter(|c| !c.is_hold()).map(|c| (ward, c.label())))
        .collect();
    let notional = if change.notional.is_some() { " (notional)" } else { "" };
    ui.strong(format!("Wards that changed hands since {}{notional}", change.from_year));
    if changed.is_empty() {
        ui.label("None: every ward was held.");
        return;
    }
    egui::Grid::new("borough_changed_wards").striped(true).num_columns(2).show(ui, |ui| {
        for (ward, label) in changed {
            let name = names.and_then(|w| w.get(ward)).map_or("(unnamed ward)", |w| w.name.as_str());
            if ui.link(name).on_hover_text("Show this ward's result").clicked() {
                out.push(Command::SelectWard { ward, toggle: false });
            }
            ui.label(label);
            ui.end_row();
        }
    });
}

/// Seats by party, with the previous election's beside each when there is one: a faint bar
/// then a full one.
fn seats_chart(ui: &mut egui::Ui, summary: &BoroughSummary, change: Option<&BoroughChange>) {
    let parties: Vec<Party> = match change {
        Some(c) => c.seats.iter().map(|s| s.party.clone()).collect(),
        None => summary.seats.iter().map(|(p, _)| p.clone()).collect(),
    };
    let neutral = ui.visuals().text_color();
    let series = |year: &str, x_offset: f64, width: f64, alpha: f32, seats: &dyn Fn(&Party) -> u32| {
        let bars = parties
            .iter()
            .enumerate()
            .map(|(i, party)| {
                let n = seats(party);
                Bar::new(i as f64 + x_offset, f64::from(n))
                    .width(width)
                    .fill(to_color32(party.colour).gamma_multiply(alpha))
                    .name(format!("{} {year}: {n} seats", party.short))
            })
            .collect();
        BarChart::new(year.to_string(), bars)
            .color(neutral.gamma_multiply(alpha))
            .element_formatter(Box::new(|bar, _| bar.name.clone()))
    };
    let now = |p: &Party| summary.seats.iter().find(|(q, _)| q == p).map_or(0, |(_, n)| *n);
    let charts = match change {
        Some(c) => {
            let before = |p: &Party| c.seats.iter().find(|s| s.party == *p).map_or(0, |s| s.seats_from);
            let earlier =
                if c.notional.is_some() { format!("{} (notional)", c.from_year) } else { c.from_year.to_string() };
            vec![series(&earlier, -0.2, 0.38, 0.4, &before), series(&summary.year.to_string(), 0.2, 0.38, 1.0, &now)]
        }
        None => vec![series(&summary.year.to_string(), 0.0, 0.7, 1.0, &now)],
    };
    let names: Vec<String> = parties.iter().map(|p| p.short.clone()).collect();
    ui.strong("Seats by party");
    let plot = Plot::new("borough_seats_chart")
        .height(200.0)
        .allow_zoom(false)
        .allow_drag(false)
        .allow_scroll(false)
        .allow_boxed_zoom(false)
        .include_y(0.0)
        .show_grid([false, true])
        .legend(Legend::default().follow_insertion_order(true).position(egui_plot::Corner::RightTop));
    party_axis(plot, names).show(ui, |plot| {
        for chart in charts {
            plot.bar_chart(chart);
        }
    });
    if change.is_some() {
        ui.weak("The fainter bar is the earlier election.");
    }
}
