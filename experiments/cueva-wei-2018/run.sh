#!/usr/bin/env bash
# The full-size runs (not run yet on 2 cores: 5.8 s per step at minibatch 500 was measured with
# two other trainings sharing the cores, so up to 8 hours per arena for 5000 steps): cueva-wei.groovy in the square, the hexagon and the
# triangle, all of 1 m². See README.md.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
RNNLAB="${RNNLAB:-$HERE/../../rnnlab}"
OUT="${1:-runs/cueva-wei-2018}"

for shape in "square 1.0" "hexagon 0.6204" "triangle 1.5197"; do
  read -r arena side <<< "$shape"
  "$RNNLAB" run "$HERE/cueva-wei.groovy" --set task.arena="$arena" --set task.sideM="$side" \
    --out "$OUT/$arena"
done
