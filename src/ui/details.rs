//! The ward details panel and the map tooltip: one ward's full result, then its census and other
//! ward figures.

use super::command::Command;
use super::widgets::{party_colour32, swatch};
use crate::analysis::ContestOutcome;
use crate::analysis::colouring::MapSubject;
use crate::model::{Contest, Dataset, ElectionId};
use egui_plot::{Bar, BarChart, Plot};

/// The tooltip over a hovered ward: name, winner, seats, majority, and the measure shown.
pub fn ward_tooltip(
    ui: &mut egui::Ui,
    data: &Dataset,
    subject: Option<MapSubject>,
    ward: usize,
    value: Option<String>,
) {
    let Some(subject) = subject else { return };
    let set = super::state::ward_set_of(data, subject).and_then(|s| data.ward_set(s));
    let Some(ward_info) = set.and_then(|s| s.wards.get(ward)) else { return };
    ui.strong(&ward_info.name);
    if let Some(borough) = &ward_info.borough {
        ui.label(borough);
    }
    let MapSubject::Election(id) = subject else {
        ui.label("No results loaded");
        return;
    };
    match data.contest_in_ward(id, ward) {
        Some(contest) => {
            let outcome = ContestOutcome::of(contest);
            ui.label(winner_phrase(&outcome));
            ui.label(format!("Seats: {}", outcome.seats_label()));
            let previous = previous(data, id).and_then(|pair| {
                let year = data.election(pair.from)?.election.year;
                let label = if pair.notional.is_some() { format!("{year} notional") } else { year.to_string() };
                Some((label, pair.from_contest(data, ward)?))
            });
            match previous {
                Some((year, before)) => ui.label(format!(
                    "Majority: {} ({} in {year})",
                    majority_text(outcome.majority),
                    majority_text(ContestOutcome::of(before).majority)
                )),
                None => ui.label(format!("Majority: {}", majority_text(outcome.majority))),
            };
            if let Some(figures) = crate::analysis::turnout::ward_figures(contest) {
                ui.label(figures);
                if let Some(definition) = data.election(id).and_then(|e| e.election.turnout_definition.as_deref()) {
                    ui.weak(format!("Turnout: {definition}"));
                }
            }
            if let Some(value) = value {
                ui.label(value);
            }
        }
        None => {
            ui.label("No result in the source for this ward");
        }
    }
}

/// "2 votes", "1,234 votes", or "none (uncontested)".
pub fn majority_text(majority: Option<u64>) -> String {
    match majority {
        Some(1) => "1 vote".to_owned(),
        Some(m) => format!("{} votes", thousands(m)),
        None => "none (every candidate elected)".to_owned(),
    }
}

use crate::analysis::format::thousands;

/// "Winner: Conservative", or "Seats split: 2 Con, 1 Lab" (one phrase, not "Winner: Split: …").
pub fn winner_phrase(outcome: &ContestOutcome) -> String {
    match outcome.winner {
        crate::analysis::Winner::Split { .. } => format!("Seats split: {}", outcome.seats_label()),
        _ => format!("Winner: {}", outcome.winner_label()),
    }
}

/// The side panel for the first selected ward.
pub fn show(
    ui: &mut egui::Ui,
    data: &Dataset,
    subject: Option<MapSubject>,
    selected: &[usize],
    colour_blind: bool,
) -> Vec<Command> {
    let mut commands = Vec::new();
    ui.heading("Ward details");
    let Some(subject) = subject else { return commands };
    let set_id = super::state::ward_set_of(data, subject);
    let set = set_id.and_then(|s| data.ward_set(s));
    let Some(&ward) = selected.first() else {
        ui.label("Click a ward on the map to see its full result.");
        return commands;
    };
    let Some(ward_info) = set.and_then(|s| s.wards.get(ward)) else { return commands };
    ui.horizontal(|ui| {
        ui.heading(&ward_info.name);
        if ui.small_button("×").on_hover_text("Clear the selection (Esc)").clicked() {
            commands.push(Command::ClearSelection);
        }
    });
    match (&ward_info.code, &ward_info.borough) {
        (Some(code), Some(borough)) => ui.label(format!("{borough} · ONS code {code}")),
        (Some(code), None) => ui.label(format!("ONS code {code}")),
        (None, Some(borough)) => ui.label(borough),
        (None, None) => ui.label(""),
    };
    match subject {
        MapSubject::Election(id) => results(ui, data, id, ward, colour_blind),
        MapSubject::WardSetOnly(_) => {
            ui.label("No results are loaded for these wards.");
        }
    }
    // After the results: the census and any figures the user opened, for this ward.
    if let Some(set) = set_id {
        super::ward_figures::show(ui, data, set, ward);
    }
    commands
}

