//! Choosing which GeoJSON properties hold a ward's code and name, when the detection was
//! unsure (several candidates, or none that looks like a name).

use crate::io::properties::BoundaryOptions;
use crate::session::UnsureProperties;
use std::path::PathBuf;

pub struct PropertyChoice {
    unsure: UnsureProperties,
    code: Option<String>,
    name: Option<String>,
}

pub enum PropertyDecision {
    Keep,
    Close,
    Reload(PathBuf, BoundaryOptions),
}

impl PropertyChoice {
    pub fn new(unsure: UnsureProperties) -> Self {
        let code = unsure.report.code_property.clone();
        let name = unsure.report.name_property.clone();
        PropertyChoice { unsure, code, name }
    }

    pub fn show(&mut self, ctx: &egui::Context) -> PropertyDecision {
        let mut open = true;
        let mut reload = false;
        let file = self.unsure.path.file_name().map_or_else(String::new, |n| n.to_string_lossy().into_owned());
        let available = &self.unsure.report.available;
        egui::Window::new("Ward code and name")
            .constrain_to(super::widgets::window_area(ctx))
            .collapsible(false)
            .open(&mut open)
            .show(ctx, |ui| {
                ui.label(format!("wardmap was not sure which properties of {file} hold the ward code and name."));
                ui.label("Check them, or choose others:");
                egui::Grid::new("property_choice").num_columns(2).show(ui, |ui| {
                    for (label, chosen, salt) in
                        [("Ward code", &mut self.code, "code"), ("Ward name", &mut self.name, "name")]
                    {
                        let label = ui.label(label);
                        egui::ComboBox::from_id_salt(("property", salt))
                            .selected_text(chosen.clone().unwrap_or_else(|| "(none)".to_owned()))
                            .show_ui(ui, |ui| {
                                ui.selectable_value(chosen, None, "(none)");
                                for property in available {
                                    ui.selectable_value(chosen, Some(property.clone()), property);
                                }
                            })
                            .response
                            .labelled_by(label.id);
                        ui.end_row();
                    }
                });
                reload = ui.button("Reload with these").clicked();
            });
        if reload {
            let options = BoundaryOptions { code_property: self.code.clone(), name_property: self.name.clone() };
            PropertyDecision::Reload(self.unsure.path.clone(), options)
        } else if open {
            PropertyDecision::Keep
        } else {
            PropertyDecision::Close
        }
    }
}
