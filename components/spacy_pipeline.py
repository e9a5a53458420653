"""Builds the project's own spaCy pipeline, which Rasa's SpacyNLP loads (config.yml).

spaCy's official English pipelines cannot be downloaded here, so the pipeline is made from the
project's files: spaCy's English tokenizer, lemmas from spaCy's lookup tables (spacy-lookups-data),
norms that are the lemmas, of the word meant where a word is misspelt (components/respell.py), a
sentencizer (ConText's scope ends at a sentence), and an entity ruler that marks, by norm, the
everyday words for every entity value (symptoms, places, sides, facts, conditions), taken from
the synonyms in data/nlu/vocabulary.yml. Run: python -m components.spacy_pipeline [output folder]
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import spacy
import yaml
from spacy.language import Language

ROOT = Path(__file__).resolve().parent.parent
VOCABULARY = ROOT / "data" / "nlu" / "vocabulary.yml"
OUTPUT = ROOT / "models" / "spacy" / "leg_en"
DATA = ROOT / "data"
# Shorter synonyms ("r" for right) are left to DIET, which sees their context.
MIN_LENGTH = 3
_ANNOTATION = re.compile(r"\]\((\w+):(\w+)\)|\"entity\": \"(\w+)\", \"value\": \"(\w+)\"")


def entity_types() -> dict[str, str]:
    """Canonical value -> entity type, as the training data annotates them."""
    types = {}
    for path in [DATA / "nlu.yml", *sorted((DATA / "nlu").glob("*.yml"))]:
        for match in _ANNOTATION.finditer(path.read_text()):
            kind, value = (match.group(1), match.group(2)) if match.group(1) else (match.group(3), match.group(4))
            types.setdefault(value, kind)
    return types


def vocabulary_patterns(path: Path = VOCABULARY) -> list[dict]:
    """Entity-ruler patterns: each synonym (and the value itself) labelled with its entity type,
    its canonical value as the pattern id."""
    types = entity_types()
    patterns = []
    for item in yaml.safe_load(path.read_text())["nlu"]:
        value = item.get("synonym")
        if value not in types:
            continue
        words = [line[2:].strip() for line in item["examples"].splitlines() if line.strip().startswith("- ")]
        for phrase in dict.fromkeys([value.replace("_", " "), *words]):
            if len(phrase) >= MIN_LENGTH:
                patterns.append({"label": types[value], "pattern": phrase.lower(), "id": value})
    return patterns


def build() -> Language:
    nlp = spacy.blank("en")
    nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    nlp.add_pipe("respell")  # components/respell.py: norms are lemmas, a misspelt word's the word meant's
    nlp.add_pipe("sentencizer")
    ruler = nlp.add_pipe("entity_ruler", config={"phrase_matcher_attr": "NORM"})
    nlp.initialize()  # loads the lemma tables, which the ruler needs to read its patterns
    ruler.add_patterns(vocabulary_patterns())
    return nlp


if __name__ == "__main__":
    output = Path(sys.argv[1]) if len(sys.argv) > 1 else OUTPUT
    output.parent.mkdir(parents=True, exist_ok=True)
    build().to_disk(output)
    print(f"spaCy pipeline written to {output}")
