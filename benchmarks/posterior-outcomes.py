#!/usr/bin/env python3
"""In-sample outcome fit of a posterior on the case base: for each coded case, P(each outcome type) over RUNS
replications drawing the structure from POSTERIOR, with the case's facts at their best estimates, the observed type,
P(observed) and the case's Brier score over the four types; the mean Brier score at the end, and beside it the in-sample
base rate's (each type's frequency over the same cases) with the paired difference.

    python3 benchmarks/posterior-outcomes.py --posterior FILE [--switches on|off] [--regime-types] [--runs 200] [--seed 7] [--cli DLL] > out.md

--switches on runs every case with the high command, the conditional amnesty, repression backfire and mobilisation
switched on (as a calibration with those switches would have seen it); off runs the case files as coded.
--regime-types also sets each case's regime.type from its facts (rule E2's mapping, as HistoricalCase.WithCodedRegimeType).
The command line is the Release build of src/SanctionsSim.Cli unless --cli names another SanctionsSim.Cli.dll.
"""
import argparse, glob, json, os, subprocess, sys, tempfile

TYPES = ["survived", "removedByHighCommand", "collapseByDefection", "split"]
root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ap = argparse.ArgumentParser()
ap.add_argument("--posterior", required=True)
ap.add_argument("--switches", choices=["on", "off"], default="off")
ap.add_argument("--regime-types", action="store_true")
ap.add_argument("--runs", type=int, default=200)
ap.add_argument("--seed", type=int, default=7)
ap.add_argument("--cli", default=os.path.join(root, "src/SanctionsSim.Cli/bin/Release/net10.0/SanctionsSim.Cli.dll"))
a = ap.parse_args()

rows, briers = [], []
with tempfile.TemporaryDirectory() as work:
    for path in sorted(glob.glob(os.path.join(root, "src/SanctionsSim/Scenarios/Cases/Data/*.case.json"))):
        case = json.load(open(path))
        s = case["scenario"]
        if a.switches == "on":
            s["highCommand"]["enabled"] = True
            for k in ["conditionalAmnesty", "repressionBackfire", "mobilisation"]:
                s[k] = dict(s.get(k) or {}); s[k]["enabled"] = True
        if a.regime_types:
            s["regime"]["type"] = {"personalist": "personalist", "military": "military", "single-party": "singleParty", "mixed": "mixed"}[case["facts"]["regimeType"]["value"]]
        file = os.path.join(work, case["name"] + ".json")
        json.dump(s, open(file, "w"))
        out = subprocess.run(["dotnet", a.cli, "run", file, "--runs", str(a.runs), "--seed", str(a.seed), "--posterior", a.posterior, "--format", "json"],
                             capture_output=True, text=True, check=True).stdout
        o = json.loads(out)["outcomes"]
        p = {t: o[t]["probability"]["estimate"] for t in TYPES}
        observed = case["observation"]["outcomeType"]
        brier = sum((p[t] - (1.0 if t == observed else 0.0)) ** 2 for t in TYPES)
        briers.append(brier)
        rows.append((case["name"], observed, p, brier))

print(f"posterior {a.posterior}; switches {a.switches}; regime types {'from the facts' if a.regime_types else 'as coded (unspecified)'}; {a.runs} runs a case, seed {a.seed}; facts at their best estimates\n")
print("| case | observed | P(survived) | P(removed by high command) | P(collapse by defection) | P(split) | P(observed) | Brier |")
print("|---|---|---|---|---|---|---|---|")
for name, observed, p, brier in rows:
    print(f"| {name} | {observed} | " + " | ".join(f"{p[t]:.3f}" for t in TYPES) + f" | {p[observed]:.3f} | {brier:.3f} |")
n = len(briers); mean = sum(briers) / n
se = (sum((b - mean) ** 2 for b in briers) / (n - 1) / n) ** 0.5
print(f"\nmean Brier over {n} cases: {mean:.3f} ± {se:.3f} (standard error over cases)")
# the in-sample base rate (each type's frequency over these cases) scored on the same cases, and the paired difference:
# the bar a model fitted to these outcomes must clear before it says more than their frequencies
counts = {t: sum(1 for r in rows if r[1] == t) / n for t in TYPES}
square = sum(v * v for v in counts.values())
base = [1 - 2 * counts[observed] + square for _, observed, _, _ in rows]
diff = [b - m for b, m in zip(base, briers)]
dm = sum(diff) / n
dse = (sum((x - dm) ** 2 for x in diff) / (n - 1) / n) ** 0.5
print(f"in-sample base rate over the same cases: {sum(base) / n:.3f}; base rate minus model (paired): {dm:+.3f} ± {dse:.3f}")
