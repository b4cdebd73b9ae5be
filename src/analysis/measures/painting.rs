//! What a measure draws: a fill per ward, a legend that matches it, and a value per ward for
//! tooltips; and the two ways measures build them (a binned scale, or one item per fill).

use super::WardValue;
use crate::analysis::scales::Scale;
use crate::model::palette::FillStyle;
use std::collections::HashMap;

/// A legend entry: a swatch and its words.
#[derive(Clone, Debug, PartialEq)]
pub struct LegendItem {
    pub fill: FillStyle,
    pub label: String,
    /// How many wards on the map have this fill.
    pub count: usize,
}

/// The legend for the map as coloured.
#[derive(Clone, Debug, PartialEq)]
pub struct Legend {
    pub title: String,
    /// What the items' counts count: wards, or (on the council control map) boroughs.
    pub counts: Counted,
    /// Method and units, e.g. "Share by the top-vote method, %".
    pub note: Option<String>,
    pub items: Vec<LegendItem>,
}

/// What a legend's counts count.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Counted {
    #[default]
    Wards,
    Boroughs,
}

impl Counted {
    /// "1 ward", "21 wards", "9 boroughs".
    #[must_use]
    pub fn label(self, count: usize) -> String {
        let (one, many) = match self {
            Counted::Wards => ("ward", "wards"),
            Counted::Boroughs => ("borough", "boroughs"),
        };
        format!("{count} {}", if count == 1 { one } else { many })
    }
}

/// A colouring of one ward set.
#[derive(Clone, Debug, PartialEq)]
pub struct Colouring {
    /// Per ward of the set shown.
    pub fills: Vec<FillStyle>,
    /// Per ward: the value in words, for the tooltip ("Conservative", "Split: 2 Con, 1 Lab",
    /// "8.1 pts swing to Conservative (top-vote method)").
    pub values: Vec<Option<String>>,
    pub legend: Legend,
    /// Set when the spec cannot be shown (say, swing across ward sets), with the reason.
    pub unavailable: Option<String>,
}

impl Colouring {
    /// No wards, and the reason as the legend's title.
    pub(crate) fn empty(reason: &str) -> Colouring {
        Colouring {
            fills: Vec::new(),
            values: Vec::new(),
            legend: Legend { title: reason.into(), counts: Counted::Wards, note: None, items: Vec::new() },
            unavailable: Some(reason.into()),
        }
    }
}

/// Paint values through a scale: the legend lists every bin (with its ward count), then
/// values with no number (say, "Uncontested"), then wards with no result.
pub fn paint(values: Vec<Option<WardValue>>, scale: &Scale, title: String, note: String) -> Colouring {
    let mut fills = vec![FillStyle::NoData; values.len()];
    let mut counts = vec![0usize; scale.bins.len()];
    let mut others = LegendBuilder::default();
    for (fill, value) in fills.iter_mut().zip(&values) {
        let Some(value) = value else { continue };
        match value.number.and_then(|n| scale.classify(n)) {
            Some(bin) => {
                if let (Some(b), Some(count)) = (scale.bins.get(bin), counts.get_mut(bin)) {
                    *fill = FillStyle::Solid(b.colour);
                    *count += 1;
                }
            }
            None => others.add(&FillStyle::NoData, &value.text, (0, 0)),
        }
    }
    let mut items: Vec<LegendItem> = scale
        .bins
        .iter()
        .zip(counts)
        .map(|(b, count)| LegendItem { fill: FillStyle::Solid(b.colour), label: b.label.clone(), count })
        .collect();
    items.extend(others.finish(&fills));
    Colouring {
        fills,
        values: values.into_iter().map(|v| v.map(|v| v.text)).collect(),
        legend: Legend { title, counts: Counted::Wards, note: Some(note), items },
        unavailable: None,
    }
}

/// The numbers among the values, to fit a scale's breaks to.
pub fn numbers(values: &[Option<WardValue>]) -> Vec<f64> {
    values.iter().flatten().filter_map(|v| v.number).collect()
}

/// The most items of one group a legend lists; the rest are folded into one line. All of
/// London by winner has some forty kinds of split ward: listed in full they would cover the
/// map, and the tooltip names each ward's split anyway.
pub const MAX_ITEMS_PER_GROUP: usize = 8;

