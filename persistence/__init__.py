"""Conversation storage: the atomic Redis lock store and the retention command."""
