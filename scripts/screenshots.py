"""Take the README screenshots from a running SLIM (default http://127.0.0.1:8000) with demo data.

Usage: .venv/bin/python scripts/screenshots.py [base-url]
Drives Debian's Chromium through Playwright, like the browser tests.
"""

import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

BASE = sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:8000"
OUT = Path(__file__).resolve().parent.parent / "docs" / "screenshots"
ARGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"]


def shoot(page, name, path):
    page.goto(BASE + path)
    page.screenshot(path=str(OUT / f"{name}.png"), full_page=False)


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 860}, locale="nl-NL")
        shoot(page, "kennisbank", "/kennis/")
        shoot(page, "logica-kansen", "/kennis/logicas/kansen/")
        shoot(page, "interventies", "/interventies/?q=schulden")
        page.goto(BASE + "/account/inloggen/")
        page.get_by_label("Gebruikersnaam").fill("anna")
        page.get_by_label("Wachtwoord").fill("slim-demo-2026")
        page.get_by_role("button", name="Inloggen").click()
        page.goto(BASE + "/matching/")
        page.get_by_label("Naam of initialen").fill("Mevrouw K.")
        page.get_by_role("button", name="Cliënt aanmaken").click()
        page.locator("#blok-werk textarea").fill(
            "Ik wil wel een vaste baan, maar omgaan met collega's vind ik nog moeilijk.\nKan iemand mij dat leren?"
        )
        page.get_by_role("button", name="Bekijk het voorstel").click()
        page.screenshot(path=str(OUT / "voorstel.png"), full_page=False)
        browser.close()


if __name__ == "__main__":
    main()
