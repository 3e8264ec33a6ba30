#!/usr/bin/env python3
"""Issue #16's PostgreSQL figures, in one run on one machine: claim + begin + finish with 1 and 3 nodes,
the SQLite queue figure for comparison, and applying 210 000 variants into SQLite and PostgreSQL.

Starts a durable throwaway server (scripts/postgres-test-server with GLOCAL_TEST_POSTGRES_DURABLE=1),
runs glocal-dispatch-bench (build it first: swift build -c release --product glocal-dispatch-bench, or
pass --binary), prints one JSON object per figure and stops the server.

    bench/postgres.py [--binary PATH] [--jobs 20000] [--variants 210000]
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
    parser.add_argument("--variants", type=int, default=210_000)
    options = parser.parse_args()
    script = os.path.join(ROOT, "scripts/postgres-test-server")
    started = subprocess.run(
        [script, "start"], check=True, capture_output=True, text=True,
        env={**os.environ, "GLOCAL_TEST_POSTGRES_DURABLE": "1"}, stdin=subprocess.DEVNULL)
    values = dict(line.replace("export ", "").split("=", 1) for line in started.stdout.splitlines() if "=" in line)
    url, directory = values["GLOCAL_TEST_POSTGRES_URL"], values["GLOCAL_TEST_POSTGRES_DIR"]
    try:
        runs = [
            ("sqlite queue, 1 node", ["queue", str(options.jobs), "100"]),
            ("postgres queue, 1 node", ["postgres-queue", url, str(options.jobs), "1", "100"]),
            ("postgres queue, 3 nodes", ["postgres-queue", url, str(options.jobs), "3", "100"]),
            ("apply", ["postgres-apply", url, str(options.variants)]),
        ]
        for name, arguments in runs:
            output = subprocess.run([options.binary, *arguments], check=True, capture_output=True, text=True).stdout
            result = json.loads(output.strip().splitlines()[-1])
            print(json.dumps({"figure": name, **result}, sort_keys=True), flush=True)
    finally:
        subprocess.run([script, "stop", directory], check=False, stdin=subprocess.DEVNULL)
    return 0


if __name__ == "__main__":
    sys.exit(main())
