#!/usr/bin/env python3
"""End-to-end approval flow in a real headless Chromium (Debian's chromium, driven by Playwright).

Usage: approval_flow.py CONFIG_JSON
CONFIG_JSON: {"base": "http://127.0.0.1:PORT", "artifacts": DIR,
              "users": {"admin": [email, password], "manager_a": [...], "manager_b": [...]},
              "ids": {"a_x": ID, "a_reject": ID, "a_bulk": [ID, ID, ID], "a_untouched": ID, "b_approve": ID}}
Every step asserts; the first failure exits non-zero with the step's name.
"""
import json
import os
import re
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


def path(variant_id):
    return "/variants/" + variant_id


def login(context, who):
    email, password = config["users"][who]
    page = context.new_page()
    page.goto(BASE + "/login")
    page.get_by_label("E-mail").fill(email)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()
    expect(page.locator("header")).to_contain_text(email)
    # The header arrives first; a long queue may still be parsing, and the steps count its links at once.
    page.wait_for_load_state("domcontentloaded")
    return page


def shot(page, name):
    """A screenshot kept as evidence (it asserts nothing). Headless Chromium sometimes answers "Unable to capture
    screenshot" for a long page on a loaded machine (seen once in scripts/test on the phone queue): try once more,
    then keep the visible part rather than fail the flow over an artifact."""
    target = os.path.join(ART, name + ".png")
    for full_page in (True, True, False):
        try:
            page.screenshot(path=target, full_page=full_page)
            return
        except Exception as error:  # Playwright's Error: the protocol refused the capture
            print(f"screenshot {name} (full page: {full_page}) failed: {error}", file=sys.stderr)
    raise AssertionError(f"no screenshot of {name} could be taken")


