"""A whole interview through any channel: answers each question the tracker says is asked, clicking the
"No" button where the channel shows yes/no buttons and typing the other answers."""

from collections.abc import Callable

import requests
from chat import PLAIN_ANSWERS

MORTONS_NEUROMA = "I get tingling between my third and fourth toes on the left foot when I wear tight shoes"


def get_tracker(bot, sender: str) -> dict:
    reply = requests.get(f"{bot.url}/conversations/{sender}/tracker", params={"token": bot.token}, timeout=30)
    assert reply.status_code == 200, reply.text
    return reply.json()


def user_turns(tracker: dict) -> int:
    return sum(event["event"] == "user" for event in tracker["events"])


def interview(
    tracker: Callable[[], dict],
    say: Callable[[str], None],
    press: Callable[[str], None],
    buttons: Callable[[], list[str]],
    limit: int = 25,
) -> dict:
    """Answers until the form ends; returns what was asked, and how (the slots answered by a click or typed)."""
    asked, clicked, typed = [], [], []
    while (state := tracker())["active_loop"].get("name") == "symptom_form":
        slot = state["slots"]["requested_slot"]
        asked.append(slot)
        assert len(asked) <= limit, asked
        if slot not in PLAIN_ANSWERS and "No" in buttons():
            press("No")
            clicked.append(slot)
        else:
            say(PLAIN_ANSWERS.get(slot, "no"))
            typed.append(slot)
    return {"asked": asked, "clicked": clicked, "typed": typed}
