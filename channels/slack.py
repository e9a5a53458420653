"""Slack, as Rasa's own channel with a configurable Web API address and retries answered once.

Rasa 3.6's `SlackInput` already checks each request's signature (`X-Slack-Signature`, an HMAC of
`v0:{timestamp}:{body}` with the signing secret) and refuses timestamps older than five minutes; that
is kept as it is. This subclass changes:
- `api_base_url`: where replies go (slack_sdk's AsyncWebClient `base_url`), so tests can use a fake;
- retries: Rasa only skips a retry when `slack_retry_reason_header` is configured and the reason is
  `http_timeout`. Here the headers default to Slack's (`X-Slack-Retry-Num`, `X-Slack-Retry-Reason`),
  and any event whose `event_id` was already received is acknowledged and not processed again.
Yes/no questions go out as a section block and an actions block of buttons (Rasa's SlackBot); a click
comes back as an interactive `block_actions` payload whose value is the button's payload.
"""

import collections
import logging
from collections.abc import Awaitable, Callable
from http import HTTPStatus
from typing import Any

from rasa.core.channels.channel import InputChannel, OutputChannel, UserMessage
from rasa.core.channels.slack import SlackBot as RasaSlackBot
from rasa.core.channels.slack import SlackInput as RasaSlackInput
from sanic import response
from sanic.request import Request

logger = logging.getLogger(__name__)

SLACK_API = "https://slack.com/api/"
SEEN_EVENTS = 10_000  # event ids remembered for deduplication


class SlackBot(RasaSlackBot):
    """Rasa's Slack output with a configurable Web API address."""

    def __init__(self, token: str, slack_channel: str | None = None, thread_id: str | None = None,
                 proxy: str | None = None, api_base_url: str | None = None) -> None:  # fmt: skip
        super().__init__(token, slack_channel, thread_id, proxy)
        base_url = api_base_url or SLACK_API
        self.client.base_url = base_url if base_url.endswith("/") else base_url + "/"


class SlackInput(RasaSlackInput):
    """Rasa's Slack input with a configurable API address and event-id deduplication of retries."""

    @classmethod
    def from_credentials(cls, credentials: dict[str, Any] | None) -> InputChannel:
        if not credentials:
            cls.raise_missing_credentials_exception()
        return cls(
            credentials.get("slack_token"),
            credentials.get("slack_channel"),
            credentials.get("proxy"),
            credentials.get("slack_retry_reason_header", "x-slack-retry-reason"),
            credentials.get("slack_retry_number_header", "x-slack-retry-num"),
            credentials.get("errors_ignore_retry"),
            credentials.get("use_threads", False),
            credentials.get("slack_signing_secret", ""),
            credentials.get("conversation_granularity", "sender"),
            api_base_url=credentials.get("api_base_url"),
        )

    def __init__(self, *args: Any, api_base_url: str | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.api_base_url = api_base_url or SLACK_API
        self._seen_events: collections.OrderedDict[str, None] = collections.OrderedDict()

    def _first_delivery(self, request: Request) -> bool:
        """False when this Events API event (by `event_id`) was already received."""
        if request.headers.get("content-type") != "application/json":
            return True  # interactive payloads (button clicks) carry no event_id and are not retried
        event_id = (request.json or {}).get("event_id")
        if not event_id:
            return True
        if event_id in self._seen_events:
            return False
        self._seen_events[event_id] = None
        if len(self._seen_events) > SEEN_EVENTS:
            self._seen_events.popitem(last=False)
        return True

    async def process_message(
        self,
        request: Request,
        on_new_message: Callable[[UserMessage], Awaitable[Any]],
        text: str,
        sender_id: str | None,
        metadata: dict | None,
    ) -> Any:
        if not self._first_delivery(request):
            logger.info(
                "slack: event already received, retry #%s not processed", request.headers.get("x-slack-retry-num")
            )
            return response.text("", status=HTTPStatus.OK, headers={"X-Slack-No-Retry": "1"})
        return await super().process_message(request, on_new_message, text, sender_id, metadata)

    def get_output_channel(self, channel: str | None = None, thread_id: str | None = None) -> OutputChannel:
        channel = channel or self.slack_channel
        return SlackBot(self.slack_token, channel, thread_id, self.proxy, self.api_base_url)
