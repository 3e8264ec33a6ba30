#!/usr/bin/env python3
"""The engagement report in a real headless Chromium (Debian's chromium, driven by Playwright),
against `glocal run --demo` once its posts have gone out and their engagement has been read.

Usage: report.py CONFIG_JSON
CONFIG_JSON: {"base": "http://127.0.0.1:PORT", "artifacts": DIR,
              "users": {"admin": [email, password], "manager": [email, password]}}
The admin picks a custom period with the form, reads the headline figures and the charts, opens the
tables, downloads the CSV, looks at the page at 390 px and prints it to PDF; a French manager sees
only French accounts. Screenshots, the PDF and the CSV go to DIR (report-*.png, report.pdf, report.csv). Every step
asserts; the first failure exits non-zero with the step's name.
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
PERIOD = "/report?period=custom&from=2026-12-08&to=2026-12-14"


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


def figure(page, name):
    return page.locator(f"#figure-{name} .figure-value").inner_text()


def number(text):
    return int(text.replace(",", ""))


with sync_playwright() as p:
    browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
    try:
        step("the admin chooses a custom period with the form")
        admin = login(browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True), "admin")
        admin.goto(BASE + "/report")
        expect(admin.locator("h1")).to_have_text("Engagement report")
        admin.get_by_label("From (custom)").fill("2026-12-08")
        admin.get_by_label("To (custom)").fill("2026-12-14")
        # report.js: choosing a date switches the period to "Custom dates".
        expect(admin.get_by_label("Period", exact=True)).to_have_value("custom")
        admin.get_by_role("button", name="Show").click()
        expect(admin.locator("#report-period")).to_contain_text("2026-12-08 – 2026-12-14 (7 days)")
        assert "period=custom" in admin.url and "from=2026-12-08" in admin.url, admin.url

        step("headline figures come first, compared with the week before")
        posts = number(figure(admin, "posts"))
        assert posts > 50, f"only {posts} posts published in the demo's second week"
        assert number(figure(admin, "engagement")) > 0, "no engagement"
        assert number(figure(admin, "reach")) > 0, "no reach"
        assert figure(admin, "rate").endswith("%"), figure(admin, "rate")
        assert figure(admin, "punctuality").endswith("%"), figure(admin, "punctuality")
        delta = admin.locator("#figure-posts .figure-delta").inner_text()
        # An arrow (hidden from screen readers, which hear "up"/"down") may come before the signed change.
        assert re.search(r"[+−±]\s?[\d.,\u202f ]*\d\s?%", delta), f"the posts' change has no sign or percentage: {delta}"
        expect(admin.locator(".figure-compare")).to_contain_text("2026-12-01 – 2026-12-07")
        # Bluesky and Mastodon report no reach: the definitions say which networks the rate leaves out.
        expect(admin.locator(".report-definitions")).to_contain_text("(in this period: bluesky")

        step("four charts, each an image with a name and a data table")
        for name in ["Engagement by network", "Engagement by locale", "Engagement by team", "Engagement by weekday and hour"]:
            expect(admin.get_by_role("img", name=name).first).to_be_visible()
        expect(admin.locator("svg rect.chart-bar")).not_to_have_count(0)
        expect(admin.locator("svg rect.heat")).not_to_have_count(0)
        admin.screenshot(path=os.path.join(ART, "report-desktop.png"), full_page=True)

        step("print to PDF: no navigation, figures and charts on the first page")
        # A4 less the stylesheet's 12 mm margins is 703 x 1032 CSS pixels: lay the page out at that width.
        admin.set_viewport_size({"width": 703, "height": 1032})
        admin.emulate_media(media="print")
        expect(admin.locator("header")).to_be_hidden()
        expect(admin.locator(".report-controls")).to_be_hidden()
        charts_bottom = admin.evaluate("document.querySelector('.report-charts').getBoundingClientRect().bottom")
        assert charts_bottom <= 1032, f"the charts end at {charts_bottom} px, after the first A4 page (1032 px)"
        admin.screenshot(path=os.path.join(ART, "report-print-first-page.png"), clip={"x": 0, "y": 0, "width": 703, "height": 1032})
        pdf = os.path.join(ART, "report.pdf")
        admin.pdf(path=pdf, format="A4", print_background=True)
        with open(pdf, "rb") as f:
            data = f.read()
        assert data.startswith(b"%PDF-") and len(data) > 10_000, f"not a PDF ({len(data)} bytes)"
        pages = data.count(b"/Type /Page") - data.count(b"/Type /Pages")
        assert 2 <= pages <= 4, f"expected the summary and the definitions on 2 to 4 pages, got {pages}"
        admin.emulate_media(media="screen")
        admin.set_viewport_size({"width": 1280, "height": 900})

        step("the tables are one link away, the CSV one download away")
        admin.get_by_role("link", name="All tables").click()
        expect(admin.locator("h1")).to_have_text("Engagement report: tables")
        expect(admin.locator("#posts + p + .table-wrap tbody tr")).to_have_count(posts)
        admin.screenshot(path=os.path.join(ART, "report-tables.png"))
        with admin.expect_download() as download_info:
            admin.get_by_role("link", name="Download the period's posts (CSV)").click()
        download = download_info.value
        assert download.suggested_filename == "glocal-report-2026-12-08-to-2026-12-14.csv", download.suggested_filename
        csv_path = os.path.join(ART, "report.csv")
        download.save_as(csv_path)
        with open(csv_path, newline="") as f:
            rows = f.read().split("\r\n")
        assert rows[0].startswith("variant,campaign,account,team,network"), rows[0]
        assert len(rows) == posts + 2, f"{len(rows)} CSV lines for {posts} posts"

        step("a bad date is refused in plain words")
        answer = admin.goto(BASE + "/report?period=custom&from=2026-12-32&to=2026-12-14")
        assert answer.status == 400, answer.status
        expect(admin.locator("p.error")).to_contain_text("is not a date: write it as YYYY-MM-DD")

        step("on a 390 px phone the report fits without scrolling sideways")
        phone = login(browser.new_context(viewport={"width": 390, "height": 844}, device_scale_factor=2), "admin")
        phone.goto(BASE + PERIOD)
        expect(phone.locator("#figure-posts")).to_be_visible()
        width = phone.evaluate("document.documentElement.scrollWidth")
        assert width <= 390, f"the page is {width} px wide on a 390 px screen"
        phone.screenshot(path=os.path.join(ART, "report-phone.png"), full_page=True)

        step("a French manager's report covers only French accounts")
        manager = login(browser.new_context(), "manager")
        manager.goto(BASE + PERIOD.replace("/report?", "/report?view=tables&"))
        cells = manager.locator("#posts + p + .table-wrap tbody tr td:nth-child(2)").all_inner_texts()
        assert cells and all("/lumiere-fr-" in c for c in cells), f"a foreign account in the manager's report: {cells[:5]}"
        manager.goto(BASE + PERIOD)
        assert number(figure(manager, "posts")) == len(cells) < posts
    except Exception as error:  # noqa: BLE001 - report which step failed, then fail
        print(f"FAILED at step: {steps[-1] if steps else '?'}: {error}", file=sys.stderr, flush=True)
        sys.exit(1)
    finally:
        browser.close()
print(f"ok: {len(steps)} steps", flush=True)
