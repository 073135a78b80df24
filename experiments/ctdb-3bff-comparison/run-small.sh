#!/usr/bin/env bash
# The small 3-bit flip-flop comparison (about 20 minutes on 2 cores): two 128-unit GRUs (seeds 0
# and 1) and a 3-D neural ODE on 200-step trials, then latents and fixed points of the GRU, and
# state R², CCA and DSA between GRU and NODE and between the two GRUs; last, FixedPointFinder's
# flip-flop example (1 minute). See README.md.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
RNNLAB="${RNNLAB:-$HERE/../../rnnlab}"
OUT="${1:-runs/ctdb-3bff-comparison-small}"

"$RNNLAB" run "$HERE/gru-small.groovy" --out "$OUT/gru-seed0" --quiet
"$RNNLAB" run "$HERE/gru-small.groovy" --set seed=1 --out "$OUT/gru-seed1" --quiet
"$RNNLAB" run "$HERE/node-small.yaml" --out "$OUT/node-seed0" --quiet

"$RNNLAB" analyze "$OUT/gru-seed0" --analysis latents --analysis fixed-points \
  --set fixed-points.initialStates=256 --set fixed-points.learningRate=0.01
"$RNNLAB" analyze "$OUT/node-seed0" --analysis latents

"$RNNLAB" compare "$OUT/gru-seed0" "$OUT/node-seed0" \
  --analysis state-r2 --analysis cca --analysis dsa --out "$OUT/gru-vs-node"
"$RNNLAB" compare "$OUT/gru-seed0" "$OUT/gru-seed1" \
  --analysis state-r2 --analysis cca --analysis dsa --out "$OUT/gru-vs-gru"

# FixedPointFinder's own flip-flop example: the network whose fixed points are the published cube.
"$RNNLAB" run "$HERE/fpf-flip-flop.groovy" --out "$OUT/fpf-flip-flop" --quiet
