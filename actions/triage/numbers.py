"""Ages, durations and pain scores from what people type ("I'm forty-five", "for about 3 wks",
"since last Monday", "since the 1st of November", "7 out of 10").

Number words become digits with text2num, and calendar dates and weekdays become dates with
dateparser. The patterns below find the phrases and read the number and its unit.

Duckling, Rasa's usual extractor, is a Haskell server that cannot be installed here, but a binding
that runs it in-process (pyduckling-native-phihos 0.4.0) can. Tried on 2026-12-04 alone in place of
this module (durations and dates, the most recent one taken, as here), it read 51% to 73% of the
durations of the development sets in tests/nlu right and invented 10 to 50 per set: it reads every
amount of time and every date in a message ("diabetic for 10 years", "ibuprofen 3 times a day",
"since my op in 2019"), and choosing among them is most of what the patterns below do.
"""

from __future__ import annotations

import contextlib
import datetime
import re
from collections.abc import Callable

import dateparser
from dateutil.easter import easter
from dateutil.relativedelta import FR, MO, SU, TH, relativedelta
from text_to_num import alpha2digit

from .spelling import respell_time_words

UNIT_DAYS = {"hour": 1 / 24, "day": 1, "night": 1, "week": 7, "fortnight": 14, "month": 30, "year": 365}
UNIT_ABBREVIATIONS = {"hr": "hour", "hrs": "hour", "wk": "week", "wks": "week", "mth": "month", "mths": "month",
                      "mnth": "month", "mnths": "month", "mos": "month", "yr": "year", "yrs": "year",
                      "dys": "day"}  # fmt: skip
# Shorter still, and only straight after a number: "3d", "2w", "6mo" ("a mo" is a moment, "52m" a man).
DIGIT_UNIT_ABBREVIATIONS = {"d": "day", "w": "week", "mo": "month"}
VAGUE_COUNTS = {"a": 1, "an": 1, "one": 1, "a couple of": 2, "couple of": 2, "a couple": 2, "couple": 2, "a few": 3,
                "few": 3, "several": 4}  # fmt: skip
CHAT_WORDS = {"nite": "night", "2day": "today", "2nite": "tonight", "tonite": "tonight", "xmas": "christmas",
              "x-mas": "christmas", "crimbo": "christmas", "chrimbo": "christmas", "yday": "yesterday",
              "yest": "yesterday", "sinse": "since", "snce": "since", "fortnite": "fortnight", "cpl": "couple",
              "coupla": "couple", "n": "and", "nites": "nights",
              # Scots: "fir a couple o' weeks noo", "aboot a fortnight", "ah'm 54", "a week the morra".
              "fir": "for", "fer": "for", "aboot": "about", "noo": "now", "ah'm": "i'm", "ahm": "i'm",
              "the morra": "tomorrow"}  # fmt: skip
# Days people date things by, as a step from the 1st of January (US holidays fall on a weekday).
NAMED_DAYS = {name: relativedelta(month=month, day=day, weekday=weekday) for name, (month, day, weekday) in {
    "new year": (1, 1, None), "valentine": (2, 14, None), "halloween": (10, 31, None), "bonfire night": (11, 5, None),
    "guy fawkes": (11, 5, None), "christmas eve": (12, 24, None), "christmas": (12, 25, None),
    "boxing day": (12, 26, None), "independence day": (7, 4, None), "memorial day": (5, 31, MO(-1)),
    "labor day": (9, 1, MO(1)), "thanksgiving": (11, 1, TH(4)), "hogmanay": (12, 31, None),
    "new year's eve": (12, 31, None), "new years eve": (12, 31, None), "burns night": (1, 25, None),
    "st patrick's day": (3, 17, None), "st patricks day": (3, 17, None), "paddy's day": (3, 17, None),
    "st andrew's day": (11, 30, None), "remembrance sunday": (11, 1, SU(2)), "remembrance day": (11, 11, None),
    "armistice day": (11, 11, None), "veterans day": (11, 11, None), "veteran's day": (11, 11, None),
    "australia day": (1, 26, None), "anzac day": (4, 25, None), "canada day": (7, 1, None),
    "st david's day": (3, 1, None), "st davids day": (3, 1, None), "st george's day": (4, 23, None),
    "st georges day": (4, 23, None), "heritage day": (9, 24, None), "freedom day": (4, 27, None),
    "king's day": (4, 27, None), "kings day": (4, 27, None),
    "canadian thanksgiving": (10, 1, MO(2)), "thanksgiving in canada": (10, 1, MO(2)),
    # British clocks: back on the last Sunday of October, forward on the last Sunday of March.
    "clocks went back": (10, 31, SU(-1)), "clocks changed": (10, 31, SU(-1)), "clocks going back": (10, 31, SU(-1)),
    "clocks went forward": (3, 31, SU(-1)), "clocks going forward": (3, 31, SU(-1)),
    # British bank holidays named by their month or season, and more days of other countries.
    "august bank holiday": (8, 31, MO(-1)), "early may bank holiday": (5, 1, MO(1)), "may bank holiday": (5, 1, MO(1)),
    "spring bank holiday": (5, 31, MO(-1)), "waitangi day": (2, 6, None), "super bowl": (2, 1, SU(2)),
    "juneteenth": (6, 19, None), "martin luther king day": (1, 1, MO(3)), "presidents day": (2, 1, MO(3)),
    "presidents' day": (2, 1, MO(3)), "columbus day": (10, 1, MO(2)), "all saints": (11, 1, None),
    "all souls": (11, 2, None), "martinmas": (11, 11, None), "michaelmas": (9, 29, None),
    # Nordic days: Valborg (Walpurgis Night), Midsummer Eve (the Friday from 19 June, as Sweden and Finland keep
    # it); Nowruz and Songkran, the Persian and Thai new years; Indonesia's independence day. Not Lucia (13
    # December): "since Lucia was born" is a daughter.
    "valborg": (4, 30, None), "walpurgis": (4, 30, None), "midsummer": (6, 19, FR(1)),
    "nowruz": (3, 21, None), "norooz": (3, 21, None), "nowrooz": (3, 21, None), "persian new year": (3, 21, None),
    "songkran": (4, 13, None), "17 agustus": (8, 17, None),
    # Black Friday, the day after Thanksgiving; Caribbean days (Barbados's Kadooment, Guyana's Mashramani) and the
    # Philippines' Undas (All Saints).
    "black friday": (11, 23, FR(1)), "emancipation day": (8, 1, None), "kadooment": (8, 1, MO(1)),
    "mashramani": (2, 23, None), "undas": (11, 1, None)}.items()}  # fmt: skip
# Days counted from Easter Sunday.
EASTER_DAYS = {"pancake day": -47, "shrove tuesday": -47, "ash wednesday": -46, "good friday": -2, "easter monday": 1,
               "easter sunday": 0, "easter": 0,
               # Mother's Day in Britain and Ireland is Mothering Sunday, three weeks before Easter; the Caribbean's
               # Carnival Tuesday is Shrove Tuesday.
               "mother's day": -21, "mothers day": -21, "mothering sunday": -21, "carnival tuesday": -47}  # fmt: skip
# Days that move with the moon, by year (the main day; an Eid by the usual calendar, a day either way).
LUNAR_DAYS = {
    "chinese new year": ("2024-02-10", "2025-01-29", "2026-02-17", "2027-02-06", "2028-01-26", "2029-02-13",
                         "2030-02-03"),
    "diwali": ("2024-11-01", "2025-10-20", "2026-11-08", "2027-10-29", "2028-10-17", "2029-11-05", "2030-10-26"),
    "ramadan": ("2024-03-11", "2025-03-01", "2026-02-18", "2027-02-08", "2028-01-28", "2029-01-16", "2030-01-06"),
    "eid al-fitr": ("2024-04-10", "2025-03-30", "2026-03-20", "2027-03-10", "2028-02-27", "2029-02-14",
                    "2030-02-05"),
    "eid al-adha": ("2024-06-16", "2025-06-06", "2026-05-27", "2027-05-17", "2028-05-05", "2029-04-24",
                    "2030-04-13"),
}  # fmt: skip
LUNAR_DATES = {name: tuple(map(datetime.date.fromisoformat, days)) for name, days in LUNAR_DAYS.items()}
LUNAR_NAMES = {"chinese new year": "chinese new year", "lunar new year": "chinese new year",
               "spring festival": "chinese new year", "diwali": "diwali", "deepavali": "diwali",
               "end of ramadan": "eid al-fitr", "eid al-fitr": "eid al-fitr", "eid al fitr": "eid al-fitr",
               "eid ul fitr": "eid al-fitr", "eid-ul-fitr": "eid al-fitr", "eid al-adha": "eid al-adha",
               "eid al adha": "eid al-adha", "eid ul adha": "eid al-adha", "eid-ul-adha": "eid al-adha",
               "ramadan": "ramadan", "ramzan": "ramadan",
               # Indonesian and Malay names: Imlek is the Chinese new year, Lebaran and Hari Raya the end of Ramadan.
               "imlek": "chinese new year", "lebaran": "eid al-fitr", "hari raya puasa": "eid al-fitr",
               "hari raya aidilfitri": "eid al-fitr"}  # fmt: skip
MONTHS = r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"  # noqa: E501
WEEKDAYS = r"monday|tuesday|wednesday|thursday|friday|saturday|sunday"
WEEKDAY_NAMES = WEEKDAYS.split("|")  # in date.weekday() order
# Short forms count only after "since", "on", "from" or "last" ("sat down" is not a Saturday).
WEEKDAY_ABBREVIATIONS = {"mon": "monday", "tue": "tuesday", "tues": "tuesday", "wed": "wednesday",
                         "weds": "wednesday", "thu": "thursday", "thur": "thursday", "thurs": "thursday",
                         "fri": "friday", "sat": "saturday", "sun": "sunday"}  # fmt: skip

