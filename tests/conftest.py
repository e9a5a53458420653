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

from actions.triage import table  # noqa: E402

BIN = pathlib.Path(sys.executable).parent
TOKEN = "test-token-" + uuid.uuid4().hex


@dataclasses.dataclass(frozen=True)
class Bot:
    url: str
    token: str


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
def bot(tmp_path_factory):
    """The real action server and Rasa server (REST, socket.io, HTTP API with a token), trained model."""
    if not any((ROOT / "models").glob("*.tar.gz")):
        pytest.fail("no trained model in models/: run `rasa train` (the test command does)")
    workdir = tmp_path_factory.mktemp("servers")
    action_port, rasa_port = free_port(), free_port()
    endpoints = workdir / "endpoints.yml"
    endpoints.write_text(f'action_endpoint:\n  url: "http://127.0.0.1:{action_port}/webhook"\n')
    env = {**os.environ, "TF_CPP_MIN_LOG_LEVEL": "2", "RASA_TELEMETRY_ENABLED": "false"}
    logs = [open(workdir / "actions.log", "w"), open(workdir / "rasa.log", "w")]  # noqa: SIM115
    actions = subprocess.Popen(
        [BIN / "rasa", "run", "actions", "--actions", "actions", "--port", str(action_port)],
        cwd=ROOT, env=env, stdout=logs[0], stderr=subprocess.STDOUT,
    )  # fmt: skip
    rasa = subprocess.Popen(
        [BIN / "rasa", "run", "--enable-api", "--auth-token", TOKEN, "--port", str(rasa_port),
         "--credentials", "credentials.yml", "--endpoints", str(endpoints), "--model", "models"],
        cwd=ROOT, env=env, stdout=logs[1], stderr=subprocess.STDOUT,
    )  # fmt: skip
    try:
        wait_until_up(f"http://127.0.0.1:{action_port}/health", actions)
        wait_until_up(f"http://127.0.0.1:{rasa_port}/status?token={TOKEN}", rasa)
        yield Bot(f"http://127.0.0.1:{rasa_port}", TOKEN)
    finally:
        for process in (rasa, actions):
            process.terminate()
            process.wait(timeout=30)
        for log in logs:
            log.close()
