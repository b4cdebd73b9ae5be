#!/usr/bin/env python3
"""A hostile ward for wardmap's geometry: one ring of N vertices that winds round a centre
several times, wobbling in and out so that every winding crosses every other many times.

    python3 benches/peers/hostile_ring.py N OUTDIR

writes OUTDIR/hostile-ring-N.geojson (a FeatureCollection of one ward, lon/lat near London)
and OUTDIR/hostile-ring-N.csv (its results, in wardmap's own CSV format), so that

    wardmap export --boundaries OUTDIR/hostile-ring-N.geojson \
        --results OUTDIR/hostile-ring-N.csv --out x.png

runs on it. Python 3 standard library only; the output is a pure function of N, and the same
bytes as wardmap::synthetic::hostile::generate(N) (src/synthetic/hostile.rs) writes. Not real data.
"""

import math
import os
import sys

# Keep these in step with src/synthetic/hostile.rs.
CENTRE_LON = -0.1
CENTRE_LAT = 51.5
RADIUS_LAT = 0.02  # degrees of latitude, about 2.2 km
WINDINGS = 7
WOBBLE = 0.25  # the radius swings between 1 - WOBBLE and 1 + WOBBLE times RADIUS_LAT
VERTICES_PER_WOBBLE = 20
MIN_VERTICES = 8
MAX_VERTICES = 5_000_000
CODE = "E05990001"
POLL_DATE = "2022-05-05"
BOROUGH = "Synthetic London"


def wobbles(n):
    """Wobbles round the whole ring: about one per VERTICES_PER_WOBBLE vertices, and one more
    than a multiple of WINDINGS, so that successive windings are out of phase and cross."""
    k = max(1, n // (VERTICES_PER_WOBBLE * WINDINGS))
    return k * WINDINGS + 1


def ring(n):
    """The ring's n distinct vertices (lon, lat), then the first again to close it."""
    lat0 = math.radians(CENTRE_LAT)
    lon_scale = 1.0 / math.cos(lat0)
    w = wobbles(n)
    points = []
    for i in range(n):
        f = i / n
        angle = 2.0 * math.pi * WINDINGS * f
        r = RADIUS_LAT * (1.0 + WOBBLE * math.sin(2.0 * math.pi * w * f))
        points.append((CENTRE_LON + r * math.cos(angle) * lon_scale, CENTRE_LAT + r * math.sin(angle)))
    points.append(points[0])
    return points


def fixed6(value):
    """value with six decimals, rounded half away from zero like the Rust writer."""
    x = value * 1e6
    t = math.trunc(x)
    if abs(x - t) >= 0.5:
        t += 1 if x > 0 else -1
    sign = "-" if t < 0 else ""
    m = abs(int(t))
    return "%s%d.%06d" % (sign, m // 1_000_000, m % 1_000_000)


def name(n):
    return "Hostile Ring %d" % n


def geojson(n):
    coords = ",".join("[%s,%s]" % (fixed6(lon), fixed6(lat)) for lon, lat in ring(n))
    return (
        '{"type":"FeatureCollection","name":"wardmap hostile ring: NOT REAL DATA","synthetic":true,"features":[\n'
        '{"type":"Feature","properties":{"WD24CD":"%s","WD24NM":"%s","synthetic":true},'
        '"geometry":{"type":"Polygon","coordinates":[[%s]]}}\n]}\n' % (CODE, name(n), coords)
    )


def results_csv(n):
    rows = [
        ("Ada Example", "Labour", 2140, True),
        ("Ben Example", "Labour", 2011, True),
        ("Cleo Example", "Conservative", 1987, True),
        ("Dev Example", "Conservative", 1702, False),
        ("Eve Example", "Green Party", 655, False),
    ]
    out = ["election_date,borough,ward_code,ward,seats,electorate,turnout,candidate,party,votes,elected\n"]
    for candidate, party, votes, elected in rows:
        out.append(
            "%s,%s,%s,%s,3,9000,0.4100,%s,%s,%d,%s\n"
            % (POLL_DATE, BOROUGH, CODE, name(n), candidate, party, votes, "true" if elected else "false")
        )
    return "".join(out)


def main(argv):
    if len(argv) != 3:
        sys.stderr.write("usage: hostile_ring.py N OUTDIR\n")
        return 2
    try:
        n = int(argv[1])
    except ValueError:
        sys.stderr.write("N must be a whole number, not %r\n" % argv[1])
        return 2
    if not MIN_VERTICES <= n <= MAX_VERTICES:
        sys.stderr.write("N must be between %d and %d\n" % (MIN_VERTICES, MAX_VERTICES))
        return 2
    outdir = argv[2]
    os.makedirs(outdir, exist_ok=True)
    base = os.path.join(outdir, "hostile-ring-%d" % n)
    with open(base + ".geojson", "w", encoding="utf-8", newline="\n") as f:
        f.write(geojson(n))
    with open(base + ".csv", "w", encoding="utf-8", newline="\n") as f:
        f.write(results_csv(n))
    print(base + ".geojson")
    print(base + ".csv")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
