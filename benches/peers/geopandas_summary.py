#!/usr/bin/env python3
"""The geopandas peer of `wardmap summary --boundaries F --results G`: read the boundaries with
geopandas (pyogrio), read the results, join them by ward code, and print each ward's winner and
the seat totals.

    python benches/peers/geopandas_summary.py FILE.geojson RESULTS.csv
"""

import sys

import geopandas as gpd

from common import code_column, winners


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: geopandas_summary.py FILE.geojson RESULTS.csv")
    wards = gpd.read_file(sys.argv[1])
    code = code_column(wards)
    winner, totals = winners(sys.argv[2])
    joined = wards.merge(winner, how="left", left_on=code, right_on="ward_code")
    lines = [f"{len(wards)} wards, {joined['winner'].notna().sum()} with a result"]
    lines.append("seats: " + ", ".join(f"{party} {seats}" for party, seats in totals.items()))
    for row in joined[[code, "winner", "winner_seats"]].itertuples(index=False):
        lines.append(f"{row[0]}\t{row[1]}\t{row[2]}")
    sys.stdout.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
