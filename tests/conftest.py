import contextlib
import dataclasses
import os
import pathlib
import signal
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
from components.clinical_context import build_context  # noqa: E402
from components.spacy_pipeline import build  # noqa: E402

BIN = pathlib.Path(sys.executable).parent
TOKEN = "test-token-" + uuid.uuid4().hex
ALLOWED_ORIGIN = "https://legbot.example"  # the one web origin the test servers allow (CORS)
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
    # The shared `bot` fixture's channels; servers that tests start on their own have REST and socket.io only.
    telegram: FakeTelegram | None = None
    slack: FakeSlack | None = None
    env: dict = dataclasses.field(default_factory=dict)  # the servers' environment
    action_url: str = ""
    platform_calls_at_startup: int = 0  # requests the fakes got while the server started
    logs: tuple = ()  # the servers' log files


@pytest.fixture(scope="session")
def tables():
    return table.load()


@pytest.fixture(scope="session")
def nlp():
    """The project's spaCy pipeline, built from its files as scripts/train.sh builds it."""
    return build()


@pytest.fixture(scope="session")
def context(nlp):
    """ConText with the project's rules, as components.clinical_context runs it."""
    return build_context(nlp)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until_up(url: str, process: subprocess.Popen, seconds: float = 420) -> None:
    # On a slow day (2026-12-05) a Rasa server took 150 s to load its model and a second one, loading after
    # it, over 180 s; the wait only bounds a server that never comes up.
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"server exited with {process.returncode}")
        try:
            if requests.get(url, timeout=2).ok:
                return
        except (requests.ConnectionError, requests.Timeout):  # a Sanic worker may still be loading
            pass
        time.sleep(0.5)
    raise TimeoutError(url)


class Server:
    """One server process (Rasa or actions) that a test can stop and start again; logs to `log`."""

    def __init__(self, args: list, health_url: str, log: pathlib.Path, env: dict | None = None) -> None:
        self.args, self.health_url, self.log, self.env = args, health_url, log, env or {}
        self.cwd = ROOT
        self.process: subprocess.Popen | None = None

    def launch(self) -> "Server":
        env = {**os.environ, "TF_CPP_MIN_LOG_LEVEL": "2", "RASA_TELEMETRY_ENABLED": "false", **self.env}
        with open(self.log, "a") as log:
            # In a process group of its own, stopped as one with its Sanic workers (SANIC_WORKERS).
            self.process = subprocess.Popen(
                self.args, cwd=self.cwd, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
            )
        return self

    def wait(self) -> "Server":
        wait_until_up(self.health_url, self.process)
        return self

    def start(self) -> "Server":
        return self.launch().wait()

    @property
    def port(self) -> int:
        return int(self.health_url.split(":")[2].split("/")[0])

    @staticmethod
    def start_all(*servers: "Server") -> None:
        """Starts the servers side by side (each loads the model on its own) and waits for all."""
        for server in servers:
            server.launch()
        for server in servers:
            server.wait()

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        if self.process:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.process.pid, signal.SIGKILL)  # a worker left behind
        self.process = None


def action_server(workdir: pathlib.Path, port: int | None = None, env: dict | None = None) -> Server:
    port = port or free_port()
    args = [BIN / "rasa", "run", "actions", "--actions", "actions", "--port", str(port)]
    return Server(args, f"http://127.0.0.1:{port}/health", workdir / f"actions-{port}.log", env)


SQLITE_TRACKER_STORE = "tracker_store:\n  type: SQL\n  dialect: sqlite\n  db: {db}\n"


def write_endpoints(path: pathlib.Path, action_port: int, stores: str) -> pathlib.Path:
    path.write_text(f'action_endpoint:\n  url: "http://127.0.0.1:{action_port}/webhook"\n{stores}')
    return path


def rasa_server(
    workdir: pathlib.Path, endpoints: pathlib.Path, port: int | None = None, *extra,
    credentials: str = "credentials.yml", env: dict | None = None,
) -> Server:  # fmt: skip
    port = port or free_port()
    args = [BIN / "rasa", "run", "--enable-api", "--auth-token", TOKEN, "--port", str(port),
            "--cors", ALLOWED_ORIGIN, "--credentials", str(credentials), "--endpoints", str(endpoints),
            "--model", "models", *extra]  # fmt: skip
    return Server(args, f"http://127.0.0.1:{port}/status?token={TOKEN}", workdir / f"rasa-{port}.log", env)


def url_of(server: Server) -> str:
    return server.health_url.split("/status")[0]


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
    Slack (credentials built as scripts/run.sh builds them, the platforms' APIs faked), HTTP API with a token.

    Conversations are stored as by default, in SQLite (here a file in the test's own directory)."""
    if not any((ROOT / "models").glob("*.tar.gz")):
        pytest.fail("no trained model in models/: run `rasa train` (the test command does)")
    workdir = tmp_path_factory.mktemp("servers")
    credentials = workdir / "credentials.yml"
    credentials.write_text("".join((ROOT / name).read_text() for name in CREDENTIALS))
    env = {**CHANNEL_ENV, "TELEGRAM_API_URL": telegram_api.url, "SLACK_API_URL": slack_api.url + "/api/"}
    actions = action_server(workdir, env=env)
    stores = SQLITE_TRACKER_STORE.format(db=workdir / "conversations.db")
    endpoints = write_endpoints(workdir / "endpoints.yml", actions.port, stores)
    rasa = rasa_server(workdir, endpoints, credentials=credentials, env=env)
    try:
        Server.start_all(actions, rasa)
        yield Bot(
            url_of(rasa), TOKEN, telegram_api, slack_api,
            {**os.environ, "TF_CPP_MIN_LOG_LEVEL": "2", "RASA_TELEMETRY_ENABLED": "false", **env},
            f"http://127.0.0.1:{actions.port}/webhook", len(telegram_api.calls) + len(slack_api.calls),
            logs=(rasa.log, actions.log),
        )  # fmt: skip
    finally:
        rasa.stop()
        actions.stop()
