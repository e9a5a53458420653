"""Ticket numbers from Rasa's RedisLockStore repeat under concurrency; the project's lock store's don't.

Several processes issue many tickets for one conversation at the same time against the real Redis.
"""

import multiprocessing
from collections import Counter

import pytest
from rasa.core.lock_store import RedisLockStore
from redis_pg import REDIS_DB, REDIS_HOST, REDIS_PORT, delete_keys, redis_client, unique_prefix

from persistence.lock_store import AtomicRedisLockStore

PROCESSES = 4
TICKETS_EACH = 200
CONVERSATION = "one-conversation"


def _issue(store_class, prefix: str, start, results) -> None:
    store = store_class(host=REDIS_HOST, port=REDIS_PORT, db=REDIS_DB, key_prefix=prefix)
    start.wait()
    results.put([store.issue_ticket(CONVERSATION, 600) for _ in range(TICKETS_EACH)])


def issue_concurrently(store_class, prefix: str) -> tuple[list[int], int]:
    """Returns every ticket number issued and the number of tickets left in the stored queue."""
    context = multiprocessing.get_context("fork")
    start, results = context.Event(), context.Queue()
    workers = [context.Process(target=_issue, args=(store_class, prefix, start, results)) for _ in range(PROCESSES)]
    for worker in workers:
        worker.start()
    start.set()
    numbers = [number for _ in workers for number in results.get(timeout=120)]
    for worker in workers:
        worker.join(timeout=30)
    store = store_class(host=REDIS_HOST, port=REDIS_PORT, db=REDIS_DB, key_prefix=prefix)
    lock = store.get_lock(CONVERSATION)
    return numbers, len(lock.tickets) if lock else 0


@pytest.fixture
def prefix():
    client = redis_client()
    prefix = unique_prefix()
    yield prefix
    delete_keys(client, prefix)


def test_rasa_redis_lock_store_issues_duplicate_tickets(prefix):
    numbers, queued = issue_concurrently(RedisLockStore, prefix)
    duplicates = sum(count - 1 for count in Counter(numbers).values())
    assert len(numbers) == PROCESSES * TICKETS_EACH
    assert duplicates > 0, "the stock lock store issued no duplicate ticket this time"
    assert queued < len(numbers)  # the duplicates' writes overwrote each other: tickets were lost


def test_atomic_lock_store_issues_unique_tickets_and_keeps_them_all(prefix):
    numbers, queued = issue_concurrently(AtomicRedisLockStore, prefix)
    assert len(numbers) == PROCESSES * TICKETS_EACH
    assert sorted(numbers) == list(range(1, len(numbers) + 1))
    assert queued == len(numbers)


def test_atomic_lock_store_serves_in_order_and_deletes_the_empty_queue(prefix):
    store = AtomicRedisLockStore(host=REDIS_HOST, port=REDIS_PORT, db=REDIS_DB, key_prefix=prefix)
    first, second = store.issue_ticket("c"), store.issue_ticket("c")
    lock = store.get_lock("c")
    assert not lock.is_locked(first) and lock.is_locked(second)
    store.cleanup("c", first)
    assert not store.get_lock("c").is_locked(second)
    store.cleanup("c", second)
    assert store.get_lock("c") is None
    assert store.issue_ticket("c") == second + 1  # numbers never repeat, even after the queue is gone


def test_atomic_lock_store_is_created_from_an_endpoints_file(tmp_path, prefix):
    from rasa.core.lock_store import LockStore
    from rasa.core.utils import read_endpoints_from_path

    endpoints = tmp_path / "endpoints.yml"
    endpoints.write_text(
        "lock_store:\n  type: persistence.lock_store.AtomicRedisLockStore\n"
        f"  url: {REDIS_HOST}\n  port: {REDIS_PORT}\n  db: {REDIS_DB}\n  key_prefix: {prefix}\n"
    )
    store = LockStore.create(read_endpoints_from_path(endpoints).lock_store)
    assert isinstance(store, AtomicRedisLockStore)
    assert store.key_prefix == prefix + ":lock:"
    assert store.issue_ticket("c") == 1