/// The ward's result at election `id`, and the previous one (on these wards or notional).
fn results(ui: &mut egui::Ui, data: &Dataset, id: ElectionId, ward: usize, colour_blind: bool) {
    let Some(contest) = data.contest_in_ward(id, ward) else {
        ui.label("No result in the source for this ward at this election (a poll postponed, or a file without it).");
        return;
    };
    let year = data.election(id).map_or(0, |e| e.election.year);
    let definition = data.election(id).and_then(|e| e.election.turnout_definition.as_deref());
    // One vote axis for this ward's two elections, so their charts can be compared by eye.
    let pair = previous(data, id);
    let before = pair.and_then(|p| p.from_contest(data, ward));
    let most_votes = contest.candidates.iter().chain(before.iter().flat_map(|c| &c.candidates)).map(|c| c.votes).max();
    #[allow(clippy::cast_precision_loss, reason = "votes are far below 2^52")]
    let y_max = most_votes.map_or(1.0, |v| v as f64 * 1.1);
    contest_details(ui, contest, year, "current", colour_blind, definition, y_max);
    if let Some(pair) = pair {
        ui.add_space(12.0);
        ui.separator();
        let previous_year = data.election(pair.from).map_or(0, |e| e.election.year);
        let notional = pair.notional(data);
        if notional.is_some() {
            ui.heading(format!("Same place in {previous_year} (notional)"));
            ui.weak(format!(
                "{previous_year} was fought on other wards: this is its result estimated on this ward. \
                 Candidates are the parties' notional 1st, 2nd, … candidates."
            ));
        } else {
            ui.heading(format!("Same ward in {previous_year}"));
        }
        match before {
            Some(contest) => {
                let definition = data.election(pair.from).and_then(|e| e.election.turnout_definition.as_deref());
                contest_details(ui, contest, previous_year, "previous", colour_blind, definition, y_max);
            }
            None => {
                ui.label("No result for this ward then.");
            }
        }
        if let Some(notional) = notional {
            ui.add_space(8.0);
            super::estimate::show(ui, data, notional, ward);
        }
    } else if let Some(note) = previous_note(data, id) {
        ui.add_space(8.0);
        ui.weak(note);
    }
}

/// The election shown and the previous one of its borough that can be compared ward by ward
/// (on these wards, or notional on them).
fn previous(data: &Dataset, id: ElectionId) -> Option<crate::analysis::ElectionPair> {
    crate::analysis::ElectionPair::with_baseline(data, id, None).ok()
}

/// Why no previous result is shown.
fn previous_note(data: &Dataset, id: ElectionId) -> Option<String> {
    let year = data.election(id)?.election.year;
    let earlier = data.elections.iter().any(|e| e.election.year < year);
    earlier.then(|| {
        "The previous election was fought on other ward boundaries and no notional result could be estimated, \
         so it is not compared."
            .to_owned()
    })
}

