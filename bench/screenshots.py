#!/usr/bin/env python3
"""Full-page screenshots of the web UI's daily pages, for before/after comparisons in notes and reviews.

Usage: bench/screenshots.py --binary PATH --workspace DIR --out DIR [--port 18590]
Starts `glocal serve --demo --now 2026-11-21T09:00:00Z` on a copy of the workspace (so its store is fresh), signs in
as the first local manager the demo prints, and saves queue, variant, campaign overview, calendar and report pages at
1280 px (and the queue at 390 px), printing each page's height. Pages that do not exist in that build are skipped.
"""
import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request

from playwright.sync_api import sync_playwright

parser = argparse.ArgumentParser()
parser.add_argument("--binary", required=True)
parser.add_argument("--workspace", required=True)
parser.add_argument("--out", required=True)
parser.add_argument("--port", type=int, default=18590)
args = parser.parse_args()
os.makedirs(args.out, exist_ok=True)

scratch = tempfile.mkdtemp(prefix="glocal-shots-")
for name in ["glocal.yaml", "accounts.yaml", "locales", "campaigns", "assets"]:
    source = os.path.join(args.workspace, name)
    target = os.path.join(scratch, name)
    (shutil.copytree if os.path.isdir(source) else shutil.copy)(source, target)

server = subprocess.Popen(
    [os.path.abspath(args.binary), "serve", "--demo", "--now", "2026-11-21T09:00:00Z", "--port", str(args.port)],
    cwd=scratch, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
users = []
deadline = time.monotonic() + 600
while time.monotonic() < deadline:
    line = server.stdout.readline()
    if not line:
        sys.exit("glocal serve stopped before serving")
    match = re.search(r"^\s+(\w+)\s+(\S+@\S+)\s+password: (\S+)", line)
    if match:
        users.append((match.group(1), match.group(2), match.group(3)))
    if "approval UI on" in line:
        break
base = f"http://127.0.0.1:{args.port}"
manager = next((u[1], u[2]) for u in users if u[0] == "manager")
print(f"signed in as {manager[0]}", flush=True)

pages = [
    ("queue", "/"),
    ("campaigns", "/campaigns"),
    ("variant", "/variants/hydra-launch/launch/lumiere-fr-x"),
    ("calendar", "/calendar"),
    ("calendar-account", "/accounts/lumiere-fr-x/calendar"),
    ("report", "/report"),
]
try:
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
        for width, suffix in [(1280, "desktop"), (390, "phone")]:
            context = browser.new_context(viewport={"width": width, "height": 900})
            page = context.new_page()
            page.goto(base + "/login")
            page.get_by_label("E-mail").fill(manager[0])
            page.get_by_label("Password").fill(manager[1])
            page.get_by_role("button", name="Sign in").click()
            page.wait_for_load_state()
            for name, path in pages if suffix == "desktop" else pages[:1]:
                answer = page.goto(base + path)
                if answer is None or answer.status >= 400:
                    print(f"{name} {suffix}: {answer.status if answer else 'no answer'} (skipped)", flush=True)
                    continue
                height = page.evaluate("document.documentElement.scrollHeight")
                wide = page.evaluate("document.documentElement.scrollWidth")
                page.screenshot(path=os.path.join(args.out, f"{name}-{suffix}.png"), full_page=height < 30000)
                print(f"{name} {suffix}: {height} px high, {wide} px wide", flush=True)
            context.close()
        browser.close()
finally:
    server.terminate()
    try:
        server.wait(timeout=20)
    except subprocess.TimeoutExpired:
        server.kill()
    shutil.rmtree(scratch, ignore_errors=True)
