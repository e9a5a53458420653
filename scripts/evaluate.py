"""Runs the clinical vignettes through the running bot over REST and reports its accuracy.

    .venv/bin/python scripts/evaluate.py [--url http://localhost:5005] [--token TOKEN]

Each vignette's first message is sent as a person would type it. Every question the bot asks
(`requested_slot` in the tracker) is answered in plain words from the vignette's facts; a yes/no
fact the vignette does not list is answered "no". The final `triage_level` and `likely_conditions`
are compared with the expected ones. Prints top-1 and top-3 condition accuracy, exact triage
accuracy, and the under- and over-triage counts, and writes every result to
results/evaluation.json.
"""

import argparse
import json
import pathlib
import statistics
import uuid
from concurrent.futures import ThreadPoolExecutor

import requests
import yaml

ROOT = pathlib.Path(__file__).resolve().parents[1]
LEVELS = ("self_care", "routine", "urgent", "emergency")
MAX_QUESTIONS = 40


def plain_answer(slot: str, facts: dict) -> str:
    """How a person would answer the question behind `slot`."""
    value = facts.get(slot)
    if slot == "age":
        return f"I'm {value}"
    if slot == "sex":
        return {"female": "I'm a woman", "male": "I'm a man"}.get(value, "I'd rather not say")
    if slot == "side":
        return {"left": "the left one", "right": "the right one", "both": "both legs"}.get(value, "not sure")
    if slot == "onset":
        return {"sudden": "it came on suddenly", "gradual": "it came on gradually"}.get(value, "not sure")
    if slot == "duration_days":
        days = int(value)
        if days >= 60:
            return f"about {round(days / 30)} months"
        if days >= 14:
            return f"about {round(days / 7)} weeks"
        return f"{days} days" if days != 1 else "since yesterday"
    return "yes" if value == "yes" else "no"


class Conversation:
    def __init__(self, url: str, token: str):
        self.url, self.token, self.sender = url, token, f"eval-{uuid.uuid4().hex}"

    def say(self, text: str) -> None:
        reply = requests.post(
            f"{self.url}/webhooks/rest/webhook", json={"sender": self.sender, "message": text}, timeout=60
        )
        reply.raise_for_status()

    def tracker(self) -> dict:
        reply = requests.get(
            f"{self.url}/conversations/{self.sender}/tracker", params={"token": self.token}, timeout=30
        )
        reply.raise_for_status()
        return reply.json()


def run_vignette(vignette: dict, url: str, token: str) -> dict:
    chat = Conversation(url, token)
    chat.say(vignette["first_message"])
    asked = []
    while (tracker := chat.tracker())["active_loop"].get("name") == "symptom_form" and len(asked) < MAX_QUESTIONS:
        slot = tracker["slots"]["requested_slot"]
        asked.append(slot)
        chat.say(plain_answer(slot, vignette["facts"]))
    slots = tracker["slots"]
    likely = slots.get("likely_conditions") or []
    level = slots.get("triage_level")
    expected = vignette["expected_condition"]
    return {
        "id": vignette["id"],
        "expected_condition": expected,
        "likely_conditions": likely,
        "expected_urgency": vignette["expected_urgency"],
        "triage_level": level,
        "red_flag": vignette.get("red_flag", False),
        "hidden": vignette.get("hidden", False),
        "top1": bool(likely) and likely[0] == expected,
        "top3": expected in likely[:3],
        "questions": asked,
    }


def rank(level) -> int:
    return LEVELS.index(level) if level in LEVELS else -1


def summarise(results: list[dict]) -> dict:
    total = len(results)
    under = [r for r in results if rank(r["triage_level"]) < rank(r["expected_urgency"])]
    over = [r for r in results if rank(r["triage_level"]) > rank(r["expected_urgency"])]
    serious = [r for r in results if r["expected_urgency"] in ("emergency", "urgent")]
    return {
        "vignettes": total,
        "top1": sum(r["top1"] for r in results) / total,
        "top3": sum(r["top3"] for r in results) / total,
        "triage_exact": sum(r["triage_level"] == r["expected_urgency"] for r in results) / total,
        "under_triage": len(under),
        "under_triage_of_emergency_or_urgent": sum(r in under for r in serious),
        "over_triage": len(over),
        "red_flag_vignettes": sum(r["red_flag"] for r in results),
        "hidden_red_flag_vignettes": sum(r["hidden"] for r in results),
        "questions_median": statistics.median(len(r["questions"]) for r in results),
        "questions_max": max(len(r["questions"]) for r in results),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", default="http://localhost:5005")
    parser.add_argument("--token", default="", help="RASA_AUTH_TOKEN of the server, if set")
    parser.add_argument("--vignettes", default=ROOT / "tests" / "vignettes" / "vignettes.yml", type=pathlib.Path)
    parser.add_argument("--report", default=ROOT / "results" / "evaluation.json", type=pathlib.Path)
    parser.add_argument("--workers", type=int, default=4)
    args = parser.parse_args()

    vignettes = yaml.safe_load(args.vignettes.read_text())["vignettes"]
    with ThreadPoolExecutor(args.workers) as pool:
        results = list(pool.map(lambda v: run_vignette(v, args.url, args.token), vignettes))
    summary = summarise(results)
    args.report.parent.mkdir(parents=True, exist_ok=True)
    args.report.write_text(json.dumps({"summary": summary, "results": results}, indent=2))

    for r in results:
        if not r["top3"] or r["triage_level"] != r["expected_urgency"]:
            print(
                f"{r['id']}: expected {r['expected_condition']} / {r['expected_urgency']}, "
                f"got {r['likely_conditions'][:3]} / {r['triage_level']}"
            )
    print(
        f"\n{summary['vignettes']} vignettes ({summary['red_flag_vignettes']} red flag, "
        f"{summary['hidden_red_flag_vignettes']} hidden): top-1 {summary['top1']:.1%}, top-3 {summary['top3']:.1%}, "
        f"triage exact {summary['triage_exact']:.1%}, under-triage {summary['under_triage']} "
        f"({summary['under_triage_of_emergency_or_urgent']} of emergency/urgent cases), "
        f"over-triage {summary['over_triage']}; questions median {summary['questions_median']}, "
        f"max {summary['questions_max']}"
    )
    print(f"report: {args.report}")


if __name__ == "__main__":
    main()
