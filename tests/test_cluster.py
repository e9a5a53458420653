"""Two Rasa servers behind one address: conversations in PostgreSQL, locks in Redis (endpoints-cluster.yml).

Uses the machine's PostgreSQL and Redis (a throwaway database and key prefix per run); skips, saying
why, when they don't answer.
"""

import dataclasses
from concurrent.futures import ThreadPoolExecutor

import pytest
import yaml
from chat import Chat
from conftest import ROOT, TOKEN, Bot, action_server, rasa_server, url_of, write_endpoints
from rasa.core.tracker_store import TrackerStore
from rasa.shared.core.domain import Domain
from rasa.utils.endpoints import EndpointConfig
from redis_pg import (
    cluster_stores,
    create_database,
    delete_keys,
    drop_database,
    pg_connect,
    redis_client,
    unique_prefix,
)

pytestmark = pytest.mark.server

BURST = 12


@pytest.fixture(scope="module")
def two_servers(tmp_path_factory):
    client = redis_client()
    database, prefix = create_database(), unique_prefix()
    workdir = tmp_path_factory.mktemp("cluster")
    actions = action_server(workdir)
    action_port = int(actions.health_url.split(":")[-1].split("/")[0])
    endpoints = write_endpoints(workdir / "endpoints.yml", action_port, cluster_stores(database, prefix))
    servers = [rasa_server(workdir, endpoints), rasa_server(workdir, endpoints)]
    try:
        actions.start()
        for server in servers:
            server.start()
        yield [Bot(url_of(server), TOKEN) for server in servers]
    finally:
        for server in [*servers, actions]:
            server.stop()
        drop_database(database)
        delete_keys(client, prefix)


class AlternatingChat(Chat):
    """Sends each message to the next server in turn, as a load balancer without sticky sessions may."""

    def __init__(self, bots):
        super().__init__(bots[0])
        self.bots, self.turn = bots, 0

    def say(self, text: str) -> list[str]:
        self.url = self.bots[self.turn % len(self.bots)].url
        self.turn += 1
        return super().say(text)


def trackers(bots, sender) -> list[dict]:
    return [Chat(bot, sender=sender).tracker() for bot in bots]


def test_one_conversation_alternating_between_two_servers(two_servers):
    chat = AlternatingChat(two_servers)
    chat.interview("shooting pain from my lower back down the back of my right leg to my calf, worse when I cough", {})
    assert chat.turn > 5
    assert chat.slot("likely_conditions")[0] == "lumbar_radiculopathy"
    first, second = trackers(two_servers, chat.sender)
    assert first == second


def test_a_burst_for_one_conversation_on_both_servers_loses_and_interleaves_nothing(two_servers):
    sender = "burst-" + unique_prefix()
    messages = [f"hello {number}" for number in range(BURST)]

    def send(number: int) -> list[str]:
        bot = dataclasses.replace(two_servers[number % 2])
        return Chat(bot, sender=sender).say(messages[number])

    with ThreadPoolExecutor(BURST) as pool:
        replies = list(pool.map(send, range(BURST)))
    assert all(replies), "a message got no reply"

    first, second = trackers(two_servers, sender)
    assert first == second
    events = first["events"]
    said = [event["text"] for event in events if event["event"] == "user"]
    assert sorted(said) == sorted(messages)  # every turn stored, once
    # Turn by turn: each user message is answered, and the turn ends listening, before the next one.
    starts = [index for index, event in enumerate(events) if event["event"] == "user"]
    for start, end in zip(starts, [*starts[1:], len(events)], strict=True):
        turn = events[start + 1 : end]
        actions = [event["name"] for event in turn if event["event"] == "action"]
        assert any(event["event"] == "bot" for event in turn), f"no reply to {events[start]['text']!r}"
        assert actions and actions[-1] == "action_listen" and actions.count("action_listen") == 1, actions


def test_the_shipped_settings_create_their_database_when_missing():
    database = "legbot_test_" + unique_prefix()[1:13]
    settings = yaml.safe_load(cluster_stores(database, unique_prefix()))["tracker_store"]
    connection = pg_connect()  # skips when PostgreSQL does not answer
    try:
        store = TrackerStore.create(EndpointConfig.from_dict(settings), Domain.load(ROOT / "domain.yml"))
        store.engine.dispose()
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", (database,))
            assert cursor.fetchone() == (1,)
    finally:
        connection.close()
        drop_database(database)
