"""The emergency check after the intent classifier, on the project's spaCy pipeline and ConText rules."""

import pytest

from components.emergency_check import checked_intent, emergency_patterns, named_emergencies


@pytest.fixture(scope="module")
def patterns():
    return emergency_patterns()


@pytest.mark.parametrize(
    "text, reading",
    [
        ("I swallowed 40 paracetamol an hour ago", "named"),
        ("took a whole packet of pills on purpose", "named"),
        ("I've necked all my tablets", "named"),
        ("been vomiting blood for the last hour", "named"),
        ("my friend took a load of pills and won't wake up", "named"),  # a bystander's 999 too
        ("sciatica for years and honestly I don’t want to be alive", "named"),  # curly apostrophe
        ("I think I'm having a stroke", "named"),
        ("I'm not suicidal, just fed up", "denied"),
        ("never self harmed", "denied"),
        ("no thoughts of suicide, just want the leg sorted", "denied"),
        ("vomiting blood, collapsed, fitting - none of the above", "denied"),  # the whole list denied
        # Everyday words near the patterns name nothing.
        ("I took 2 paracetamol and it didn't help", "none"),
        ("I took 30 minutes to walk to the shop", "none"),
        ("I hurt myself lifting a box", "none"),
        ("an odd tingling in my foot", "none"),
        ("I had a seizure years ago, none since", "none"),
        ("my calf is killing me", "none"),
        ("I can't wake up in the mornings without pain", "none"),
        ("my left foot feels asleep and won't wake up", "none"),
        ("I stopped my tablets on purpose", "none"),
        ("I carry an epipen for nuts", "none"),
    ],
)
def test_named_emergencies_and_whether_each_is_denied(nlp, context, patterns, text, reading):
    denied = named_emergencies(nlp(text), patterns, context)
    assert reading == ("none" if not denied else "denied" if all(denied) else "named")


RANKING = [
    {"name": "emergency_out_of_scope", "confidence": 0.6},
    {"name": "greet", "confidence": 0.2},
    {"name": "inform", "confidence": 0.15},
]
CHEST_PAIN = {"entity": "finding", "value": "breathless_or_chest_pain", "start": 3, "end": 13}
INFORM = {"name": "inform", "confidence": 0.15}
EMERGENCY = {"name": "emergency_out_of_scope", "confidence": 0.6}


@pytest.mark.parametrize(
    "intent, named, entities, expected",
    [
        # A named emergency, not denied, wins over the classifier.
        (INFORM, [False], [], EMERGENCY),
        (INFORM, [True, False], [], EMERGENCY),
        # Every emergency named is denied: an answer, read as inform (not the ranking's next, "greet").
        (EMERGENCY, [], [{**CHEST_PAIN, "role": "negated"}], INFORM),
        (EMERGENCY, [True], [], INFORM),
        (EMERGENCY, [True], [{**CHEST_PAIN, "role": "negated"}, {**CHEST_PAIN, "role": "negated"}], INFORM),
        # Anything short of that keeps the classifier's emergency.
        (EMERGENCY, [], [], EMERGENCY),
        (EMERGENCY, [], [{**CHEST_PAIN, "role": None}], EMERGENCY),
        (EMERGENCY, [], [{**CHEST_PAIN, "role": "negated"}, {**CHEST_PAIN, "role": None}], EMERGENCY),
        (EMERGENCY, [], [{**CHEST_PAIN, "role": "other_person"}], EMERGENCY),
        (EMERGENCY, [], [{**CHEST_PAIN, "role": "hypothetical"}], EMERGENCY),
        (EMERGENCY, [], [{"entity": "symptom", "value": "numbness", "role": "negated"}], EMERGENCY),
        # Nothing named: the classifier's intent stands.
        (INFORM, [], [], INFORM),
        (
            {"name": "greet", "confidence": 0.9},
            [],
            [{**CHEST_PAIN, "role": "negated"}],
            {"name": "greet", "confidence": 0.9},
        ),
    ],
)
def test_checked_intent(intent, named, entities, expected):
    assert checked_intent(intent, RANKING, named, entities) == expected
