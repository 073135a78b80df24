#!/usr/bin/env bash
# Trains every script in this folder and prints a Markdown table of accuracy against chance.
#   experiments/neurogym-zoo/run-all.sh [RUNS_DIR]
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$HERE/../.."
RUNS="${1:-$ROOT/runs/neurogym-zoo}"
echo "| task | accuracy (200 trials) | chance | final loss (last 100 steps) | ms/step |"
echo "|---|---|---|---|---|"
for script in "$HERE"/*.yaml; do
  id="$(basename "$script" .yaml)"
  out="$RUNS/$id"
  rm -rf "$out"
  "$ROOT/rnnlab" run "$script" --quiet --out "$out" > "$RUNS.$id.log" 2>&1 || { echo "| $id | failed, see $RUNS.$id.log | | | |"; continue; }
  python3 - "$out/summary.json" "$id" <<'PY'
import json, sys
s = json.load(open(sys.argv[1]))
# One over the answers, or for reaching-1d the expected share of its commonest last-step action
# (left or right: a target more than 0.225 rad from the start is not reached in five steps).
chances = {"anti-reach": 1 / 32, "reaching-1d": (1 - 0.225 / 3.14159) / 2}
# Closed-loop reaching reports its cost 1 - cos(error) per reach step instead of an accuracy: an
# agent that never moves costs 1.0, an ideal one 0.905 (defaults) or 0.279 (speed 5; decision 24).
ideal = {"reaching-1d-closed-loop": 0.905, "reaching-1d-closed-loop-fast": 0.279}
loss = s['final_loss_mean_last_100']
if sys.argv[2] in ideal:
    print(f"| `{sys.argv[2]}` | cost {loss:.3f} (ideal {ideal[sys.argv[2]]:.3f}) | cost 1.000 | {loss:.3f} | {s['ms_per_step']:.1f} |")
else:
    chance = chances.get(sys.argv[2], 1 / 2)
    print(f"| `{sys.argv[2]}` | {s['accuracy']:.3f} | {chance:.3f} | {loss:.3f} | {s['ms_per_step']:.1f} |")
PY
done
