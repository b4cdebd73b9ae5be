//! Which results format a CSV file is, told from its header, and where that header is.
//!
//! Real exports carry noise before the header (Democracy Club's files can begin with a stray
//! `False` line), so the first few records are tried in turn; and some spreadsheets save with
//! `;` or a tab between cells, so each delimiter is tried until one yields a known header.

use super::error::ResultsError;
use std::path::Path;

/// The results formats wardmap reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
pub enum ResultsFormat {
    /// wardmap's own CSV: `election_date,ward_code,ward,seats,candidate,party,votes,elected`.
    Own,
    /// Democracy Club's results export: `election_id,ballot_paper_id,…,ballots_cast,is_winner,…`.
    DemocracyClubResults,
    /// Democracy Club's candidates export: `person_name,party_name,post_label,gss,votes_cast,elected,…`.
    DemocracyClubCandidates,
    /// The London Datastore borough results: `Ward_code,Borough_name,Ward_name,candidate,party,…`.
    LondonDatastore,
}

const ALL: [ResultsFormat; 4] = [
    ResultsFormat::DemocracyClubResults,
    ResultsFormat::DemocracyClubCandidates,
    ResultsFormat::LondonDatastore,
    ResultsFormat::Own,
];

/// How many records may come before the header.
const MAX_PREAMBLE: usize = 20;

impl ResultsFormat {
    /// A name for messages ("a Democracy Club results export").
    pub fn description(self) -> &'static str {
        match self {
            ResultsFormat::Own => "wardmap's own results CSV",
            ResultsFormat::DemocracyClubResults => "a Democracy Club results export",
            ResultsFormat::DemocracyClubCandidates => "a Democracy Club candidates export",
            ResultsFormat::LondonDatastore => "a London Datastore borough results file",
        }
    }

    /// The columns a file of this format must have (lower case).
    pub fn required(self) -> &'static [&'static str] {
        match self {
            ResultsFormat::Own => &["election_date", "ward", "candidate", "party", "votes"],
            ResultsFormat::DemocracyClubResults => {
                &["ballot_paper_id", "person_name", "party_name", "ballots_cast", "is_winner"]
            }
            ResultsFormat::DemocracyClubCandidates => {
                &["ballot_paper_id", "person_name", "party_name", "post_label", "votes_cast", "elected"]
            }
            ResultsFormat::LondonDatastore => &["ward_name", "candidate", "party", "number_votes"],
        }
    }

    fn present(self, header: &[String]) -> usize {
        self.required().iter().filter(|c| header.iter().any(|h| h == *c)).count()
    }

    /// The required columns this header lacks.
    pub fn missing(self, header: &[String]) -> Vec<&'static str> {
        self.required().iter().copied().filter(|c| !header.iter().any(|h| h == c)).collect()
    }
}

/// A header cell as compared: BOM and spaces trimmed, lower case.
pub fn normalise_header(cell: &str) -> String {
    cell.trim_start_matches('\u{feff}').trim().to_lowercase()
}

/// The format whose required columns this header has most of (by share, then count), when
/// it has at least three of them: fewer is too little to call it a header at all.
pub fn best_format(header: &[String]) -> Option<ResultsFormat> {
    ALL.iter()
        .copied()
        .map(|format| (format, format.present(header)))
        .filter(|(format, present)| *present >= 3.min(format.required().len()))
        .max_by(|(fa, a), (fb, b)| {
            let share_a = *a as f64 / fa.required().len() as f64;
            let share_b = *b as f64 / fb.required().len() as f64;
            share_a.total_cmp(&share_b).then(a.cmp(b))
        })
        .map(|(format, _)| format)
}

/// Where a file's header is.
#[derive(Clone, Debug)]
pub struct Header {
    pub format: ResultsFormat,
    pub delimiter: u8,
    /// Records (not lines) to skip before the header.
    pub skip: usize,
    /// The line the header is on (1-based).
    pub line: u64,
    /// The header cells, normalised.
    pub columns: Vec<String>,
}

/// A CSV reader over `text` with wardmap's settings: no header handling (we find it), ragged
/// rows allowed (checked per cell), cells trimmed.
pub fn reader(text: &str, delimiter: u8) -> csv::Reader<&[u8]> {
    csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .trim(csv::Trim::All)
        .delimiter(delimiter)
        .from_reader(text.as_bytes())
}

