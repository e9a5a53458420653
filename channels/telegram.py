"""Telegram, as Rasa's own channel but able to start offline and to be tested against a local fake.

What Rasa 3.6's `TelegramInput` gets wrong here, and what this subclass changes:
- it calls Telegram's setWebhook while the server starts (startup fails without Telegram, and the
  aiohttp session made inside that temporary `asyncio.run` later fails with "Event loop is closed").
  Here the server never calls Telegram at startup; `python -m channels.telegram set-webhook` registers
  the webhook, with its secret token, once;
- the Bot API address is fixed; here `api_base_url` sets it (aiogram's `TelegramAPIServer`);
- updates are not authenticated; here the `X-Telegram-Bot-Api-Secret-Token` header must carry the
  secret given to setWebhook, or the update is refused with 403.
Yes/no questions go out as an inline keyboard (Rasa's TelegramOutput); a tap comes back as a
callback query whose data is the button's payload, and the tap is acknowledged (answerCallbackQuery).
Telegram's `/start` is read as a greeting.
"""

import argparse
import asyncio
import hmac
import logging
import os
import sys
from collections.abc import Awaitable, Callable
from typing import Any

import requests
from aiogram.bot.api import TelegramAPIServer
from rasa.core.channels.channel import InputChannel, UserMessage
from rasa.core.channels.telegram import TelegramInput as RasaTelegramInput
from rasa.core.channels.telegram import TelegramOutput as RasaTelegramOutput
from rasa.shared.exceptions import InvalidConfigException
from sanic import Blueprint, response
from sanic.request import Request

logger = logging.getLogger(__name__)

TELEGRAM_API = "https://api.telegram.org"
SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"


class TelegramOutput(RasaTelegramOutput):
    """Rasa's Telegram output with a configurable Bot API server."""

    def __init__(self, access_token: str | None, api_base_url: str | None = None) -> None:
        # Bot(token, server=...): TelegramOutput's own __init__ takes only the token.
        super(RasaTelegramOutput, self).__init__(
            access_token, server=TelegramAPIServer.from_base(api_base_url or TELEGRAM_API)
        )


class TelegramInput(RasaTelegramInput):
    """Rasa's Telegram input: no network call at startup, a configurable API, a checked secret token."""

    @classmethod
    def from_credentials(cls, credentials: dict[str, Any] | None) -> InputChannel:
        if not credentials:
            cls.raise_missing_credentials_exception()
        return cls(
            credentials.get("access_token"),
            credentials.get("verify"),
            credentials.get("webhook_url"),
            secret_token=credentials.get("secret_token"),
            api_base_url=credentials.get("api_base_url"),
        )

    def __init__(
        self,
        access_token: str | None,
        verify: str | None,
        webhook_url: str | None,
        debug_mode: bool = False,
        secret_token: str | None = None,
        api_base_url: str | None = None,
    ) -> None:
        super().__init__(access_token, verify, webhook_url, debug_mode=debug_mode)
        if not access_token or not verify:
            raise InvalidConfigException("telegram: access_token and verify (the bot's username) are required")
        if not secret_token:
            raise InvalidConfigException(
                "telegram: secret_token is required; Telegram sends it in the "
                f"{SECRET_HEADER} header of every update (set it with `python -m channels.telegram set-webhook`)"
            )
        self.secret_token = secret_token
        self.api_base_url = api_base_url or TELEGRAM_API
        self._output: TelegramOutput | None = None
        self._background_tasks: set[asyncio.Task] = set()

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        async def handle(message: UserMessage) -> Any:
            if (message.text or "").strip() == "/start":  # Telegram's first message (and Rasa's after /restart)
                message.text = "/greet"
            return await on_new_message(message)

        telegram_webhook = super().blueprint(handle)

        @telegram_webhook.middleware("request")
        async def check_secret_token(request: Request) -> Any:
            given = request.headers.get(SECRET_HEADER, "")
            if not hmac.compare_digest(given.encode(), self.secret_token.encode()):
                logger.warning("telegram: update refused, wrong or missing secret token")
                return response.text("forbidden", status=403)
            callback_query = (request.json or {}).get("callback_query") if request.method == "POST" else None
            if callback_query and callback_query.get("id"):
                # A tapped button shows a spinner until the tap is answered (Rasa's connector never does).
                task = asyncio.create_task(self._answer_callback_query(callback_query["id"]))
                self._background_tasks.add(task)
                task.add_done_callback(self._background_tasks.discard)
            return None

        return telegram_webhook

    def get_output_channel(self) -> TelegramOutput:
        """The bot for this API server. Unlike Rasa's, it does not call setWebhook (see the module docstring)."""
        if self._output is None:
            self._output = TelegramOutput(self.access_token, self.api_base_url)
        return self._output

    async def _answer_callback_query(self, callback_query_id: str) -> None:
        try:
            await self.get_output_channel().answer_callback_query(callback_query_id)
        except Exception as error:  # a failed acknowledgement must not lose the answer itself
            logger.warning("telegram: answerCallbackQuery failed: %s", type(error).__name__)


def set_webhook(token: str, webhook_url: str, secret_token: str, api_base_url: str = TELEGRAM_API) -> dict:
    """Registers the webhook with Telegram (Bot API setWebhook), with the secret token Telegram will send back."""
    reply = requests.post(
        f"{api_base_url.rstrip('/')}/bot{token}/setWebhook",
        json={"url": webhook_url, "secret_token": secret_token, "allowed_updates": ["message", "callback_query"]},
        timeout=30,
    )
    return reply.json()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("command", choices=["set-webhook"])
    parser.parse_args(argv)
    missing = [
        name for name in ("TELEGRAM_TOKEN", "TELEGRAM_WEBHOOK_URL", "TELEGRAM_SECRET_TOKEN") if not os.getenv(name)
    ]
    if missing:
        print(f"set these environment variables first: {', '.join(missing)}", file=sys.stderr)
        return 2
    result = set_webhook(
        os.environ["TELEGRAM_TOKEN"],
        os.environ["TELEGRAM_WEBHOOK_URL"],
        os.environ["TELEGRAM_SECRET_TOKEN"],
        os.getenv("TELEGRAM_API_URL") or TELEGRAM_API,
    )
    print(result)
    return 0 if result.get("ok") else 1


if __name__ == "__main__":
    sys.exit(main())
