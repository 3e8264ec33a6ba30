#!/usr/bin/env python3
"""The manager's queue in a real headless Chromium (Debian's chromium, driven by Playwright).

Usage: queue_flow.py CONFIG_JSON
CONFIG_JSON: {"base": URL, "artifacts": DIR, "users": {"admin": [email, password], "manager_a": [email, password]},
              "reject": [ID, ID] (manager A's), "approve": ID (manager A's), "search": WORD (in some of A's texts)}
Screenshots: DIR/queue-desktop.png (1280 px) and DIR/queue-phone.png (390 x 844).
Every step asserts; the first failure exits non-zero with the step's name.
"""
import json
import os
import sys

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import sync_playwright, expect

config = json.loads(sys.argv[1])
BASE = config["base"]
ART = config["artifacts"]
os.makedirs(ART, exist_ok=True)
axe = Axe()


def step(name):
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


def no_serious_violation(page, where):
    violations = axe.run(page).response["violations"]
    serious = [f"{v['id']} ({v['impact']}): {v['nodes'][0]['target']}" for v in violations
               if v["impact"] in ("serious", "critical")]
    assert not serious, f"axe on {where}: {serious}"


def box(page, variant_id):
    return page.locator(f"input[type=checkbox][value^='{variant_id}@']")


with sync_playwright() as p:
    browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
    try:
        step("the admin's queue is paged: 50 cards, the total, a next link")
        admin = login(browser.new_context(viewport={"width": 1280, "height": 900}), "admin")
        expect(admin.locator("li.q-item")).to_have_count(50)
        expect(admin.locator("#queue-total")).to_contain_text("Showing 1–50 of")
        admin.get_by_role("link", name="Next →").click()
        expect(admin.locator("#queue-total")).to_contain_text("Showing 51–100 of")
        height = admin.evaluate("document.documentElement.scrollHeight")
        print(f"admin's queue page: {height} px high", flush=True)
        admin.context.close()

        step("manager A sees cards with text, thumbnail, network and local times; axe finds nothing serious")
        a = login(browser.new_context(viewport={"width": 1280, "height": 900}), "manager_a")
        card = a.locator("li.q-item").first
        expect(card.locator(".q-text a")).not_to_be_empty()
        expect(card.locator(".net[role=img]")).to_have_count(1)
        expect(card.locator(".q-slot time")).to_contain_text("CET")
        expect(card.locator(".q-rel").first).to_contain_text("in ")
        thumbs = a.locator("img.q-thumb[loading=lazy]")
        assert thumbs.count() > 0, "no thumbnail in manager A's queue"
        thumbs.first.scroll_into_view_if_needed()
        a.wait_for_function("() => { const i = document.querySelector('img.q-thumb'); return i.complete && i.naturalWidth > 0 }")
        no_serious_violation(a, "manager A's queue")
        a.screenshot(path=os.path.join(ART, "queue-desktop.png"))

        step("filters and search are a plain GET form; the page links keep them")
        a.locator("#filters summary").click()
        a.get_by_label("Network").select_option("x")
        a.get_by_label("Search in text").fill(config["search"])
        a.get_by_role("button", name="Filter").click()
        assert "network=x" in a.url and "q=" in a.url, a.url
        expect(a.locator("li.q-item").first).to_be_visible()
        for badge in a.locator("li.q-item .net").all():
            expect(badge).to_have_attribute("aria-label", "X")
        for text in a.locator("li.q-item .q-text").all_inner_texts():
            assert config["search"].lower() in text.lower(), f"'{text}' does not contain the search"
        a.get_by_role("link", name="Clear").click()
        expect(a.locator("#q")).to_have_value("")

        step("bulk reject without a reason is refused and rejects nothing")
        for variant_id in config["reject"]:
            box(a, variant_id).check()
        a.get_by_role("button", name="Reject selected").click()
        expect(a.locator("#bulk-error")).to_contain_text("A rejection needs a reason")

        step("bulk reject with a reason rejects both; bulk approve approves one")
        for variant_id in config["reject"]:
            box(a, variant_id).check()
        a.get_by_label("Reason for rejecting the selected").fill("Our stores are closed that week")
        a.get_by_role("button", name="Reject selected").click()
        expect(a.locator(".notice")).to_contain_text("Rejected 2 variants.")
        for variant_id in config["reject"]:
            expect(box(a, variant_id)).to_have_count(0)
        box(a, config["approve"]).check()
        a.get_by_role("button", name="Approve selected").click()
        expect(a.locator(".notice")).to_contain_text("Approved 1 variant.")
        expect(box(a, config["approve"])).to_have_count(0)

        step("on a 390 px phone the queue does not scroll sideways")
        phone = login(browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True), "manager_a")
        expect(phone.locator("li.q-item").first).to_be_visible()
        width = phone.evaluate("document.documentElement.scrollWidth")
        assert width <= 390, f"the queue scrolls sideways on a phone ({width} px)"
        no_serious_violation(phone, "the queue on a phone")
        phone.screenshot(path=os.path.join(ART, "queue-phone.png"))
    finally:
        browser.close()
print("ok", flush=True)
