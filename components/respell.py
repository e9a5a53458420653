"""The spaCy pipeline's "respell" component: each word's norm is its lemma, and a misspelt word's
norm is the lemma of the vocabulary word it is a slip for ("sweling" swell, "numbniss" numbness,
"siatica" sciatica, "fevar" fever). The entity ruler matches by norm, so it finds the word meant and
components/clinical_context.py adds it where DIET missed it. Lemmas stay as they are: DIET's word
features, and so the trained model, do not change. The vocabulary is the entity ruler's
(data/nlu/vocabulary.yml); which words count as slips: actions/triage/spelling.py.
"""

# No `from __future__ import annotations`: spaCy reads the factory's argument types at run time.

from spacy.language import Language
from spacy.tokens import Doc

from actions.triage.spelling import Respeller


@Language.factory("respell")
def make_respell(nlp: Language, name: str) -> "Respell":
    return Respell(nlp)


class Respell:
    def __init__(self, nlp: Language) -> None:
        self.nlp = nlp
        self.respeller: Respeller | None = None
        self.lemmas: dict | None = None

    def _vocabulary(self) -> Respeller | None:
        """The ruler's words and the lemma table, once the ruler has its patterns (the ruler runs the
        pipeline before it, this component too, on its own patterns as it loads them)."""
        patterns = self.nlp.get_pipe("entity_ruler").patterns
        if patterns:
            self.lemmas = self.nlp.get_pipe("lemmatizer").lookups.get_table("lemma_lookup")
            self.respeller = Respeller(word for pattern in patterns for word in pattern["pattern"].split())
        return self.respeller

    def __call__(self, doc: Doc) -> Doc:
        respeller = self.respeller or self._vocabulary()  # none yet: the ruler's own patterns, none misspelt
        for token in doc:
            word = respeller.respell(token.lower_) if respeller and token.is_alpha else token.lower_
            token.norm_ = token.lemma_ if word == token.lower_ else self.lemmas.get(word, word)
        return doc
