#!/usr/bin/env python3
"""Learner settings side by side over many seeds (issue 18), run from the repository root:

    python3 bench/sweep.py [--binary .build/release/glocal-simulate] [--seeds 1-20] [--replicates 1] [--jobs 2]
                           -- "" "--top-two 0" ...

Each argument after `--` is one configuration: options passed to `glocal-simulate --json --no-bound` ("" is the default
learner). For each it prints, averaged over the seeds: the share of the oracle's lift captured in the last 4 of
12 weeks with the learner's 10 % holdout included ("incl") and on the posts learned timing placed ("own"), the
accounts whose peak was found within 6 weeks and by week 12, the worst holdout error over weeks 2-12 in points,
then the captured share (incl) per seed. Tune on one set of seeds and confirm on another (docs/scheduling.md).
With --replicates N, every seed runs N times with the learner's draws reseeded (`--replicate 0 … N-1`: the same
world and luck, other choices) and the figures are means over seeds and replicates; the per-seed column then
averages each seed's replicates.
"""
import argparse, concurrent.futures, json, os, subprocess, sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def seeds_of(text):
    seeds = []
    for part in text.split(","):
        low, _, high = part.partition("-")
        seeds += list(range(int(low), int(high or low) + 1))
    return seeds


def run(binary, options, seed, replicate=0):
    command = [binary, "--json", "--no-bound", "--seed", str(seed), "--replicate", str(replicate)] + options.split()
    return json.loads(subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=True).stdout)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--binary", default=os.path.join(ROOT, ".build", "release", "glocal-simulate"))
    parser.add_argument("--seeds", default="1-20", help="e.g. 1-20 or 1,2,3")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--replicates", type=int, default=1)
    split = sys.argv.index("--") if "--" in sys.argv else len(sys.argv)
    args = parser.parse_args(sys.argv[1:split])
    configs = sys.argv[split + 1:] or [""]
    if not os.access(args.binary, os.X_OK):
        sys.exit(f"sweep.py: no glocal-simulate at {args.binary}; build it first:"
                 " swift build -c release --product glocal-simulate")
    seeds = seeds_of(args.seeds)
    print(f"seeds {args.seeds}: incl / own = captured share of the oracle's lift, last 4 weeks, holdout included /"
          " learned posts only; peaks = found within 6 weeks / by week 12; holdout = worst error, weeks 2-12")
    for options in configs:
        runs = [(seed, replicate) for seed in seeds for replicate in range(args.replicates)]
        with concurrent.futures.ThreadPoolExecutor(args.jobs) as pool:
            results = list(pool.map(lambda job: run(args.binary, options, *job), runs))
        per_seed = [sum(r["captured"] for r in results[i:i + args.replicates]) / args.replicates
                    for i in range(0, len(results), args.replicates)]

        def mean(key):
            return sum(r.get(key, 0) for r in results) / len(results)

        worst = max(abs(r["holdout_estimate_all"] - r["true_lift_all"]) * 100 for r in results)
        print(f"{options or '(default)':48} incl {mean('captured'):6.1%} own {mean('captured_learned_posts'):6.1%}"
              f" peaks {mean('peak_within_6'):5.1f} / {mean('peak_by_end'):5.1f} holdout {worst:4.1f}   "
              + " ".join(f"{c:.2f}" for c in per_seed), flush=True)


if __name__ == "__main__":
    main()
