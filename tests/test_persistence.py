"""Conversations survive a restart of the servers (SQLite, the default store), and the bot
apologises with emergency advice while the action server is down, then goes on when it is back."""

import dataclasses

import pytest
from chat import Chat
from conftest import SQLITE_TRACKER_STORE, TOKEN, Bot, Server, action_server, rasa_server, url_of, write_endpoints

pytestmark = pytest.mark.server

FIRST_MESSAGE = "I get tingling between my third and fourth toes on the left foot when I wear tight shoes"


@dataclasses.dataclass
class Servers:
    actions: Server
    rasa: Server
    database: object

    @property
    def bot(self) -> Bot:
        return Bot(url_of(self.rasa), TOKEN)


@pytest.fixture(scope="module")
def servers(tmp_path_factory):
    workdir = tmp_path_factory.mktemp("restartable")
    actions = action_server(workdir)
    database = workdir / "conversations.db"
    endpoints = write_endpoints(workdir / "endpoints.yml", actions.port, SQLITE_TRACKER_STORE.format(db=database))
    rasa = rasa_server(workdir, endpoints)
    try:
        Server.start_all(actions, rasa)
        yield Servers(actions, rasa, database)
    finally:
        rasa.stop()
        actions.stop()


def test_a_restart_mid_assessment_keeps_the_conversation(servers):
    chat = Chat(servers.bot)
    chat.say(FIRST_MESSAGE)
    chat.say("no")  # bladder_bowel_changes
    before = chat.tracker()
    assert before["slots"]["bladder_bowel_changes"] == "no"
    asked = before["slots"]["requested_slot"]
    assert asked not in (None, "bladder_bowel_changes")

    servers.rasa.stop()
    servers.actions.stop()
    assert servers.database.stat().st_size > 0
    Server.start_all(servers.actions, servers.rasa)

    after = chat.tracker()
    assert after["events"] == before["events"]
    assert after["slots"]["requested_slot"] == asked
    chat.asked = []
    chat.answer_questions({})
    assert chat.asked[0] == asked  # the interview went on from the question asked before the restart
    assert chat.slot("likely_conditions")[0] == "mortons_neuroma"
    assert chat.slot("triage_level") in ("self_care", "routine")


def test_with_the_action_server_down_the_bot_apologises_with_emergency_advice_then_recovers(servers):
    chat = Chat(servers.bot)
    chat.say(FIRST_MESSAGE)
    assert chat.slot("requested_slot") == "bladder_bowel_changes"

    servers.actions.stop()
    try:
        for answer in ("no", "no"):  # every message while it is down gets the apology, once
            replies = chat.say(answer)
            assert len(replies) == 1, replies
            assert "Sorry" in replies[0] and "999" in replies[0] and "NHS 111" in replies[0]
        tracker = chat.tracker()
        assert tracker["slots"]["requested_slot"] == "bladder_bowel_changes"
        assert tracker["active_loop"].get("name") == "symptom_form"
        assert tracker["latest_action_name"] == "action_listen"
        # The conversation can also start while it is down.
        other = Chat(servers.bot)
        assert "999" in " ".join(other.say("my left foot tingles"))
    finally:
        servers.actions.start()

    replies = chat.say("no")
    assert not any("Sorry" in reply for reply in replies)
    assert chat.slot("bladder_bowel_changes") == "no"
    assert chat.slot("requested_slot") not in (None, "bladder_bowel_changes")
    chat.answer_questions({})
    assert chat.slot("likely_conditions")[0] == "mortons_neuroma"
