#!/usr/bin/env python3
"""Write the London postcode points wardmap ships: `data/london/postcodes/london-postcodes-2025.4.txt`.

Run by a maintainer (never by the build or the tests, which read only the copy in the
repository). The source is `postcodes/london-postcodes-codepoint-open-2025.4.csv` of the shared
London dataset (OS Code-Point Open 2025.4.0, OGL v3.0), whose sha256 is checked against the
source's `SHA256SUMS` first.

Nothing is converted or recomputed: each kept cell is copied as the source's text. To keep the
file compact it keeps only what wardmap uses (the postcode and its WGS84 lon/lat, which the source
computed from the unit centroid's easting/northing) and groups the rows by the source's admin
district (borough) code, written once in a `# district` line ahead of its rows, instead of on
every row. Within a district the source's row order is kept. The 2022 ward code and the
easting/northing are left out: wardmap finds the ward of a point itself, for any ward set.

Format (UTF-8, `\\n` line ends):

    # comment lines: what the file is and the three attribution lines Code-Point Open requires
    # district E09000002
    RM8 1AA,0.123456,51.543210
    ...

usage: compact_postcodes.py [SOURCE_DIR]   (default ../shared/data/london, or $WARDMAP_LONDON_SOURCE)
"""
import csv
import hashlib
import os
import sys
from collections import OrderedDict
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
SOURCE_FILE = "postcodes/london-postcodes-codepoint-open-2025.4.csv"
OUT = REPO / "data" / "london" / "postcodes" / "london-postcodes-2025.4.txt"
HEADER = [
    "London postcode points: OS Code-Point Open 2025.4.0 (copyright date 2025-10-20), postcode unit centroids,",
    "lon/lat (WGS84) as computed by the shared London dataset from the source's British National Grid coordinates.",
    "Contains Ordnance Survey data © Crown copyright and database right 2025.",
    "Contains Royal Mail data © Royal Mail copyright and database right 2025.",
    "Contains National Statistics data © Crown copyright and database right 2025.",
    "Open Government Licence v3.0: www.ordnancesurvey.co.uk/opendata/licence. Rows: postcode,lon,lat.",
]


def fail(message: str) -> None:
    print(f"compact_postcodes.py: error: {message}", file=sys.stderr)
    sys.exit(1)


def main() -> None:
    source = Path(sys.argv[1] if len(sys.argv) > 1 else os.environ.get(
        "WARDMAP_LONDON_SOURCE", REPO / ".." / "shared" / "data" / "london"))
    path = source / SOURCE_FILE
    if not path.is_file():
        fail(f"{path} not found")
    sums = {}
    for line in (source / "SHA256SUMS").read_text(encoding="utf-8").splitlines():
        digest, _, name = line.partition("  ")
        sums[name.strip()] = digest
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    if sums.get(SOURCE_FILE) != digest:
        fail(f"{SOURCE_FILE}: sha256 {digest} is not the one SHA256SUMS lists")
    districts: "OrderedDict[str, list[str]]" = OrderedDict()
    rows = 0
    with open(path, newline="", encoding="utf-8") as f:
        reader = csv.DictReader(f)
        expected = ["postcode", "easting", "northing", "lon", "lat", "admin_district_code", "admin_ward_code"]
        if reader.fieldnames != expected:
            fail(f"unexpected columns {reader.fieldnames}")
        for row in reader:
            for cell in ("postcode", "lon", "lat", "admin_district_code"):
                if "," in row[cell] or not row[cell]:
                    fail(f"row {rows + 2}: {cell} {row[cell]!r} cannot be written as it is")
            districts.setdefault(row["admin_district_code"], []).append(f"{row['postcode']},{row['lon']},{row['lat']}")
            rows += 1
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with open(OUT, "w", encoding="utf-8", newline="\n") as out:
        for line in HEADER:
            out.write(f"# {line}\n")
        for district in sorted(districts):
            out.write(f"# district {district}\n")
            for line in districts[district]:
                out.write(line + "\n")
    print(f"wrote {OUT.relative_to(REPO)}: {rows} postcodes in {len(districts)} districts, {OUT.stat().st_size} bytes")


if __name__ == "__main__":
    main()
