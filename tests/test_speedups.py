"""Rasa's faster paths (server/speedups.py) do what Rasa's own code does."""

import copy
import gc
import json
import pathlib

import jsonschema
import numpy as np
import pytest
import scipy.sparse
import sqlalchemy as sa
from aiohttp import web
from conftest import ROOT, free_port
from rasa.core import processor, tracker_store
from rasa.core.actions.action import RemoteAction
from rasa.core.agent import load_agent
from rasa.core.tracker_store import SQLTrackerStore
from rasa.engine.exceptions import GraphRunError
from rasa.engine.graph import ExecutionContext, GraphComponent, GraphSchema, SchemaNode
from rasa.engine.runner.dask import DaskGraphRunner
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.shared.constants import DIAGNOSTIC_DATA
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, ActiveLoop, Event, SessionStarted, SlotSet, UserUttered
from rasa.shared.core.slots import Slot
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.shared.nlu.training_data.features import Features
from rasa.shared.utils.common import all_subclasses
from rasa.utils.endpoints import EndpointConfig
from rasa.utils.tensorflow.models import RasaModel
from redis_pg import PG_HOST, PG_PORT, PG_USER, create_database, drop_database

import policies.action_server_down  # noqa: F401  (loading the policy installs the check, as the server does)
from server.speedups import (
    PlannedGraphRunner,
    _rasas_additional_events,
    _rasas_applied_events,
    _rasas_combine_sparse_features,
    _rasas_engine_kwargs,
    _rasas_past_states,
    _rasas_predict,
    _rasas_resolve_by_type,
    _rasas_retrieve,
    _rasas_save,
    _rasas_session,
    additional_events,
    applied_events,
    client_session,
    combine_sparse_features,
    copy_slot,
    engine_kwargs,
    freeze_loaded_objects,
    past_states,
    rasa_predict,
    resolve_by_type,
    retrieve_events,
    save,
    validate_action_result,
)

DOMAIN = Domain.load(pathlib.Path(__file__).parents[1] / "domain.yml")

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
    assert SQLTrackerStore._retrieve is retrieve_events
    assert SQLTrackerStore._additional_events is additional_events
    assert SQLTrackerStore.save is save
    assert EndpointConfig.session is client_session
    assert Slot.__copy__ is copy_slot
    assert Features._combine_sparse_features is combine_sparse_features
    assert RasaModel._rasa_predict is rasa_predict
    assert tracker_store.create_engine_kwargs is engine_kwargs
    assert DialogueStateTracker.applied_events is applied_events
    assert DialogueStateTracker.past_states is past_states
    assert processor.DaskGraphRunner is PlannedGraphRunner  # the runner of a model the server loads


async def test_sqlite_connections_stay_open_and_log_ahead(tmp_path):
    store = SQLTrackerStore(DOMAIN, dialect="sqlite", db=str(tmp_path / "conversations.db"))
    assert isinstance(store.engine.pool, sa.pool.QueuePool)
    await store.save(conversation(1))
    with store.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA synchronous").scalar() == 1  # NORMAL
    assert (tmp_path / "conversations.db-wal").exists()  # the log beside the file, while it is open
    assert as_dicts(await store.retrieve("anna")) == as_dicts(conversation(1))[-4:]


def test_other_databases_keep_rasas_engine_settings():
    postgres = "postgresql://localhost/rasa"
    assert engine_kwargs(postgres) == _rasas_engine_kwargs(postgres)
    assert "poolclass" not in engine_kwargs("sqlite://")  # in memory: one connection is the database


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


def conversation(sessions: int) -> DialogueStateTracker:
    events = [UserUttered("my foot is numb", timestamp=1.0), SlotSet("age", 45, timestamp=2.0)]
    for start in range(10, 10 * sessions + 1, 10):
        events += [ActionExecuted("action_session_start", timestamp=start), SessionStarted(timestamp=start)]
        events += [ActionExecuted("action_listen", timestamp=start + 1), UserUttered("hello", timestamp=start + 2)]
    return DialogueStateTracker.from_events("anna", events, slots=DOMAIN.slots)


def as_dicts(tracker: DialogueStateTracker | None) -> list[dict] | None:
    return [event.as_dict() for event in tracker.events] if tracker else None


