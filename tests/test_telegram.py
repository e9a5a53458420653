"""Telegram as its users use it: real-shaped Updates posted to the bot's webhook, with Telegram's secret
token header, and a local fake of the Bot API recording what the bot sends back."""

import itertools
import random
import time

import pytest
import requests
from interview import MORTONS_NEUROMA, get_tracker, interview

pytestmark = pytest.mark.server

UPDATE_IDS = itertools.count(random.randint(10_000, 90_000))
SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"


class TelegramUser:
    """A person chatting with the bot in a private Telegram chat."""

    def __init__(self, bot) -> None:
        self.bot, self.api = bot, bot.telegram
        self.chat_id = random.randint(10**8, 10**9)
        self.person = {"id": self.chat_id, "is_bot": False, "first_name": "Sam", "language_code": "en"}
        self.chat = {"id": self.chat_id, "type": "private", "first_name": "Sam"}
        self.seen = 0
        self.taps: list[str] = []

    def post(self, update: dict, secret: str | None = "right") -> requests.Response:
        headers = {}
        if secret == "right":
            headers[SECRET_HEADER] = self.bot.env["TELEGRAM_SECRET_TOKEN"]
        elif secret is not None:
            headers[SECRET_HEADER] = secret
        return requests.post(f"{self.bot.url}/webhooks/telegram/webhook", json=update, headers=headers, timeout=60)

    def replies(self) -> list[dict]:
        """The messages sent to this chat since the last call."""
        sent = self.api.sent("sendMessage", chat_id=self.chat_id)
        new, self.seen = sent[self.seen :], len(sent)
        return new

    def say(self, text: str, **post) -> requests.Response:
        message = {"message_id": next(UPDATE_IDS), "from": self.person, "chat": self.chat, "date": int(time.time())}
        return self.post({"update_id": next(UPDATE_IDS), "message": message | {"text": text}}, **post)

    def press(self, title: str) -> None:
        """Taps the inline-keyboard button `title` under the bot's last message that has a keyboard."""
        message = self.last_keyboard_message()
        button = next(b for row in message["reply_markup"]["inline_keyboard"] for b in row if b["text"] == title)
        callback = {
            "id": str(next(UPDATE_IDS)),
            "from": self.person,
            "chat_instance": "42",
            "data": button["callback_data"],
        }
        callback["message"] = {
            "message_id": next(UPDATE_IDS), "from": self.api.bot_user, "chat": self.chat, "date": int(time.time()),
            "text": message["text"], "reply_markup": message["reply_markup"],
        }  # fmt: skip
        assert self.post({"update_id": next(UPDATE_IDS), "callback_query": callback}).status_code == 200
        self.taps.append(callback["id"])

    def last_keyboard_message(self) -> dict | None:
        sent = self.api.sent("sendMessage", chat_id=self.chat_id)
        last = sent[-1] if sent else {}
        return last if "reply_markup" in last else None

    def buttons(self) -> list[str]:
        message = self.last_keyboard_message()
        return [b["text"] for row in message["reply_markup"]["inline_keyboard"] for b in row] if message else []


@pytest.fixture
def user(bot):
    return TelegramUser(bot)


def test_server_started_without_calling_telegram(bot):
    assert bot.platform_calls_at_startup == 0
    assert not bot.telegram.sent("setWebhook")


def test_full_assessment_over_telegram_with_the_inline_keyboard(user, bot):
    assert user.say("/start").status_code == 200
    greeting = " ".join(m["text"] for m in user.replies())
    assert "not a diagnosis" in greeting and "999" in greeting

    assert user.say(MORTONS_NEUROMA).status_code == 200
    first = user.replies()[-1]
    assert "peeing or pooing" in first["text"]
    keyboard = first["reply_markup"]["inline_keyboard"]
    assert [(b["text"], b["callback_data"]) for row in keyboard for b in row] == [
        ("Yes", "/affirm"), ("No", "/deny"), ("Not sure", "/unsure"),
    ]  # fmt: skip

    def tracker():
        return get_tracker(bot, str(user.chat_id))

    def say(text):
        assert user.say(text).status_code == 200

    done = interview(tracker, say, user.press, user.buttons)
    assert done["clicked"][:2] == ["bladder_bowel_changes", "saddle_numbness"] and done["typed"], done
    slots = tracker()["slots"]
    assert slots["likely_conditions"][0] == "mortons_neuroma"
    assert slots["triage_level"] in ("self_care", "routine")
    text = "\n".join(m["text"] for m in user.api.sent("sendMessage", chat_id=user.chat_id))
    assert "Possible causes" in text and "not a diagnosis" in text
    # Every tap was acknowledged (in the background), so the button's spinner stops.
    deadline = time.monotonic() + 10
    while not set(user.taps) <= {call["callback_query_id"] for call in user.api.sent("answerCallbackQuery")}:
        assert time.monotonic() < deadline, "a button tap was not answered"
        time.sleep(0.1)
    assert user.taps


@pytest.mark.parametrize("secret", [None, "wrong-secret"], ids=["missing", "wrong"])
def test_an_update_without_the_secret_token_is_refused(user, bot, secret):
    reply = user.say("tingling in my left foot", secret=secret)
    assert reply.status_code == 403
    assert not user.api.sent("sendMessage", chat_id=user.chat_id)
    assert get_tracker(bot, str(user.chat_id))["events"] == [] or not any(
        e["event"] == "user" for e in get_tracker(bot, str(user.chat_id))["events"]
    )