_UNIT = r"(?P<unit>hour|day|night|week|fortnight|month|year)s?"
# "Half" and "and a half" also without the "a" ("one and half month", "half year"), as many write.
_AMOUNT = re.compile(
    r"(?<![a-z'])(?P<half_a>half\s+(?:an?\s+)?)?(?:(?P<low>\d+)\s*(?:-|to|or|,\s*(?:or\s+)?(?:maybe|perhaps|possibly))\s*(?=\d))?"
    r"(?P<count>\d+(?:\.\d+)?|a couple of|couple of|a couple|couple|a few|few|several|an|a)?"
    r"(?P<half>\s+and\s+(?:a\s+)?half)?\s*(?:-|\s)?\s*" + _UNIT + r"\b(?P<and_half>\s+and\s+(?:a\s+)?half)?"
    r"(?P<or_two>\s+or\s+2\b)?(?![\s-]+(?:old|young|pregnant|post[\s-]?partum|post[\s-]?natal)\b)(?P<ago>\s+(?:ago|back|before))?"
)
# An amount that is a frequency or a history, not how long this has lasted: "5 days a week",
# "8 hours a day", "12 hour shifts", "every 4 hours", "40 a day", "3 tablets a day", "a 10 year history",
# "a 5 day course of tablets".
_NOT_A_DURATION_AFTER = re.compile(
    # also "5 days into antibiotics"
    r"\s*(?:(?:a|an|per|each)\s+(?:day|week|month|night|year)\b|shifts?\b|history\b|into\b|'?\s*course\b)"
)
# But a history of the complaint is how long it has lasted, as a clinician writes it: "a 3 week history of back
# pain", "one month history of bilateral foot numbness" (not "a 10 year history of diabetes").
_COMPLAINT_HISTORY = re.compile(
    r"\s+(?:history|hx)\s+of\s+(?:[\w-]+\s+){0,3}?(?:pain|ache|aching|numbness|tingling|swelling|weakness|cramps?"
    r"|burning|sciatica|paraesthesia|symptoms)\b"
)
# Nor is an amount that compares ("more swollen than a fortnight ago", but "more than 2 weeks" is
# one), times a situation ("numb after sitting for 2 hours") or is still to come ("in 2 weeks").
_NOT_A_DURATION_BEFORE = re.compile(
    r"(?:\bevery|\bnot|\d|\d\s*x|\btimes|\btwice|\bonce|\btablets?|\bpills?|\bcigarettes?|\b(?:hour|day|night|week|month)s?"
    r"|\d\s*(?:km|k|miles?|mg|ml|kg|lbs?)|(?<!more )(?<!less )(?<!longer )(?<!fewer )\bthan|\bin"
    r"|\bafter(?:\s+\w+ing)?(?:\s+for)?(?:\s+(?:about|around|like|over|maybe))?)\s*$"
)
# "I can stand for an hour before my legs ache": how long something can be done, not the complaint.
_SITUATION_AFTER = re.compile(r"s?\s+before\s+(?:my|i|it|the|they|you)\b")
# "3 shifts a week", "2 tablets a day", "3 x 12 hour shifts a week", "2 litres of water a day": a
# number and a thing before "a week" counts how often (not "2 weeks for a month").
_THINGS_BEFORE = re.compile(
    r"\b\d+(?:\.\d+)?\s*(?:x\s*)?(?:\d+\s+)?"
    r"(?:(?!(?:for|since|from|about|around|like|over|nearly|almost|past|last|the|ago|than|only|just|been|had|it)\b)"
    r"[a-z]+\s+){1,3}$"
)
# The smoking history and an operation's date are not the complaint's: "smoked for 40 years",
# "had my knee done 2 years ago and now...", "3 weeks post op" (unless "since" ties them to it).
_SMOKING_BEFORE = re.compile(r"\bsmok(?:ed|er|ing)\b[^,.;!?]*$")
_OPERATION = re.compile(r"\b(?:op|ops|operation|surgery|replacement|replaced|done|fusion|fused)\b")
_ADJECTIVE_BEFORE = re.compile(r"\b(?:a|an|the|my|his|her)\s+$")
# "worse the last 2 weeks", "flared up 3 days ago": a change in the complaint, not its start.
_CHANGE_BEFORE = re.compile(r"\b(?:worse|worsened|better|flared?(?: up)?|flaring)\b(?:\s+\w+){0,3}\s*$")
# "since this morning", "woke up with it today": today as the start, not just when something else happened.
_STARTED = r"\b(?:since|started|start|began|begun|noticed|came on|woke up(?: with it)?|from)\s+(?:\w+\s+)?"
_MORE = re.compile(r"\s+(?:and\s+)?(?P<count>\d+)\s+" + _UNIT + r"\b")  # "a year (and) 3 months"
_PAST_UNIT = re.compile(r"\b(?:the\s+|this\s+)?(?:past|last)\s+(?P<unit>fortnight|week|month|year)\b")
# "last month" or "last year" inside a date: "the start of last month", "Christmas last year", "March of last year",
# "the 15th of last month".
_DATE_BEFORE_PAST = re.compile(
    r"\b(?:(?:start|beginning|middle|mid|end)\s+of|\d{1,2}(?:st|nd|rd|th)|"
    + MONTHS
    + r"|"
    + "|".join(re.escape(name) for name in [*NAMED_DAYS, *EASTER_DAYS, *LUNAR_NAMES, "eid"])  # "Valborg last year"
    + r")(?:\s+of)?\s+$"
)
_DIAGNOSED_BEFORE = re.compile(r"\b(?:diagnosed|dx|diagnosis)\s+(?:\w+\s+){0,2}$")
# "since March last year", "Easter last year": that day a year before ("March" alone is the last March).
_LAST_YEAR_AFTER = re.compile(r"\s+(?:of\s+)?last\s+year\b")
# "this pain is 3 months old", "the numbness in my thigh is four weeks old": the complaint's age, a duration
# (not "my baby is 3 months old").
_SYMPTOM_OLD = re.compile(
    r"\b((?:pain|ache|numbness|tingling|swelling|cramps?|problem|injury|issue|symptoms?|it|this|that)(?:\s+\w+){0,3}?"
    r"(?:'s|\s+is|\s+was)"
    r"\s+(?:(?:about|around|roughly|nearly|almost|only|just|over)\s+)?(?:\d+(?:\.\d+)?|an?|a few|a couple of|several)"
    r"\s+(?:hour|day|night|week|fortnight|month|year)s?)\s+old\b"
)
# "3 weeks, maybe a month", "2 weeks or a month": two guesses, read as the middle (as "2-3 weeks").
_ALTERNATIVE = re.compile(
    r",?\s+(?:or\s+)?(?:maybe|perhaps|possibly|or|to)\s+(?:even\s+|more\s+like\s+|closer\s+to\s+|nearer\s+(?:to\s+)?)?"
    r"|,\s+(?=(?:an?\s+|\d+\s+)?(?:and\s+a\s+half\s+)?(?:week|fortnight|month|year)s?\b)"  # "a month, month and a half"
)
# "a week tomorrow", "it'll be 3 weeks on Monday": the amount is reached a day or more from now.
# "3 weeks yesterday": the amount was reached a day ago. "2 months this Wednesday coming": still to come.
_REACHED_DAY = r"(?:on|this(?:\s+coming)?)\s+(?P<day>" + WEEKDAYS + r")(?:\s+coming)?"
_REACHED = re.compile(r"\s+(?:(?P<tomorrow>tomorrow)|(?P<yesterday>yesterday)|" + _REACHED_DAY + r")\b")
# The "yesterday" of "3 weeks yesterday" is when the amount was reached, not the start.
_AMOUNT_REACHED_BEFORE = re.compile(r"\b(?:\d+(?:\.\d+)?|an?)\s+(?:day|night|week|fortnight|month|year)s?\s+$")
_REACHED_ON = re.compile(
    r"(?<![a-z'])((?:\d+|an?)\s+(?:day|night|week|fortnight|month|year)s?)\s+" + _REACHED_DAY + r"\b"
)
# A medicine, a dose or a reading before the time in the same clause dates that, not the complaint:
# "took ibuprofen 3x a day for 5 days", "on gabapentin 300mg for 2 months", "my sugar was 11.2 this
# morning", "INR was 3.2 on Monday" (but "3 weeks of pain despite ibuprofen" is the complaint's).
_TREATMENT_OR_READING = re.compile(
    r"\d\s*(?:mg|mcg|ml|g|units|mmol)\b|\b(?:tablets?|pills?|capsules?|ibuprofen|paracetamol|co-?codamol|codeine|naproxen"
    r"|diclofenac|tramadol|gabapentin|pregabalin|amitriptyline|duloxetine|antibiotics?|steroids?|painkillers?"
    r"|metformin|insulin|aspirin|warfarin|apixaban|rivaroxaban|furosemide|levothyroxine|omeprazole|morphine"
    r"|oxycodone|sertraline|prednisolone|\w+(?:statin|olol|pril|sartan|dipine)"
    r"|inr|sugars?|glucose|hba1c|bp|blood pressure|readings?|temp|temperature|pulse|sats|oxygen|bmi"
    r"|diabet\w*|type\s*(?:1|2|one|two)|t[12]dm?)\b"  # "type 2 for 15 years": how long the diabetes has lasted
)
# Tests date themselves too ("my bloods were done on Tuesday"), but an amount before one is often the
# complaint's ("had an MRI 2 weeks ago and it has hurt since").
_TEST = re.compile(r"\b(?:bloods|blood tests?|scans?|x-?rays?|mri|ultrasound)\b")
# A visit dates itself: "went to urgent care on Tuesday, it's been 5 days".
_VISIT = re.compile(
    r"\b(?:went|go|going|been)\s+(?:to\s+)?(?:the\s+|my\s+|an?\s+)?(?:urgent care|a&e|a and e|er|walk-in"
    r"|gp|doctors?|doc|physio|clinic|hospital|chiro\w*|osteo\w*|podiatrist)\b"
)
_CLAUSE_BREAK = re.compile(r"(?<!\d)\.|\.(?!\d)|[,;:!?()]|\b(?:and|but|so|then|now|which|while|though|although)\b")
# After the number: a measure ("I'm 5'4", "90 kilos", "at 50 yards") or a rough age ("60 odd", "60+").
_NOT_AN_AGE_AFTER = (
    r"(?!\s*(?:%|weeks?|days?|months?|hours?|mins?|minutes?|kg|kilos?|lbs?|pounds|cm|stone|st\b|ft|feet|foot|out|x\b"
    r"|yards?|yds|metres?|meters?|miles?|steps|times|plus\b|\+)|[\s-]*(?:odd|ish|something)\b|\s*/\s*\d|\s*['’]\s*\d)"
)
_AGE_STATED = re.compile(
    r"(?:\b(?:i'?m|i am|im|i is|aged?|age is|age:|myself|(?:just\s+)?turned)[\s:-]*(?P<a>\d{1,3})\b"
    + _NOT_AN_AGE_AFTER
    + ")"
    # "Pls doc am 42yrs" (without the "I", as many write it).
    r"|(?:\bam\s+(?P<am>\d{2,3})\s*(?:years?|yrs?)\b)"
    # "at 67 i shouldn't...", not a time ("at 10 last night", "at 11 am").
    r"|(?:\bat\s+(?P<at>\d{2,3})\b(?!\s*(?:am|pm|o'?clock|last|this|tonight|in\s+the|at\s+night)\b|\s*[:.]\d)"
    + _NOT_AN_AGE_AFTER
    + ")"
    # "a widow of 86 years", "a gentleman of 82"; "I have 67 years" (as Spanish, French or Italian say it).
    r"|(?:\b(?:man|woman|lady|gentleman|gent|widow|widower|male|female|person|patient|spinster|bachelor|pensioner"
    r"|retiree|grandmother|grandfather|chap|fellow|soul)\s+of\s+(?P<of>\d{2,3})\b" + _NOT_AN_AGE_AFTER + ")"
    # "a retired schoolmistress of 79 years" (50 and over: a working life is shorter; see _age_match).
    r"|(?:\bretired\s+[a-z-]+\s+of\s+(?P<retired>\d{2,3})\s+years\b)"
    # "I count 48 years" (as a translation app has it), "I have 52." (as a sentence of its own).
    r"|(?:\bi\s+(?:have|count)\s+(?P<have>\d{2,3})(?:\s+years?\b(?=\s*(?:$|[,.;!]|and\b|old\b))|(?=\s*(?:$|[.;!]))))"
    r"|(?:\b(?P<b>\d{1,3})\s*(?:-|\s)?(?:years?|yrs?|yr)[\s-]*(?:old|young|of age)\b)"
    r"|(?:\b(?P<c>\d{1,3})\s*(?:yo|y/o|y\.o)\b)"
    # "52 m", "52/M", "M/67", "F/38" (as a doctor's note has it).
    r"|(?:\b(?P<d>\d{1,3})\s*/?\s*(?:m|f|male|female)\b)"
    r"|(?:\b(?:m|f|male|female)\s*/\s*(?P<slash>\d{2,3})\b(?!\s*/))"
    # "hi. 86 yrs.", "pain for 3 weeks. 52 yrs": an amount of years standing as a sentence is an age (16
    # and over: "2 yrs" is how long; see _age_match). Not after a comma: "back pain, 20 years" is how long.
    r"|(?:(?:^|[.;:!?(]|\bage\b)\s*(?P<alone>\d{2,3})\s*(?:years?|yrs?)\s*(?:old\s*)?"
    r"(?=$|[,.;!?)]|\s+(?:and|male|female|m|f|man|woman|lady|here)\b))"
    # "62 and for about 6 months...", "83, my ankles...", "m 52, cramps...": a number opening the message.
    r"|(?:^\s*(?:(?:hi|hello|hiya|hey)\W+)?(?:(?:m|f|male|female)[\s,/]*)?(?P<e>\d{2})\s*(?:,|and\b(?!\s+a?\s*half)))"
    r"|(?:^\s*[mf](?P<mf>\d{2})\b)"  # "M34 sciatica..."
    # "now at 83" (a stronger sign than "at 70" before it), not a time ("now at 10 pm").
    r"|(?:\b(?:pensioner|retired|retiree|oap|now(?:\s+at)?|hit)\W+(?P<f>\d{2,3})\b(?!\s*(?:am|pm|o'?clock)\b|\s*[:.]\d)"
    + _NOT_AN_AGE_AFTER
    + ")"
    # "my 60th birthday", "celebrated my 65th in the summer" (not "my 20th week").
    r"|(?:\bmy\s+(?P<g>\d{2,3})(?:st|nd|rd|th)(?=\s+(?:birthday|bday|b-day)\b|\s*(?:$|[^\w\s]|(?:in|on|last|this|was|and)\b)))"
    # "39 last birthday", "44 I am", "Fifty-three I am, and..." (Welsh and Irish word order), "me 54 year".
    r"|(?:\b(?P<last>\d{2,3})\s+(?:at\s+(?:my\s+)?)?last\s+(?:birthday|bday|b-day)\b)"
    r"|(?:(?:^|[.,;:!?]\s*)(?P<last_month>\d{2,3})\s+last\s+(?:" + MONTHS + r")\b)"  # "Barrister, 50 last March."
    r"|(?:\b(?P<iam>\d{2,3}),?\s+i\s+am\b(?=\s*(?:$|[,.;!?]|and\b)))"
    # "Me 67.", "he 68, I 52", "Me 70 birthday last month" (as BSL users and Thai writers have it).
    r"|(?:(?:^|[.,;!?]\s*)(?:me|i)\s+(?P<me>\d{2,3})(?:\s*(?:years?|yrs?)\b|(?=\s*(?:$|[,.;!?]|birthday\b))))"
    # "born 1972 so 54", "which makes me 67".
    r"|(?:\bborn\W+(?:in\s+)?(?:19|20)\d\d\W+so\s+(?:i'?m\s+|i am\s+)?(?P<so>\d{2,3})\b)"
    r"|(?:\b(?:makes?|making)\s+me\s+(?P<makes>\d{2,3})\b" + _NOT_AN_AGE_AFTER + ")"
    # "Rugby player, 19, dead leg...", "security guard, 60, standing...", "...3 months. 68.": a number of
    # two figures as a clause of its own (16 and over, not a reading's: see _age_match).
    r"|(?:(?:[,;(]|[.!?]\s)\s*(?P<clause>\d{2})\s*(?=[,;)]|[.!?](?!\d)|$))"
    # "...2 wks ago, 47 yr", "Poland, 29 years, my knee hurt 4 weeks": years after a comma, when the
    # message says how long some other way (see _age_match; "back pain, 20 years" is how long).
    r"|(?:,\s*(?P<comma_years>\d{2,3})\s*(?:years?|yrs?|yr)\s*(?=$|[,.;!?)]))"
)
# Before a number standing as a clause: a reading ("BP 150/95, 72", "pulse 88, 72") or a list of
# numbers of two figures ("aged 14, 17"), not "pain 7/10, 45" or "dad of 3, 41".
_READING_CLAUSE_BEFORE = re.compile(
    r"\b(?:bp|pulse|sats|temp\w*|weight|bmi|hr|score|size|sugars?|glucose|number|no|room|bed|ward|page)\b[^,;.!?]*$"
    r"|(?<![/\d])\d{2,3}\W*$"
)
# Before years after a comma: a condition or a history ("diabetic, 20 years", "back pain, 20 years").
_HISTORY_CLAUSE_BEFORE = re.compile(
    r"\b(?:diabet\w*|smok\w*|pain|ache|aches|sciatica|arthritis|gout|history|hx|problems?|issues?|condition|asthma"
    r"|sufferer|type [12]|on and off|job|work|career|married|nurse|driver|teacher|builder)\W*$"
)
# Someone else's age: "my 5 year old", "my 80-year-old mum", "my father age 70", "granny is 94".
RELATIVES = (
    r"mum|mom|mother|dad|father|son|daughter|wife|husband|partner|gran|granny|grandma|grandad|grandpa"
    r"|grandfather|grandmother|nan|nana|brother|sister|friend|kid|child|boy|girl|baby|neighbou?r|aunt|uncle"
    r"|grandson|granddaughter|grandchild|grandkid|niece|nephew|stepson|stepdaughter|toddler|hubby|auntie|aunty"
    r"|mummy|mommy|mama|mamma|daddy|papa|lola|lolo|client|resident|service user"  # carers write these
    r"|gogo|mzee"  # "my gogo is 79" (a grandmother), "Mzee (my father) aged 82"
)
_RELATIVE_BEFORE = re.compile(
    r"\b(?:"
    + RELATIVES
    + r")(?:s|'s)?\)?,?\s+(?:(?:who\s+)?is\s+|who's\s+|(?:are|were)\s+(?:aged\s+)?|age\s+|aged\s+|(?:will|'?ll) be\s+"
    r"|turn(?:s|ed|ing)\s+"
    r"|\(\s*(?:\d{1,3}\s*(?:,|and|&)\s*)*)?$"  # "my kids (6 and 9)"
)
# "my mum, she is 82": he or she is someone else once the message has named them ("she's 78" alone
# answers "how old are you?" for the person the bot is asking about).
_NAMED_SOMEONE = re.compile(r"\b(?:" + RELATIVES + r")(?:s|'s)?\b")
# "I am his son, 45": the writer named as someone's relative is still the writer.
_WRITER_AS_RELATIVE_BEFORE = re.compile(r"\b(?:i'?m|im|i am)\s+(?:his|her|their)\s+(?:" + RELATIVES + r")\W*$")
_PRONOUN_BEFORE = re.compile(r"\b(?:she|he)(?:'s|\s+is|\s+was|\s+turned|\s+will\s+be|'ll\s+be)\s+$")
# An age still to come: "I'll be 45 in March", "79 next birthday", "turning 50 next week", "I'm 50
# in 2 weeks", "my 70th birthday is next week" (a year less now).
_SOON = (
    r"(?:next|tomorrow|in\s+(?:\d+|a|a few|a couple of|couple of)\s+(?:days?|weeks?|months?)|on\s+(?:"
    + WEEKDAYS
    + r"))"
)
_AGE_NEXT = re.compile(
    r"\b(?:i'?ll be|i will be|ill be|will be|(?:i\s+)?shall be|(?:i'?m|i am|am)\s+(?:soon|shortly)\s+to\s+be|soon to be"
    r"|turning)\s+(?P<a>\d{1,3})\b"
    + _NOT_AN_AGE_AFTER
    + r"(?!\s*(?:years?|yrs?|degrees?)\b(?![\s-]*old))"  # "it'll be 10 years in May", "turning 90 degrees"
    + r"|\b(?P<b>\d{2,3})\s+(?:at\s+my\s+)?next\s+(?:birthday|bday|b-day|month|week|year)\b"
    + r"|\b(?:i'?m|im|i am)\s+(?P<c>\d{2,3})\s+(?:"
    + _SOON
    + r"|in\s+(?:"
    + MONTHS
    + r"))\b"
    + r"|\bmy\s+(?P<d>\d{2,3})(?:st|nd|rd|th)\s+(?:birthday|bday|b-day)\s+(?:is\s+)?"
    + _SOON
    + r"\b"
    # "62 come March", "84 in January" opening a message; "in my 84th year" (83 years old).
    + r"|\b(?P<e>\d{2,3})\s+come\s+(?:"
    + MONTHS
    + r"|christmas|easter|the new year|new year)\b"
    + r"|(?:^|[,.;:!?]\s*)(?P<f>\d{2,3})\s+in\s+(?:"  # "Custody sgt, 45 in Feb."
    + MONTHS
    + r")\b"
    + r"|\bin\s+my\s+(?P<g>\d{2,3})(?:st|nd|rd|th)\s+year\b(?!\s+(?:of|at|as|in|with)\b)"
)
# "nearly 60", "almost 40", "pushing 70": about an age, not one.
_APPROXIMATE_BEFORE = re.compile(
    r"\b(?:nearly|almost|approaching|pushing|nearer|nigh on|over|under|going on|getting on for|coming up to"
    r"|knocking on|heading for)\s+$"
)
_POSSESSIVE_BEFORE = re.compile(r"\b(?:my|our|his|her|their|your)\s+$")
# A bare number that is a past age ("since I was 50") or a reading ("BMI 32", "HbA1c was 58").
_NOT_AN_AGE_BEFORE = re.compile(
    r"\b(?:(?:since|when|until|till|before|after)\s+i\s+was|bmi|hba1c|a1c|sugars?|glucose|bp|pressure|weight|weigh"
    r"|score|pain|level|reading|temp|temperature|pulse|cholesterol|number|no|room|ward|bed"
    r"|year|yr|grade|class|form|bus|flat|house|cycle|type|stage|day|size|page|gate|route)\W*(?:is\s+|was\s+|of\s+)?$"
)
# A bare number answers "how old are you?" when nothing but a few small words follows it ("71",
# "45 and male", "67 this year"), not "2 operations", "size 11" or "6 out of 10".
_BARE_NUMBER = re.compile(
    r"(?<![/.])(?<!\d,)(?<!out of )(?<!size )(?<!of )(?<!ft )\b\d{1,3}\b"
    r"(?!\.\d|,\d{3}|\s*%|[\s-]*(?:something|odd|ish)\b|\s+on\s+\d+\s+off\b)"  # not "4 on 4 off"
    r"(?=\s*(?:$|[^\w\s/]|(?:and|but|now|next|this|in|on|years?|yrs?|yo|btw|thanks|lol|though|tho|i|mate|if)\b))"
)
# "15 (16 in March)": the age to come is said beside the age now.
_COMING_AFTER = re.compile(r"\s+(?:in\s+(?:" + MONTHS + r")|next|tomorrow|on\s+(?:" + WEEKDAYS + r"))\b")
_SEVERITY = re.compile(
    r"\b(?P<score>\d{1,2}(?:\.\d)?)\s*(?:/|out of|outta|on a scale of|oo|of)\s*10\b"
    # "the back is about a 6", "I'd rate it a six": a score with "a" before it and no unit after.
    r"|\b(?:about|around|like|maybe|probably|roughly|solid|rate \w+(?: \w+)?|is|it's|its)\s+an?\s+"
    r"(?P<bare>\d{1,2})\b(?!\s*(?:[a-z]|/))"
)
# "since about the 10th", "from around the 1st of October", "began on or about 1 October", "onset was on the evening
# of 9 November".
_HEDGE = (
    r"(?:(?:right\s+|or\s+)?(?:about|around|roughly|approx|approximately|maybe|probably|like)\s+)?"
    r"(?:the\s+(?:morning|afternoon|evening|night)\s+of\s+)?"
)
# Words that start the story from the date after them: "since", "from", "on", and "started 3 Nov", "first
# noticed it 3rd November", a form's "onset: 03/11/2026", "onset was on 9 November", "pain start 13 November".
_DATE_CUE = (
    r"\b(?:since|from|on|(?:started|starting|start|began|begun|came on|noticed|noted|onset(?:\s+was)?)(?:\s+it)?"
    r"(?:\s+(?:on|at))?\s*:?)"
    r"\s+"
)
# "since the beginning of November", "since mid October", "since the end of last month", "since
# start of month", "since the beginning of the year".
_PART = r"(?:the\s+)?(?P<part>start|beginning|middle|mid|end)(?:\s+of)?[\s-]+"
_PERIOD = r"(?:(?P<month>" + MONTHS + r")|(?P<which>last\s+|this\s+|the\s+)?(?P<period>week|month|year))\b"
_PART_OF_PERIOD = re.compile(_DATE_CUE + _HEDGE + _PART + _PERIOD)
# The weekday may come first: "on Monday 2nd November"; the year may follow: "since 1 October 2025".
_DATE = re.compile(
    _DATE_CUE
    + _HEDGE
    + r"(?:(?:"
    + WEEKDAYS
    + r"),?\s+|last\s+)?(?:the\s+)?(?P<date>(?:\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:"
    + MONTHS
    + r")"
    r"|(?:" + MONTHS + r")\s+\d{1,2}(?:st|nd|rd|th)?|(?:" + MONTHS + r"))\b(?:,?\s+(?:19|20)\d\d\b)?)"
    r"(?!\s+bank\s+holiday)"
)
_WEEKDAY = re.compile(
    # Not a "Sunday league" or "Sunday school".
    r"\b(?:since\s+|on\s+|from\s+)?(?:last\s+)?(?P<day>" + WEEKDAYS + r")\b(?!\s+(?:league|school)\b)"
    r"|\b(?:since|on|from|last|started|start|began|begun|came on)\s+(?P<short>"
    + "|".join(WEEKDAY_ABBREVIATIONS)
    + r")\b"
    r"|\b(?P<part>" + "|".join(WEEKDAY_ABBREVIATIONS) + r")\s+(?:night|morning|afternoon|evening|eve)\b"
)
# A weekday a week or more back: "a week ago Tuesday" (American), "2 weeks ago on Monday", "the Monday
# before last", "Friday last week" (in the week before this one), "last week on Tuesday".
# Also in other units: "a fortnight last Tuesday", "a month ago on Friday".
_WEEKS_EARLIER_BEFORE = re.compile(
    r"\b(?P<n>an?|\d+(?:\.\d+)?)\s+(?P<unit>day|week|fortnight|month)s?\s+(?:ago|last|past|gone)\s+(?:on\s+|last\s+)?$"
)
_BEFORE_LAST_AFTER = re.compile(r"\s+before\s+last\b")
_LAST_WEEKS_BEFORE = re.compile(r"\blast\s+week(?:'s)?\s+(?:on\s+)?$")
_LAST_WEEKS_AFTER = re.compile(r"\s+(?:of\s+)?last\s+week\b")
# A weekday still to come or that dates something else: "turning 18 on Tuesday", "appointment on Monday".
_FUTURE = re.compile(r"\b(?:will|'ll|ll|going to|gonna|turning|turn|next|appointment|booked|due|seeing|ends)\b")
# "since 10/28", "from 28/10/2026": day and month either way round, when the numbers tell which is
# which (not "since 3/4", which is March or April).
_NUMERIC_DATE = re.compile(
    _DATE_CUE + _HEDGE
    + r"(?:the\s+)?(?P<a>\d{1,2})/(?P<b>\d{1,2})(?:/(?P<year>\d{4}|\d{2}))?\b(?!/)"
)  # fmt: skip
# "31/10/2026 it started", "12/11/2026 - pain began": a full date with the start word after it.
_NUMERIC_DATE_THEN_START = re.compile(
    r"(?<![\d/])(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<year>\d{4}|\d{2})\b\W*(?:(?:it|this|that|the\s+\w+|\w+)\s+)?"
    r"(?:started|began|begun|came on)\b"
)
# "since the 01.11.", "from 3.11.2026": the day first, as German, French and most of Europe write it
# (the dot after the month, or a year, tells it from "1.5 weeks").
_DOTTED_DATE = re.compile(
    _DATE_CUE + _HEDGE
    + r"(?:the\s+)?(?P<day>\d{1,2})\.(?P<month>\d{1,2})\.(?:(?P<year>\d{4}|\d{2})\b(?!\.\d))?"
)  # fmt: skip
# "from 2026/10/30", "since 2026-11-02": the year first, as in ISO dates and East Asian writing.
_YEAR_FIRST_DATE = re.compile(
    _DATE_CUE + _HEDGE + r"(?P<year>(?:19|20)\d\d)[/.-](?P<month>\d{1,2})[/.-](?P<day>\d{1,2})\b"
)
# "since week 44" (a Nordic writer's week number): from its Monday. Not "week 2 of antibiotics".
_WEEK_NUMBER = re.compile(_DATE_CUE + r"(?:week|wk)\s*(?P<week>\d{1,2})\b(?!\s*(?:of|into)\b)")
# "since the 3rd", "started on the 12th", "on the 8th ... ever since" (not "my appointment is on
# the 30th"): a day of this month, or of the last if still to come.
_ORDINAL_DAY = re.compile(
    r"\b(?P<on>since|from|(?:started|began)(?:\s+on)?|on)\s+"
    + _HEDGE
    # "started on 2nd of this month", "since 3rd." without "the" (not "on 2nd shift")
    + r"(?:the\s+|(?=\d{1,2}(?:st|nd|rd|th)"
    + r"(?:\s*(?:[,.;!?)]|$)|\s+of\s+(?:this|last|previous)\s+month\b|\s+(?:and|but)\b)))"
    + r"(?P<day>\d{1,2})(?:st|nd|rd|th)\b(?!\s+(?:of\s+)?(?:"
    + MONTHS
    + r")\b)(?:\s+of\s+(?:the\s+)?(?P<which>this|last|previous)\s+month\b)?"  # "the 15th of last month"
)
# An injury dates the complaint's start: "took a kick to the shin on the 8th", "got hit by a pallet truck on the 9th".
_INJURY = re.compile(
    r"\b(?:hit|kick(?:ed)?|fell|fall|tripped|slipped|twisted|rolled|sprained|strained|pulled|injured|knocked)\b"
)
# A named day as the start: "since Christmas", "started around bonfire night", "commenced on Remembrance
# Sunday", "began shortly after Christmas last year", "just before Christmas", "since last Easter".
_NAMED_START = (
    r"\b(?:since|started|starting|start|began|begun|commenced|came on|from)(?:\s+(?:just|shortly|right|soon))?"
    r"(?:\s+(?:on|around|about|at|after|before|over))?\s+(?:(?:the\s+)?(?:day|night|morning)\s+(?:after|of)\s+)?"
    r"(?:the\s+)?(?:last\s+)?"
)
_BIRTH_WORDS = r"dob|d\.o\.b\.?|date of birth|birth ?date"  # and "born"
_BIRTH_DATE = re.compile(
    r"\b(?:born(?:\s+on)?|" + _BIRTH_WORDS + r")\W*(?:(?:is|was)\W+)?(?:"  # "My DOB is 22/12/1985"
    r"(?P<a>\d{1,2})[/.-]\s?(?P<b>\d{1,2})[/.-]\s?(?P<year>(?:19|20)\d\d)"  # "born 14. 3. 1971" (Czech)
    r"|(?P<year_first>(?:19|20)\d\d)[/.-](?P<month>\d{1,2})[/.-](?P<day>\d{1,2})"  # "DOB 1975/06/02"
    r"|(?P<words>(?:the\s+)?\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:" + MONTHS + r"),?\s+(?:19|20)\d\d"
    r"|(?:" + MONTHS + r")\s+\d{1,2}(?:st|nd|rd|th)?,?\s+(?:19|20)\d\d))\b"
)
# "it started the day after my birthday, which was the 10th": the event's day as the start (the text
# says the complaint started, then dates the event).
_EVENT_WAS_DAY = re.compile(
    r"\b(?:started|began|begun|came on|since)\b[^.!?]{0,60}?\b(?:which|that|it)\s+was\s+(?:on\s+)?"
    r"(?=the\s+\d{1,2}(?:st|nd|rd|th)\b)"
)
# "the day after the wedding, we got married on the 31st of October": a day later than the date.
_DAY_AFTER = re.compile(r"\b(?:started|began|came on|since|from)\s+(?:on\s+)?the\s+(?:day|night|morning)\s+after\b")
# A date of birth: "born on the 3rd of December 1940", "DOB: 14/03/1959", "Date of birth: 2nd July 1980".
_BORN_ON = re.compile(r"\b(born|" + _BIRTH_WORDS + r")\W+(?:on\s+)?")
# "since she was born", "since the baby was born": a child's age ("4 months old") is how long.
_SINCE_BORN = re.compile(r"\bsince\s+(?:he|she|they|(?:the|my|our)\s+(?:\w+\s+)?\w+)\s+(?:was|were)\s+born\b")
_CHILD_AGE = re.compile(r"\b(?P<n>\d+(?:\.\d+)?|an?)[\s-]+(?P<unit>week|month|year)s?[\s-]+old\b")
# A start told with the event between ("since my op in March", "since I came back at the start of
# October") or before ("I turned 80 in September and ... ever since"): read as "since March".
_DATE_AHEAD = (
    r"(?=(?:the\s+)?(?:(?:start|beginning|middle|mid|end)(?:\s+of)?[\s-]+)?(?:" + MONTHS + r")\b"
    r"|the\s+\d{1,2}(?:st|nd|rd|th)\b)"  # "since my birthday on the 3rd"
)
_SINCE_EVENT = re.compile(r"\bsince(?:\s+(?!since\b)[\w']+){1,6}?\s+(?:in|at|on)\s+" + _DATE_AHEAD)
# A day named, then its date: "started on Independence Day, October 1", "start from All Saints, 1 November",
# "since our Christmas party, the 14th of December", "onset on the first day of term, 28 September", "since 1
# Aban, that is 23 October". The date says which day it was.
_NAMED_THEN_DATE = re.compile(
    r"\b(since|from|onset(?:\s+was)?(?:\s+on)?|(?:started|start|began)(?:\s+(?:on|from))?)\s+(?:[\w']+\s+){0,4}[\w']+"
    r"\s*[,(]\s*(?:(?:that\s+is|which\s+(?:is|was)|i\.?e\.?),?\s+)?(?="
    + _HEDGE  # "since the water dropped below 10, about the middle of October"
    + r"(?:the\s+)?(?:\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:"
    + MONTHS
    + r")\b|(?:"
    + MONTHS
    + r")\s+\d{1,2}\b"
    r"|(?:start|beginning|middle|mid|end)\s+of\s+(?:" + MONTHS + r")\b))"
)
_EVENT_THEN_SINCE = re.compile(
    r"\b(?:in|on)\s+"
    + _DATE_AHEAD
    + r"(?=(?:(?!\bsince\b)[^?!]){0,80}\b(?:ever\s+since|since\s+then|since\s*(?:[^\w\s]|$)))"
)


