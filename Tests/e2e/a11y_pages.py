#!/usr/bin/env python3
"""Every page of the web UI in a real headless Chromium, checked by axe-core (no serious or critical
violation), as the admin, a manager and a viewer, with a screenshot of each; then the queue used with
the keyboard only (skip link, a visible focus ring, tick a box, submit).

Usage: a11y_pages.py CONFIG_JSON
CONFIG_JSON: {"base": "http://127.0.0.1:PORT", "artifacts": DIR,
              "users": {"admin": [email, password], "manager": [...], "viewer": [...]},
              "campaign": CAMPAIGN_ID, "variants": {NETWORK: VARIANT_ID, ...} (the manager's, one per network),
              "edit": VARIANT_ID (the manager's X variant), "move": VARIANT_ID, "pause": ACCOUNT_ID,
              "carousel": VARIANT_ID (several images), "history": VARIANT_ID (edited on the phone),
              "month": "YYYY-MM-DD"}
Every page is checked before the script fails, so one run lists every violation; then it exits non-zero.
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
problems = []
checked = []


def check(page, name):
    """Screenshots the page as a11y-NAME.png and records axe's serious and critical violations."""
    page.screenshot(path=os.path.join(ART, f"a11y-{name}.png"), full_page=True)
    checked.append(name)
    for violation in axe.run(page).response["violations"]:
        if violation.get("impact") not in ("serious", "critical"):
            print(f"axe, {violation.get('impact')} (not failing): {name}: {violation['id']}: {violation['help']}", flush=True)
        else:
            targets = ", ".join(str(node["target"]) for node in violation["nodes"][:4])
            problems.append(f"{name}: {violation['id']} ({violation['impact']}) x{len(violation['nodes'])}: "
                            f"{violation['help']} at {targets}")
    print(f"checked: {name}", flush=True)


def login(context, role):
    page = context.new_page()
    email, password = config["users"][role]
    page.goto(BASE + "/login")
    page.get_by_label("E-mail").fill(email)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()
    expect(page.locator("header")).to_contain_text(email)
    return page


def variant_path(variant):
    return "/variants/" + variant


def move_path(variant):
    return "/calendar/move/" + variant


def visit(page, role, name, path):
    page.goto(BASE + path)
    check(page, f"{role}-{name}")


def fits(page, name):
    """WCAG 1.4.10 reflow: at 320 CSS pixels the page itself does not scroll sideways (wide tables and carousels
    scroll inside their own focusable regions)."""
    widths = page.evaluate("[document.documentElement.scrollWidth, document.documentElement.clientWidth]")
    if widths[0] > widths[1]:
        problems.append(f"{name}: the page scrolls sideways at 320 px ({widths[0]} > {widths[1]} pixels)")


def phone(page):
    """The manager's daily pages on a 320 px wide phone: axe, and nothing wider than the screen."""
    pages = [
        ("queue", "/"), ("campaigns", "/campaigns"), ("campaign", "/campaigns/" + config["campaign"]),
        ("calendar-month", f"/calendar?view=month&date={config['month']}"),
        ("calendar-week", f"/calendar?view=week&date={config['month']}"),
        ("calendar-empty-month", "/calendar?view=month&date=2026-10-01"), ("accounts", "/accounts"),
        ("audit", "/audit"), ("report", "/report?period=last-4-weeks"), ("report-tables", "/report?view=tables"),
        ("notifications", "/notifications"), ("move", move_path(config["move"])),
        ("variant-history", variant_path(config["history"])), ("variant-carousel", variant_path(config["carousel"])),
    ]
    for name, path in pages:
        page.goto(BASE + path)
        check(page, f"phone-{name}")
        fits(page, f"phone-{name}")


def common_pages(page, role):
    visit(page, role, "queue", "/")
    visit(page, role, "queue-filtered", "/?network=x&soon=1")
    visit(page, role, "campaigns", "/campaigns")
    visit(page, role, "campaign", "/campaigns/" + config["campaign"])
    visit(page, role, "calendar-month", f"/calendar?view=month&date={config['month']}")
    visit(page, role, "calendar-week", f"/calendar?view=week&date={config['month']}")
    visit(page, role, "accounts", "/accounts")
    visit(page, role, "audit", "/audit")
    visit(page, role, "report", "/report?period=last-4-weeks")
    visit(page, role, "report-tables", "/report?view=tables")
    visit(page, role, "notifications", "/notifications")
    visit(page, role, "not-found", "/no-such-page")
    visit(page, role, "variant", variant_path(config["variants"]["x"]))


