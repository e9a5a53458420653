"""The held-out NLU sets are big enough once the few stock phrases that the training data happens
to share ("yes", "both", "what is sciatica?") are left out, as scripts/evaluate_nlu.py leaves them."""

from pathlib import Path

import pytest
from rasa.shared.nlu.training_data.loading import load_data

from scripts.evaluate_nlu import normalised, training_texts

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize("name", ["test.yml", "dev.yml"])
def test_each_held_out_set_has_300_messages_not_in_the_training_data(name):
    trained = training_texts()
    held_out = [m.get("text") for m in load_data(str(ROOT / "tests" / "nlu" / name)).training_examples]
    unseen = [text for text in held_out if normalised(text) not in trained]
    assert len(unseen) >= 300


def test_no_synonym_turns_one_canonical_value_into_another():
    # Rasa's EntitySynonymMapper ignores the entity type: a synonym "wound" -> foot_ulcer also turned
    # the problem "wound" (a graze, asked about infection) into a foot ulcer.
    data = load_data(str(ROOT / "data" / "nlu")).merge(load_data(str(ROOT / "data" / "nlu.yml")))
    canonical = {entity["value"] for example in data.entity_examples for entity in example.get("entities")}
    clashes = {form: value for form, value in data.entity_synonyms.items() if form in canonical and form != value}
    assert clashes == {}
