"""Ages and durations from what people type ("I'm forty-five", "for about 3 weeks", "since Monday").

Number words become digits with text2num (Duckling, Rasa's usual extractor, is a Haskell server
that cannot be installed here); the patterns below then read the number and its unit.
"""

from __future__ import annotations

import datetime
import re

from text_to_num import alpha2digit

UNIT_DAYS = {"hour": 1 / 24, "day": 1, "night": 1, "week": 7, "fortnight": 14, "month": 30, "year": 365}
VAGUE_COUNTS = {"a": 1, "an": 1, "one": 1, "a couple of": 2, "couple of": 2, "a few": 3, "few": 3, "several": 4}
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

_UNIT = r"(hour|day|night|week|fortnight|month|year)s?"
_AMOUNT = re.compile(
    r"(?P<count>\d+(?:\.\d+)?|a couple of|couple of|a few|few|several|an|a)"
    r"(?P<half>\s+and\s+a\s+half)?\s*(?:-|\s)?\s*" + _UNIT + r"\b(?!\s+(?:old|pregnant))"
)
_AGE_STATED = re.compile(
    r"(?:\b(?:i'?m|i am|im|aged?|age is|age:)\s*(?P<a>\d{1,3})\b(?!\s*(?:%|weeks?|days?|months?|kg|lbs?|cm)))"
    r"|(?:\b(?P<b>\d{1,3})\s*(?:-|\s)?(?:years?|yrs?|yr)[\s-]*old\b)"
    r"|(?:\b(?P<c>\d{1,3})\s*(?:yo|y/o|y\.o\.)\b)"
    r"|(?:\b(?P<d>\d{1,3})\s*(?:m|f|male|female)\b)"
)
_BARE_NUMBER = re.compile(r"\b\d{1,3}(?:\.\d+)?\b")


def _digits(text: str) -> str:
    return alpha2digit(text.lower(), "en", threshold=0)


def parse_age(text: str, answering: bool = False) -> int | None:
    """An age in years. Bare numbers count only when the text answers "how old are you?"."""
    normalised = _digits(text)
    match = _AGE_STATED.search(normalised)
    if match:
        age = int(next(group for group in match.groups() if group))
    elif answering and not _AMOUNT.search(normalised):
        numbers = _BARE_NUMBER.findall(normalised)
        if len(numbers) != 1:
            return None
        age = int(float(numbers[0]))
    else:
        return None
    return age if 0 < age < 120 else None


def parse_duration_days(text: str, today: datetime.date | None = None) -> float | None:
    """How long something has lasted, in days; None when the text names no duration."""
    normalised = _digits(text)
    match = _AMOUNT.search(normalised)
    if match:
        count = match.group("count")
        amount = float(count) if count[0].isdigit() else VAGUE_COUNTS[count]
        if match.group("half"):
            amount += 0.5
        return float(amount * UNIT_DAYS[match.group(3)])
    if re.search(r"\b(since|from) yesterday\b|\byesterday\b", normalised):
        return 1.0
    if re.search(r"\b(today|this morning|tonight|this afternoon|this evening)\b", normalised):
        return 0.5
    weekday = re.search(r"\bsince (?:last )?(" + "|".join(WEEKDAYS) + r")\b", normalised)
    if weekday:
        today = today or datetime.date.today()
        days_back = (today.weekday() - WEEKDAYS.index(weekday.group(1))) % 7 or 7
        return float(days_back)
    last = re.search(r"\b(?:since )?last (week|month|year)\b", normalised)
    if last:
        return float(UNIT_DAYS[last.group(1)])
    return None
