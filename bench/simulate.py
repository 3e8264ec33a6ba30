#!/usr/bin/env python3
"""Learned-timing simulation over several seeds (issue 18), run from the repository root:

    python3 bench/simulate.py [--seeds 1,2,3,4,5] [--accounts 120] [--weeks 12] [--noise 0.5] [--skip-build]
                              [--binary PATH] [-- extra glocal-simulate options, e.g. --half-life-weeks 6]

Builds `glocal-simulate` (release) unless told not to, runs it once per seed (`--json`) and prints,
for each figure, its mean, min and max over the seeds, then whether each goal of issue 18 is met:

- learned timing captures >= 70 % of the oracle's lift over the default table in the last 4 of 12 weeks;
- the peak of >= 90 % of accounts is found (for good) within 6 weeks;
- the holdout's estimate of the lift is within +-3 points of the true lift (every seed; over the last 4
  weeks, and over weeks 2-12 where the holdout has three times the posts).

The simulation (docs/scheduling.md, "Simulation") is deterministic for a given seed.
"""
import argparse, json, os, subprocess, sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

ROWS = [
    ("mean interactions/post, default table", "table", "{:.1f}"),
    ("mean interactions/post, random allowed time", "random", "{:.1f}"),
    ("mean interactions/post, learned (incl. holdout)", "learned", "{:.1f}"),
    ("mean interactions/post, oracle", "oracle", "{:.1f}"),
    ("lift over the table: learned", "learned_lift", "{:+.1%}"),
    ("lift over the table: random", "random_lift", "{:+.1%}"),
    ("lift over the table: oracle", "oracle_lift", "{:+.1%}"),
    ("share of the oracle's lift captured", "captured", "{:.0%}"),
    ("holdout posts (last 4 weeks)", "holdout_posts", "{:.0f}"),
    ("holdout estimate of the lift", "holdout_estimate", "{:+.1%}"),
    ("true lift of the learner's posts", "true_lift", "{:+.1%}"),
    ("holdout error (estimate - true), points", "holdout_error", "{:+.1f}"),
    ("holdout posts, weeks 2-12", "holdout_posts_all", "{:.0f}"),
    ("holdout estimate of the lift, weeks 2-12", "holdout_estimate_all", "{:+.1%}"),
    ("true lift of the learner's posts, weeks 2-12", "true_lift_all", "{:+.1%}"),
    ("holdout error, weeks 2-12, points", "holdout_error_all", "{:+.1f}"),
    ("accounts whose peak is found within 6 weeks", "peak_within_6", "{:.0f}"),
    ("  same, within 3 % of the peak", "near_peak_within_6", "{:.0f}"),
    ("accounts whose peak is found by week 12", "peak_by_end", "{:.0f}"),
    ("  best allowed hour within 1 h of the true one, within 6 weeks", "peak_hour_within_6", "{:.0f}"),
    ("  same, by week 12", "peak_hour_by_end", "{:.0f}"),
    ("  steady audiences (found within 6 weeks)", "peak_within_6_steady", "{:.0f}"),
    ("    steady accounts", "accounts_steady", "{:.0f}"),
    ("  other hours on Mon and Fri (found within 6 weeks)", "peak_within_6_weekday", "{:.0f}"),
    ("    such accounts", "accounts_weekday", "{:.0f}"),
    ("  drifting audiences (found within 6 weeks)", "peak_within_6_drifting", "{:.0f}"),
    ("    such accounts", "accounts_drifting", "{:.0f}"),
    ("  small: < 20 interactions/post (found within 6 weeks)", "peak_within_6_small", "{:.0f}"),
    ("    such accounts", "accounts_small", "{:.0f}"),
    # The hindsight bound (docs/scheduling.md, "Simulation"): a baseline that knows the world but each account's peak.
    ("bound: peaks found within 6 weeks, learner's posts", "bound_learned_peak_within_6", "{:.0f}"),
    ("  same, by week 12", "bound_learned_peak_by_end", "{:.0f}"),
    ("bound: same, posts spread uniformly, within 6 weeks", "bound_random_peak_within_6", "{:.0f}"),
    ("  same, by week 12", "bound_random_peak_by_end", "{:.0f}"),
    ("bound: share of the oracle's lift, learner's posts", "bound_learned_captured", "{:.0%}"),
    ("bound: same, posts spread uniformly", "bound_random_captured", "{:.0%}"),
]


