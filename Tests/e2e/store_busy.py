#!/usr/bin/env python3
"""A busy store in a real headless Chromium (Debian's chromium, driven by Playwright).

Usage: store_busy.py CONFIG_JSON
CONFIG_JSON: {"base": "http://127.0.0.1:PORT", "artifacts": DIR, "database": PATH_OF_THE_STORE,
              "user": [email, password], "variant": ID}
While this script holds the store's write lock (an open IMMEDIATE transaction, as `glocal apply`
does), pressing Approve must show the "store is being updated" page (503, Retry-After), not a
blank 500; once the lock is gone the same button approves. Every step asserts; the first failure
exits non-zero with the step's name.
"""
import json
import os
import sqlite3
import sys

from playwright.sync_api import sync_playwright, expect

config = json.loads(sys.argv[1])
BASE = config["base"]
ART = config["artifacts"]
os.makedirs(ART, exist_ok=True)
steps = []


def step(name):
    steps.append(name)
    print(f"step: {name}", flush=True)


with sync_playwright() as p:
    browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
    lock = None
    try:
        step("the manager signs in and opens a pending variant")
        page = browser.new_context().new_page()
        page.goto(BASE + "/login")
        page.get_by_label("E-mail").fill(config["user"][0])
        page.get_by_label("Password").fill(config["user"][1])
        page.get_by_role("button", name="Sign in").click()
        expect(page.locator("header")).to_contain_text(config["user"][0])
        variant_path = "/variants/" + config["variant"]
        page.goto(BASE + variant_path)
        expect(page.locator("#state")).to_have_text("pending approval")

        step("another process takes the store's write lock")
        lock = sqlite3.connect(config["database"], timeout=0, isolation_level=None)
        lock.execute("BEGIN IMMEDIATE")

        step("Approve answers the 'store is being updated' page after the busy timeout")
        with page.expect_response(lambda r: r.url.endswith("/approve")) as answer:
            page.get_by_role("button", name="Approve").click()
        response = answer.value
        assert response.status == 503, f"expected 503, got {response.status}"
        assert response.headers.get("retry-after") == "5", f"Retry-After: {response.headers.get('retry-after')}"
        expect(page.locator("h1")).to_have_text("The store is being updated", timeout=30_000)
        expect(page.locator("#store-busy")).to_contain_text("Try again in a few seconds")
        page.screenshot(path=os.path.join(ART, "store-busy.png"), full_page=True)

        step("the lock is released and the same Approve goes through")
        lock.execute("ROLLBACK")
        lock.close()
        lock = None
        page.goto(BASE + variant_path)
        page.get_by_role("button", name="Approve").click()
        expect(page.locator(".notice")).to_contain_text("Approved.")
        expect(page.locator("#state")).to_have_text("approved")
    except Exception as error:  # noqa: BLE001 - report which step failed, then fail
        print(f"FAILED at step: {steps[-1] if steps else '?'}: {error}", file=sys.stderr, flush=True)
        sys.exit(1)
    finally:
        if lock is not None:
            lock.close()
        browser.close()
print(f"ok: {len(steps)} steps", flush=True)
