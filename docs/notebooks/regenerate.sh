#!/usr/bin/env bash
# Runs every notebook of docs/notebooks headless (dotnet-repl) against the packages of this working tree, and
# stores each with its outputs (charts and tables included), so a reader sees them without running anything.
#
#   bash docs/notebooks/regenerate.sh                  every notebook, outputs written in place
#   bash docs/notebooks/regenerate.sh --out DIR        executed copies in DIR instead (the tests use this)
#   bash docs/notebooks/regenerate.sh quick-start      only these notebooks
#
# The notebooks load SanctionsSim as a user does, with `#r "nuget: SanctionsSim.Plotting, *-*"`: no build paths,
# no versions. This script packs the solution into a local feed (SANCTIONSSIM_FEED, default
# ~/.sanctionssim/feed) and registers it once as the NuGet source "sanctionssim-local" in your user configuration.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
out="$here"
names=()
while [ $# -gt 0 ]; do
  case "$1" in
    --out) out=$(mkdir -p "$2" && cd "$2" && pwd); shift 2 ;;
    *) names+=("$1"); shift ;;
  esac
done
feed=${SANCTIONSSIM_FEED:-$HOME/.sanctionssim/feed}
mkdir -p "$feed"
# the four packages only (not the whole solution: the tests may be running from its build)
for project in SanctionsSim SanctionsSim.IO SanctionsSim.Plotting SanctionsSim.Cli; do
  dotnet pack "$repo/src/$project/$project.csproj" -c Release -o "$feed" -nologo -v quiet
done
if ! dotnet nuget list source | grep -q "sanctionssim-local"; then
  dotnet nuget add source "$feed" --name sanctionssim-local >/dev/null
fi
# a package folder of its own, so a notebook never picks up an older build cached under the same version
export NUGET_PACKAGES=${SANCTIONSSIM_NOTEBOOK_PACKAGES:-$HOME/.sanctionssim/notebook-packages}
rm -rf "$NUGET_PACKAGES/sanctionssim" "$NUGET_PACKAGES/sanctionssim.plotting" "$NUGET_PACKAGES/sanctionssim.io"
(cd "$repo" && dotnet tool restore >/dev/null)
[ ${#names[@]} -gt 0 ] || names=($(cd "$here" && ls *.ipynb | sed 's/\.ipynb$//'))
status=0
for name in "${names[@]}"; do
  echo "-- $name"
  tmp=$(mktemp -d)
  if (cd "$here" && timeout 900 dotnet repl --run "$name.ipynb" --exit-after-run --output-format ipynb --output-path "$tmp/$name.ipynb" > "$tmp/log.txt" 2>&1) && [ -s "$tmp/$name.ipynb" ]; then
    python3 "$here/tidy.py" "$tmp/$name.ipynb"
    mv "$tmp/$name.ipynb" "$out/$name.ipynb"
  else
    tail -n 20 "$tmp/log.txt"
    [ -s "$tmp/$name.ipynb" ] && mv "$tmp/$name.ipynb" "$out/$name.ipynb"
    echo "notebook $name failed" >&2
    status=1
  fi
  rm -rf "$tmp"
done
exit $status
