"""Rasa's REST channel, with the request body checked before anything else reads it.

Rasa 3.6's `RestInput` calls `request.json.get(...)` on whatever the body is: a JSON array, a
number or `null` raise AttributeError and the server answers 500; a message that is not a string
(or `null`) fails deep in the NLU pipeline, and Rasa then logs the message text. A very long
message costs the NLU pipeline time and memory that grow with its length.

`ValidatingRestInput` answers 400 with a short reason when the body is not a JSON object, when
`sender` is not a non-empty string of at most 255 characters (the SQL tracker store's column), when
`message` is not a string, and when `metadata` or `input_channel` have the wrong type; and 413 when
the message is longer than `max_message_characters`. Everything else is Rasa's: same URL
(`/webhooks/rest/webhook`), same replies. In credentials.yml:

    server.rest.ValidatingRestInput:
      max_message_characters: 5000
"""

from __future__ import annotations

from typing import Any

from rasa.core.channels.rest import RestInput
from sanic import Blueprint
from sanic.exceptions import InvalidUsage, PayloadTooLarge
from sanic.request import Request

from server import speedups
from server.speedups import freeze_loaded_objects

# Rasa creates the channels before the tracker store: installed here, the faster SQLite connections
# apply to it (server/speedups.py). The dialogue policy installs them again where no channel is made.
speedups.install()

MAX_SENDER_CHARACTERS = 255
DEFAULT_MAX_MESSAGE_CHARACTERS = 5000


class ValidatingRestInput(RestInput):
    @classmethod
    def name(cls) -> str:
        return "rest"

    @classmethod
    def from_credentials(cls, credentials: dict[str, Any] | None) -> ValidatingRestInput:
        credentials = credentials or {}
        return cls(int(credentials.get("max_message_characters", DEFAULT_MAX_MESSAGE_CHARACTERS)))

    def __init__(self, max_message_characters: int = DEFAULT_MAX_MESSAGE_CHARACTERS) -> None:
        self.max_message_characters = max_message_characters

    def blueprint(self, *args: Any, **kwargs: Any) -> Blueprint:
        blueprint = super().blueprint(*args, **kwargs)
        # Every server has this channel (rasa shell uses it too): its start is where the loaded
        # model is set aside from garbage collection (server/speedups.py).
        blueprint.listener("after_server_start")(freeze_loaded_objects)
        return blueprint

    @staticmethod
    def _body(request: Request) -> dict[str, Any]:
        body = request.json  # Sanic answers 400 itself when the body is not JSON
        if not isinstance(body, dict):
            raise InvalidUsage('The body must be a JSON object: {"sender": "...", "message": "..."}')
        return body

    async def _extract_sender(self, req: Request) -> str:
        sender = self._body(req).get("sender")
        if not isinstance(sender, str) or not sender.strip() or len(sender) > MAX_SENDER_CHARACTERS:
            raise InvalidUsage(f'"sender" must be a non-empty string of at most {MAX_SENDER_CHARACTERS} characters')
        return sender

    def _extract_message(self, req: Request) -> str:
        message = self._body(req).get("message", "")
        if not isinstance(message, str):
            raise InvalidUsage('"message" must be a string')
        if len(message) > self.max_message_characters:
            raise PayloadTooLarge(f'"message" is longer than {self.max_message_characters} characters')
        return message

    def _extract_input_channel(self, req: Request) -> str:
        channel = self._body(req).get("input_channel")
        if channel is not None and not isinstance(channel, str):
            raise InvalidUsage('"input_channel" must be a string')
        return channel or self.name()

    def get_metadata(self, request: Request) -> dict[str, Any] | None:
        metadata = self._body(request).get("metadata")
        if metadata is not None and not isinstance(metadata, dict):
            raise InvalidUsage('"metadata" must be a JSON object')
        return metadata
