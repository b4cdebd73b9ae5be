#!/usr/bin/env bash
# Frames per second while the map is dragged, whole process under Xvfb (issue 14's panning rows).
#
#   benches/peers/frames.sh [barnet|10k] [SECONDS]
#
# Starts a virtual X server (Mesa llvmpipe, as on CI), opens the release wardmap on Barnet (the
# built-in data) or on the 10k synthetic wards (`--synthetic 10000`), waits for the first frame,
# then drags the map to and fro with xdotool for SECONDS (default 20) while the app prints the
# frames it presented each second (WARDMAP_TIMING=frames). Prints each second's line and the
# median of the seconds spent dragging. Needs Xvfb and xdotool (apt install xvfb xdotool).
# Environment: CARGO_TARGET_DIR_RELEASE (default /work/target-release) for the binary.
set -euo pipefail

what=${1:-barnet}
seconds=${2:-20}
target=${CARGO_TARGET_DIR_RELEASE:-/work/target-release}
wardmap="$target/release/wardmap"
for tool in Xvfb xdotool "$wardmap"; do
    command -v "$tool" >/dev/null || [ -x "$tool" ] || { echo "frames.sh: $tool is missing" >&2; exit 1; }
done
case $what in
    barnet) args=() ; settle=4 ;;
    10k) args=(--synthetic 10000) ; settle=12 ;;
    *) echo "frames.sh: barnet or 10k, not $what" >&2; exit 2 ;;
esac

runtime=$(mktemp -d)
chmod 700 "$runtime"
Xvfb -displayfd 3 -screen 0 1600x1000x24 -nolisten tcp 3>"$runtime/display" >/dev/null 2>&1 &
xvfb=$!
app=
cleanup() { [ -n "$app" ] && kill "$app" 2>/dev/null; kill "$xvfb" 2>/dev/null; rm -rf "$runtime"; }
trap cleanup EXIT
for _ in $(seq 50); do [ -s "$runtime/display" ] && break; sleep 0.1; done
export DISPLAY=":$(head -n1 "$runtime/display")"

HOME=$runtime XDG_RUNTIME_DIR=$runtime WARDMAP_TIMING=frames "$wardmap" "${args[@]}" 2>"$runtime/frames.log" &
app=$!
sleep "$settle"
window=$(xdotool search --sync --onlyvisible --pid "$app" | head -n1)
xdotool windowmove "$window" 0 0 windowsize "$window" 1400 900
sleep 2
start_line=$(wc -l <"$runtime/frames.log")
# Drag the map (right of the side panel) in a square, 10 px a step, as fast as X takes it.
xdotool mousemove 900 450 mousedown 1
end=$((SECONDS + seconds))
while [ $SECONDS -lt $end ]; do
    for dx in 10 10 10 10 10 0 0 0 0 0 -10 -10 -10 -10 -10 0 0 0 0 0; do
        dy=$(( dx == 0 ? 10 : 0 ))
        [ $(( (SECONDS / 2) % 2 )) -eq 0 ] || dy=$(( -dy ))
        xdotool mousemove_relative -- "$dx" "$dy"
    done
done
xdotool mouseup 1
sleep 1.5
echo "== $what: seconds while dragging ($seconds s)"
tail -n +"$((start_line + 1))" "$runtime/frames.log" | grep "frames in the last second" | tee "$runtime/drag.log"
python3 - "$runtime/drag.log" <<'PY'
import re, statistics, sys
fps = [int(m.group(1)) for line in open(sys.argv[1]) if (m := re.search(r": (\d+) frames in the last second", line))]
# The first and last seconds straddle the start and end of the drag.
inner = fps[1:-1] if len(fps) > 2 else fps
if inner:
    print(f"median {statistics.median(inner)} frames/s over {len(inner)} s (min {min(inner)}, max {max(inner)})")
else:
    print("no frame lines: is WARDMAP_TIMING=frames supported by this build?")
PY
