#!/usr/bin/env python3
"""Connecting accounts through the networks' own sign-in pages, in a real headless Chromium (Debian's chromium,
driven by Playwright), against `glocal serve --demo --oauth-sandbox URL` and `glocal sandbox`.

Usage: connect_accounts.py CONFIG_JSON
CONFIG_JSON: {"base": "http://127.0.0.1:PORT", "sandbox": "http://127.0.0.1:PORT", "artifacts": DIR,
              "user": [email, password], "fault_account": ID, "accounts": [ID, ...], "bluesky": ID}
The local manager presses Connect, and on the sandbox's authorization page:
  - denies: glocal says access was denied, nothing stored;
  - picks another account: refused, naming both handles;
  - unticks a permission: refused, naming the missing scope;
  - approves, but the code reaches glocal after it expired (the sandbox's clock moved on meanwhile): refused;
  - approves with a tampered state: refused as unknown;
then connects every account of `accounts` (and Bluesky with an app password) and the accounts page shows who
connected it, as whom, with which scopes, until when. Every step asserts; the first failure exits non-zero.
"""
import json
import os
import sys
import urllib.request

from playwright.sync_api import sync_playwright, expect

config = json.loads(sys.argv[1])
BASE = config["base"]
SANDBOX = config["sandbox"]
ART = config["artifacts"]
os.makedirs(ART, exist_ok=True)


def step(name):
    print(f"step: {name}", flush=True)


def advance_sandbox_clock(seconds):
    request = urllib.request.Request(
        SANDBOX + "/_sandbox/clock", data=json.dumps({"advance": seconds}).encode(),
        headers={"Content-Type": "application/json"}, method="POST")
    urllib.request.urlopen(request).read()


def connect(page, account):
    """From the accounts page, press Connect (or Reconnect) for `account`; the sandbox's page opens."""
    page.goto(BASE + "/accounts")
    page.locator(f"#connect-{account}").click()
    expect(page.locator("h1")).to_contain_text("sandbox: authorize glocal")


def refused(page, text):
    expect(page.locator("h1")).to_have_text("Not connected")
    expect(page.locator("#connect-refusal")).to_contain_text(text)


with sync_playwright() as p:
    browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
    try:
        page = browser.new_context().new_page()
        step("the manager signs in and sees a Connect button on their accounts")
        page.goto(BASE + "/login")
        page.get_by_label("E-mail").fill(config["user"][0])
        page.get_by_label("Password").fill(config["user"][1])
        page.get_by_role("button", name="Sign in").click()
        expect(page.locator("header")).to_contain_text(config["user"][0])
        page.goto(BASE + "/accounts")
        account = config["fault_account"]
        expect(page.locator(f"#connect-{account}")).to_have_text("Connect")

        step("the manager denies on the network's page")
        connect(page, account)
        page.screenshot(path=os.path.join(ART, "connect-authorize.png"), full_page=True)
        page.locator("#deny").click()
        refused(page, "access was denied on the network's page; nothing was stored")

        step("the manager signs in as another account")
        connect(page, account)
        page.get_by_label("someone-else").check()
        page.locator("#approve").click()
        refused(page, "signed in as 'someone-else'")

        step("the manager unticks a permission")
        connect(page, account)
        page.get_by_label("tweet.write").uncheck()
        page.locator("#approve").click()
        refused(page, "missing tweet.write")

        step("the code reaches glocal after it expired")
        connect(page, account)

        def late(route):
            # The sandbox hands out the code; its clock moves on before the browser follows the redirect to glocal.
            answer = route.fetch(max_redirects=0)
            advance_sandbox_clock(31)
            route.fulfill(response=answer)

        page.route("**/x/oauth/authorize*", late)
        page.locator("#approve").click()
        refused(page, "Value passed for the authorization code was invalid.")  # X's answer to a code past its 30 s
        page.unroute("**/x/oauth/authorize*")

        step("the state comes back tampered with")
        connect(page, account)
        page.locator("input[name=state]").evaluate("field => field.value = 'tampered'")
        page.locator("#approve").click()
        refused(page, "unknown or was used already")

        for account in config["accounts"]:
            step(f"the manager connects {account}")
            connect(page, account)
            page.locator("#approve").click()
            expect(page.locator("#notice, .notice").first).to_contain_text("Connected.")
            row = page.locator(f"#account-{account}")
            expect(row).to_contain_text(f"Connected by {config['user'][0]}")
            expect(row).to_contain_text("OAuth as")
            expect(row.locator(f"#connect-{account}")).to_have_text("Reconnect")

        step("the manager connects Bluesky with an app password")
        account = config["bluesky"]
        page.goto(BASE + "/accounts")
        page.locator(f"#connect-{account}").click()
        page.get_by_label("App password (xxxx-xxxx-xxxx-xxxx)").fill("not-an-app-password")
        page.locator("#connect").click()
        expect(page.locator("#connect-refusal")).to_contain_text("this is not a Bluesky app password")
        page.get_by_label("App password (xxxx-xxxx-xxxx-xxxx)").fill("abcd-efgh-ijkl-mnop")
        page.locator("#connect").click()
        row = page.locator(f"#account-{account}")
        expect(row).to_contain_text("Bluesky app password as")
        page.screenshot(path=os.path.join(ART, "connect-accounts.png"), full_page=True)
        print("ok", flush=True)
    except Exception:
        page.screenshot(path=os.path.join(ART, "connect-failure.png"), full_page=True)
        raise
    finally:
        browser.close()
