"""The website: the chat page served by the Rasa server, driven in headless Chromium (Debian's package)
by playwright-core through tests/browser/webchat.mjs, on a phone-sized screen. Screenshots are left in
test_artifacts/."""

import json
import shutil
import subprocess

import pytest
import requests
from conftest import ROOT
from interview import MORTONS_NEUROMA, PLAIN_ANSWERS

pytestmark = pytest.mark.server

ARTIFACTS = ROOT / "test_artifacts"


def test_the_page_is_served_with_the_widget_and_no_cdn(bot):
    page = requests.get(f"{bot.url}/chat/", timeout=30)
    assert page.status_code == 200 and page.headers["Content-Type"].startswith("text/html")
    assert "999" in page.text and "112" in page.text and "911" in page.text and "not a diagnosis" in page.text
    assert "http" not in page.text.replace("https://", "http://")  # every asset from this server
    widget = requests.get(f"{bot.url}/chat/webchat.js", timeout=30)
    assert widget.status_code == 200 and b"fonts.googleapis" not in widget.content
    assert "default-src 'self'" in widget.headers["Content-Security-Policy"]
    assert requests.get(f"{bot.url}/chat/..%2Fcredentials.yml", timeout=30).status_code == 404


@pytest.fixture(scope="module")
def browser_run(bot):
    if not shutil.which("node") or not (ROOT / "node_modules" / "playwright-core").is_dir():
        pytest.fail("node and node_modules/playwright-core are needed: run scripts/setup.sh --tests")
    ARTIFACTS.mkdir(exist_ok=True)
    answers = json.dumps({"first": MORTONS_NEUROMA, "plain": PLAIN_ANSWERS})
    run = subprocess.run(
        ["node", "tests/browser/webchat.mjs", bot.url, bot.token, answers, str(ARTIFACTS)],
        cwd=ROOT, capture_output=True, text=True, timeout=900,
    )  # fmt: skip
    assert run.returncode == 0, run.stderr
    seen = json.loads(run.stdout.strip().splitlines()[-1])
    assert "error" not in seen, seen["error"] + "\n" + json.dumps(seen, indent=1)[:4000]
    return seen


def test_the_page_shows_the_disclaimer_and_emergency_numbers(browser_run):
    notice = browser_run["notice"]
    assert "not a diagnosis" in notice and "999" in notice and "112" in notice and "911" in notice
    assert "not a diagnosis" in browser_run["greeting"]


def test_a_full_assessment_in_the_browser_with_buttons_and_typing(browser_run):
    assert "peeing or pooing" in browser_run["firstQuestion"]
    assert browser_run["firstButtons"] == ["Yes", "No", "Not sure"]
    assert browser_run["clicked"][:2] == ["bladder_bowel_changes", "saddle_numbness"]
    assert browser_run["typed"], "no question answered by typing"
    assert browser_run["slots"]["likely_conditions"][0] == "mortons_neuroma"
    assert "Possible causes" in browser_run["assessment"]
    assert (ARTIFACTS / "webchat-assessment-390x844.png").stat().st_size > 10_000


def test_the_assessment_is_readable_on_a_phone(browser_run):
    layout = browser_run["layout"]
    assert layout["scrollWidth"] <= 390 and layout["widest"] <= 390, layout
    assert layout["smallestFont"] >= 14, layout


def test_the_conversation_survives_a_reload(browser_run):
    after = browser_run["afterReload"]
    assert after["session"] == browser_run["sessionBefore"]
    assert "Possible causes" in after["responses"]
    assert MORTONS_NEUROMA in after["clients"]
    # The server kept the conversation too: "tests" are those of the condition assessed before the reload.
    assert after["reply"].startswith("Tests for irritated nerve between the toes (Morton's neuroma)"), after["reply"]
    assert (ARTIFACTS / "webchat-after-reload-390x844.png").is_file()


def test_what_the_person_types_is_shown_as_text_not_html(browser_run):
    html = browser_run["html"]
    assert "<img src=x onerror=alert(1)>" in html["clients"] and "<b>hi</b>" in html["clients"]
    assert html["images"] == 0 and html["bold"] == 0
    assert browser_run["dialogs"] == []


def test_the_page_loads_without_errors(browser_run):
    assert browser_run["consoleErrors"] == []
