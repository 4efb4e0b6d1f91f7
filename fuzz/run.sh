#!/usr/bin/env bash
# Fuzzes the scenario reader (ScenarioJson.TryRead) with SharpFuzz + AFL++ for a bounded time.
#   apt-get install -y afl++        (once)
#   bash fuzz/run.sh [SECONDS]      (default 300); findings land in fuzz/findings/
# A crash is any exception escaping the reader; replay one with
#   dotnet fuzz/SanctionsSim.Fuzz/bin/Release/net10.0/SanctionsSim.Fuzz.dll fuzz/findings/default/crashes/<file>
# and keep it as a regression test in tests/SanctionsSim.Tests/Scenarios/FuzzRegressionTests.cs.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-300}
command -v afl-fuzz >/dev/null || { echo "afl-fuzz not found: apt-get install -y afl++"; exit 1; }
dotnet tool restore >/dev/null
dotnet build fuzz/SanctionsSim.Fuzz -c Release -nologo -v quiet
out=fuzz/SanctionsSim.Fuzz/bin/Release/net10.0
dotnet sharpfuzz "$out/SanctionsSim.dll"        # instrument the library in place (coverage for AFL)
export AFL_SKIP_BIN_CHECK=1 AFL_SKIP_CPUFREQ=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_NO_UI=1
rm -rf fuzz/findings
timeout --preserve-status $((seconds + 30)) afl-fuzz -V "$seconds" -i fuzz/corpus -o fuzz/findings -t 5000 -m none -- dotnet "$out/SanctionsSim.Fuzz.dll" || true
crashes=$(find fuzz/findings -path '*crashes/id*' 2>/dev/null | wc -l)
echo "fuzzing: $(grep -h execs_done fuzz/findings/*/fuzzer_stats 2>/dev/null | awk '{s+=$3} END {print s+0}') executions, $crashes crashes"
[ "$crashes" -eq 0 ]
