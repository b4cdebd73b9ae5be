//! Find a ward by name (Ctrl+F), loosely: "church end" finds Finchley Church End, "childs"
//! finds Childs Hill, "golders-green" finds Golders Green. Or by postcode: "NW4 4BG" (any case
//! or spacing) finds the ward of the shown set that its point lies in.

use super::command::Command;
use crate::model::postcode::looks_like_postcode;
use crate::session::postcodes::{PostcodeHit, PostcodeMiss};

/// What the app answers for a postcode: its ward in the shown set, or why there is none.
pub type PostcodeAnswer = Result<PostcodeHit, PostcodeMiss>;

/// Lower-case words of a name, punctuation dropped, "&" read as "and".
fn words(text: &str) -> Vec<String> {
    text.to_lowercase()
        .replace('&', " and ")
        .replace(['\'', '’'], "")
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect()
}

/// Indexes of the names that match `query`, best first: every query word must start a word
/// of the name (in any order); whole-word and in-order matches rank higher, then shorter names.
pub fn matching_wards(names: &[String], query: &str) -> Vec<usize> {
    let query_words = words(query);
    if query_words.is_empty() {
        return Vec::new();
    }
    let mut scored: Vec<(u32, usize, usize)> = names
        .iter()
        .enumerate()
        .filter_map(|(index, name)| {
            let name_words = words(name);
            let mut score = 0;
            let mut last_position = None;
            for q in &query_words {
                let position = name_words.iter().position(|w| w.starts_with(q.as_str()))?;
                if name_words[position] == *q {
                    score += 2;
                }
                if last_position.is_none_or(|p| position > p) {
                    score += 1;
                }
                last_position = Some(position);
            }
            Some((score, name.len(), index))
        })
        .collect();
    scored.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    scored.into_iter().map(|(_, _, index)| index).collect()
}

/// The state of the find box.
#[derive(Default)]
pub struct FindBox {
    pub open: bool,
    pub query: String,
    focus_pending: bool,
}

impl FindBox {
    pub fn open(&mut self) {
        self.open = true;
        self.focus_pending = true;
    }

    /// Draw the find box over the map's top-left corner; Enter selects the best match. A query
    /// that looks like a postcode is answered by `locate` instead of the names.
    pub fn show(
        &mut self,
        ctx: &egui::Context,
        anchor: egui::Pos2,
        names: &[String],
        locate: &dyn Fn(&str) -> Option<PostcodeAnswer>,
    ) -> Vec<Command> {
        let mut commands = Vec::new();
        if !self.open {
            return commands;
        }
        egui::Area::new(egui::Id::unique("find_ward")).fixed_pos(anchor).order(egui::Order::Foreground).show(
            ctx,
            |ui| {
                egui::Frame::popup(ui.style()).show(ui, |ui| {
                    let by_postcode = looks_like_postcode(&self.query);
                    let answer = if by_postcode { locate(&self.query) } else { None };
                    let matches = if by_postcode { Vec::new() } else { matching_wards(names, &self.query) };
                    let best = match &answer {
                        Some(Ok(hit)) => Some(hit.ward),
                        _ => matches.first().copied(),
                    };
                    ui.horizontal(|ui| {
                        let label = ui.label("Find ward:");
                        let edit = ui
                            .add(
                                egui::TextEdit::singleline(&mut self.query)
                                    .hint_text("name or postcode, e.g. church end, NW4 4BG")
                                    .desired_width(220.0),
                            )
                            .labelled_by(label.id);
                        if self.focus_pending {
                            edit.request_focus();
                            self.focus_pending = false;
                        }
                        if edit.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter)) {
                            if let Some(best) = best {
                                commands.push(Command::SelectWard { ward: best, toggle: false });
                                commands.push(Command::RevealSelection);
                                self.open = false;
                            } else if !by_postcode || answer.is_none() {
                                self.open = false;
                            }
                        }
                        if ui.small_button("×").on_hover_text("Close (Esc)").clicked()
                            || ui.input(|i| i.key_pressed(egui::Key::Escape))
                        {
                            self.open = false;
                        }
                    });
                    match &answer {
                        Some(Ok(hit)) => {
                            let name = names.get(hit.ward).map_or("a ward", String::as_str);
                            if ui.selectable_label(false, format!("{} is in {name}", hit.postcode)).clicked() {
                                commands.push(Command::SelectWard { ward: hit.ward, toggle: false });
                                commands.push(Command::RevealSelection);
                                self.open = false;
                            }
                        }
                        Some(Err(miss)) => {
                            ui.colored_label(ui.visuals().warn_fg_color, miss.to_string());
                            let suggestion = match miss {
                                PostcodeMiss::Malformed(form) => form.suggestion().map(str::to_owned),
                                PostcodeMiss::Unknown { nearest, .. } => nearest.clone(),
                                PostcodeMiss::OutsideWards { .. } => None,
                            };
                            if let Some(suggestion) = suggestion
                                && ui.button(format!("Try {suggestion}")).clicked()
                            {
                                self.query = suggestion;
                            }
                        }
                        None => {
                            for &index in matches.iter().take(8) {
                                if ui.selectable_label(false, &names[index]).clicked() {
                                    commands.push(Command::SelectWard { ward: index, toggle: false });
                                    commands.push(Command::RevealSelection);
                                    self.open = false;
                                }
                            }
                            if !self.query.trim().is_empty() && matches.is_empty() {
                                ui.weak("No ward matches.");
                            }
                        }
                    }
                });
            },
        );
        commands
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn barnet() -> Vec<String> {
        ["Finchley Church End", "Childs Hill", "Golders Green", "West Finchley", "East Finchley", "Garden Suburb"]
            .map(str::to_owned)
            .to_vec()
    }

    #[test]
    fn church_end_finds_finchley_church_end() {
        assert_eq!(matching_wards(&barnet(), "church end"), vec![0]);
    }

    #[test]
    fn loose_spellings_and_prefixes_match() {
        assert_eq!(matching_wards(&barnet(), "child's"), vec![1]);
        assert_eq!(matching_wards(&barnet(), "golders-green"), vec![2]);
        assert_eq!(matching_wards(&barnet(), "GARDEN"), vec![5]);
    }

    #[test]
    fn several_matches_rank_in_order_matches_first() {
        let found = matching_wards(&barnet(), "finchley");
        assert_eq!(found.len(), 3);
        assert_eq!(found[0], 3, "West Finchley: shortest whole-word match first");
        assert!(matching_wards(&barnet(), "").is_empty());
        assert!(matching_wards(&barnet(), "zzz").is_empty());
    }
}