@pytest.mark.parametrize("sessions", [0, 1, 2])
async def test_conversations_are_read_and_counted_as_rasa_does(tmp_path, sessions):
    store = SQLTrackerStore(DOMAIN, dialect="sqlite", db=str(tmp_path / "conversations.db"))
    tracker = conversation(sessions)
    await store.save(tracker)
    for all_sessions in (False, True):
        ours = await retrieve_events(store, "anna", all_sessions)
        assert as_dicts(ours) == as_dicts(await _rasas_retrieve(store, "anna", all_sessions))
    assert len(ours.events) == len(tracker.events)  # every session: the whole conversation
    assert await retrieve_events(store, "nobody", False) is None
    tracker = await store.retrieve("anna")  # the latest session, as Rasa reads it for a message
    tracker.update(UserUttered("and my toes tingle", timestamp=100.0))
    with store.session_scope() as session:
        ours = list(additional_events(store, session, tracker))
        assert ours == list(_rasas_additional_events(store, session, tracker))
        assert [event.text for event in ours] == ["and my toes tingle"]


def stored_rows(store: SQLTrackerStore) -> list[tuple]:
    with store.engine.connect() as connection:
        return [tuple(row) for row in connection.execute(sa.text("SELECT * FROM events ORDER BY id"))]


@pytest.fixture(params=["sqlite", "postgresql"])
def two_stores(request, tmp_path):
    """Two empty stores of one kind: one for Rasa's save, one for ours."""
    if request.param == "sqlite":
        yield [SQLTrackerStore(DOMAIN, dialect="sqlite", db=str(tmp_path / f"{name}.db")) for name in "ab"]
        return
    databases = [create_database(), create_database()]  # skips when PostgreSQL does not answer
    stores = [
        SQLTrackerStore(DOMAIN, dialect="postgresql", host=PG_HOST, port=PG_PORT, username=PG_USER, db=database)
        for database in databases
    ]
    yield stores
    for store, database in zip(stores, databases, strict=True):
        store.engine.dispose()
        drop_database(database)


async def test_events_are_saved_as_rasa_saves_them(two_stores):
    rasas, ours = two_stores
    tracker = conversation(0)  # one session: what the server holds after reading the latest one
    tracker.update(UserUttered("both legs are weak", {"name": "describe_symptoms"}, timestamp=30.0))
    tracker.update(ActionExecuted("utter_emergency", timestamp=31.0))
    for _ in range(2):  # the second save of each adds only what is new
        await _rasas_save(rasas, tracker)
        await save(ours, tracker)
        tracker.update(ActiveLoop(None, timestamp=40.0))
    assert stored_rows(ours) == stored_rows(rasas)
    assert len(stored_rows(ours)) == len(tracker.events) - 1  # all but the last event, added after the save
    assert {row[4] for row in stored_rows(ours)} == {None, "describe_symptoms"}  # intent_name


async def test_requests_to_the_action_server_carry_the_same_json():
    received = []

    async def webhook(request: web.Request) -> web.Response:
        received.append((request.content_type, await request.text()))
        return web.json_response({})

    app = web.Application()
    app.router.add_post("/webhook", webhook)
    runner = web.AppRunner(app)
    await runner.setup()
    port = free_port()
    await web.TCPSite(runner, "127.0.0.1", port).start()
    payload = {"text": "pins & needles in my left foot / toes \u00e9\n", "tracker": {"events": [1.5, None, True]}}
    try:
        endpoint = EndpointConfig(f"http://127.0.0.1:{port}/webhook")
        await endpoint.request(json=payload)
        EndpointConfig.session = _rasas_session
        try:
            await endpoint.request(json=payload)
        finally:
            EndpointConfig.session = client_session
    finally:
        await runner.cleanup()
    (ours_type, ours), (rasas_type, rasas) = received
    assert ours_type == rasas_type == "application/json"
    assert json.loads(ours) == json.loads(rasas) == payload


def rasas_copy(slot: Slot) -> Slot:
    return copy._reconstruct(slot, None, *slot.__reduce_ex__(4))  # what copy.copy does without __copy__


