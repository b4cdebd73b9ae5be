#!/usr/bin/env python3
"""Copy the London dataset into the project, byte for byte, and check every copy.

Run by a maintainer (never by the build or the tests, which read only the copies in the
repository): a user's clone has no `../shared`, so wardmap ships its own copies under
`data/london/` and `tests/fixtures/london/`.

Nothing is converted: each file is copied as it is. The source file's sha256 is checked against
the source's `SHA256SUMS` before copying and the copy's after; a mismatch, or a file the sums do
not list, stops the script with an error (a bad copy is removed, `data/london/SHA256SUMS` is not
rewritten). `data/london/SHA256SUMS` lists the copies in the source's format (`sha256  path`),
so `cd data/london && sha256sum -c SHA256SUMS` checks them.

Not copied on purpose: `postcodes/` (10.6 MB, not used yet), `census/` (for a later part),
`raw/`, `tools/` and the generated documents (data/README.md summarises and credits them).

usage: import_london.py [SOURCE_DIR]
    SOURCE_DIR defaults to ../shared/data/london relative to the repository root (that is,
    ../../shared/data/london relative to data/); the environment variable
    WARDMAP_LONDON_SOURCE overrides the default, an argument overrides both.
"""
import hashlib
import os
import shutil
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
DEFAULT_SOURCE = REPO / ".." / "shared" / "data" / "london"

# Paths relative to the source folder, copied to the same relative path under data/london/.
DATA_FILES = (
    [f"results/london-{year}.csv" for year in (2006, 2014, 2018, 2022, 2026)]
    + ["results/parties.csv"]
    + [f"turnout/london-{year}.csv" for year in (2006, 2018, 2022, 2026)]
    + [
        "boundaries/london-wards-2002.geojson",
        "boundaries/london-wards-2014-changes.geojson",
        "boundaries/london-wards-2018-changes.geojson",
        "boundaries/london-wards-2022.geojson",
        "boundaries/by-election/london-wards-2014-election.geojson",
        "boundaries/by-election/london-wards-2018-election.geojson",
        "census/london-2011-religion-wards-2002.csv",
        "census/london-2021-religion-wards-2022-BESTFIT.csv",
        "hexmap/E12000007.hexjson",
        "hexmap/LICENSE",
    ]
)

# Check tables copied into the test fixtures (tests must never read ../shared).
FIXTURE_FILES = ["checks/seats-by-party.csv", "checks/turnout-by-borough.csv"]

DATA_OUT = REPO / "data" / "london"
FIXTURE_OUT = REPO / "tests" / "fixtures" / "london"


def fail(message: str) -> None:
    print(f"import_london.py: error: {message}", file=sys.stderr)
    sys.exit(1)


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def read_sums(path: Path) -> dict[str, str]:
    """`sha256  relative/path` lines, as sha256sum writes them."""
    sums = {}
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line.strip():
                continue
            digest, sep, name = line.partition("  ")
            if not sep or len(digest) != 64:
                fail(f"{path}, line {number}: not a 'sha256  path' line: {line!r}")
            sums[name.lstrip("*")] = digest.lower()
    return sums


def copy_checked(source: Path, name: str, target: Path, sums: dict[str, str]) -> str:
    """Copy source/name to target, check source and copy against the listed sum; return it."""
    expected = sums.get(name)
    if expected is None:
        fail(f"{name} is not listed in {source / 'SHA256SUMS'}: refusing to copy an unlisted file")
    origin = source / name
    if not origin.is_file():
        fail(f"{origin} does not exist (is SOURCE_DIR the London dataset folder?)")
    actual = sha256(origin)
    if actual != expected:
        fail(f"{origin}: sha256 {actual} but SHA256SUMS says {expected}: the source changed; not copied")
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(origin, target)
    copied = sha256(target)
    if copied != expected:
        target.unlink()
        fail(f"{target}: the copy's sha256 {copied} differs from the source's {expected}; copy removed")
    return expected


def main() -> None:
    if len(sys.argv) > 2 or (len(sys.argv) == 2 and sys.argv[1] in ("-h", "--help")):
        print(__doc__)
        sys.exit(0 if len(sys.argv) == 2 else 2)
    if len(sys.argv) == 2:
        source = Path(sys.argv[1])
    else:
        source = Path(os.environ.get("WARDMAP_LONDON_SOURCE", DEFAULT_SOURCE))
    source = source.resolve()
    sums_file = source / "SHA256SUMS"
    if not sums_file.is_file():
        fail(f"{sums_file} not found: give the London dataset folder as the argument")
    sums = read_sums(sums_file)

    written = []
    for name in DATA_FILES:
        written.append((copy_checked(source, name, DATA_OUT / name, sums), name))
        print(f"data/london/{name}")
    for name in FIXTURE_FILES:
        copy_checked(source, name, FIXTURE_OUT / Path(name).name, sums)
        print(f"tests/fixtures/london/{Path(name).name}")

    with open(DATA_OUT / "SHA256SUMS", "w", encoding="utf-8", newline="\n") as f:
        for digest, name in sorted(written, key=lambda pair: pair[1]):
            f.write(f"{digest}  {name}\n")
    print(f"data/london/SHA256SUMS ({len(written)} files, all match {sums_file})")


if __name__ == "__main__":
    main()
