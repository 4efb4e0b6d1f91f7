#!/usr/bin/env python3
"""The Watts (2002) cascade experiment written as a Python user would, to compare SanctionsSim with.

    /usr/bin/python3 benchmarks/peers/watts_peer.py --tool igraph   --n 10000 --z 4 --phi 0.18 --runs 200 --seed 1
    /usr/bin/python3 benchmarks/peers/watts_peer.py --tool networkx --n 10000 --z 4 --phi 0.18 --runs 100 --seed 1

The experiment is the one `sanctionssim cascade watts` runs: every run draws a new Erdos-Renyi graph
G(n, p = z / (n - 1)), activates `--seeds` agents chosen uniformly at random, and lets an inactive agent of
degree k > 0 activate once m of its neighbours are active with m / k >= phi, until nothing changes. A run
counts as a global cascade when the final active share reaches `--global-share` (0.1 by default).

The two tools, each used the way its documentation suggests:
  igraph    Graph.Erdos_Renyi (C core) for the graph; the cascade as repeated sparse matrix-vector products
            of the adjacency matrix with the active vector (numpy, scipy), which beat a Python queue here;
  networkx  fast_gnp_random_graph for the graph; the cascade as a queue of newly active agents, each adding
            one to its neighbours' active counts.

Only the loop over runs is timed (interpreter start-up and imports are not), and the script prints one JSON
object: runs, runs_per_second, cascade_frequency, mean_size, mean_global_size, the split of time between
graphs and cascades, and the versions used. Set-up on Debian:
    apt-get install -y python3-networkx python3-numpy python3-scipy python3-igraph
"""

import argparse
import json
import platform
import random
import sys
import time
from collections import deque


def options():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tool", choices=("igraph", "networkx"), required=True)
    parser.add_argument("--n", type=int, default=10_000, help="agents")
    parser.add_argument("--z", type=float, default=4.0, help="mean degree")
    parser.add_argument("--phi", type=float, default=0.18, help="threshold share")
    parser.add_argument("--runs", type=int, default=100, help="Monte Carlo runs")
    parser.add_argument("--seed", type=int, default=1, help="base seed; run r uses seed * 1000003 + r")
    parser.add_argument("--seeds", type=int, default=1, help="agents active at the start")
    parser.add_argument("--global-share", type=float, default=0.1, help="final active share of a global cascade")
    args = parser.parse_args()
    if args.n < 2 or args.runs < 1 or not 1 <= args.seeds <= args.n or not args.z > 0:
        parser.error("need n >= 2, runs >= 1, 1 <= seeds <= n and z > 0")
    return args


def igraph_runner(args):
    import igraph
    import numpy
    import scipy
    import scipy.sparse

    p = min(1.0, args.z / (args.n - 1))

    def graph(rng):
        igraph.set_random_number_generator(rng)
        g = igraph.Graph.Erdos_Renyi(n=args.n, p=p)
        edges = numpy.asarray(g.get_edgelist(), dtype=numpy.int64).reshape(-1, 2)
        both = numpy.concatenate([edges, edges[:, ::-1]])
        adjacency = scipy.sparse.csr_matrix((numpy.ones(len(both)), (both[:, 0], both[:, 1])), shape=(args.n, args.n))
        return adjacency, numpy.asarray(adjacency.sum(axis=1)).ravel()

    def cascade(state, seeds):
        adjacency, degree = state
        active = numpy.zeros(args.n, dtype=bool)
        active[seeds] = True
        eligible = degree > 0
        degree = numpy.maximum(degree, 1.0)
        while True:
            newly = eligible & ~active & ((adjacency @ active.astype(numpy.float64)) / degree >= args.phi)
            if not newly.any():
                return int(active.sum())
            active |= newly

    return graph, cascade, {"igraph": igraph.__version__, "numpy": numpy.__version__, "scipy": scipy.__version__}


def networkx_runner(args):
    import networkx

    p = min(1.0, args.z / (args.n - 1))

    def graph(rng):
        g = networkx.fast_gnp_random_graph(args.n, p, seed=rng)
        return [list(g.adj[v]) for v in range(args.n)]

    def cascade(neighbours, seeds):
        active = bytearray(args.n)
        counts = [0] * args.n
        queue = deque(seeds)
        for s in seeds:
            active[s] = 1
        while queue:
            u = queue.popleft()
            for v in neighbours[u]:
                if active[v]:
                    continue
                counts[v] += 1
                if counts[v] / len(neighbours[v]) >= args.phi:
                    active[v] = 1
                    queue.append(v)
        return sum(active)

    return graph, cascade, {"networkx": networkx.__version__}


def main():
    args = options()
    graph, cascade, versions = (igraph_runner if args.tool == "igraph" else networkx_runner)(args)
    sizes = []
    graph_time = cascade_time = 0.0
    start = time.perf_counter()
    for r in range(args.runs):
        rng = random.Random(args.seed * 1_000_003 + r)
        t0 = time.perf_counter()
        state = graph(rng)
        t1 = time.perf_counter()
        sizes.append(cascade(state, rng.sample(range(args.n), args.seeds)))
        graph_time += t1 - t0
        cascade_time += time.perf_counter() - t1
    elapsed = time.perf_counter() - start
    shares = [s / args.n for s in sizes]
    globals_ = [s for s in shares if s >= args.global_share]
    json.dump({
        "tool": args.tool, "n": args.n, "z": args.z, "phi": args.phi, "seeds": args.seeds, "runs": args.runs,
        "cascade_frequency": len(globals_) / len(shares),
        "mean_global_size": sum(globals_) / len(globals_) if globals_ else None,
        "mean_size": sum(shares) / len(shares),
        "elapsed_seconds": round(elapsed, 4), "runs_per_second": round(args.runs / elapsed, 3),
        "graph_seconds": round(graph_time, 4), "cascade_seconds": round(cascade_time, 4),
        "python": platform.python_version(), "versions": versions,
    }, sys.stdout, indent=2)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
