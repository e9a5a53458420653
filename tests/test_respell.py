import pytest


def ruler_values(nlp, text):
    return [(span.text, span.ent_id_) for span in nlp(text).ents]


@pytest.mark.parametrize(
    "text, values",
    [
        ("no sweling no rednes", [("sweling", "swelling"), ("rednes", "redness")]),
        ("numbniss in my ankel", [("numbniss", "numbness"), ("ankel", "ankle")]),
        ("is it siatica", [("siatica", "lumbar_radiculopathy")]),
        ("no fevar and i dont have diabeetis", [("fevar", "fever"), ("diabeetis", "diabetes")]),
        ("tingling in boath legs", [("tingling", "tingling"), ("boath", "both"), ("legs", "leg")]),
    ],
)
def test_a_misspelt_word_is_found_as_the_word_meant(nlp, text, values):
    assert ruler_values(nlp, text) == values


@pytest.mark.parametrize(
    "text",
    [
        "my blood test numbers were fine",  # English words close to the vocabulary's: numbness, shin
        "the sun will shine",
        "the pian",  # too far from "pain" to tell
    ],
)
def test_english_words_and_distant_slips_stay(nlp, text):
    assert [t.norm_ for t in nlp(text)] == [t.lemma_ for t in nlp(text)]


def test_the_norm_is_the_word_meants_lemma_and_the_lemma_stays(nlp):
    doc = nlp("sweling numbniss")
    assert [t.norm_ for t in doc] == ["swell", "numbness"]
    assert [t.lemma_ for t in doc] == ["sweling", "numbniss"]  # DIET's features do not change
