#!/usr/bin/env bash
# Trains every script in this folder and prints a Markdown table of each score against chance.
#   experiments/neurogym-zoo/run-all.sh [RUNS_DIR]
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$HERE/../.."
RUNS="${1:-$ROOT/runs/neurogym-zoo}"
echo "| task | score (200 trials) | chance | final loss (last 100 steps) | ms/step |"
echo "|---|---|---|---|---|"
for script in "$HERE"/*.yaml; do
  id="$(basename "$script" .yaml)"
  out="$RUNS/$id"
  rm -rf "$out"
  "$ROOT/rnnlab" run "$script" --quiet --out "$out" > "$RUNS.$id.log" 2>&1 || { echo "| $id | failed, see $RUNS.$id.log | | | |"; continue; }
  python3 - "$out" "$id" <<'PY'
import json, os, sys
run, task = sys.argv[1], sys.argv[2]
s = json.load(open(os.path.join(run, "summary.json")))
loss = s["final_loss_mean_last_100"]
if "production_accuracy" in s:
    # Timing tasks: chance is the best constant response (one interval for every trial) judged by
    # the same 20 % margin, from the held-out trials' targets.
    m = json.load(open(os.path.join(run, "analysis/interval-production/metrics.json")))
    targets = {float(k): v["trials"] for k, v in m["by_target_ms"].items()}
    n = sum(targets.values())
    best = max(sum(c for t, c in targets.items() if abs(r - t) <= m["margin"] * t)
               for r in range(0, int(2 * max(targets)) + 1))
    score, chance = f"{s['production_accuracy']:.3f}", f"{best / n:.3f}"
elif "r2" in s:
    # Continuous targets: R² of the outputs; a network ignoring its inputs scores about 0.
    score, chance = f"R² {s['r2']:.3f}", "R² 0"
elif task.startswith("reaching-1d-closed-loop"):
    # Cost 1 - cos(error) per reach step: 1.0 for an agent that never moves, 0.905 (defaults) or
    # 0.279 (speed 5) for an ideal one (decision 24).
    ideal = {"reaching-1d-closed-loop": 0.905, "reaching-1d-closed-loop-fast": 0.279}[task]
    score, chance = f"cost {loss:.3f} (ideal {ideal:.3f})", "cost 1.000"
else:
    # One over the answers, or for reaching-1d the expected share of its commonest last-step
    # action (left or right: a target more than 0.225 rad from the start is not reached in five
    # steps).
    chances = {"anti-reach": 1 / 32, "reaching-1d": (1 - 0.225 / 3.14159) / 2}
    score, chance = f"{s['accuracy']:.3f}", f"{chances.get(task, 1 / 2):.3f}"
print(f"| `{task}` | {score} | {chance} | {loss:.3f} | {s['ms_per_step']:.1f} |")
PY
done
