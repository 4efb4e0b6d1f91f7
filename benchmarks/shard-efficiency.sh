#!/usr/bin/env bash
# Efficiency of shards against threads on this machine: N replications of a preset as one process on two threads,
# against SHARDS run-shard processes (one thread each, two at a time; default 2, side by side) plus the merge; rounds alternate so the
# machine's drift hits both. Prints each round's seconds and the efficiency (one process / shards), and checks the
# merged JSON equals the single run's.
#   bash benchmarks/shard-efficiency.sh                      10^5 replications of venezuela-2019, 3 rounds
#   RUNS=20000 ROUNDS=2 PRESET=venezuela-2019-amnesty bash benchmarks/shard-efficiency.sh
#   SHARDS=10 bash benchmarks/shard-efficiency.sh            10 shards run two at a time (xargs -P 2), as a scheduler would
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${RUNS:-100000}; rounds=${ROUNDS:-3}; preset=${PRESET:-venezuela-2019}; nshards=${SHARDS:-2}
dotnet build src/SanctionsSim.Cli -c Release -v quiet -nologo >/dev/null
cli="dotnet src/SanctionsSim.Cli/bin/Release/net10.0/SanctionsSim.Cli.dll"
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
for ((r = 1; r <= rounds; r++)); do
  start=$(date +%s.%N)
  $cli run --preset "$preset" --runs "$runs" --seed 5 --threads 2 --format json > "$work/single.json"
  single=$(echo "$(date +%s.%N) - $start" | bc)
  rm -rf "$work/plan"
  $cli plan --preset "$preset" --runs "$runs" --seed 5 --shards "$nshards" --out "$work/plan" > /dev/null
  start=$(date +%s.%N)
  seq 0 $((nshards - 1)) | xargs -P 2 -I{} $cli run-shard --plan "$work/plan" --index {} --threads 1 2> /dev/null
  $cli merge "$work/plan" --format json > "$work/merged.json"
  shards=$(echo "$(date +%s.%N) - $start" | bc)
  cmp -s "$work/single.json" "$work/merged.json" || { echo "round $r: the merged JSON differs from the single run" >&2; exit 1; }
  printf 'round %d: one process on 2 threads %.1f s, '"$nshards"' shard processes two at a time + merge %.1f s, efficiency %.2f (identical results)\n' "$r" "$single" "$shards" "$(echo "$single / $shards" | bc -l)"
done
