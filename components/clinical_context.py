"""What each mention means in its context: denied, hypothetical, someone else's, and where.

Runs after DIET on the doc made by the project's spaCy pipeline (components/spacy_pipeline.py):
1. Vocabulary: mentions that the pipeline's entity ruler found and DIET did not are added, so a
   known word in an unseen sentence is not lost.
2. Context: medspaCy's ConText (Harkema et al., 2009) sets the role of each mention: "negated"
   ("no back pain", "my bladder is fine"), "hypothetical" ("worried it could be sciatica", "what if
   it goes numb") or "other_person" ("my mum had a clot"). The rules are medspaCy's English set
   with the domain's additions and removals in context_rules.yml.
3. Groups: symptoms, body parts and sides said together ("burning in my left thigh and tingling in
   my toes") get the same entity group.
"""

from __future__ import annotations

import functools
import json
import re
from pathlib import Path
from typing import Any

import medspacy
import medspacy.context.context_modifier
import yaml
from medspacy.context import ConText, ConTextRule
from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.constants import SPACY_DOCS
from rasa.nlu.utils.spacy_utils import SpacyModel
from rasa.shared.nlu.constants import (
    ENTITIES,
    ENTITY_ATTRIBUTE_END,
    ENTITY_ATTRIBUTE_GROUP,
    ENTITY_ATTRIBUTE_ROLE,
    ENTITY_ATTRIBUTE_START,
    ENTITY_ATTRIBUTE_TYPE,
    ENTITY_ATTRIBUTE_VALUE,
    EXTRACTOR,
    TEXT,
)
from rasa.shared.nlu.training_data.message import Message
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

RULES = Path(__file__).with_name("context_rules.yml")
MEDSPACY_RULES = Path(medspacy.__file__).resolve().parent.parent / "resources" / "en" / "context_rules.json"
# Without a limit a cue reaches the end of the sentence; lists of denials are rarely longer.
MAX_SCOPE = 10
# The first role that applies wins. Hypothetical and someone else's mentions come before
# "negated" because a wrong "no" to a red flag skips its question; they leave it to be asked.
ROLES = (("is_family", "other_person"), ("is_hypothetical", "hypothetical"), ("is_uncertain", "hypothetical"),
         ("is_negated", "negated"))  # fmt: skip
VOCABULARY_TYPES = ("symptom", "body_part", "side")
# Words that start a new clause: symptoms and places on either side are not linked.
CLAUSE_BREAKS = {"but", "however", "whereas", "while", "whilst", "although", "though", "tho", "also", ";"}
# A link across "and" or a comma costs this many words: in "burning in my thigh and tingling in my
# toes" the tingling belongs to the toes, though the thigh is as near.
LIST_BREAKS = {"and", ",", "&", "plus", "or"}
CROSSING_COST = 5


