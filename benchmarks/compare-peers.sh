#!/usr/bin/env bash
# Side-by-side: the Watts (2002) experiment in SanctionsSim and in the Python peers of benchmarks/peers/
# (python-igraph, networkx), on the same machine, in one session. Prints runs/s and the ratios.
#
#   bash benchmarks/compare-peers.sh            N = 10,000 and 100,000 (about five minutes)
#
# Set-up for the peers (Debian packages): apt-get install -y python3-networkx python3-numpy python3-scipy python3-igraph
set -euo pipefail
cd "$(dirname "$0")/.."
PEER=benchmarks/peers/watts_peer.py
PY=/usr/bin/python3
dotnet build src/SanctionsSim.Cli -c Release -v quiet -nologo >/dev/null
CLI="dotnet src/SanctionsSim.Cli/bin/Release/net10.0/SanctionsSim.Cli.dll"

wall() { # N RUNS THREADS -> seconds of wall clock of the whole `sanctionssim cascade watts` process
  local start end
  start=$(date +%s.%N)
  $CLI cascade watts --nodes "$1" --mean-degree 4 --threshold 0.18 --runs "$2" --seed 1 --threads "$3" --format json > /tmp/sanctionssim-watts-$1.json
  end=$(date +%s.%N)
  $PY -c "print($end - $start)"
}

rate_sanctionssim() { # N RUNS THREADS -> "runs/s excluding start-up, runs/s including it"
  # The peers time their run loop only (interpreter start-up and imports excluded), so the fair figure
  # subtracts our own start-up: the wall clock of a 1-run invocation (JIT, scenario, first graph).
  local one many
  one=$(wall "$1" 1 "$3")
  many=$(wall "$1" "$2" "$3")
  $PY -c "print(round(($2 - 1) / ($many - $one), 1), round($2 / $many, 1))"
}

rate_peer() { # TOOL N RUNS [ARGS] -> runs/s as the peer reports it
  $PY "$PEER" --tool "$1" --n "$2" --z 4 --phi 0.18 --runs "$3" --seed 1 "${@:4}" | $PY -c "import json,sys; d=json.load(sys.stdin); print(d['runs_per_second'], d['cascade_frequency'])"
}

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); $(date -u +%Y-%m-%d)"
echo "model: Watts (2002), Erdős–Rényi z = 4, phi = 0.18, one seed, a new graph every run"
for spec in "10000 20000 2000 400 200" "100000 2000 300 40 20"; do
  set -- $spec
  n=$1; ours=$2; igr=$3; nx=$5
  read -r s1 s1raw < <(rate_sanctionssim "$n" "$ours" 1)
  read -r s2 s2raw < <(rate_sanctionssim "$n" "$ours" 2)
  freq=$($PY -c "import json; print(json.load(open('/tmp/sanctionssim-watts-$n.json'))['globalCascadeFrequency']['estimate'])")
  read -r ig igf < <(rate_peer igraph "$n" "$igr")
  read -r nxr nxf < <(rate_peer networkx "$n" "$nx")
  echo
  echo "N = $n"
  printf '  %-28s %10s runs/s   (%s with start-up; global-cascade frequency %s)\n' "SanctionsSim, 1 thread" "$s1" "$s1raw" "$freq"
  printf '  %-28s %10s runs/s   (%s with start-up)\n' "SanctionsSim, 2 threads" "$s2" "$s2raw"
  printf '  %-28s %10s runs/s   (%s)\n' "python-igraph (vectorised)" "$ig" "$igf"
  printf '  %-28s %10s runs/s   (%s)\n' "networkx" "$nxr" "$nxf"
  $PY -c "print('  ratio vs igraph: %.1fx (1 thread), %.1fx (2 threads; %.1fx counting our start-up); vs networkx: %.1fx (2 threads)' % ($s1/$ig, $s2/$ig, $s2raw/$ig, $s2/$nxr))"
done
