#!/usr/bin/env bash
# Trains five architectures on two tasks and prints one Markdown table (README.md).
#   experiments/model-comparison/compare.sh [RUNS_DIR]
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$HERE/../.."
RUNS="${1:-$ROOT/runs/model-comparison}"
mkdir -p "$RUNS"

# name | model map (YAML)
MODELS=(
  "vanilla|{id: rnn, hidden: 64}"
  "leaky|{id: leaky-rnn, hidden: 64, tau: 100}"
  "gru|{id: gru, hidden: 64}"
  "lstm|{id: lstm, hidden: 64}"
  "leaky-dale|{id: leaky-rnn, hidden: 64, tau: 100, dale: true, excitatoryFraction: 0.8}"
)

run() { # task-script model-name model-map
  local out="$RUNS/$1-$2"
  rm -rf "$out"
  "$ROOT/rnnlab" run "$HERE/$1.yaml" --quiet --out "$out" --set "model=$3" \
    > "$out.log" 2>&1 || { echo "failed: see $out.log" >&2; return 1; }
}

for entry in "${MODELS[@]}"; do
  name="${entry%%|*}"; model="${entry#*|}"
  run perceptual-decision-making "$name" "$model"
  run flip-flop "$name" "$model"
done

echo "| model | PDM accuracy | PDM final loss | PDM ms/step | 3BFF MSE | 3BFF blinded MSE | 3BFF R² | 3BFF ms/step |"
echo "|---|---|---|---|---|---|---|---|"
for entry in "${MODELS[@]}"; do
  name="${entry%%|*}"
  python3 - "$RUNS" "$name" <<'PY'
import json, sys
runs, name = sys.argv[1], sys.argv[2]
p = json.load(open(f"{runs}/perceptual-decision-making-{name}/summary.json"))
f = json.load(open(f"{runs}/flip-flop-{name}/summary.json"))
e = json.load(open(f"{runs}/flip-flop-{name}/analysis/output-error/metrics.json"))
print(f"| {name} | {p['accuracy']:.3f} | {p['final_loss_mean_last_100']:.4f} | {p['ms_per_step']:.1f} "
      f"| {e['mse']:.4f} | {e['blinded_mse']:.4f} | {e['r2']:.3f} | {f['ms_per_step']:.1f} |")
PY
done
