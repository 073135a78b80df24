#!/usr/bin/env bash
# Benchmark: milliseconds per training step, measured by rnnlab's own trainer over STEPS steps
# after a warm-up, REPEATS times. Prints one line per repeat and the median.
#
#   bench/training-step.sh [STEPS] [REPEATS]
#       the perceptual-decision-making reproduction as written (leaky ReLU RNN, 128 units,
#       batch 16, sequence 100, Adam)
#   bench/training-step.sh STEPS REPEATS MODEL HIDDEN BATCH SEQUENCE [LR]
#       the same task and loss with another model and size, e.g. 300 3 gru 128 16 100;
#       MODEL is a model id; leaky-rnn keeps the reproduction's tau 100 ms and ReLU; LR replaces
#       Adam's learning rate (default the reproduction's 0.01)
#   bench/training-step.sh --cells [HIDDEN] [BATCH] [SEQUENCE] [REPEATS]
#       PyTorch's fused GRU and LSTM operators alone against the gru and lstm models' forward
#       pass, forward and forward+backward (FusedCellBenchmark, an opt-in test in
#       plugins/recurrent-models; defaults 128 16 100 30); needs the modules installed (mvn install)
#   bench/training-step.sh --matrix [STEPS] [REPEATS]
#       leaky-rnn, gru and lstm at hidden 128 / batch 16 / sequence 100 and at
#       hidden 512 / batch 64 / sequence 500, one median per line (default 30 steps, 1 repeat:
#       the large size takes seconds per step). The large size trains with learning rate 0.001:
#       at 0.01 the 512-unit ReLU network's first update already makes its gradients overflow,
#       which stops the run (the rate does not change the time per step)
#
# The figure is the trainer's ms_per_step (batch, forward, backward, finiteness check, update,
# metrics row; the first 3 steps excluded). Results are recorded in docs/performance.md.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUT="$(mktemp -d)"
trap 'rm -rf "$OUT"' EXIT

# median STEPS REPEATS [--set ...]: prints each repeat and returns the median in $MEDIAN.
median() {
  local steps="$1" repeats="$2"
  shift 2
  local values=() i ms
  for i in $(seq 1 "$repeats"); do
    rm -rf "$OUT/run"
    "$ROOT/rnnlab" run "$ROOT/experiments/perceptual-decision-making/pdm.groovy" \
      --set train.steps="$steps" --set evaluation.trials=1 --set analyses=[] "$@" \
      --quiet --out "$OUT/run" > /dev/null
    ms=$(python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['ms_per_step'])" \
         "$OUT/run/summary.json")
    echo "  repeat $i: $ms ms/step" >&2
    values+=("$ms")
  done
  MEDIAN=$(printf '%s\n' "${values[@]}" | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
}

# model_sets MODEL HIDDEN BATCH SEQUENCE [LR]: the --set arguments for one configuration.
model_sets() {
  local model="$1" hidden="$2" batch="$3" sequence="$4" lr="${5:-}" spec
  if [ "$model" = leaky-rnn ]; then
    spec="{id: leaky-rnn, hidden: $hidden, tau: 100, activation: relu}"
  else
    spec="{id: $model, hidden: $hidden}"
  fi
  SETS=(--set "model=$spec" --set train.batch="$batch" --set train.sequenceLength="$sequence")
  if [ -n "$lr" ]; then
    SETS+=(--set train.optimizer.lr="$lr")
  fi
}

machine() {
  echo "machine: $(nproc) cores, $(java -version 2>&1 | head -1), RNNLAB_THREADS=${RNNLAB_THREADS:-1}"
}

if [ "${1:-}" = --cells ]; then
  HIDDEN="${2:-128}" BATCH="${3:-16}" SEQUENCE="${4:-100}" REPEATS="${5:-30}"
  (cd "$ROOT" && mvn -B -o -q test -pl plugins/recurrent-models -Dtest=FusedCellBenchmark \
    -Drnnlab.benchmark=true -Drnnlab.benchmark.hidden="$HIDDEN" -Drnnlab.benchmark.batch="$BATCH" \
    -Drnnlab.benchmark.steps="$SEQUENCE" -Drnnlab.benchmark.repeats="$REPEATS" \
    -Dsurefire.failIfNoSpecifiedTests=false -Dstyle.color=never) | grep -o 'BENCH .*' \
    | sed 's/^BENCH /  /'
  machine
  exit 0
fi

if [ "${1:-}" = --matrix ]; then
  STEPS="${2:-30}"
  REPEATS="${3:-1}"
  echo "model       hidden batch sequence  ms/step (median of $REPEATS x $STEPS steps)"
  for size in "128 16 100 0.01" "512 64 500 0.001"; do
    for model in leaky-rnn gru lstm; do
      read -r hidden batch sequence lr <<< "$size"
      model_sets "$model" "$hidden" "$batch" "$sequence" "$lr"
      median "$STEPS" "$REPEATS" "${SETS[@]}"
      printf '%-11s %6s %5s %8s  %s\n' "$model" "$hidden" "$batch" "$sequence" "$MEDIAN"
    done
  done
  machine
  exit 0
fi

STEPS="${1:-300}"
REPEATS="${2:-3}"
SETS=()
what="the perceptual-decision-making reproduction"
if [ $# -ge 3 ]; then
  if [ $# -lt 6 ] || [ $# -gt 7 ]; then
    echo "usage: bench/training-step.sh STEPS REPEATS MODEL HIDDEN BATCH SEQUENCE [LR]" >&2
    exit 2
  fi
  model_sets "$3" "$4" "$5" "$6" "${7:-}"
  what="$3, hidden $4, batch $5, sequence $6${7:+, learning rate $7}"
fi
echo "$what"
median "$STEPS" "$REPEATS" "${SETS[@]}"
echo "median: $MEDIAN ms/step over $REPEATS repeats"
machine
