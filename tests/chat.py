"""A person chatting with the bot over REST, answering each question the form asks (tests and benchmark)."""

import uuid

import requests

PLAIN_ANSWERS = {"age": "45", "sex": "female", "side": "left", "duration_days": "about 2 weeks", "onset": "gradually"}


class Chat:
    def __init__(self, bot, sender: str | None = None, session: requests.Session | None = None):
        self.url, self.token = bot.url, bot.token
        self.sender = sender or "test-" + uuid.uuid4().hex
        self.http = session or requests

    def say(self, text: str) -> list[str]:
        reply = self.http.post(
            f"{self.url}/webhooks/rest/webhook", json={"sender": self.sender, "message": text}, timeout=60
        )
        assert reply.status_code == 200, reply.text
        return [message.get("text", "") for message in reply.json()]

    def tracker(self) -> dict:
        reply = self.http.get(
            f"{self.url}/conversations/{self.sender}/tracker", params={"token": self.token}, timeout=30
        )
        assert reply.status_code == 200, reply.text
        return reply.json()

    def slot(self, name: str):
        return self.tracker()["slots"][name]

    def answer_questions(self, facts: dict, limit: int = 25) -> list[str]:
        """Answers every question the form asks until the assessment; returns the last replies."""
        replies, self.asked = [], getattr(self, "asked", [])
        while (tracker := self.tracker())["active_loop"].get("name") == "symptom_form":
            slot = tracker["slots"]["requested_slot"]
            self.asked.append(slot)
            assert len(self.asked) <= limit, self.asked
            replies = self.say(facts.get(slot, PLAIN_ANSWERS.get(slot, "no")))
        return replies

    def interview(self, first_message: str, facts: dict, limit: int = 25) -> list[str]:
        """Sends the first message, then answers every question until the assessment."""
        self.asked = []
        replies = self.say(first_message)
        return self.answer_questions(facts, limit) or replies
