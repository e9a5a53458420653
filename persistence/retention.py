"""Deletes the conversations nobody has written to for more than a number of days.

    .venv/bin/python -m persistence.retention --days 30 [--endpoints endpoints.yml] [--dry-run]

Reads the tracker store from the endpoints file (SQL: SQLite or PostgreSQL, as in endpoints.yml and
endpoints-cluster.yml) and deletes every event of each conversation whose latest event is older
than the cut-off. Prints only counts: conversation ids and texts are health data. Run it daily,
e.g. from cron: `0 3 * * * cd /path/to/bot && .venv/bin/python -m persistence.retention --days 30`.
"""

from __future__ import annotations

import argparse
import time

import sqlalchemy as sa
from rasa.core.tracker_store import SQLTrackerStore
from rasa.utils.endpoints import EndpointConfig, read_endpoint_config

DAY_SECONDS = 24 * 3600


def tracker_store(endpoints: str) -> SQLTrackerStore:
    config: EndpointConfig | None = read_endpoint_config(endpoints, "tracker_store")
    if config is None or (config.type or "").lower() != "sql":
        raise SystemExit(f"{endpoints}: retention supports the SQL tracker store only (SQLite, PostgreSQL)")
    return SQLTrackerStore(host=config.url, **config.kwargs)


def delete_old_conversations(store: SQLTrackerStore, days: float, dry_run: bool = False) -> tuple[int, int]:
    """Deletes the conversations last written to before `days` ago; returns (conversations, events)."""
    cutoff = time.time() - days * DAY_SECONDS
    events = SQLTrackerStore.SQLEvent
    old = (
        sa.select(events.sender_id)
        .group_by(events.sender_id)
        .having(sa.func.max(events.timestamp) < cutoff)
        .scalar_subquery()
    )
    with store.session_scope() as session:
        senders = session.query(sa.func.count(sa.distinct(events.sender_id))).filter(events.sender_id.in_(old)).scalar()
        if dry_run:
            count = session.query(events).filter(events.sender_id.in_(old)).count()
        else:
            count = session.query(events).filter(events.sender_id.in_(old)).delete(synchronize_session=False)
            session.commit()
    return senders, count


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--days", type=float, required=True, help="keep conversations active in the last N days")
    parser.add_argument("--endpoints", default="endpoints.yml")
    parser.add_argument("--dry-run", action="store_true", help="count, delete nothing")
    args = parser.parse_args(argv)
    if args.days < 0:
        parser.error("--days must not be negative")
    senders, count = delete_old_conversations(tracker_store(args.endpoints), args.days, args.dry_run)
    verb = "would delete" if args.dry_run else "deleted"
    print(f"{verb} {senders} conversation(s), {count} event(s), inactive for more than {args.days:g} days")


if __name__ == "__main__":
    main()
