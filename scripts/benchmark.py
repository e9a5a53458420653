"""Load benchmark: this bot and the stock `rasa init` bot, same machine, same run.

    .venv/bin/python scripts/benchmark.py [--users 1 10 50] [--conversations 10 2 1] [--workers 2]

Creates the stock bot with `rasa init --no-prompt` in a temporary folder (which trains it), starts
both bots (each a Rasa server with its action server, on free ports; ours with the trained model in
models/ and its default SQLite store, in a temporary file), then for each number of users N runs N
simulated users at once. Each user runs full conversations over REST, one message at a time, each
conversation a new person on a new connection: ours full assessments (reading each question in the
reply, as a person does, and answering it as tests/chat.py does), the stock bot its greet / mood /
did-that-help conversation. Before the first level, a warm-up that is not measured runs four such
users per Sanic worker on each bot. Each level runs twice:
- "no pause": the next message goes as soon as the reply is in. This saturates the server and
  measures its capacity (messages per second) and the latency of a queue;
- "paced": like people, each user pauses between a reply and the next message (reading and
  tapping an answer), 1 to 3 seconds at random, which is quicker than most people. This measures
  the latency people get with N of them chatting at once. (One user never waits for another, so
  one user is run without pause only.)
Reports reply latency (send to all replies received) p50, p95 and p99, messages per second, and
the peak resident memory of every server (with its workers); writes results/benchmark.md and
results/benchmark.json (results/benchmark-workers-N.md and .json with --workers N).

With --workers N (N > 1), both Rasa servers run N Sanic workers (SANIC_WORKERS), which Rasa
allows only with a lock store shared between processes: both bots keep their conversations in
PostgreSQL and their locks in Redis, the deployment of endpoints-cluster.yml (a throwaway
database and key prefix for each bot, dropped afterwards; the stock bot with Rasa's own
RedisLockStore).
"""

from __future__ import annotations

import argparse
import json
import os
import pathlib
import platform
import random
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from concurrent.futures import ThreadPoolExecutor

import requests
import yaml

ROOT = pathlib.Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "tests"), str(ROOT)]

from chat import PLAIN_ANSWERS  # noqa: E402
from conftest import Bot, Server, action_server, rasa_server, url_of, write_endpoints  # noqa: E402
from redis_pg import (  # noqa: E402
    cluster_stores,
    create_database,
    delete_keys,
    drop_database,
    redis_client,
    unique_prefix,
)

from actions.triage import table  # noqa: E402

BIN = pathlib.Path(sys.executable).parent
FIRST_MESSAGES = [
    "I get tingling between my third and fourth toes on the left foot when I wear tight shoes",
    "shooting pain from my lower back down my right leg, worse when I cough",
    "both feet numb and burning at night, I'm diabetic",
    "my calf cramps when I walk 100 yards and it goes if I stand still",
    "numb patch on the outside of my left thigh",
]
# The interview's questions (text -> slot) and the disclaimer that closes every assessment.
QUESTIONS = {question.text: question.slot for question in table.load().questions}
DISCLAIMER = yaml.safe_load((ROOT / "domain.yml").read_text())["responses"]["utter_disclaimer"][0]["text"]
# Users per Sanic worker in the warm-up; all on one worker by chance has odds 2 / 2**8 with 2 workers.
WARM_UP_USERS_PER_WORKER = 4
# Seconds a paced user takes to read a reply and answer, drawn at random in this range.
PAUSE = (1.0, 3.0)
STOCK_CONVERSATIONS = [
    ["hello", "I am sad", "no", "bye"],
    ["hi", "I am feeling great", "goodbye"],
    ["hey there", "very sad", "yes", "bye"],
    ["good morning", "amazing", "are you a bot?", "bye"],
]


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(share * len(ordered) + 0.5) - 1))]


def rss_mb(pid: int) -> float:
    """The resident memory of a process and its children (a server's Sanic workers)."""
    try:
        status = pathlib.Path(f"/proc/{pid}/status").read_text()
        children = " ".join(path.read_text() for path in pathlib.Path(f"/proc/{pid}/task").glob("*/children"))
    except FileNotFoundError:
        return 0.0
    own = next((int(line.split()[1]) / 1024 for line in status.splitlines() if line.startswith("VmRSS:")), 0.0)
    return own + sum(rss_mb(int(child)) for child in children.split())


