//! Figures about wards that are not election results: the census religion tables built in, and
//! any CSV of indicators a user opens (keyed by ward code, or by name within a borough).
//!
//! A table is kept as read ([`AttributeTable`]); the session works out its values on each ward
//! set it fits ([`WardAttributes`]), by code, by name, or apportioned from another ward set of
//! the borough, and says which. Measures, the ward panel and the scatter plot read only the
//! resolved values.

use super::dataset::WardSetId;

/// One numeric column of a table.
#[derive(Clone, Debug, PartialEq)]
pub struct AttributeColumn {
    /// The key in measure names and on the command line: "jewish", "imd_score".
    pub key: String,
    /// The words in headings: "Jewish", "IMD score".
    pub label: String,
    /// The unit of the column's values as shown: "%" for a count shown as a share of the
    /// total, else the unit the file gives ("£", "years"), or empty.
    pub unit: String,
}

/// How a table's numbers are meant.
#[derive(Clone, Debug, PartialEq)]
pub enum AttributeKind {
    /// Counts of people: each column is shown as a share of the column `total` (an index into
    /// the row's values), and counts can be apportioned across ward boundaries.
    Counts { total: usize, of_what: String },
    /// Values as given (rates, scores, money): shown as they are, never apportioned.
    Values,
}

/// One row of a table: the ward it is about and its numbers (`None`: blank or not a number).
#[derive(Clone, Debug, PartialEq)]
pub struct AttributeRow {
    pub code: Option<String>,
    pub name: Option<String>,
    pub borough: Option<String>,
    pub values: Vec<Option<f64>>,
}

/// A table of ward figures as read from a file.
#[derive(Clone, Debug, PartialEq)]
pub struct AttributeTable {
    /// The first part of a measure name: "census" for the census, else the file's stem.
    pub key: String,
    /// The census year, for "census:jewish:2011".
    pub year: Option<i32>,
    /// The heading of the ward panel's section: "Religion, 2011 Census".
    pub title: String,
    /// Where it came from: a path, or the embedded file's path.
    pub source: String,
    /// The credit line its licence asks for, when there is one.
    pub credit: Option<String>,
    /// A caveat shown wherever the figures are: "a best-fit approximation …".
    pub caveat: Option<String>,
    pub kind: AttributeKind,
    /// Every column, the total among them for counts.
    pub columns: Vec<AttributeColumn>,
    pub rows: Vec<AttributeRow>,
}

impl AttributeTable {
    /// The columns a user can map, in file order: all but a count table's total.
    pub fn measured_columns(&self) -> impl Iterator<Item = (usize, &AttributeColumn)> {
        let total = match self.kind {
            AttributeKind::Counts { total, .. } => Some(total),
            AttributeKind::Values => None,
        };
        self.columns.iter().enumerate().filter(move |(i, _)| Some(*i) != total)
    }

    /// The column with this key (any case).
    pub fn column(&self, key: &str) -> Option<usize> {
        self.columns.iter().position(|c| c.key.eq_ignore_ascii_case(key))
    }

    /// "census:jewish:2011", "deprivation:imd_score": the measure name of a column.
    pub fn measure_name(&self, column: usize) -> String {
        let key = self.columns.get(column).map_or("", |c| c.key.as_str());
        match self.year {
            Some(year) => format!("{}:{key}:{year}", self.key),
            None => format!("{}:{key}", self.key),
        }
    }
}

/// One ward's figures in a table.
#[derive(Clone, Debug, PartialEq)]
pub struct WardFigures {
    /// Per column of the table (`None`: blank in the source, or not estimable).
    pub values: Vec<Option<f64>>,
    /// How the figures were found for this ward.
    pub basis: FiguresBasis,
}

/// How a ward's figures were found.
#[derive(Clone, Debug, PartialEq)]
pub enum FiguresBasis {
    /// The table's row with the ward's ONS code.
    ByCode,
    /// The table's row with the ward's name (within its borough): the table has no codes that fit.
    ByName,
    /// Counts of the wards of another ward set of the borough (named), shared among these wards
    /// by the notional weights (`method`: "postcode points", "area"), because the figures were
    /// not published for these boundaries.
    Apportioned { from: String, method: String },
}

impl FiguresBasis {
    /// Words for the ward panel and notes; `None` for a plain match.
    pub fn note(&self) -> Option<String> {
        match self {
            FiguresBasis::ByCode | FiguresBasis::ByName => None,
            FiguresBasis::Apportioned { from, method } => Some(format!(
                "Apportioned: not published for this ward; estimated from the {from}, each old ward's \
                 counts shared among the new wards by {method}."
            )),
        }
    }
}

/// A table's figures on the wards of one ward set.
#[derive(Clone, Debug, PartialEq)]
pub struct WardAttributes {
    /// Index into [`super::Dataset::attribute_tables`].
    pub table: usize,
    pub ward_set: WardSetId,
    /// Per ward of the set; `None` where no row fits and none could be estimated.
    pub wards: Vec<Option<WardFigures>>,
}

impl WardAttributes {
    /// Wards with figures.
    pub fn covered(&self) -> usize {
        self.wards.iter().filter(|v| v.is_some()).count()
    }

    /// The first apportioned ward's note, when any ward's figures are estimated.
    pub fn apportioned_note(&self) -> Option<String> {
        self.wards.iter().flatten().find_map(|w| w.basis.note())
    }
}

/// A measure name taken apart: "census:jewish:2011" → table "census", column "jewish", year 2011.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AttributeName {
    pub table: String,
    pub column: String,
    pub year: Option<i32>,
}

impl AttributeName {
    /// `table:column` or `table:column:year`; `None` when it has no colon.
    pub fn parse(name: &str) -> Option<AttributeName> {
        let mut parts = name.trim().split(':');
        let table = parts.next()?.trim();
        let column = parts.next()?.trim();
        let year = match parts.next() {
            Some(y) => Some(y.trim().parse().ok()?),
            None => None,
        };
        if parts.next().is_some() || table.is_empty() || column.is_empty() {
            return None;
        }
        Some(AttributeName { table: table.to_lowercase(), column: column.to_lowercase(), year })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_measure_name_is_table_column_and_an_optional_year() {
        let name = AttributeName::parse("census:Jewish:2011");
        assert_eq!(name, Some(AttributeName { table: "census".into(), column: "jewish".into(), year: Some(2011) }));
        assert_eq!(AttributeName::parse("deprivation:imd").and_then(|n| n.year), None);
        assert_eq!(AttributeName::parse("census"), None);
        assert_eq!(AttributeName::parse("census:jewish:twenty"), None);
        assert_eq!(AttributeName::parse("a:b:2011:x"), None);
    }
}
