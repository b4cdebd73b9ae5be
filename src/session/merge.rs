//! Merging opened files with what is loaded: the rules that keep one ward set per boundary
//! file and one election per borough and year.
//!
//! They live here, not in the app, so that the app's "open files" and a fresh start from the
//! command line follow the same rules and say the same things about them.

use super::{UnsureProperties, file_name};
use crate::io::Opened;
use crate::model::{Dataset, Election, WardSet};

/// Ward sets and elections being put together, with what the user should be told.
pub(super) struct Merge {
    pub(super) ward_sets: Vec<WardSet>,
    pub(super) elections: Vec<Election>,
    /// Tables of ward figures the user opened (the built-in census is added by the session).
    pub(super) attribute_tables: Vec<crate::model::AttributeTable>,
    /// The readers' warnings and the merge's notes, in the order the files were opened.
    pub(super) notes: Vec<String>,
    pub(super) unsure: Vec<UnsureProperties>,
    /// Whether the embedded Barnet results are to be added (those that fit the ward sets) once
    /// every file is in: a fresh start given no results file.
    embedded_results: bool,
    /// Whether to say so when some embedded results do not fit (a boundary file was given).
    warn_unfit: bool,
}

impl Merge {
    /// Start from data already loaded.
    pub(super) fn on(ward_sets: Vec<WardSet>, elections: Vec<Election>) -> Merge {
        Merge {
            ward_sets,
            elections,
            attribute_tables: Vec::new(),
            notes: Vec::new(),
            unsure: Vec::new(),
            embedded_results: false,
            warn_unfit: false,
        }
    }

    /// Start afresh, with the embedded ward sets when no boundary file is given and the
    /// embedded results (those that fit) when no results file is.
    pub(super) fn fresh(embedded_ward_sets: bool, embedded_results: bool) -> Merge {
        let ward_sets = if embedded_ward_sets { super::embedded_ward_sets() } else { Vec::new() };
        Merge { embedded_results, warn_unfit: !embedded_ward_sets, ..Merge::on(ward_sets, Vec::new()) }
    }

    /// Add one opened file. A boundary file replaces the ward set read from the same file
    /// before. A results file replaces the elections read from the same file before, and each
    /// of its elections replaces one of the same borough and year (say the embedded Barnet
    /// 2018), rather than sitting beside it unseen.
    pub(super) fn add(&mut self, opened: Opened) {
        match opened {
            Opened::Boundaries { path, parsed } => {
                self.notes.extend(parsed.warnings);
                if parsed.properties.unsure {
                    self.unsure.push(UnsureProperties { path, report: parsed.properties });
                }
                self.ward_sets.retain(|s| s.source != parsed.ward_set.source);
                self.ward_sets.push(parsed.ward_set);
            }
            Opened::Attributes { parsed, .. } => {
                self.notes.extend(parsed.warnings);
                self.attribute_tables.retain(|t| t.source != parsed.table.source);
                self.attribute_tables.push(parsed.table);
            }
            Opened::Results { path, parsed } => {
                self.notes.extend(parsed.warnings);
                self.elections.retain(|e| e.source != path.display().to_string());
                let name = file_name(&path);
                let mut new_elections = parsed.elections;
                // One borough, one name: "London Borough of Redbridge" in a new file is the
                // Redbridge already loaded, so its elections join Redbridge's years.
                for new in &mut new_elections {
                    let wanted = crate::model::borough::normalise_borough(&new.borough);
                    if let Some(known) = self
                        .elections
                        .iter()
                        .map(|e| &e.borough)
                        .chain(self.ward_sets.iter().filter_map(|s| s.borough.as_ref()))
                        .find(|b| **b != new.borough && crate::model::borough::normalise_borough(b) == wanted)
                    {
                        new.borough.clone_from(known);
                    }
                }
                for new in &new_elections {
                    if let Some(old) =
                        self.elections.iter().position(|e| e.borough == new.borough && e.year == new.year)
                    {
                        let old = self.elections.remove(old);
                        self.notes.push(format!("{} from {name} replaces the one from {}", new.title(), old.source));
                    }
                }
                self.elections.extend(new_elections);
            }
        }
    }

    /// Add the embedded results when asked to. They only make sense on boundaries they fit; on
    /// another borough's wards they are left out, and the map shows the wards without results.
    pub(super) fn fill_in_embedded(&mut self) {
        if !self.embedded_results {
            return;
        }
        let mut elections = super::embedded_elections();
        if self.warn_unfit {
            // On the user's own boundaries, London's elections would fill a borough's map with
            // a city's results: only the boroughs' own results are offered.
            elections.retain(|e| e.borough != super::london::LONDON);
        }
        let fitting = Dataset::new(self.ward_sets.clone(), elections);
        self.elections = fitting.elections.into_iter().filter(|e| e.ward_set.is_some()).map(|e| e.election).collect();
        // Most built-in elections never fit a given borough's wards (the other boroughs', the
        // other boundary sets'): only a map with none of them is worth a note.
        if self.elections.is_empty() && self.warn_unfit {
            self.notes.push(
                "None of the built-in results (London's boroughs, 2006–2026) fit these boundaries: open a results \
                 file for them."
                    .into(),
            );
        }
    }
}
