"""Some of Rasa 3.6's costs per message, cut without changing what Rasa does.

Found with py-spy on the Rasa server under the load benchmark (scripts/benchmark.py):

1. `RemoteAction._validate_action_result` checks each reply of the action server with
   `jsonschema.validate`, which first checks the schema itself against JSON Schema's 2020-12
   meta-schema, on every reply: 47 of the 52 ms of each check on this machine, about three replies
   per message of this bot at the time (its slot extraction, the form's validation, the next
   question; now one). That was 80% of the server's time. The schema is a constant: here it is
   checked once and its validator kept. A reply it finds bad goes to Rasa's own method, which raises Rasa's error.
2. `Event.resolve_by_type` walks every subclass of `Event` for each event it reads back from the
   tracker store (7% of the server's time, whole conversations being read on every message).
   Here the classes are looked up by name, found as Rasa finds them (the first of the subclasses
   with that name); names Rasa does not know go to Rasa's own method.
3. `SQLTrackerStore` reads a conversation, and counts its stored events before each save, through
   SQLAlchemy ORM queries rebuilt on every call: building the query, its cache key and an ORM
   object per event took 15% of the server's time under load. Here the same SQL (the events of
   the latest session, in order) is written once and run as plain SQL; the tracker is then
   rebuilt by Rasa's own code, as before. Likewise each save built an ORM object for each new
   event and flushed them one at a time (13% of the server's time, most of it in SQLAlchemy's
   unit of work): here the same rows go to the table in one INSERT, in the same transaction.
4. Python's full garbage collection walks every object the process holds: with TensorFlow, spaCy
   and the model loaded, each took about half a second on this machine, during which no message
   is answered, three times in 30 s under load (the slowest 1% of replies). Once the server has
   started, `freeze_loaded_objects` moves what is loaded to the collector's permanent generation,
   which it no longer walks; objects made afterwards are collected as before.
5. SQLite, the default store, is opened anew for each read and each save of a conversation
   (SQLAlchemy 1.4's pool for SQLite files), and each save writes a rollback journal, syncs it to
   disk and deletes it, while the server answers nobody else. Here the store's connections stay
   open in a pool, as SQLAlchemy 2 does for SQLite files, and use write-ahead logging with
   `synchronous=NORMAL`, which SQLite documents as safe from corruption: a commit survives a crash
   of the servers; only the latest ones may be lost if the machine itself loses power. A save took
   1.7 to 3.0 ms before, 0.7 ms after.
6. `DialogueStateTracker.applied_events` replays the whole conversation, undoing the turns a form
   took back, to list the events that still count, and every prediction asked for it three times
   over (the memoization policy, since removed, once, the rule policy twice): 0.7 ms each time at
   the end of an assessment, of the 4.3 to 4.9 ms of a prediction. Here a tracker keeps the list
   it worked out until an event is added to it, and each caller gets a copy of it.
7. Rasa runs its NLU pipeline and its policies as a graph, through dask, on every message and
   every prediction: each run works out again which nodes the targets need, builds a dask graph
   and has dask order it, which took a fifth of the time of the runs themselves (9% of the
   server's time). Here the order of the nodes is worked out once for each set of targets, and
   the nodes are called in it with the same inputs; training keeps Rasa's runner.
8. `DialogueStateTracker.past_states` replays the conversation again to describe each of its turns
   to the rule policy, which asks twice for each prediction (once to match the user's text, once
   their intent; 7% of the server's time). As with item 6, the tracker keeps the states it worked
   out until an event is added, and each caller gets copies to change.
9. Each call to the action server sends the whole conversation and the domain as JSON (50 KB at
   the end of an assessment), which aiohttp encodes with the standard library's `json` (7% of the
   server's time). Here it uses `ujson`, which Rasa itself requires and Sanic uses for its replies,
   about two and a half times as fast on such a payload; the action server reads the same JSON.
10. Each new tracker copies every slot of the domain (51 here) with `copy.copy`, which goes the
   general way through `__reduce_ex__`, and a message makes about ten trackers (reading the
   conversation, the form's and the policies' copies of it): 6% of the server's time. Here a slot
   is copied as `copy.copy` copies it, a new object of its class with the same attributes, four
   times as fast.
11. DIET puts the sparse features of each featurizer side by side with `scipy.sparse.hstack`,
   whose general block-matrix code takes 0.1 ms a time (4% of the server's time). Here the
   coordinates of the two parts are joined directly: the same matrix, with the same entries in the
   same order as `hstack` gives, four times as fast.
12. DIET's prediction is a `tf.function` with a fixed input signature, which checks and converts
   its inputs against that signature and looks up its traced graph on every call (most of the
   TensorFlow time of a message). Here the traced graph, TensorFlow's concrete function for the
   signature, is called directly once it exists: the same graph, 0.3 to 0.5 ms less per message.
"""

