//! A UK postcode as people type it: "nw44bg", "NW4 4BG", " nw4  4bg " are all NW4 4BG.
//!
//! The rules are Royal Mail's: an outward code (area letters, district digits, an optional
//! final letter: A9, A99, AA9, AA99, A9A, AA9A) and an inward code of one digit and two
//! letters. A typed postcode is read loosely (case, spaces, an O typed for a 0 where only a
//! digit may stand) and a wrong one is told what is wrong and what it probably meant.

use std::fmt;

/// A postcode in its printed form.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Postcode {
    /// "NW4".
    pub outward: String,
    /// "4BG".
    pub inward: String,
}

impl fmt::Display for Postcode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.outward, self.inward)
    }
}

/// Why typed text is not a postcode, and the nearest form that would be, if any.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum PostcodeFormError {
    #[error(
        "'{given}' is too short for a postcode: a postcode is an area and district (NW4) then a digit and two letters (4BG), as in NW4 4BG"
    )]
    TooShort { given: String },
    #[error("'{given}' is too long for a postcode: it has at most 7 letters and digits, as in NW4 4BG or SW1A 1AA")]
    TooLong { given: String },
    #[error("'{given}' is not a full postcode: it must end with a digit and two letters, as in NW4 4BG{}", hint(suggestion.as_deref()))]
    BadInward { given: String, suggestion: Option<String> },
    #[error("'{given}' does not start like a postcode: it starts with one or two letters and a digit, as in NW4 or E1{}", hint(suggestion.as_deref()))]
    BadOutward { given: String, suggestion: Option<String> },
}

fn hint(suggestion: Option<&str>) -> String {
    suggestion.map_or_else(String::new, |s| format!(". Did you mean {s}?"))
}

impl PostcodeFormError {
    /// The corrected form it suggests ("NW4 4BG"), if there is one.
    #[must_use]
    pub fn suggestion(&self) -> Option<&str> {
        match self {
            PostcodeFormError::BadInward { suggestion, .. } | PostcodeFormError::BadOutward { suggestion, .. } => {
                suggestion.as_deref()
            }
            _ => None,
        }
    }
}

/// Whether a find-box query is meant as a postcode rather than a ward name: it starts with a
/// letter, holds a digit and is no longer than a postcode. Ward names have no digits.
#[must_use]
pub fn looks_like_postcode(text: &str) -> bool {
    let compact: Vec<char> = text.chars().filter(|c| !c.is_whitespace()).collect();
    compact.first().is_some_and(char::is_ascii_alphabetic)
        && compact.iter().any(char::is_ascii_digit)
        && compact.len() <= 8
        && compact.iter().all(char::is_ascii_alphanumeric)
}

impl Postcode {
    /// The postcode `text` spells, read loosely: any case, any spaces.
    ///
    /// # Errors
    /// Text that is not a postcode, saying what is wrong and, where one letter or digit seems
    /// mistyped (O for 0, I for 1, S for 5, B for 8), what it probably meant.
    pub fn parse(text: &str) -> Result<Postcode, PostcodeFormError> {
        let given = text.trim().to_owned();
        let compact: Vec<char> = text.chars().filter(|c| !c.is_whitespace()).map(|c| c.to_ascii_uppercase()).collect();
        if compact.len() < 5 {
            return Err(PostcodeFormError::TooShort { given });
        }
        if compact.len() > 7 {
            return Err(PostcodeFormError::TooLong { given });
        }
        // Typed with a space, the space says where the inward code starts ("NW4 4B" lacks a
        // letter, it is not "NW" and "44B"); typed without, the inward code is the last three.
        let parts: Vec<&str> = text.split_whitespace().collect();
        if let [outward, inward] = parts.as_slice()
            && inward.chars().count() != 3
            && outward_is_valid(&outward.to_ascii_uppercase().chars().collect::<Vec<_>>())
        {
            return Err(PostcodeFormError::BadInward { given, suggestion: None });
        }
        let (outward, inward) = compact.split_at(compact.len() - 3);
        let inward_ok = inward[0].is_ascii_digit() && inward[1..].iter().all(char::is_ascii_uppercase);
        let outward_ok = outward_is_valid(outward);
        let fixed_inward = [as_digit(inward[0]), as_letter(inward[1]), as_letter(inward[2])];
        let fixed_outward = fix_outward(outward);
        let suggest = |outward: &[char], inward: &[char]| {
            let candidate: String = outward.iter().chain([&' ']).chain(inward).collect();
            let valid = outward_is_valid(outward)
                && inward[0].is_ascii_digit()
                && inward[1..].iter().all(char::is_ascii_uppercase);
            valid.then_some(candidate)
        };
        if !outward_ok {
            let suggestion = fixed_outward.as_deref().and_then(|o| suggest(o, &fixed_inward));
            return Err(PostcodeFormError::BadOutward { given, suggestion });
        }
        if !inward_ok {
            return Err(PostcodeFormError::BadInward { given, suggestion: suggest(outward, &fixed_inward) });
        }
        Ok(Postcode { outward: outward.iter().collect(), inward: inward.iter().collect() })
    }
}