# A letter's "3/7 history of calf swelling" is how long the complaint has lasted: the word goes with it.
_SHORTHAND = re.compile(
    r"(?<![\d/.])(?<!\bsince )(?<!\bfrom )(?<!\bon )(?<!\bthe )\b(\d{1,2})/(7|52|12)\b(?![/.]?\d)"
    r"(?:\s+(?:history|hx)\b)?"
)


# A number given again after a correction: "3 weeks, no wait, closer to 4", "I'm 48. Sorry, 49!", "It's not 2
# week, it's nearer 3".
_CORRECTION = re.compile(
    r"\b(?:no\s+wait|wait\s+no|sorry|actually\s+no|no\s+actually|hang\s+on|i\s+mean|correction|scratch\s+that"
    r"|or\s+rather|make\s+(?:it|that)|(?:it'?s|it\s+is)(?=\s+(?:closer|nearer)\b))\b[\s,.!:;-]*"
    r"(?:(?:closer|nearer)(?:\s+to)?\s+|more\s+like\s+|(?:it'?s|it\s+is)\s+)?"
    r"(?P<n>\d+(?:\.\d+)?)(?![\d.:/%])"
)


def _correction(normalised: str) -> re.Match | None:
    """The last correction in the text that gives a number."""
    return next(reversed(list(_CORRECTION.finditer(normalised))), None)


