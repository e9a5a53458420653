import datetime

import pytest

from actions.triage.numbers import parse_age, parse_duration_days
from actions.triage.spelling import respell_time_words

SATURDAY = datetime.date(2026, 11, 21)


@pytest.mark.parametrize(
    "text, respelt",
    [
        ("about 6 weks", "about 6 weeks"),
        ("sevan days", "seven days"),
        ("sence febuary", "since february"),
        ("3 munths ago", "3 months ago"),
        ("on tusday", "on tuesday"),
        ("since wendsday", "since wednesday"),
        ("for too weeks", "for two weeks"),
        ("i am fourty too", "i am forty two"),
        # English words stay, however close to a time word: weak, sense, mouth, Marc.
        ("my legs are weak", "my legs are weak"),
        ("no sense in my foot", "no sense in my foot"),
        ("a sore on my mouth", "a sore on my mouth"),
        ("marc says", "marc says"),
        # Too far from any time word, or too short to tell.
        ("had it for a forthnite", "had it for a forthnite"),
        ("3 wks", "3 wks"),
        ("me too", "me too"),
        ("too many days", "too many days"),
    ],
)
def test_respell_time_words(text, respelt):
    assert respell_time_words(text) == respelt


@pytest.mark.parametrize(
    "text, days",
    [
        ("im 48 and its bin about 6 weks", 42),
        ("sevan days of tinglin", 7),
        ("sence febuary its bin numm", 293),
        ("the pain startid 3 munths ago", 90),
        ("the leg went on tusday", 4),
        ("had it for too weeks", 14),
        ("my legs are weak for 2 weeks", 14),
    ],
)
def test_misspelt_durations(text, days):
    assert parse_duration_days(text, today=SATURDAY) == days


def test_misspelt_age():
    assert parse_age("i am fourty too and had it for too weeks", today=SATURDAY) == 42
