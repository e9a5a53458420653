"""The retention command deletes old conversations, in SQLite (default) and PostgreSQL (cluster)."""

import asyncio
import subprocess
import sys
import time

import pytest
from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.events import ActionExecuted, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker
from redis_pg import PG_HOST, PG_PORT, PG_USER, create_database, drop_database, pg_connect

from persistence.retention import delete_old_conversations, tracker_store

DAY = 24 * 3600


def save_conversation(store: SQLTrackerStore, sender: str, days_ago: float) -> None:
    when = time.time() - days_ago * DAY
    events = [ActionExecuted("action_listen", timestamp=when), UserUttered("my left foot tingles", timestamp=when + 1)]
    asyncio.run(store.save(DialogueStateTracker.from_events(sender, events)))


def senders(store: SQLTrackerStore) -> set[str]:
    with store.session_scope() as session:
        return {row[0] for row in session.query(SQLTrackerStore.SQLEvent.sender_id).distinct()}


@pytest.fixture(params=["sqlite", "postgresql"])
def endpoints(request, tmp_path):
    if request.param == "sqlite":
        stores = f"  dialect: sqlite\n  db: {tmp_path / 'conversations.db'}\n"
        yield tmp_path / "endpoints.yml", stores
        return
    pg_connect().close()  # skips when PostgreSQL does not answer
    database = create_database()
    try:
        yield (
            tmp_path / "endpoints.yml",
            (f"  dialect: postgresql\n  url: {PG_HOST}\n  port: {PG_PORT}\n  username: {PG_USER}\n  db: {database}\n"),
        )
    finally:
        drop_database(database)


def test_conversations_older_than_the_limit_are_deleted_and_the_others_kept(endpoints):
    path, stores = endpoints
    path.write_text("tracker_store:\n  type: SQL\n" + stores)
    store = tracker_store(str(path))
    save_conversation(store, "old", days_ago=40)
    save_conversation(store, "recent", days_ago=2)

    assert delete_old_conversations(store, days=30, dry_run=True) == (1, 2)
    assert senders(store) == {"old", "recent"}

    result = subprocess.run(
        [sys.executable, "-m", "persistence.retention", "--days", "30", "--endpoints", str(path)],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    assert "deleted 1 conversation(s), 2 event(s)" in result.stdout
    assert "old" not in result.stdout and "tingles" not in result.stdout  # counts only
    assert senders(store) == {"recent"}
    store.engine.dispose()


def test_retention_refuses_a_store_it_cannot_clean(tmp_path):
    path = tmp_path / "endpoints.yml"
    path.write_text("tracker_store:\n  type: redis\n")
    with pytest.raises(SystemExit, match="SQL tracker store only"):
        tracker_store(str(path))
