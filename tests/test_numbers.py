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
        ("m 52, cramps in both calves at night", False, 52),
        ("just turned 57, pins and needles in my foot", False, 57),
        ("age: 33 / symptom: numb thigh", False, 33),
        ("pensioner, 78, cramp every night", False, 78),
        ("78 years young and still gardening", False, 78),
        ("my 5 year old climbs on me and my shin aches, i'm 31", False, 31),
        ("my 80 year old mum has leg cramps", True, None),
        ("my father age 70 has numb feet", False, None),
        # An age still to come is a year more than the age now.
        ("79 next birthday", True, 78),
        ("i'll be 45 in march", True, 44),
        ("ill be 70 next month, legs have been weak for about a fortnight", False, 69),
        ("turning 50 next week", True, 49),
        ("I'm 64 and I'll be 65 in May", True, 64),
        ("my mum will be 80 next week and her legs are swollen", True, None),
        # About an age is not an age; a grandchild's age is not the person's.
        ("nearly 60", True, None),
        ("pushing 70 lol", True, None),
        ("it will be 10 years in may since my op", True, None),
        ("it hurts when turning 90 degrees", True, None),
        ("I'll be 45 years old in March", True, 44),
        ("my grandson (4) has sore knees", True, None),
        ("I'm 37 weeks pregnant", True, None),
        ("im 8 stone and my feet go numb", False, None),
        ("the pain is a 6 out of 10", True, None),
        ("i wear size 11 and my toes go numb", True, None),
        ("seventy one", True, 71),
        ("29 yrs", True, 29),
        ("type 2 diabetic, my sugar was 11.2 this morning", True, None),
        # Said another way: formally, as other languages say it, by a birthday, in a text.
        ("I am a widow of 86 years, my leg is numb", False, 86),
        ("Hello doctor, I have 67 years and my legs cramp", False, 67),
        ("I have 10 years of back pain", True, None),
        ("Just hit 50 and my knees ache", False, 50),
        ("I celebrated my 65th in the summer", False, 65),
        ("my 20th week of pregnancy", True, None),
        ("It's my 70th birthday next week", False, 69),
        ("I'm 60 next week", False, 59),
        ("I'm 50 in 2 weeks", False, 49),
        ("I'll be a hundred in February", False, 99),
        ("M34 sciatica on and off", False, 34),
        ("Hi, 67 and retired, leg swollen since Tuesday", True, 67),
        ("feet tingly since start of month, 41", True, 41),
        # Not the writer's age: a rough one, a past one, someone else's, a measure, a time, a reading.
        ("I'm 60 odd", True, None),
        ("since I was 50 I've had bad knees", True, None),
        ("I was 70 in August", True, 70),
        ("my nan's 88 and she gets cramp", True, None),
        ("my mother, 90, has swollen legs", True, None),
        ("I'm 5'4 and my knees hurt", True, None),
        ("I'm 90 kilos", True, None),
        ("I get pain at 50 yards", True, None),
        ("took 2 ibuprofen at 10 last night", True, None),
        ("Woke at 4 am with cramp", True, None),
        ("My HbA1c was 58 and my feet tingle", True, None),
        ("BMI 32, knees ache", True, None),
        ("I'm 100% sure, numb since Sunday", True, None),
        ("Walked 20,000 steps, sore since Thursday", True, None),
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
        ("2-3 weeks", 17.5),
        ("a week or two", 10.5),
        ("one year and three months", 455),
        ("couple wks of my foot feeling asleep", 14),
        ("for the past fortnight", 14),
        ("this past month", 30),
        ("started on the 3rd", 18),
        ("my appointment is on the 30th", None),
        ("since tues", 4),
        ("cramps all nite last nite", 1),
        ("the day before yesterday", 2),
        ("gym 5 days a week, cramps for the past 3 days", 3),
        ("every 4 hours", None),
        ("3 tablets a day", None),
        ("a 29-year-old runner, sore shin for 6 weeks", 42),
        ("I'm 38 yrs old, tingling since 1 week", 7),
        ("10 year history of back pain, tingling for 5 days", 5),
        ("type 2 diabetic for 10 yrs, feet have been tingling for 3 months", 90),
        ("had a knee op 4 years ago but this new pain started 3 days ago", 3),
        ("a brickie 40 years, leg numbness came on thursday", 2),
        ("pain for 6 months, worse the last 2 weeks", 180),
        ("shooting pains for 3 weeks, worse when i sit for 2 hours", 21),
        # Days people date things by, and hedged or partial dates (today is Saturday 21 November 2026).
        ("since xmas", 331),
        ("since Christmas Eve", 332),
        ("since boxing day", 330),
        ("since easter", 230),
        ("since about the 10th", 11),
        ("since the beginning of november", 20),
        ("since mid october", 37),
        ("since the end of october", 21),
        ("started thurs night", 2),
        ("came on mon morning", 5),
        ("sat down and my leg went numb", None),  # not a Saturday
        ("after a 2 hour drive", None),
        ("running 30km a week, knee pain started 10 days ago", 10),
        ("did a 10k on the 8th and my knee has been sore ever since", 13),
        ("took 2 ibuprofen this morning, pain for a week", 7),
        # Texting, learners' English and idioms.
        ("pins n needles 4 3 wks", 21),
        ("thigh numb 4 like a fortnite", 14),
        ("I run 4 a week", None),
        ("2 wks n a half", 17.5),
        ("since one and half month", 45),
        ("already half year", 182.5),
        ("I work half days", None),
        ("since yday", 1),
        ("since last wk", 7),
        ("6ish weeks", 42),
        ("It's been between 2 and 3 weeks", 17.5),
        ("for 1 year 3 months", 455),
        ("since start of month", 20),
        ("since the beginning of the year", 324),
        ("since the end of last month", 21),
        ("since Labor Day", 75),
        ("since Thanksgiving", 359),  # still to come this year: last year's
        # A start told with the event in between or before: the 1st of the month, as for "since March".
        ("since my op in March my leg has been numb", 265),
        ("since I came back off holiday at the start of October", 51),
        ("I turned 80 in September and my legs have been weaker ever since", 81),
        ("My appointment is in December and my foot is numb", None),
        # Amounts that are not how long the complaint has lasted.
        ("more swollen than a fortnight ago", None),
        ("for more than a month", 30),
        ("my legs go numb after sitting for 2 hours", None),
        ("I can stand for about an hour before my legs ache", None),
        ("I do 3 shifts a week", None),
        ("had 2 falls a week ago", 7),
        ("I'm 50 in 2 weeks and my knees have been sore for a month", 30),
        ("Smoked 20 a day for 40 years, legs hurt when I walk", None),
        ("I had my knee done 2 years ago and now the other one hurts", None),
        ("3 weeks post op and my calf is swollen", None),
        ("I had an op 6 weeks ago and since then my calf is swollen", 42),
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
