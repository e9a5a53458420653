"""Ages, durations and pain scores from what people type ("I'm forty-five", "for about 3 wks",
"since last Monday", "since the 1st of November", "7 out of 10").

Number words become digits with text2num, and calendar dates and weekdays become dates with
dateparser (Duckling, Rasa's usual extractor, is a Haskell server that cannot be installed here).
The patterns below find the phrases and read the number and its unit.
"""

from __future__ import annotations

import datetime
import re

import dateparser
from text_to_num import alpha2digit

UNIT_DAYS = {"hour": 1 / 24, "day": 1, "night": 1, "week": 7, "fortnight": 14, "month": 30, "year": 365}
UNIT_ABBREVIATIONS = {"hr": "hour", "hrs": "hour", "wk": "week", "wks": "week", "mth": "month", "mths": "month",
                      "mnth": "month", "mnths": "month", "mos": "month", "yr": "year", "yrs": "year"}  # fmt: skip
VAGUE_COUNTS = {"a": 1, "an": 1, "one": 1, "a couple of": 2, "couple of": 2, "a few": 3, "few": 3, "several": 4}
# Days people date things by, as (month, day).
NAMED_DAYS = {"new year": (1, 1), "valentine": (2, 14), "halloween": (10, 31), "bonfire night": (11, 5),
              "guy fawkes": (11, 5), "christmas": (12, 25), "boxing day": (12, 26)}  # fmt: skip
MONTHS = r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"  # noqa: E501
WEEKDAYS = r"monday|tuesday|wednesday|thursday|friday|saturday|sunday"

_UNIT = r"(?P<unit>hour|day|night|week|fortnight|month|year)s?"
_AMOUNT = re.compile(
    r"(?P<half_a>half an?\s+)?"
    r"(?P<count>\d+(?:\.\d+)?|a couple of|couple of|a few|few|several|an|a)?"
    r"(?P<half>\s+and\s+a\s+half)?\s*(?:-|\s)?\s*" + _UNIT + r"\b(?P<and_half>\s+and\s+a\s+half)?"
    r"(?!\s+(?:old|pregnant))(?P<ago>\s+(?:ago|back|before))?"
)
_AGE_BEFORE = re.compile(r"\b(?:i'?m|i am|im|aged?|age is)\s*$")
_AGE_STATED = re.compile(
    r"(?:\b(?:i'?m|i am|im|aged?|age is|age:|at)\s*(?P<a>\d{1,3})\b(?!\s*(?:%|weeks?|days?|months?|kg|lbs?|cm|/|out)))"
    r"|(?:\b(?P<b>\d{1,3})\s*(?:-|\s)?(?:years?|yrs?|yr)[\s-]*old\b)"
    r"|(?:\b(?P<c>\d{1,3})\s*(?:yo|y/o|y\.o\.)\b)"
    r"|(?:\b(?P<d>\d{1,3})\s*(?:m|f|male|female)\b)"
    # "62 and for about 6 months...", "83, my ankles...": a number opening the message.
    r"|(?:^\s*(?P<e>\d{2})\s*(?:,|and\b(?!\s+a\s+half)))"
)
_BARE_NUMBER = re.compile(r"\b\d{1,3}(?:\.\d+)?\b")
_SEVERITY = re.compile(
    r"\b(?P<score>\d{1,2}(?:\.\d)?)\s*(?:/|out of|outta|on a scale of|oo|of)\s*10\b"
    # "the back is about a 6", "I'd rate it a six": a score with "a" before it and no unit after.
    r"|\b(?:about|around|like|maybe|probably|roughly|solid|rate \w+(?: \w+)?|is|it's|its)\s+an?\s+"
    r"(?P<bare>\d{1,2})\b(?!\s*(?:[a-z]|/))"
)
_DATE = re.compile(
    r"\b(?:since|from|on)\s+(?:the\s+)?(?P<date>\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:" + MONTHS + r")"
    r"|(?:" + MONTHS + r")\s+\d{1,2}(?:st|nd|rd|th)?|(?:" + MONTHS + r"))\b"
)
_WEEKDAY = re.compile(r"\b(?:since\s+|on\s+|from\s+)?(?:last\s+)?(?P<day>" + WEEKDAYS + r")\b")


