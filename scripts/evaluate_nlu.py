"""Evaluates the trained NLU model on the held-out test set and writes a report.

    .venv/bin/python scripts/evaluate_nlu.py [--data tests/nlu/test.yml ...] [--model models/x.tar.gz]

The held-out messages were written by two writers who never saw the training data, and are never
trained on: tests/nlu/test.yml (the test set; its errors are not read when changing the NLU) and
tests/nlu/dev.yml (the development set, whose errors may guide changes). More development
sets, by further writers: tests/nlu/negation-dev.yml and negation-dev-2.yml to negation-dev-12.yml
(denials, doubts and other people's history) and tests/nlu/numbers-dev.yml and numbers-dev-2.yml to
numbers-dev-9.yml (ages and durations only, no entities).
Each file gets its own report. Messages that happen to equal a training example are left out.
Reported, per label and overall:
- intents: precision, recall, F1, macro-F1;
- entities: precision, recall, F1 per canonical value, counted once per message and value (span
  boundaries do not matter, the value does); micro-F1 over the contract's types (symptom,
  body_part, side) and over all types;
- roles: of the mentions written as negated (hypothetical, someone else's), the share the model
  returns with that value and role, over all of them and over those it found at all; and how many
  plain mentions it wrongly marks;
- groups: which symptom is said of which place, as (symptom, body part) pairs;
- numbers: age, duration and severity as the bot reads them (actions/triage/numbers.py), against
  the message's metadata, with today fixed at the date the set was written (for durations and for
  ages from a date of birth).
Writes results/nlu-<file>.md (the report) and results/nlu-<file>.json (every message's errors).
"""

from __future__ import annotations

import argparse
import asyncio
import datetime
import json
import logging
import pathlib
import re
import sys
from collections import Counter, defaultdict

ROOT = pathlib.Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from rasa.core.agent import Agent  # noqa: E402
from rasa.model import get_latest_model  # noqa: E402
from rasa.shared.nlu.training_data.loading import load_data  # noqa: E402
from rasa.utils.log_utils import configure_structlog  # noqa: E402

from actions.triage.numbers import parse_age, parse_duration_days, parse_severity  # noqa: E402

CONTRACT_TYPES = ("symptom", "body_part", "side")
ROLES = ("negated", "hypothetical", "other_person")
WRITTEN_ON = datetime.date(2026, 11, 21)  # "since Monday" in the set is counted from this day


