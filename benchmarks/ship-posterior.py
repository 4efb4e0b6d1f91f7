#!/usr/bin/env python3
"""Ship a new posterior: copy it, set the library's structural defaults to its medians (4 significant digits) in the
code, the case files, the example scenarios and the docs' parameter tables.  usage: ship.py NEW_POSTERIOR.json REPO"""
import json, math, re, shutil, sys, os, glob
new, repo = sys.argv[1], sys.argv[2]
old = os.path.join(repo, 'src/SanctionsSim/Calibration/posterior.json')
def summary(path):
    d = json.load(open(path)); names = d['parameters']; k = len(names); v = d['values']; w = d['weights']; n = len(w); tot = sum(w)
    def q(j, p):
        cum = 0
        for i in sorted(range(n), key=lambda i: v[i*k+j]):
            cum += w[i]
            if cum >= p*tot - 1e-12*tot: return v[i*k+j]
    out = {}
    for j, nm in enumerate(names):
        m = sum(w[i]*v[i*k+j] for i in range(n))/tot
        sd = math.sqrt(sum(w[i]*(v[i*k+j]-m)**2 for i in range(n))/tot)
        out[nm] = dict(median=q(j, .5), lo=q(j, .05), hi=q(j, .95), mean=m, sd=sd)
    return out
o, nw = summary(old), summary(new)
g4 = lambda x: '%.4g' % x
def cs(x):
    s = g4(x)
    if 'e' in s:
        m, e = s.split('e'); s = f"{m}E{int(e)}"
    return s
keys = {'generalLoyalty': ('generalLoyaltyMean', 'GeneralLoyaltyMean'), 'seniorLoyalty': ('seniorLoyaltyMean', 'SeniorLoyaltyMean'),
        'noiseScale': ('noiseScale', 'NoiseScale'), 'publicNewsWeight': ('publicNewsWeight', 'PublicNewsWeight'),
        'fallSteepness': ('fallSteepness', 'FallSteepness'), 'fallMidpoint': ('fallMidpoint', 'FallMidpoint'),
        'detectionDecay': ('detectionDecay', 'DetectionDecay'), 'lowRankDefectionRate': ('lowRankDefectionRatePerWeek', 'LowRankDefectionRatePerWeek')}
for nm in keys: print(nm, g4(o[nm]['median']), '->', g4(nw[nm]['median']), f"90% [{g4(nw[nm]['lo'])}, {g4(nw[nm]['hi'])}]")
if '--dry' in sys.argv: sys.exit()
shutil.copy(new, old)
def sub(path, pairs):
    t = open(path, encoding='utf-8').read(); t0 = t
    for a, b in pairs: t = t.replace(a, b)
    if t != t0: open(path, 'w', encoding='utf-8').write(t)
    return t != t0
# code: the initialisers and their <value> docs
for f in ['src/SanctionsSim/Model/Faction.cs', 'src/SanctionsSim/Model/DecisionModel.cs', 'src/SanctionsSim/Model/Regime.cs']:
    p = os.path.join(repo, f); pairs = []
    for nm, (js, prop) in keys.items():
        a, b = o[nm]['median'], nw[nm]['median']
        pairs += [(f"{prop} {{ get; init; }} = {cs(a)};", f"{prop} {{ get; init; }} = {cs(b)};"),
                  (f"The default value is {g4(a)} ", f"The default value is {g4(b)} ")]
    print(f, sub(p, pairs))
# JSON files: "key": old -> "key": new
files = glob.glob(os.path.join(repo, 'src/SanctionsSim/Scenarios/Cases/Data/*.json')) + glob.glob(os.path.join(repo, 'docs/examples/*.json'))
changed = 0
for f in files:
    t = open(f, encoding='utf-8').read(); t0 = t
    for nm, (js, prop) in keys.items():
        a, b = o[nm]['median'], nw[nm]['median']
        t = re.sub(r'("%s":\s*)(%s|%s)(?=[,\s}])' % (js, re.escape(g4(a)), re.escape(repr(float(g4(a))))), lambda m: m.group(1) + g4(b), t)
    if t != t0: open(f, 'w', encoding='utf-8').write(t); changed += 1
print('json files changed', changed, 'of', len(files))
