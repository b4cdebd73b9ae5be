#!/usr/bin/env bash
# wardmap against its peers on the same files (issue 14): see benches/peers/README.md.
#
#   benches/peers/run.sh [ROW ...] [RESULTS_DIR]
#
# ROW is one of
#   summary     summary of the 10k synthetic file: wardmap vs mapshaper -info, geopandas read+join, serde floor
#   barnet-png  Barnet 2018 winner map, 1600 px PNG: wardmap export vs geopandas+matplotlib
#   barnet-svg  Barnet 2018 SVG: wardmap export vs mapshaper -o out.svg
#   png-10k     10k winner map PNG, no labels: wardmap export --no-labels vs geopandas+matplotlib
#   png         barnet-png and png-10k;  svg: barnet-svg;  all (the default): every row
# RESULTS_DIR (default /tmp/peers-results) receives each row's hyperfine tables (ROW.md, ROW.json),
# the peak memory of each command (memory.md) and the summary printed at the end (results.md).
#
# Environment: RUNS_FAST (default 10) and RUNS_SLOW (default 5) runs per command, WARDS (default
# 10000), ROUNDS (default 1) hyperfine calls per row, SKIP_BUILD=1 to use the binaries already built, PYTHON (default benches/peers/.venv/bin/python).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
target=${CARGO_TARGET_DIR_RELEASE:-/work/target-release}
wardmap="$target/release/wardmap"
floor="$target/release/examples/serde_floor"
mapshaper="$here/node_modules/.bin/mapshaper"
python=${PYTHON:-$here/.venv/bin/python}
hyperfine=${HYPERFINE:-$(command -v hyperfine || echo "$HOME/.cargo/bin/hyperfine")}
runs_fast=${RUNS_FAST:-10}
runs_slow=${RUNS_SLOW:-5}
wards=${WARDS:-10000}
rounds=${ROUNDS:-1}
barnet_wards="$root/data/boundaries/barnet-wards-2002.geojson"
barnet_2018="$root/data/results/barnet-2018.csv"

rows=()
results=/tmp/peers-results
for arg in "$@"; do
    case $arg in
        summary | barnet-png | barnet-svg | png-10k) rows+=("$arg") ;;
        png) rows+=(barnet-png png-10k) ;;
        svg) rows+=(barnet-svg) ;;
        all) rows+=(summary barnet-png barnet-svg png-10k) ;;
        -h | --help) sed -n '2,17p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        -*) echo "run.sh: unknown option $arg (see --help)" >&2; exit 2 ;;
        *) results=$arg ;;
    esac