def normalised(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", text.lower()).strip()


def training_texts() -> set[str]:
    files = [ROOT / "data" / "nlu.yml", *sorted((ROOT / "data" / "nlu").glob("*.yml"))]
    return {normalised(m.get("text")) for path in files for m in load_data(str(path)).training_examples}


def f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def scores(true_pos: int, false_pos: int, false_neg: int) -> tuple[float, float, float]:
    precision = true_pos / (true_pos + false_pos) if true_pos + false_pos else 0.0
    recall = true_pos / (true_pos + false_neg) if true_pos + false_neg else 0.0
    return precision, recall, f1(precision, recall)


def mentions(entities: list[dict]) -> set[tuple[str, str]]:
    return {(e["entity"], str(e["value"])) for e in entities}


def role_mentions(entities: list[dict]) -> Counter:
    return Counter((e["entity"], str(e["value"]), e.get("role")) for e in entities)


def pairs(entities: list[dict]) -> set[tuple[str, str]]:
    groups = defaultdict(list)
    for e in entities:
        if e.get("group"):
            groups[e["group"]].append(e)
    return {
        (s["value"], b["value"])
        for members in groups.values()
        for s in members
        if s["entity"] == "symptom"
        for b in members
        if b["entity"] == "body_part"
    }


async def parse_all(agent: Agent, texts: list[str]) -> list[dict]:
    return [await agent.parse_message(text) for text in texts]


def evaluate(examples: list, parsed: list[dict]) -> dict:
    intents = Counter()  # (label, "tp"/"fp"/"fn")
    entity_counts = Counter()
    roles = Counter()
    group_counts = Counter()
    numbers = Counter()
    errors = []
    for example, result in zip(examples, parsed, strict=True):
        text, gold_intent = example.get("text"), example.get("intent")
        gold = [dict(e) for e in example.get("entities") or []]
        predicted = result["entities"]
        predicted_intent = result["intent"]["name"]
        problems = {}
        if predicted_intent == gold_intent:
            intents[gold_intent, "tp"] += 1
        else:
            intents[gold_intent, "fn"] += 1
            intents[predicted_intent, "fp"] += 1
            problems["intent"] = f"{gold_intent} -> {predicted_intent}"
        want, got = mentions(gold), mentions(predicted)
        for mention in want | got:
            label = f"{mention[0]}:{mention[1]}"
            entity_counts[label, "tp" if mention in want and mention in got else "fn" if mention in want else "fp"] += 1
        if want != got:
            problems["missed"] = sorted(map(list, want - got))
            problems["invented"] = sorted(map(list, got - want))
        gold_roles, predicted_roles = role_mentions(gold), role_mentions(predicted)
        found_at_all = mentions(predicted)
        for (kind, value, role), count in gold_roles.items():
            found = min(count, predicted_roles.get((kind, value, role), 0))
            if role in ROLES:
                roles[role, "right"] += found
                roles[role, "wrong"] += count - found
                if (kind, value) in found_at_all:
                    roles[role, "found"] += count
                if found < count:
                    problems.setdefault("roles", []).append([kind, value, role])
            else:
                wrongly = sum(predicted_roles.get((kind, value, r), 0) for r in ROLES) - sum(
                    gold_roles.get((kind, value, r), 0) for r in ROLES
                )
                roles["plain", "marked"] += max(0, min(count, wrongly))
                if wrongly > 0:
                    problems.setdefault("wrongly_marked", []).append([kind, value])
                roles["plain", "total"] += count
        if any(e.get("group") for e in gold):
            want_pairs, got_pairs = pairs(gold), pairs(predicted)
            group_counts["tp"] += len(want_pairs & got_pairs)
            group_counts["fp"] += len(got_pairs - want_pairs)
            group_counts["fn"] += len(want_pairs - got_pairs)
            if want_pairs != got_pairs:
                problems["pairs"] = {
                    "missed": sorted(want_pairs - got_pairs),
                    "invented": sorted(got_pairs - want_pairs),
                }
        metadata = (example.get("metadata") or {}).get("example") or {}
        readings = {
            "age": parse_age(text, answering=gold_intent == "inform", today=WRITTEN_ON),
            "duration_days": parse_duration_days(text, today=WRITTEN_ON),
            "severity": parse_severity(text),
        }
        for name, reading in readings.items():
            if name in metadata:
                # 2% allows for calendar conventions: 18 months is 540 or 547.5 days.
                right = reading is not None and abs(float(reading) - float(metadata[name])) <= max(
                    0.01, 0.02 * float(metadata[name])
                )
                numbers[name, "right" if right else "wrong"] += 1
                if not right:
                    problems[name] = [metadata[name], reading]
            elif reading is not None and gold_intent != "inform":
                numbers[name, "invented"] += 1
                problems[name] = [None, reading]
        if problems:
            errors.append({"text": text, **problems})
    return {"intents": intents, "entities": entity_counts, "roles": roles, "groups": group_counts,
            "numbers": numbers, "errors": errors}  # fmt: skip


def numbers_report(examples: list, data: str) -> tuple[str, dict, list]:
    """Ages and durations only, for a set whose messages carry the numbers but no entities. Here a
    number read where the metadata has none counts as invented whatever the intent."""
    counts, errors = Counter(), []
    for example in examples:
        text, metadata = example.get("text"), (example.get("metadata") or {}).get("example") or {}
        readings = {
            "age": parse_age(text, answering=True, today=WRITTEN_ON),
            "duration_days": parse_duration_days(text, today=WRITTEN_ON),
        }
        for name, reading in readings.items():
            want = metadata.get(name)
            if want is None:
                counts[name, "invented"] += reading is not None
                right = reading is None
            else:
                counts[name, "total"] += 1
                right = reading is not None and abs(reading - float(want)) <= max(0.01, 0.02 * float(want))
                counts[name, "right"] += right
            if not right:
                errors.append({"text": text, name: [want, reading]})
    headline = {"messages": len(examples)}
    for name in ("age", "duration_days"):
        headline[f"{name}_right"] = f"{counts[name, 'right']}/{counts[name, 'total']}"
        headline[f"{name}_invented"] = counts[name, "invented"]
    lines = [f"# Ages and durations on `{data}`", "", "Command: `.venv/bin/python scripts/evaluate_nlu.py`.", "",
             *(f"- {key}: {value}" for key, value in headline.items()), ""]  # fmt: skip
    return "\n".join(lines), headline, errors


def table(counts: Counter, labels: list[str]) -> tuple[list[str], dict]:
    rows, per_label = ["| label | precision | recall | F1 | support |", "|---|---|---|---|---|"], {}
    for label in labels:
        tp, fp, fn = (counts[label, kind] for kind in ("tp", "fp", "fn"))
        p, r, f = scores(tp, fp, fn)
        per_label[label] = f
        rows.append(f"| {label} | {p:.3f} | {r:.3f} | {f:.3f} | {tp + fn} |")
    return rows, per_label


def micro(counts: Counter, labels: list[str]) -> tuple[float, float, float]:
    return scores(*(sum(counts[label, kind] for label in labels) for kind in ("tp", "fp", "fn")))


def report(result: dict, data: str, model: str) -> tuple[str, dict]:
    intent_labels = sorted(
        {label for label, _ in result["intents"] if result["intents"][label, "tp"] + result["intents"][label, "fn"]}
    )
    intent_rows, intent_f1 = table(result["intents"], intent_labels)
    macro = sum(intent_f1.values()) / len(intent_f1)
    entity_labels = sorted({label for label, _ in result["entities"]})
    contract = [label for label in entity_labels if label.split(":")[0] in CONTRACT_TYPES]
    entity_rows, _ = table(result["entities"], entity_labels)
    contract_p, contract_r, contract_f = micro(result["entities"], contract)
    all_p, all_r, all_f = micro(result["entities"], entity_labels)
    roles = result["roles"]
    negated_total = roles["negated", "right"] + roles["negated", "wrong"]
    context_total = sum(roles[role, "right"] + roles[role, "wrong"] for role in ROLES)
    context_right = sum(roles[role, "right"] for role in ROLES)
    pair_p, pair_r, pair_f = scores(result["groups"]["tp"], result["groups"]["fp"], result["groups"]["fn"])
    numbers = result["numbers"]
    headline = {
        "messages": sum(result["intents"][label, "tp"] + result["intents"][label, "fn"] for label in intent_labels),
        "intent_macro_f1": round(macro, 3),
        "entity_micro_f1_contract": round(contract_f, 3),
        "entity_micro_f1_all": round(all_f, 3),
        "negated_right": f"{roles['negated', 'right']}/{negated_total}",
        "negation_accuracy": round(roles["negated", "right"] / negated_total, 3) if negated_total else None,
        "negation_accuracy_of_found": round(roles["negated", "right"] / roles["negated", "found"], 3)
        if roles["negated", "found"]
        else None,
        "context_accuracy": round(context_right / context_total, 3) if context_total else None,
        "plain_mentions_wrongly_marked": f"{roles['plain', 'marked']}/{roles['plain', 'total']}",
        "symptom_place_pairs_f1": round(pair_f, 3),
    }
    for name in ("age", "duration_days", "severity"):
        total = numbers[name, "right"] + numbers[name, "wrong"]
        headline[f"{name}_right"] = f"{numbers[name, 'right']}/{total}"
        headline[f"{name}_invented"] = numbers[name, "invented"]
    lines = [
        f"# NLU on `{data}`",
        "",
        f"Data: `{data}`. Model: `{model}`. Command: `.venv/bin/python scripts/evaluate_nlu.py`.",
        "",
        "## Headline",
        "",
        *(f"- {key}: {value}" for key, value in headline.items()),
        f"- entity micro precision/recall (contract types): {contract_p:.3f} / {contract_r:.3f}",
        f"- entity micro precision/recall (all types): {all_p:.3f} / {all_r:.3f}",
        f"- symptom-place pairs precision/recall: {pair_p:.3f} / {pair_r:.3f}",
        "",
        "## Roles",
        "",
        "| role | written | returned with the right role | value found at all |",
        "|---|---|---|---|",
        *(
            f"| {role} | {roles[role, 'right'] + roles[role, 'wrong']} | {roles[role, 'right']} "
            f"| {roles[role, 'found']} |"
            for role in ROLES
        ),
        "",
        "## Intents",
        "",
        *intent_rows,
        "",
        "## Entities (one count per message and value)",
        "",
        *entity_rows,
        "",
        f"{len(result['errors'])} messages with at least one error are listed in the JSON file beside this one.",
    ]
    return "\n".join(lines) + "\n", headline


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    held_out = ("test.yml", "dev.yml", "negation-dev.yml", *(f"negation-dev-{n}.yml" for n in range(2, 13)),
                "numbers-dev.yml", *(f"numbers-dev-{n}.yml" for n in range(2, 10)))  # fmt: skip
    parser.add_argument("--data", nargs="+", default=[str(ROOT / "tests" / "nlu" / n) for n in held_out])
    parser.add_argument("--model", default=None)
    parser.add_argument("--out", default=str(ROOT / "results"))
    args = parser.parse_args()
    configure_structlog(logging.WARNING)  # the parse log at debug level holds the message text
    model = args.model or get_latest_model(str(ROOT / "models"))
    out = pathlib.Path(args.out)
    out.mkdir(exist_ok=True)
    trained = training_texts()
    agent = Agent.load(model)  # once for all files: loading takes longer than parsing a set
    for path in args.data:
        # Stock phrases the training data happens to share ("what is sciatica?") are not scored.
        examples = [m for m in load_data(path).training_examples if normalised(m.get("text")) not in trained]
        data = pathlib.Path(path).resolve().relative_to(ROOT).as_posix()
        name = f"nlu-{pathlib.Path(path).stem}"
        if not any(m.get("entities") for m in examples):  # a set written for the numbers only
            text, headline, errors = numbers_report(examples, data)
            (out / f"{name}.md").write_text(text)
            (out / f"{name}.json").write_text(json.dumps({"headline": headline, "errors": errors}, indent=1))
            print(name, json.dumps(headline, indent=1))
            continue
        parsed = asyncio.run(parse_all(agent, [m.get("text") for m in examples]))
        result = evaluate(examples, parsed)
        text, headline = report(result, data, pathlib.Path(model).name)
        (out / f"{name}.md").write_text(text)
        (out / f"{name}.json").write_text(json.dumps({"headline": headline, "errors": result["errors"]}, indent=1))
        print(name, json.dumps(headline, indent=1))


if __name__ == "__main__":
    main()
