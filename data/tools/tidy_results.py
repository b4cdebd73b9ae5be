#!/usr/bin/env python3
"""Write wardmap's own results CSV from the tidied Barnet tables.

Run once by a maintainer (not by the build or the tests): it reads the tidied tables
published beside the project (`../shared/data/results/`) and adds, without changing any
number, the ONS ward code (from `ward-gss-codes.csv`) and the ward's seat count (the
number of candidates the source marks elected).

usage: tidy_results.py SOURCE_DIR OUT_DIR
"""
import csv
import sys
from collections import Counter
from pathlib import Path

src, out = Path(sys.argv[1]), Path(sys.argv[2])
codes = {}
with open(src / "ward-gss-codes.csv", newline="", encoding="utf-8") as f:
    for row in csv.DictReader(f):
        codes[(row["ward_set_year"], row["ward"])] = row["gss_code"]

for year in ("2014", "2018"):
    with open(src / f"barnet-{year}-candidates.csv", newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    seats = Counter(r["ward"] for r in rows if r["elected"] == "true")
    with open(out / f"barnet-{year}.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["election_date", "ward_code", "ward", "seats", "candidate", "party", "votes", "elected"])
        for r in rows:
            w.writerow([r["election_date"], codes[(year, r["ward"])], r["ward"], seats[r["ward"]],
                        r["candidate"], r["party"], r["votes"], r["elected"]])
