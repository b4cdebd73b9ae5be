#!/usr/bin/env python3
"""The geopandas + matplotlib peer of `wardmap export` to PNG: a winner map (each ward filled in
its winning party's colour, outlined), with a title and a party legend, no ward labels,
--width pixels wide (default 1600).

    python benches/peers/geopandas_png.py FILE.geojson RESULTS.csv OUT.png [--width 1600]
"""

import argparse
import math

import geopandas as gpd
import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
from matplotlib.patches import Patch  # noqa: E402

from common import NO_DATA, OUTLINE, code_column, colour_of, winners  # noqa: E402

DPI = 100


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("boundaries")
    parser.add_argument("results")
    parser.add_argument("out")
    parser.add_argument("--width", type=int, default=1600, help="image width in pixels")
    args = parser.parse_args()

    wards = gpd.read_file(args.boundaries)
    code = code_column(wards)
    winner, totals = winners(args.results)
    joined = wards.merge(winner, how="left", left_on=code, right_on="ward_code")
    colours = [colour_of(party) if isinstance(party, str) else NO_DATA for party in joined["winner"]]

    # Lon/lat drawn with the aspect geopandas itself uses (1 / cos of the middle latitude);
    # the figure is sized to it, so the PNG is --width pixels wide exactly.
    minx, miny, maxx, maxy = joined.total_bounds
    aspect = 1 / math.cos(math.radians((miny + maxy) / 2))
    map_ratio = (maxy - miny) * aspect / (maxx - minx)
    width_in = args.width / DPI
    fig = plt.figure(figsize=(width_in, width_in * map_ratio * 1.08), dpi=DPI)
    ax = fig.add_axes((0.01, 0.01, 0.98, 0.92))
    joined.plot(ax=ax, color=colours, edgecolor=OUTLINE, linewidth=0.3)
    ax.set_axis_off()
    ax.set_title("Winning party by ward", fontsize=18, loc="left")
    handles = [Patch(facecolor=colour_of(party), edgecolor=OUTLINE, label=f"{party} {seats}")
               for party, seats in totals.items()]
    ax.legend(handles=handles, loc="lower right", fontsize=11, frameon=True)
    fig.savefig(args.out, dpi=DPI)


if __name__ == "__main__":
    main()
