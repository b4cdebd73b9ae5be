"""Shared by the geopandas peers: reading a results CSV in wardmap's own format, the winner of
each ward, finding the ward-code column of a boundary file, and party colours like wardmap's
(src/model/palette.rs)."""

import re

import pandas as pd

# wardmap's party colours (src/model/palette.rs), matched loosely on the printed party name.
PARTY_COLOURS = [
    ("conservative", "#0087DC"),
    ("labour", "#E4003B"),
    ("liberal", "#FAA61A"),
    ("green", "#6AB023"),
    ("reform", "#12B6CF"),
    ("uk independence", "#70147A"),
    ("ukip", "#70147A"),
    ("independent", "#808080"),
]
OTHER = "#B0A090"
NO_DATA = "#E6E6E6"
OUTLINE = "#303030"


def colour_of(party):
    """A colour for a party name, as wardmap would roughly draw it."""
    if not isinstance(party, str):
        return NO_DATA
    name = party.lower()
    for key, colour in PARTY_COLOURS:
        if key in name:
            return colour
    return OTHER


def code_column(frame):
    """The ward-code column of a boundary file: WDyyCD as ONS writes it, else ward_code/code."""
    for column in frame.columns:
        if re.fullmatch(r"WD\d\dCD", str(column)):
            return column
    for column in ("ward_code", "gss_code", "code"):
        if column in frame.columns:
            return column
    raise SystemExit("no ward code column (WDyyCD, ward_code, gss_code) in the boundary file")


def winners(results_csv):
    """(per-ward winners, seat totals by party) from a results CSV in wardmap's format
    (ward_code, party, votes, elected): the ward's winner is the party with most seats, ties
    broken by its best candidate's votes."""
    results = pd.read_csv(results_csv, dtype={"ward_code": str, "party": str})
    results["elected"] = results["elected"].astype(str).str.lower().isin(["true", "1", "yes"])
    seats = results[results["elected"]].groupby(["ward_code", "party"]).size().rename("seats")
    best = results.groupby(["ward_code", "party"])["votes"].max().rename("best")
    by_party = pd.concat([seats, best], axis=1).fillna({"seats": 0}).reset_index()
    by_party = by_party.sort_values(["ward_code", "seats", "best"], ascending=[True, False, False])
    winner = by_party.drop_duplicates("ward_code")[["ward_code", "party", "seats"]]
    winner = winner.rename(columns={"party": "winner", "seats": "winner_seats"})
    winner["winner_seats"] = winner["winner_seats"].astype(int)
    totals = results[results["elected"]].groupby("party").size().sort_values(ascending=False)
    return winner, totals