@pytest.mark.parametrize("domain_slot", DOMAIN.slots, ids=lambda slot: slot.name)
def test_a_slot_is_copied_as_copy_copies_it(domain_slot):
    slot = rasas_copy(domain_slot)
    slot.value = ["numbness"] if slot.type_name == "list" else slot.initial_value
    rasas, ours = rasas_copy(slot), copy.copy(slot)
    assert type(ours) is type(rasas) is type(slot)
    assert ours.__dict__ == rasas.__dict__ == slot.__dict__
    ours.value = "changed"
    assert slot.value != "changed"  # a copy: setting its value leaves the domain's slot alone


def sparse(rows: int, columns: int, seed: int, dtype: type = np.float32) -> scipy.sparse.coo_matrix:
    return scipy.sparse.random(rows, columns, density=0.05, format="coo", dtype=dtype, random_state=seed)


def features(matrix: scipy.sparse.spmatrix) -> Features:
    return Features(matrix, "sequence", "text", "CountVectorsFeaturizer")


@pytest.mark.parametrize("right_dtype", [np.float32, np.float64, np.int64])
def test_sparse_features_are_put_side_by_side_as_hstack_does(right_dtype):
    left, right = sparse(7, 300, seed=1), sparse(7, 2000, seed=2, dtype=right_dtype)
    rasas, ours = features(left), features(left)
    _rasas_combine_sparse_features(rasas, features(right))
    combine_sparse_features(ours, features(right))
    for attribute in ("shape", "dtype", "format"):
        assert getattr(ours.features, attribute) == getattr(rasas.features, attribute)
    for array in ("row", "col", "data"):  # the same entries in the same order, of the same types
        assert getattr(ours.features, array).dtype == getattr(rasas.features, array).dtype
        assert np.array_equal(getattr(ours.features, array), getattr(rasas.features, array))


def test_other_sparse_formats_and_mismatched_features_go_to_rasa():
    ours = features(sparse(3, 10, seed=1).tocsr())
    combine_sparse_features(ours, features(sparse(3, 5, seed=2)))
    assert ours.features.shape == (3, 15)
    with pytest.raises(ValueError, match="sequence dimensions do not match: 3 != 4"):
        combine_sparse_features(features(sparse(3, 10, seed=1)), features(sparse(4, 10, seed=2)))


async def test_the_model_understands_messages_as_with_rasas_prediction():
    model = max((ROOT / "models").glob("*.tar.gz"), key=lambda path: path.stat().st_mtime, default=None)
    if model is None:
        pytest.fail("no trained model in models/: run `rasa train` (the test command does)")
    agent = await load_agent(model_path=str(model))
    texts = ["my left foot is numb and my toes tingle", "no", "45", "no back pain though", "I can't pee", "hi"]

    async def understood(predict) -> tuple[list[dict], list[dict]]:
        """The parses, and everything DIET's prediction returned (with its diagnostic data)."""
        predictions = []

        def recorded(self, batch_in):
            predictions.append(predict(self, batch_in))
            return predictions[-1]

        RasaModel._rasa_predict = recorded
        try:
            return [await agent.parse_message(text) for text in texts], predictions
        finally:
            RasaModel._rasa_predict = rasa_predict

    rasas, ours = await understood(_rasas_predict), await understood(rasa_predict)
    assert ours[0] == rasas[0]
    np.testing.assert_equal(ours[1], rasas[1])
    assert len(ours[1]) == len(texts) and all(DIAGNOSTIC_DATA in prediction for prediction in ours[1])
    assert {parse["intent"]["name"] for parse in ours[0]} >= {"greet", "deny"}


async def test_the_loaded_model_is_set_aside_from_garbage_collection_once_the_server_starts():
    from server.rest import ValidatingRestInput

    blueprint = ValidatingRestInput().blueprint(on_new_message=None)
    listeners = [(listener.event, listener.listener) for listener in blueprint._future_listeners]
    assert ("after_server_start", freeze_loaded_objects) in listeners
    try:
        await freeze_loaded_objects()
        assert gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()