done
[ ${#rows[@]} -gt 0 ] || rows=(summary barnet-png barnet-svg png-10k)
mkdir -p "$results"
results=$(cd "$results" && pwd)

for tool in "$hyperfine" "$mapshaper" "$python" /usr/bin/time; do
    if [ ! -x "$tool" ]; then
        echo "run.sh: $tool is missing: install the peers as benches/peers/README.md says" >&2
        exit 1
    fi
done

if [ "${SKIP_BUILD:-}" != 1 ]; then
    echo "== building release wardmap and the serde floor ($target)"
    (cd "$root" && CARGO_TARGET_DIR="$target" cargo build --release --bin wardmap --example serde_floor)
fi

work=$(mktemp -d /tmp/peers-work.XXXXXX)
trap 'rm -rf "$work"' EXIT
# Copies, so that a build in the shared target folder during the run cannot swap the binaries.
cp "$wardmap" "$work/wardmap"
cp "$floor" "$work/serde_floor"
wardmap="$work/wardmap"
floor="$work/serde_floor"
if [[ " ${rows[*]} " == *" summary "* || " ${rows[*]} " == *" png-10k "* ]]; then
    echo "== generating $wards synthetic wards into $work"
    "$wardmap" synthetic --wards "$wards" --out-dir "$work"
fi
synth="$work/synthetic-$wards-wards.geojson"
synth_results="$work/synthetic-$wards-results.csv"

{
    echo "# wardmap against its peers"
    echo
    echo "$(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) at the start;"
    echo "wardmap $(git -C "$root" rev-parse --short HEAD)$(git -C "$root" diff --quiet HEAD -- src || echo ' (with uncommitted changes)'),"
    echo "$("$hyperfine" --version), mapshaper $("$mapshaper" -v 2>&1),"
    echo "geopandas $("$python" -c 'import geopandas, pyogrio, matplotlib, shapely; print(geopandas.__version__, "/ pyogrio", pyogrio.__version__, "(GDAL", pyogrio.__gdal_version_string__ + ") / matplotlib", matplotlib.__version__, "/ shapely", shapely.__version__)')."
    echo
} > "$results/results.md"
echo "| command | peak RSS (MiB) | wall (s) |" > "$results/memory.md"
echo "|---|---|---|" >> "$results/memory.md"

# peak NAME COMMAND...: one run under /usr/bin/time -v, its peak resident memory into memory.md.
peak() {
    local name=$1
    shift
    local log="$work/time-$name.log"
    if ! /usr/bin/time -v "$@" > /dev/null 2> "$log"; then
        echo "run.sh: $name failed:" >&2
        cat "$log" >&2
        exit 1
    fi
    local kib wall
    kib=$(sed -n 's/^\s*Maximum resident set size (kbytes): //p' "$log")
    wall=$(sed -n 's/^\s*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$log")
    awk -v n="$name" -v k="$kib" -v w="$wall" 'BEGIN { printf "| %s | %.0f | %s |\n", n, k / 1024, w }' >> "$results/memory.md"
}

# bench ROW RUNS NAME COMMAND [NAME COMMAND ...]: one hyperfine call over all the commands (the
# first, wardmap's, is the reference), into ROW.md and ROW.json; with ROUNDS=N, N calls in turn,
# the later ones into ROW.rK.md and ROW.rK.json.
bench() {
    local row=$1 runs=$2
    shift 2
    local args=(--reference-name "$1" --reference "$2")
    shift 2
    while [ $# -gt 0 ]; do
        args+=(-n "$1" "$2")
        shift 2
    done
    local round suffix
    rm -f "$results/$row".r*.json "$results/$row".r*.md
    for round in $(seq 1 "$rounds"); do
        suffix=$([ "$round" = 1 ] || echo ".r$round")
        echo "== $row${suffix:+ (round $round of $rounds)}"
        "$hyperfine" --warmup 1 --runs "$runs" --style basic \
            --export-markdown "$results/$row$suffix.md" --export-json "$results/$row$suffix.json" "${args[@]}"
    done
}

for row in "${rows[@]}"; do
    case $row in
        summary)
            wm="$wardmap --boundaries $synth --results $synth_results summary"
            ms="$mapshaper -i $synth -info"
            gp="$python $here/geopandas_summary.py $synth $synth_results"
            fl="$floor $synth"
            bench summary "$runs_slow" "wardmap summary" "$wm" "mapshaper -info" "$ms" \
                "geopandas read+join" "$gp" "serde floor" "$fl"
            peak "wardmap summary (10k)" $wm
            peak "mapshaper -info (10k)" $ms
            peak "geopandas read+join (10k)" $gp
            peak "serde floor (10k)" $fl
            ;;
        barnet-png)
            wm="$wardmap --boundaries $barnet_wards --results $barnet_2018 export --election 2018 --width 1600 --out $work/wardmap-barnet.png --force"
            emb="$wardmap export --election 2018 --width 1600 --out $work/wardmap-barnet-embedded.png --force"
            gp="$python $here/geopandas_png.py $barnet_wards $barnet_2018 $work/geopandas-barnet.png --width 1600"
            bench barnet-png "$runs_fast" "wardmap export PNG (files)" "$wm" "geopandas+matplotlib PNG" "$gp" \
                "wardmap export PNG (embedded data)" "$emb"
            peak "wardmap export Barnet 2018 PNG (files)" $wm
            peak "wardmap export Barnet 2018 PNG (embedded)" $emb
            peak "geopandas+matplotlib Barnet 2018 PNG" $gp
            cp "$work/wardmap-barnet.png" "$work/geopandas-barnet.png" "$results/"
            ;;
        barnet-svg)
            wm="$wardmap --boundaries $barnet_wards --results $barnet_2018 export --election 2018 --out $work/wardmap-barnet.svg --force"
            ms="$mapshaper -i $barnet_wards -o $work/mapshaper-barnet.svg force"
            bench barnet-svg "$runs_fast" "wardmap export SVG (files)" "$wm" "mapshaper -o out.svg" "$ms"
            peak "wardmap export Barnet 2018 SVG (files)" $wm
            peak "mapshaper Barnet SVG" $ms
            ;;
        png-10k)
            wm="$wardmap --boundaries $synth --results $synth_results export --no-labels --width 1600 --out $work/wardmap-10k.png --force"
            gp="$python $here/geopandas_png.py $synth $synth_results $work/geopandas-10k.png --width 1600"
            bench png-10k "$runs_slow" "wardmap export PNG, no labels (10k)" "$wm" "geopandas+matplotlib PNG (10k)" "$gp"
            peak "wardmap export PNG no labels (10k)" $wm
            peak "geopandas+matplotlib PNG (10k)" $gp
            cp "$work/wardmap-10k.png" "$work/geopandas-10k.png" "$results/"
            ;;
    esac
done

# The summary: every command's median and range, how many times slower than wardmap's first
# command of its row, and for the summary row the rate in MB/s of GeoJSON.
python3 - "$results" "$synth" "${rows[@]}" >> "$results/results.md" <<'EOF'
import glob, json, os, statistics, sys
results, synth, rows = sys.argv[1], sys.argv[2], sys.argv[3:]
size = os.path.getsize(synth) if os.path.exists(synth) else None
print("| row | command | median (s) | min–max (s) | runs | × wardmap | MB/s | CPU user+sys, mean (s) |")
print("|---|---|---|---|---|---|---|---|")
for row in dict.fromkeys(rows):
    times, cpu = {}, {}
    files = [os.path.join(results, row + ".json")] + sorted(glob.glob(os.path.join(results, row + ".r*.json")))
    for name in files:
        with open(name) as f:
            for run in json.load(f)["results"]:
                times.setdefault(run["command"], []).extend(run["times"])
                cpu.setdefault(run["command"], []).extend([run["user"] + run["system"]] * len(run["times"]))
    reference = None
    for command, runs in times.items():
        median = statistics.median(runs)
        if reference is None:
            reference = median
        rate = f"{size / 1e6 / median:.0f}" if row == "summary" and size else ""
        ratio = f"{median / reference:.2f}"
        print(f"| {row} | {command} | {median:.3f} | {min(runs):.3f}–{max(runs):.3f} | {len(runs)} | {ratio} | {rate} | {statistics.mean(cpu[command]):.2f} |")
if size:
    print(f"\nThe synthetic file: {size} bytes ({size / 1e6:.1f} MB).")
print("\n× wardmap: the command's median over the median of the row's first (wardmap) command; above 1, wardmap is faster.")
print("CPU: user + system time per run, summed over threads (above the wall time where a command runs on several cores).")
EOF
{
    echo
    echo "Peak memory, one run each under /usr/bin/time -v:"
    echo
    cat "$results/memory.md"
} >> "$results/results.md"
echo
cat "$results/results.md"
echo
echo "Tables in $results"
