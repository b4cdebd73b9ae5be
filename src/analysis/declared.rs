//! Election night's count: how many wards of an election have declared (have a result) out of
//! the wards of its ward set. Wards with no result yet are "awaiting result" while a file is
//! watched, not "no data".

use super::measures::Colouring;
use crate::model::palette::FillStyle;
use crate::model::{Dataset, ElectionId};

/// (wards with a result, wards of the set), or `None` for an election not loaded or on no
/// ward set.
#[must_use]
pub fn declared(data: &Dataset, id: ElectionId) -> Option<(usize, usize)> {
    let joined = data.election(id)?;
    let wards = data.ward_set(joined.ward_set?)?.wards.len();
    let with_result = (0..wards).filter(|&w| joined.contest_in_ward(w).is_some()).count();
    Some((with_result, wards))
}

/// "14 of 21 declared".
#[must_use]
pub fn declared_text((with_result, wards): (usize, usize)) -> String {
    format!("{with_result} of {wards} declared")
}

/// The legend of a map being watched: wards with no result are awaiting one, so its "No result"
/// row says so.
pub fn mark_awaiting(colouring: &mut Colouring) {
    for item in &mut colouring.legend.items {
        if item.fill == FillStyle::NoData && item.label == "No result" {
            "Awaiting result".clone_into(&mut item.label);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::test_support::contest_with_seats;
    use crate::model::{Election, Ward, WardSet};

    #[test]
    fn wards_without_a_result_are_counted_as_not_declared() {
        let ward = |code: &str, name: &str| Ward {
            code: Some(code.into()),
            name: name.into(),
            borough: None,
            geometry: geo::MultiPolygon(Vec::new()),
        };
        let set = WardSet {
            name: "wards".into(),
            first_year: None,
            source: "wards".into(),
            borough: Some("Testborough".into()),
            wards: vec![ward("E1", "A"), ward("E2", "B"), ward("E3", "C")],
        };
        let declared_ward = |code: &str, name: &str| {
            let mut contest = contest_with_seats(&[("Labour", 10), ("Conservative", 5)], 1);
            contest.ward_code = Some(code.into());
            contest.ward_name = name.into();
            contest
        };
        let election = Election {
            borough: "Testborough".into(),
            year: 2026,
            contests: vec![declared_ward("E1", "A"), declared_ward("E3", "C")],
            source: "night.csv".into(),
            turnout_definition: None,
        };
        let data = Dataset::new(vec![set], vec![election]);
        assert_eq!(declared(&data, ElectionId(0)), Some((2, 3)));
        assert_eq!(declared_text((2, 3)), "2 of 3 declared");
        assert_eq!(declared(&data, ElectionId(7)), None);
    }
}
