//! Moving the selection from the keyboard: arrow keys go to the nearest ward in that
//! direction on the map; Tab and Shift+Tab step through wards alphabetically; Esc clears.

use super::command::Command;

/// A direction on screen.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    Left,
    Right,
    Up,
    Down,
}

/// The ward whose point lies nearest `from` within 60° either side of `direction`, with
/// points in world coordinates (y up). Straying off-axis costs double, so "right" prefers
/// the ward straight to the right over a nearer one up and to the right.
pub fn neighbour(points: &[Option<[f64; 2]>], from: usize, direction: Direction) -> Option<usize> {
    let origin = (*points.get(from)?)?;
    let (ux, uy) = match direction {
        Direction::Left => (-1.0, 0.0),
        Direction::Right => (1.0, 0.0),
        Direction::Up => (0.0, 1.0),
        Direction::Down => (0.0, -1.0),
    };
    points
        .iter()
        .enumerate()
        .filter(|(index, _)| *index != from)
        .filter_map(|(index, point)| {
            let [x, y] = (*point)?;
            let (dx, dy) = (x - origin[0], y - origin[1]);
            let along = dx * ux + dy * uy;
            let across = (dx * uy - dy * ux).abs();
            // Within 60° of the direction: across ≤ tan(60°) · along.
            (along > 0.0 && across <= along * 1.732).then_some((along + 2.0 * across, index))
        })
        .min_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, index)| index)
}

/// The next (or previous) ward in alphabetical order, wrapping around.
pub fn step_alphabetically(names: &[String], from: Option<usize>, backwards: bool) -> Option<usize> {
    let mut order: Vec<usize> = (0..names.len()).collect();
    order.sort_by(|&a, &b| names[a].cmp(&names[b]));
    let position = from.and_then(|f| order.iter().position(|&i| i == f));
    let next = match (position, backwards) {
        (None, false) => 0,
        (None, true) => order.len().checked_sub(1)?,
        (Some(p), false) => (p + 1) % order.len(),
        (Some(p), true) => (p + order.len() - 1) % order.len(),
    };
    order.get(next).copied()
}

/// Read this frame's navigation keys, unless a text field or other widget has focus.
/// `anchors` gives each ward's label point; it is only called when an arrow key was pressed.
pub fn commands(
    ctx: &egui::Context,
    names: &[String],
    anchors: &dyn Fn() -> Vec<Option<[f64; 2]>>,
    selected: Option<usize>,
) -> Vec<Command> {
    // A text field keeps its keys. Any other focused widget (egui moves focus with Tab) gives
    // focus up, so Tab and the arrows move the ward selection instead of a focus ring.
    if ctx.text_edit_focused() {
        return Vec::new();
    }
    let mut commands = Vec::new();
    ctx.input_mut(|input| {
        if input.consume_key(egui::Modifiers::NONE, egui::Key::Escape) {
            commands.push(Command::ClearSelection);
        }
        let tab_back = input.consume_key(egui::Modifiers::SHIFT, egui::Key::Tab);
        let tab = !tab_back && input.consume_key(egui::Modifiers::NONE, egui::Key::Tab);
        if (tab || tab_back)
            && let Some(ward) = step_alphabetically(names, selected, tab_back)
        {
            commands.push(Command::SelectWard { ward, toggle: false });
            commands.push(Command::RevealSelection);
        }
        let arrows = [
            (egui::Key::ArrowLeft, Direction::Left),
            (egui::Key::ArrowRight, Direction::Right),
            (egui::Key::ArrowUp, Direction::Up),
            (egui::Key::ArrowDown, Direction::Down),
        ];
        for (key, direction) in arrows {
            if input.consume_key(egui::Modifiers::NONE, key) {
                let target = match selected {
                    Some(from) => neighbour(&anchors(), from, direction),
                    None => step_alphabetically(names, None, false),
                };
                if let Some(ward) = target {
                    commands.push(Command::SelectWard { ward, toggle: false });
                    commands.push(Command::RevealSelection);
                }
            }
        }
    });
    if !commands.is_empty()
        && let Some(focused) = ctx.memory(|m| m.focused())
    {
        ctx.memory_mut(|m| m.surrender_focus(focused));
    }
    commands
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arrows_go_to_the_nearest_ward_in_that_direction() {
        // A plus shape around ward 0, with ward 5 far off up-right.
        let points = [[0.0, 0.0], [10.0, 1.0], [-10.0, 0.0], [0.0, 10.0], [0.0, -10.0], [6.0, 9.0]].map(Some).to_vec();
        assert_eq!(neighbour(&points, 0, Direction::Right), Some(1));
        assert_eq!(neighbour(&points, 0, Direction::Left), Some(2));
        assert_eq!(neighbour(&points, 0, Direction::Up), Some(3));
        assert_eq!(neighbour(&points, 0, Direction::Down), Some(4));
        assert_eq!(neighbour(&points, 2, Direction::Left), None, "nothing further west");
    }

    #[test]
    fn tab_steps_alphabetically_and_wraps() {
        let names: Vec<String> = ["Hale", "Edgware", "Oakleigh"].map(str::to_owned).to_vec();
        assert_eq!(step_alphabetically(&names, None, false), Some(1));
        assert_eq!(step_alphabetically(&names, Some(1), false), Some(0));
        assert_eq!(step_alphabetically(&names, Some(2), false), Some(1), "wraps");
        assert_eq!(step_alphabetically(&names, Some(1), true), Some(2));
    }
}