def _overlaps_either_way(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


# medspaCy 1.3.1 decides whether a terminating cue ("but", ", my") can end a negation's scope with
# a test that misses the case where one scope contains the other, which is the usual case for
# short messages: in "haven't fallen, it just came on out of the blue" the "haven't" reached "out
# of the blue". Its modifiers use this symmetric test instead.
medspacy.context.context_modifier.tuple_overlaps = _overlaps_either_way


def context_rules(path: Path = RULES) -> list[ConTextRule]:
    """medspaCy's English rules minus the removed ones, plus the domain's, each reaching at most
    MAX_SCOPE words and never past its sentence."""
    settings = yaml.safe_load(path.read_text())
    removed = set(settings["remove_default"])
    defaults = json.loads(MEDSPACY_RULES.read_text())["context_rules"]
    defaults = [rule for rule in defaults if rule["literal"] not in removed]
    rules = []
    for rule in [*defaults, *settings["rules"]]:
        rule = {"max_scope": MAX_SCOPE, **rule}
        if "allowed_types" in rule:
            rule["allowed_types"] = set(rule["allowed_types"])
        rules.append(ConTextRule(**rule))
    return rules


# The rules for a new clause after a comma (context_rules.yml) start at the word after it: a rule that took
# the comma in would overlap a denial that ends there, and the longer of two overlapping matches wins, so
# "swelling? no, the pain is bad" and "fever nil, leg is numb" lost their denials.
if not Token.has_extension("after_comma"):
    Token.set_extension("after_comma", getter=lambda token: token.i > 0 and token.nbor(-1).text in (",", ";"))


@functools.lru_cache(maxsize=1)
def build_context(nlp: Language) -> ConText:
    """One ConText per spaCy pipeline, shared by ClinicalContext and EmergencyCheck."""
    # No max_scope here: given to ConText itself, it replaces the sentence as the limit of every
    # cue ("could it be sciatica? no back pain" would make the denial hypothetical).
    context = ConText(nlp, rules=None)
    context.add(context_rules())
    return context


def _overlaps(start: int, end: int, entities: list[dict[str, Any]]) -> bool:
    return any(start < e[ENTITY_ATTRIBUTE_END] and e[ENTITY_ATTRIBUTE_START] < end for e in entities)


def _trim(doc: Doc, entity: dict[str, Any]) -> None:
    """Narrows a model's span to the ruler's span of the same value inside it, when the rest is
    another mention ("left foot" as a side) or only small words ("between my third and fourth
    toes"), so that the rest can be found on its own and spans stay the same from model to model."""
    start, end = entity[ENTITY_ATTRIBUTE_START], entity[ENTITY_ATTRIBUTE_END]
    inside = [span for span in doc.ents if start <= span.start_char and span.end_char <= end]
    same = [
        s for s in inside if s.label_ == entity[ENTITY_ATTRIBUTE_TYPE] and s.ent_id_ == entity[ENTITY_ATTRIBUTE_VALUE]
    ]
    if not same or (same[0].start_char, same[0].end_char) == (start, end):
        return
    kept = same[0]
    rest = [t for t in doc.char_span(start, end, alignment_mode="expand") if not kept.start <= t.i < kept.end]
    if any(span.label_ != kept.label_ for span in inside) or all(t.is_stop or t.is_punct for t in rest):
        entity[ENTITY_ATTRIBUTE_START], entity[ENTITY_ATTRIBUTE_END] = kept.start_char, kept.end_char


# A fact said with a place in it ("a knee op", "hip replacement") is not a complaint about the place.
PLACE_IN_FACT = {"recent_immobility_travel_surgery"}


def _widen(doc: Doc, entities: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """A known fact the model read as only the symptoms inside it ("no chest pain" as pain, "I can't
    feel the toilet paper" as numbness, "hot and cold sweats" as redness and coldness) becomes the
    ruler's fact, when the mentions inside the ruler's span are all symptoms (or, for a recent
    operation, places: "knee op") or parts of that fact."""
    for span in doc.ents:
        if span.label_ != "finding":
            continue
        inside = [e for e in entities if _overlaps(span.start_char, span.end_char, [e])]
        if not inside or any(
            not (span.start_char <= e[ENTITY_ATTRIBUTE_START] and e[ENTITY_ATTRIBUTE_END] <= span.end_char)
            for e in inside
        ):
            continue
        kinds = {
            "symptom" if e[ENTITY_ATTRIBUTE_TYPE] == "symptom"
            else "place" if e[ENTITY_ATTRIBUTE_TYPE] == "body_part" and span.ent_id_ in PLACE_IN_FACT
            else "same" if e[ENTITY_ATTRIBUTE_TYPE] == "finding" and e[ENTITY_ATTRIBUTE_VALUE] == span.ent_id_
            else "other"
            for e in inside
        }  # fmt: skip
        if "other" in kinds or kinds == {"same"}:
            continue
        entity = inside[0]
        entity.update({
            ENTITY_ATTRIBUTE_TYPE: "finding", ENTITY_ATTRIBUTE_VALUE: span.ent_id_,
            ENTITY_ATTRIBUTE_START: span.start_char, ENTITY_ATTRIBUTE_END: span.end_char,
        })  # fmt: skip
        entity.pop("confidence_entity", None)
        entities = [e for e in entities if not any(e is other for other in inside[1:])]
    return entities


POSSESSIVES = {"my", "me", "ma", "his", "her", "their", "your", "our", "the", "lower", "low", "upper", "mid", "middle",
               "bad", "sore", "achy", "stiff", "a"}  # fmt: skip
# "came back", "20 years back", "flew back from Dubai": the word, not the place.
BACK_NOT_PLACE_BEFORE = {"years", "year", "weeks", "week", "months", "month", "days", "day", "ago", "way", "came",
                         "come", "comes", "coming", "went", "flew", "flown", "flying", "drove", "driving", "flight",
                         "trip", "bounced", "cut", "cutting", "fight", "fought", "holding", "held", "hold",
                         "straight"}  # fmt: skip
SIDE_NOT_BEFORE = {"through", "now", "away", "after", "before", "here", "there", "into", "across", "round", "around",
                   "over", "enough", "off", "out", "at", "to", "from", "as", "when", "then", "up", "down", "back", "in",
                   "on", "again", "this", "the", "a", "i", "it", "thing", "way", "?", ".", "!", "..."}  # fmt: skip
SADDLE_SEAT_BEFORE = {"bike", "bicycle", "cycle", "cycling", "racing", "horse", "horse's", "pony", "turbo", "spin",
                      "peloton", "exercise", "motorbike", "leather", "gel"}  # fmt: skip
TRIP_AS_JOURNEY_BEFORE = {"a", "the", "my", "our", "this", "that", "next", "last", "long", "haul", "road", "coach",
                          "car", "bus", "train", "boat", "day", "business", "school", "holiday", "weekend",
                          "shopping", "work", "camping", "ski", "fishing", "round"}  # fmt: skip
HEAT_THINGS = {"pack", "packs", "pad", "pads", "patch", "patches", "rub", "gel", "lamp", "helps", "help", "helped",
               "rash", "wave", "therapy", "treatment", "wrap", "wraps", "seems", "does"}  # fmt: skip
FAMILY_WORDS = {"parents", "mum", "mom", "dad", "kids", "children", "sisters", "brothers", "grandparents", "sons",
                "daughters", "nans", "grans"}  # fmt: skip


def _misread(doc: Doc, entity: dict[str, Any], entities: list[dict[str, Any]]) -> bool:
    """Everyday words read as a mention: "r" for "are" ("legs r fine"), "right" for "just" ("sleep right
    through"), "back" for "again" ("came back", "20 years back") or a leg's back ("the back of my
    knee"), "a cold" for the illness, "red flags", "both my parents", "both sides of my family", "a day
    trip"."""
    span = doc.char_span(entity[ENTITY_ATTRIBUTE_START], entity[ENTITY_ATTRIBUTE_END], alignment_mode="expand")
    if span is None:
        return False
    if (
        entity[ENTITY_ATTRIBUTE_TYPE] == "side"
        and span[0].lower_ == "both"
        and any(t.lower_ in {"family", "families"} for t in doc[span.start : span.start + 6])
    ):
        return True  # "cancer on both sides of my family"
    if entity[ENTITY_ATTRIBUTE_VALUE] == "cramp_over_10_minutes" and span[0].lower_ == "last" and span.start > 0:
        return doc[span.start - 1].lower_ in {"my", "the", "a", "this", "that", "our", "his", "her", "their", "your"}
    if len(span) != 1:
        return False
    word = span.text.lower()
    before = doc[span.start - 1].lower_ if span.start > 0 else ""
    after = doc[span.end].lower_ if span.end < len(doc) else ""
    # "on the saddle", "off the loo": a thing one sits on.
    sat_on = before == "the" and span.start > 1 and doc[span.start - 2].lower_ in {"on", "off", "from"}
    following = {e[ENTITY_ATTRIBUTE_TYPE] for e in entities if span.end < len(doc) and
                 e[ENTITY_ATTRIBUTE_START] <= doc[span.end].idx < e[ENTITY_ATTRIBUTE_END]}  # fmt: skip
    kind, value = entity[ENTITY_ATTRIBUTE_TYPE], entity[ENTITY_ATTRIBUTE_VALUE]
    if kind == "side" and before not in POSSESSIVES | {"on", "'s"}:
        if word == "r" and "body_part" not in following:
            return True
        if word == "right" and after in SIDE_NOT_BEFORE:
            return True
    if kind == "side" and value == "both" and any(t.lower_ in FAMILY_WORDS for t in doc[span.end : span.end + 3]):
        return True
    if kind == "symptom" and value == "foot_drop" and word in {"trip", "trips"} and before in TRIP_AS_JOURNEY_BEFORE:
        return True  # "a long-haul trip", "road trips": a journey, not tripping over the foot
    not_a_place = after == "of" or (
        before not in POSSESSIVES and (before in BACK_NOT_PLACE_BEFORE or after in {"from", "home"})
    )
    if kind == "body_part" and value == "lower_back" and word == "back" and "symptom" not in following and not_a_place:
        return True
    if kind == "body_part" and value == "saddle_area" and word == "saddle":
        # A bike's or a horse's saddle ("worse on the bike saddle", "sitting on the saddle"), not the
        # body's saddle area ("numb in the saddle" stays).
        return before in SADDLE_SEAT_BEFORE or sat_on
    if kind == "finding" and value == "bladder_bowel_changes" and word in {"toilet", "loo"}:
        # Where one sits ("fizzy when i sit on the loo"), not what the bladder does ("no probs with toilet").
        return sat_on
    if kind == "symptom" and value == "redness" and word == "heat":
        # Heat used as a treatment or in a name ("a heat pack helps", "heat rash"), not a hot limb ("no heat in it").
        return after in HEAT_THINGS or before in {"apply", "applying", "applied", "use", "using", "used", "some"}
    if kind == "problem" and value == "wound" and word in {"cut", "cuts", "cutting"}:
        return after in {"down", "back", "out", "off", "up", "short"}  # "cut down on smoking", not a cut
    if kind == "finding" and value == "trauma" and word in {"fall", "falls", "fell", "fallen", "falling"}:
        return after == "asleep"  # "my leg has fallen asleep" is pins and needles, not a fall
    if kind == "body_part" and value == "heel" and word in {"healed", "healing", "heals"}:
        return True  # "heal" is a misspelt heel, but "the wound healed well" is no heel
    if kind == "symptom" and value == "redness" and word == "red" and after in {"flag", "flags"}:
        return True  # "no red flags", "red flag symptoms"
    if kind == "symptom" and value == "coldness" and word == "cold" and before == "a" and not following:
        return after not in {"feeling", "sensation", "patch", "spot", "tingle", "tingling", "numbness"}
    return False


# A plural that names a thing, not a feeling: "no sores on my feet" are ulcers, not soreness (the ruler
# reads "sores" by its lemma, "sore").
THINGS = {"sores": ("finding", "foot_ulcer")}


def drop_misreadings(doc: Doc, entities: list[dict[str, Any]]) -> list[dict[str, Any]]:
    kept = [e for e in entities if not _misread(doc, e, entities)]
    for entity in kept:
        thing = THINGS.get(doc.text[entity[ENTITY_ATTRIBUTE_START] : entity[ENTITY_ATTRIBUTE_END]].lower())
        if thing:
            entity[ENTITY_ATTRIBUTE_TYPE], entity[ENTITY_ATTRIBUTE_VALUE] = thing
    return kept


def _mention(kind: str, value: str, start: int, end: int, role: str | None = None) -> dict[str, Any]:
    """An entity this component adds: from the ruler, or a denial read from the words."""
    mention = {ENTITY_ATTRIBUTE_TYPE: kind, ENTITY_ATTRIBUTE_VALUE: value, ENTITY_ATTRIBUTE_START: start,
               ENTITY_ATTRIBUTE_END: end, EXTRACTOR: "ClinicalContext"}  # fmt: skip
    if role:
        mention[ENTITY_ATTRIBUTE_ROLE] = role
    return mention


def vocabulary_entities(doc: Doc, entities: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The ruler's mentions that no entity already covers (after trimming the model's spans, and
    widening a symptom to the known fact around it)."""
    for entity in entities:
        _trim(doc, entity)
    entities[:] = _widen(doc, entities)
    return [
        _mention(span.label_, span.ent_id_, span.start_char, span.end_char)
        for span in doc.ents
        if not _overlaps(span.start_char, span.end_char, entities)
    ]


def set_roles(doc: Doc, entities: list[dict[str, Any]], context: ConText) -> None:
    if len(doc) and not doc[-1].is_punct:
        # A bare "no" at the very end ("weakness? no", "redness no") is read as "no." is: a reply
        # about what came before. The full stop goes after the text, so the offsets stay the same.
        doc = context.nlp(doc.text + " .")
    named = [(s.start_char, s.end_char, s.label_, s.ent_id_) for s in doc.ents if s.label_ in ("condition", "problem")]
    spans: dict[int, Span] = {}
    for index, entity in enumerate(entities):
        span = doc.char_span(
            entity[ENTITY_ATTRIBUTE_START], entity[ENTITY_ATTRIBUTE_END], label=entity[ENTITY_ATTRIBUTE_TYPE],
            alignment_mode="expand",
        )  # fmt: skip
        # A model's span that takes in a cue's words ("no [history of cancer]") is read from its fact,
        # or the cue, overlapping it, would not reach it.
        while span is not None and len(span) > 1 and span[0].lower_ in SPAN_LEADING_WORDS:
            span = Span(doc, span.start + 1, span.end, label=span.label_)
        if span is not None and not any(span.start < s.end and s.start < span.end for s in spans.values()):
            spans[index] = span
    doc.ents = sorted(spans.values(), key=lambda s: s.start)
    context(doc)
    by_start = {span.start: span for span in doc.ents}
    denied_here = _answered_no(doc, list(spans.values())) | _inside_denials(doc)
    for index, span in spans.items():
        tagged = by_start[span.start]
        role = next((role for attribute, role in ROLES if getattr(tagged._, attribute)), None)
        if role == "negated" and _after_a_list_of_denials(doc, tagged):
            role = None
        if role == "hypothetical" and entities[index][ENTITY_ATTRIBUTE_TYPE] == "condition" and _denied(tagged):
            role = "negated"
        if span.text.lower() in DENYING_WORDS or span.start in denied_here or _taken_back(tagged):
            role = role or "negated"
        if role and entities[index].get(ENTITY_ATTRIBUTE_ROLE) is None:
            entities[index][ENTITY_ATTRIBUTE_ROLE] = role
    _share_denials(doc, entities, spans, by_start)
    _someone_elses(doc, entities, spans)
    entities[:] = _name_conditions(named, entities)


def _name_conditions(named: list[tuple[int, int, str, str]], entities: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """A named condition or problem the model read as the symptom and the place in it ("nothing like restless
    legs", "not shin splints") becomes the condition when it is denied, doubted or someone else's ("my sister
    has restless legs"): that names the diagnosis. In the writer's own story ("now it's restless legs
    instead", "leg cramp in the night") the symptom and the place tell the interview more, and stay."""
    for start, end, label, value in named:
        inside = [e for e in entities if _overlaps(start, end, [e])]
        roles = {e.get(ENTITY_ATTRIBUTE_ROLE) for e in inside}
        if (
            not inside
            or len(roles) != 1
            or None in roles
            or any(e[ENTITY_ATTRIBUTE_TYPE] not in ("symptom", "body_part") for e in inside)
            or any(e[ENTITY_ATTRIBUTE_START] < start or end < e[ENTITY_ATTRIBUTE_END] for e in inside)
        ):
            continue
        inside[0].update({
            ENTITY_ATTRIBUTE_TYPE: label, ENTITY_ATTRIBUTE_VALUE: value,
            ENTITY_ATTRIBUTE_START: start, ENTITY_ATTRIBUTE_END: end,
        })  # fmt: skip
        inside[0].pop("confidence_entity", None)
        entities = [e for e in entities if not any(e is other for other in inside[1:])]
    return entities


# A hedge before a denial: "probably not a clot", "prob not sciatica", "I don't think it's a trapped nerve".
HEDGES = {"probably", "prob", "probs", "think", "reckon", "believe"}
# A doubt that is a denial by itself: "I doubt it's sciatica".
DOUBTS = {"doubt", "doubts", "doubtful", "unlikely"}


def _denied(target: Span) -> bool:
    """Whether a named condition is denied under a hedge ("probably not a clot", "I don't think it's a trapped
    nerve", "I doubt it's sciatica"). A doubt wins over a denial for findings so that a red flag's question is
    still asked; naming a condition answers no question."""
    modifiers = getattr(target._, "modifiers", ()) or ()
    doubts = [
        {t.lower_ for t in target.doc[slice(*m.modifier_span)]}
        for m in modifiers
        if m.category in ("HYPOTHETICAL", "POSSIBLE_EXISTENCE")
    ]
    if doubts and all(words & DOUBTS for words in doubts):
        return True
    hedged = all(words & HEDGES for words in doubts)
    return hedged and any(m.category == "NEGATED_EXISTENCE" for m in modifiers)


# Words that deny what they name: a clinician's "afebrile", "apyrexial" (no fever).
DENYING_WORDS = {"afebrile", "apyrexial"}


def _cue_spans(doc: Doc, category: str) -> list[tuple[int, int]]:
    """The token spans of the cues of one category that ConText found in the doc."""
    graph = getattr(doc._, "context_graph", None)
    return [m.modifier_span for m in getattr(graph, "modifiers", ()) if m.category == category]


def _inside_denials(doc: Doc) -> set[int]:
    """Tokens a denial's own words name after its "not": "my toes don't [catch]", "foot doesn't [drag]". ConText
    reaches the words around a cue, never the cue's own."""
    inside = set()
    for start, end in _cue_spans(doc, "NEGATED_EXISTENCE"):
        words = [t.i for t in doc[start:end] if t.lower_ in DENIAL_WORDS]
        inside |= set(range(words[0] + 1, end)) if words else set()
    return inside


ANSWERS = {"yes": True, "y": True, "yeah": True, "yep": True, "no": False, "n": False, "nope": False, "nah": False}


def _answered_no(doc: Doc, spans: list[Span]) -> set[int]:
    """In a list answered yes or no word by word ("tingling yes numbness no weakness no"), the mentions
    a "no" follows, whatever comes after the "no" (where ConText reads "no weakness" ahead). A list has a
    "yes" or ends with an answer: in "calf no swelling no redness" each "no" denies what follows it."""
    answers = {span.start: ANSWERS.get(doc[span.end].lower_) if span.end < len(doc) else None for span in spans}
    answered = {start: answer for start, answer in answers.items() if answer is not None}
    is_list = len(answered) > 1 and (True in answered.values() or answers[max(answers)] is not None)
    return {start for start, answer in answered.items() if not answer} if is_list else set()


TAKEN_BACK = {"but", "earlier", "before", "first", "wrongly", "by"}


def _taken_back(target: Span) -> bool:
    """A word the writer takes back: "I said calf but it's more the shin", "sorry I said left earlier", "i said
    sudden before but actually it was gradual"."""
    doc = target.doc
    before = [t.lower_ for t in doc[max(0, target.start - 3) : target.start]]
    after = [t.lower_ for t in doc[target.end : target.end + 2]]
    said = any(word in ("said", "put", "wrote", "typed") for word in before[-2:]) and "i" in before
    return said and bool(after) and (after[0] in TAKEN_BACK or after[:2] in ([",", "but"], [",", "sorry"]))


ITEM_BREAKS = {",", ";", ":"}


def _after_a_list_of_denials(doc: Doc, target: Span) -> bool:
    """In "no fever, no trauma, pain in right buttock" each denied thing has its own "no", so the item after
    the last one, without its "no", is not denied: a mention is kept present when its only denial is a cue
    that opens a list item, the item before opened with the same cue, and a comma stands between the cue
    and the mention ("no fever, no numbness, tingling or weakness" keeps the tingling: the safer error)."""
    modifiers = [m for m in getattr(target._, "modifiers", ()) or () if m.category == "NEGATED_EXISTENCE"]
    if len(modifiers) != 1 or modifiers[0].direction.upper() != "FORWARD":
        return False
    start, end = modifiers[0].modifier_span
    if start < 2 or doc[start - 1].lower_ not in ITEM_BREAKS:
        return False
    breaks = [t.i for t in doc[end : target.start] if t.lower_ in ITEM_BREAKS]
    if not breaks:
        return False
    item_start = breaks[-1]
    item_end = next((t.i for t in doc[target.end :] if t.lower_ in ITEM_BREAKS or t.is_sent_start), len(doc))
    if any(t.lower_ in DENIAL_WORDS for t in doc[item_start:item_end]):
        return False  # the item is a denial of its own ("legs aren't weak")
    cue = [t.lower_ for t in doc[start:end]]
    previous = start - 2
    while previous > 0 and doc[previous - 1].lower_ not in ITEM_BREAKS and not doc[previous].is_sent_start:
        previous -= 1
    return [t.lower_ for t in doc[previous : previous + len(cue)]] == cue


# Who a clause is about, once a message has named someone else ("my husband", "our kid"): the nearest
# person word before a mention.
WRITER = {"i", "me", "my", "mine", "myself", "meself", "mi", "ive", "im", "id"}
THIRD_PERSON = {"he", "she", "his", "her", "him", "hers", "himself", "herself", "hisself", "hes", "shes"}


def _someone_elses(doc: Doc, entities: list[dict[str, Any]], spans: dict[int, Span]) -> None:
    """Findings said of someone else beyond a family cue's reach: "I write for my husband. He has tingling in
    both feet ... He says there is no pain". Once the message names someone else, a mention is theirs when the
    nearest person word before it is "he", "she", "his" or "her"; not when it is "I", "me" or "my", nor when it
    is the person's name ("picking up my grandson, back locked": the name may be the object, and the family
    cue's own reach already covers the subject). A "he" or "she" in an earlier sentence carries on ("... her
    calves cramp at night. No swelling."), unless the writer speaks of themselves anywhere after naming the
    other ("My father's cancer went to his back. Can this back pain be cancer? I have not lost weight.").
    Denied findings become someone else's too, as a carer's are."""
    named = {i for span in _cue_spans(doc, "FAMILY") for i in range(*span)}
    if not named:
        return

    def person(token) -> str | None:
        if token.i in named:
            return "named"
        if token.lower_ in THIRD_PERSON:
            return "pronoun"
        if token.lower_ in WRITER and token.i + 1 not in named:
            return "writer"
        return None

    kinds = [person(t) for t in doc]
    first_other = min(i for i, kind in enumerate(kinds) if kind in ("named", "pronoun"))
    writer_later = "writer" in kinds[first_other:]
    for index, span in spans.items():
        nearest = next((i for i in range(span.start - 1, -1, -1) if kinds[i]), None)
        if nearest is None or kinds[nearest] != "pronoun":
            continue
        if nearest < span.sent.start and writer_later:
            continue
        if entities[index].get(ENTITY_ATTRIBUTE_ROLE) in (None, "negated"):
            entities[index][ENTITY_ATTRIBUTE_ROLE] = "other_person"


# Words that deny something within a list item: "no fever, no trauma, legs aren't weak".
DENIAL_WORDS = {"no", "not", "n't", "nt", "never", "none", "nothing", "nil", "nae", "nuh", "without", "nor", "dont",
                "doesnt", "didnt", "havent", "hasnt", "hadnt", "aint", "isnt", "arent", "wasnt", "werent", "wont",
                "didnae", "isnae", "wasnae"}  # fmt: skip


# Words that can stand between two things denied together: "bladder n bowels ok", "my pee and my poo
# are normal". A possessive or article can stand before the first.
JOINING = {"and", "n", "&", "or", "nor", "plus", ",", "/", "my", "me", "ma", "the", "his", "her"}
LEADING = {"my", "me", "ma", "the", "his", "her", "both"}


def _share_denials(doc: Doc, entities: list[dict[str, Any]], spans: dict[int, Span], by_start: dict[int, Span]) -> None:
    """The second of two mentions of one fact said together is denied by a cue after it ("bladder n
    bowels ok", "but my bladder and bowels are fine"): so is the first, when it opens its clause
    (not "I can't control my bladder and bowels are fine") and is a thing, not a doing ("leaking and
    bowels normal" is left alone)."""
    ordered = sorted(spans.items(), key=lambda item: item[1].start)
    for (first, a), (second, b) in zip(ordered, ordered[1:], strict=False):
        ea, eb = entities[first], entities[second]
        if (
            ea.get(ENTITY_ATTRIBUTE_ROLE) is not None
            or eb.get(ENTITY_ATTRIBUTE_ROLE) != "negated"
            or ea[ENTITY_ATTRIBUTE_TYPE] not in ("finding", "symptom")
            or ea[ENTITY_ATTRIBUTE_TYPE] != eb[ENTITY_ATTRIBUTE_TYPE]
            or ea[ENTITY_ATTRIBUTE_VALUE] != eb[ENTITY_ATTRIBUTE_VALUE]
            or a[-1].lower_.endswith(("ing", "ed", "in"))
            or not all(t.lower_ in JOINING for t in doc[a.end : b.start])
            or not any(t.lower_ in {"and", "n", "&", "or", "nor", "plus", "/"} for t in doc[a.end : b.start])
        ):
            continue
        modifiers = getattr(by_start[b.start]._, "modifiers", ()) or ()
        if not any(m.category == "NEGATED_EXISTENCE" and m.direction.upper() == "BACKWARD" for m in modifiers):
            continue
        start = a.start
        while start > 0 and doc[start - 1].lower_ in LEADING:
            start -= 1
        opening = start == 0 or doc[start - 1].is_punct or doc[start - 1].lower_ in CLAUSE_BREAKS | {"that"}
        if opening:
            ea[ENTITY_ATTRIBUTE_ROLE] = "negated"


# ("new": medspaCy's cue "no new" would overlap "[new shoes]" and so not reach it.)
# ("trouble": medspaCy's cue "no trouble" would overlap the model's "[trouble breathing]".)
# ("have", "i": "I don't [have diabetes]"; "when", "if": "it doesn't hurt [when I cough]", whose cue ends in "when".)
SPAN_LEADING_WORDS = {"history", "hx", "of", "had", "have", "has", "i", "a", "an", "any", "new", "trouble", "when",
                      "if"}  # fmt: skip


def _clause_of_tokens(doc: Doc) -> list[int]:
    clause, clauses = 0, []
    for token in doc:
        if token.i > 0 and (token.is_sent_start or token.lower_ in CLAUSE_BREAKS):
            clause += 1
        clauses.append(clause)
    return clauses


def set_groups(doc: Doc, entities: list[dict[str, Any]]) -> None:
    """Links each symptom to the nearest place in its clause (the following one on a tie), each
    place or side left over to the nearest symptom or place, and numbers the linked sets."""
    clauses = _clause_of_tokens(doc)
    mentions = []  # (token index, entity index)
    for index, entity in enumerate(entities):
        span = doc.char_span(entity[ENTITY_ATTRIBUTE_START], entity[ENTITY_ATTRIBUTE_END], alignment_mode="expand")
        if span is not None and entity[ENTITY_ATTRIBUTE_TYPE] in VOCABULARY_TYPES:
            mentions.append((span.start, index))
    parent = {index: index for _, index in mentions}

    def root(index: int) -> int:
        while parent[index] != index:
            index = parent[index]
        return index

    def distance(a: int, b: int) -> int:
        between = doc[min(a, b) + 1 : max(a, b)]
        return abs(a - b) + CROSSING_COST * sum(token.lower_ in LIST_BREAKS for token in between)

    def nearest(position: int, kinds: set[str]) -> int | None:
        candidates = [
            (distance(other, position), other < position, index)
            for other, index in mentions
            if other != position and clauses[other] == clauses[position]
            and entities[index][ENTITY_ATTRIBUTE_TYPE] in kinds
        ]  # fmt: skip
        return min(candidates)[2] if candidates else None

    linked: set[int] = set()
    for kind, targets in (("symptom", {"body_part"}), ("side", {"body_part"}), ("body_part", {"symptom"}),
                          ("side", {"symptom"})):  # fmt: skip
        for position, index in mentions:
            if entities[index][ENTITY_ATTRIBUTE_TYPE] != kind or (kind != "symptom" and index in linked):
                continue
            other = nearest(position, targets)
            if other is not None:
                parent[root(index)] = root(other)
                linked |= {index, other}
    groups: dict[int, str] = {}
    for _, index in sorted(mentions):
        if index in linked:
            group = groups.setdefault(root(index), str(len(groups) + 1))
            entities[index][ENTITY_ATTRIBUTE_GROUP] = group


# A spell of under ten minutes, said of how long something lasts: "over in a minute", "lasting no more than a
# minute or two", "maximum one minute", "never longer than a couple of minutes". Not how long a walk lasts
# before the cramp ("I can only walk for 2 minutes").
_SHORT_SPELL = re.compile(
    r"\b(?:last(?:s|ing|ed)?|over\s+in|gone\s+in|(?:no|not|never|n't)\s+(?:more|longer)\s+than|less\s+than|max(?:imum)?"
    r"|under)\b(?:\W+\w+){0,3}?\W+"
    r"(?P<spell>(?:a|an|one|two|three|four|five|six|seven|eight|nine|[1-9]|a\s+few|a\s+couple(?:\s+of)?|few|couple"
    r"(?:\s+of)?)(?:\s+or\s+(?:two|three|so|[1-9]))?\s+(?:mins?|minutes?)|\d+\s+(?:secs?|seconds?)|a\s+few\s+seconds)\b"
)
# "they last more than a minute", "lasting over two minutes": a floor, not a limit ("no more than" is one).
_AT_LEAST = re.compile(r"(?:(?<!no )(?<!not )(?<!never )(?<!n't )\b(?:more|longer)\s+than|\bover|\bleast)\s+$")
SPELLS = ("cramp", "spasm")


def short_spells(text: str, entities: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Cramps said to last under ten minutes deny the long cramp that needs a doctor today: the answer to the
    interview's question about it ("mine are over in a minute")."""
    if not any(e[ENTITY_ATTRIBUTE_VALUE] in SPELLS for e in entities):
        return []
    lowered = text.lower()
    return [
        _mention("finding", "cramp_over_10_minutes", match.start("spell"), match.end("spell"), "negated")
        for match in _SHORT_SPELL.finditer(lowered)
        if not _overlaps(match.start("spell"), match.end("spell"), entities)
        and not _AT_LEAST.search(lowered[: match.start("spell")])
    ]


# Functions said to be normal deny what would impair them: "I can feel all my toes", "can feel everything down
# there", "her toes feel normal", "saddle sensation normal" (numbness); "power is normal", "full power", "I can
# stand on tiptoe fine", "legs strong as ever" (weakness); "can still lift my foot" (foot drop); "feet are warm
# enough" (coldness); "weight steady", "I've put on weight" (weight loss). Not "I can feel my toes tingling",
# "can barely feel", "can feel it in my calf", "can stand on tiptoe but it hurts".
_TIPTOE = r"(?:tip\s*toes?|tiptoes?|(?:my\s+|me\s+)?toes|(?:my\s+|me\s+)?heels)"
_KEPT = {
    ("symptom", "numbness"): re.compile(
        r"\b(?:can|could|and)\s+(?:also\s+|definitely\s+|now\s+|still\s+)?feel\s+(?:everything|all\s+(?:of\s+)?"
        r"(?:my\s+|me\s+|the\s+)?(?:toes|feet|legs)|(?:my|me|mi|the|both|all\s+my|all\s+the)\s+(?:\w+\s+)?(?:toes?|feet|"
        r"foot|legs?|heels?|soles?|bum|bottom|buttocks?))(?=\s*(?:$|[.,;!])|\s+(?:fine|ok|okay|normally|grand|alright|"
        r"properly|perfectly|like\s+normal|no\s+problem|down\s+there|when\s+i\s+wipe|and\s+(?:move|wiggle)))"
        r"|\bcan\s+(?:still\s+)?feel\s+(?:the\s+)?(?:toilet\s+paper|loo\s+roll|tissue|when\s+i\s+wipe)"
        r"|\b(?:toes|feet|foot|sensation|feeling)\s+(?:feels?\s+|is\s+|are\s+|'s\s+)?(?:totally\s+|completely\s+|"
        r"perfectly\s+|all\s+)?(?:normal|intact|nad)\b|\b(?:normal|intact)\s+(?:feeling|sensation)\b"
    ),
    ("symptom", "weakness"): re.compile(
        r"\b(?:strength|power)(?:\s+(?:in|of)\s+(?:my\s+|me\s+|the\s+|both\s+)?\w+)?\s+(?:is\s+|are\s+|'s\s+|was\s+|"
        r"feels?\s+|seems?\s+)?(?:totally\s+|completely\s+|perfectly\s+|absolutely\s+|all\s+|still\s+|quite\s+)?"
        r"(?:normal|fine|ok|okay|good|full|intact|nad|grand|great|5/5|unaffected)\b|\b(?:full|normal)\s+(?:strength|power)\b"
        rf"|\b(?:can|and)\s+(?:still\s+)?(?:stand|walk|go\s+up|get\s+up)\s+on\s+{_TIPTOE}(?:\s+(?:and|or)\s+{_TIPTOE})?"
        r"(?=\s*(?:$|[.,;!])|\s+(?:fine|ok|okay|normally|like\s+normal|no\s+problem|again|properly|and\s+i))"
        r"|\blegs?\s+(?:are\s+|is\s+|feel\s+)?(?:still\s+)?strong\b"
    ),
    ("symptom", "foot_drop"): re.compile(
        r"\bcan\s+(?:still\s+)?(?:lift|raise|pick\s+up)\s+(?:my|me|the)\s+(?:foot|feet|toes)"
        r"(?=\s*(?:$|[.,;!])|\s+(?:fine|ok|okay|normally|like\s+normal|no\s+problem|up|again|properly|and))"
    ),
    ("symptom", "coldness"): re.compile(
        r"\b(?:feet|foot|toes)\s+(?:are\s+|is\s+|feels?\s+|'s\s+)?(?:still\s+|nice\s+and\s+|lovely\s+and\s+)?warm"
        r"(?=\s*(?:$|[.,;!])|\s+(?:enough|and\s+pink|as\s+usual|like\s+normal))"
    ),
    ("finding", "weight_loss"): re.compile(
        r"\bweight\s*(?:is\s+|has\s+been\s+|'s\s+|-\s*|:\s*)?(?:steady|stable|unchanged|the\s+same|same\s+as\s+(?:ever|always|usual))\b"
        r"|\b(?:gained|put\s+on)\s+(?:some\s+|a\s+bit\s+of\s+|a\s+little\s+|a\s+lot\s+of\s+)?(?:weight|\d+\s*(?:kg|kilos?|lbs?|pounds|stone))\b"
    ),
}


def kept_functions(text: str, entities: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """What _KEPT reads as denied, unless the message also names it, or speaks of someone else, whose
    feeling it may be ("she says her toes feel normal")."""
    if any(e.get(ENTITY_ATTRIBUTE_ROLE) == "other_person" for e in entities):
        return []
    lowered, named = text.lower(), {e[ENTITY_ATTRIBUTE_VALUE] for e in entities}
    matches = {key: pattern.search(lowered) for key, pattern in _KEPT.items() if key[1] not in named}
    return [_mention(*key, match.start(), match.end(), "negated") for key, match in matches.items() if match]


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR], is_trainable=False, model_from="SpacyNLP")
class ClinicalContext(GraphComponent):
    """Adds missed vocabulary, sets ConText roles and links symptoms to places."""

    @classmethod
    def create(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> ClinicalContext:
        return cls()

    def process(self, messages: list[Message], model: SpacyModel) -> list[Message]:
        context = build_context(model.model)
        for message in messages:
            shared: Doc | None = message.get(SPACY_DOCS[TEXT])
            if shared is None:
                continue
            # ConText hangs spans on the doc it reads; a copy keeps the message's doc picklable.
            doc = shared.copy()
            entities = list(message.get(ENTITIES) or [])
            entities += vocabulary_entities(doc, entities)
            entities = drop_misreadings(doc, entities)
            if entities:
                entities.sort(key=lambda e: e[ENTITY_ATTRIBUTE_START])
                set_roles(doc, entities, context)
                set_groups(doc, entities)
                entities += short_spells(doc.text, entities)
            entities += kept_functions(doc.text, entities)
            message.set(ENTITIES, entities, add_to_output=True)
        return messages