from __future__ import annotations

import functools
import gc
import graphlib
import itertools
import json
import sqlite3
from collections.abc import Iterator
from typing import Any

import aiohttp
import numpy as np
import scipy.sparse
import sqlalchemy as sa
import ujson
from jsonschema import validators
from keras.utils import tf_utils
from rasa.core import processor, tracker_store
from rasa.core.actions.action import RemoteAction
from rasa.core.tracker_store import SQLTrackerStore
from rasa.engine.exceptions import GraphRunError
from rasa.engine.runner.dask import DaskGraphRunner
from rasa.shared.constants import DIAGNOSTIC_DATA
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import Event, SessionStarted
from rasa.shared.core.slots import Slot
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.shared.nlu.constants import INTENT_NAME_KEY
from rasa.shared.nlu.training_data.features import Features
from rasa.shared.utils.common import all_subclasses
from rasa.utils.endpoints import DEFAULT_REQUEST_TIMEOUT, EndpointConfig
from rasa.utils.tensorflow.models import RasaModel

_rasas_validate_action_result = RemoteAction._validate_action_result
_rasas_resolve_by_type = Event.resolve_by_type
_rasas_retrieve = SQLTrackerStore._retrieve
_rasas_additional_events = SQLTrackerStore._additional_events
_rasas_save = SQLTrackerStore.save
_rasas_session = EndpointConfig.session
_rasas_engine_kwargs = tracker_store.create_engine_kwargs
_rasas_applied_events = DialogueStateTracker.applied_events
_rasas_past_states = DialogueStateTracker.past_states
_rasas_combine_sparse_features = Features._combine_sparse_features
_rasas_predict = RasaModel._rasa_predict
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


# What `SQLTrackerStore._event_query` asks for: a sender's events in order, from the start of its
# latest session (or all of them when it has none, or when every session is asked for).
_TABLE = SQLTrackerStore.SQLEvent.__tablename__
_SESSION_START = (
    f"SELECT max(timestamp) FROM {_TABLE} WHERE sender_id = :sender_id AND type_name = '{SessionStarted.type_name}'"
)
_LATEST_SESSION = f"""
    FROM {_TABLE} WHERE sender_id = :sender_id
    AND (:all_sessions OR timestamp >= ({_SESSION_START}) OR ({_SESSION_START}) IS NULL)"""
_EVENTS = sa.text(f"SELECT data {_LATEST_SESSION} ORDER BY id")
_COUNT = sa.text(f"SELECT count(*) {_LATEST_SESSION}")


async def retrieve_events(
    self: SQLTrackerStore, sender_id: str, fetch_events_from_all_sessions: bool
) -> DialogueStateTracker | None:
    """`SQLTrackerStore._retrieve`, with the query written once as SQL."""
    with self.session_scope() as session:
        rows = session.execute(_EVENTS, {"sender_id": sender_id, "all_sessions": fetch_events_from_all_sessions})
        events = [json.loads(data) for (data,) in rows]
    if self.domain and events:
        return DialogueStateTracker.from_dict(sender_id, events, self.domain.slots)
    return None


_INSERT_EVENT = SQLTrackerStore.SQLEvent.__table__.insert()


async def save(self: SQLTrackerStore, tracker: DialogueStateTracker) -> None:
    """`SQLTrackerStore.save`, with the new events inserted in one statement instead of an ORM object each."""
    await self.stream_events(tracker)
    with self.session_scope() as session:
        rows = [_event_row(tracker.sender_id, event) for event in self._additional_events(session, tracker)]
        if rows:
            session.execute(_INSERT_EVENT, rows)
        session.commit()