def run(binary, seed, args, extra):
    command = [binary, "--json", "--seed", str(seed), "--accounts", str(args.accounts), "--weeks", str(args.weeks),
               "--noise", str(args.noise)] + extra
    output = subprocess.run(command, cwd=ROOT, check=True, capture_output=True, text=True).stdout
    figures = json.loads(output)
    figures["holdout_error"] = (figures["holdout_estimate"] - figures["true_lift"]) * 100
    if "true_lift_all" in figures:
        figures["holdout_error_all"] = (figures["holdout_estimate_all"] - figures["true_lift_all"]) * 100
    return figures


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seeds", default="1,2,3,4,5")
    parser.add_argument("--accounts", type=int, default=120)
    parser.add_argument("--weeks", type=int, default=12)
    parser.add_argument("--noise", type=float, default=0.5)
    parser.add_argument("--skip-build", action="store_true")
    parser.add_argument("--binary", default=os.path.join(ROOT, ".build", "release", "glocal-simulate"))
    parser.add_argument("extra", nargs=argparse.REMAINDER, help="options passed on to glocal-simulate")
    args = parser.parse_args()
    extra = [item for item in args.extra if item != "--"]
    seeds = [int(s) for s in args.seeds.split(",")]
    if len(seeds) < 5:
        print("note: the goals are measured over at least 5 seeds", file=sys.stderr)
    if not args.skip_build:
        subprocess.run(["swift", "build", "-c", "release", "--product", "glocal-simulate"], cwd=ROOT, check=True)
    results = [run(args.binary, seed, args, extra) for seed in seeds]
    print(f"glocal-simulate over seeds {args.seeds}: {args.accounts} accounts, {args.weeks} weeks, noise {args.noise}"
          + (f", {' '.join(extra)}" if extra else ""))
    print(f"{'figure (last 4 weeks)':52} {'mean':>8} {'min':>8} {'max':>8}   per seed")
    for label, key, fmt in ROWS:
        values = [r[key] for r in results if key in r]
        if not values:
            continue
        mean = sum(values) / len(values)
        cells = [fmt.format(v) for v in (mean, min(values), max(values))]
        print(f"{label:52} {cells[0]:>8} {cells[1]:>8} {cells[2]:>8}   " + " ".join(fmt.format(v) for v in values))
    accounts = args.accounts
    captured = [r["captured"] for r in results]
    found = [r["peak_within_6"] / accounts for r in results]
    errors = [abs(r["holdout_error"]) for r in results]
    errors_all = [abs(r.get("holdout_error_all", float("nan"))) for r in results]
    print()
    print(f"goal: captures >= 70 % of the oracle's lift: mean {sum(captured) / len(captured):.0%}, min {min(captured):.0%}"
          f" -> {'met' if min(captured) >= 0.7 else 'NOT met'}")
    print(f"goal: peak of >= 90 % of accounts within 6 weeks: mean {sum(found) / len(found):.0%}, min {min(found):.0%}"
          f" -> {'met' if min(found) >= 0.9 else 'NOT met'}")
    print(f"goal: holdout estimate within +-3 points of the true lift: worst {max(errors):.1f} points"
          f" -> {'met' if max(errors) <= 3 else 'NOT met'} (last 4 weeks); worst {max(errors_all):.1f} points"
          f" -> {'met' if max(errors_all) <= 3 else 'NOT met'} (weeks 2-12, three times the holdout posts)")


if __name__ == "__main__":
    main()
