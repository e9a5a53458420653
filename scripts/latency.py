"""Measures reply latency over REST: full assessments, one message at a time, against a running bot.

    .venv/bin/python scripts/latency.py [--url http://localhost:5005] [--conversations 5]

Each conversation sends a first message and answers every question ("no", or a plain answer for
age, sex, side, duration and onset) until the assessment. Prints the median, 95th percentile and
maximum time from sending a message to receiving all of the bot's replies.
"""

import argparse
import statistics
import time
import uuid

import requests

FIRST_MESSAGES = [
    "I get tingling between my third and fourth toes on the left foot when I wear tight shoes",
    "shooting pain from my lower back down my right leg, worse when I cough",
    "both feet numb and burning at night, I'm diabetic",
    "my calf cramps when I walk 100 yards and it goes if I stand still",
    "numb patch on the outside of my left thigh",
]
ANSWERS = {"age": "52", "sex": "male", "side": "left", "duration_days": "3 weeks", "onset": "gradually"}


def requested_slot(url: str, sender: str, token: str) -> str | None:
    tracker = requests.get(f"{url}/conversations/{sender}/tracker", params={"token": token}, timeout=30).json()
    if tracker["active_loop"].get("name") != "symptom_form":
        return None
    return tracker["slots"]["requested_slot"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", default="http://localhost:5005")
    parser.add_argument("--token", default="", help="RASA_AUTH_TOKEN of the server, if set")
    parser.add_argument("--conversations", type=int, default=5)
    args = parser.parse_args()

    timings = []
    for number in range(args.conversations):
        sender = f"latency-{uuid.uuid4().hex}"
        message = FIRST_MESSAGES[number % len(FIRST_MESSAGES)]
        while message is not None:
            start = time.perf_counter()
            reply = requests.post(
                f"{args.url}/webhooks/rest/webhook", json={"sender": sender, "message": message}, timeout=60
            )
            timings.append(time.perf_counter() - start)
            reply.raise_for_status()
            slot = requested_slot(args.url, sender, args.token)
            message = None if slot is None else ANSWERS.get(slot, "no")

    timings.sort()
    p95 = timings[min(len(timings) - 1, round(0.95 * (len(timings) - 1)))]
    print(
        f"{len(timings)} messages in {args.conversations} conversations: "
        f"median {statistics.median(timings) * 1000:.0f} ms, p95 {p95 * 1000:.0f} ms, max {timings[-1] * 1000:.0f} ms"
    )


if __name__ == "__main__":
    main()