def _event_row(sender_id: str, event: Event) -> dict[str, Any]:
    """The columns Rasa's `save` fills for an event."""
    data = event.as_dict()
    return {
        "sender_id": sender_id,
        "type_name": event.type_name,
        "timestamp": data.get("timestamp"),
        "intent_name": data.get("parse_data", {}).get("intent", {}).get(INTENT_NAME_KEY),
        "action_name": data.get("name"),
        "data": json.dumps(data),
    }


def additional_events(self: SQLTrackerStore, session: Any, tracker: DialogueStateTracker) -> Iterator:
    """`SQLTrackerStore._additional_events`: the tracker's events not stored yet."""
    stored = session.execute(_COUNT, {"sender_id": tracker.sender_id, "all_sessions": False}).scalar()
    return itertools.islice(tracker.events, stored, len(tracker.events))


async def freeze_loaded_objects(*_: Any) -> None:
    """A Sanic `after_server_start` listener: by then Rasa has loaded the model."""
    gc.collect()
    gc.freeze()


def engine_kwargs(url: str | sa.engine.URL) -> dict[str, Any]:
    """`rasa.core.tracker_store.create_engine_kwargs`, with a SQLite file's connections pooled."""
    kwargs = _rasas_engine_kwargs(url)
    url = sa.engine.make_url(url)
    if url.get_backend_name() == "sqlite" and url.database not in (None, "", ":memory:"):
        # Pooled connections may be handed to another thread; one is used by one at a time.
        kwargs.update(poolclass=sa.pool.QueuePool, connect_args={"check_same_thread": False})
    return kwargs


def write_ahead_log(dbapi_connection: Any, _: Any) -> None:
    """A SQLAlchemy "connect" listener: SQLite connections log ahead and sync at checkpoints."""
    if isinstance(dbapi_connection, sqlite3.Connection):
        dbapi_connection.execute("PRAGMA journal_mode=WAL")
        dbapi_connection.execute("PRAGMA synchronous=NORMAL")


def client_session(self: EndpointConfig) -> aiohttp.ClientSession:
    """`EndpointConfig.session`, with JSON bodies encoded by ujson."""
    auth = aiohttp.BasicAuth(self.basic_auth["username"], self.basic_auth["password"]) if self.basic_auth else None
    return aiohttp.ClientSession(
        headers=self.headers,
        auth=auth,
        timeout=aiohttp.ClientTimeout(total=DEFAULT_REQUEST_TIMEOUT),
        json_serialize=ujson.dumps,
    )


def _events_key(tracker: DialogueStateTracker) -> tuple[int, Event | None]:
    """What a value worked out from the tracker's events is kept under: their count and the newest."""
    return len(tracker.events), tracker.events[-1] if tracker.events else None


def _same_events(key: tuple[int, Event | None], other: tuple[int, Event | None]) -> bool:
    # The newest event itself, not its id(): a new event may be given the id of a freed one.
    return key[0] == other[0] and key[1] is other[1]


def applied_events(self: DialogueStateTracker) -> list[Event]:
    """`DialogueStateTracker.applied_events`, worked out again only when the events have changed."""
    key, cached = _events_key(self), self.__dict__.get("_applied_events")
    if cached is None or not _same_events(key, cached[0]):
        cached = self.__dict__["_applied_events"] = (key, _rasas_applied_events(self))
    return list(cached[1])


def past_states(self: DialogueStateTracker, domain: Domain, *args: Any, **kwargs: Any) -> list[dict]:
    """`DialogueStateTracker.past_states`, worked out again only when the events or the question change."""
    key, question, cached = _events_key(self), (args, kwargs), self.__dict__.get("_past_states")
    if cached is None or not _same_events(key, cached[0]) or cached[1] is not domain or cached[2] != question:
        states = _rasas_past_states(self, domain, *args, **kwargs)
        cached = self.__dict__["_past_states"] = (key, domain, question, states)
    # A state's parts are dicts of immutable values, and policies delete from them: copies of both.
    return [{part: dict(features) for part, features in state.items()} for state in cached[3]]