def _near(number: float, earlier: float) -> bool:
    """Whether a corrected number is near enough to the one it corrects ("48. sorry, 49", not "48. sorry, 4")."""
    return earlier > 0 and 0.5 <= number / earlier <= 2


def _slashed_range(match: re.Match) -> str:
    low, high = int(match.group(1)), int(match.group(2))
    return f"{low}-{high}" if 1 < low < high <= 2 * low else match.group()


def _shorthand(match: re.Match) -> str:
    count, unit = int(match.group(1)), {"7": "day", "52": "week", "12": "month"}[match.group(2)]
    # A history ("10/7 of back pain", "18/12 hx") may be longer than the unit it is counted in; a bare "10/7" is
    # more likely a date.
    history = (
        match.group().endswith(("history", "hx"))
        or match.string.startswith(" of ", match.end())  # "10/7 of back pain"
        or match.string[: match.start()].endswith("for ")  # "numb for 10/7"
    )
    return f"{count} {unit}s" if 0 < count < int(match.group(2)) * (4 if history else 1) else match.group()


def _digits(text: str) -> str:
    # Phones type curly apostrophes ("I’m 45") and a few write "fourty".
    normalised = text.lower().replace("\u2019", "'").replace("\u2018", "'")
    normalised = normalised.replace("\ufe0f\u20e3", "")  # keycap emoji: "3\ufe0f\u20e3 weeks" is "3 weeks"
    normalised = respell_time_words(normalised)
    normalised = alpha2digit(re.sub(r"\bfourty", "forty", normalised), "en", threshold=0)
    # "39 år", "50 tahun (years)": years in Scandinavian and Indonesian, with the writer's gloss.
    normalised = re.sub(r"(\d)\s*(?:år|tahun)\b(?:\s*\(\s*years?\s*\))?", r"\1 years", normalised)
    # "3+ wks": at least three weeks (but "40+" alone is a rough age).
    normalised = re.sub(r"(\d)\s*\+(?=\s*(?:hour|hr|day|dy|night|week|wk|fortnight|month|mth|mnth|mo|year|yr))", r"\1",
                        normalised)  # fmt: skip
    normalised = re.sub(
        r"\b(\d+)(d|w|mo)\b", lambda m: f"{m.group(1)} {DIGIT_UNIT_ABBREVIATIONS[m.group(2)]}", normalised
    )
    normalised = re.sub(r"(\d+|\b(?:a|couple|few|several|last|past|this|next|per))\s*(" + "|".join(UNIT_ABBREVIATIONS)
                        + r")\b", lambda m: f"{m.group(1)} {UNIT_ABBREVIATIONS[m.group(2)]}", normalised)  # fmt: skip
    for chat, word in CHAT_WORDS.items():
        normalised = re.sub(r"\b" + chat + r"\b", word, normalised)
    normalised = re.sub(r"\bo'(?=\s)", "of", normalised)  # "a couple o' weeks"
    normalised = normalised.replace(" & ", " and ")
    # A year said aloud: "born in nineteen fifty eight", "in twenty twenty four" ("19 58": 1958).
    normalised = re.sub(r"\b(born(?:\s+in)?|in|since|from|dob|of|year)\s+(19|20) ([0-9]{2})\b", r"\1 \2\3", normalised)
    normalised = re.sub(r"\bbetween\s+(\d+)\s+and\s+(\d+)\b", r"\1-\2", normalised)  # "between 2 and 3 weeks"
    # "between 18 months and 2 years", "between a week and ten days": two guesses, as "... to ...".
    amount = r"(?:\d+(?:\.\d+)?|an?)\s+(?:hour|day|night|week|fortnight|month|year)s?"
    normalised = re.sub(r"\bbetween\s+(" + amount + r")\s+and\s+(?=" + amount + r"\b)", r"\1 to ", normalised)
    # "half of year" (as Slavic speakers write it): half a year.
    normalised = re.sub(r"\bhalf\s+of\s+(?:an?\s+)?(?=(?:day|week|month|year)\b)", "half a ", normalised)
    normalised = re.sub(r"(\d)\s*-?ish(?=\s+" + _UNIT + ")", r"\1", normalised)  # "6ish weeks"
    normalised = re.sub(r"\b(\d),5(?=\s*" + _UNIT + ")", r"\1.5", normalised)  # a decimal comma: "1,5 weeks"
    # "for the past 2/3 weeks", "since 10/15 days": two or three weeks, as many write it (not "1/2 an hour").
    normalised = re.sub(r"\b(\d{1,2})\s*/\s*(\d{1,2})(?=\s*" + _UNIT + ")", _slashed_range, normalised)
    # Clinical shorthand: "3/7" three days, "2/52" two weeks, "3/12" three months ("hx 3/7", "Duration: 2/52"),
    # not a date after "since" or "on", "24/7" or a fraction of another number.
    normalised = _SHORTHAND.sub(_shorthand, normalised)
    # "since last month ending" (Indian English): the end of last month.
    normalised = re.sub(r"\blast month(?:'s)?\s+end(?:ing)?\b", "the end of last month", normalised)
    normalised = re.sub(r"\ba (100)\b", r"\1", normalised)  # "a hundred": "a 100"
    # Texting "4" for "for" when an amount follows: "numb 4 3 wks", "achey 4 a few days", "4 like a
    # week" (not "4 a day").
    hedge, unit = r"(?:like|about|around|nearly|almost|over)\s+", r"(?:hour|day|night|week|fortnight|month|year)s?"
    return re.sub(r"\b4(?=\s+(?:" + hedge + r"an?\s+" + unit + "|(?:" + hedge + r")?(?:\d+(?:\.\d+)?\s*" + unit
                  + r"|a few|a couple|couple|few|several|ages))\b)", "for", normalised)  # fmt: skip


