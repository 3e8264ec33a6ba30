#!/usr/bin/env python3
"""Validation (issue #2) and scheduling (issue #3) benchmarks, run from the repository root:

    python3 bench/run.py [--runs 10] [--skip-build]

1. `glocal validate` on the example workspace, release build, cold process: wall time.
2. A generated workspace of 120 accounts x 500 campaigns (about 210 000 variants):
   wall time and peak resident memory of a cold `glocal validate` process.
3. The ratio of full validation (load + every check) to merely parsing the same files
   with Yams, both in-process (`glocal-bench`), best of several runs.
Targets: (1) < 0.3 s, (2) < 3 s and < 300 MB, (3) < 3x.
4. Expanding and scheduling the example workspace, in-process (target < 0.5 s).
5. Expanding and scheduling 120 accounts x 500 campaigns (210 000 variants; campaigns start every
   6 days so that every post fits the networks' daily and weekly caps), in-process (target < 5 s).
6. `apply` of that whole plan into a new SQLite file (target < 10 s).
"""
import argparse, json, os, statistics, subprocess, sys, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BIN = os.path.join(ROOT, ".build", "release")
BIG = os.path.join(ROOT, "bench", "out", "big")
SCHEDULE = os.path.join(ROOT, "bench", "out", "schedule")


def run_cold(args, cwd):
    """Runs a command once; returns (wall seconds, peak RSS in MB, exit status)."""
    start = time.perf_counter()
    proc = subprocess.Popen(args, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    return wall, usage.ru_maxrss / 1024, os.waitstatus_to_exitcode(status)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--skip-build", action="store_true")
    args = parser.parse_args()
    if not args.skip_build:
        subprocess.run(["swift", "build", "-c", "release", "--product", "glocal"], cwd=ROOT, check=True)
        subprocess.run(["swift", "build", "-c", "release", "--product", "glocal-bench"], cwd=ROOT, check=True)
    if not os.path.exists(os.path.join(BIG, "glocal.yaml")):
        subprocess.run([sys.executable, os.path.join(ROOT, "bench", "generate_workspace.py"), BIG], check=True)
    if not os.path.exists(os.path.join(SCHEDULE, "glocal.yaml")):
        subprocess.run([sys.executable, os.path.join(ROOT, "bench", "generate_workspace.py"), SCHEDULE, "--start-every", "6"], check=True)
    glocal = os.path.join(BIN, "glocal")

    example = [run_cold([glocal, "validate"], ROOT) for _ in range(args.runs)]
    assert all(r[2] == 0 for r in example), "the example workspace must validate clean"
    big = [run_cold([glocal, "validate"], BIG) for _ in range(max(3, args.runs // 3))]
    assert all(r[2] == 0 for r in big), "the generated workspace must validate clean"

    def bench(mode, path=BIG, runs=max(3, args.runs // 2)):
        out = subprocess.run([os.path.join(BIN, "glocal-bench"), mode, path, str(runs)],
                             check=True, capture_output=True, text=True).stdout
        return json.loads(out)
    parse, parse_basic, validate = bench("parse"), bench("parse-basic"), bench("validate")

    walls = [r[0] for r in example]
    big_walls = [r[0] for r in big]
    print(f"example workspace, cold process ({len(walls)} runs): median {statistics.median(walls):.3f} s, best {min(walls):.3f} s  (target < 0.3 s)")
    print(f"120 accounts x 500 campaigns, {validate.get('variants')} variants, cold process ({len(big_walls)} runs): "
          f"median {statistics.median(big_walls):.2f} s, best {min(big_walls):.2f} s, peak RSS {max(r[1] for r in big):.0f} MB  (targets < 3 s, < 300 MB)")
    print(f"in-process, best of {parse['runs']}: Yams parse only {parse['best']:.2f} s, full validation {validate['best']:.2f} s "
          f"(of which loading {validate['load']:.2f} s) -> ratio {validate['best'] / parse['best']:.2f}x  (target < 3x)")
    print(f"  for reference: Yams parse with its basic resolver (as glocal parses) {parse_basic['best']:.2f} s "
          f"-> ratio {validate['best'] / parse_basic['best']:.2f}x")
    example_schedule = bench("schedule", ROOT, max(3, args.runs))
    print(f"expand + schedule the example workspace ({example_schedule['variants']} variants), in-process, best of "
          f"{example_schedule['runs']}: {example_schedule['best']:.3f} s  (target < 0.5 s)")
    big_schedule = bench("schedule", SCHEDULE, 1)
    print(f"expand + schedule {big_schedule['variants']} variants, in-process: {big_schedule['best']:.2f} s "
          f"(expand {big_schedule['expand']:.2f} s, place {big_schedule['place']:.2f} s; "
          f"{big_schedule['unplaceable']} unplaceable)  (target < 5 s)")
    applied = bench("apply", SCHEDULE, 1)
    print(f"apply {applied['written']} variants into a new SQLite file: {applied['best']:.2f} s  (target < 10 s)")


if __name__ == "__main__":
    main()
