#!/usr/bin/env python3
"""A stale Approve in a real headless Chromium: manager A loads a variant, the admin edits it in
another browser, A presses Approve on the page loaded before. Nothing is approved; A sees what
changed (who, the text shown then against the text now) and approves the current version.

Usage: stale_approval.py CONFIG_JSON
CONFIG_JSON: {"base": "http://127.0.0.1:PORT", "artifacts": DIR,
              "users": {"admin": [email, password], "manager_a": [email, password]},
              "variant": ID, "shown_text": TEXT, "new_text": TEXT}
Every step asserts; the first failure exits non-zero with the step's name.
"""
import json
import os
import sys

from playwright.sync_api import sync_playwright, expect

config = json.loads(sys.argv[1])
BASE = config["base"]
ART = config["artifacts"]
os.makedirs(ART, exist_ok=True)
VARIANT = "/variants/" + config["variant"]
steps = []


def step(name):
    steps.append(name)
    print(f"step: {name}", flush=True)


def login(context, who):
    email, password = config["users"][who]
    page = context.new_page()
    page.goto(BASE + "/login")
    page.get_by_label("E-mail").fill(email)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()
    expect(page.locator("header")).to_contain_text(email)
    return page


with sync_playwright() as p:
    browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
    try:
        step("manager A opens the variant")
        a = login(browser.new_context(), "manager_a")
        a.goto(BASE + VARIANT)
        expect(a.locator("#preview-text")).to_contain_text(config["shown_text"][:20])
        shown_revision = a.locator("form[action$='/approve'] input[name=revision]").get_attribute("value")
        assert shown_revision, "the approve form carries no revision"

        step("the admin edits the same variant in another browser")
        admin = login(browser.new_context(), "admin")
        admin.goto(BASE + VARIANT)
        admin.get_by_label("Text").fill(config["new_text"])
        admin.get_by_role("button", name="Check and save").click()
        expect(admin.locator(".notice")).to_contain_text("Saved")

        step("manager A presses Approve on the page loaded before: nothing is approved (409, answered in place)")
        with a.expect_response(lambda response: response.request.method == "POST") as answer:
            a.get_by_role("button", name="Approve").click()
        assert answer.value.status == 409, f"the stale approve answered {answer.value.status}"
        expect(a.locator("#state")).to_have_text("pending approval")
        expect(a.locator("#action-error")).to_contain_text("changed since revision " + shown_revision)
        expect(a.locator("#changes")).to_contain_text("Nothing was approved")
        expect(a.locator("#changes")).to_contain_text("edit by " + config["users"]["admin"][0])
        expect(a.locator("#shown-text")).to_contain_text(config["shown_text"][:20])
        expect(a.locator("#current-text")).to_contain_text(config["new_text"])
        expect(a.locator("#preview-text")).to_contain_text(config["new_text"][:20])
        a.screenshot(path=os.path.join(ART, "09-stale-approve.png"), full_page=True)

        step("the page offers a fresh Approve for the current version, which approves it")
        fresh = a.locator("form[action$='/approve'] input[name=revision]").get_attribute("value")
        assert fresh and fresh != shown_revision, f"the fresh form names revision {fresh!r}"
        a.get_by_role("button", name="Approve").click()
        expect(a.locator(".notice")).to_contain_text("Approved.")
        expect(a.locator("#state")).to_have_text("approved")
    except Exception as error:  # noqa: BLE001 - report which step failed, then fail
        print(f"FAILED at step: {steps[-1] if steps else '?'}: {error}", file=sys.stderr, flush=True)
        sys.exit(1)
    finally:
        browser.close()
print(f"ok: {len(steps)} steps", flush=True)
