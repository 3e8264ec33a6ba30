#!/usr/bin/env python3
"""Issue #16's PostgreSQL figures, in one run on one machine: claim + begin + finish (the dispatcher's
batched step, settleAndClaim, with the networks' caps) on SQLite and on PostgreSQL with 1 and 3 nodes,
applying 210 000 variants into SQLite and PostgreSQL, and the lateness of 10 000 posts due over
10 minutes sent by 3 PostgreSQL nodes through loopback HTTP to the sandbox.

Starts a durable throwaway server (scripts/postgres-test-server with GLOCAL_TEST_POSTGRES_DURABLE=1),
runs glocal-dispatch-bench (build it first: swift build -c release --product glocal-dispatch-bench, or
pass --binary), prints one JSON object per figure and stops the server.

    bench/postgres.py [--binary PATH] [--jobs 20000] [--batch 100] [--variants 210000]
                      [--posts 10000] [--minutes 10] [--nodes 3] [--skip-lateness]

--minutes 1 (with --posts 1000) gives a quick lateness run; the issue's figure is 10 000 posts over 10 minutes.
"""
import argparse
import json
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", default=os.path.join(ROOT, ".build/release/glocal-dispatch-bench"))
    parser.add_argument("--jobs", type=int, default=20_000)
    parser.add_argument("--batch", type=int, default=100, help="jobs claimed per step (the dispatcher claims half its concurrency)")
    parser.add_argument("--variants", type=int, default=210_000)
    parser.add_argument("--posts", type=int, default=10_000)
    parser.add_argument("--minutes", type=float, default=10)
    parser.add_argument("--nodes", type=int, default=3)
    parser.add_argument("--skip-lateness", action="store_true")
    options = parser.parse_args()
    script = os.path.join(ROOT, "scripts/postgres-test-server")
    started = subprocess.run(
        [script, "start"], check=True, capture_output=True, text=True,
        env={**os.environ, "GLOCAL_TEST_POSTGRES_DURABLE": "1"}, stdin=subprocess.DEVNULL)
    values = dict(line.replace("export ", "").split("=", 1) for line in started.stdout.splitlines() if "=" in line)
    url, directory = values["GLOCAL_TEST_POSTGRES_URL"], values["GLOCAL_TEST_POSTGRES_DIR"]
    try:
        jobs, batch = str(options.jobs), str(options.batch)
        runs = [
            ("sqlite queue, 1 node", ["queue", jobs, batch]),
            ("postgres queue, 1 node", ["postgres-queue", url, jobs, "1", batch]),
            ("postgres queue, 3 nodes", ["postgres-queue", url, jobs, "3", batch]),
            ("apply", ["postgres-apply", url, str(options.variants)]),
        ]
        if not options.skip_lateness:
            runs.append((
                f"postgres lateness, {options.nodes} nodes",
                ["postgres-lateness", url, str(options.posts), str(options.minutes), str(options.nodes)]))
        for name, arguments in runs:
            output = subprocess.run([options.binary, *arguments], check=True, capture_output=True, text=True).stdout
            result = json.loads(output.strip().splitlines()[-1])
            print(json.dumps({"figure": name, **result}, sort_keys=True), flush=True)
    finally:
        subprocess.run([script, "stop", directory], check=False, stdin=subprocess.DEVNULL)
    return 0


if __name__ == "__main__":
    sys.exit(main())