/// Line numbers of records, counted from their byte offsets. The csv crate's own line count is
/// one short for files with Windows line ends (it reports a record's start before eating the
/// `\n` of the previous line's `\r\n`), and users open those files in editors by line.
pub struct Lines<'a> {
    text: &'a [u8],
    counted_to: usize,
    line: u64,
}

impl<'a> Lines<'a> {
    pub fn new(text: &'a str) -> Lines<'a> {
        Lines { text: text.as_bytes(), counted_to: 0, line: 1 }
    }

    /// The 1-based line a record starts on. Offsets must not go backwards between calls.
    pub fn line_of(&mut self, position: Option<&csv::Position>) -> u64 {
        let Some(position) = position else {
            return self.line;
        };
        let mut byte = usize::try_from(position.byte()).unwrap_or(usize::MAX).min(self.text.len());
        // Skip the line ends that lie before the record's first cell.
        while byte < self.text.len() && matches!(self.text[byte], b'\r' | b'\n') {
            byte += 1;
        }
        if byte > self.counted_to {
            self.line += self.text[self.counted_to..byte].iter().filter(|b| **b == b'\n').count() as u64;
            self.counted_to = byte;
        }
        self.line
    }
}

/// Find the header: try `,`, `;` and tab, and for each the first records, until one is the
/// header of a known format. A header of a known format that lacks columns is an error that
/// names them; no header at all is an error that quotes the first line.
pub fn find_header(text: &str, file: &Path) -> Result<Header, ResultsError> {
    for delimiter in [b',', b';', b'\t'] {
        let mut records = reader(text, delimiter).into_records();
        let mut lines = Lines::new(text);
        for skip in 0..MAX_PREAMBLE {
            let Some(Ok(record)) = records.next() else {
                break;
            };
            let line = lines.line_of(record.position());
            let columns: Vec<String> = record.iter().map(normalise_header).collect();
            let Some(format) = best_format(&columns) else {
                continue;
            };
            let missing = format.missing(&columns);
            if !missing.is_empty() {
                return Err(ResultsError::MissingColumns {
                    file: file.to_path_buf(),
                    line,
                    format: format.description(),
                    missing: missing.join(", "),
                    found: columns.join(","),
                });
            }
            return Ok(Header { format, delimiter, skip, line, columns });
        }
    }
    let first_line: String = text.lines().find(|l| !l.trim().is_empty()).unwrap_or("").chars().take(200).collect();
    Err(ResultsError::UnknownFormat { file: file.to_path_buf(), first_line: format!("\"{first_line}\"") })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cells(header: &str) -> Vec<String> {
        header.split(',').map(normalise_header).collect()
    }

    #[test]
    fn each_known_header_is_recognised() {
        let dc = "election_id,ballot_paper_id,person_id,party_id,party_name,person_name,ballots_cast,is_winner,spoilt_ballots,turnout,source";
        assert_eq!(best_format(&cells(dc)), Some(ResultsFormat::DemocracyClubResults));
        let lds = "\u{feff}Ward_code,Borough_code,Borough_name,Ward_name,candidate,party,party_long,number_votes,elected_flag,Number of councillors in ward";
        assert_eq!(best_format(&cells(lds)), Some(ResultsFormat::LondonDatastore));
        let own = "election_date,ward_code,ward,seats,candidate,party,votes,elected";
        assert_eq!(best_format(&cells(own)), Some(ResultsFormat::Own));
        let cand = "person_id,person_name,election_id,ballot_paper_id,election_date,party_name,post_label,gss,votes_cast,elected";
        assert_eq!(best_format(&cells(cand)), Some(ResultsFormat::DemocracyClubCandidates));
        assert_eq!(best_format(&cells("False")), None);
    }

    #[test]
    fn a_stray_line_and_semicolons_do_not_hide_the_header() {
        let text = "False\nelection_date;ward;candidate;party;votes\n2018-05-03;A;B;Labour;4\n";
        let header = find_header(text, Path::new("t.csv")).expect("header found");
        assert_eq!((header.format, header.delimiter, header.skip, header.line), (ResultsFormat::Own, b';', 1, 2));
    }

    #[test]
    fn lines_are_counted_right_with_windows_line_ends_and_quoted_newlines() {
        let text = "a,b\r\n\r\n\"x\r\ny\",2\r\nc,3\r\n";
        let mut lines = Lines::new(text);
        let found: Vec<u64> =
            reader(text, b',').into_records().flatten().map(|r| lines.line_of(r.position())).collect();
        assert_eq!(found, vec![1, 3, 5]);
    }
}
