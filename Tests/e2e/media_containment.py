#!/usr/bin/env python3
"""A signed-in viewer in a real headless Chromium: a referenced image shows in a variant's preview, while
links under assets/ to a secret outside the workspace, to the key file and to the store answer 404.

Usage: media_containment.py CONFIG_JSON
CONFIG_JSON: {"base": "http://127.0.0.1:PORT", "artifacts": DIR, "viewer": [email, password],
              "variant": ID, "image": "assets/.../x.png", "refused": ["assets/secret.png", ...],
              "markers": ["SECRET_TOKEN", ...]}
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


with sync_playwright() as p:
    browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
    try:
        step("the viewer signs in")
        context = browser.new_context()
        page = context.new_page()
        email, password = config["viewer"]
        page.goto(BASE + "/login")
        page.get_by_label("E-mail").fill(email)
        page.get_by_label("Password").fill(password)
        page.get_by_role("button", name="Sign in").click()
        expect(page.locator("header")).to_contain_text(email)

        step("a referenced image shows in the variant's preview")
        page.goto(BASE + "/variants/" + config["variant"])
        image = page.locator(f"img[src='/media/{config['image']}']").first
        expect(image).to_be_visible()
        page.wait_for_function("img => img.complete", arg=image.element_handle())
        width = image.evaluate("img => img.naturalWidth")
        assert width > 0, f"the preview image did not load (naturalWidth {width})"
        page.screenshot(path=os.path.join(ART, "media-01-viewer-preview.png"), full_page=True)

        step("links to secrets under assets/ answer 404, with no secret in the answer")
        for path in config["refused"]:
            response = context.request.get(BASE + "/media/" + path, max_redirects=0)
            body = response.text()
            assert response.status == 404, f"/media/{path} answered {response.status}"
            for marker in config["markers"]:
                assert marker not in body, f"/media/{path} leaked {marker}"
            shown = page.goto(BASE + "/media/" + path)
            assert shown.status == 404, f"the browser got {shown.status} for /media/{path}"
        page.screenshot(path=os.path.join(ART, "media-02-viewer-refused.png"), full_page=True)

        step("the referenced image itself is served as a PNG")
        response = context.request.get(BASE + "/media/" + config["image"])
        assert response.status == 200 and response.headers["content-type"] == "image/png", response.status
        assert response.body()[:8] == b"\x89PNG\r\n\x1a\n"
    finally:
        browser.close()
print("ok")
