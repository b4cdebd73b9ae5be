//! A ward figure that is not a result: a census share ("Jewish residents, % of all usual
//! residents, 2011 Census") or a column of a table the user opened, on a sequential scale.
//! The column is the spec's [`ColourSpec::attribute`], a measure name such as
//! `census:jewish:2011` (with no year: the latest census not after the election).

use super::{ColourSpec, Colouring, Context, Measure, Picker, Unavailable, WardValue, numbers, paint};
use crate::analysis::attributes::{count_text, share_text, shown_value};
use crate::analysis::scales::{self, Scale};
use crate::model::attributes::{AttributeKind, AttributeName, AttributeTable, WardAttributes};
use crate::model::palette::Rgb;

/// The hue of ward-figure maps: a purple no party uses.
const HUE: Rgb = Rgb(0x6A, 0x3D, 0x9A);

/// The ward-figures map.
pub struct Attribute;

/// The table, its values on the election's ward set and the column the spec names.
struct Found<'a> {
    table: &'a AttributeTable,
    values: &'a WardAttributes,
    column: usize,
}

impl Found<'_> {
    /// "Jewish residents, % of all usual residents, 2011 Census", or "IMD score (pets.csv)".
    fn heading(&self) -> String {
        let column = &self.table.columns[self.column];
        match &self.table.kind {
            AttributeKind::Counts { of_what, .. } => {
                let census = self.table.year.map_or_else(String::new, |y| format!(", {y} Census"));
                // A table with a caveat (the 2021 best fit) says so in its very heading, so the
                // word goes wherever the heading does: legend, table column, scatter axis.
                let approximate = if self.table.caveat.is_some() { " (approximation)" } else { "" };
                format!("{} residents, % of {of_what}{census}{approximate}", column.label)
            }
            AttributeKind::Values => format!("{} ({})", column.label, self.table.title),
        }
    }

    /// Every caveat: the table's (best fit), and the apportioning of any ward.
    fn caveat(&self) -> Option<String> {
        let notes: Vec<String> =
            self.table.caveat.iter().cloned().chain(self.values.apportioned_note()).collect();
        (!notes.is_empty()).then(|| notes.join(" "))
    }
}

/// The spec's table and column on the election's ward set, or why there is none.
fn find<'a>(on: &Context<'a>) -> Result<Found<'a>, Unavailable> {
    let joined = on.election()?;
    let name = AttributeName::parse(&on.spec.attribute)
        .ok_or_else(|| Unavailable::NoAttribute(format!("'{}' is not a measure name (table:column)", on.spec.attribute)))?;
    let set = joined.ward_set.ok_or(Unavailable::NoResults)?;
    let (table, values, column) = on.data.attribute_on(set, &name, joined.election.year).ok_or_else(|| {
        let known = on.data.attribute_tables.iter().any(|t| t.key == name.table && t.column(&name.column).is_some());
        Unavailable::NoAttribute(if known {
            format!("{} has no figures for the wards of {}", on.spec.attribute, joined.election.title())
        } else {
            format!("no table has the column {}", on.spec.attribute)
        })
    })?;
    Ok(Found { table, values, column })
}

impl Measure for Attribute {
    fn label(&self) -> &'static str {
        "Census & ward figures"
    }

    fn pickers(&self) -> &'static [Picker] {
        &[Picker::Attribute]
    }

    /// Shown wherever the wards have any figures, so the picker can offer them even when the
    /// spec's figure is of another ward set (its map then says why it is empty).
    fn availability(&self, on: &Context<'_>) -> Result<(), Unavailable> {
        if names_for(on).is_empty() {
            Err(Unavailable::NoAttribute("no census or ward figures are loaded for these wards".into()))
        } else {
            Ok(())
        }
    }

    fn ward_values(&self, on: &Context<'_>) -> Result<Vec<Option<WardValue>>, Unavailable> {
        let found = find(on)?;
        let column = &found.table.columns[found.column];
        let unit = column.unit.clone();
        Ok((0..on.ward_count())
            .map(|ward| {
                let figures = found.values.wards.get(ward)?.as_ref()?;
                let value = shown_value(found.table, figures, found.column);
                let estimated = if figures.basis.note().is_some() { ", apportioned" } else { "" };
                let text = match (value, &found.table.kind) {
                    (Some(_), AttributeKind::Counts { total, of_what }) => {
                        let count = figures.values.get(found.column).copied().flatten().unwrap_or(0.0);
                        let all = figures.values.get(*total).copied().flatten().unwrap_or(0.0);
                        format!(
                            "{} {} ({} of {} {of_what}{estimated})",
                            column.label,
                            share_text(count, all),
                            count_text(count),
                            count_text(all)
                        )
                    }
                    (Some(v), AttributeKind::Values) => format!("{} {}{unit}", column.label, scales::number(v)),
                    (None, _) => format!("{}: no figure", column.label),
                };
                WardValue::some(value, text)
            })
            .collect())
    }

    fn column_title(&self, on: &Context<'_>) -> String {
        find(on).map_or_else(|_| on.spec.attribute.clone(), |found| found.heading())
    }

    fn unit(&self, on: &Context<'_>) -> String {
        find(on).map(|f| f.table.columns[f.column].unit.clone()).unwrap_or_default()
    }

    fn caveat(&self, on: &Context<'_>) -> Option<String> {
        find(on).ok()?.caveat()
    }

    fn credit(&self, on: &Context<'_>) -> Option<String> {
        let found = find(on).ok()?;
        Some(found.table.credit.clone().unwrap_or_else(|| format!("Ward figures from {}.", found.table.source)))
    }

    fn cell_text(&self, _spec: &ColourSpec, value: &WardValue) -> String {
        value.number.map_or_else(|| value.text.clone(), |n| format!("{n:.1}"))
    }

    fn colour(&self, on: &Context<'_>) -> Result<Colouring, Unavailable> {
        let found = find(on)?;
        let values = self.ward_values(on)?;
        let colours = scales::sequential(HUE, 5, on.spec.colour_blind);
        let unit = &found.table.columns[found.column].unit;
        let scale = Scale::ascending(scales::nice_breaks(&numbers(&values), 5), &colours, unit);
        let mut note = found.table.credit.clone().unwrap_or_else(|| format!("From {}", found.table.source));
        if let Some(caveat) = found.caveat() {
            note = format!("{note} {caveat}");
        }
        note.push_str(on.colour_blind_note());
        Ok(paint(values, &scale, on.title(&found.heading()), note))
    }
}

/// Every measure name with figures on the election's ward set, with its heading, for pickers:
/// ("census:jewish:2011", "Jewish residents, % of all usual residents, 2011 Census").
#[must_use]
pub fn names_for(on: &Context<'_>) -> Vec<(String, String)> {
    let Some(set) = on.election().ok().and_then(|e| e.ward_set) else { return Vec::new() };
    on.data
        .attributes_on(set)
        .flat_map(|(table, values)| {
            table.measured_columns().map(move |(column, _)| {
                (table.measure_name(column), Found { table, values, column }.heading())
            })
        })
        .collect()
}
