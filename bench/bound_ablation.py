#!/usr/bin/env python3
"""The hindsight bound made less omniscient one knowledge at a time (issue 18), run from the repository root:

    python3 bench/bound_ablation.py [--seeds 1,2,3,4,5] [--binary .build/release/glocal-simulate] [-- extra options]

Runs `glocal-simulate --json --no-bound --bound-ablation` once per seed (in parallel) and prints, per step, the
share of the oracle's lift the bound would capture in the last 4 of 12 weeks from the learner's posts and the
peaks it finds within 6 weeks: mean, min and max over the seeds, then each seed. Each step forgets one more thing
the bound knew about the simulated world and estimates it from the posts instead (docs/scheduling.md,
"Learned timing"); the learner's own figures of the same runs come first.
"""
import argparse, json, os, subprocess

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
STEPS = [
    "everything but the peak (grid 0.1 h)",
    "shape estimated per network",
    "+ level estimated per account",
    "+ noise estimated",
    "+ weekday shift unknown",
    "+ drift unknown, old posts down-weighted",
    "+ prior centred on the pooled region",
    "+ Thompson sampling instead of the most likely bucket",
]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--seeds", default="1,2,3,4,5")
    parser.add_argument("--binary", default=os.path.join(ROOT, ".build/release/glocal-simulate"))
    parser.add_argument("extra", nargs="*")
    args = parser.parse_args()
    seeds = [int(s) for s in args.seeds.split(",")]
    runs = [subprocess.Popen([args.binary, "--json", "--no-bound", "--bound-ablation", "--seed", str(s)] + args.extra,
                             cwd=ROOT, stdout=subprocess.PIPE, text=True) for s in seeds]
    figures = [json.loads(run.communicate()[0]) for run in runs]

    def row(name, key, fmt):
        values = [f[key] for f in figures]
        cells = " ".join(fmt.format(v) for v in values)
        print(f"{name:58} {fmt.format(sum(values) / len(values)):>6} {fmt.format(min(values)):>6} "
              f"{fmt.format(max(values)):>6}   {cells}")

    print(f"{'seeds ' + args.seeds:58} {'mean':>6} {'min':>6} {'max':>6}   per seed")
    row("learner: captured", "captured", "{:.0%}")
    row("learner: peaks within 6 weeks", "peak_within_6", "{:.0f}")
    for step, name in enumerate(STEPS):
        row(f"{step} {name}: captured", f"ablation_{step}_captured", "{:.0%}")
        row("    peaks within 6 weeks", f"ablation_{step}_peak_within_6", "{:.0f}")


if __name__ == "__main__":
    main()