FORM_TURNS = [
    [ActionExecuted("action_listen"), UserUttered("my foot is numb", timestamp=1.0)],
    [ActionExecuted("symptom_form"), ActiveLoop("symptom_form"), SlotSet("requested_slot", "age")],
    [ActionExecuted("action_listen"), UserUttered("45", timestamp=2.0)],
    # The form again: its events since its last run are taken back from the events that count.
    [ActionExecuted("symptom_form"), SlotSet("age", 45), SlotSet("requested_slot", "sex")],
    [ActionExecuted("action_listen")],
]


def test_the_events_that_count_are_worked_out_again_when_an_event_is_added():
    tracker = DialogueStateTracker("anna", DOMAIN.slots)
    for turn in FORM_TURNS:
        for event in turn:
            tracker.update(event)
            assert tracker.applied_events() == _rasas_applied_events(tracker)
    assert len(tracker.applied_events()) < len(tracker.events)
    tracker.applied_events().clear()  # a caller's changes to its list stay its own
    assert tracker.applied_events() == _rasas_applied_events(tracker)


@pytest.mark.parametrize("ignore_rule_only_turns", [False, True])
def test_the_states_of_the_turns_are_worked_out_again_when_an_event_or_the_question_changes(ignore_rule_only_turns):
    rule_only_data = {"rule_only_slots": ["requested_slot"], "rule_only_loops": ["symptom_form"]}
    questions = ({}, {"ignore_rule_only_turns": ignore_rule_only_turns, "rule_only_data": rule_only_data})
    for question, other in (questions, questions[::-1]):
        tracker = DialogueStateTracker("anna", DOMAIN.slots)
        for turn in FORM_TURNS:
            for event in turn:
                tracker.update(event)
                assert tracker.past_states(DOMAIN, **question) == _rasas_past_states(tracker, DOMAIN, **question)
        assert tracker.past_states(DOMAIN, **other) == _rasas_past_states(tracker, DOMAIN, **other)
    states = tracker.past_states(DOMAIN)
    assert any("active_loop" in state for state in states)
    for state in states:  # the rule policy deletes a turn's text or intent from its copy
        for features in state.values():
            features.clear()
    assert tracker.past_states(DOMAIN) == _rasas_past_states(tracker, DOMAIN)


class Number(GraphComponent):
    """A node of a small graph: its number, plus those of the nodes it needs."""

    calls: list[str] = []

    def __init__(self, name: str, number: int) -> None:
        self.name, self.number = name, number

    @classmethod
    def create(cls, config, model_storage, resource, execution_context) -> "Number":
        return cls(resource.name, config["number"])

    def run(self, **needed: int) -> int:
        self.calls.append(self.name)
        return self.number + sum(needed.values())


def node(number: int, needs: dict, is_target: bool = False) -> SchemaNode:
    return SchemaNode(needs, Number, "create", "run", {"number": number}, is_target=is_target)


def test_the_planned_runner_gives_what_rasas_runner_gives(tmp_path):
    schema = GraphSchema(
        {
            "one": node(1, {}),
            "ten": node(10, {"a": "one", "b": "__input__"}),
            "total": node(100, {"a": "ten", "b": "one"}, is_target=True),
            "other": node(1000, {"a": "one"}, is_target=True),
        }
    )
    storage, context = LocalModelStorage(tmp_path), ExecutionContext(schema, "model")
    planned, rasas = PlannedGraphRunner(schema, storage, context), DaskGraphRunner(schema, storage, context)
    for targets in (["total"], ["other", "total"], None):
        Number.calls.clear()
        ours = planned.run({"__input__": 5}, targets)
        ours_calls = sorted(Number.calls)
        Number.calls.clear()
        assert ours == DaskGraphRunner.run(rasas, {"__input__": 5}, targets)
        assert ours_calls == sorted(Number.calls)  # each node the targets need, once, and no other
    Number.calls.clear()
    assert planned.run({"__input__": 5}, ["total"]) == {"total": 100 + 10 + 1 + 5 + 1}
    assert sorted(Number.calls) == ["one", "ten", "total"]
    with pytest.raises(GraphRunError) as ours:  # an input nobody gave
        planned.run({}, ["total"])
    with pytest.raises(GraphRunError) as rasas_error:
        DaskGraphRunner.run(rasas, {}, ["total"])
    assert str(ours.value) == str(rasas_error.value)