class User:
    """One simulated user, who runs conversations one after another. Each conversation is a new person
    (a new sender id) on a new connection, as people arrive: with the connections of one level kept
    open from its start, a server's Sanic workers keep whichever connections each accepted first."""

    def __init__(self, bot: Bot, pause: tuple[float, float] | None = None) -> None:
        self.bot, self.http, self.latencies, self.silent = bot, requests.Session(), [], 0
        self.sender = "bench-" + uuid.uuid4().hex
        self.pause, self.random = pause, random.Random(self.sender)

    def new_person(self) -> None:
        self.http.close()
        self.http = requests.Session()
        self.sender = "bench-" + uuid.uuid4().hex

    def say(self, text: str) -> list[str]:
        if self.pause:  # a person reads the reply and answers; the first pause staggers the arrivals
            time.sleep(self.random.uniform(*self.pause))
        start = time.perf_counter()
        reply = self.http.post(
            f"{self.bot.url}/webhooks/rest/webhook", json={"sender": self.sender, "message": text}, timeout=300
        )
        self.latencies.append(time.perf_counter() - start)
        reply.raise_for_status()
        self.silent += not reply.json()
        return [message.get("text", "") for message in reply.json()]

    def assessment(self, first_message: str) -> None:
        self.new_person()
        message = first_message
        for _ in range(30):
            replies = self.say(message)
            if DISCLAIMER in replies:
                return
            asked = [slot for text in replies for question, slot in QUESTIONS.items() if question in text]
            if not asked:
                raise RuntimeError(f"neither a question nor an assessment: {replies}")
            message = PLAIN_ANSWERS.get(asked[-1], "no")
        raise RuntimeError("the assessment did not end")

    def stock_conversation(self, messages: list[str]) -> None:
        self.new_person()
        for message in messages:
            self.say(message)


def run_level(
    kind: str, bot: Bot, servers: list[Server], users: int, conversations: int, pause: tuple[float, float] | None
) -> dict:
    peaks = {server.log.stem: 0.0 for server in servers}
    done = threading.Event()

    def sample() -> None:
        while not done.is_set():
            for server in servers:
                peaks[server.log.stem] = max(peaks[server.log.stem], rss_mb(server.process.pid))
            time.sleep(0.2)

    silent = []

    def one_user(number: int) -> list[float]:
        user = User(bot, pause)
        for index in range(conversations):
            if kind == "ours":
                user.assessment(FIRST_MESSAGES[(number + index) % len(FIRST_MESSAGES)])
            else:
                user.stock_conversation(STOCK_CONVERSATIONS[(number + index) % len(STOCK_CONVERSATIONS)])
        user.http.close()
        silent.append(user.silent)
        return user.latencies

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    start = time.perf_counter()
    with ThreadPoolExecutor(users) as pool:
        latencies = [value for values in pool.map(one_user, range(users)) for value in values]
    elapsed = time.perf_counter() - start
    done.set()
    sampler.join()
    return {
        "bot": kind,
        "users": users,
        "pause_s": list(pause) if pause else None,
        "conversations": users * conversations,
        "messages": len(latencies),
        "messages_without_reply": sum(silent),
        "seconds": round(elapsed, 1),
        "p50_ms": round(statistics.median(latencies) * 1000),
        "mean_ms": round(statistics.fmean(latencies) * 1000),
        "p95_ms": round(percentile(latencies, 0.95) * 1000),
        "p99_ms": round(percentile(latencies, 0.99) * 1000),
        "messages_per_second": round(len(latencies) / elapsed, 2),
        "peak_rss_mb": {name.split("-")[0]: round(value) for name, value in peaks.items()},
    }


def nlu_only(bot: Bot, texts: list[str], rounds: int = 5) -> dict:
    """Where the time goes: the NLU pipeline alone (POST /model/parse), one request at a time."""
    timings = []
    with requests.Session() as session:
        for _ in range(rounds):
            for text in texts:
                start = time.perf_counter()
                session.post(f"{bot.url}/model/parse", params={"token": bot.token}, json={"text": text}, timeout=60)
                timings.append(time.perf_counter() - start)
    return {"nlu_parse_p50_ms": round(statistics.median(timings) * 1000), "nlu_parses": len(timings)}


