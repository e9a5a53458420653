"""The project's Rasa input channels: the chat page, and Telegram and Slack fixed to run offline-testable.

Each class subclasses Rasa's own channel and overrides only what breaks in Rasa 3.6 (see README.md).
They are named in the credentials files by module path, e.g. `channels.telegram.TelegramInput`.
"""