/// A9, A99, AA9, AA99, A9A, AA9A.
fn outward_is_valid(outward: &[char]) -> bool {
    let letter = |c: &char| c.is_ascii_uppercase();
    let digit = |c: &char| c.is_ascii_digit();
    match outward {
        [a, d] => letter(a) && digit(d),
        [a, b, c] => letter(a) && ((digit(b) && (digit(c) || letter(c))) || (letter(b) && digit(c))),
        [a, b, c, d] => letter(a) && letter(b) && digit(c) && (digit(d) || letter(d)),
        _ => false,
    }
}

/// The outward code with letters typed for digits (and back) where its shape says which.
fn fix_outward(outward: &[char]) -> Option<Vec<char>> {
    let mut fixed: Vec<char> = outward.to_vec();
    // The area is one or two letters, then a digit.
    let first = fixed.first_mut()?;
    *first = as_letter(*first);
    if fixed.len() >= 3 && !fixed[1].is_ascii_digit() {
        fixed[1] = as_letter(fixed[1]);
        fixed[2] = as_digit(fixed[2]);
    } else if fixed.len() >= 2 {
        fixed[1] = as_digit(fixed[1]);
    }
    outward_is_valid(&fixed).then_some(fixed)
}

/// A letter typed where a digit must stand, read as the digit it looks like.
fn as_digit(c: char) -> char {
    match c {
        'O' | 'D' | 'Q' => '0',
        'I' | 'L' => '1',
        'Z' => '2',
        'S' => '5',
        'G' => '6',
        'B' => '8',
        other => other,
    }
}

/// A digit typed where a letter must stand, read as the letter it looks like.
fn as_letter(c: char) -> char {
    match c {
        '0' => 'O',
        '1' => 'I',
        '2' => 'Z',
        '5' => 'S',
        '6' => 'G',
        '8' => 'B',
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Result<String, PostcodeFormError> {
        Postcode::parse(text).map(|p| p.to_string())
    }

    #[test]
    fn any_case_and_spacing_reads_as_the_printed_form() {
        for typed in ["NW4 4BG", "nw44bg", " nw4  4bg ", "Nw4 4Bg"] {
            assert_eq!(read(typed).as_deref(), Ok("NW4 4BG"), "{typed}");
        }
        assert_eq!(read("sw1a1aa").as_deref(), Ok("SW1A 1AA"));
        assert_eq!(read("E1 6AN").as_deref(), Ok("E1 6AN"));
        assert_eq!(read("EC1A 1BB").as_deref(), Ok("EC1A 1BB"));
        assert_eq!(read("N1 9GU").as_deref(), Ok("N1 9GU"));
    }

    #[test]
    fn a_malformed_postcode_says_what_is_wrong_and_suggests_the_nearest_form() {
        let short = Postcode::parse("NW4 4B").expect_err("a letter short");
        assert!(short.to_string().contains("is not a full postcode"), "{short}");
        assert!(Postcode::parse("NW4").expect_err("no inward code").to_string().contains("too short"));
        let letter_for_digit = Postcode::parse("NW4 OBG").expect_err("O for 0");
        assert_eq!(letter_for_digit.suggestion(), Some("NW4 0BG"));
        assert!(letter_for_digit.to_string().contains("Did you mean NW4 0BG?"), "{letter_for_digit}");
        let digit_for_letter = Postcode::parse("NW4 4B6").expect_err("6 for G");
        assert_eq!(digit_for_letter.suggestion(), Some("NW4 4BG"));
        let outward = Postcode::parse("NWA 4BG").expect_err("no district digit");
        assert!(outward.to_string().contains("does not start like a postcode"), "{outward}");
        let zero_for_o = Postcode::parse("N0 4BG").expect("N0 is a valid shape");
        assert_eq!(zero_for_o.to_string(), "N0 4BG");
        assert!(matches!(Postcode::parse("NW4 4BGXX"), Err(PostcodeFormError::TooLong { .. })));
    }

    #[test]
    fn postcodes_are_told_from_ward_names() {
        assert!(looks_like_postcode("NW4 4BG"));
        assert!(looks_like_postcode("nw44bg"));
        assert!(looks_like_postcode("NW4"));
        assert!(!looks_like_postcode("Golders Green"));
        assert!(!looks_like_postcode("church end"));
        assert!(!looks_like_postcode("4BG"));
    }
}
