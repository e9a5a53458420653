import pytest

from components.negation import is_negated


def negated(text, word):
    start = text.index(word)
    return is_negated(text, start, start + len(word))


@pytest.mark.parametrize(
    "text, word, expected",
    [
        ("I have tingling in my left foot but no back pain", "back", True),
        ("I have tingling in my left foot but no back pain", "tingling", False),
        ("I don't have any numbness or tingling", "numbness", True),
        ("I don't have any numbness or tingling", "tingling", True),
        ("not in my right leg", "right", True),
        ("it's in my left leg, not my right", "left", False),
        ("it's in my left leg, not my right", "right", True),
        ("wee and poo normal, but now both legs are weak", "wee", True),
        ("wee and poo normal, but now both legs are weak", "weak", False),
        ("my bladder is fine", "bladder", True),
        ("numbness in my foot, back is ok", "back", True),
        ("numbness in my foot, back is ok", "foot", False),
        ("No, but my calf is swollen", "swollen", False),
        ("I can't feel my toes", "toes", False),
        ("I can't lift my foot", "foot", False),
        ("no back pain, just tingling in my toes", "tingling", False),
        ("I don't have back pain and my toes are numb", "numb", False),
        ("never had any weakness", "weakness", True),
    ],
)
def test_negation(text, word, expected):
    assert negated(text, word) is expected