def copy_slot(self: Slot) -> Slot:
    """`copy.copy` of a slot: what `__reduce_ex__` leads it to do, without the detour."""
    copied = object.__new__(type(self))
    copied.__dict__.update(self.__dict__)
    return copied


def combine_sparse_features(self: Features, additional_features: Features) -> None:
    """`Features._combine_sparse_features`: `hstack` of two coordinate matrices, built directly."""
    left, right = self.features, additional_features.features
    both_coordinates = scipy.sparse.isspmatrix_coo(left) and scipy.sparse.isspmatrix_coo(right)
    if not both_coordinates or left.shape[0] != right.shape[0]:
        return _rasas_combine_sparse_features(self, additional_features)  # Rasa's way, or its error
    rows = np.concatenate([left.row, right.row])
    columns = np.concatenate([left.col, right.col + left.shape[1]])
    shape = (left.shape[0], left.shape[1] + right.shape[1])
    self.features = scipy.sparse.coo_matrix((np.concatenate([left.data, right.data]), (rows, columns)), shape=shape)
    self._cached_fingerprint = None


def rasa_predict(self: RasaModel, batch_in: tuple) -> dict[str, Any]:
    """`RasaModel._rasa_predict`, calling the graph traced for the input signature directly."""
    self._training = False
    graph = self.__dict__.get("_predict_graph")
    if graph is None:
        if self._tf_predict_step is None or self._run_eagerly:  # not traced yet, or never to be
            return _rasas_predict(self, batch_in)
        graph = self.__dict__["_predict_graph"] = self._tf_predict_step.get_concrete_function()
    outputs = tf_utils.sync_to_numpy_or_python_type(graph(batch_in))
    if DIAGNOSTIC_DATA in outputs:
        outputs[DIAGNOSTIC_DATA] = self._empty_lists_to_none_in_dict(outputs[DIAGNOSTIC_DATA])
    return outputs


class PlannedGraphRunner(DaskGraphRunner):
    """`DaskGraphRunner`, with the order of the nodes for given targets worked out once."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._plans: dict[tuple[str, ...], list[tuple[str, list[str]]]] = {}

    def run(self, inputs: dict[str, Any] | None = None, targets: list[str] | None = None) -> dict[str, Any]:
        targets = targets or self._graph_schema.target_names
        # As in a dask graph: an input is its (name, value), and a need nothing provides is its name.
        outputs = {name: (name, value) for name, value in (inputs or {}).items()}
        try:
            for name, needs in self._plan(tuple(targets)):
                outputs[name] = self._instantiated_nodes[name](*(outputs.get(need, need) for need in needs))
        except RuntimeError as error:  # as Rasa's runner reports it
            raise GraphRunError("Error running runner.") from error
        return dict(outputs[target] for target in targets)

    def _plan(self, targets: tuple[str, ...]) -> list[tuple[str, list[str]]]:
        """The nodes the targets need (Rasa's own selection), each after those it needs, with their names."""
        if targets not in self._plans:
            nodes = self._graph_schema.minimal_graph_schema(list(targets)).nodes
            order = graphlib.TopologicalSorter({name: node.needs.values() for name, node in nodes.items()})
            self._plans[targets] = [
                (name, list(nodes[name].needs.values())) for name in order.static_order() if name in nodes
            ]
        return self._plans[targets]


def install() -> None:
    processor.DaskGraphRunner = PlannedGraphRunner  # the runner of a model loaded to answer
    tracker_store.create_engine_kwargs = engine_kwargs
    if not sa.event.contains(sa.engine.Engine, "connect", write_ahead_log):
        sa.event.listen(sa.engine.Engine, "connect", write_ahead_log)
    RemoteAction._validate_action_result = validate_action_result
    Event.resolve_by_type = staticmethod(resolve_by_type)
    SQLTrackerStore._retrieve = retrieve_events
    SQLTrackerStore._additional_events = additional_events
    SQLTrackerStore.save = save
    EndpointConfig.session = client_session
    DialogueStateTracker.applied_events = applied_events
    DialogueStateTracker.past_states = past_states
    Slot.__copy__ = copy_slot
    Features._combine_sparse_features = combine_sparse_features
    RasaModel._rasa_predict = rasa_predict
