"""Connections to the machine's PostgreSQL and Redis for the tests; a test skips when they don't answer."""

import os
import pathlib
import uuid

import pytest
import yaml

PG_HOST = os.environ.get("TEST_PG_HOST", "127.0.0.1")
PG_PORT = int(os.environ.get("TEST_PG_PORT", "5432"))
PG_USER = os.environ.get("TEST_PG_USER", "postgres")
REDIS_HOST = os.environ.get("TEST_REDIS_HOST", "127.0.0.1")
REDIS_PORT = int(os.environ.get("TEST_REDIS_PORT", "6379"))
REDIS_DB = int(os.environ.get("TEST_REDIS_DB", "1"))
CLUSTER_ENDPOINTS = pathlib.Path(__file__).resolve().parents[1] / "endpoints-cluster.yml"


def redis_client():
    import redis

    client = redis.StrictRedis(host=REDIS_HOST, port=REDIS_PORT, db=REDIS_DB, socket_timeout=5)
    try:
        client.ping()
    except redis.exceptions.ConnectionError as error:
        pytest.skip(f"Redis does not answer on {REDIS_HOST}:{REDIS_PORT}: {error}")
    return client


def unique_prefix() -> str:
    """An alphanumeric Redis key prefix (Rasa ignores others) that no other test run uses."""
    return "t" + uuid.uuid4().hex[:16]


def delete_keys(client, prefix: str) -> None:
    keys = list(client.scan_iter(match=prefix + "*"))
    if keys:
        client.delete(*keys)


def pg_connect(database: str = "postgres"):
    import psycopg2

    try:
        connection = psycopg2.connect(host=PG_HOST, port=PG_PORT, user=PG_USER, dbname=database, connect_timeout=5)
    except psycopg2.OperationalError as error:
        pytest.skip(f"PostgreSQL does not answer on {PG_HOST}:{PG_PORT}: {error}")
    connection.autocommit = True
    return connection


def create_database() -> str:
    name = "legbot_test_" + uuid.uuid4().hex[:12]
    connection = pg_connect()  # autocommit: CREATE DATABASE cannot run in a transaction
    try:
        with connection.cursor() as cursor:
            cursor.execute(f"CREATE DATABASE {name}")
    finally:
        connection.close()
    return name


def drop_database(name: str) -> None:
    connection = pg_connect()
    try:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s AND pid <> pg_backend_pid()",
                (name,),
            )
            cursor.execute(f"DROP DATABASE IF EXISTS {name}")
    finally:
        connection.close()


def cluster_stores(database: str, prefix: str, lock_store_type: str | None = None) -> str:
    """endpoints-cluster.yml's stores, pointed at this run's database and key prefix (and another
    lock store class where the project's cannot be imported, as in the stock bot's folder)."""
    stores = yaml.safe_load(CLUSTER_ENDPOINTS.read_text())
    stores["tracker_store"].update(url=PG_HOST, port=PG_PORT, username=PG_USER, db=database)
    stores["lock_store"].update(url=REDIS_HOST, port=REDIS_PORT, db=REDIS_DB, key_prefix=prefix)
    if lock_store_type:
        stores["lock_store"]["type"] = lock_store_type
    del stores["action_endpoint"]
    return yaml.safe_dump(stores)
