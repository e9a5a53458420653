"""Custom actions. They only move data between Rasa and the triage engine in `actions.triage`."""

from __future__ import annotations

import abc
import logging
from typing import Any

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.forms import REQUESTED_SLOT
from rasa_sdk.types import DomainDict

from .triage import table
from .triage.answers import LIST_SLOTS, Message, changes_an_answer, slot_updates
from .triage.engine import NO, UNSURE, YES, assess, next_question
from .triage.messages import assessment_messages, condition_messages, tests_messages, treatment_messages

logger = logging.getLogger(__name__)

# Loaded and checked once, when the action server imports this module: a malformed table stops
# the server at start-up with a message naming the bad entry.
TABLES = table.load()

FORM = "symptom_form"
CHOICES = {"side": ("left", "right", "both"), "sex": ("female", "male"), "onset": ("sudden", "gradual")}
ANSWER_SLOTS = (*LIST_SLOTS, "age", "sex", "duration_days", "severity", "side", "onset", *TABLES.yes_no_findings)
EMERGENCY_OUT_OF_SCOPE = "emergency_out_of_scope"

CORRECTION_NOTED = "Thanks, I've updated that."
INVALID_AGE = 'Please tell me your age in years, for example "45".'
INVALID_DURATION = 'Please tell me how long it has lasted, for example "3 days" or "2 months".'
WHY_GENERAL = "I ask about warning signs first, then the questions that best tell the likely causes apart."
WHICH_CONDITION = (
    "Which condition would you like to know about? For example sciatica, Morton's neuroma, "
    "tarsal tunnel syndrome, DVT or restless legs syndrome."
)


def answers(tracker: Tracker) -> dict[str, Any]:
    return {slot: tracker.get_slot(slot) for slot in ANSWER_SLOTS if slot in tracker.slots}


def findings_in_latest_message(
    dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
) -> list[EventType]:
    """The interview's slots filled from what the person just said (a free-text description, an
    answer to the question asked, a correction), acknowledging a changed answer."""
    latest = tracker.latest_message or {}
    message = Message(
        intent=(latest.get("intent") or {}).get("name"),
        entities=latest.get("entities") or [],
        text=latest.get("text") or "",
    )
    requested = tracker.get_slot("requested_slot") if tracker.active_loop_name == FORM else None
    current = tracker.current_slot_values()
    updates = slot_updates(message, requested, current, TABLES)
    updates = {slot: value for slot, value in updates.items() if slot in domain.get("slots", {})}
    logger.debug("extracted slots: %s", sorted(updates))  # names only: the values are health data
    if changes_an_answer(updates, current):
        dispatcher.utter_message(text=CORRECTION_NOTED)
    return [SlotSet(slot, value) for slot, value in updates.items()]


class ValidateSymptomForm(FormValidationAction):
    """Fills the interview's slots from each message, validates them, and asks only what is still
    needed: red flags first, then what best separates the causes."""

    def name(self) -> str:
        return "validate_symptom_form"

    async def required_slots(
        self,
        domain_slots: list[str],
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: DomainDict,
    ) -> list[str]:
        # The answered slots stay in the list so that a changed answer is validated; the form asks
        # for the first empty one, the engine's next question.
        answered = [slot for slot in domain_slots if tracker.get_slot(slot) is not None]
        question = next_question(answers(tracker), TABLES)
        return answered + ([question] if question else [])

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        if (tracker.latest_message.get("intent") or {}).get("name") == EMERGENCY_OUT_OF_SCOPE:
            # Nothing filled, so the form rejects the turn and the rule "An emergency outside the
            # bot's scope ends the interview" answers, even when the message also describes the leg
            # ("I've taken all my tablets and my leg is numb" had only got the next question).
            return []
        # The slots are filled here rather than by a custom slot mapping's action, which would be
        # one more call to the action server for each message (Rasa runs the form, and so this
        # action, for every message of the interview and for a description or correction after it).
        found = findings_in_latest_message(dispatcher, tracker, domain)
        tracker.add_slots(found)
        events = await super().run(dispatcher, tracker, domain)  # validates what it requires
        validated = {event["name"] for event in events if event.get("event") == "slot"}
        events = [event for event in found if event["name"] not in validated] + events
        # Nor is there an action_ask_<slot>: this action asks the question the form requests, and
        # Rasa's form then asks nothing. When the form rejects the turn this reply is dropped with
        # the rest, and the question is asked again when the form resumes.
        requested = next(
            (e["value"] for e in reversed(events) if e.get("event") == "slot" and e["name"] == REQUESTED_SLOT), None
        )
        question = TABLES.question(requested) if requested else None
        if question:
            buttons = [{"title": title, "payload": payload} for title, payload in question.buttons]
            dispatcher.utter_message(text=question.text, buttons=buttons)
        return events

    def validate_symptoms(self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict):
        return {"symptoms": [v for v in value or [] if v in table.SYMPTOMS] or None}

    def validate_body_parts(self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict):
        return {"body_parts": [v for v in value or [] if v in table.BODY_PARTS] or None}

    def validate_age(self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict):
        if value == UNSURE or (isinstance(value, (int, float)) and 0 < value < 120):
            return {"age": value}
        dispatcher.utter_message(text=INVALID_AGE)
        return {"age": None}

    def validate_duration_days(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ):
        if value == UNSURE or (isinstance(value, (int, float)) and 0 <= value <= 365 * 100):
            return {"duration_days": value}
        dispatcher.utter_message(text=INVALID_DURATION)
        return {"duration_days": None}

    def validate_side(self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict):
        return {"side": value if value in CHOICES["side"] + (UNSURE,) else None}

    def validate_sex(self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict):
        return {"sex": value if value in CHOICES["sex"] + (UNSURE,) else None}

    def validate_onset(self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict):
        return {"onset": value if value in CHOICES["onset"] + (UNSURE,) else None}


