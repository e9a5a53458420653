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
        # Phones, doctors' notes and learners' English: curly apostrophes, "52/M", "y.o.,", "age-48",
        # "am 42yrs", Scots, and an amount of years standing alone as a clause (16 and over).
        ("I\u2019m 52 and my foot\u2019s numb", False, 52),
        ("Fourty five", True, 45),
        ("52/M", True, 52),
        ("F/29, calf pain", True, 29),
        ("BP 140/90", True, None),
        ("G'day, 55 y.o., me calf's crook", False, 55),
        ("myself Ramesh, age-48 yrs", False, 48),
        ("Pls doc am 42yrs, legs tingle", False, 42),
        ("Ah'm 54 an ma leg's numb", False, 54),
        ("hi. 86 yrs. cannot feel my feet", False, 86),
        ("leg pain started 2 wks ago. 47 yr", False, 47),
        # After a comma, years are as often how long: "back pain, 20 years" is left for the question.
        ("Hi, I am from Poland, 29 years, my knee hurt", False, None),
        ("back pain, 20 years", True, None),
        ("29 yrs", True, 29),
        ("2 yrs", True, None),  # how long, not how old
        ("12 yrs", True, None),
        ("15 (16 in march)", True, 15),
        # "At 62" gives way to a stated age; someone else by "she is", a carer's word, a list of children.
        ("My mum died at 62 of a DVT, I'm 40", False, 40),
        ("Broke my leg at 17 playing rugby, I'm 46 now", False, 46),
        ("when i was 20 i broke my leg, now at 54 it aches", False, 54),
        ("writing for my mum, she is 82, her legs are swollen", True, None),
        ("she's 78", True, 78),  # an answer about the person asked after
        ("Carer here - client is 91, calf swollen", True, None),
        ("resident aged 87, calf swelling noted today", True, None),
        ("My mummy is 68, her leg is swelling", True, None),
        ("Both my kids (6 and 9) have colds and my knees ache", True, None),
        ("my mum is 80 and i'm 55", True, 55),
        ("im in year 10 and my shins hurt", True, None),
        ("type 2", True, None),
        ("40-something, legs ache since Monday", True, None),
        ("I'm 50-odd", True, None),
        # Formal and other word orders: "a retired X of N years", "in my Nth year", "N I am", "me N year",
        # "N last birthday", "now at 83" after an "at 70".
        ("I am a retired schoolmistress of seventy-nine years and my toes are numb", False, 79),
        ("I am a retired teacher of 30 years", True, None),  # a working life
        ("I am in my eighty-fourth year", True, 83),
        ("in my 12th year of teaching", True, None),
        ("Fit as a fiddle at 70, but now at 83 I have pains in my legs", False, 83),
        ("now at 10 pm my legs ache", True, None),
        ("been twp with a bad back for a month or so, 44 I am", False, 44),
        ("Fifty-three I am, and the numbness in my toes is going on two months now", False, 53),
        ("for 10 days I am in pain", True, None),
        ("Me 54 year. Leg pain 3 week.", False, 54),
        ("it took me 10 years to get a diagnosis", True, None),
        ("Thirty nine last birthday", True, 39),
        # An age to come: "shall be", "shortly to be", "N come March", "84 in January" opening the message.
        ("I shall be ninety in March", True, 89),
        ("soon to be 50 and my knees ache", False, 49),
        ("Sixty-two come March", True, 61),
        ("84 in January, cramps for a week", True, 83),
        ("Going on 70", True, None),  # about an age
        # A number of two figures as a clause of its own, or years after a comma when the message says
        # how long some other way; not a reading's, a history's or someone else's.
        ("Rugby player, 19, dead leg from a tackle 9 days ago", False, 19),
        ("security guard, 60, standing 14 hours a day, swollen legs for about a fortnight", False, 60),
        ("Can only walk 200 yards before my calf cramps, been like this 3 months. 68.", True, 68),
        ("BP 150/95, 72, legs swollen for 2 weeks", True, None),
        ("Pain 7/10, 45, numb foot since Thursday", True, 45),
        ("dad of 3, 41, calf cramps 4 nights", True, 41),
        ("my kids are aged 14, 17, my knee hurts", True, None),
        ("my son, 14, has had knee pain for 3 weeks", True, None),
        ("leg pain started 2 wks ago, 47 yr", False, 47),
        ("Hi, I am from Poland, 29 years, my knee hurt 4 weeks already", False, 29),
        ("Got a reading of 138/88 at the pharmacy, 64 yrs, leg pain since 1st Nov", False, 64),
        ("diabetic, 20 years, feet tingling for 3 months", True, None),
        ("I work 4 on 4 off and my legs ache", True, None),  # a shift pattern
        ("born in nineteen fifty eight", True, None),  # a year of birth alone
        ("Born 1972 so 54, calf pain 2 weeks", False, 54),
        # A correction gives the age again; an apology with another number does not.
        ("I'm 48. Sorry, 49! Leg numb for a week.", False, 49),
        ("I'm 45, sorry, 4 weeks of pain", False, 45),
        ("sorry to bother you, I'm 45, pain for 3 weeks", False, 45),
        ("I'm 48. Sorry, 4 kids keep me busy", False, 48),
        ("I is 63 years, the foot giving me trouble", False, 63),  # Caribbean English
        # Years in another language; "I 52" and "Me 67" as Thai writers and BSL users write; a translation app's
        # "I count 48 years"; "I have 52." as a sentence.
        ("Norwegian, 39 år (years). My calf hurts since Tuesday.", False, 39),
        ("My husband English he 68, I 52. His leg swell since Sunday.", False, 52),
        ("Calf pain walk 1 year. Me 67. Smoke 30 year.", False, 67),
        ("Me 70 birthday last month. Foot drag 10 days.", False, 70),
        ("I count 48 years, sciatica for a month and a half", False, 48),
        ("My mother of 81 years has the foot cold since yesterday evening. I have 52.", False, 52),
        # An age still to come or gone by a month, after a comma: a year less, or as said.
        ("Custody sgt, 45 in Feb. Pins and needles in my left foot 3/52", False, 44),
        ("Barrister, 50 last March. Burning soles since October.", False, 50),
        ("Sore since the derby the Saturday before last. 47 if that matters.", True, 47),
        # The writer as someone's relative is the writer; a grandmother (gogo) and a father (mzee) are not.
        ("My father is 78, his foot is black since 4 days, I am his son, 45.", False, 45),
        ("My gogo is 79, her legs have been swollen since Easter.", True, None),
        ("Mzee (my father) aged 82 has been limping for a fortnight. I am 40 years.", False, 40),
    ],
)
def test_parse_age(text, answering, age):
    assert parse_age(text, answering=answering) == age


