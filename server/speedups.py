"""Two of Rasa 3.6's costs per message, cut without changing what Rasa does.

Found with py-spy on the Rasa server under the load benchmark (scripts/benchmark.py):

1. `RemoteAction._validate_action_result` checks each reply of the action server with
   `jsonschema.validate`, which first checks the schema itself against JSON Schema's 2020-12
   meta-schema, on every reply: 47 of the 52 ms of each check on this machine, about three replies
   per message of this bot (its slot extraction, the form's validation, the next question). That
   was 80% of the server's time. The schema is a constant: here it is checked once and its
   validator kept. A reply it finds bad goes to Rasa's own method, which raises Rasa's error.
2. `Event.resolve_by_type` walks every subclass of `Event` for each event it reads back from the
   tracker store (7% of the server's time, whole conversations being read on every message).
   Here the classes are looked up by name, found as Rasa finds them (the first of the subclasses
   with that name); names Rasa does not know go to Rasa's own method.
"""

from __future__ import annotations

import functools
from typing import Any

from jsonschema import validators
from rasa.core.actions.action import RemoteAction
from rasa.shared.core.events import Event
from rasa.shared.utils.common import all_subclasses

_rasas_validate_action_result = RemoteAction._validate_action_result
_rasas_resolve_by_type = Event.resolve_by_type
_event_classes: dict[str, type[Event]] = {}


@functools.cache
def _validator() -> Any:
    schema = RemoteAction.action_response_format_spec()
    cls = validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema)


def validate_action_result(self: RemoteAction, result: dict[str, Any]) -> bool:
    """`RemoteAction._validate_action_result`, with the validator built once."""
    if _validator().is_valid(result):
        return True
    return _rasas_validate_action_result(self, result)  # raises Rasa's error, with its message


def resolve_by_type(type_name: str, default: type[Event] | None = None) -> type[Event] | None:
    """`Event.resolve_by_type`, with the classes looked up by name."""
    if type_name not in _event_classes:
        for cls in all_subclasses(Event):  # again, in case a class was imported since
            _event_classes.setdefault(cls.type_name, cls)
    if type_name in _event_classes:
        return _event_classes[type_name]
    return _rasas_resolve_by_type(type_name, default)


def install() -> None:
    RemoteAction._validate_action_result = validate_action_result
    Event.resolve_by_type = staticmethod(resolve_by_type)
