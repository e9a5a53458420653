"""`rasa shell` as developers use it: a pseudo-terminal, questionary prompts, arrow keys for buttons.

`rasa shell` starts a Rasa server of its own (here with the HTTP API on, to read the tracker) and uses the
test's action server through a temporary endpoints file."""

import io
import re
import time
import uuid

import pexpect
import pytest
from conftest import BIN, ROOT, free_port
from interview import MORTONS_NEUROMA, get_tracker, interview, user_turns

pytestmark = pytest.mark.server

DOWN, ENTER = "\x1b[B", "\r"
ANSI = re.compile(r"\x1b\[[0-9;?]*[ -/]*[@-~]")


class Shell:
    def __init__(self, bot, tmp_path) -> None:
        self.port, self.sender = free_port(), "shell-" + uuid.uuid4().hex
        endpoints = tmp_path / "endpoints.yml"
        endpoints.write_text(f'action_endpoint:\n  url: "{bot.action_url}"\n')
        self.bot = type(bot)(**{**bot.__dict__, "url": f"http://127.0.0.1:{self.port}"})
        self.log = io.StringIO()
        self.child = pexpect.spawn(
            str(BIN / "rasa"),
            ["shell", "--model", "models", "--endpoints", str(endpoints), "--port", str(self.port),
             "--conversation-id", self.sender, "--enable-api", "--auth-token", bot.token],
            cwd=str(ROOT), env=bot.env, encoding="utf-8", dimensions=(60, 250), timeout=180,
        )  # fmt: skip
        self.child.logfile_read = self.log
        self.turns = 0

    def start(self) -> None:
        self.child.expect("Bot loaded. Type a message and press enter", timeout=300)
        self.child.expect("Your input ->")

    def tracker(self) -> dict:
        return get_tracker(self.bot, self.sender)

    def last_bot_message(self) -> dict:
        return next(event for event in reversed(self.tracker()["events"]) if event["event"] == "bot")

    def buttons(self) -> list[str]:
        return [button["title"] for button in self.last_bot_message().get("data", {}).get("buttons") or []]

    def _send(self, keys: str) -> None:
        self.child.send(keys)
        self.turns += 1
        deadline = time.monotonic() + 120
        while not (
            user_turns(state := self.tracker()) >= self.turns and state["latest_action_name"] == "action_listen"
        ):
            assert time.monotonic() < deadline, "no reply"
            assert self.child.isalive(), self.screen()
            self.child.expect([pexpect.TIMEOUT], timeout=0.2)  # keeps reading the terminal meanwhile
        # Wait until the shell has shown the reply: the last message's text, then its prompt.
        last = self.last_bot_message()
        self.child.expect_exact(last["text"].strip().splitlines()[-1][:40])
        self.child.expect("Type out your own message" if last.get("data", {}).get("buttons") else "Your input ->")
        time.sleep(0.3)  # let the prompt finish drawing before the next keys

    def say(self, text: str) -> None:
        buttons = self.buttons() if self.turns else []
        if buttons:  # the select prompt: its last choice switches to free text
            self.child.send(DOWN * len(buttons) + ENTER)
            self.child.expect("Your input ->")
        self._send(text + ENTER)

    def press(self, title: str) -> None:
        self._send(DOWN * self.buttons().index(title) + ENTER)

    def screen(self) -> str:
        return ANSI.sub("", self.log.getvalue())

    def stop(self) -> None:
        if self.child.isalive():
            self.child.sendline("/stop")
            self.child.expect(pexpect.EOF, timeout=30)
        self.child.close(force=True)


def test_full_assessment_in_rasa_shell(bot, tmp_path):
    shell = Shell(bot, tmp_path)
    try:
        shell.start()
        shell.say(MORTONS_NEUROMA)
        screen = shell.screen()
        assert "peeing or pooing" in screen
        assert "1: Yes (/affirm)" in screen and "2: No (/deny)" in screen and "3: Not sure (/unsure)" in screen

        done = interview(shell.tracker, shell.say, shell.press, shell.buttons)
        assert done["clicked"][:2] == ["bladder_bowel_changes", "saddle_numbness"] and done["typed"], done
        slots = shell.tracker()["slots"]
        assert slots["likely_conditions"][0] == "mortons_neuroma"
        assert slots["triage_level"] in ("self_care", "routine")
        assert "Possible causes" in shell.screen()
        assert shell.tracker()["slots"]["bladder_bowel_changes"] == "no"  # the arrow key chose "No"
    finally:
        shell.stop()
