//! Joining elections to ward sets and checking the result: the last step of every load.
//!
//! The elected-flag check needs the analysis's reading of a contest (who the votes elect), so
//! it is done here rather than in `io`, which only parses; the join itself is the model's.

use crate::analysis::ContestOutcome;
use crate::io::LoadError;
use crate::model::{Dataset, Election, WardSet};

/// A joined dataset that passed the checks, with what they found.
pub(super) struct Checked {
    pub(super) dataset: Dataset,
    /// Elections without a map, elected flags that disagree with the votes, join gaps.
    pub(super) warnings: Vec<String>,
    pub(super) flag_disagreements: usize,
}

/// Join elections to ward sets and check the join: a results source none of whose contests
/// matches any ward is an error (the files do not belong together). Elected flags that
/// disagree with the votes are counted and reported; the map follows the votes.
pub(super) fn assemble(ward_sets: Vec<WardSet>, elections: Vec<Election>) -> Result<Checked, LoadError> {
    let dataset = Dataset::new(ward_sets, elections);
    let mut sources: Vec<&str> = dataset.elections.iter().map(|e| e.election.source.as_str()).collect();
    sources.sort_unstable();
    sources.dedup();
    for source in sources {
        let of_source = || dataset.elections.iter().filter(move |e| e.election.source == source);
        if of_source().all(|e| e.ward_set.is_none()) {
            // Each file once, in load order: London's layers are split into a set per borough,
            // and the message named the same file seventy times.
            let mut files: Vec<&str> = Vec::new();
            for set in &dataset.ward_sets {
                if !files.contains(&set.source.as_str()) {
                    files.push(&set.source);
                }
            }
            let boundaries = files.join(", ");
            return Err(LoadError::NothingMatched {
                results: source.to_owned(),
                boundaries: if boundaries.is_empty() { "no boundary file".to_owned() } else { boundaries },
                contests: of_source().map(|e| e.election.contests.len()).sum(),
                elections: of_source().map(|e| e.election.title()).collect::<Vec<_>>().join(", "),
            });
        }
    }
    let mut warnings = Vec::new();
    let mut flag_disagreements = 0;
    for joined in &dataset.elections {
        let title = joined.election.title();
        if joined.ward_set.is_none() {
            warnings.push(format!(
                "{title} ({}): none of its wards matched a ward of the boundaries; it has no map",
                joined.election.source
            ));
            continue;
        }
        for contest in &joined.election.contests {
            let unfilled = ContestOutcome::of(contest).unfilled_seats;
            if unfilled > 0 {
                warnings.push(format!(
                    "{title}: {} has {} seats in {}, but the source elects {}; the rest are counted for no party",
                    contest.ward_name,
                    contest.seats,
                    joined.election.source,
                    contest.seats - unfilled
                ));
            }
        }
        let disagreements: Vec<String> =
            joined.election.contests.iter().flat_map(|c| ContestOutcome::of(c).flag_disagreements).collect();
        if let Some(first) = disagreements.first() {
            flag_disagreements += disagreements.len();
            warnings.push(format!(
                "{title}: {} elected flag(s) in {} disagree with the votes (e.g. {first}); the map follows the votes",
                disagreements.len(),
                joined.election.source
            ));
        }
        warnings.extend(joined.join.report_lines(&title));
    }
    Ok(Checked { dataset, warnings, flag_disagreements })
}
