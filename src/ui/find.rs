//! Find a ward by name (Ctrl+F), loosely: "church end" finds Finchley Church End, "childs"
//! finds Childs Hill, "golders-green" finds Golders Green.

use super::command::Command;

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

    /// Draw the find box over the map's top-left corner; Enter selects the best match.
    pub fn show(&mut self, ctx: &egui::Context, anchor: egui::Pos2, names: &[String]) -> Vec<Command> {
        let mut commands = Vec::new();
        if !self.open {
            return commands;
        }
        egui::Area::new(egui::Id::unique("find_ward")).fixed_pos(anchor).order(egui::Order::Foreground).show(
            ctx,
            |ui| {
                egui::Frame::popup(ui.style()).show(ui, |ui| {
                    ui.horizontal(|ui| {
                        ui.label("Find ward:");
                        let edit = ui.add(
                            egui::TextEdit::singleline(&mut self.query)
                                .hint_text("e.g. church end")
                                .desired_width(180.0),
                        );
                        if self.focus_pending {
                            edit.request_focus();
                            self.focus_pending = false;
                        }
                        let matches = matching_wards(names, &self.query);
                        if edit.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter)) {
                            if let Some(&best) = matches.first() {
                                commands.push(Command::SelectWard { ward: best, toggle: false });
                                commands.push(Command::RevealSelection);
                            }
                            self.open = false;
                        }
                        if ui.small_button("×").on_hover_text("Close (Esc)").clicked()
                            || ui.input(|i| i.key_pressed(egui::Key::Escape))
                        {
                            self.open = false;
                        }
                        if !self.query.is_empty() {
                            ui.end_row();
                        }
                    });
                    let matches = matching_wards(names, &self.query);
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