def shared_stores(cleanup: list, lock_store_type: str | None = None) -> str:
    """endpoints-cluster.yml's stores in a throwaway PostgreSQL database and Redis key prefix."""
    database, prefix = create_database(), unique_prefix()
    cleanup += [lambda: drop_database(database), lambda: delete_keys(redis_client(), prefix)]
    return cluster_stores(database, prefix, lock_store_type)


def stock_bot(workdir: pathlib.Path, workers: int, cleanup: list) -> tuple[list[Server], Bot]:
    project = workdir / "stock"
    project.mkdir()  # rasa init wants the folder to exist
    env = {**os.environ, "TF_CPP_MIN_LOG_LEVEL": "2", "RASA_TELEMETRY_ENABLED": "false"}
    print("creating and training the stock bot (rasa init --no-prompt) ...", flush=True)
    start = time.perf_counter()
    with open(workdir / "stock-init.log", "w") as log:
        subprocess.run(
            [BIN / "rasa", "init", "--no-prompt", "--init-dir", str(project)],
            cwd=workdir, env=env, stdout=log, stderr=subprocess.STDOUT, check=True,
        )  # fmt: skip
    print(f"  trained in {time.perf_counter() - start:.0f} s", flush=True)
    actions = action_server(workdir)
    actions.cwd = project
    stores = shared_stores(cleanup, lock_store_type="redis") if workers > 1 else ""
    endpoints = write_endpoints(workdir / "stock-endpoints.yml", actions.port, stores)
    rasa = rasa_server(workdir, endpoints, env={"SANIC_WORKERS": str(workers)})
    rasa.args[rasa.args.index("models")] = str(project / "models")
    rasa.cwd = project
    actions.log, rasa.log = workdir / "stock_actions-.log", workdir / "stock_rasa-.log"
    return [rasa, actions], Bot(url_of(rasa), rasa.args[rasa.args.index("--auth-token") + 1])


def our_bot(workdir: pathlib.Path, workers: int, cleanup: list) -> tuple[list[Server], Bot]:
    actions = action_server(workdir)
    if workers > 1:
        stores = shared_stores(cleanup)
    else:
        stores = f"tracker_store:\n  type: SQL\n  dialect: sqlite\n  db: {workdir / 'conversations.db'}\n"
    endpoints = write_endpoints(workdir / "endpoints.yml", actions.port, stores)
    rasa = rasa_server(workdir, endpoints, env={"SANIC_WORKERS": str(workers)})
    actions.log, rasa.log = workdir / "ours_actions-.log", workdir / "ours_rasa-.log"
    return [rasa, actions], Bot(url_of(rasa), rasa.args[rasa.args.index("--auth-token") + 1])


def machine() -> str:
    cpuinfo = pathlib.Path("/proc/cpuinfo").read_text().splitlines()
    cpu = next((line.split(":", 1)[1].strip() for line in cpuinfo if line.startswith("model name")), "?")
    memory = int(pathlib.Path("/proc/meminfo").read_text().split()[1]) / 1024 / 1024
    python = platform.python_version()
    return f"{os.cpu_count()} cores ({cpu}), {memory:.0f} GiB, {platform.platform()}, Python {python}"


