#!/usr/bin/env bash
# Speed of this working tree against an earlier commit, measured side by side in one session: both builds'
# command lines run the same jobs, alternating old and new round by round, so drift of the machine (this VM
# varies by 15-25 % within minutes) hits both alike. Prints each job's seconds per build (minimum and median of
# the rounds) and the ratio new / old of the minima. Results need not agree: only time is compared.
#
#   bash benchmarks/compare-builds.sh c2f5f2e          7 rounds
#   ROUNDS=11 bash benchmarks/compare-builds.sh HEAD~3
#   JOBS=$'run my.json --runs 4000 --threads 1 --format json' bash benchmarks/compare-builds.sh HEAD~3   other jobs (one per line)
set -euo pipefail
cd "$(dirname "$0")/.."
rev=${1:?usage: compare-builds.sh REV}
rounds=${ROUNDS:-7}
work=$(mktemp -d)
trap 'git worktree remove --force "$work/old" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
git worktree add --detach "$work/old" "$rev" >/dev/null 2>&1
dotnet build "$work/old/src/SanctionsSim.Cli" -c Release -v quiet -nologo >/dev/null
dotnet build src/SanctionsSim.Cli -c Release -v quiet -nologo >/dev/null
# copies, so that a rebuild of the tree during the measurement cannot swap assemblies under a running job
cp -r "$work/old/src/SanctionsSim.Cli/bin/Release/net10.0" "$work/old-bin"
cp -r src/SanctionsSim.Cli/bin/Release/net10.0 "$work/new-bin"
jobs=(
  "run --preset venezuela-2019 --runs 4000 --threads 1 --format json"
  "run --preset venezuela-2019-amnesty --runs 4000 --threads 1 --format json"
  "run --preset venezuela-2019 --runs 10000 --threads 2 --format json"
  "cascade watts --nodes 10000 --mean-degree 4 --threshold 0.18 --runs 4000 --threads 1 --format json"
)
if [ -n "${JOBS:-}" ]; then
  mapfile -t jobs <<< "$JOBS"
fi
echo "old: $rev ($(git rev-parse --short "$rev")), new: working tree of $(git rev-parse --short HEAD); $rounds rounds, $(nproc) cores"
for job in "${jobs[@]}"; do
  : > "$work/old.t"; : > "$work/new.t"
  for ((r = 0; r < rounds; r++)); do
    for build in old new; do
      start=$(date +%s.%N)
      # shellcheck disable=SC2086
      "$work/$build-bin/SanctionsSim.Cli" $job > /dev/null
      end=$(date +%s.%N)
      echo "$end - $start" | bc >> "$work/$build.t"
    done
  done
  python3 - "$job" "$work/old.t" "$work/new.t" <<'PY'
import sys, statistics
job, old, new = sys.argv[1], [float(x) for x in open(sys.argv[2])], [float(x) for x in open(sys.argv[3])]
print(f"{job}\n  old min {min(old):.2f} s, median {statistics.median(old):.2f} s | new min {min(new):.2f} s, median {statistics.median(new):.2f} s | new/old {min(new)/min(old):.3f} (medians {statistics.median(new)/statistics.median(old):.3f})")
PY
done