def _someone_elses(normalised: str, start: int) -> bool:
    before = normalised[:start]
    if _WRITER_AS_RELATIVE_BEFORE.search(before):
        return False
    return bool(
        _RELATIVE_BEFORE.search(before)
        or _PRONOUN_BEFORE.search(before)
        and _NAMED_SOMEONE.search(before)
        or normalised[start].isdigit()
        and _POSSESSIVE_BEFORE.search(before)
    )


def _age_match(normalised: str) -> re.Match | None:
    """The writer's stated age. "At 62" is a weaker sign than "I'm 40" ("my mum died at 62 ... I'm 40",
    "broke my leg at 17, I'm 46 now"), so it counts only when nothing else states one."""
    matches = []
    for match in _AGE_STATED.finditer(normalised):
        group = next(name for name, value in match.groupdict().items() if value)
        number = int(match.group(group))
        if group in ("alone", "clause", "comma_years") and number < 16 or group == "retired" and number < 50:
            continue
        clause_before = normalised[: match.start()]
        if group == "clause" and _READING_CLAUSE_BEFORE.search(clause_before):
            continue
        if group == "comma_years" and (
            _HISTORY_CLAUSE_BEFORE.search(clause_before)
            or not (_STARTED_OR_DATED.search(normalised) or _amount_besides(normalised, match))
        ):
            continue
        late = group in ("alone", "clause", "comma_years", "iam")  # the match starts before the number
        if _someone_elses(normalised, match.start(group) if late else match.start()):
            continue
        matches.append((group == "at", match))
    return min(matches, key=lambda pair: pair[0])[1] if matches else None


