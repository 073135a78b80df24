#!/usr/bin/env bash
# Benchmark: milliseconds per training step of the perceptual-decision-making reproduction
# (leaky ReLU RNN, 128 units, batch 16, sequence 100, Adam), measured by rnnlab's own trainer
# over STEPS steps after a warm-up, REPEATS times. Prints one line per repeat and the median.
#
#   bench/training-step.sh [STEPS] [REPEATS]
#
# The figure is the trainer's ms_per_step (forward, backward, clipping check, update, metrics
# row; the first 3 steps excluded). Results are recorded in docs/performance.md.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
STEPS="${1:-300}"
REPEATS="${2:-3}"
OUT="$(mktemp -d)"
trap 'rm -rf "$OUT"' EXIT
values=()
for i in $(seq 1 "$REPEATS"); do
  "$ROOT/rnnlab" run "$ROOT/experiments/perceptual-decision-making/pdm.groovy" \
    --set train.steps="$STEPS" --set evaluation.trials=1 --set analyses=[] \
    --quiet --out "$OUT/run-$i" > /dev/null
  ms=$(python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['ms_per_step'])" \
       "$OUT/run-$i/summary.json")
  echo "repeat $i: $ms ms/step"
  values+=("$ms")
done
printf '%s\n' "${values[@]}" | sort -g | awk '{a[NR]=$1} END {print "median: " a[int((NR+1)/2)] " ms/step over " NR " repeats"}'
echo "machine: $(nproc) cores, $(java -version 2>&1 | head -1)"
