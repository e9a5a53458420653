import datetime

import pytest

from actions.triage.numbers import parse_age, parse_duration_days, parse_severity

SATURDAY = datetime.date(2026, 11, 21)


@pytest.mark.parametrize(
    "text, answering, age",
    [
        ("45", True, 45),
        ("forty-five", True, 45),
        ("I'm 45", False, 45),
        ("I am forty five years old", False, 45),
        ("62 year old woman with numb feet", False, 62),
        ("45yo", False, 45),
        ("I'm 30 weeks pregnant", False, None),
        ("numb foot for 3 weeks", False, None),
        ("about 2 weeks", True, None),
        ("150", True, None),
    ],
)
def test_parse_age(text, answering, age):
    assert parse_age(text, answering=answering) == age


@pytest.mark.parametrize(
    "text, days",
    [
        ("for two weeks", 14),
        ("a few days", 3),
        ("about 3 months", 90),
        ("a couple of weeks", 14),
        ("2 and a half weeks", 17.5),
        ("since yesterday", 1),
        ("since last Monday", 5),
        ("6 months", 180),
        ("a year", 365),
        ("I'm 30 weeks pregnant", None),
        ("for ages", None),
    ],
)
def test_parse_duration_days(text, days):
    assert parse_duration_days(text, today=SATURDAY) == days


@pytest.mark.parametrize(
    "text, score",
    [
        ("the pain is 7 out of 10", 7),
        ("8/10 at night", 8),
        ("about a six out of ten", 6),
        ("7.5/10", 7.5),
        ("15/10 agony", None),
        ("I'm 45", None),
        ("for 10 days", None),
    ],
)
def test_parse_severity(text, score):
    assert parse_severity(text) == score
