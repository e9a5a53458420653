"""The last word on the intent emergency_out_of_scope, which ends the interview with 999 advice.

The intent classifier learns it from about a hundred examples, and on unseen writers it erred
both ways: it missed "I swallowed 40 paracetamol an hour ago", and it gave 999 advice to a person
answering the stroke question with "no slurred speech or face droop". So, after the classifier:
- an emergency named in actions/triage/emergencies.yml, and not denied, makes the intent
  emergency_out_of_scope;
- otherwise a message the classifier read as that intent, which names emergencies (of the file, or
  the findings breathlessness, chest pain and stroke signs) and denies every one of them, is read
  as inform: "no chest pain or breathlessness" answers the interview's question. Nothing else
  turns an emergency down: when unsure, the safer reading wins.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml
from medspacy.context import ConText
from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.constants import SPACY_DOCS
from rasa.nlu.utils.spacy_utils import SpacyModel
from rasa.shared.nlu.constants import (
    ENTITIES,
    ENTITY_ATTRIBUTE_ROLE,
    ENTITY_ATTRIBUTE_TYPE,
    ENTITY_ATTRIBUTE_VALUE,
    INTENT,
    INTENT_NAME_KEY,
    INTENT_RANKING_KEY,
    PREDICTED_CONFIDENCE_KEY,
    TEXT,
)
from rasa.shared.nlu.training_data.message import Message
from spacy.tokens import Doc, Span

from components.clinical_context import build_context

EMERGENCY = "emergency_out_of_scope"
PATTERNS = Path(__file__).resolve().parent.parent / "actions" / "triage" / "emergencies.yml"
# Findings whose presence the interview's red flags turn into 999 advice themselves.
EMERGENCY_FINDINGS = {"stroke_signs", "breathless_or_chest_pain"}
INFORM = "inform"


def emergency_patterns(path: Path = PATTERNS) -> list[re.Pattern]:
    return [re.compile(pattern) for patterns in yaml.safe_load(path.read_text()).values() for pattern in patterns]


def named_emergencies(doc: Doc, patterns: list[re.Pattern], context: ConText) -> list[bool]:
    """For each emergency of emergencies.yml the message names, whether it is denied."""
    text = doc.text.lower().replace("\u2019", "'")
    spans = []
    for pattern in patterns:
        for match in pattern.finditer(text):
            span = doc.char_span(*match.span(), label="emergency", alignment_mode="expand")
            if span is not None and not any(span.start < s.end and s.start < span.end for s in spans):
                spans.append(span)
    if not spans:
        return []
    doc = doc.copy()  # ConText hangs spans on the doc it reads; the message's doc stays as it was
    doc.ents = [Span(doc, s.start, s.end, label=s.label_) for s in sorted(spans, key=lambda s: s.start)]
    context(doc)
    return [span._.is_negated for span in doc.ents]


def checked_intent(
    intent: dict[str, Any], ranking: list[dict[str, Any]], named: list[bool], entities: list[dict[str, Any]]
) -> dict[str, Any]:
    """The intent after the check, with the classifier's confidence for it. `named`: whether each
    emergency the message names is denied."""
    denied = named + [
        e.get(ENTITY_ATTRIBUTE_ROLE) == "negated"
        for e in entities
        if e[ENTITY_ATTRIBUTE_TYPE] == "finding" and e[ENTITY_ATTRIBUTE_VALUE] in EMERGENCY_FINDINGS
    ]
    if not all(named):  # an emergency named and not denied
        target = EMERGENCY
    elif intent.get(INTENT_NAME_KEY) == EMERGENCY and denied and all(denied):
        target = INFORM  # "no chest pain or breathlessness" answers the interview's question
    else:
        return intent
    confidence = next((r[PREDICTED_CONFIDENCE_KEY] for r in ranking if r[INTENT_NAME_KEY] == target), 0.0)
    return {INTENT_NAME_KEY: target, PREDICTED_CONFIDENCE_KEY: confidence}


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False, model_from="SpacyNLP")
class EmergencyCheck(GraphComponent):
    """Makes named emergencies emergency_out_of_scope and turns down fully denied ones (see above)."""

    def __init__(self) -> None:
        self._patterns = emergency_patterns()

    @classmethod
    def create(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> EmergencyCheck:
        return cls()

    def process(self, messages: list[Message], model: SpacyModel) -> list[Message]:
        context = build_context(model.model)  # the one ClinicalContext built
        for message in messages:
            doc: Doc | None = message.get(SPACY_DOCS[TEXT])
            intent = message.get(INTENT)
            if doc is None or not intent:
                continue
            named = named_emergencies(doc, self._patterns, context)
            checked = checked_intent(intent, message.get(INTENT_RANKING_KEY) or [], named, message.get(ENTITIES) or [])
            if checked != intent:
                message.set(INTENT, checked, add_to_output=True)
        return messages
