#!/usr/bin/env bash
# The full-size 3-bit flip-flop comparison (CtDB's configuration; about 5 hours on 2 cores): two
# 128-unit GRUs (seeds 0 and 1) and a 3-D neural ODE on 500-step trials, then latents and fixed
# points of the GRU and the NODE, and state R², CCA and DSA between GRU and NODE and between the
# two GRUs. See README.md.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
RNNLAB="${RNNLAB:-$HERE/../../rnnlab}"
OUT="${1:-runs/ctdb-3bff-comparison}"

"$RNNLAB" run "$HERE/../sussillo-barak-3bff/gru.groovy" --out "$OUT/gru-seed0"
"$RNNLAB" run "$HERE/../sussillo-barak-3bff/gru.groovy" --set seed=1 --out "$OUT/gru-seed1"
"$RNNLAB" run "$HERE/../sussillo-barak-3bff/node.yaml" --out "$OUT/node-seed0"

"$RNNLAB" analyze "$OUT/gru-seed0" --analysis latents --analysis fixed-points \
  --set fixed-points.initialStates=1024 --set fixed-points.learningRate=0.01
"$RNNLAB" analyze "$OUT/node-seed0" --analysis latents --analysis fixed-points \
  --set fixed-points.initialStates=1024 --set fixed-points.learningRate=0.01

"$RNNLAB" compare "$OUT/gru-seed0" "$OUT/node-seed0" \
  --analysis state-r2 --analysis cca --analysis dsa --out "$OUT/gru-vs-node"
"$RNNLAB" compare "$OUT/gru-seed0" "$OUT/gru-seed1" \
  --analysis state-r2 --analysis cca --analysis dsa --out "$OUT/gru-vs-gru"
