//! One way to write numbers, for the screen, the exports and the command line alike: shares
//! rounded once from the exact counts, thousands separated, tiny percentages not shown as 0.

/// `part` of `whole` in tenths of a percent, rounded half up from the exact fraction (integer
/// arithmetic: 5,965 of 10,000 is 59.7%, where a float might make 59.649… and round down).
/// `None` when `whole` is 0.
#[must_use]
pub fn tenths_of_percent(part: u64, whole: u64) -> Option<u64> {
    (whole > 0).then(|| {
        let (part, whole) = (u128::from(part), u128::from(whole));
        let tenths = (part * 2000 + whole) / (2 * whole);
        u64::try_from(tenths).unwrap_or(u64::MAX)
    })
}

/// "59.7%": `part` of `whole`, one decimal, rounded once ("–" when `whole` is 0).
#[must_use]
pub fn share_text(part: u64, whole: u64) -> String {
    tenths_of_percent(part, whole).map_or_else(|| "–".to_owned(), |t| format!("{}.{}%", t / 10, t % 10))
}

/// The same figure as a number with one decimal (for JSON): 59.7.
#[must_use]
pub fn share_number(part: u64, whole: u64) -> f64 {
    #[allow(clippy::cast_precision_loss, reason = "tenths of a percent are at most 1,000")]
    tenths_of_percent(part, whole).map_or(0.0, |t| t as f64 / 10.0)
}

/// "0.4%", and "<0.1%" for a positive value that would round to 0.0% (a majority of 1 vote in
/// a big ward is not none).
#[must_use]
pub fn percent_text(value: f64) -> String {
    if value > 0.0 && value < 0.05 { "<0.1%".to_owned() } else { format!("{value:.1}%") }
}

/// "256,974".
#[must_use]
pub fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shares_round_once_and_half_up_from_the_counts() {
        assert_eq!(share_text(5965, 10_000), "59.7%");
        assert_eq!(share_text(5964, 10_000), "59.6%");
        assert_eq!(share_text(1, 3), "33.3%");
        assert_eq!(share_text(2, 3), "66.7%");
        assert_eq!(share_text(0, 0), "–");
        assert!((share_number(5965, 10_000) - 59.7).abs() < 1e-12);
    }

    #[test]
    fn tiny_percentages_are_not_zero_and_thousands_are_separated() {
        assert_eq!(percent_text(0.02), "<0.1%");
        assert_eq!(percent_text(0.0), "0.0%");
        assert_eq!(percent_text(9.94), "9.9%");
        assert_eq!(thousands(1130), "1,130");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1_234_567), "1,234,567");
    }
}
