#!/usr/bin/env python3
"""Server-time benchmark of the engagement report (issue 14) on the demo workspace.

Starts the real `glocal run --demo` (the example workspace: 120 accounts, 4 116 variants; the demo
publishes ~700 posts in simulated time and reads their engagement back three times each) on a free
loopback port with a fresh store, signs in as the demo's admin (who sees every account), and requests
the report page for December 2026, its tables view and its CSV N times each, reading the server's own
time from the `Server-Timing: app;dur=<ms>` response header.

Usage: bench/report.py [--binary .build/release/glocal] [--runs 30]
Target: report page < 150 ms (median server time), as the issue's other pages.
"""
import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request

sys.dont_write_bytecode = True  # no __pycache__ in bench/
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from web import Client, server_time  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
NOW = "2026-11-21T09:00:00Z"
PERIOD = "period=custom&from=2026-12-01&to=2026-12-31"


def wait_ready(server, deadline):
    """The approval UI's base URL once `/healthz` answers 200 (the demo's posts are out) and the
    admin's password has been printed, with what the server printed; the output is read on a thread."""
    printed = []
    threading.Thread(target=lambda: [printed.append(line) for line in server.stdout], daemon=True).start()
    while time.time() < deadline and server.poll() is None:
        text = "".join(printed)
        url = re.search(r"approval UI on (http://127\.0\.0\.1:\d+)", text)
        password = re.search(r"admin@lumiere\.example\s+password: (\S+)", text)
        if url and password:
            try:
                if urllib.request.urlopen(url.group(1) + "/healthz", timeout=10).status == 200:
                    return url.group(1), text
            except OSError:
                pass
        time.sleep(0.5)
    sys.exit("glocal run --demo did not become ready:\n" + "".join(printed)[-4000:])


def main():
    parser = argparse.ArgumentParser()
    default = os.path.join(ROOT, ".build/release/glocal")
    parser.add_argument("--binary", default=default if os.path.exists(default) else os.path.join(ROOT, ".build/debug/glocal"))
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()
    directory = tempfile.mkdtemp(prefix="glocal-bench-report-")
    server = None
    try:
        database = os.path.join(directory, "glocal.sqlite")
        server = subprocess.Popen([args.binary, "run", "--demo", "--port", "0", "--now", NOW, "--database", database],
                                  cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        base, printed = wait_ready(server, time.time() + 600)
        password = re.search(r"admin@lumiere\.example\s+password: (\S+)", printed).group(1)
        client = Client(base)
        _, _, page = client.request("/login")
        csrf = re.search(r'name="csrf" value="([^"]+)"', page).group(1)
        status, _, _ = client.request("/login", {"csrf": csrf, "email": "admin@lumiere.example", "password": password})
        assert status == 303, f"sign-in failed: {status}"
        published = re.search(r"demo: (\d+) posts went out", printed)
        print(f"binary: {os.path.relpath(args.binary, ROOT)}; demo store: {published.group(1) if published else '?'} posts out; "
              f"{args.runs} runs per page (after 3 warm-up)")
        for label, path, check, target in [
            ("report page (December)", "/report?" + PERIOD, 'id="figure-posts"', 150),
            ("report tables (December)", "/report?view=tables&" + PERIOD, 'id="posts"', None),
            ("report CSV (December)", "/report.csv?" + PERIOD, "variant,campaign,account", None),
        ]:
            times = []
            for run in range(args.runs + 3):
                status, headers, body = client.request(path)
                assert status == 200 and check in body, f"{path}: {status}, expected '{check}'"
                if run >= 3:
                    times.append(server_time(headers))
            median = statistics.median(times)
            verdict = "" if target is None else f"  target < {target} ms: {'ok' if median < target else 'MISSED'}"
            print(f"{label:26s} median {median:7.2f} ms  best {min(times):7.2f} ms  worst {max(times):7.2f} ms  "
                  f"({len(body) // 1024} KiB){verdict}")
    finally:
        if server:
            server.terminate()
            server.wait()
        shutil.rmtree(directory, ignore_errors=True)


if __name__ == "__main__":
    main()
