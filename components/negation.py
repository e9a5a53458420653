"""Marks negated entity mentions ("no back pain", "my bladder is fine") with the role "negated".

A NegEx-style rule set (Chapman et al., 2001): a negation cue before a mention, in the same clause
and within a few words, or a "normal/fine" cue just after it, negates the mention. The dialogue
turns negated mentions into "no" answers. "can't"/"unable" are not cues: "I can't feel my toes" and
"I can't lift my foot" describe symptoms.
"""

from __future__ import annotations

import re
from typing import Any

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import ENTITIES, ENTITY_ATTRIBUTE_ROLE, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

NEGATED = "negated"
WINDOW_WORDS = 6
POST_WINDOW_WORDS = 4

# "no" followed by punctuation is an answer ("No, but my calf is swollen"), not a cue.
_PRE_CUES = re.compile(
    r"\b(?:no(?!\s*[,.!;:])|not(?!\s+(?:able|sure|only))|never|without|nor|neither|none|"
    r"deny|denies|free of|absence of|(?:do|does|did|have|has|had|is|are|was|were)n'?t|"
    r"(?:do|does|did|have|has|had)\s+not)\b",
    re.IGNORECASE,
)
_POST_CUES = re.compile(
    r"\b(?:fine|normal|ok|okay|unaffected|not affected|no problems?|no issues?|all good|good)\b",
    re.IGNORECASE,
)
# Where a negation's scope ends: a new clause.
_CLAUSE_END = re.compile(
    r"[.;!?]|\b(?:but|however|although|though|except|apart from|just|only|instead|whereas|yet)\b"
    r"|(?:,|\band\b)\s+(?=(?:my|i|i'm|it|it's|its|the|there|they|now)\b)",
    re.IGNORECASE,
)


def _clause(text: str, start: int, end: int) -> tuple[int, int]:
    left = max((m.end() for m in _CLAUSE_END.finditer(text, 0, start)), default=0)
    following = _CLAUSE_END.search(text, end)
    return left, following.start() if following else len(text)


def is_negated(text: str, start: int, end: int) -> bool:
    clause_start, clause_end = _clause(text, start, end)
    before = text[clause_start:start]
    for cue in _PRE_CUES.finditer(before):
        if len(before[cue.end() :].split()) <= WINDOW_WORDS:
            return True
    after = " ".join(text[end:clause_end].split(",")[0].split()[:POST_WINDOW_WORDS])
    return bool(_POST_CUES.search(after))


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR], is_trainable=False)
class NegationMarker(GraphComponent):
    """Sets role "negated" on entities the message denies."""

    @classmethod
    def create(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> NegationMarker:
        return cls()

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        return training_data

    def process(self, messages: list[Message]) -> list[Message]:
        for message in messages:
            text: str | None = message.get(TEXT)
            entities = message.get(ENTITIES) or []
            if not text or not entities:
                continue
            for entity in entities:
                if entity.get(ENTITY_ATTRIBUTE_ROLE) is None and is_negated(text, entity["start"], entity["end"]):
                    entity[ENTITY_ATTRIBUTE_ROLE] = NEGATED
            message.set(ENTITIES, entities, add_to_output=True)
        return messages