def _yes_no_validator(slot: str):
    def validate(self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict):
        return {slot: value if value in (YES, NO, UNSURE) else None}

    validate.__name__ = f"validate_{slot}"
    return validate


# One validate_<slot> for every yes/no finding, all alike.
for _slot in TABLES.yes_no_findings:
    setattr(ValidateSymptomForm, f"validate_{_slot}", _yes_no_validator(_slot))


class ActionGiveAssessment(Action):
    """The urgency and what to do, up to three likely causes with reasons, self-care, sources."""

    def name(self) -> str:
        return "action_give_assessment"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        found = answers(tracker)
        result = assess(found, TABLES)
        for text in assessment_messages(result, TABLES, pregnant=found.get("pregnant") == YES):
            dispatcher.utter_message(text=text)
        return [SlotSet("triage_level", result.level), SlotSet("likely_conditions", result.condition_ids)]


def _condition_asked_about(tracker: Tracker) -> table.Condition | None:
    """The condition named now, else the one last talked about, else the likeliest one assessed."""
    named = next(tracker.get_latest_entity_values("condition"), None) or tracker.get_slot("condition")
    assessed = [c for c in tracker.get_slot("likely_conditions") or () if c in TABLES.conditions]
    condition_id = named if named in TABLES.conditions else next(iter(assessed), None)
    return TABLES.conditions.get(condition_id) if condition_id else None


class ActionExplainFromTable(Action, abc.ABC):
    """Answers a question about a condition from the table; each subclass says which part."""

    @abc.abstractmethod
    def replies(self, condition: table.Condition | None) -> list[str]:
        """The messages for the condition in question (None when there is none)."""

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        for text in self.replies(_condition_asked_about(tracker)):
            dispatcher.utter_message(text=text)
        return []


class ActionExplainCondition(ActionExplainFromTable):
    """Answers "what is tarsal tunnel syndrome?"."""

    def name(self) -> str:
        return "action_explain_condition"

    def replies(self, condition: table.Condition | None) -> list[str]:
        return condition_messages(condition) if condition else [WHICH_CONDITION]


class ActionExplainTests(ActionExplainFromTable):
    """Answers "what tests might I need?": for the condition in question, or an overview."""

    def name(self) -> str:
        return "action_explain_tests"

    def replies(self, condition: table.Condition | None) -> list[str]:
        return tests_messages(condition, TABLES)


class ActionExplainTreatment(ActionExplainFromTable):
    """Answers "how is it treated?" for the condition in question."""

    def name(self) -> str:
        return "action_explain_treatment"

    def replies(self, condition: table.Condition | None) -> list[str]:
        return treatment_messages(condition) if condition else [WHICH_CONDITION]


class ActionExplainQuestion(Action):
    """Answers "why do you ask?" for the question the form has just asked."""

    def name(self) -> str:
        return "action_explain_question"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        question = TABLES.question(tracker.get_slot("requested_slot") or "")
        dispatcher.utter_message(text=question.why if question else WHY_GENERAL)
        return []


class ActionOutOfScope(Action):
    """Records an out-of-scope request in the assessment slots (the rules say the words)."""

    def name(self) -> str:
        return "action_out_of_scope"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        if (tracker.latest_message.get("intent") or {}).get("name") == EMERGENCY_OUT_OF_SCOPE:
            return [SlotSet("likely_conditions", [table.OUT_OF_SCOPE]), SlotSet("triage_level", "emergency")]
        if tracker.get_slot("likely_conditions"):
            return []  # keep the assessment already given
        return [SlotSet("likely_conditions", [table.OUT_OF_SCOPE]), SlotSet("triage_level", "self_care")]
