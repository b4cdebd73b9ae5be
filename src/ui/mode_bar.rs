//! The colour-mode picker and the options of the chosen mode: the pickers its measure asks
//! for (party, swing pair, baseline election, share method), then the colour-blind palette.
//! Modes that cannot be shown are greyed out with the plain reason on hover.

use super::command::Command;
use crate::analysis::colouring::{self, ColourMode, ColourSpec, MapSubject, Unavailable};
use crate::analysis::measures::{Picker, measure};
use crate::analysis::share::ShareMethod;
use crate::model::Dataset;

/// Draw the mode picker and the mode's options; any change comes back as a new spec.
/// `availability` and `parties` (by borough share) are worked out once by the app when the
/// subject or spec changes, not per frame.
pub fn show(
    ui: &mut egui::Ui,
    data: &Dataset,
    subject: Option<MapSubject>,
    spec: &ColourSpec,
    availability: &[(ColourMode, Result<(), Unavailable>)],
    parties: &[String],
) -> Vec<Command> {
    let mut commands = Vec::new();
    let Some(subject) = subject else { return commands };
    let mode_label = ui.label("Colour by:");
    egui::ComboBox::from_id_salt("colour_mode")
        .selected_text(spec.mode.label())
        .show_ui(ui, |ui| {
            for (mode, available) in availability {
                let response =
                    ui.add_enabled(available.is_ok(), egui::Button::selectable(spec.mode == *mode, mode.label()));
                let response = match available {
                    Err(reason) => response.on_disabled_hover_text(reason.to_string()),
                    Ok(()) => response,
                };
                if response.clicked() {
                    commands.push(Command::SetColourMode(*mode));
                }
            }
        })
        .response
        .labelled_by(mode_label.id);

    let MapSubject::Election(id) = subject else { return commands };
    if data.election(id).is_none() {
        return commands;
    }
    let mut new_spec = spec.clone();

    for picker in measure(spec.mode).pickers() {
        match picker {
            Picker::Party => party_picker(ui, "Party:", "share_party", parties, &mut new_spec.party),
            Picker::PartyPair => {
                party_picker(ui, "Swing from", "swing_b", parties, &mut new_spec.swing.1);
                party_picker(ui, "to", "swing_a", parties, &mut new_spec.swing.0);
            }
            Picker::Baseline => baseline_picker(ui, data, id, &mut new_spec.baseline),
            Picker::ShareMethod => method_picker(ui, spec.method, &mut new_spec.method),
            Picker::Attribute => attribute_picker(ui, data, id, spec, &mut new_spec.attribute),
        }
    }
    ui.checkbox(&mut new_spec.colour_blind, "Colour-blind safe")
        .on_hover_text("Okabe-Ito colours for parties and cividis-like scales for measures");
    if new_spec != *spec {
        commands.push(Command::SetColourSpec(new_spec));
    }
    commands
}

/// The ward figures with values on the shown wards, by heading; the measure name on hover.
fn attribute_picker(
    ui: &mut egui::Ui,
    data: &Dataset,
    id: crate::model::ElectionId,
    spec: &ColourSpec,
    chosen: &mut String,
) {
    let on = crate::analysis::measures::Context { data, id, spec };
    let names = crate::analysis::measures::attribute::names_for(&on);
    let label = ui.label("Figure:");
    let shown = measure(spec.mode).column_title(&on);
    egui::ComboBox::from_id_salt("attribute")
        .selected_text(shown)
        .width(320.0)
        .show_ui(ui, |ui| {
            for (name, heading) in names {
                ui.selectable_value(chosen, name.clone(), heading).on_hover_text(name);
            }
        })
        .response
        .labelled_by(label.id);
}

fn method_picker(ui: &mut egui::Ui, shown: ShareMethod, chosen: &mut ShareMethod) {
    let method_label = ui.label("Shares:");
    egui::ComboBox::from_id_salt("share_method")
        .selected_text(method_name(shown))
        .show_ui(ui, |ui| {
            for method in ShareMethod::ALL {
                ui.selectable_value(chosen, *method, method_name(*method)).on_hover_text(match method {
                    ShareMethod::TopVote => "Each party's best candidate stands for the party (Britain Elects)",
                    ShareMethod::TotalVotes => "A party's votes over all votes cast",
                });
            }
        })
        .response
        .labelled_by(method_label.id);
}

fn method_name(method: ShareMethod) -> &'static str {
    match method {
        ShareMethod::TopVote => "Top vote",
        ShareMethod::TotalVotes => "Total votes",
    }
}

fn party_picker(ui: &mut egui::Ui, label: &str, id: &str, parties: &[String], chosen: &mut String) {
    let label = ui.label(label);
    egui::ComboBox::from_id_salt(id)
        .selected_text(chosen.as_str())
        .show_ui(ui, |ui| {
            for party in parties {
                ui.selectable_value(chosen, party.clone(), party);
            }
        })
        .response
        .labelled_by(label.id);
}

fn baseline_picker(ui: &mut egui::Ui, data: &Dataset, id: crate::model::ElectionId, baseline: &mut Option<i32>) {
    let options = colouring::baselines(data, id);
    let label = ui.label("since");
    let notional =
        crate::analysis::ElectionPair::with_baseline(data, id, *baseline).is_ok_and(|p| p.notional.is_some());
    let shown = match baseline {
        Some(year) if notional => format!("{year} (notional)"),
        Some(year) => year.to_string(),
        None if notional => "previous election (notional)".to_owned(),
        None => "previous election".to_owned(),
    };
    egui::ComboBox::from_id_salt("baseline")
        .selected_text(shown)
        .show_ui(ui, |ui| {
            ui.selectable_value(baseline, None, "previous election");
            for (year, available) in options {
                let text = if available == Ok(true) { format!("{year} (notional)") } else { year.to_string() };
                let response =
                    ui.add_enabled(available.is_ok(), egui::Button::selectable(*baseline == Some(year), text));
                let response = match &available {
                    Err(reason) => response.on_disabled_hover_text(reason.to_string()),
                    Ok(true) => response.on_hover_text(format!(
                        "{year} was fought on other wards: compared through its notional result on these wards"
                    )),
                    Ok(false) => response,
                };
                if response.clicked() {
                    *baseline = Some(year);
                }
            }
        })
        .response
        .labelled_by(label.id);
}