def report(results: list[dict], command: str, load_before: str) -> str:
    lines = [
        "# Load benchmark",
        "",
        f"Machine: {machine()}. Load average before the run: {load_before}.",
        f"Command: `{command}`",
        "",
        "| Bot | Users | Pause s | Messages | p50 ms | mean ms | p95 ms | p99 ms | msg/s "
        "| Peak RSS MB (Rasa / actions) |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for r in results:
        rss = r["peak_rss_mb"]
        lines.append(
            f"| {r['bot']} | {r['users']} | {pause_label(r)} | {r['messages']} | {r['p50_ms']} | {r['mean_ms']} "
            f"| {r['p95_ms']} | {r['p99_ms']} | {r['messages_per_second']} "
            f"| {rss.get('ours_rasa', rss.get('stock_rasa'))} / {rss.get('ours_actions', rss.get('stock_actions'))} |"
        )
    # The mean beside the median: a saturated server that serves some users at once and leaves others
    # waiting has a low median and a long tail; the mean (users / msg/s when nobody pauses) does not hide it.
    lines += ["", "Ours against the stock bot at the same level:", "",
              "| Users | Pause s | p50, ours / stock | mean, ours / stock | msg/s, ours / stock |",
              "|---|---|---|---|---|"]  # fmt: skip
    stock = {(r["users"], pause_label(r)): r for r in results if r["bot"] == "stock"}
    for r in results:
        other = stock.get((r["users"], pause_label(r)))
        if r["bot"] == "ours" and other:
            p50 = r["p50_ms"] / max(other["p50_ms"], 1)
            mean = r["mean_ms"] / max(other["mean_ms"], 1)
            rate = r["messages_per_second"] / other["messages_per_second"]
            lines.append(f"| {r['users']} | {pause_label(r)} | {p50:.2f} | {mean:.2f} | {rate:.2f} |")
    return "\n".join(lines) + "\n"


def pause_label(result: dict) -> str:
    return "{:g} to {:g}".format(*result["pause_s"]) if result["pause_s"] else "none"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, nargs="+", default=[1, 10, 50])
    parser.add_argument(
        "--conversations", type=int, nargs="+", default=[10, 2, 1], help="assessments per user per level"
    )
    parser.add_argument(
        "--workers", type=int, default=1, help="Sanic workers per Rasa server (over 1: PostgreSQL and Redis)"
    )
    args = parser.parse_args()
    conversations = (args.conversations * len(args.users))[: len(args.users)]
    load_before = " ".join(pathlib.Path("/proc/loadavg").read_text().split()[:3])
    results: list[dict] = []
    profile: dict = {}
    cleanup: list = []
    with tempfile.TemporaryDirectory(prefix="legbot-bench-") as tmp:
        workdir = pathlib.Path(tmp)
        stock_servers, stock = stock_bot(workdir, args.workers, cleanup)
        our_servers, ours = our_bot(workdir, args.workers, cleanup)
        everything = [*our_servers, *stock_servers]
        try:
            print("starting both bots ...", flush=True)
            Server.start_all(*everything)
            # Warm-up, not measured: every Sanic worker runs whole conversations before the first level
            # (each worker traces its own TensorFlow graphs and fills its own caches). Concurrent users
            # on connections of their own reach all the workers: with one, only the first was warm.
            for kind, bot, servers in (("ours", ours, our_servers), ("stock", stock, stock_servers)):
                conversations_per_user = 4 if kind == "stock" else 1  # as long as one assessment
                run_level(kind, bot, servers, WARM_UP_USERS_PER_WORKER * args.workers, conversations_per_user, None)
            texts = FIRST_MESSAGES + ["no", "45", "female", "about 2 weeks"]
            profile = {"ours": nlu_only(ours, texts), "stock": nlu_only(stock, texts)}
            print(json.dumps(profile), flush=True)
            for users, count in zip(args.users, conversations, strict=True):
                # The stock conversations are a quarter as long: four of them per assessment, so
                # that both bots answer about as many messages.
                runs = (("ours", ours, our_servers, count), ("stock", stock, stock_servers, 4 * count))
                for pause in (None, PAUSE) if users > 1 else (None,):
                    for kind, bot, servers, conversations_per_user in runs:
                        result = run_level(kind, bot, servers, users, conversations_per_user, pause)
                        print(json.dumps(result), flush=True)
                        results.append(result)
        finally:
            for server in everything:
                server.stop()
            for clean in cleanup:
                clean()
    command = "scripts/benchmark.py " + " ".join(sys.argv[1:])
    out = ROOT / "results"
    out.mkdir(exist_ok=True)
    summary = {"machine": machine(), "command": command, "workers": args.workers, "nlu_only": profile,
               "results": results}  # fmt: skip
    name = "benchmark" if args.workers == 1 else f"benchmark-workers-{args.workers}"
    (out / f"{name}.json").write_text(json.dumps(summary, indent=2))
    text = report(results, command, load_before) + (
        f"\nNLU alone (POST /model/parse, one at a time, the same texts): ours p50 "
        f"{profile['ours']['nlu_parse_p50_ms']} ms, stock p50 {profile['stock']['nlu_parse_p50_ms']} ms.\n"
    )
    (out / f"{name}.md").write_text(text)
    print(text)


if __name__ == "__main__":
    main()
