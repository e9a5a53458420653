"""Rasa's faster paths (server/speedups.py) do what Rasa's own code does."""

import jsonschema
import pytest
from rasa.core.actions.action import RemoteAction
from rasa.shared.core.events import Event
from rasa.shared.utils.common import all_subclasses

import policies.action_server_down  # noqa: F401  (loading the policy installs the check, as the server does)
from server.speedups import _rasas_resolve_by_type, resolve_by_type, validate_action_result

SCHEMA = RemoteAction.action_response_format_spec()
GOOD = [
    {},
    {"events": [], "responses": []},
    {
        "events": [
            {"event": "slot", "name": "age", "value": 45, "timestamp": None},
            {"event": "active_loop", "name": "symptom_form"},
            {"event": "followup", "name": "action_give_assessment"},
        ],
        "responses": [{"text": "Are both of your legs weak?", "buttons": [{"title": "Yes", "payload": "/affirm"}]}],
    },
]
BAD = [
    {"events": "slot"},
    {"events": [{"event": "slot"}]},
    {"events": [{"event": "no_such_event"}]},
    {"events": [{"event": "slot", "name": 7, "value": 1}]},
    {"responses": ["text, not an object"]},
]


def test_the_server_uses_the_faster_paths():
    assert RemoteAction._validate_action_result is validate_action_result
    assert Event.resolve_by_type is resolve_by_type


@pytest.mark.parametrize("reply", GOOD)
def test_a_valid_reply_passes(reply):
    jsonschema.validate(reply, SCHEMA)  # Rasa's own check agrees
    assert RemoteAction("validate_symptom_form", None)._validate_action_result(reply) is True


@pytest.mark.parametrize("reply", BAD)
def test_an_invalid_reply_raises_rasas_error(reply):
    with pytest.raises(jsonschema.ValidationError) as rasas:
        jsonschema.validate(reply, SCHEMA)
    with pytest.raises(jsonschema.ValidationError) as ours:
        RemoteAction("validate_symptom_form", None)._validate_action_result(reply)
    assert ours.value.message.startswith(rasas.value.message + ". Failed to validate Action server response")
    assert list(ours.value.path) == list(rasas.value.path)


@pytest.mark.parametrize("name", sorted({cls.type_name for cls in all_subclasses(Event)}))
def test_each_event_name_gives_rasas_class(name):
    assert Event.resolve_by_type(name) is _rasas_resolve_by_type(name)


def test_unknown_event_names_behave_as_in_rasa():
    assert Event.resolve_by_type("topic") is None
    assert Event.resolve_by_type("no_such_event", default=Event) is Event
    with pytest.raises(ValueError, match="Unknown event name 'no_such_event'"):
        Event.resolve_by_type("no_such_event")
