"""The socket.io channel, used the way the website widget uses it: a session request, then messages."""

import asyncio
import uuid

import pytest
import socketio

pytestmark = pytest.mark.server


async def test_socketio_session_gets_replies_with_buttons(bot):
    # Polling: python-engineio's websocket client needs a newer aiohttp than Rasa 3.6 pins.
    client = socketio.AsyncClient()
    confirmed: asyncio.Queue = asyncio.Queue()
    replies: asyncio.Queue = asyncio.Queue()
    client.on("session_confirm", confirmed.put)
    client.on("bot_uttered", replies.put)
    session_id = uuid.uuid4().hex
    await client.connect(bot.url, transports=["polling"])
    try:
        await client.emit("session_request", {"session_id": session_id})
        assert await asyncio.wait_for(confirmed.get(), timeout=30) == session_id
        await client.emit("user_uttered", {"message": "tingling in my left foot for a week", "session_id": session_id})
        first = await asyncio.wait_for(replies.get(), timeout=60)
        assert "peeing or pooing" in first["text"]
        assert [button["payload"] for button in first["quick_replies"]] == ["/affirm", "/deny", "/unsure"]
    finally:
        await client.disconnect()
