"""Local fakes of the Telegram Bot API and the Slack Web API: HTTP servers that answer in the platform's
real shape and record every request, so tests can check what the bot sent."""

import dataclasses
import email.parser
import email.policy
import itertools
import json
import threading
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclasses.dataclass
class Call:
    method: str  # the API method: sendMessage, chat.postMessage...
    params: dict
    headers: dict


def read_params(handler: BaseHTTPRequestHandler) -> dict:
    body = handler.rfile.read(int(handler.headers.get("Content-Length") or 0))
    content_type = handler.headers.get("Content-Type", "")
    if content_type.startswith("application/json"):
        return json.loads(body or b"{}")
    if content_type.startswith("multipart/form-data"):
        message = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(
            b"Content-Type: " + content_type.encode() + b"\r\n\r\n" + body
        )
        return {
            part.get_param("name", header="content-disposition"): part.get_content() for part in message.iter_parts()
        }
    return {key: values[0] for key, values in urllib.parse.parse_qs(body.decode()).items()}


class FakeAPI:
    """A threaded HTTP server; subclasses answer `respond(method, params)`."""

    prefix = ""

    def __init__(self) -> None:
        self.calls: list[Call] = []
        self.lock = threading.Lock()
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802
                path = urllib.parse.urlparse(self.path).path
                params = fake.normalize(read_params(self))
                if not path.startswith(fake.prefix):
                    self.send_error(404)
                    return
                method = path[len(fake.prefix) :].rsplit("/", 1)[-1]
                with fake.lock:
                    fake.calls.append(Call(method, params, dict(self.headers)))
                status, body = fake.respond(method, params, dict(self.headers))
                data = json.dumps(body).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            do_GET = do_POST  # noqa: N815

            def log_message(self, *args) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def normalize(self, params: dict) -> dict:
        return params

    def respond(self, method: str, params: dict, headers: dict) -> tuple[int, dict]:
        raise NotImplementedError

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()

    def sent(self, method: str, **match) -> list[dict]:
        """Parameters of the calls of this method whose parameters include `match`."""
        with self.lock:
            calls = list(self.calls)
        return [
            c.params
            for c in calls
            if c.method == method and all(str(c.params.get(k)) == str(v) for k, v in match.items())
        ]


class FakeTelegram(FakeAPI):
    """The Bot API: POST /bot<token>/<method>, answers {"ok": true, "result": ...}."""

    def __init__(self, token: str, username: str) -> None:
        self.token, self.username = token, username
        self.prefix = f"/bot{token}/"
        self.message_ids = itertools.count(1000)
        self.bot_user = {
            "id": int(token.split(":")[0]),
            "is_bot": True,
            "first_name": "Leg nerve bot",
            "username": username,
        }
        super().__init__()

    def normalize(self, params: dict) -> dict:
        """Form fields that hold JSON (reply_markup), decoded as Telegram reads them."""
        if isinstance(params.get("reply_markup"), str):
            params["reply_markup"] = json.loads(params["reply_markup"])
        return params

    def respond(self, method: str, params: dict, headers: dict) -> tuple[int, dict]:
        if method == "getMe":
            return 200, {"ok": True, "result": self.bot_user}
        if method == "sendMessage":
            chat_id = int(params["chat_id"])
            message = {
                "message_id": next(self.message_ids),
                "from": self.bot_user,
                "chat": {"id": chat_id, "type": "private", "first_name": "Test"},
                "date": int(time.time()),
                "text": params["text"],
            }
            if "reply_markup" in params:
                message["reply_markup"] = params["reply_markup"]
            return 200, {"ok": True, "result": message}
        if method in ("answerCallbackQuery", "setWebhook"):
            return 200, {"ok": True, "result": True}
        return 400, {"ok": False, "error_code": 400, "description": f"Bad Request: method {method} not faked"}


class FakeSlack(FakeAPI):
    """The Web API: POST /api/<method>, answers {"ok": true, ...}."""

    prefix = "/api/"

    def __init__(self, token: str) -> None:
        self.token = token
        self.timestamps = itertools.count(1)
        super().__init__()

    def respond(self, method: str, params: dict, headers: dict) -> tuple[int, dict]:
        if headers.get("Authorization") != f"Bearer {self.token}":
            return 200, {"ok": False, "error": "invalid_auth"}
        if method == "chat.postMessage":
            ts = f"{int(time.time())}.{next(self.timestamps):06d}"
            message = {"type": "message", "text": params.get("text", ""), "ts": ts, "bot_id": "B0FAKE"}
            if "blocks" in params:
                message["blocks"] = params["blocks"]
            return 200, {"ok": True, "channel": params.get("channel"), "ts": ts, "message": message}
        return 200, {"ok": False, "error": "unknown_method"}
