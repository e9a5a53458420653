from components.canonical_values import CanonicalEntityValues

FORMS = {
    "body_part": {"toes": "toes", "third and fourth toes": "toes", "foot": "foot", "feet": "foot"},
    "symptom": {"pain": "pain", "hurts": "pain"},
}


def mapper():
    return CanonicalEntityValues(model_storage=None, resource=None, surface_forms=FORMS)


def test_a_span_a_word_too_long_is_mapped_to_the_longest_known_form_inside_it():
    assert mapper().canonical("body_part", "my third and fourth toes", "my third and fourth toes") == "toes"


def test_canonical_values_pass_through():
    assert mapper().canonical("symptom", "pain", "hurts") == "pain"


def test_a_span_with_no_known_form_is_dropped():
    assert mapper().canonical("body_part", "elbow", "elbow") is None


def test_known_forms_match_whole_words_only():
    assert mapper().canonical("body_part", "feetish", "feetish") is None


def test_entity_types_without_training_examples_are_left_alone():
    assert mapper().canonical("number", "45", "45") == "45"
