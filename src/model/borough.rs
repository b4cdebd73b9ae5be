//! Finding a borough by a loose name: "redbridge", "Kensington and Chelsea", "K&C",
//! "City of Westminster". Sources spell boroughs differently from year to year (the GLA's 2022
//! file says "Kensington & Chelsea", Democracy Club's 2018 "City of Westminster"), and users
//! type them any way, so every spelling goes through [`normalise_borough`] before it is
//! compared.

use thiserror::Error;

/// A borough name reduced to what identifies it: lower case, "&" as "and", punctuation
/// dropped, and a leading "the", "City of", "London Borough of" or "Royal Borough of" removed.
#[must_use]
pub fn normalise_borough(name: &str) -> String {
    let lowered = name.to_lowercase().replace('&', " and ");
    let words: Vec<&str> = lowered.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
    let mut rest: &[&str] = &words;
    for prefix in [&["the"][..], &["city", "of"], &["london", "borough", "of"], &["royal", "borough", "of"]] {
        // "City of London" is the City, not the whole of London: it keeps its name.
        let is_the_city = prefix == ["city", "of"] && rest[prefix.len().min(rest.len())..] == ["london"];
        if rest.len() > prefix.len() && rest.starts_with(prefix) && !is_the_city {
            rest = &rest[prefix.len()..];
        }
    }
    rest.join(" ")
}

/// "k and c" for "Kensington and Chelsea": the initials of a name's words, keeping "and".
fn initials(normalised: &str) -> String {
    normalised
        .split(' ')
        .map(|word| if word == "and" { "and".to_owned() } else { word.chars().take(1).collect() })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Why a borough name found no single borough.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum BoroughLookupError {
    #[error("no borough is called \"{query}\"; the boroughs are: {known}")]
    NotFound { query: String, known: String },
    #[error("\"{query}\" could be {candidates}: give more of the name")]
    Ambiguous { query: String, candidates: String },
}

/// The one name among `names` that `query` means: the same name after normalising, else the
/// same initials ("K&C"), else the only name it begins ("Kingston" for Kingston upon Thames),
/// else the only name it is part of.
///
/// # Errors
/// No name fits, or several fit equally (the error lists them).
pub fn find_borough<'a>(query: &str, names: &[&'a str]) -> Result<&'a str, BoroughLookupError> {
    let wanted = normalise_borough(query);
    let normalised: Vec<(String, &'a str)> = names.iter().map(|name| (normalise_borough(name), *name)).collect();
    let rules: [&dyn Fn(&str) -> bool; 4] = [
        &|name| name == wanted,
        &|name| initials(name) == wanted && name.contains(' '),
        &|name| name.starts_with(&wanted),
        &|name| name.contains(&wanted),
    ];
    if wanted.is_empty() {
        return Err(not_found(query, names));
    }
    for rule in rules {
        let mut fitting: Vec<&'a str> = normalised.iter().filter(|(n, _)| rule(n)).map(|(_, name)| *name).collect();
        fitting.sort_unstable();
        fitting.dedup();
        match fitting.as_slice() {
            [] => {}
            [one] => return Ok(one),
            many => {
                return Err(BoroughLookupError::Ambiguous { query: query.to_owned(), candidates: many.join(", ") });
            }
        }
    }
    Err(not_found(query, names))
}

fn not_found(query: &str, names: &[&str]) -> BoroughLookupError {
    let mut known: Vec<&str> = names.to_vec();
    known.sort_unstable();
    known.dedup();
    BoroughLookupError::NotFound { query: query.to_owned(), known: known.join(", ") }
}

#[cfg(test)]
mod tests {
    use super::*;

    const NAMES: &[&str] = &[
        "Barking and Dagenham",
        "Barnet",
        "Kensington and Chelsea",
        "Kingston upon Thames",
        "Redbridge",
        "Westminster",
        "Hammersmith and Fulham",
        "Harrow",
    ];

    #[test]
    fn spellings_of_a_borough_meet() {
        assert_eq!(normalise_borough("Kensington & Chelsea"), "kensington and chelsea");
        assert_eq!(normalise_borough("City of Westminster"), "westminster");
        assert_eq!(normalise_borough("Royal Borough of Kingston upon Thames"), "kingston upon thames");
        assert_eq!(normalise_borough("London"), "london");
        assert_eq!(normalise_borough("City of London"), "city of london", "the City is not the whole of London");
    }

    #[test]
    fn loose_names_find_one_borough() {
        assert_eq!(find_borough("redbridge", NAMES), Ok("Redbridge"));
        assert_eq!(find_borough("Kensington and Chelsea", NAMES), Ok("Kensington and Chelsea"));
        assert_eq!(find_borough("K&C", NAMES), Ok("Kensington and Chelsea"));
        assert_eq!(find_borough("h&f", NAMES), Ok("Hammersmith and Fulham"));
        assert_eq!(find_borough("City of Westminster", NAMES), Ok("Westminster"));
        assert_eq!(find_borough("kingston", NAMES), Ok("Kingston upon Thames"));
    }

    #[test]
    fn unknown_and_ambiguous_names_say_so() {
        assert!(matches!(find_borough("Narnia", NAMES), Err(BoroughLookupError::NotFound { .. })));
        assert!(matches!(find_borough("", NAMES), Err(BoroughLookupError::NotFound { .. })));
        let with_london = [NAMES, &["London"]].concat();
        assert!(
            matches!(find_borough("City of London", &with_london), Err(BoroughLookupError::NotFound { .. })),
            "the City is not London"
        );
        let Err(BoroughLookupError::Ambiguous { candidates, .. }) = find_borough("bar", NAMES) else {
            panic!("\"bar\" fits two boroughs");
        };
        assert_eq!(candidates, "Barking and Dagenham, Barnet");
    }
}
