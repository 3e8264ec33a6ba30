#!/usr/bin/env python3
"""Server-time benchmark of the calendar (issue 14): a month of every account of the example workspace.

Plans the example workspace (120 accounts, 4 116 variants) into a fresh store with `glocal apply`,
adds an admin, starts the real `glocal serve` on a free loopback port, signs in and requests the month
grid of every account (the month with the most posts) and one week grid N times each, reading the
server's own time from the `Server-Timing: app;dur=<ms>` response header.

Usage: bench/calendar_web.py [--binary .build/release/glocal] [--runs 30]
Target: a 120-account month calendar < 150 ms (median server time).
"""
import argparse
import os
import re
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from web import Client, server_time  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ADMIN = "bench.admin@lumiere.example"
PASSWORD = "bench password 1234"
NOW = "2026-11-21T09:00:00Z"


def main():
    parser = argparse.ArgumentParser()
    default = os.path.join(ROOT, ".build/release/glocal")
    parser.add_argument("--binary", default=default if os.path.exists(default) else os.path.join(ROOT, ".build/debug/glocal"))
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()
    directory = tempfile.mkdtemp(prefix="glocal-bench-calendar-")
    database = os.path.join(directory, "glocal.sqlite")
    common = ["--workspace", ROOT, "--database", database]
    server = None
    try:
        subprocess.run([args.binary, "apply", "--now", NOW] + common, check=True, capture_output=True)
        subprocess.run([args.binary, "user", "add", ADMIN, "--role", "admin", "--password-stdin"] + common,
                       input=PASSWORD + "\n", text=True, check=True, capture_output=True)
        connection = sqlite3.connect(database)
        total, accounts = connection.execute("SELECT count(*), count(DISTINCT account_id) FROM variant").fetchone()
        month, in_month = connection.execute(
            "SELECT substr(local_time, 1, 7) AS m, count(*) FROM variant WHERE local_time IS NOT NULL "
            "GROUP BY m ORDER BY count(*) DESC LIMIT 1").fetchone()
        connection.close()
        server = subprocess.Popen([args.binary, "serve", "--port", "0", "--now", NOW] + common,
                                  stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        line = server.stdout.readline()
        match = re.search(r"http://127\.0\.0\.1:\d+", line)
        if not match:
            sys.exit(f"the server did not start: {line}")
        client = Client(match.group(0))
        _, _, page = client.request("/login")
        csrf = re.search(r'name="csrf" value="([^"]+)"', page).group(1)
        status, _, _ = client.request("/login", {"csrf": csrf, "email": ADMIN, "password": PASSWORD})
        assert status == 303, f"sign-in failed: {status}"
        print(f"binary: {os.path.relpath(args.binary, ROOT)}; store: {total} variants of {accounts} accounts; "
              f"busiest month {month}: {in_month} posts; {args.runs} runs per page (after 3 warm-up)")
        for label, path, target in [
            (f"month, every account ({month})", f"/calendar?view=month&date={month}-01", 150),
            (f"week, every account ({month}-15)", f"/calendar?view=week&date={month}-15", 150),
            ("month, one account", f"/calendar?account=lumiere-fr-x&view=month&date={month}-01", 150),
        ]:
            times = []
            for run in range(args.runs + 3):
                status, headers, body = client.request(path)
                assert status == 200 and "cal-day" in body, f"{path}: {status}"
                if run >= 3:
                    times.append(server_time(headers))
            median = statistics.median(times)
            posts = body.count('class="cal-link"')
            print(f"{label:38s} median {median:7.2f} ms  best {min(times):7.2f} ms  worst {max(times):7.2f} ms  "
                  f"({len(body) // 1024} KiB, {posts} posts listed)  target < {target} ms: "
                  f"{'ok' if median < target else 'MISSED'}")
    finally:
        if server:
            server.terminate()
            server.wait()
        shutil.rmtree(directory, ignore_errors=True)


if __name__ == "__main__":
    main()