with sync_playwright() as p:
    browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
    ids = config["ids"]
    try:
        # Manager A (France): queue scoped to the team, edit with an error, fix, approve, reject, bulk approve.
        step("manager A signs in and sees only the France team's variants")
        a = login(browser.new_context(), "manager_a")
        links = a.locator("main a[href^='/variants/']")
        hrefs = [links.nth(i).get_attribute("href") for i in range(min(links.count(), 400))]
        assert hrefs, "manager A's queue is empty"
        assert all("/lumiere-fr-" in h for h in hrefs), f"a foreign variant in manager A's queue: {hrefs[:5]}"
        shot(a, "01-manager-a-queue")

        step("the variant page shows the X preview with its counter")
        a.goto(BASE + path(ids["a_x"]))
        expect(a.locator("#counter")).to_contain_text("/ 280")
        shot(a, "02-variant-preview")

        step("an edit that is too long is refused with the rule next to the field")
        a.get_by_label("Text").fill("Hydra " * 60)
        a.get_by_role("button", name="Check and save").click()
        expect(a.locator("#text-errors")).to_contain_text("text.too-long")
        expect(a.locator("#text-errors")).to_contain_text("/280 weighted characters")
        shot(a, "03-edit-error")

        step("the fixed edit is saved and the variant still waits for approval")
        a.get_by_label("Text").fill("Hydra arrive à Paris : votre peau va adorer. #HydraSerum")
        a.get_by_role("button", name="Check and save").click()
        expect(a.locator(".notice")).to_contain_text("Saved")
        expect(a.locator("#state")).to_have_text("pending approval")
        expect(a.locator("#preview-text")).to_contain_text("Hydra arrive à Paris")

        step("manager A approves it")
        a.get_by_role("button", name="Approve").click()
        expect(a.locator(".notice")).to_contain_text("Approved.")
        expect(a.locator("#state")).to_have_text("approved")
        shot(a, "04-approved")

        step("manager A rejects another variant with a reason")
        a.goto(BASE + path(ids["a_reject"]))
        a.get_by_label("Reason for rejecting").fill("Our store is closed that day")
        a.get_by_role("button", name="Reject").click()
        expect(a.locator("#state")).to_have_text("rejected")

        step("manager A bulk-approves three variants from the queue")
        a.goto(BASE + "/")
        for variant_id in ids["a_bulk"]:
            a.locator(f"input[type=checkbox][value^='{variant_id}@']").check()
        a.get_by_role("button", name="Approve selected").click()
        expect(a.locator(".notice")).to_contain_text("Approved 3 variants.")
        for variant_id in ids["a_bulk"]:
            expect(a.locator(f"input[type=checkbox][value^='{variant_id}@']")).to_have_count(0)
        shot(a, "05-bulk-approved")

        step("manager A pauses and resumes one of the team's accounts on the accounts page")
        account = ids["a_x"].split("/")[-1]
        a.get_by_role("link", name="Accounts", exact=True).click()
        expect(a.locator(f"#account-{account}")).to_contain_text("OK")
        a.get_by_role("button", name=f"Pause {account}").click()
        expect(a.locator(".notice")).to_contain_text("Paused.")
        expect(a.locator(f"#account-{account}")).to_contain_text("Paused")
        shot(a, "05b-account-paused")
        a.get_by_role("button", name=f"Resume {account}").click()
        expect(a.locator(".notice")).to_contain_text("Resumed.")
        expect(a.locator(f"#account-{account}")).to_contain_text("OK")

        step("manager A is refused manager B's variant (403)")
        response = a.goto(BASE + path(ids["b_approve"]))
        assert response.status == 403, f"expected 403, got {response.status}"
        expect(a.locator("h1")).to_have_text("Forbidden")

        step("the queue is readable on a phone")
        phone = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
        mobile = login(phone, "manager_a")
        width = mobile.evaluate("document.documentElement.scrollWidth")
        assert width <= 400, f"the queue scrolls sideways on a phone ({width}px)"
        shot(mobile, "06-phone-queue")

        # Manager B (United Kingdom): own queue, approve, refused France's variant.
        step("manager B sees only the UK team's variants and approves one")
        b = login(browser.new_context(), "manager_b")
        links = b.locator("main a[href^='/variants/']")
        hrefs = [links.nth(i).get_attribute("href") for i in range(min(links.count(), 400))]
        assert hrefs and all("/lumiere-uk-" in h for h in hrefs), f"manager B's queue: {hrefs[:5]}"
        b.goto(BASE + path(ids["b_approve"]))
        b.get_by_role("button", name="Approve").click()
        expect(b.locator("#state")).to_have_text("approved")

        step("manager B is refused manager A's variant, and a forged approve of it")
        response = b.goto(BASE + path(ids["a_reject"]))
        assert response.status == 403, f"expected 403, got {response.status}"
        b.goto(BASE + "/")
        csrf = b.locator("input[name=csrf]").first.get_attribute("value")
        status = b.evaluate(
            """async ([url, csrf]) => (await fetch(url, {method: 'POST', body: new URLSearchParams({csrf}),
                 headers: {'Content-Type': 'application/x-www-form-urlencoded'}, redirect: 'manual'})).status""",
            [BASE + path(ids["a_untouched"]) + "/approve", csrf])
        assert status == 403, f"a forged approve of another team's variant answered {status}"

        # Admin: campaign progress and the audit log with every action.
        step("the admin sees the campaign's progress and the audit log")
        admin = login(browser.new_context(), "admin")
        campaign = ids["a_x"].split("/")[0]
        admin.goto(BASE + "/campaigns/" + campaign)
        expect(admin.locator("#campaign-progress")).to_contain_text("variants approved across")
        shot(admin, "07-campaign-overview")
        admin.goto(BASE + "/audit")
        audit = admin.locator("#audit")
        email_a = config["users"]["manager_a"][0]
        email_b = config["users"]["manager_b"][0]
        expect(audit).to_contain_text("Our store is closed that day")
        rows = audit.locator("tbody tr")
        texts = [rows.nth(i).inner_text() for i in range(min(rows.count(), 50))]
        assert any(email_a in t and "edit" in t for t in texts), "no edit by manager A in the audit log"
        assert sum(1 for t in texts if email_a in t and "approve" in t) == 4, "expected 4 approvals by manager A"
        assert any(email_b in t and "approve" in t for t in texts), "no approval by manager B in the audit log"
        shot(admin, "08-audit-log")
    except Exception as error:  # noqa: BLE001 - report which step failed, then fail
        print(f"FAILED at step: {steps[-1] if steps else '?'}: {error}", file=sys.stderr, flush=True)
        sys.exit(1)
    finally:
        browser.close()
print(f"ok: {len(steps)} steps", flush=True)
