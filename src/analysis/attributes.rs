//! Ward figures on each ward set: a table's rows matched to the wards by ONS code (or by name
//! within the borough when no code fits and the row or the ward has none), and, for counts of people on boundaries the table
//! was not published for, estimated from another ward set of the borough by the notional
//! weights (the share of each old ward's postcode points in each new ward).
//!
//! A figure is never guessed: a new ward gets an estimate only when every old ward it draws
//! on has the figure, and rates or scores (a user's columns) are never apportioned at all.

use crate::model::attributes::{AttributeKind, AttributeTable, FiguresBasis, WardAttributes, WardFigures};
use crate::model::borough::normalise_borough;
use crate::model::notional::{WeightMethod, Weights};
use crate::model::{Dataset, WardSet, WardSetId};
use std::collections::HashMap;

/// Weights between two ward sets: (old set, new set, weights).
pub type WeightsBetween<'a> = (WardSetId, WardSetId, &'a Weights);

/// Fewer matched wards than this share of a set, and the set is not taken as the table's own.
const OWN_SET_SHARE: f64 = 0.9;

/// Every table's figures on every ward set where at least one ward has them.
#[must_use]
pub fn resolve_all(data: &Dataset, weights: &[WeightsBetween<'_>]) -> Vec<WardAttributes> {
    let mut out = Vec::new();
    for (table_index, table) in data.attribute_tables.iter().enumerate() {
        let mut direct: Vec<Vec<Option<WardFigures>>> =
            data.ward_sets.iter().map(|set| match_rows(table, set)).collect();
        // Estimates onto each new set from an old set the table covers, for the wards left.
        if matches!(table.kind, AttributeKind::Counts { .. }) {
            for &(from, onto, w) in weights {
                let (Some(old_set), Some(old)) = (data.ward_set(from), direct.get(from.0)) else { continue };
                let covered = old.iter().filter(|f| f.is_some()).count();
                #[allow(clippy::cast_precision_loss, reason = "counts of wards")]
                if old.is_empty() || (covered as f64) < OWN_SET_SHARE * old.len() as f64 {
                    continue;
                }
                let estimates = apportion(old, w, &old_set.name);
                if let Some(new) = direct.get_mut(onto.0) {
                    for (slot, estimate) in new.iter_mut().zip(estimates) {
                        if slot.is_none() {
                            *slot = estimate;
                        }
                    }
                }
            }
            fill_wide_sets(data, &mut direct);
        }
        for (set, wards) in direct.into_iter().enumerate() {
            if wards.iter().any(Option::is_some) {
                out.push(WardAttributes { table: table_index, ward_set: WardSetId(set), wards });
            }
        }
    }
    out
}

/// A set's wards matched to the table's rows by code; when no code matches, by name within
/// the borough (only where the row or the ward has no code).
fn match_rows(table: &AttributeTable, set: &WardSet) -> Vec<Option<WardFigures>> {
    matched_rows(table, set)
        .into_iter()
        .map(|row| {
            let (row, basis) = row?;
            table.rows.get(row).map(|r| WardFigures { values: r.values.clone(), basis })
        })
        .collect()
}

/// The row of the table each ward of the set takes, and how it was matched.
fn matched_rows(table: &AttributeTable, set: &WardSet) -> Vec<Option<(usize, FiguresBasis)>> {
    let by_code: HashMap<String, usize> =
        table.rows.iter().enumerate().filter_map(|(i, row)| Some((row.code.as_ref()?.to_uppercase(), i))).collect();
    let coded: Vec<Option<(usize, FiguresBasis)>> = set
        .wards
        .iter()
        .map(|w| Some((*by_code.get(&w.code.as_ref()?.to_uppercase())?, FiguresBasis::ByCode)))
        .collect();
    if coded.iter().any(Option::is_some) {
        return coded;
    }
    // No code fits: names, within the borough where the table and the set say which. As in the
    // join of results, a row and a ward that both have codes are not matched by name: a
    // different code is a different ward, whatever it is called (Barnet's 2022 wards reuse the
    // 2002 names with new shapes, so the 2011 Census must be apportioned onto them, not copied).
    let key = |borough: Option<&str>, name: &str| {
        (borough.map(normalise_borough).unwrap_or_default(), crate::model::join::normalise_ward_name(name))
    };
    let mut by_name: HashMap<(String, String), Option<usize>> = HashMap::new();
    for (i, row) in table.rows.iter().enumerate() {
        let Some(name) = &row.name else { continue };
        // A name twice (Abbey in two boroughs, with no borough column) matches neither.
        by_name.entry(key(None, name)).and_modify(|slot| *slot = None).or_insert(Some(i));
        if row.borough.is_some() {
            by_name.entry(key(row.borough.as_deref(), name)).and_modify(|slot| *slot = None).or_insert(Some(i));
        }
    }
    set.wards
        .iter()
        .map(|w| {
            let borough = w.borough.as_deref().or(set.borough.as_deref());
            let row = by_name.get(&key(borough, &w.name)).or_else(|| by_name.get(&key(None, &w.name)))?;
            let row = (*row)?;
            let both_coded = w.code.is_some() && table.rows.get(row).is_some_and(|r| r.code.is_some());
            (!both_coded).then_some((row, FiguresBasis::ByName))
        })
        .collect()
}

/// The rows of a table that no ward of any ward set of `data` takes (a mistyped code, a ward
/// of boundaries not loaded), in file order.
#[must_use]
pub fn unmatched_rows(data: &Dataset, table: &AttributeTable) -> Vec<usize> {
    let mut used = vec![false; table.rows.len()];
    for set in &data.ward_sets {
        for (row, _) in matched_rows(table, set).into_iter().flatten() {
            if let Some(slot) = used.get_mut(row) {
                *slot = true;
            }
        }
    }
    used.iter().enumerate().filter(|(_, used)| !**used).map(|(row, _)| row).collect()
}

/// Each new ward's counts as Σ w(a, b) · count(a) over the old wards a it draws on; `None`
/// where an old ward with weight lacks the figures (an estimate from part of the voters would
/// be wrong), or where the ward draws on no old ward.
fn apportion(old: &[Option<WardFigures>], weights: &Weights, from_name: &str) -> Vec<Option<WardFigures>> {
    let method = match weights.method {
        WeightMethod::Postcodes => "the share of its postcode points in each (OS Code-Point Open)",
        WeightMethod::Area => "the share of its area in each",
    };
    let basis = FiguresBasis::Apportioned { from: from_name.to_owned(), method: method.to_owned() };
    weights
        .into
        .iter()
        .map(|shares| {
            let shares: Vec<_> = shares.iter().filter(|s| s.weight > 0.0).collect();
            if shares.is_empty() {
                return None;
            }
            let columns = shares.iter().find_map(|s| old.get(s.from_ward)?.as_ref())?.values.len();
            let mut values = vec![Some(0.0); columns];
            for share in shares {
                let figures = old.get(share.from_ward)?.as_ref()?;
                for (sum, value) in values.iter_mut().zip(&figures.values) {
                    *sum = sum.zip(*value).map(|(s, v)| s + share.weight * v);
                }
            }
            Some(WardFigures { values, basis: basis.clone() })
        })
        .collect()
}

/// London-wide sets hold the same wards as the boroughs' sets: a ward left without figures
/// takes the estimate made on its borough's set (by code).
fn fill_wide_sets(data: &Dataset, sets: &mut [Vec<Option<WardFigures>>]) {
    let mut estimated: HashMap<String, WardFigures> = HashMap::new();
    for (set, wards) in data.ward_sets.iter().zip(sets.iter()) {
        for (ward, figures) in set.wards.iter().zip(wards) {
            if let (Some(code), Some(f)) = (&ward.code, figures)
                && matches!(f.basis, FiguresBasis::Apportioned { .. })
            {
                estimated.entry(code.to_uppercase()).or_insert_with(|| f.clone());
            }
        }
    }
    if estimated.is_empty() {
        return;
    }
    for (set, wards) in data.ward_sets.iter().zip(sets.iter_mut()) {
        for (ward, slot) in set.wards.iter().zip(wards.iter_mut()) {
            if slot.is_none()
                && let Some(code) = &ward.code
            {
                *slot = estimated.get(&code.to_uppercase()).cloned();
            }
        }
    }
}

/// A ward's value of one column as shown: a count table's column as a percentage of its total,
/// anything else as given.
#[must_use]
pub fn shown_value(table: &AttributeTable, figures: &WardFigures, column: usize) -> Option<f64> {
    let value = figures.values.get(column).copied().flatten()?;
    match table.kind {
        AttributeKind::Counts { total, .. } if column != total => {
            let total = figures.values.get(total).copied().flatten().filter(|t| *t > 0.0)?;
            Some(value / total * 100.0)
        }
        _ => Some(value),
    }
}

/// One line of a ward's figures, in words: "Jewish", "6,975", "37.1%".
#[derive(Clone, Debug, PartialEq)]
pub struct BreakdownRow {
    pub label: String,
    /// A count with thousands separated, or a value with its unit ("12.5%", "£31,200",
    /// "3.5 dogs"); "–" where the ward has no figure.
    pub value: String,
    /// A count's share of the table's total ("37.1%"); `None` for a table of values, and for
    /// the total itself.
    pub share: Option<String>,
}

/// Everything the ward panel says about one table for one ward.
#[derive(Clone, Debug, PartialEq)]
pub struct Breakdown {
    /// "Religion, 2011 Census".
    pub title: String,
    /// Every column in file order, but a count table's total.
    pub rows: Vec<BreakdownRow>,
    /// A count table's total: "All usual residents", "18,818".
    pub total: Option<BreakdownRow>,
    /// The table's caveat and how this ward's figures were found, when either is worth saying.
    pub notes: Vec<String>,
    /// The credit its licence asks for, or where it came from.
    pub credit: String,
}

/// A ward's figures in one table, line by line, as the ward panel lists them.
#[must_use]
pub fn breakdown(table: &AttributeTable, figures: &WardFigures) -> Breakdown {
    let value = |column: usize| figures.values.get(column).copied().flatten();
    let (total_column, total) = match table.kind {
        AttributeKind::Counts { total, .. } => (Some(total), value(total)),
        AttributeKind::Values => (None, None),
    };
    let rows = table
        .measured_columns()
        .map(|(column, about)| {
            let figure = value(column);
            match total_column {
                Some(_) => BreakdownRow {
                    label: about.label.clone(),
                    value: figure.map_or_else(|| "–".to_owned(), count_text),
                    share: Some(figure.zip(total).map_or_else(|| "–".to_owned(), |(n, t)| share_text(n, t))),
                },
                None => BreakdownRow {
                    label: about.label.clone(),
                    value: figure.map_or_else(|| "–".to_owned(), |v| value_text(v, &about.unit)),
                    share: None,
                },
            }
        })
        .collect();
    let total = total_column.map(|column| BreakdownRow {
        label: table.columns.get(column).map_or_else(|| "Total".to_owned(), |c| c.label.clone()),
        value: total.map_or_else(|| "–".to_owned(), count_text),
        share: None,
    });
    let notes = table.caveat.iter().cloned().chain(figures.basis.note()).collect();
    let credit = table.credit.clone().unwrap_or_else(|| format!("Ward figures from {}.", table.source));
    Breakdown { title: table.title.clone(), rows, total, notes, credit }
}

/// A count of people, whole, with thousands separated (an apportioned count has a fraction).
#[must_use]
pub fn count_text(count: f64) -> String {
    let n = count.round().max(0.0) as u64;
    crate::analysis::format::thousands(n)
}

/// `count` as a share of `total`: "37.1%". Published (whole) counts are rounded once from the
/// exact fraction, as vote shares are; "–" for a total of none.
#[must_use]
pub fn share_text(count: f64, total: f64) -> String {
    let whole = |x: f64| x >= 0.0 && x.fract() == 0.0 && x < 1e15;
    if whole(count) && whole(total) {
        crate::analysis::format::share_text(count as u64, total as u64)
    } else if total > 0.0 {
        crate::analysis::format::percent_text(count / total * 100.0)
    } else {
        "–".to_owned()
    }
}

/// A value as the file gave it, thousands separated, with its unit: "£31,200", "12.5%",
/// "3.5 dogs", "0.27".
#[must_use]
pub fn value_text(value: f64, unit: &str) -> String {
    let digits = format!("{}", value.abs());
    let (whole, fraction) = digits.split_once('.').unwrap_or((&digits, ""));
    let whole = whole.parse::<u64>().map_or_else(|_| whole.to_owned(), crate::analysis::format::thousands);
    let sign = if value < 0.0 { "-" } else { "" };
    let number = if fraction.is_empty() { format!("{sign}{whole}") } else { format!("{sign}{whole}.{fraction}") };
    match unit {
        "" => number,
        "%" => format!("{number}%"),
        "£" | "$" | "€" => format!("{sign}{unit}{}", number.trim_start_matches('-')),
        _ => format!("{number} {unit}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::attributes::{AttributeColumn, AttributeRow};
    use crate::model::notional::{WeightBasis, WeightShare};
    use crate::model::{Ward, WardSet};

    fn ward(code: &str, name: &str) -> Ward {
        Ward { code: Some(code.into()), name: name.into(), borough: None, geometry: geo::MultiPolygon(Vec::new()) }
    }

    fn set(name: &str, wards: Vec<Ward>) -> WardSet {
        WardSet { name: name.into(), first_year: None, source: name.into(), borough: Some("Barnet".into()), wards }
    }

    fn column(key: &str) -> AttributeColumn {
        AttributeColumn { key: key.into(), label: key.into(), unit: "%".into() }
    }

    /// Two old wards: A (10 Jewish of 100), B (30 of 50).
    fn census() -> AttributeTable {
        let row = |code: &str, jewish: f64, total: f64| AttributeRow {
            code: Some(code.into()),
            name: None,
            borough: None,
            values: vec![Some(jewish), Some(total)],
        };
        AttributeTable {
            key: "census".into(),
            year: Some(2011),
            title: "Religion, 2011 Census".into(),
            source: "test".into(),
            credit: None,
            caveat: None,
            kind: AttributeKind::Counts { total: 1, of_what: "residents".into() },
            columns: vec![column("jewish"), column("total")],
            rows: vec![row("E1", 10.0, 100.0), row("E2", 30.0, 50.0)],
        }
    }

    fn share(from_ward: usize, weight: f64) -> WeightShare {
        WeightShare { from_ward, weight, postcodes: 0, area_share: None }
    }

    #[test]
    fn counts_are_matched_by_code_and_apportioned_onto_new_wards() {
        let old = set("old wards", vec![ward("E1", "A"), ward("E2", "B")]);
        let new = set("new wards", vec![ward("N1", "C"), ward("N2", "D")]);
        let mut data = Dataset::new(vec![old, new], Vec::new());
        data.attribute_tables.push(census());
        // C = all of A and half of B; D = the other half of B.
        let weights = Weights {
            method: WeightMethod::Postcodes,
            basis: vec![WeightBasis::Postcodes; 2],
            postcodes: vec![100, 100],
            into: vec![vec![share(0, 1.0), share(1, 0.5)], vec![share(1, 0.5)]],
        };
        let resolved = resolve_all(&data, &[(WardSetId(0), WardSetId(1), &weights)]);
        assert_eq!(resolved.len(), 2);
        let table = &data.attribute_tables[0];
        let on_old = &resolved[0];
        assert_eq!(on_old.wards[1].as_ref().and_then(|f| shown_value(table, f, 0)), Some(60.0));
        let on_new = &resolved[1];
        let c = on_new.wards[0].as_ref().expect("C estimated");
        assert_eq!(c.values, vec![Some(25.0), Some(125.0)]);
        assert_eq!(shown_value(table, c, 0), Some(20.0));
        assert!(c.basis.note().is_some_and(|n| n.contains("old wards")), "{:?}", c.basis);
        assert_eq!(on_new.wards[1].as_ref().and_then(|f| shown_value(table, f, 0)), Some(60.0));
    }

    #[test]
    fn a_new_ward_drawing_on_an_old_ward_without_figures_gets_none() {
        let old = set("old", vec![ward("E1", "A"), ward("E9", "Z")]);
        let new = set("new", vec![ward("N1", "C")]);
        let mut data = Dataset::new(vec![old, new], Vec::new());
        let mut table = census();
        table.rows.push(AttributeRow { code: Some("E9".into()), name: None, borough: None, values: vec![None, None] });
        data.attribute_tables.push(table);
        let weights = Weights {
            method: WeightMethod::Area,
            basis: vec![WeightBasis::Area; 2],
            postcodes: vec![0, 0],
            into: vec![vec![share(0, 1.0), share(1, 1.0)]],
        };
        let resolved = resolve_all(&data, &[(WardSetId(0), WardSetId(1), &weights)]);
        let estimate = resolved.iter().find(|r| r.ward_set == WardSetId(1)).and_then(|r| r.wards[0].clone());
        assert_eq!(estimate.map(|f| f.values), Some(vec![None, None]), "no total without Z's figures");
    }

    #[test]
    fn names_match_when_no_code_does_and_a_repeated_name_matches_nothing() {
        let mut table = census();
        table.kind = AttributeKind::Values;
        table.rows = ["Burnt Oak", "Abbey", "Abbey"]
            .iter()
            .map(|n| AttributeRow { code: None, name: Some((*n).into()), borough: None, values: vec![Some(1.0), None] })
            .collect();
        let wards = set("wards", vec![ward("X1", "Burnt  oak"), ward("X2", "Abbey")]);
        let matched = match_rows(&table, &wards);
        assert_eq!(matched[0].as_ref().map(|f| &f.basis), Some(&FiguresBasis::ByName));
        assert!(matched[1].is_none());
    }

    #[test]
    fn a_coded_row_is_not_matched_by_name_to_a_ward_with_another_code() {
        // The 2011 Census's Golders Green (E1) is not the 2022 ward of that name (N1).
        let table = census();
        let new = set("new", vec![ward("N1", "A"), Ward { code: None, ..ward("", "B") }]);
        let mut rows = census().rows;
        rows[0].name = Some("A".into());
        rows[1].name = Some("B".into());
        let table = AttributeTable { rows, ..table };
        let matched = match_rows(&table, &new);
        assert!(matched[0].is_none(), "another code: another ward");
        assert_eq!(matched[1].as_ref().map(|f| &f.basis), Some(&FiguresBasis::ByName), "a ward without a code");
    }

    #[test]
    fn a_count_tables_breakdown_lists_every_column_with_its_share_then_the_total() {
        let mut table = census();
        table.caveat = Some("An approximation.".into());
        table.credit = Some("Census credit.".into());
        let figures = WardFigures { values: vec![Some(6975.0), Some(18818.0)], basis: FiguresBasis::ByCode };
        let shown = breakdown(&table, &figures);
        assert_eq!(shown.title, "Religion, 2011 Census");
        assert_eq!(
            shown.rows,
            [BreakdownRow { label: "jewish".into(), value: "6,975".into(), share: Some("37.1%".into()) }]
        );
        assert_eq!(shown.total, Some(BreakdownRow { label: "total".into(), value: "18,818".into(), share: None }));
        assert_eq!(shown.notes, ["An approximation."]);
        assert_eq!(shown.credit, "Census credit.");
    }

    #[test]
    fn an_apportioned_breakdown_rounds_counts_and_says_how_they_were_found() {
        let table = census();
        let basis = FiguresBasis::Apportioned { from: "2002 wards".into(), method: "area".into() };
        let figures = WardFigures { values: vec![Some(1234.6), None], basis };
        let shown = breakdown(&table, &figures);
        assert_eq!(shown.rows[0].value, "1,235");
        assert_eq!(shown.rows[0].share.as_deref(), Some("–"), "no total, no share");
        assert_eq!(shown.total.map(|t| t.value).as_deref(), Some("–"));
        assert!(shown.notes.iter().any(|n| n.contains("2002 wards")), "{:?}", shown.notes);
        assert_eq!(shown.credit, "Ward figures from test.");
    }

    #[test]
    fn a_values_tables_breakdown_gives_each_value_with_its_unit_and_no_share() {
        let mut table = census();
        table.kind = AttributeKind::Values;
        table.columns = vec![
            AttributeColumn { key: "income".into(), label: "Income".into(), unit: "£".into() },
            AttributeColumn { key: "dogs".into(), label: "Dogs".into(), unit: "dogs".into() },
        ];
        let figures = WardFigures { values: vec![Some(31200.0), Some(3.5)], basis: FiguresBasis::ByName };
        let shown = breakdown(&table, &figures);
        let rows: Vec<(&str, &str, Option<&str>)> =
            shown.rows.iter().map(|r| (r.label.as_str(), r.value.as_str(), r.share.as_deref())).collect();
        assert_eq!(rows, [("Income", "£31,200", None), ("Dogs", "3.5 dogs", None)]);
        assert_eq!(shown.total, None);
        assert!(shown.notes.is_empty());
    }

    #[test]
    fn numbers_are_written_as_given_with_thousands_and_units() {
        assert_eq!(value_text(1234567.25, ""), "1,234,567.25");
        assert_eq!(value_text(-2.5, "%"), "-2.5%");
        assert_eq!(value_text(-1500.0, "£"), "-£1,500");
        assert_eq!(value_text(0.27, ""), "0.27");
        assert_eq!(share_text(1.0, 8.0), "12.5%");
        assert_eq!(share_text(0.4, 1000.0), "<0.1%");
        assert_eq!(share_text(5.0, 0.0), "–");
        assert_eq!(count_text(15432.4), "15,432");
    }

    #[test]
    fn rows_that_fit_no_ward_are_named() {
        let wards = set("wards", vec![ward("E1", "A"), ward("E2", "B")]);
        let mut data = Dataset::new(vec![wards], Vec::new());
        let mut table = census();
        table.rows.push(AttributeRow { code: Some("E9".into()), name: None, borough: None, values: vec![None, None] });
        data.attribute_tables.push(table.clone());
        assert_eq!(unmatched_rows(&data, &table), [2]);
    }
}
