#!/usr/bin/env python3
"""Network previews and the live counter in a real headless Chromium (Debian's chromium, driven by Playwright).

Usage: previews_editor.py CONFIG_JSON
CONFIG_JSON: {"base": URL, "artifacts": DIR, "users": {"admin": [email, password], "manager_a": [email, password]},
              "previews": {NETWORK: VARIANT_ID, ...}, "edit": VARIANT_ID (manager A's X variant)}
Screenshots of each network's preview, desktop and 390 px phone, go to DIR/previews-NETWORK-{desktop,phone}.png.
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


with sync_playwright() as p:
    browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
    try:
        for size, viewport in [("desktop", {"width": 1280, "height": 900}), ("phone", {"width": 390, "height": 844})]:
            step(f"the admin sees each network's preview ({size})")
            page = login(browser.new_context(viewport=viewport), "admin")
            for network, variant in sorted(config["previews"].items()):
                page.goto(BASE + "/variants/" + variant)
                post = page.locator(f"article.pv-{network}")
                expect(post).to_be_visible()
                text = page.locator("#preview-text")
                assert "utm_" not in text.inner_text() or network in ("instagram", "tiktok"), f"{network} shows a UTM query"
                # Every network publishes natively (YouTube and TikTok included): no preview speaks of a webhook.
                expect(page.locator("#preview-webhook")).to_have_count(0)
                overflow = page.evaluate("document.scrollingElement.scrollWidth - window.innerWidth")
                assert overflow <= 0, f"{network} scrolls sideways by {overflow} px at {viewport['width']} px"
                page.locator("#preview").screenshot(path=os.path.join(ART, f"previews-{network}-{size}.png"))
            page.context.close()

        step("manager A types in the editor and the count follows as X counts")
        a = login(browser.new_context(viewport={"width": 1280, "height": 900}), "manager_a")
        a.goto(BASE + "/variants/" + config["edit"])
        counter = a.locator("#live-counter")
        expect(counter).to_be_visible()
        field = a.locator("#text")
        field.fill("")
        field.press_sequentially("Hydra 🌊 https://lumiere.example/fr-FR/hydra?utm_source=x", delay=20)
        # "Hydra " 6 + the emoji 2 + " " 1 + a link 23 = 32, as X counts.
        expect(counter).to_contain_text("32 / 280")
        a.screenshot(path=os.path.join(ART, "previews-editor-counting.png"), full_page=True)

        step("a text too long shows the problem in plain words next to the field, the rule id one click away")
        field.fill("Hydra " * 50)
        expect(counter).to_contain_text("300 / 280")
        problem = a.locator("#live-problems li").first
        expect(problem).to_contain_text("Too long for X: 300 of 280 characters as X counts them, 20 too many.")
        problem.locator("summary").click()
        expect(problem.locator("code")).to_contain_text("error[text.too-long]")
        expect(field).to_have_attribute("aria-invalid", "true")
        a.screenshot(path=os.path.join(ART, "previews-editor-problem.png"), full_page=True)

        step("fixed, the problem goes away")
        field.fill("Hydra arrive : votre peau va adorer.")
        expect(a.locator("#live-problems")).to_have_count(0)
        expect(counter).to_contain_text("36 / 280")
        step("Approve with the edit not saved approves nothing and says why")
        a.get_by_role("button", name="Approve", exact=True).click()
        expect(a.locator("#unsaved-edit")).to_contain_text("Nothing was approved: your edit is not saved")
        assert a.url.endswith("/variants/" + config["edit"]), f"Approve left the page: {a.url}"
        step("after a refused save the server's errors stay until the manager types again")
        field.fill("Hydra " * 50)
        a.get_by_role("button", name="Check and save").click()
        expect(a.locator("#text-errors")).to_contain_text("text.too-long")
        expect(a.locator("#live-counter")).to_contain_text("300 / 280")
        expect(a.locator("#text-errors")).to_be_visible()
        a.locator("#text").press("End")
        a.locator("#text").press_sequentially("!")
        expect(a.locator("#live-counter")).to_contain_text("301 / 280")
        expect(a.locator("#text-errors")).to_have_count(0)
        expect(a.locator("#live-problems")).to_contain_text("Too long for X: 301 of 280")
        print("ok", flush=True)
    finally:
        browser.close()
