"""Keeps entity values canonical: "my third and fourth toes" becomes "toes".

DIET sometimes extracts a span a word longer or shorter than the training examples, and
EntitySynonymMapper maps only exact surface forms, so the value would leak through unmapped. Placed
after the synonym mapper, this component maps a value that is not one of its entity's canonical
values (those annotated in the training data) to the value of the longest known surface form inside
the span, and drops the entity when the span holds none. /model/parse then only ever returns the
contract's values.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from typing import Any

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import (
    ENTITIES,
    ENTITY_ATTRIBUTE_END,
    ENTITY_ATTRIBUTE_START,
    ENTITY_ATTRIBUTE_TYPE,
    ENTITY_ATTRIBUTE_VALUE,
    TEXT,
)
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

FILE = "surface_forms.json"


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR], is_trainable=True)
class CanonicalEntityValues(GraphComponent):
    """Maps stray entity values to canonical ones, or drops them."""

    def __init__(
        self,
        model_storage: ModelStorage,
        resource: Resource,
        surface_forms: dict[str, dict[str, str]] | None = None,
    ) -> None:
        self._model_storage = model_storage
        self._resource = resource
        # entity type -> {surface form (lowercase) -> canonical value}; canonical values map to themselves
        self.surface_forms = surface_forms or {}

    @classmethod
    def create(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> CanonicalEntityValues:
        return cls(model_storage, resource)

    def train(self, training_data: TrainingData) -> Resource:
        forms: dict[str, dict[str, str]] = defaultdict(dict)
        for example in training_data.entity_examples:
            text = example.get(TEXT)
            for entity in example.get(ENTITIES, []):
                annotated = entity[ENTITY_ATTRIBUTE_VALUE]
                value = str(training_data.entity_synonyms.get(annotated, annotated))
                surface = text[entity[ENTITY_ATTRIBUTE_START] : entity[ENTITY_ATTRIBUTE_END]].lower()
                forms[entity[ENTITY_ATTRIBUTE_TYPE]][value.lower()] = value
                forms[entity[ENTITY_ATTRIBUTE_TYPE]].setdefault(surface, value)
        canonical = {kind: set(values.values()) for kind, values in forms.items()}
        for surface, value in training_data.entity_synonyms.items():
            for kind, values in canonical.items():
                if value in values:
                    forms[kind].setdefault(surface.lower(), value)
        self.surface_forms = dict(forms)
        with self._model_storage.write_to(self._resource) as directory:
            (directory / FILE).write_text(json.dumps(self.surface_forms, sort_keys=True))
        return self._resource

    @classmethod
    def load(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
        **kwargs: Any,
    ) -> CanonicalEntityValues:
        with model_storage.read_from(resource) as directory:
            return cls(model_storage, resource, json.loads((directory / FILE).read_text()))

    def canonical(self, kind: str, value: str, span: str) -> str | None:
        forms = self.surface_forms.get(kind)
        if forms is None:
            return value  # an entity type without training examples is left alone
        if value in forms.values():
            return value
        span = span.lower()
        found = [s for s in forms if re.search(rf"(?<!\w){re.escape(s)}(?!\w)", span)]
        return forms[max(found, key=len)] if found else None

    def process(self, messages: list[Message]) -> list[Message]:
        for message in messages:
            text = message.get(TEXT) or ""
            kept = []
            for entity in message.get(ENTITIES) or []:
                span = text[entity[ENTITY_ATTRIBUTE_START] : entity[ENTITY_ATTRIBUTE_END]]
                value = self.canonical(entity[ENTITY_ATTRIBUTE_TYPE], str(entity[ENTITY_ATTRIBUTE_VALUE]), span)
                if value is not None:
                    kept.append({**entity, ENTITY_ATTRIBUTE_VALUE: value})
            message.set(ENTITIES, kept, add_to_output=True)
        return messages

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        return training_data