def luminance(colour):
    """The relative luminance of a CSS `rgb(r, g, b)` colour (WCAG)."""
    channels = [int(part) / 255 for part in colour[colour.index("(") + 1:colour.index(")")].split(",")[:3]]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a, b):
    light, dark = sorted((luminance(a), luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def keyboard(page):
    """The manager's queue with the keyboard only."""
    page.goto(BASE + "/")
    page.keyboard.press("Tab")
    skip = page.evaluate("document.activeElement.textContent")
    assert "Skip to content" in skip, f"the first Tab does not reach the skip link: {skip!r}"
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#main", "the skip link does not lead to the main content"
    box = page.locator("li.q-item input[type=checkbox]").first
    print("approving by keyboard: " + box.get_attribute("value").split("@")[0], flush=True)
    for _ in range(400):
        page.keyboard.press("Tab")
        if box.evaluate("element => element === document.activeElement"):
            break
    else:
        raise AssertionError("tabbing never reached the post's box")
    ring = box.evaluate("""element => { const style = getComputedStyle(element);
        return {outline: style.outlineStyle, width: parseFloat(style.outlineWidth) || 0, colour: style.outlineColor}; }""")
    assert ring["outline"] != "none" and ring["width"] >= 2, f"the focused box shows no focus ring: {ring}"
    ratio = contrast(ring["colour"], "rgb(255, 255, 255)")
    assert ratio >= 3, f"the focus ring is too faint on white: {ring['colour']} ({ratio:.1f}:1, needs 3:1)"
    hidden = box.evaluate("""element => { const r = element.getBoundingClientRect();
        const top = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
        return !(top === element || element.contains(top)); }""")
    assert not hidden, "the focused box is hidden (under the sticky action bar?)"
    page.screenshot(path=os.path.join(ART, "a11y-keyboard-focus.png"), full_page=False)
    page.keyboard.press("Space")
    assert box.is_checked(), "Space did not tick the box"
    for _ in range(400):
        page.keyboard.press("Tab")
        name = page.evaluate("document.activeElement.textContent || ''")
        if page.evaluate("document.activeElement.tagName") == "BUTTON" and "Approve selected" in name:
            break
    else:
        raise AssertionError("tabbing never reached the button 'Approve selected'")
    page.keyboard.press("Enter")
    expect(page.locator(".notice")).to_contain_text("Approved 1 variant.")
    # Enter in the rejection reason rejects the ticked box (it never approves it).
    other = page.locator("li.q-item input[type=checkbox]").first
    print("rejecting by keyboard: " + other.get_attribute("value").split("@")[0], flush=True)
    other.check()
    page.get_by_label("Reason for rejecting the selected").fill("Wrong visual for this city")
    page.get_by_label("Reason for rejecting the selected").press("Enter")
    expect(page.locator(".notice")).to_contain_text("Rejected 1 variant.")


with sync_playwright() as p:
    browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
    failure = None
    try:
        anonymous = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
        anonymous.goto(BASE + "/login")
        check(anonymous, "login")
        anonymous.get_by_label("E-mail").fill(config["users"]["viewer"][0])
        anonymous.get_by_label("Password").fill("not the password")
        anonymous.get_by_role("button", name="Sign in").click()
        check(anonymous, "login-failed")

        for role in ("admin", "manager", "viewer"):
            page = login(browser.new_context(viewport={"width": 1280, "height": 900}), role)
            common_pages(page, role)

        manager = login(browser.new_context(viewport={"width": 1280, "height": 900}), "manager")
        for network, variant in sorted(config["variants"].items()):
            visit(manager, "manager", f"variant-{network}", variant_path(variant))
        visit(manager, "manager", "move", move_path(config["move"]))
        visit(manager, "manager", "variant-carousel", variant_path(config["carousel"]))
        manager.goto(BASE + variant_path(config["edit"]))
        manager.locator("#text").fill("Hydra " * 50)
        manager.get_by_role("button", name="Check and save").click()
        expect(manager.locator("#text-errors")).to_contain_text("text.too-long")
        check(manager, "manager-variant-edit-error")

        admin = login(browser.new_context(viewport={"width": 1280, "height": 900}), "admin")
        admin.goto(BASE + "/accounts")
        admin.get_by_role("button", name="Pause " + config["pause"], exact=True).click()
        expect(admin.locator(".notice")).to_be_visible()
        check(admin, "admin-accounts-paused")
        admin.get_by_label("Reason (shown on every page, to everyone)").fill("Product recall")
        admin.get_by_role("button", name="Pause every account").click()
        expect(admin.locator("#resume-all")).to_be_visible()
        check(admin, "admin-accounts-global-pause")
        visit(admin, "admin", "queue-global-pause", "/")
        admin.goto(BASE + "/accounts")
        admin.locator("#resume-all").click()

        # The manager's edit refused above left the history empty: a saved edit gives the history a row.
        phone_page = login(browser.new_context(viewport={"width": 320, "height": 800}), "manager")
        phone_page.goto(BASE + variant_path(config["history"]))
        phone_page.locator("#text").fill("Hydra Glow: an edit to give the history a row, on a phone.")
        phone_page.get_by_role("button", name="Check and save").click()
        expect(phone_page.locator(".notice")).to_be_visible()
        phone(phone_page)

        keyboard(login(browser.new_context(viewport={"width": 1280, "height": 900}), "manager"))
    except Exception as error:  # noqa: BLE001 - report where it failed, then fail
        failure = f"FAILED after {checked[-1] if checked else 'no page'}: {error}"
    finally:
        browser.close()
    print(f"pages checked: {len(checked)}", flush=True)
    for problem in problems:
        print("axe: " + problem, file=sys.stderr, flush=True)
    if failure:
        print(failure, file=sys.stderr, flush=True)
    if failure or problems:
        sys.exit(1)