@pytest.mark.parametrize(
    "text, age",
    [
        # A full date of birth gives the age on the day (today is Saturday 21 November 2026); a year
        # alone does not (the birthday may be still to come), nor someone else's.
        ("DOB 14/03/1959, left foot numb for 3 weeks", 67),
        ("Date of birth: 2nd July 1980. Leg pain since Tuesday.", 46),
        ("I was born on 30 November 1966", 59),  # the birthday still to come this year
        ("I was born on the 3rd of December 1940, so I am shortly to be 86.", 85),
        ("born November 30, 1966", 59),
        ("born in 1961", None),
        ("my son was born on 2nd July 2012 and his knee hurts", None),
        ("My mum, born 14/03/1940, has swollen legs", None),
        ("DOB 1975/06/02", 51),  # the year first
        ("It's my birthday today, born 21/11/1985!", 41),  # "it" is no one else
        ("she was born 21/11/1985", None),
        ("Born 14. 3. 1971 in Ostrava.", 55),  # spaces after the dots
        ("My DOB is 22/12/1985. Burning feet from 2 months back.", 40),
    ],
)
def test_parse_age_from_date_of_birth(text, age):
    assert parse_age(text, answering=True, today=SATURDAY) == age


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
        # Short forms typed in a hurry, Scots, and clinical shorthand (N/7 days, N/52 weeks, N/12 months).
        ("numb L foot 3d", 3),
        ("sciatica 3mo on n off", 90),
        ("wait a mo", None),
        ("knee pain 4 dys", 4),
        ("hamstring tight 3+ wks", 21),
        ("cramp 3 nites running", 3),
        ("fir a couple o' weeks noo", 14),
        ("sair calf aboot a fortnight", 14),
        ("fortnight", 14),
        ("82yo F, 3/7 hx of L leg swelling", 3),
        ("Duration: 6/52", 42),
        ("R leg weak 2/12", 60),
        ("pain 24/7 for 2 weeks", 14),
        ("BP 150/90", None),
        # Learners' English: "2/3 weeks" is two or three, "since morning", "last month ending".
        ("for the past 2/3 weeks", 17.5),
        ("since 10/15 days", 12.5),
        ("pain for 1/2 an hour", None),
        ("Since morning my left foot is numb", 0.5),
        ("This pain started since last month ending", 21),
        # Dates written in numbers (only when it is clear which is the day), and more named days.
        ("since 10/28", 24),
        ("Since 28/10", 24),
        ("since 3/4", None),  # the 3rd of April or the 4th of March
        ("since Veterans Day", 10),
        ("since Hogmanay", 325),
        ("since new year's eve", 325),
        ("Since Australia Day my ankles have swollen", 299),
        ("since Remembrance Sunday", 13),
        ("australia day", None),  # no "a day" inside a word
        ("since early October", None),  # too rough to count days from
        ("since late October", None),
        # Weekdays a week or more back, or still to come.
        ("A week ago Tuesday my leg went numb", 11),
        ("It started the Monday before last", 12),
        ("since Friday last week", 8),
        ("it started last week on Wednesday", 10),
        ("2 weeks ago on Monday", 19),
        ("a week tomorrow", 6),
        ("it'll be 3 weeks on Monday since I did my back in", 19),
        ("turning 18 on tuesday and my knees hurt", None),
        ("im 14 turning 15 on dec 2, ankle swollen since sunday", 6),  # a date still to come is no start
        ("Paternity leave ends Monday. Leg pain for the past 9 days", 9),
        ("Went to urgent care on Tuesday, they said it's a pulled calf. It's been 5 days", 5),  # a visit's day
        ("went to the GP on Monday, numb foot", None),
        ("left foot numb for 10/7", 10),  # clinicians' shorthand after "for": 10 days
        ("been limping since Columbus Day", 40),
        ("since All Souls Day my knee is painful", 19),
        ("burning in my feet started right around the 4th of July", 140),
        ("My INR was 3.2 on Monday and now my leg is swollen", None),
        ("my bloods were done on Tuesday and my leg is sore", None),
        ("my leg has been sore since my bloods on Tuesday", 4),
        # Two guesses are read as the middle; a complaint's own age is how long it has lasted.
        ("hard to say, maybe 3 weeks, maybe a month", 25.5),
        ("a week, maybe two", 10.5),
        ("3 days, maybe a year", 3),
        ("This pain is 3 months old", 90),
        ("the tingling is a few weeks old", 21),
        ("my son is 3 weeks old and my legs are swollen", None),
        ("I'm 4 weeks postpartum and my legs are swollen", None),
        # A medicine's, a dose's or a reading's time is not the complaint's.
        ("Took 400mg ibuprofen 3x a day for 5 days, leg bad since the 9th", 12),
        ("I've been on gabapentin 300mg for 2 months for the nerve pain", None),
        ("3 weeks of pain despite ibuprofen", 21),
        ("my sugar was 11.2 this morning", None),
        ("took 2 ibuprofen at 10 last night and my knee still throbs", None),
        ("my leg hurts, I'm 5 days into antibiotics", None),
        ("I drink 2 litres of water a day and get cramps", None),
        ("I work 3 x 12 hour shifts a week and my calf hurts", None),
        ("foot numb 2 dys, 70 yrs", 2),  # the 70 years is an age
        # Named days as a start, also after "started", "commenced on", "began shortly after"; days that
        # move with the moon; "last year" after a day or month is the year before.
        ("I am 76. My difficulty, which commenced on Remembrance Sunday, is a burning", 13),
        ("It started around bonfire night", 16),
        ("The numbness began shortly after Christmas last year", 331),
        ("since last Christmas", 331),
        ("started just after new year", 324),
        ("it began just before Christmas last year", 331),
        ("my appointment is on Boxing Day", None),
        ("we are going away at Christmas", None),
        ("since St David's Day", 265),
        ("since Heritage Day", 58),
        ("since Canadian Thanksgiving", 40),
        ("My knees have ached since the clocks went back", 27),
        ("the clocks go back next week", None),
        ("Since Diwali my feet are burning", 13),
        ("My foot is numb since the Chinese New Year", 277),
        ("Since the end of Ramadan I have pain in both legs", 246),
        ("since Eid", 178),  # the last one: Eid al-Adha, 27 May
        ("since Easter last year", 580),
        ("since March last year", 630),
        ("since March", 265),
        # The weekend: from the Saturday of the last one over (today is a Saturday).
        ("I've had this since last weekend", 7),
        ("since the weekend", 7),
        ("I'm away at the weekend", None),
        # A day "a week last Tuesday" is a week before last Tuesday; "last month" inside a date is the date.
        ("it came on a week last tuesday", 11),
        ("since the start of last month", 51),
        ("since the middle of last month", 37),
        # Dates written the European way, day first with dots ("1.5 weeks" is an amount).
        ("Since the 01.11. I have numbness in my foot", 20),
        ("Pain since 3.11.2026 in right leg", 18),
        ("Hello, I am 43. Since the 10.11. the leg is numb.", 11),
        ("since 1.5 weeks", 10.5),
        # An event on a day of the month; a date of birth is no start; since a child was born.
        ("since my birthday on the 3rd", 18),
        ("I was born on 30 November 1966", None),
        ("I was born on the 3rd of December 1940 and my hip has hurt for some five weeks", 35),
        ("since my baby was born on the 2nd of October", 50),
        ("Baby is 4 months old, I'm 35, and my knees have ached since she was born", 120),
        # "The day after" an event that is dated: a day later; "which was the 10th" dates the event.
        ("it started the day after my birthday, which was the 10th", 10),
        ("it came on the day after the wedding, we got married on the 31st of October", 20),
        ("it started on the 10th, which was a Tuesday", 11),
        ("my birthday was the 10th", None),
        ("the day after tomorrow is my appointment", None),
        # Two guesses: "to", "closer to", a bare first number, a comma before "and a half".
        ("ten days to a fortnight", 12),
        ("two, maybe three weeks", 17.5),
        ("a month, month and a half", 37.5),
        ("about 3 weeks, maybe closer to a month", 25.5),
        ("3 weeks, a month and a half ago I fell", 21),
        ("2 weeks, 2 and a half weeks", 15.75),
        ("numb for 2 weeks, 3 weeks on Monday since I fell", 14),
        ("3 weeks to the day since I fell", 21),
        # Readings and medicines date themselves, not the complaint ("put weight on" is no reading).
        ("Temperature 37.8 yesterday, knee swollen and hot for 3 days", 3),
        ("Metformin 1g twice daily for 6 years, feet numb since the summer", None),
        ("on atorvastatin for 5 years, calves ache for 2 weeks", 14),
        ("Taking naproxen 500mg twice a day for the last week, leg pain for 3 weeks", 21),
        ("my little girl won't put weight on her leg since yesterday", 1),
        # How often the complaint comes is no medicine.
        ("cramps twice a day for 2 weeks", 14),
        ("the tingling comes 3 times a day for the last week or so", 7),
        # A corrected amount, in its own unit or in the one it corrects; an apology is no correction.
        ("3 weeks, no wait, closer to 4 actually", 28),
        ("numb for two weeks, I mean three", 21),
        ("3 weeks, no wait, 4 days", 4),
        ("pain for 3 weeks, sorry for rambling, I'm 45", 21),
        ("pain 3 weeks, sorry, 2/10 pain", 21),
        ("pain for 3 weeks, sorry, 45 and diabetic", 21),
        ("sorry, 2 hours ago I took paracetamol, leg pain for 5 days", 5),
        # A weekday with a start word in its clause is the start, not one that dates something else;
        # "every Wednesday" is how often.
        ("the physio saw me on Monday but the tingling only began on Thursday", 2),
        ("went to a party on Saturday and the ache came on Sunday", 6),
        ("I swim every Wednesday and my foot has been numb since Friday", 1),
        ("I babysit each Thursday, knee swollen for a week", 7),
        # An amount counted to a day: before it ("a month last Friday"), a day ago ("yesterday"), or
        # still to come ("this Thursday coming", Scots "the morra").
        ("my shin has been numb a month last Friday", 31),
        ("it was a fortnight ago on Thursday that my knee swelled", 16),
        ("two weeks yesterday since the tingling began", 15),
        ("it'll be six weeks this Thursday coming", 37),
        ("ma foot's been numb a week the morra", 6),
        # Two guesses joined by "between ... and ...", each with its unit; "half of year"; keycap emoji.
        ("somewhere between 10 months and a year", 332.5),
        ("between five days and a week", 6),
        ("calf ache for half of year", 182.5),
        ("numb toes 2\ufe0f\u20e3 weeks", 14),
        # A pain score for today says nothing of when the pain began.
        ("the ache is a 7 out of 10 today", None),
        # Dates after more start words ("noticed", a form's "onset"), with the weekday first, a day
        # of last month, parts of a week, weekends further back, "just before" a named day.
        ("first noticed it 9th November", 12),
        ("Onset: 02.11.2026", 19),
        ("it came on Tuesday 10th November", 11),
        ("since the 12th of last month", 40),
        ("since last October", 51),
        ("my knee has ached since the start of the week", 5),
        ("the cramps began at the end of last week", 8),
        ("it started the weekend before last", 14),
        ("my shin has hurt since two weekends ago", 14),
        ("numb since just before Christmas", 331),
        # Days counted from Easter, bank holidays named by their month or season, other countries' days.
        ("my ankle has been sore since Good Friday", 232),
        ("since Shrove Tuesday", 277),
        ("numb since the spring bank holiday", 180),
        ("it started after the Super Bowl", 286),
        # A course of treatment is not the complaint; a decimal comma; the year first; the day after a
        # named day; a letter's shorthand with "history".
        ("having this since 3 weeks. Already taken 5 days course of tablets", 21),
        ("finished a 5 day course of antibiotics", None),
        ("since 1,5 week", 10.5),
        ("from 2026/10/30 my right leg is numb", 22),
        ("since 2026-11-02", 19),
        ("it started the day after Halloween", 20),
        ("since the day after Remembrance Sunday", 12),
        ("presents with a 2/12 history of right leg pain", 60),
        ("1/52 hx of calf pain", 7),
        # A history of the complaint written out is how long it has lasted, not one of something else.
        ("a 3 week history of back pain radiating to the leg", 21),
        ("one month history of bilateral foot numbness", 30),
        ("a 10 year history of diabetes", None),
        # A letter's date is not a start; a diagnosis's year counts only when nothing else is dated; words between
        # the complaint and its age; the Dutch King's Day.
        ("From today's clinic letter: a 2/12 history of right leg pain", 60),
        ("the letter from this morning says 3 weeks of calf pain", 21),
        ("pain since this morning", 0.5),
        ("51, meralgia dx last year, flare for 10 days now", 10),
        ("diagnosed with sciatica last year", 365),
        ("The new numbness in my thigh is four weeks old.", 28),
        ("numb thigh since King's Day", 208),
        # A day named, then its date: the date says which.
        ("The tingling started on Independence Day, October 1.", 51),
        ("Problem start from All Saints, 1 November, when I drive to Poland", 20),
        # A clinician's shorthand history longer than its unit.
        ("Mrs K, aged 72, 10/7 of back pain radiating to the left buttock", 10),
        ("18/12 hx of bilateral foot numbness", 540),
        ("seen on 10/7, pain since", None),
        # How long the diabetes has lasted is not the complaint's; a day without "the"; a date, then "started".
        ("Type 2 for 15 years, numb soles since the spring", None),
        ("pain started on 2nd of this month", 19),
        ("on 2nd shift my leg went numb", None),
        ("43yo, 31/10/2026 it started, L5 on the scan", 21),
        # A Sunday league is no Sunday; "of a night" is at night.
        ("It'll be a fortnight on Monday since I got the cramp. I'm 29, play Sunday league.", 12),
        ("I'm 34, ankles swollen of a night this last month.", 30),
        # Named days of more countries, and a named day's "last year".
        ("Since Mother's Day, me feet have been numb.", 251),
        ("Since Valborg last year my feet are cold and white.", 570),
        ("My feet have been cold since Lucia was born.", None),  # a daughter, not St Lucia's day
        ("Numbness in the foot since Midsummer.", 155),
        ("the pain in the back is since Valborg", 205),
        ("Since Nowruz I have this pain in the back of the leg.", 245),
        ("numb foot since Songkran ka", 222),
        ("Since Lebaran this year my feet burn", 246),
        ("since Imlek I have this pain in the hip", 277),
        ("Since 17 Agustus (Independence Day) I have back pain.", 96),
        ("Knee swollen since Martinmas.", 10),
        ("Right knee sore since Black Friday last year.", 358),
        ("Since Kadooment Day my calf does cramp up every night.", 110),
        ("the swelling started the day of Eid al-Adha", 178),
        # A week number; a date after a named event, "that is" or a clause; formal prose; a year after the date.
        ("The tingling is there since week 44.", 26),
        ("I'm 30 weeks pregnant, swollen ankles since week 28", None),
        ("Back pain down my leg since our Christmas party, the 14th of December.", 342),
        ("Onset on the first day of term, 28 September.", 54),
        ("Pain since 1 Aban, that is 23 October.", 29),
        ("White numb toes since the water dropped below 10, about the middle of October.", 37),
        ("Onset was on the evening of 9 November; it has persisted since.", 12),
        ("The difficulty began on or about 1 October 2026.", 51),
        ("Pain start 13 November.", 8),
        ("numb since 3 March 2025", 628),
        # An injury dates the start; an amount corrected with "it's nearer".
        ("Sunday league, 30 years old, took a kick to the shin on the 8th.", 13),
        ("Got hit by a pallet truck on the 9th, ankle still swollen", 12),
        ("It's not 2 week, it's nearer 3 now I think about it.", 21),
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
