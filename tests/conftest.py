import dataclasses
import os
import pathlib
import socket
import subprocess
import sys
import time
import uuid

import pytest
import requests

ROOT = pathlib.Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # the project's packages (actions, components) without installing

from fakes import FakeSlack, FakeTelegram  # noqa: E402

from actions.triage import table  # noqa: E402

BIN = pathlib.Path(sys.executable).parent
TOKEN = "test-token-" + uuid.uuid4().hex
# Telegram and Slack are configured as scripts/run.sh does, from the environment, but their APIs are local fakes.
CREDENTIALS = ("credentials.yml", "credentials.telegram.yml", "credentials.slack.yml")
CHANNEL_ENV = {
    "TELEGRAM_TOKEN": "123456789:TEST-telegram-token",
    "TELEGRAM_BOT_NAME": "leg_nerve_test_bot",
    "TELEGRAM_SECRET_TOKEN": "telegram-secret-" + uuid.uuid4().hex,
    "TELEGRAM_WEBHOOK_URL": "",
    "SLACK_TOKEN": "xoxb-test-slack-token",
    "SLACK_SIGNING_SECRET": "slack-signing-secret-" + uuid.uuid4().hex,
    "SLACK_CHANNEL": "",
}


@dataclasses.dataclass(frozen=True)
class Bot:
    url: str
    token: str
    telegram: FakeTelegram
    slack: FakeSlack
    env: dict
    action_url: str
    platform_calls_at_startup: int  # requests the fakes got while the server started


@pytest.fixture(scope="session")
def tables():
    return table.load()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until_up(url: str, process: subprocess.Popen, seconds: float = 180) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"server exited with {process.returncode}")
        try:
            if requests.get(url, timeout=2).ok:
                return
        except requests.ConnectionError:
            pass
        time.sleep(0.5)
    raise TimeoutError(url)


@pytest.fixture(scope="session")
def telegram_api():
    fake = FakeTelegram(CHANNEL_ENV["TELEGRAM_TOKEN"], CHANNEL_ENV["TELEGRAM_BOT_NAME"])
    yield fake
    fake.close()


@pytest.fixture(scope="session")
def slack_api():
    fake = FakeSlack(CHANNEL_ENV["SLACK_TOKEN"])
    yield fake
    fake.close()


@pytest.fixture(scope="session")
def bot(tmp_path_factory, telegram_api, slack_api):
    """The real action server and Rasa server, trained model: REST, socket.io, the chat page, Telegram and
    Slack (credentials built as scripts/run.sh builds them, the platforms' APIs faked), HTTP API with a token."""
    if not any((ROOT / "models").glob("*.tar.gz")):
        pytest.fail("no trained model in models/: run `rasa train` (the test command does)")
    workdir = tmp_path_factory.mktemp("servers")
    action_port, rasa_port = free_port(), free_port()
    endpoints = workdir / "endpoints.yml"
    endpoints.write_text(f'action_endpoint:\n  url: "http://127.0.0.1:{action_port}/webhook"\n')
    credentials = workdir / "credentials.yml"
    credentials.write_text("".join((ROOT / name).read_text() for name in CREDENTIALS))
    env = {**os.environ, "TF_CPP_MIN_LOG_LEVEL": "2", "RASA_TELEMETRY_ENABLED": "false", **CHANNEL_ENV}
    env |= {"TELEGRAM_API_URL": telegram_api.url, "SLACK_API_URL": slack_api.url + "/api/"}
    logs = [open(workdir / "actions.log", "w"), open(workdir / "rasa.log", "w")]  # noqa: SIM115
    actions = subprocess.Popen(
        [BIN / "rasa", "run", "actions", "--actions", "actions", "--port", str(action_port)],
        cwd=ROOT, env=env, stdout=logs[0], stderr=subprocess.STDOUT,
    )  # fmt: skip
    rasa = subprocess.Popen(
        [BIN / "rasa", "run", "--enable-api", "--auth-token", TOKEN, "--port", str(rasa_port),
         "--credentials", str(credentials), "--endpoints", str(endpoints), "--model", "models"],
        cwd=ROOT, env=env, stdout=logs[1], stderr=subprocess.STDOUT,
    )  # fmt: skip
    try:
        wait_until_up(f"http://127.0.0.1:{action_port}/health", actions)
        wait_until_up(f"http://127.0.0.1:{rasa_port}/status?token={TOKEN}", rasa)
        yield Bot(
            f"http://127.0.0.1:{rasa_port}", TOKEN, telegram_api, slack_api, env,
            f"http://127.0.0.1:{action_port}/webhook", len(telegram_api.calls) + len(slack_api.calls),
        )  # fmt: skip
    finally:
        for process in (rasa, actions):
            process.terminate()
            process.wait(timeout=30)
        for log in logs:
            log.close()
