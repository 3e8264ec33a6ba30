#!/usr/bin/env python3
"""The calendar in a real headless Chromium: a manager sees the month and week grids (desktop and a
390 px phone, without horizontal scrolling), moves one post with the form (a refused slot first, with
its rule), and another by dragging it onto another day.

Usage: calendar_moves.py CONFIG_JSON
CONFIG_JSON: {"base": "http://127.0.0.1:PORT", "artifacts": DIR, "user": [email, password],
              "account": ACCOUNT, "month": "YYYY-MM-DD",
              "form": {"variant": ID, "date": "YYYY-MM-DD", "time": "HH:MM"},
              "drag": {"variant": ID, "account": ACCOUNT, "from": "YYYY-MM-DD", "to": "YYYY-MM-DD", "time": "HH:MM"}}
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
steps = []


def step(name):
    steps.append(name)
    print(f"step: {name}", flush=True)


def login(page):
    email, password = config["user"]
    page.goto(BASE + "/login")
    page.get_by_label("E-mail").fill(email)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()
    expect(page.locator("header")).to_contain_text(email)


def accessible(page, what):
    """axe-core finds no serious or critical violation on the page."""
    violations = Axe().run(page).response["violations"]
    bad = [f"{v['id']} ({v['impact']}): {v['help']} x{len(v['nodes'])}" for v in violations
           if v.get("impact") in ("serious", "critical")]
    assert not bad, f"{what}: axe finds " + "; ".join(bad)


def no_horizontal_scroll(page, what):
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, f"{what} scrolls sideways at 390 px: {width} px wide"


def chip(page, variant):
    return page.locator("li.cal-post").filter(has=page.locator(f"a.cal-link[href='/variants/{variant}']"))


with sync_playwright() as p:
    browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
    try:
        desktop = browser.new_context(viewport={"width": 1280, "height": 900})
        page = desktop.new_page()
        login(page)
        account, month = config["account"], config["month"]

        step("the month grid of the account, on a desktop")
        page.goto(f"{BASE}/calendar?account={account}&view=month&date={month}")
        assert page.locator(".cal-month .cal-day").count() in (28, 35, 42), "the month grid is not whole weeks"
        expect(page.locator(".cal-month .cal-post").first).to_be_visible()
        page.screenshot(path=os.path.join(ART, "calendar-month-desktop.png"), full_page=True)
        accessible(page, "the month grid")

        step("the team's week grid, on a desktop")
        drag = config["drag"]
        page.goto(f"{BASE}/calendar?view=week&date={drag['from']}")
        expect(page.locator(".cal-week .cal-day")).to_have_count(7)
        page.screenshot(path=os.path.join(ART, "calendar-week-desktop.png"), full_page=True)
        accessible(page, "the week grid")

        step("a slot in quiet hours is refused with the rule")
        form = config["form"]
        page.goto(f"{BASE}/calendar?account={account}&view=month&date={month}")
        chip(page, form["variant"]).locator("a.cal-move").click()
        page.get_by_label("Day").fill(form["date"])
        page.get_by_label("Time").fill("23:10")
        page.get_by_role("button", name="Move").click()
        expect(page.locator("#move-refused")).to_contain_text("quiet hours")
        expect(page.locator("#move-refused")).to_contain_text("quiet-hours")
        page.screenshot(path=os.path.join(ART, "calendar-move-refused.png"), full_page=True)
        accessible(page, "the refused move form")

        step("a free slot, by the form")
        page.get_by_label("Time").fill(form["time"])
        page.get_by_label("Why (optional, kept in the audit log)").fill("shop event")
        page.get_by_role("button", name="Move").click()
        expect(page.locator(".notice")).to_contain_text(f"Moved {form['variant']} to {form['date']} {form['time']}")
        expect(chip(page, form["variant"])).to_have_count(1)
        expect(page.locator(f"li.cal-day[data-date='{form['date']}']")).to_contain_text(form["time"])

        step("another post, dragged onto another day of the week")
        page.goto(f"{BASE}/calendar?account={drag['account']}&view=week&date={drag['from']}")
        source = chip(page, drag["variant"])
        expect(source).to_have_attribute("draggable", "true")
        source.drag_to(page.locator(f"li.cal-day[data-date='{drag['to']}']"))
        expect(page.locator(".notice")).to_contain_text(f"Moved {drag['variant']} to {drag['to']} {drag['time']}")
        expect(page.locator(f"li.cal-day[data-date='{drag['to']}']").locator(f"a[href='/variants/{drag['variant']}']")).to_have_count(1)
        page.screenshot(path=os.path.join(ART, "calendar-week-after-drag.png"), full_page=True)

        step("the month and week grids on a 390 px phone: lists of days, no sideways scrolling")
        phone = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
        small = phone.new_page()
        login(small)
        small.goto(f"{BASE}/calendar?account={account}&view=month&date={month}")
        expect(small.locator(".cal-head")).to_be_hidden()
        no_horizontal_scroll(small, "the month grid")
        small.screenshot(path=os.path.join(ART, "calendar-month-phone.png"), full_page=True)
        accessible(small, "the month grid on a phone")
        small.goto(f"{BASE}/calendar?view=week&date={drag['from']}")
        no_horizontal_scroll(small, "the week grid")
        small.screenshot(path=os.path.join(ART, "calendar-week-phone.png"), full_page=True)
    except Exception as error:  # noqa: BLE001 - report which step failed, then fail
        print(f"FAILED at step: {steps[-1] if steps else '?'}: {error}", file=sys.stderr, flush=True)
        sys.exit(1)
    finally:
        browser.close()
