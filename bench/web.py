#!/usr/bin/env python3
"""Server-time benchmark of the approval UI (issue 4).

Builds a store holding one campaign of 120 accounts x 10 posts (1 200 variants, 1 000 of them
pending) in a copy of the example workspace whose glocal.yaml gains a team 'bench' covering every
account, starts the real `glocal serve` on a free loopback port, signs in as that team's manager and
requests the manager's queue (1 000 pending variants) and the campaign overview (120 x 10) N times
each, reading the server's own time from the `Server-Timing: app;dur=<ms>` response header.

Usage: bench/web.py [--binary .build/release/glocal] [--runs 30]
Targets: queue < 100 ms, overview < 200 ms (median server time).
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
import time
import urllib.error
import urllib.parse
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
MANAGER = "bench.manager@lumiere.example"
PASSWORD = "bench password 1234"
NOW = "2026-11-21T09:00:00Z"


def make_workspace(directory):
    workspace = os.path.join(directory, "workspace")
    os.makedirs(workspace)
    for name in ["accounts.yaml", "locales", "campaigns", "assets", "schema"]:
        source = os.path.join(ROOT, name)
        (shutil.copytree if os.path.isdir(source) else shutil.copy)(source, os.path.join(workspace, name))
    with open(os.path.join(ROOT, "glocal.yaml")) as f:
        settings = f.read()
    settings += '  bench:\n    name: "Benchmark"\n    accounts: ["lumiere-*"]\n    managers: [%s]\n' % MANAGER
    with open(os.path.join(workspace, "glocal.yaml"), "w") as f:
        f.write(settings)
    accounts = re.findall(r"^  - id: (\S+)$", open(os.path.join(ROOT, "accounts.yaml")).read(), re.M)
    return workspace, accounts


def fill_store(binary, workspace, database, accounts):
    subprocess.run([binary, "user", "add", MANAGER, "--role", "manager", "--password-stdin", "--workspace", workspace,
                    "--database", database], input=PASSWORD + "\n", text=True, check=True, capture_output=True)
    connection = sqlite3.connect(database)
    rows = []
    for a, account in enumerate(accounts[:120]):
        for post in range(10):
            index = a * 10 + post
            state = "pending_approval" if index < 1000 else "approved"
            day = 1 + post
            rows.append((
                f"bench-overview/post-{post:02d}/{account}", "bench-overview", f"post-{post:02d}", account, "x", "en",
                "informative", f"Benchmark post {post} for {account}: Thirsty skin? Meet Hydra. #HydraSerum",
                None, "https://lumiere.example/en/hydra", "reply", "[]", f"hash-{index}",
                f"2026-12-{day:02d}T{8 + a % 10:02d}:{a % 60:02d}:00.000Z", f"2026-12-{day:02d} 09:00", "Europe/Paris", 0, state, "[]",
                "2026-11-21T09:00:00.000Z", "2026-11-21T09:00:00.000Z"))
    connection.executemany(
        """INSERT INTO variant (id, campaign_id, post_id, account_id, network, locale, kind, text, title, link,
           link_placement, media, content_hash, scheduled_at, local_time, time_zone, live, state, explanation,
           created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows)
    connection.commit()
    connection.close()
    return len(rows)


class Client:
    """Keeps cookies by hand: the server's cookies are Secure, which urllib would not send over http."""

    def __init__(self, base):
        self.base = base
        self.cookies = {}
        self.opener = urllib.request.build_opener(NoRedirect)

    def request(self, path, form=None):
        data = urllib.parse.urlencode(form).encode() if form is not None else None
        request = urllib.request.Request(self.base + path, data=data)
        if self.cookies:
            request.add_header("Cookie", "; ".join(f"{k}={v}" for k, v in self.cookies.items()))
        try:
            response = self.opener.open(request)
        except urllib.error.HTTPError as error:
            response = error
        for header in response.headers.get_all("Set-Cookie") or []:
            name, _, rest = header.partition("=")
            self.cookies[name] = rest.split(";")[0]
        return response.status, response.headers, response.read().decode()


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def server_time(headers):
    match = re.search(r"app;dur=([0-9.]+)", headers.get("Server-Timing", ""))
    return float(match.group(1))


def main():
    parser = argparse.ArgumentParser()
    default = os.path.join(ROOT, ".build/release/glocal")
    parser.add_argument("--binary", default=default if os.path.exists(default) else os.path.join(ROOT, ".build/debug/glocal"))
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()
    directory = tempfile.mkdtemp(prefix="glocal-bench-web-")
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
        status, _, page = client.request("/login")
        csrf = re.search(r'name="csrf" value="([^"]+)"', page).group(1)
        status, _, _ = client.request("/login", {"csrf": csrf, "email": MANAGER, "password": PASSWORD})
        assert status == 303, f"sign-in failed: {status}"
        print(f"binary: {os.path.relpath(args.binary, ROOT)}; store: {count} variants; {args.runs} runs per page (after 3 warm-up)")
        for label, path, check, target in [
            ("queue (1 000 pending)", "/", "(1000 waiting)", 100),
            ("campaign overview (120 x 10)", "/campaigns/bench-overview", "across 120 accounts", 200),
        ]:
            times = []
            for run in range(args.runs + 3):
                status, headers, body = client.request(path)
                assert status == 200 and check in body, f"{path}: {status}, expected '{check}'"
                if run >= 3:
                    times.append(server_time(headers))
            median = statistics.median(times)
            print(f"{label:32s} median {median:7.2f} ms  best {min(times):7.2f} ms  worst {max(times):7.2f} ms  "
                  f"({len(body) // 1024} KiB)  target < {target} ms: {'ok' if median < target else 'MISSED'}")
    finally:
        if server:
            server.terminate()
            server.wait()
        shutil.rmtree(directory, ignore_errors=True)


if __name__ == "__main__":
    main()
