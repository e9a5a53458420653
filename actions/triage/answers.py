"""What one message says about the interview's questions.

Turns the NLU result (intent, entities with canonical values, negated mentions carrying the role
"negated") into slot values: the answer to the question just asked, facts volunteered in free text,
and corrections. Volunteered facts fill their questions so they are never asked again.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from .engine import NO, UNSURE, YES
from .numbers import parse_age, parse_duration_days, parse_severity
from .table import Tables

NEGATED = "negated"
OTHER_PERSON = "other_person"
PAIN = {"pain", "burning_pain", "shooting_pain"}
BELOW_KNEE = {"calf", "shin", "ankle", "heel", "foot", "sole", "toes"}
LEG_PARTS = {"calf", "shin", "ankle", "knee", "thigh", "leg"}
# Slots that collect every mention of an entity across messages; a denial removes one.
LIST_SLOTS = {"symptoms": "symptom", "body_parts": "body_part", "problems": "problem"}
INTENT_ANSWERS = {"affirm": YES, "deny": NO, "unsure": UNSURE}

# Typed answers to the choice questions, for when NLU found no entity ("the left one", "F").
CHOICE_WORDS = {
    "side": (("both", r"\bboth\b|\bbilateral|\beach\b"), ("left", r"\bleft\b|^l$"), ("right", r"\bright\b|^r$")),
    "sex": (("female", r"\b(female|woman|lady|girl|f)\b"), ("male", r"\b(male|man|guy|boy|m)\b")),
    "onset": (("sudden", r"sudden|overnight|all at once|out of nowhere"), ("gradual", r"gradual|slow|over time|crept")),
}


# Facts caught by words as well as by the NLU model. Emergencies outside the leg, so that a missed
# entity cannot hide them ("my legs tingle but now I've got a crushing pain in my chest"), and a
# few facts whose wording varies too much for the entity model ("it's wrecking my sleep").
# Thoughts of suicide, overdoses and allergic reactions share their words with the NLU's emergency
# check (emergencies.yml), which usually answers first with the intent emergency_out_of_scope.
EMERGENCIES = yaml.safe_load(Path(__file__).with_name("emergencies.yml").read_text())
EMERGENCY_WORDS = {
    "breathless_or_chest_pain": r"\bchest\b.{0,25}\b(pain|pressure|tight|crushing|hurts?)|"
    r"\b(pain|pressure|tightness|crushing|ache)\b.{0,25}\bchest\b|"
    r"\b(can'?t|cannot|struggling to) (breathe|catch my breath)|\bshort of breath|\bbreathless|coughing (up )?blood",
    "stroke_signs": r"\bface\b.{0,20}\bdroop|\bslurred\b|\bslurring\b|\bcan'?t (speak|talk) properly",
    **{slot: "|".join(EMERGENCIES[slot]) for slot in ("suicidal_thoughts", "allergic_reaction")},
}
FACT_WORDS = {
    "disturbs_sleep": r"\bwak(e|es|ing) me\b|\bkeep(s|ing)? me (awake|up)\b|"
    r"\b(can'?t|cannot|barely|hardly|not) (get to )?sleep|\b(wreck|ruin|disturb|spoil)\w* my sleep|"
    r"\b(awake|up) (all|half) (the )?night",
    "cramp_over_10_minutes": r"\bwon'?t (let go|ease|stop|go away)|\b([1-9]\d|fifteen|twenty|thirty|forty)[ -]?min|"
    r"\bhalf an hour\b|\ban hour\b",
}
# A fact only counts in a message about the right thing: a long cramp, not long tingling.
FACT_CONTEXT = {"cramp_over_10_minutes": r"cramp|seiz|spasm|charley horse"}
_NEGATED_BEFORE = re.compile(r"(\b(no|not|never|without)\b|n't\b)[^.,;]{0,15}$")


def _words(text: str) -> dict[str, str]:
    found = {}
    lowered = text.lower().replace("\u2019", "'")  # the patterns' apostrophes are straight
    for slot, pattern in {**EMERGENCY_WORDS, **FACT_WORDS}.items():
        if slot in FACT_CONTEXT and not re.search(FACT_CONTEXT[slot], lowered):
            continue
        match = re.search(pattern, lowered)
        if match and not _NEGATED_BEFORE.search(lowered[: match.start()]):
            found[slot] = YES
    return found


@dataclass(frozen=True)
class Message:
    intent: str | None
    entities: Sequence[Mapping[str, Any]]
    text: str


def _values(message: Message, entity: str, negated: bool) -> list[str]:
    """Values said of the person as present (no role) or denied (role "negated"). Hypothetical
    mentions and mentions of someone else are neither: their questions are still asked (but see
    _someone_elses_emergencies)."""
    wanted_role = NEGATED if negated else None
    return [
        str(e["value"]).lower()
        for e in message.entities
        if e.get("entity") == entity and e.get("role") == wanted_role and e.get("value")
    ]


def _merge(current: Sequence[str] | None, added: list[str], removed: list[str]) -> list[str]:
    merged = [v for v in (current or []) if v not in removed]
    return merged + [v for v in dict.fromkeys(added) if v not in merged]


def _from_mentions(message: Message, tables: Tables) -> dict[str, str]:
    """Answers that follow from the symptoms, places and facts the message names."""
    symptoms, denied = set(_values(message, "symptom", False)), set(_values(message, "symptom", True))
    parts, denied_parts = set(_values(message, "body_part", False)), set(_values(message, "body_part", True))
    sides = set(_values(message, "side", False))
    sudden = "sudden" in _values(message, "onset", False)
    answers: dict[str, str] = {}

    def record(slot: str, present: bool, denied: bool) -> None:
        if present:
            answers[slot] = YES
        elif denied:
            answers[slot] = NO

    back_denied = "lower_back" in denied_parts or bool(denied & PAIN and "lower_back" in parts and not symptoms & PAIN)
    record("back_pain", bool(symptoms & (PAIN | {"stiffness"})) and "lower_back" in parts, back_denied)
    record("pain_below_knee", bool(symptoms & PAIN and parts & BELOW_KNEE), False)
    record("saddle_numbness", "saddle_area" in parts, "saddle_area" in denied_parts)
    record("bilateral_leg_weakness", "weakness" in symptoms and "both" in sides, "weakness" in denied)
    record("weakness_foot_drop", "foot_drop" in symptoms, bool(denied & {"foot_drop", "weakness"}))
    # Swelling or redness beside a named sprain, bite or graze belongs to it: asked, not assumed.
    problems = set(_values(message, "problem", False))
    record(
        "calf_swelling",
        "swelling" in symptoms and bool(parts & LEG_PARTS or not parts) and not problems,
        "swelling" in denied,
    )
    record("leg_red_warm", "redness" in symptoms and not problems, "redness" in denied)
    record("trauma", "minor_injury" in problems, False)
    # Chronic cold feet are asked about, not assumed to be a sudden loss of blood supply.
    record("leg_cold_pale", "coldness" in symptoms and sudden, "coldness" in denied)
    record("urge_to_move", "urge_to_move" in symptoms, "urge_to_move" in denied)

    # Said both ways in one message ("I can pee fine but can't feel when I wipe"), a fact counts as
    # present: a wrong "no" to a red flag would skip its question.
    for negated in (True, False):
        for finding in _values(message, "finding", negated):
            if finding in tables.yes_no_findings:
                answers[finding] = NO if negated else YES
    return answers


def _someone_elses_emergencies(message: Message, tables: Tables) -> dict[str, str]:
    """Red flags said of someone else that are an emergency by themselves ("I'm writing for my husband: he
    can't feel when he wipes"), taken as present: the person described needs the same emergency care, and
    when unsure the safer reading wins. Other findings of theirs (a mother's diabetes) answer nothing."""
    alone = {rule.when.all[0] for rule in tables.red_flags
             if rule.level == "emergency" and len(rule.when.all) == 1 and not rule.when.any}  # fmt: skip
    theirs = [{**e, "role": None} for e in message.entities if e.get("role") == OTHER_PERSON]
    if not theirs:
        return {}
    found = _from_mentions(Message(message.intent, theirs, message.text), tables)
    return {slot: YES for slot, answer in found.items() if answer == YES and slot in alone}


def _side(values: list[str]) -> str | None:
    distinct = set(values)
    if not distinct:
        return None
    if "both" in distinct or {"left", "right"} <= distinct:
        return "both"
    return distinct.pop()


def _choice(slot: str, message: Message) -> str | None:
    entity_values = _values(message, slot, False)
    if slot == "side" and entity_values:
        return _side(entity_values)
    if entity_values:
        return entity_values[-1]
    text = message.text.lower().strip()
    return next((value for value, pattern in CHOICE_WORDS[slot] if re.search(pattern, text)), None)


# A reply that opens with its answer: "no, no fever either", "nope", "not sure" (not "no fever").
_BARE_ANSWER = re.compile(
    r"^\W*(?:(?:nope|nah|naw|yes|yeah|yep|yup|aye|not really|not sure|unsure|dunno)\b"
    r"|(?:no|none|never)\s*(?:[,.!;:-]|$))"
)


def _answer_to_question(slot: str, message: Message, tables: Tables, mentioned: Mapping[str, Any]) -> Any | None:
    """The answer to the question just asked, if the message gives one. `mentioned`: the answers
    the message's words give to any question."""
    question = tables.question(slot)
    if question is None:
        return None
    if (
        question.kind == "yes_no"
        and mentioned
        and slot not in mentioned
        and not _BARE_ANSWER.match(message.text.lower())
    ):
        # About other questions only: asked about the bladder, "no fever or anything" answers the
        # fever, not the bladder, whose question is then asked again.
        return None
    if message.intent == "unsure":
        return UNSURE
    if question.kind == "yes_no":
        return INTENT_ANSWERS.get(message.intent or "")
    if slot == "age":
        return parse_age(message.text, answering=True)
    if slot == "duration_days":
        return parse_duration_days(message.text)
    if slot in CHOICE_WORDS:
        return _choice(slot, message)
    return None


def slot_updates(
    message: Message, requested_slot: str | None, current: Mapping[str, Any], tables: Tables
) -> dict[str, Any]:
    """The slots this message changes, with their new values."""
    updates: dict[str, Any] = {}
    mentioned = {
        **_from_mentions(message, tables),
        **_words(message.text),
        **_someone_elses_emergencies(message, tables),
    }
    if requested_slot:
        answer = _answer_to_question(requested_slot, message, tables, mentioned)
        if answer is not None:
            updates[requested_slot] = answer
    updates.update(mentioned)

    for slot, entity in LIST_SLOTS.items():
        updates[slot] = _merge(current.get(slot), _values(message, entity, False), _values(message, entity, True))

    side = _side(_values(message, "side", False))
    if side:
        updates["side"] = side
    for slot in ("sex", "onset"):
        values = _values(message, slot, False)
        if values:
            updates[slot] = values[-1]
    if updates.get("pregnant") == YES:
        updates["sex"] = "female"
    if updates.get("disturbs_sleep") == YES and not current.get("worse_at_night"):
        updates["worse_at_night"] = YES  # symptoms that wake you are night-time symptoms

    if "age" not in updates:
        age = parse_age(message.text)
        if age is not None:
            updates["age"] = age
    severity = parse_severity(message.text)
    if severity is not None:
        updates["severity"] = severity
    if "duration_days" not in updates and message.intent in ("inform", "correct"):
        duration = parse_duration_days(message.text)
        if duration is not None:
            updates["duration_days"] = duration

    return {
        slot: value
        for slot, value in updates.items()
        if current.get(slot) != value and (value != [] or current.get(slot))
    }


def changes_an_answer(updates: Mapping[str, Any], current: Mapping[str, Any]) -> bool:
    """Whether the updates change an answer already given ("actually it's my right leg"), rather
    than only answer something new or add a symptom or place."""
    for slot, value in updates.items():
        before = current.get(slot)
        if before is None:
            continue
        if slot in LIST_SLOTS:
            if set(before) - set(value or []):
                return True
        elif value != before:
            return True
    return False