/// `definition`: what the election's turnout figures count, named with their source.
fn contest_details(
    ui: &mut egui::Ui,
    contest: &Contest,
    year: i32,
    id_salt: &str,
    colour_blind: bool,
    definition: Option<&str>,
    y_max: f64,
) {
    let outcome = ContestOutcome::of(contest);
    let dates = contest.poll_date.map_or_else(String::new, |d| format!(", polled {d}"));
    ui.label(format!("{year}: {} seats{dates}", contest.seats));
    ui.horizontal_wrapped(|ui| {
        ui.label("Seats:");
        for (party, seats) in &outcome.seats {
            swatch(ui, party_colour32(party, colour_blind));
            ui.strong(format!("{} {seats}", party.short)).on_hover_text(&party.name);
        }
    });
    ui.label(winner_phrase(&outcome));
    ui.label(format!("Majority: {}", majority_text(outcome.majority)))
        .on_hover_text("Votes of the last elected candidate minus those of the best candidate not elected");
    if outcome.unfilled_seats > 0 {
        ui.colored_label(
            ui.visuals().warn_fg_color,
            format!(
                "⚠ {} seats, but the source elects {}: {} counted for no party.",
                contest.seats,
                contest.seats - outcome.unfilled_seats,
                if outcome.unfilled_seats == 1 { "the seat left is" } else { "the seats left are" }
            ),
        );
    }
    if let Some(figures) = crate::analysis::turnout::ward_figures(contest) {
        ui.label(figures);
        if let Some(definition) = definition {
            ui.weak(format!("Turnout here is {definition}."));
        }
    }
    ui.add_space(4.0);
    egui::Grid::new(("candidates", id_salt)).striped(true).num_columns(5).show(ui, |ui| {
        ui.strong("Candidate");
        ui.strong("Party");
        ui.strong("Votes");
        ui.strong("% of votes").on_hover_text("Share of all votes cast in the ward (each voter has several votes)");
        ui.strong("");
        ui.end_row();
        for &index in &outcome.ranking {
            let candidate = &contest.candidates[index];
            ui.horizontal(|ui| {
                swatch(ui, party_colour32(&candidate.party, colour_blind));
                ui.label(&candidate.name);
            });
            let party_hover = if candidate.party_label.is_empty() || candidate.party_label == candidate.party.name {
                candidate.party.name.clone()
            } else {
                format!("{} (printed as \"{}\")", candidate.party.name, candidate.party_label)
            };
            ui.label(&candidate.party.short).on_hover_text(party_hover);
            ui.label(thousands(candidate.votes));
            ui.label(crate::analysis::format::share_text(candidate.votes, outcome.total_votes))
                .on_hover_text("Share of all votes cast in the ward");
            ui.label(if outcome.elected[index] { "✔ elected" } else { "" });
            ui.end_row();
        }
    });
    for note in &outcome.flag_disagreements {
        ui.colored_label(ui.visuals().warn_fg_color, format!("⚠ {note}"));
    }
    votes_chart(ui, contest, &outcome, id_salt, colour_blind, y_max);
}

/// A bar per candidate, most votes first, in party colours; candidates not elected paler.
/// `y_max`: the top of the vote axis, shared by the ward's charts of both elections.
fn votes_chart(
    ui: &mut egui::Ui,
    contest: &Contest,
    outcome: &ContestOutcome,
    id_salt: &str,
    colour_blind: bool,
    y_max: f64,
) {
    let bars: Vec<Bar> = outcome
        .ranking
        .iter()
        .enumerate()
        .map(|(position, &index)| {
            let candidate = &contest.candidates[index];
            let colour = party_colour32(&candidate.party, colour_blind);
            let fill = if outcome.elected[index] { colour } else { colour.gamma_multiply(0.45) };
            Bar::new(position as f64, candidate.votes as f64)
                .name(format!("{} ({})", candidate.name, candidate.party.short))
                .fill(fill)
                .width(0.8)
        })
        .collect();
    Plot::new(("votes_chart", id_salt))
        .height(150.0)
        .include_y(0.0)
        .include_y(y_max)
        .allow_zoom(false)
        .allow_drag(false)
        .allow_scroll(false)
        .show_grid([false, true])
        .show_axes([false, true])
        .show(ui, |plot| {
            plot.bar_chart(BarChart::new("Votes", bars).element_formatter(Box::new(|bar, _| {
                format!("{}: {} votes", bar.name, thousands(bar.value.round() as u64))
            })));
        });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thousands_are_separated() {
        assert_eq!(thousands(2224), "2,224");
        assert_eq!(thousands(943), "943");
        assert_eq!(thousands(1_234_567), "1,234,567");
        assert_eq!(majority_text(Some(1)), "1 vote");
    }
}
