"""The HTTP API's token, CORS, the run command's token file, and no health data in the logs."""

import os
import stat
import subprocess

import pytest
import requests
from chat import Chat
from conftest import ALLOWED_ORIGIN, ROOT

PRIVATE_WORDS = ("Zebedee", "Quixote", "943 476 5919")
PRIVATE_MESSAGE = "My name is Zebedee Quixote, NHS number 943 476 5919, and my left foot tingles"


@pytest.mark.server
@pytest.mark.parametrize(
    "method, path",
    [("GET", "/status"), ("GET", "/conversations/someone/tracker"), ("PUT", "/model"), ("DELETE", "/model"),
     ("POST", "/conversations/someone/tracker/events"), ("POST", "/model/train")],
)  # fmt: skip
def test_the_http_api_refuses_requests_without_the_right_token(bot, method, path):
    for params in ({}, {"token": "wrong"}, {"token": ""}):
        reply = requests.request(method, bot.url + path, params=params, json={}, timeout=30)
        assert reply.status_code == 401, (params, reply.status_code)


@pytest.mark.server
def test_the_token_opens_the_api(bot):
    assert requests.get(f"{bot.url}/status", params={"token": bot.token}, timeout=30).status_code == 200


@pytest.mark.server
def test_cors_allows_only_the_configured_origin(bot):
    message = {"sender": "cors", "message": "hello"}
    allowed = requests.post(
        f"{bot.url}/webhooks/rest/webhook", json=message, headers={"Origin": ALLOWED_ORIGIN}, timeout=60
    )
    assert allowed.headers.get("Access-Control-Allow-Origin") == ALLOWED_ORIGIN
    for origin in ("https://evil.example", "null", ALLOWED_ORIGIN + ".evil.example"):
        other = requests.post(f"{bot.url}/webhooks/rest/webhook", json=message, headers={"Origin": origin}, timeout=60)
        assert "Access-Control-Allow-Origin" not in other.headers, origin
        preflight = requests.options(
            f"{bot.url}/conversations/x/tracker",
            headers={"Origin": origin, "Access-Control-Request-Method": "GET"},
            timeout=30,
        )
        assert "Access-Control-Allow-Origin" not in preflight.headers, origin


@pytest.mark.server
def test_no_message_text_sender_id_or_token_in_the_logs(bot):
    chat = Chat(bot)
    chat.say(PRIVATE_MESSAGE)
    chat.say("no")
    assert chat.tracker()["slots"]["symptoms"]  # the message was processed
    requests.get(f"{bot.url}/conversations/{chat.sender}/tracker", params={"token": "wrong"}, timeout=30)
    logs = "\n".join(path.read_text(errors="replace") for path in bot.logs)
    assert "Rasa server is up and running" in logs  # the log is the server's
    for secret in (*PRIVATE_WORDS, "tingles", chat.sender, bot.token):
        assert secret not in logs, secret


def run_security_sh(command: str, cwd, **env) -> subprocess.CompletedProcess:
    return subprocess.run(
        ["bash", "-c", f"set -euo pipefail; source {ROOT / 'scripts/security.sh'}; {command}"],
        cwd=cwd, env={**os.environ, **env}, capture_output=True, text=True,
    )  # fmt: skip


def test_the_run_command_generates_a_private_token_and_says_where(tmp_path):
    env = {key: value for key, value in os.environ.items() if key != "RASA_AUTH_TOKEN"}
    result = subprocess.run(
        ["bash", "-c", f"source {ROOT / 'scripts/security.sh'}; ensure_auth_token; echo \"$RASA_AUTH_TOKEN\""],
        cwd=tmp_path, env=env, capture_output=True, text=True, check=True,
    )  # fmt: skip
    token_file = tmp_path / ".secrets" / "rasa_auth_token"
    token = token_file.read_text()
    assert len(token) >= 32 and result.stdout.splitlines()[-1] == token
    assert ".secrets/rasa_auth_token" in result.stdout
    assert stat.S_IMODE(token_file.stat().st_mode) == 0o600
    again = subprocess.run(
        ["bash", "-c", f"source {ROOT / 'scripts/security.sh'}; ensure_auth_token >/dev/null; echo $RASA_AUTH_TOKEN"],
        cwd=tmp_path, env=env, capture_output=True, text=True, check=True,
    )  # fmt: skip
    assert again.stdout.strip() == token  # kept across runs
    ignored = subprocess.run(["git", "check-ignore", "-q", ".secrets/rasa_auth_token"], cwd=ROOT)
    assert ignored.returncode == 0, "the token file must be git-ignored"


def test_a_wildcard_cors_origin_is_refused(tmp_path):
    refused = run_security_sh("cors_origins 5005", tmp_path, RASA_CORS="https://a.example *")
    assert refused.returncode != 0 and "wildcards are not allowed" in refused.stderr
    allowed = run_security_sh("cors_origins 5005", tmp_path, RASA_CORS="https://a.example https://b.example")
    assert allowed.stdout.split() == ["https://a.example", "https://b.example"]
    default = run_security_sh("cors_origins 5005", tmp_path, RASA_CORS="")
    assert default.stdout.split() == ["http://localhost:5005", "http://127.0.0.1:5005"]
