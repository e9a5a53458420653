"""Serves the chat page and the rasa-webchat widget from the Rasa server itself, at /chat/.

Same origin as the socket.io channel, so CORS stays closed and nothing comes from a CDN: the widget
bundle is node_modules/rasa-webchat/lib/index.js, installed by scripts/setup.sh from package-lock.json.
This channel takes no messages; the widget talks to the `socketio` channel.
"""

import pathlib
from collections.abc import Awaitable, Callable
from typing import Any

from rasa.core.channels.channel import InputChannel, UserMessage
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

ROOT = pathlib.Path(__file__).resolve().parents[1]
PAGE = pathlib.Path(__file__).resolve().parent / "web"
WIDGET = ROOT / "node_modules" / "rasa-webchat" / "lib" / "index.js"
# The bundle's stylesheet imports a font from Google; offline that request only fails, so it is dropped.
GOOGLE_FONT = b"@import url(https://fonts.googleapis.com/css?family=Inter:400,500,700&display=swap);"
FILES = {"index.html": "text/html", "chat.js": "text/javascript", "chat.css": "text/css"}
HEADERS = {
    "Content-Security-Policy": "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
    "font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "Cache-Control": "no-cache",
}


class ChatPage(InputChannel):
    """The web page with the chat widget, at /chat/ on the Rasa server."""

    @classmethod
    def name(cls) -> str:
        return "chat"

    @classmethod
    def from_credentials(cls, credentials: dict[str, Any] | None) -> InputChannel:
        return cls()

    def url_prefix(self) -> str:
        return "/chat"  # absolute, so Rasa mounts it at /chat rather than /webhooks/chat

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        page = Blueprint("chat_page", __name__)
        if not WIDGET.is_file():
            raise FileNotFoundError(f"{WIDGET} is missing: run scripts/setup.sh (npm ci)")
        widget = WIDGET.read_bytes().replace(GOOGLE_FONT, b"")

        @page.route("", methods=["GET"], strict_slashes=True)
        async def to_index(_: Request) -> HTTPResponse:
            return response.redirect("/chat/")  # the page's files are relative to /chat/

        @page.route("/", methods=["GET"], strict_slashes=True)
        async def index(request: Request) -> HTTPResponse:
            return await static(request, "index.html")

        @page.route("/<name:str>", methods=["GET"])
        async def static(_: Request, name: str) -> HTTPResponse:
            if name == "webchat.js":
                return response.raw(widget, content_type="text/javascript", headers=HEADERS)
            if name not in FILES:
                return response.text("not found", status=404)
            return response.raw((PAGE / name).read_bytes(), content_type=FILES[name], headers=HEADERS)

        return page