_DOCUMENT_BEFORE = re.compile(r"\b(?:letter|notes?|email|message|report|results?|summary|text)\s+$")
_STARTED_OR_DATED = re.compile(r"\b(?:since|ago|yesterday|last night|today|this morning)\b")


def _amount_besides(normalised: str, match: re.Match) -> bool:
    """Whether the text has an amount of time besides the one in the match."""
    return any(
        (amount.group("count") or amount.group("half_a")) and not match.start() <= amount.start() < match.end()
        for amount in _AMOUNT.finditer(normalised)
    )


def _counted_amount(normalised: str) -> bool:
    """Whether the text has an amount of time ("3 weeks", "a month"), not just a unit ("Tuesday")."""
    return any(match.group("count") or match.group("half_a") for match in _AMOUNT.finditer(normalised))


def _birth_age(normalised: str, today: datetime.date) -> int | None:
    """The age a full date of birth gives ("DOB 14/03/1959", "born on the 3rd of December 1940"); a
    year alone gives none, as the birthday may be still to come."""
    match = _BIRTH_DATE.search(normalised)
    sentence = re.split(r"[.!?]\s", normalised[: match.start()])[-1] if match else ""
    if not match or re.search(r"\b(?:he|she|they)\b|\bit\s+was\b|" + _NAMED_SOMEONE.pattern, sentence):
        return None  # "my son was born on 2nd July 2012", "my mum, born 14/03/1940"
    if match.group("year"):
        a, b = int(match.group("a")), int(match.group("b"))
        day, month = (b, a) if b > 12 >= a else (a, b)  # the day first unless it cannot be ("03/14/1959")
        born = _calendar_day(day, month, match.group("year"), today)
    elif match.group("year_first"):
        born = _calendar_day(int(match.group("day")), int(match.group("month")), match.group("year_first"), today)
    else:
        parsed = dateparser.parse(match.group("words"), languages=["en"], settings={"DATE_ORDER": "DMY"})
        born = parsed.date() if parsed else None
    if not born or born > today:
        return None
    return today.year - born.year - ((today.month, today.day) < (born.month, born.day))


def parse_age(text: str, answering: bool = False, today: datetime.date | None = None) -> int | None:
    """An age in years. Bare numbers count only when the text answers "how old are you?"."""
    normalised = _digits(text)
    corrected = _correction(normalised)
    if corrected and not _AMOUNT.match(normalised, corrected.start("n")):
        earlier = parse_age(normalised[: corrected.start()], answering, today)
        number = float(corrected.group("n"))
        if earlier is not None and number.is_integer() and _near(number, earlier):
            return int(number)
    match = _age_match(normalised)
    born = None if match else _birth_age(normalised, today or datetime.date.today())
    if born is not None:
        return born if 0 < born < 120 else None
    coming = next(
        (
            m
            for m in _AGE_NEXT.finditer(normalised)
            if not _someone_elses(normalised, m.start("a") if m.group("a") else m.start())
        ),
        None,
    )
    if coming and match and coming.start() < match.end() and match.start() < coming.end():
        match = None  # "I'll be 45 years old in March", "I'm 60 next week"
    if match:
        age = int(next(group for group in match.groups() if group))
    elif coming:
        age = int(next(group for group in coming.groups() if group)) - 1
    elif answering and not _AGE_STATED.search(normalised) and not _counted_amount(normalised):
        numbers = [
            number
            for number in _BARE_NUMBER.finditer(normalised)
            if not _someone_elses(normalised, number.start())
            and not _APPROXIMATE_BEFORE.search(normalised[: number.start()])
            and not _NOT_AN_AGE_BEFORE.search(normalised[: number.start()])
        ]
        now = [number for number in numbers if not _COMING_AFTER.match(normalised, number.end())]
        numbers = now if len(now) == 1 else numbers
        if len(numbers) != 1:
            return None
        age = int(float(numbers[0].group()))
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
    if match.group("half") or match.group("and_half") or match.group("or_two"):
        amount += 0.5
    if match.group("low") and float(match.group("low")) < amount:
        amount = (amount + float(match.group("low"))) / 2  # "2-3 weeks", "2, maybe 3 weeks": the middle
    return float(amount * UNIT_DAYS[match.group("unit")])


def _days_until(weekday: str, today: datetime.date) -> int:
    """Days from today to the next such weekday (a week, if it is today)."""
    return (WEEKDAY_NAMES.index(weekday) - today.weekday() - 1) % 7 + 1


def _days_since(day: datetime.date, today: datetime.date) -> float | None:
    days = (today - day).days
    return float(days) if days >= 0 else None


