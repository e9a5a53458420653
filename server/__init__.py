"""What the Rasa server needs besides Rasa: the REST channel's input checks."""
