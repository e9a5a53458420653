"""Slack as its users use it: signed Events API events and button clicks posted to the bot's webhook,
and a local fake of the Slack Web API recording what the bot posts back."""

import hashlib
import hmac
import json
import random
import time
import urllib.parse
import uuid

import pytest
import requests
from interview import MORTONS_NEUROMA, get_tracker, interview, user_turns

pytestmark = pytest.mark.server


def wait_for_turns(tracker, turns: int, seconds: float = 60) -> dict:
    """Slack's channel answers at once and processes in the background: wait until the turn is done."""
    deadline = time.monotonic() + seconds
    while True:
        state = tracker()
        if user_turns(state) >= turns and state["latest_action_name"] == "action_listen":
            return state
        assert time.monotonic() < deadline, f"{user_turns(state)} of {turns} turns processed"
        time.sleep(0.2)


class SlackUser:
    """A person writing to the bot in its direct-message channel."""

    def __init__(self, bot) -> None:
        self.bot, self.api = bot, bot.slack
        self.user_id = "U" + uuid.uuid4().hex[:10].upper()
        self.channel = "D" + uuid.uuid4().hex[:10].upper()
        self.turns = 0

    def signed(self, body: bytes, timestamp: int | None = None, secret: str | None = None) -> dict:
        timestamp = int(time.time()) if timestamp is None else timestamp
        key = (secret or self.bot.env["SLACK_SIGNING_SECRET"]).encode()
        digest = hmac.new(key, f"v0:{timestamp}:".encode() + body, hashlib.sha256).hexdigest()
        return {"X-Slack-Request-Timestamp": str(timestamp), "X-Slack-Signature": f"v0={digest}"}

    def event(self, text: str) -> dict:
        ts = f"{time.time():.6f}"
        return {
            "token": "verification-token-unused", "team_id": "T0TEST", "api_app_id": "A0TEST",
            "event": {"type": "message", "channel": self.channel, "user": self.user_id, "text": text, "ts": ts,
                      "event_ts": ts, "channel_type": "im"},
            "type": "event_callback", "event_id": "Ev" + uuid.uuid4().hex[:12].upper(), "event_time": int(time.time()),
            "authorizations": [{"team_id": "T0TEST", "user_id": "U0BOT", "is_bot": True}],
        }  # fmt: skip

    def post_event(self, event: dict, headers: dict | None = None, **sign) -> requests.Response:
        body = json.dumps(event).encode()
        headers = {"Content-Type": "application/json", **self.signed(body, **sign), **(headers or {})}
        return requests.post(f"{self.bot.url}/webhooks/slack/webhook", data=body, headers=headers, timeout=60)

    def tracker(self) -> dict:
        return get_tracker(self.bot, self.user_id)

    def say(self, text: str) -> None:
        assert self.post_event(self.event(text)).status_code == 200
        self.turns += 1
        wait_for_turns(self.tracker, self.turns)

    def last_message(self) -> dict:
        return self.api.sent("chat.postMessage", channel=self.channel)[-1]

    def buttons(self) -> list[str]:
        blocks = self.last_message().get("blocks") or []
        return [e["text"]["text"] for block in blocks if block["type"] == "actions" for e in block["elements"]]

    def press(self, title: str) -> None:
        message = self.last_message()
        actions = next(block for block in message["blocks"] if block["type"] == "actions")
        button = next(e for e in actions["elements"] if e["text"]["text"] == title)
        payload = {
            "type": "block_actions", "user": {"id": self.user_id, "name": "sam"}, "team": {"id": "T0TEST"},
            "channel": {"id": self.channel, "name": "directmessage"}, "trigger_id": "1.2.3",
            "message": {"type": "message", "text": message["text"], "ts": f"{time.time():.6f}",
                        "blocks": message["blocks"]},
            "actions": [{"type": "button", "action_id": "a1", "block_id": actions.get("block_id", "b1"),
                         "text": button["text"], "value": button["value"], "action_ts": f"{time.time():.6f}"}],
        }  # fmt: skip
        body = urllib.parse.urlencode({"payload": json.dumps(payload)}).encode()
        headers = {"Content-Type": "application/x-www-form-urlencoded", **self.signed(body)}
        reply = requests.post(f"{self.bot.url}/webhooks/slack/webhook", data=body, headers=headers, timeout=60)
        assert reply.status_code == 200, reply.text
        self.turns += 1
        wait_for_turns(self.tracker, self.turns)


@pytest.fixture
def user(bot):
    return SlackUser(bot)


def test_server_started_without_calling_slack(bot):
    assert bot.platform_calls_at_startup == 0


def test_full_assessment_over_slack_with_buttons(user):
    user.say(MORTONS_NEUROMA)
    first = user.last_message()
    assert first["channel"] == user.channel
    section, actions = first["blocks"]
    assert "peeing or pooing" in section["text"]["text"]
    assert [(e["type"], e["text"]["text"], e["value"]) for e in actions["elements"]] == [
        ("button", "Yes", "/affirm"), ("button", "No", "/deny"), ("button", "Not sure", "/unsure"),
    ]  # fmt: skip

    done = interview(user.tracker, user.say, user.press, user.buttons)
    assert done["clicked"][:2] == ["bladder_bowel_changes", "saddle_numbness"] and done["typed"], done
    slots = user.tracker()["slots"]
    assert slots["likely_conditions"][0] == "mortons_neuroma"
    assert slots["triage_level"] in ("self_care", "routine")
    text = "\n".join(m.get("text", "") for m in user.api.sent("chat.postMessage", channel=user.channel))
    assert "Possible causes" in text and "not a diagnosis" in text


@pytest.mark.parametrize(
    "sign",
    [{"secret": "not-the-signing-secret"}, {"timestamp": int(time.time()) - 600}],
    ids=["bad signature", "stale timestamp"],
)
def test_a_request_without_a_valid_signature_is_refused(user, sign):
    reply = user.post_event(user.event("tingling in my left foot"), **sign)
    assert reply.status_code == 400
    time.sleep(1)
    assert not user.api.sent("chat.postMessage", channel=user.channel)
    assert user_turns(user.tracker()) == 0


@pytest.mark.parametrize("reason", ["http_timeout", "http_error"])
def test_a_retry_is_not_answered_twice(user, reason):
    event = user.event("tingling in my left foot for a week")
    assert user.post_event(event).status_code == 200
    user.turns += 1
    wait_for_turns(user.tracker, 1)
    answered = len(user.api.sent("chat.postMessage", channel=user.channel))
    assert answered >= 1
    retry = user.post_event(event, headers={"X-Slack-Retry-Num": "1", "X-Slack-Retry-Reason": reason})
    assert retry.status_code in (200, 201) and retry.headers.get("X-Slack-No-Retry") == "1"
    time.sleep(2)
    assert user_turns(user.tracker()) == 1
    assert len(user.api.sent("chat.postMessage", channel=user.channel)) == answered


def test_a_retry_of_an_event_never_received_is_processed(user):
    """Slack retries after a failed delivery (connection_failed): that first delivery never arrived."""
    event = user.event("tingling in my left foot for a week")
    retry = user.post_event(event, headers={"X-Slack-Retry-Num": "1", "X-Slack-Retry-Reason": "connection_failed"})
    assert retry.status_code == 200
    user.turns += 1
    wait_for_turns(user.tracker, 1)
    assert "peeing or pooing" in user.last_message()["text"]


def test_url_verification_challenge(user):
    challenge = "challenge-" + str(random.random())
    reply = user.post_event({"token": "x", "challenge": challenge, "type": "url_verification"})
    assert reply.status_code == 200 and reply.json() == challenge
