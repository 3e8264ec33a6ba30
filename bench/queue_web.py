#!/usr/bin/env python3
"""Server-time benchmark of the manager's queue (issue 14): 1 000 pending variants, filtered, searched, paged.

Reuses bench/web.py's store (a copy of the example workspace with a team 'bench' covering every account,
one campaign of 120 accounts x 10 posts, 1 000 of them pending), starts the real `glocal serve` on a free
loopback port, signs in as that team's manager and requests the queue with each of several queries N times,
reading the server's own time from the `Server-Timing: app;dur=<ms>` response header.

Usage: bench/queue_web.py [--binary .build/debug/glocal] [--runs 30]
Target: every queue query < 100 ms median server time.
"""
import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from web import MANAGER, NOW, PASSWORD, ROOT, Client, fill_store, make_workspace, server_time  # noqa: E402

QUERIES = [
    ("first page (50 of 1 000)", "/", "Showing 1–50 of 1000 matching"),
    ("page 20 (last)", "/?page=20", "Showing 951–1000 of 1000 matching"),
    ("search 'HYDRASERUM' (all match)", "/?q=HYDRASERUM", "of 1000 matching"),
    ("search 'post 7 for' (100 match)", "/?q=post+7+for", "of 100 matching"),
    ("network + deadline soon (none)", "/?network=x&soon=1", "No variant matches"),
    ("one account", "/?account=lumiere-fr-x", "of 10 matching"),
]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", default=os.path.join(ROOT, ".build/debug/glocal"))
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()
    directory = tempfile.mkdtemp(prefix="glocal-bench-queue-")
    server = None
    try:
        workspace, accounts = make_workspace(directory)
        database = os.path.join(directory, "glocal.sqlite")
        count = fill_store(args.binary, workspace, database, accounts)
        server = subprocess.Popen([args.binary, "serve", "--port", "0", "--workspace", workspace, "--database", database,
                                   "--now", NOW], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        line = server.stdout.readline()
        match = re.search(r"http://127\.0\.0\.1:\d+", line)
        if not match:
            sys.exit(f"the server did not start: {line}")
        client = Client(match.group(0))
        _, _, page = client.request("/login")
        csrf = re.search(r'name="csrf" value="([^"]+)"', page).group(1)
        status, _, _ = client.request("/login", {"csrf": csrf, "email": MANAGER, "password": PASSWORD})
        assert status == 303, f"sign-in failed: {status}"
        print(f"binary: {os.path.relpath(args.binary, ROOT)}; store: {count} variants, 1000 pending; "
              f"{args.runs} runs per query (after 3 warm-up)")
        missed = False
        for label, path, check in QUERIES:
            times = []
            for run in range(args.runs + 3):
                status, headers, body = client.request(path)
                assert status == 200 and check in body, f"{path}: {status}, expected '{check}'"
                if run >= 3:
                    times.append(server_time(headers))
            median = statistics.median(times)
            missed = missed or median >= 100
            print(f"{label:34s} median {median:7.2f} ms  best {min(times):7.2f} ms  worst {max(times):7.2f} ms  "
                  f"({len(body) // 1024} KiB)  target < 100 ms: {'ok' if median < 100 else 'MISSED'}")
        sys.exit(1 if missed else 0)
    finally:
        if server:
            server.terminate()
            server.wait()
        shutil.rmtree(directory, ignore_errors=True)


if __name__ == "__main__":
    main()
