"""The triage engine: plain Python, importable and testable without Rasa."""