def _digits(text: str) -> str:
    normalised = alpha2digit(text.lower(), "en", threshold=0)
    return re.sub(r"\b(\d+)\s*(" + "|".join(UNIT_ABBREVIATIONS) + r")\b",
                  lambda m: f"{m.group(1)} {UNIT_ABBREVIATIONS[m.group(2)]}", normalised)  # fmt: skip


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


def parse_severity(text: str) -> float | None:
    """A pain score on the usual 0-10 scale ("7 out of 10", "8/10", "about a six")."""
    match = _SEVERITY.search(_digits(text))
    if not match:
        return None
    score = float(match.group("score") or match.group("bare"))
    return score if score <= 10 else None


def _amount_days(match: re.Match) -> float:
    count = match.group("count")
    amount = (float(count) if count[0].isdigit() else VAGUE_COUNTS[count]) if count else 1
    if match.group("half_a"):
        amount = 0.5
    if match.group("half") or match.group("and_half"):
        amount += 0.5
    return float(amount * UNIT_DAYS[match.group("unit")])


def _days_since(day: datetime.date, today: datetime.date) -> float | None:
    days = (today - day).days
    return float(days) if days >= 0 else None


def _dated(text: str, today: datetime.date) -> float | None:
    """Days since a weekday, a calendar date or a named day the text starts the story from."""
    base = datetime.datetime.combine(today, datetime.time(12))
    settings = {"RELATIVE_BASE": base, "PREFER_DATES_FROM": "past", "PREFER_DAY_OF_MONTH": "first"}
    date = _DATE.search(text)
    if date:
        parsed = dateparser.parse(date.group("date"), languages=["en"], settings=settings)
        if parsed:
            return _days_since(parsed.date(), today)
    weekday = _WEEKDAY.search(text)
    if weekday:
        parsed = dateparser.parse(weekday.group("day"), languages=["en"], settings=settings)
        if parsed:
            return float((today - parsed.date()).days or 7)  # "since Saturday" on a Saturday: a week
    for name, (month, day) in NAMED_DAYS.items():
        if re.search(r"\bsince\s+(?:the\s+)?" + name, text):
            named = datetime.date(today.year, month, day)
            return _days_since(named if named <= today else named.replace(year=today.year - 1), today)
    if re.search(r"\bsince the (?:start|beginning) of (?:the|this) month\b", text):
        return float(today.day - 1)
    return None


def parse_duration_days(text: str, today: datetime.date | None = None) -> float | None:
    """How long something has lasted, in days; None when the text names no duration.

    An amount ("for 3 weeks") comes first; then a day ("yesterday", "since Tuesday", "since the
    1st of November"); an amount "ago" only when nothing else says when it started ("hurt it 6
    weeks ago and still..."), as "a few years back" often dates something else."""
    today = today or datetime.date.today()
    normalised = _digits(text)
    ago = None
    for match in _AMOUNT.finditer(normalised):
        if not (match.group("count") or match.group("half_a")) or _AGE_BEFORE.search(normalised[: match.start()]):
            continue
        if match.group("ago"):
            ago = ago if ago is not None else _amount_days(match)
            continue
        return _amount_days(match)
    if re.search(r"\byesterday\b|\blast night\b", normalised):
        return 1.0
    if re.search(r"\b(today|this morning|tonight|this afternoon|this arvo|this evening)\b", normalised):
        return 0.5
    dated = _dated(normalised, today)
    if dated is not None:
        return dated
    last = re.search(r"\b(?:since )?last (week|month|year)\b", normalised)
    if last:
        return float(UNIT_DAYS[last.group(1)])
    return ago
