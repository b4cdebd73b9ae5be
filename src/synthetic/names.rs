//! Plausible English ward and candidate names, so that labels, find and panels get text of
//! realistic length. Ward names are unique (40 × 25 × 10 = 10,000 combinations, then
//! numbered); codes are ONS-shaped but in a range (`E059…`) that no real ward uses.

use super::rng::{hash, pick};

const STEMS: [&str; 40] = [
    "Ash", "Beech", "Birch", "Bram", "Brook", "Bur", "Chalk", "Cher", "Church", "Clay", "Cold", "Cran", "Elm", "Fair",
    "Fern", "Fox", "Glen", "Gold", "Green", "Hare", "Hay", "Hazel", "High", "Holm", "Holly", "Kings", "Lark", "Lea",
    "Long", "Mill", "Moor", "Oak", "Park", "Queens", "Rose", "Sand", "Stan", "Stone", "Thorn", "Wood",
];
const ENDINGS: [&str; 25] = [
    "field", "ford", "ham", "hill", "hurst", "ley", "mead", "more", "stead", "ton", "wick", "worth", "bury", "bridge",
    "combe", "dale", "den", "down", "gate", "grove", "holt", "lands", "marsh", "well", "wood",
];
const QUALIFIERS: [&str; 10] =
    ["", " North", " South", " East", " West", " Park", " Green", " Vale", " Common", " Village"];

const FORENAMES: [&str; 32] = [
    "Aisha",
    "Alan",
    "Amara",
    "Andrew",
    "Anne",
    "Bola",
    "Catherine",
    "Chen",
    "Daniel",
    "David",
    "Eleanor",
    "Fatima",
    "Gareth",
    "Grace",
    "Hannah",
    "Imran",
    "James",
    "Joanna",
    "Kwame",
    "Linda",
    "Mark",
    "Mohammed",
    "Nadia",
    "Oliver",
    "Priya",
    "Rachel",
    "Richard",
    "Samuel",
    "Sarah",
    "Tomasz",
    "Yusuf",
    "Zoe",
];
const SURNAMES: [&str; 40] = [
    "Adeyemi",
    "Ahmed",
    "Baker",
    "Bennett",
    "Brown",
    "Campbell",
    "Chowdhury",
    "Clarke",
    "Cohen",
    "Davies",
    "Evans",
    "Fletcher",
    "Green",
    "Hall",
    "Hughes",
    "Hussain",
    "Jackson",
    "Johnson",
    "Kaur",
    "Kelly",
    "Khan",
    "Lewis",
    "Martin",
    "Mensah",
    "Murphy",
    "Nowak",
    "O'Brien",
    "Okafor",
    "Patel",
    "Roberts",
    "Robinson",
    "Shah",
    "Singh",
    "Smith",
    "Taylor",
    "Thomas",
    "Walker",
    "Williams",
    "Wilson",
    "Wright",
];

/// Combinations before names get a number.
const COMBINATIONS: usize = STEMS.len() * ENDINGS.len() * QUALIFIERS.len();
/// Coprime to `COMBINATIONS`: steps through every name once, so neighbours get unrelated names.
const STRIDE: usize = 3_571;

/// The synthetic ONS-style code of ward `index`: `E059` and five digits (real ward codes are
/// all below `E0502…`, so these can never be mistaken for, or joined to, a real ward).
pub fn ward_code(index: usize) -> String {
    format!("E059{:05}", index % 100_000)
}

/// A unique ward name for ward `index`, e.g. "Hazelmead Vale".
pub fn ward_name(index: usize) -> String {
    let k = (index % COMBINATIONS) * STRIDE % COMBINATIONS;
    let stem = STEMS[k % STEMS.len()];
    let ending = ENDINGS[k / STEMS.len() % ENDINGS.len()];
    let qualifier = QUALIFIERS[k / (STEMS.len() * ENDINGS.len())];
    match index / COMBINATIONS {
        0 => format!("{stem}{ending}{qualifier}"),
        round => format!("{stem}{ending}{qualifier} {}", round + 1),
    }
}

/// A candidate's name, from the seed, the ward and the candidate's place on the ballot. The
/// surnames of one ward's candidates all differ (the reader refuses a candidate listed twice).
pub fn candidate_name(seed: u64, ward: usize, place: usize) -> String {
    let ward_hash = hash(seed, &[0xCA4D, ward as u64]);
    let surname = SURNAMES[(ward_hash as usize % SURNAMES.len() + 7 * place) % SURNAMES.len()];
    format!("{} {surname}", pick(&FORENAMES, hash(ward_hash, &[place as u64])))
}
