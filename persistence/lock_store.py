"""A Redis lock store for several Rasa servers whose tickets are unique.

Rasa 3.6's `RedisLockStore` keeps a conversation's ticket queue as one JSON value and issues a ticket
by reading the value, appending `last number + 1` and writing it back (GET then SET). Two servers
issuing tickets for the same conversation at the same time read the same value and hand out the
same number (RasaHQ/rasa#9213), and one of the two writes is lost: two messages are processed at
once, or a waiting message fails with "Could not acquire lock".

Here the number comes from Redis `INCR`, which is atomic, and every change of the queue (adding a
ticket, removing a served or expired one, deleting an empty queue) is a WATCH/MULTI transaction,
retried when another server changed the queue in between. Everything else is Rasa's.

endpoints file:

    lock_store:
      type: persistence.lock_store.AtomicRedisLockStore
      url: 127.0.0.1
      port: 6379
      db: 1
      key_prefix: legbot
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from typing import Any

from rasa.core.lock import Ticket, TicketLock
from rasa.core.lock_store import LOCK_LIFETIME, LockError, RedisLockStore
from rasa.utils.endpoints import EndpointConfig

# The ticket counter of a conversation outlives its queue (deleted when empty) so numbers never
# repeat; it expires once the conversation has been quiet far longer than any ticket lives.
COUNTER_LIFETIME_SECONDS = 24 * 3600


class AtomicRedisLockStore(RedisLockStore):
    """`RedisLockStore` with tickets numbered by `INCR` and queue changes in transactions."""

    def __init__(self, endpoint_config: EndpointConfig | None = None, **kwargs: Any) -> None:
        # Rasa creates a lock store named by module path with `endpoint_config=` only.
        if endpoint_config is not None:
            kwargs = {**endpoint_config.kwargs, **kwargs}
            if endpoint_config.url:
                kwargs.setdefault("host", endpoint_config.url)
        super().__init__(**kwargs)

    def _counter_key(self, conversation_id: str) -> str:
        return self.key_prefix + "ticket:" + conversation_id

    def _change(self, conversation_id: str, change: Callable[[TicketLock | None], TicketLock | None]) -> None:
        """Applies `change` to the stored queue atomically (None deletes it)."""
        key = self.key_prefix + conversation_id

        def transaction(pipe: Any) -> None:
            stored = pipe.get(key)
            lock = TicketLock.from_dict(json.loads(stored)) if stored else None
            changed = change(lock)
            pipe.multi()
            if changed is None or not changed.tickets:
                pipe.delete(key)
            else:
                pipe.set(key, changed.dumps())

        self.red.transaction(transaction, key)

    def issue_ticket(self, conversation_id: str, lock_lifetime: float = LOCK_LIFETIME) -> int:
        try:
            counter = self._counter_key(conversation_id)
            with self.red.pipeline() as pipe:  # MULTI: INCR and EXPIRE together
                number, _ = pipe.incr(counter).expire(counter, COUNTER_LIFETIME_SECONDS).execute()
            ticket = Ticket(int(number), time.time() + lock_lifetime)

            def add(lock: TicketLock | None) -> TicketLock:
                lock = lock or self.create_lock(conversation_id)
                lock.remove_expired_tickets()
                # Appended, not sorted by number: the head of the queue holds the lock, and a
                # smaller number added after it must not jump ahead of a running holder.
                lock.tickets.append(ticket)
                return lock

            self._change(conversation_id, add)
            return ticket.number
        except Exception as error:  # as Rasa's: the caller handles LockError
            raise LockError(f"Error while acquiring lock. Error:\n{error}") from error

    def update_lock(self, conversation_id: str) -> None:
        def remove_expired(lock: TicketLock | None) -> TicketLock | None:
            if lock:
                lock.remove_expired_tickets()
            return lock

        self._change(conversation_id, remove_expired)

    def finish_serving(self, conversation_id: str, ticket_number: int) -> None:
        def remove(lock: TicketLock | None) -> TicketLock | None:
            if lock:
                lock.remove_ticket_for(ticket_number)
            return lock

        self._change(conversation_id, remove)

    def cleanup(self, conversation_id: str, ticket_number: int) -> None:
        # finish_serving deletes the queue when it is empty, in the same transaction, so a ticket
        # issued meanwhile by another server is never deleted with it.
        self.finish_serving(conversation_id, ticket_number)
