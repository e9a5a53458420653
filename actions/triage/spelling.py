"""Misspelt words put right before they are read: "sevan weks", "sence febuary", "3 munths ago" for
numbers.py, and "sweling", "numbniss", "siatica" for the NLU's vocabulary (components/respell.py).

A word is respelt only when it is not an English word (pyspellchecker's frequency dictionary, so
"weak", "sense" and "Marc" stay as they are) and is close to a word of the vocabulary it is read
with (difflib's ratio, as get_close_matches scores it). Words of three letters or fewer are too
short to tell ("wks", "mon" are read as abbreviations in numbers.py instead).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from difflib import get_close_matches
from functools import lru_cache

from spellchecker import SpellChecker

_NUMBERS = ("three four five seven eight nine eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen "
            "nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred couple several")  # fmt: skip
_UNITS = "hour hours days night nights week weeks fortnight fortnights month months year years"
_CALENDAR = ("january february march april june july august september october november december "
             "monday tuesday wednesday thursday friday saturday sunday "
             "weekend yesterday today tonight morning christmas easter")  # fmt: skip
_CUES = "since about around nearly almost ago last past until"
TIME_WORDS = tuple(" ".join((_NUMBERS, _UNITS, _CALENDAR, _CUES)).split())
# Close enough for one slip in a short word ("weks", "sevan", "agust") or two in a long one
# ("wendsday"), not for another word that shares letters ("forthnite" is left alone).
CLOSENESS = 0.8
MIN_LENGTH = 4
_WORD = re.compile(r"[a-z]+")
# "too" for "two", said the same: before an amount of time or after a tens ("forty too").
_TOO = re.compile(r"\btoo(?=\s+(?:hours|days|nights|weeks|months|years)\b)|(?<=ty[\s-])too\b")

# The words alone: a set takes about half the memory of the spell checker that holds them (21 MB, not 36).
_english = frozenset(SpellChecker(distance=1).word_frequency.keys())


class Respeller:
    """Respells a lower-case word as the closest of `words` it is a slip for, or leaves it."""

    def __init__(self, words: Iterable[str]) -> None:
        self.words = tuple(sorted(set(words)))
        self._known = frozenset(self.words)
        self.respell = lru_cache(maxsize=8192)(self._respell)

    def _respell(self, word: str) -> str:
        if len(word) < MIN_LENGTH or word in self._known or word in _english:
            return word
        close = get_close_matches(word, self.words, n=1, cutoff=CLOSENESS)
        return close[0] if close else word


_time_words = Respeller(TIME_WORDS)


def respell_time_words(text: str) -> str:
    """`text` (lower case) with its misspelt time and number words spelt right."""
    respelt = _WORD.sub(lambda match: _time_words.respell(match.group()), text)
    return _TOO.sub("two", respelt)
