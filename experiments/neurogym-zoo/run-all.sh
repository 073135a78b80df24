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
elif task == "delay-match-sample-distractor-1d":
    # NeuroGym's criterion: the first "match" after the sample must fall in the test that repeats
    # it. Chance 1/3: without the sample, each test is equally likely to be the match.
    import numpy as np
    z = np.load(os.path.join(run, "evaluation/trials.npz"))
    names = list(json.load(open(os.path.join(run, "evaluation/trials.json")))["trials"][0]["periods"])
    start, end, choice = z["period_start"], z["period_end"], z["outputs"].argmax(-1)
    correct = 0
    for i, m in enumerate(z["meta_matchTest"].astype(int)):
        s0 = end[i, names.index("sample")]
        hits = (choice[i, s0:z["lengths"][i]] == 1).nonzero()[0]
        test = names.index(f"test{m}")
        correct += len(hits) > 0 and start[i, test] <= s0 + hits[0] < end[i, test]
    score, chance = f"{correct / len(z['lengths']):.3f}", f"{1 / 3:.3f}"
elif task == "reaching-delay-response":
    # NeuroGym's performance: 1/(1 + |position - x|)^2 at the first decision step whose go output
    # is positive, 0 without one. Chance: position 0.5 on every trial, 2/3 for x uniform in [0, 1).
    import numpy as np
    z = np.load(os.path.join(run, "evaluation/trials.npz"))
    names = list(json.load(open(os.path.join(run, "evaluation/trials.json")))["trials"][0]["periods"])
    d = names.index("decision")
    out, x = z["outputs"], z["meta_targetPosition"]
    perf = []
    for i in range(len(x)):
        go = (out[i, z["period_start"][i, d]:z["period_end"][i, d], 0] > 0).nonzero()[0]
        p = out[i, z["period_start"][i, d] + go[0], 1] if len(go) else None
        perf.append(0.0 if p is None else 1 / (1 + abs(p - x[i])) ** 2)
    score, chance = f"performance {sum(perf) / len(perf):.3f} (R² {s['r2']:.3f})", f"{2 / 3:.3f}"
elif "r2" in s:
    # Continuous targets: R² of the outputs; a network ignoring its inputs scores about 0.
    score, chance = f"R² {s['r2']:.3f}", "R² 0"
elif task.startswith("reaching-1d-closed-loop"):
    # Cost 1 - cos(error) per reach step: 1.0 for an agent that never moves, 0.905 (defaults) or
    # 0.279 (speed 5) for an ideal one (decision 24).
    ideal = {"reaching-1d-closed-loop": 0.905, "reaching-1d-closed-loop-fast": 0.279}[task]
    score, chance = f"cost {loss:.3f} (ideal {ideal:.3f})", "cost 1.000"
else:
    # One over the answers, or for the two reaching-1d tasks the expected share of their commonest
    # last-step action (left or right: a target more than 0.225 rad from the start is not reached
    # in five steps).
    reach = (1 - 0.225 / 3.14159) / 2
    chances = {"anti-reach": 1 / 32, "reaching-1d": reach, "reaching-1d-self-distraction": reach}
    score, chance = f"{s['accuracy']:.3f}", f"{chances.get(task, 1 / 2):.3f}"
print(f"| `{task}` | {score} | {chance} | {loss:.3f} | {s['ms_per_step']:.1f} |")
PY
done