/// Fold the items of a group beyond [`MAX_ITEMS_PER_GROUP`] (the smallest, as sorted) into one
/// "N other splits" item, filled grey-striped so it matches none of them.
fn fold_long_tail(items: Vec<(LegendItem, (u8, i64))>, fold_group: Option<u8>) -> Vec<LegendItem> {
    // A group one item over the limit is listed whole: folding one kind would hide it for nothing.
    let mut per_group: HashMap<u8, usize> = HashMap::new();
    for (_, (group, _)) in &items {
        *per_group.entry(*group).or_default() += 1;
    }
    let limit = |group: u8| {
        let long = per_group.get(&group).copied().unwrap_or(0) > MAX_ITEMS_PER_GROUP + 1;
        if long && fold_group == Some(group) { MAX_ITEMS_PER_GROUP } else { usize::MAX }
    };
    let mut out: Vec<LegendItem> = Vec::new();
    let mut group_start = 0;
    let mut current_group = None;
    let mut folded: Option<(usize, usize)> = None; // (kinds, wards)
    let flush = |out: &mut Vec<LegendItem>, folded: &mut Option<(usize, usize)>| {
        if let Some((kinds, wards)) = folded.take() {
            let grey = super::super::scales::NO_DATA_STRIPE;
            out.push(LegendItem {
                fill: FillStyle::Stripes(vec![(grey.0, 1), (grey.1, 1)]),
                label: format!("{kinds} other splits"),
                count: wards,
            });
        }
    };
    for (item, (group, _)) in items {
        if current_group != Some(group) {
            flush(&mut out, &mut folded);
            current_group = Some(group);
            group_start = out.len();
        }
        if out.len() - group_start < limit(group) || item.fill == FillStyle::NoData {
            out.push(item);
        } else {
            let (kinds, wards) = folded.get_or_insert((0, 0));
            *kinds += 1;
            *wards += item.count;
        }
    }
    flush(&mut out, &mut folded);
    out
}

/// Collects legend items from the fills as they are made: one per distinct fill and label,
/// sorted by a group, then most wards first (or a rank), then label; "No result" last.
#[derive(Default)]
pub struct LegendBuilder {
    items: Vec<(LegendItem, (u8, i64))>,
    /// The group whose long tail is folded into one line (the winner map's split wards);
    /// `None`: every item is listed.
    fold_group: Option<u8>,
}

impl LegendBuilder {
    /// A builder that folds the long tail of `group` into one line ("12 other splits").
    #[must_use]
    pub fn folding(group: u8) -> LegendBuilder {
        LegendBuilder { items: Vec::new(), fold_group: Some(group) }
    }

    /// Count one ward with this fill and label; `key` is (group, rank) for ordering.
    pub fn add(&mut self, fill: &FillStyle, label: &str, key: (u8, i64)) {
        match self.items.iter_mut().find(|(item, _)| item.fill == *fill && item.label == label) {
            Some((item, _)) => item.count += 1,
            None => self.items.push((LegendItem { fill: fill.clone(), label: label.to_owned(), count: 1 }, key)),
        }
    }

    /// The items in order, with a "No result" item for wards left without data (none in the source, as for a poll postponed, or none joined).
    pub fn finish(mut self, fills: &[FillStyle]) -> Vec<LegendItem> {
        self.items.sort_by(|(a, ka), (b, kb)| {
            ka.0.cmp(&kb.0).then(ka.1.cmp(&kb.1)).then(b.count.cmp(&a.count)).then_with(|| a.label.cmp(&b.label))
        });
        let items = fold_long_tail(self.items, self.fold_group);
        let mut items: Vec<LegendItem> = items;
        let counted: usize = items.iter().filter(|i| i.fill == FillStyle::NoData).map(|i| i.count).sum();
        let no_data = fills.iter().filter(|f| **f == FillStyle::NoData).count().saturating_sub(counted);
        if no_data > 0 {
            items.push(LegendItem { fill: FillStyle::NoData, label: "No result".into(), count: no_data });
        }
        items
    }
}

#[cfg(test)]
mod fold_tests {
    use super::*;
    use crate::model::palette::Rgb;

    fn items(n: u8) -> Vec<(LegendItem, (u8, i64))> {
        (0..n)
            .map(|i| {
                let item = LegendItem { fill: FillStyle::Solid(Rgb(i, 0, 0)), label: format!("Split {i}"), count: 1 };
                (item, (1, 0))
            })
            .collect()
    }

    #[test]
    fn a_long_tail_of_one_group_is_folded_into_one_line_and_a_short_one_is_not() {
        let folded = fold_long_tail(items(12), Some(1));
        assert_eq!(folded.len(), MAX_ITEMS_PER_GROUP + 1);
        let last = folded.last().expect("items");
        assert_eq!((last.label.as_str(), last.count), ("4 other splits", 4));
        assert_eq!(fold_long_tail(items(9), Some(1)).len(), 9, "one over the limit is listed whole");
        assert_eq!(fold_long_tail(items(3), Some(1)).len(), 3);
        assert_eq!(fold_long_tail(items(12), None).len(), 12, "only the group asked for is folded");
    }
}
