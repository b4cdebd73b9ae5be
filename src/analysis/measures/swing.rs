//! Butler two-party swing between the spec's pair since the baseline election, in points, on a
//! diverging scale: positive is a swing to the first party.

use super::change::CHANGE_STEPS;
use super::{ColourSpec, Colouring, Context, Measure, Picker, Unavailable, WardValue, paint};
use crate::analysis::borough::BoroughChange;
use crate::analysis::change::{swing_label, ward_swing};
use crate::analysis::scales::{self, Scale};
use crate::model::Party;

/// The swing map.
pub struct Swing;

impl Measure for Swing {
    fn label(&self) -> &'static str {
        "Swing"
    }

    fn pickers(&self) -> &'static [Picker] {
        &[Picker::PartyPair, Picker::Baseline, Picker::ShareMethod]
    }

    fn availability(&self, on: &Context<'_>) -> Result<(), Unavailable> {
        on.swing_pair()?;
        on.pair()?;
        Ok(())
    }

    fn ward_values(&self, on: &Context<'_>) -> Result<Vec<Option<WardValue>>, Unavailable> {
        let pair = on.pair()?;
        let (a, b) = on.swing_pair()?;
        let method = on.spec.method;
        Ok(on.each_ward_pair(pair, |x, y| {
            let s = ward_swing(x, y, &a, &b, method)?;
            let text = format!(
                "{} ({} {:.1}% → {:.1}%, {} {:.1}% → {:.1}%; {})",
                swing_label(s.points, &a, &b),
                a.short,
                s.a.from,
                s.a.to,
                b.short,
                s.b.from,
                s.b.to,
                method.label()
            );
            WardValue::some(Some(s.points), text)
        }))
    }

    /// The borough's swing, from the parties' borough shares.
    fn borough_value(&self, on: &Context<'_>) -> Option<WardValue> {
        let (a, b) = on.swing_pair().ok()?;
        let change = BoroughChange::of(on.data, on.pair().ok()?, on.spec.method).ok()?;
        let s = change.swing(&a, &b);
        Some(WardValue { number: Some(s.points), text: swing_label(s.points, &a, &b) })
    }

    fn unit(&self, _on: &Context<'_>) -> String {
        "pts".into()
    }

    fn column_title(&self, on: &Context<'_>) -> String {
        let (a, b) = on.swing_parties();
        format!("Swing {}↔{} {}", a.short, b.short, on.years())
    }

    /// "8.1 pts to Con", "no swing".
    fn cell_text(&self, spec: &ColourSpec, value: &WardValue) -> String {
        match value.number {
            Some(n) if (n * 10.0).round() == 0.0 => "no swing".into(),
            Some(n) => {
                let to = if n > 0.0 { &spec.swing.0 } else { &spec.swing.1 };
                format!("{:.1} pts to {}", n.abs(), Party::from_source(to).short)
            }
            None => value.text.clone(),
        }
    }

    fn colour(&self, on: &Context<'_>) -> Result<Colouring, Unavailable> {
        let (a, b) = on.swing_pair()?;
        let values = self.ward_values(on)?;
        let (_, title) = on.comparison_title(&format!("swing {}↔{}", a.short, b.short))?;
        let (up, down) = scales::pair_colours(&a, &b, on.spec.colour_blind);
        let (to_a, to_b) = (format!("swing to {}", a.name), format!("swing to {}", b.name));
        let scale = Scale::diverging(CHANGE_STEPS.to_vec(), up, down, &to_a, &to_b, " pts");
        let note =
            format!("Butler two-party swing, {}, percentage points{}", on.spec.method.label(), on.colour_blind_note());
        Ok(paint(values, &scale, title, note))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn swing_cells_name_the_party_swung_to() {
        let spec = ColourSpec { mode: crate::analysis::ColourMode::Swing, ..ColourSpec::winner() };
        let value = |n: f64| WardValue { number: Some(n), text: String::new() };
        assert_eq!(crate::analysis::measures::measure(spec.mode).cell_text(&spec, &value(8.14)), "8.1 pts to Con");
        assert_eq!(crate::analysis::measures::measure(spec.mode).cell_text(&spec, &value(-2.0)), "2.0 pts to Lab");
        assert_eq!(crate::analysis::measures::measure(spec.mode).cell_text(&spec, &value(0.01)), "no swing");
    }
}
