//! Which feature properties of a boundary file hold the ward's ONS code and its name.
//!
//! ONS files name them `WD13CD`/`WD13NM`, `WD22CD`/`WD22NM`, …; other sources use `gss`,
//! `code`, `name`, `ward_name` and the like. When exactly one property fits, it is used. When
//! several fit, or none fits the name, the choice is reported as unsure with every property
//! listed, so the UI can ask the user and load again with their choice.

use super::error::BoundaryError;
use std::collections::BTreeSet;
use std::path::Path;

/// The user's choice of properties; `None` means "detect". The boundary reader takes it, and
/// the app builds it from the choice it offers after an unsure detection.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct BoundaryOptions {
    pub code_property: Option<String>,
    pub name_property: Option<String>,
}

/// Property names that carry a ward's ONS code, most specific first (after `WDxxCD`).
const CODE_KEYS: &[&str] = &["gss", "gss_code", "ward_code", "wd_code", "ons_code", "code", "wardcode"];
/// Property names that carry a ward's name, most specific first (after `WDxxNM`).
const NAME_KEYS: &[&str] = &["ward_name", "wd_name", "wardname", "name", "ward"];

/// The properties used for code and name, and the ones the user could choose instead.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize)]
pub struct PropertyReport {
    /// Every property name found on any feature, sorted.
    pub available: Vec<String>,
    pub code_property: Option<String>,
    pub name_property: Option<String>,
    /// Properties that looked like the code (more than one makes the choice unsure).
    pub code_candidates: Vec<String>,
    pub name_candidates: Vec<String>,
    /// Whether the user should be asked: several candidates, or no name property.
    pub unsure: bool,
}

impl PropertyReport {
    pub(crate) fn code_of(&self, properties: Properties) -> Option<String> {
        value(properties, self.code_property.as_deref()?)
    }

    pub(crate) fn name_of(&self, properties: Properties) -> Option<String> {
        value(properties, self.name_property.as_deref()?)
    }
}

/// A feature's `properties` object, when it has one.
pub(crate) type Properties<'a> = Option<&'a serde_json::Map<String, serde_json::Value>>;

/// Every property name of the features, sorted: for a chooser in the UI.
pub fn property_names<'a>(features: impl IntoIterator<Item = Properties<'a>>) -> Vec<String> {
    let mut names = BTreeSet::new();
    for properties in features.into_iter().flatten() {
        names.extend(properties.keys().cloned());
    }
    names.into_iter().collect()
}

fn value(properties: Properties, key: &str) -> Option<String> {
    match properties?.get(key)? {
        serde_json::Value::String(s) if !s.trim().is_empty() => Some(s.trim().to_owned()),
        serde_json::Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

use crate::model::join::is_ward_code as looks_like_ward_code;

/// `WD13CD`, `WD22NM`: ONS's keys, two digits of year; the later year first.
fn ons_key(key: &str, suffix: &str) -> Option<u32> {
    let upper = key.to_uppercase();
    let year = upper.strip_prefix("WD")?.strip_suffix(suffix)?;
    (year.len() == 2).then(|| year.parse().ok()).flatten()
}

fn candidates(available: &[String], suffix: &str, keys: &[&str]) -> Vec<String> {
    let mut ons: Vec<(u32, &String)> = available.iter().filter_map(|k| ons_key(k, suffix).map(|y| (y, k))).collect();
    ons.sort_by_key(|(year, _)| std::cmp::Reverse(*year));
    let mut out: Vec<String> = ons.into_iter().map(|(_, k)| k.clone()).collect();
    for wanted in keys {
        out.extend(available.iter().filter(|k| k.to_lowercase() == *wanted).cloned());
    }
    out
}

/// Decide the code and name properties. Returns the report and warnings in words.
pub(crate) fn choose(
    features: &[Properties],
    options: &BoundaryOptions,
    file: &Path,
) -> Result<(PropertyReport, Vec<String>), BoundaryError> {
    let available = property_names(features.iter().copied());
    let listed = if available.is_empty() { "none".to_owned() } else { available.join(", ") };
    let explicit = |chosen: &Option<String>, role: &'static str| -> Result<Option<String>, BoundaryError> {
        match chosen {
            Some(key) if !available.contains(key) => Err(BoundaryError::NoSuchProperty {
                file: file.to_path_buf(),
                property: key.clone(),
                role,
                available: listed.clone(),
            }),
            other => Ok(other.clone()),
        }
    };
    let chosen_code = explicit(&options.code_property, "code")?;
    let chosen_name = explicit(&options.name_property, "name")?;
    let share_of_codes =
        |key: &String| features.iter().filter(|f| value(**f, key).is_some_and(|v| looks_like_ward_code(&v))).count();

    let mut code_candidates = candidates(&available, "CD", CODE_KEYS);
    if code_candidates.is_empty() {
        // No key says "code": any property whose values are all ward codes will do.
        code_candidates =
            available.iter().filter(|k| share_of_codes(k) == features.len() && !features.is_empty()).cloned().collect();
    }
    let name_candidates = candidates(&available, "NM", NAME_KEYS);
    let best_code = code_candidates
        .iter()
        .max_by_key(|k| (share_of_codes(k), std::cmp::Reverse(code_candidates.iter().position(|c| c == *k))))
        .cloned();
    let code_property = chosen_code.clone().or(best_code);
    let name_property = chosen_name.clone().or_else(|| name_candidates.first().cloned());

    let mut warnings = Vec::new();
    let code_unsure = chosen_code.is_none() && code_candidates.len() > 1;
    let name_unsure = chosen_name.is_none() && name_candidates.len() != 1;
    if code_unsure {
        warnings.push(format!(
            "{}: several properties could be the ward code ({}); used {}. Choose another if the join looks wrong",
            file.display(),
            code_candidates.join(", "),
            code_property.as_deref().unwrap_or("none")
        ));
    }
    if name_unsure {
        match &name_property {
            Some(used) => warnings.push(format!(
                "{}: several properties could be the ward name ({}); used {used}. Choose another if names look wrong",
                file.display(),
                name_candidates.join(", ")
            )),
            None => warnings.push(format!(
                "{}: no property looks like the ward name (properties: {listed}); wards are named by their code. \
                 Choose the name property",
                file.display()
            )),
        }
    }
    let report = PropertyReport {
        available,
        code_property,
        name_property,
        code_candidates,
        name_candidates,
        unsure: code_unsure || name_unsure,
    };
    Ok((report, warnings))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ons_keys_of_any_year_come_first_and_gss_codes_are_recognised() {
        let available: Vec<String> = ["LAD22CD", "WD13CD", "WD22CD", "code"].iter().map(|s| (*s).to_owned()).collect();
        assert_eq!(candidates(&available, "CD", CODE_KEYS), vec!["WD22CD", "WD13CD", "code"]);
        assert!(looks_like_ward_code("E05000045"));
        assert!(!looks_like_ward_code("E09000003"));
        assert!(!looks_like_ward_code("E05É0045"));
    }
}