def _dated(text: str, today: datetime.date) -> float | None:
    """Days since a weekday, a calendar date or a named day the text starts the story from."""
    base = datetime.datetime.combine(today, datetime.time(12))
    settings = {"RELATIVE_BASE": base, "PREFER_DATES_FROM": "past", "PREFER_DAY_OF_MONTH": "first"}
    part = _PART_OF_PERIOD.search(text)
    if part:
        day = _part_of(part, today, settings)
        if day:
            return _days_since(day, today)
    # Not a day still to come: "turning 15 on Dec 2, ankle swollen since Sunday".
    dates = (
        d
        for d in _DATE.finditer(text)
        if d.group().startswith("since") or not _FUTURE.search(_clause_before(text, d.start()))
    )
    date = next(dates, None)
    if date:
        parsed = dateparser.parse(date.group("date"), languages=["en"], settings=settings)
        if parsed:
            day = parsed.date()
            if _LAST_YEAR_AFTER.match(text, date.end()) and day.year == today.year:
                day = day.replace(year=today.year - 1)
            return _days_since(day, today)
    ordinal = _ORDINAL_DAY.search(text)
    if (
        ordinal
        and ordinal.group("on") == "on"
        and not re.search(r"\bsince\b", text[ordinal.end() :])
        and not _INJURY.search(_clause_before(text, ordinal.start()))
    ):
        ordinal = None  # "on the 8th" dates the start only with "ever since" after it or an injury before it
    if ordinal and 1 <= int(ordinal.group("day")) <= 31:
        day = int(ordinal.group("day"))
        month_start = today.replace(day=1)
        if day > today.day and ordinal.group("which") == "this":
            return None  # still to come
        if day > today.day or ordinal.group("which") in ("last", "previous"):  # still to come: last month's
            month_start = (month_start - datetime.timedelta(days=1)).replace(day=1)
        with contextlib.suppress(ValueError):
            return _days_since(month_start.replace(day=day), today)
    numeric = _NUMERIC_DATE.search(text) or _NUMERIC_DATE_THEN_START.search(text)
    if numeric:
        day = _numeric_date(numeric, today)
        if day:
            return _days_since(day, today)
    for match in (_DOTTED_DATE.search(text), _YEAR_FIRST_DATE.search(text)):
        day = match and _calendar_day(int(match.group("day")), int(match.group("month")), match.group("year"), today)
        if day:
            return _days_since(day, today)
    week = _WEEK_NUMBER.search(text)
    monday = week and not re.search(r"\bpregnan", text) and _week_monday(int(week.group("week")), today)
    if monday:  # not "30 weeks pregnant, cramps since week 28", a week of the pregnancy
        return _days_since(monday, today)
    days = _weekday_start(text, today)
    if days is not None:
        return days
    for name, step in sorted(NAMED_DAYS.items(), key=lambda item: -len(item[0])):  # "new year's eve" first
        named_start = re.search(_NAMED_START + name, text)
        if named_start:
            return _since_named_day(_new_year, step, text, named_start.end(), today)
    for name, step in sorted(EASTER_DAYS.items(), key=lambda item: -len(item[0])):  # "easter monday" first
        named_start = re.search(_NAMED_START + name + r"\b", text)
        if named_start:
            return _since_named_day(easter, datetime.timedelta(days=step), text, named_start.end(), today)
    for name, key in sorted(LUNAR_NAMES.items(), key=lambda item: -len(item[0])):  # "end of ramadan" first
        if re.search(_NAMED_START + name + r"\b", text):
            return _since_last_of(LUNAR_DATES[key], today)
    if re.search(_NAMED_START + r"eid\b", text):  # the last Eid, whichever
        return _since_last_of(LUNAR_DATES["eid al-fitr"] + LUNAR_DATES["eid al-adha"], today)
    weekend = re.search(_NAMED_START + r"weekend\b", text)
    earlier = re.search(r"\b(?:(?P<n>an?|\d+)\s+weekends\s+ago|weekend\s+before\s+(?P<last>last))\b", text)
    if weekend or earlier:
        # "since the weekend", "since last weekend": from the Saturday of the last one over; "the weekend
        # before last", "2 weekends ago" one or more weeks before it.
        saturday = (today.weekday() - 5) % 7 + (7 if today.weekday() >= 5 else 0)
        if earlier:
            saturday += 7 * (
                1 if earlier.group("last") or earlier.group("n") in ("a", "an") else int(earlier.group("n")) - 1
            )
        return float(saturday)
    return None


# "football every Sunday", "physio each Tuesday": how often something happens, not a start.
_EVERY_BEFORE = re.compile(r"\b(?:every|each|most|alternate)\s+(?:other\s+)?$")
# Words that tie a weekday in their clause to the complaint's start ("the numbness began on Thursday").
_START_WORD = re.compile(
    r"\b(?:since|start(?:ed|s)?|began|begun|begin|came on|come on|kicked off|noticed|woke up|first)\b"
)


def _weekday_start(text: str, today: datetime.date) -> float | None:
    """Days since the weekday the story starts from. A weekday with a start word in its clause comes
    before one that dates something else: "physio was on Monday but the numbness began on Thursday",
    "went to a wedding on Saturday and the pain came on Sunday"."""
    candidates = []  # (tied to a start word, days)
    for weekday in _WEEKDAY.finditer(text):
        clause = _clause_before(text, weekday.start())
        if not re.search(r"\bsince\b", clause + text[weekday.start() :]) and (
            _FUTURE.search(clause)
            or _TREATMENT_OR_READING.search(clause)
            or _TEST.search(clause)
            or _VISIT.search(clause)
        ):
            continue  # "turning 18 on Tuesday", "my INR was 3.2 on Monday"
        if any(text[: weekday.end()].endswith(name) for name in [*NAMED_DAYS, *EASTER_DAYS]):
            continue  # "since Remembrance Sunday": read as the named day below
        if _EVERY_BEFORE.search(text[: weekday.start()]):
            continue
        day = weekday.group("day") or WEEKDAY_ABBREVIATIONS[weekday.group("short") or weekday.group("part")]
        index = WEEKDAY_NAMES.index(day)
        days = (today.weekday() - index) % 7 or 7  # the last one; "since Saturday" on a Saturday: a week
        name_start = weekday.start("day") if weekday.group("day") else weekday.start()  # after "last"
        weeks_earlier = _WEEKS_EARLIER_BEFORE.search(text[:name_start])  # "a week last Tuesday"
        if weeks_earlier:  # "a week ago Tuesday", "2 weeks ago on Monday"
            count = 1 if weeks_earlier.group("n") in ("a", "an") else float(weeks_earlier.group("n"))
            days += count * UNIT_DAYS[weeks_earlier.group("unit")]
        elif _BEFORE_LAST_AFTER.match(text, weekday.end()):
            days += 7  # "the Monday before last"
        elif _LAST_WEEKS_BEFORE.search(text[: weekday.start()]) or _LAST_WEEKS_AFTER.match(text, weekday.end()):
            days = today.weekday() + 7 - index  # "Friday last week", "last week on Tuesday": in last week
        clause_after = _CLAUSE_BREAK.split(text[weekday.end() :])[0]  # "Sunday night it began"
        candidates.append((bool(_START_WORD.search(clause + weekday.group() + clause_after)), float(days)))
    tied = [days for started, days in candidates if started]
    return (tied or [days for _, days in candidates] or [None])[0]


def _new_year(year: int) -> datetime.date:
    return datetime.date(year, 1, 1)


def _since_named_day(
    base: Callable[[int], datetime.date],
    step: relativedelta | datetime.timedelta,
    text: str,
    end: int,
    today: datetime.date,
) -> float | None:
    """Days since a named day, a step from a base day of its year (the 1st of January, Easter Sunday):
    this year's, or last year's when this year's is still to come or the text says "last year" after
    the name ("Easter last year")."""
    day = base(today.year) + step
    if day > today or _LAST_YEAR_AFTER.match(text, end):
        day = base(today.year - 1) + step
    return _days_since(day, today)


def _since_last_of(days: tuple[datetime.date, ...], today: datetime.date) -> float | None:
    """Days since the latest of these days that is over; none past the table's last year."""
    past = [day for day in days if day <= today]
    return _days_since(max(past), today) if past and today.year <= max(days).year else None


def _numeric_date(match: re.Match, today: datetime.date) -> datetime.date | None:
    a, b = int(match.group("a")), int(match.group("b"))
    if a > 12 >= b or a == b:
        day, month = a, b
    elif b > 12 >= a:
        day, month = b, a
    else:
        return None  # "3/4": the 3rd of April or the 4th of March
    return _calendar_day(day, month, match.group("year"), today)


def _week_monday(week: int, today: datetime.date) -> datetime.date | None:
    """The Monday of a week number (ISO, as Nordic calendars count them), in the last such week up to today."""
    with contextlib.suppress(ValueError):
        monday = datetime.date.fromisocalendar(today.year, week, 1)
        return monday if monday <= today else datetime.date.fromisocalendar(today.year - 1, week, 1)
    return None


def _calendar_day(day: int, month: int, year: str | None, today: datetime.date) -> datetime.date | None:
    """The day, in the year given or else the last such day up to today."""
    try:
        if year:
            return datetime.date(int(year) + (2000 if len(year) == 2 else 0), month, day)
        date = datetime.date(today.year, month, day)
        return date if date <= today else date.replace(year=today.year - 1)
    except ValueError:
        return None


def _part_of(match: re.Match, today: datetime.date, settings: dict) -> datetime.date | None:
    """The day "the start of November", "mid October", "the end of last month" or "the beginning of
    the year" names: the first, the 15th (the 1st of July for a year) or the last."""
    last = (match.group("which") or "").strip() == "last"
    part = match.group("part")
    if match.group("period") == "week":
        # "since the start of the week": its Monday; the middle, its Wednesday; the end, its Friday.
        monday = today - datetime.timedelta(days=today.weekday() + 7 * last)
        return monday + datetime.timedelta(days={"start": 0, "beginning": 0, "middle": 2, "mid": 2, "end": 4}[part])
    if match.group("month"):
        parsed = dateparser.parse(match.group("month"), languages=["en"], settings=settings)
        if not parsed:
            return None
        first, length = parsed.date().replace(day=1), relativedelta(months=1)
    elif match.group("period") == "month":
        first, length = today.replace(day=1) - relativedelta(months=last), relativedelta(months=1)
    else:
        first, length = today.replace(month=1, day=1) - relativedelta(years=last), relativedelta(years=1)
    if part in ("middle", "mid"):
        return first + (relativedelta(days=14) if length.months else relativedelta(months=6))
    return first + length - relativedelta(days=1) if part == "end" else first


