#!/usr/bin/env python3
"""Learned-timing simulation (issue #6), run from the repository root:

    python3 bench/simulate.py [--accounts 120] [--weeks 12] [--seed 6] [--noise 0.35] [--skip-build]

Builds `glocal-simulate` (release) and runs it: 120 accounts whose audiences peak at known local
hours, 12 simulated weeks, one post per account per weekday, engagement from the sandbox's model
(`SandboxEngagement`) in-process. Prints the engagement of the learned schedule against the
default table and uniformly random allowed times, the lift the holdout measures, and how many
weeks the learner needed to find each account's peak. Deterministic for a given seed.
"""
import argparse, os, subprocess, sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--accounts", type=int, default=120)
    parser.add_argument("--weeks", type=int, default=12)
    parser.add_argument("--seed", type=int, default=6)
    parser.add_argument("--noise", type=float, default=0.35)
    parser.add_argument("--skip-build", action="store_true")
    args = parser.parse_args()
    if not args.skip_build:
        subprocess.run(["swift", "build", "-c", "release", "--product", "glocal-simulate"], cwd=ROOT, check=True)
    binary = os.path.join(ROOT, ".build", "release", "glocal-simulate")
    command = [binary, "--accounts", str(args.accounts), "--weeks", str(args.weeks), "--seed", str(args.seed),
               "--noise", str(args.noise)]
    sys.exit(subprocess.run(command, cwd=ROOT).returncode)


if __name__ == "__main__":
    main()
