"""Misspelt words of time and number put right before numbers.py reads them: "sevan weks",
"sence febuary", "3 munths ago", "on tusday", "i am fourty too".

A word is respelt only when it is not an English word (pyspellchecker's frequency dictionary, so
"weak", "sense" and "Marc" stay as they are) and is close to one word of TIME_WORDS (difflib's
ratio, as get_close_matches scores it). Words of three letters or fewer are too short to tell
("wks", "mon" are read as abbreviations in numbers.py instead).
"""

from __future__ import annotations

import re
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

_english = SpellChecker(distance=1)


@lru_cache(maxsize=4096)
def _respelt_word(word: str) -> str:
    if len(word) < MIN_LENGTH or word in TIME_WORDS or word in _english:
        return word
    close = get_close_matches(word, TIME_WORDS, n=1, cutoff=CLOSENESS)
    return close[0] if close else word


def respell_time_words(text: str) -> str:
    """`text` (lower case) with its misspelt time and number words spelt right."""
    respelt = _WORD.sub(lambda match: _respelt_word(match.group()), text)
    return _TOO.sub("two", respelt)
