#!/usr/bin/env bash
# A sharded calibration on Slurm: each generation is one job array of the plan's shards (slurm.sbatch beside this
# script), then a merge; repeated until the plan folder holds calibration.json. Only the shards still missing are
# submitted, so the loop also resumes after an interruption.
#   sanctionssim plan calibrate --particles 2000 --shards 16 --out /shared/cal
#   bash docs/scale-out/slurm-calibrate.sh /shared/cal [more sbatch options, e.g. --partition=long]
set -euo pipefail
plan=${1:?usage: slurm-calibrate.sh PLAN_DIR [sbatch options…]}
shift
here=$(cd "$(dirname "$0")" && pwd)
until [ -f "$plan/calibration.json" ]; do
  missing=$(sanctionssim merge "$plan" --missing | paste -sd, -)
  if [ -n "$missing" ]; then
    sbatch --wait --array="$missing" "$@" "$here/slurm.sbatch" "$plan"
  fi
  sanctionssim merge "$plan"
done