def _operation_date(normalised: str, match: re.Match) -> bool:
    """Whether the amount dates an operation ("had my knee done 2 years ago", "3 weeks post op"), with
    nothing saying the complaint began then ("since my op 3 weeks ago", "... and ever since")."""
    before = normalised[: match.start()]
    clause = re.split(r"[.,;!?]|\b(?:but|and|now|so|then|which|when)\b", before)[-1]
    operation_ago = match.group("ago") and _OPERATION.search(clause)
    post_op = re.match(r"\s+post[\s-]?op\b", normalised[match.end() :])
    return bool(operation_ago or post_op) and not re.search(r"\bsince\b", clause + normalised[match.start() :])


def _clause_before(normalised: str, start: int) -> str:
    """The words of the clause before a position: back to the last comma, full stop, "and" or "but"."""
    return _CLAUSE_BREAK.split(normalised[:start])[-1]


def _treated(normalised: str, start: int) -> bool:
    """Whether a time at this position dates a medicine or a reading, not the complaint."""
    return bool(_TREATMENT_OR_READING.search(_clause_before(normalised, start)))


def _durations(normalised: str, age: re.Match | None, today: datetime.date):
    """The amounts of time in the text that say how long something lasted or how long ago it
    started, with where each is; amounts that are an age, a frequency or a history are left out."""
    taken = 0  # the end of the last amount read, with its "and three months"
    for match in _AMOUNT.finditer(normalised):
        count = match.group("count") or ""
        # "fortnight" alone is one ("fortnight" in answer to "how long?", "nigh on fortnight").
        if not (count or match.group("half_a") or match.group("unit") == "fortnight") or match.start() < taken:
            continue
        if age and match.start() < age.end() and age.start() < match.end():
            continue
        before = normalised[: match.start()]
        complaint = _COMPLAINT_HISTORY.match(normalised, match.end())  # "a 3 week history of back pain"
        not_after = not complaint and _NOT_A_DURATION_AFTER.match(normalised, match.end())
        if not_after or _NOT_A_DURATION_BEFORE.search(before):
            continue
        plural = normalised[match.end("unit") : match.end("unit") + 1] == "s"
        if count[:1].isdigit() and not plural and not complaint and _ADJECTIVE_BEFORE.search(before):
            continue  # "a 2 hour drive", "a 10 day course"
        if match.group("half_a") and plural:
            continue  # "I work half days"
        if count in ("a", "an") and match.group("unit") == "night" and re.search(r"(?<!part )\bof\s+$", before):
            continue  # "ankles swollen of a night": at night, as northern English has it
        if _SITUATION_AFTER.match(normalised, match.end("unit")) or _SMOKING_BEFORE.search(before):
            continue
        if count in ("a", "an") and not match.group("ago") and _THINGS_BEFORE.search(before):
            continue  # "3 shifts a week"
        if _operation_date(normalised, match) or _treated(normalised, match.start()):
            continue
        step_back = r"\s+(?:on\s+)?" if match.group("ago") else r"\s+(?:last|past|gone)\s+(?:on\s+)?"
        if re.match(step_back + r"(?:" + WEEKDAYS + r")\b", normalised[match.end() :]):
            continue  # "a week ago Tuesday", "a week last Tuesday": read as a day with the weekday
        days, taken = _amount_days(match), match.end()
        more = _MORE.match(normalised, match.end())
        if more and not match.group("ago") and UNIT_DAYS[more.group("unit")] < UNIT_DAYS[match.group("unit")]:
            # "one year and three months", "1 year 3 months"
            days += float(more.group("count")) * UNIT_DAYS[more.group("unit")]
            taken = more.end()
        alternative = _ALTERNATIVE.match(normalised, taken)
        other = alternative and _AMOUNT.match(normalised, alternative.end())
        if (
            other
            and alternative.group().strip() == ","
            and (other.group("ago") or not (other.group("half") or other.group("and_half")))
        ):
            other = None  # "3 weeks, a month and a half ago I fell", "2 weeks, 3 weeks on Monday": another time
        if other and (other.group("count") or other.group("half_a") or other.group("and_half")):
            other_days, other_end = _amount_days(other), other.end()
        else:  # "a week, maybe 2": the same unit
            bare = alternative and re.match(r"(\d+)\b(?!\s*[a-z/%])", normalised[alternative.end() :])
            other_days = float(bare.group(1)) * UNIT_DAYS[match.group("unit")] if bare else 0
            other_end = alternative.end() + bare.end() if bare else taken
        if days < other_days <= 3 * days:
            days, taken = (days + other_days) / 2, other_end
        reached = None if match.group("ago") else _REACHED.match(normalised, taken)
        if reached:
            if reached.group("yesterday"):
                days += 1
            else:
                days -= 1 if reached.group("tomorrow") else _days_until(reached.group("day"), today)
        yield days, match.start(), match.group("unit") == "hour"


def parse_duration_days(text: str, today: datetime.date | None = None) -> float | None:
    """How long the complaint has lasted, in days; None when the text names no duration.

    Amounts ("for 3 weeks", "the past fortnight", "6 weeks ago") and start days ("since Tuesday",
    "since the 1st of November", "since the 3rd") are the candidates. When there are several, the
    complaint is the most recent thing the message dates: "diabetic for 10 years, feet tingling for
    3 months", "a brickie 40 years, numb leg since Thursday". A change in it ("worse the last 2
    weeks") counts only when nothing else is dated, and so does "this morning" unless it is the
    start ("since this morning"), as it often dates something else ("took ibuprofen this morning")."""
    today = today or datetime.date.today()
    normalised = _SYMPTOM_OLD.sub(r"\1", _digits(text))
    # An amount corrected: "3 weeks, no wait, 4 days", "3 weeks, no wait, closer to 4" (in weeks).
    corrected = _correction(normalised)
    head = normalised[: corrected.start()] if corrected else ""
    earlier = [m for m in _AMOUNT.finditer(head) if (m.group("count") or "a")[0].isdigit()]
    if earlier:
        own = _AMOUNT.match(normalised, corrected.start("n"))
        if own:
            return _amount_days(own)
        number = float(corrected.group("n"))
        if _near(number, float(earlier[-1].group("count"))):
            return number * UNIT_DAYS[earlier[-1].group("unit")]
    dated, changes = [], []  # changes: also hours, which mostly time a situation ("worse if I sit for 2 hours")
    for days, start, hours in _durations(normalised, _age_match(normalised), today):
        (changes if hours or _CHANGE_BEFORE.search(normalised[:start]) else dated).append(days)
    past = _PAST_UNIT.search(normalised)
    if past and _DATE_BEFORE_PAST.search(normalised[: past.start()]):
        past = None  # "since the start of last month", "Christmas last year", "in March last year"
    if past and _treated(normalised, past.start()):
        past = None  # "taking naproxen for the last week"
    if past and re.search(r"\b(?:" + WEEKDAYS + r")\s+(?:of\s+)?$", normalised[: past.start()]):
        past = None  # "since Friday last week": a day, read below
    if past and re.match(r"\s+(?:on\s+)?(?:" + WEEKDAYS + r")\b", normalised[past.end() :]):
        past = None  # "last week on Tuesday"
    if past:
        days = float(UNIT_DAYS[past.group("unit")])
        # A change, or the diagnosis's date ("meralgia dx last year, flare for 10 days now"), counts only when
        # nothing else is dated.
        before_past = normalised[: past.start()]
        later = _CHANGE_BEFORE.search(before_past) or _DIAGNOSED_BEFORE.search(before_past)
        (changes if later else dated).append(days)
    # The weekday of "3 weeks on Monday" is when the amount is reached, read with the amount above.
    starts = _REACHED_ON.sub(r"\1", normalised)
    starts = _EVENT_THEN_SINCE.sub("since ", _SINCE_EVENT.sub("since ", _NAMED_THEN_DATE.sub(r"\1 ", starts)))
    starts = _EVENT_WAS_DAY.sub("since ", starts)
    day = _dated(_BORN_ON.sub(r"\1 ", starts), today)  # a date of birth is no start ("born on 30 November 1966")
    if day is not None:
        dated.append(max(day - 1, 0.5) if day >= 1 and _DAY_AFTER.search(normalised) else day)
    if _SINCE_BORN.search(normalised):  # "baby is 4 months old ... since she was born"
        dated.extend(
            float(UNIT_DAYS[m.group("unit")] * (1 if m.group("n") in ("a", "an") else float(m.group("n"))))
            for m in _CHILD_AGE.finditer(normalised)
        )
    if re.search(r"\bday before yesterday\b", normalised):
        dated.append(2.0)
    elif any(
        not _treated(normalised, m.start()) and not _AMOUNT_REACHED_BEFORE.search(normalised[: m.start()])
        for m in re.finditer(r"\byesterday\b|\blast night\b", normalised)
    ):
        dated.append(1.0)
    today_words = r"\b(?:today|this morning|tonight|this afternoon|this arvo|this evening)\b"
    # "since morning", "from evening" (Indian English): this morning or evening.
    # Not a letter's date: "from today's clinic letter", "a letter from this morning".
    started_today = [
        m
        for m in re.finditer(_STARTED + today_words + r"(?!'s)", normalised)
        if not (m.group().startswith("from") and _DOCUMENT_BEFORE.search(normalised[: m.start()]))
    ]
    if started_today or re.search(r"\b(?:since|from)\s+(?:morning|evening)\b", normalised):
        dated.append(0.5)
    if dated or changes:
        return min(dated or changes)
    # "pain's an 8 out of 10 today" scores today's pain; it says nothing of when it began.
    today_named = [
        m
        for m in re.finditer(today_words, normalised)
        if not _treated(normalised, m.start()) and not _SEVERITY.search(_clause_before(normalised, m.start()))
    ]
    return 0.5 if today_named else None
