"""The triage engine: from the answers so far to the next question, or to an assessment.

Answers are the slot values of the conversation (`age`, `side`, `back_pain` = "yes"/"no"/"unsure",
`symptoms` = ["tingling"], ...). They are turned into findings (True present, False absent, missing
when unknown) that a naive-Bayes model over the condition table ranks. Red flags come first and
always win; within the table, every condition that is still plausible contributes its urgency, so
when unsure the safer level wins.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from .table import LEVELS, OUT_OF_SCOPE, Problem, Question, Rule, Tables, When

YES, NO, UNSURE = "yes", "no", "unsure"

# A condition this likely counts towards the urgency even when it is not ranked first.
PLAUSIBLE = 0.2
MAX_SHOWN = 3

# A mention and the question that asks about the same fact.
SAME_FACT = {
    "symptom:foot_drop": "weakness_foot_drop",
    "symptom:swelling": "calf_swelling",
    "symptom:urge_to_move": "urge_to_move",
    "body_part:lower_back": "back_pain",
    "body_part:saddle_area": "saddle_numbness",
}


# Symptoms that keep a complaint in scope even when the person also names a sprain, bite or rash.
NERVE_SYMPTOMS = frozenset(
    {"numbness", "tingling", "shooting_pain", "burning_pain", "weakness", "foot_drop", "urge_to_move", "cramp", "spasm"}
)


def _other_problem(answers: Mapping[str, Any], known: Mapping[str, bool], tables: Tables) -> Problem | None:
    """The non-nerve leg problem the person describes (a sprain, a bite, a rash...), if that is all.

    A nerve symptom, or a red flag the problem does not explain (a swollen calf after a "pulled
    muscle"), brings the complaint back into scope for the full interview.
    """
    if NERVE_SYMPTOMS & set(answers.get("symptoms") or ()):
        return None
    problem = next((tables.problems[p] for p in answers.get("problems") or () if p in tables.problems), None)
    if problem is None:
        return None
    unexplained = {f: present for f, present in known.items() if f not in problem.explains}
    return None if _fired(unexplained, tables) else problem


def findings(answers: Mapping[str, Any], tables: Tables) -> dict[str, bool]:
    """The findings known from the answers. "unsure" and unanswered questions are left out."""
    known: dict[str, bool] = {}
    for name in tables.yes_no_findings:
        value = answers.get(name)
        if value in (YES, NO):
            known[name] = value == YES
    for symptom in answers.get("symptoms") or ():
        known[f"symptom:{symptom}"] = True
    for part in answers.get("body_parts") or ():
        known[f"body_part:{part}"] = True

    age = answers.get("age")
    if isinstance(age, (int, float)):
        known["age_over_50"] = age > 50
    if answers.get("sex") in ("female", "male"):
        known["female"] = answers["sex"] == "female"
    duration = answers.get("duration_days")
    if isinstance(duration, (int, float)):
        known["duration_over_6_weeks"] = duration > 42
    if answers.get("onset") in ("sudden", "gradual"):
        known["sudden_onset"] = answers["onset"] == "sudden"
    if answers.get("side") in ("left", "right", "both"):
        known["both_sides"] = answers["side"] == "both"
    return known


def _uncertain_findings(answers: Mapping[str, Any], tables: Tables) -> set[str]:
    return {name for name in tables.yes_no_findings if answers.get(name) == UNSURE}


def _holds(when: When, known: Mapping[str, bool]) -> bool:
    return when.holds(lambda f: known.get(f) is True)


def _fired(known: Mapping[str, bool], tables: Tables) -> list[Rule]:
    return [rule for rule in tables.red_flags if _holds(rule.when, known)]


def _emergency(known: Mapping[str, bool], tables: Tables) -> bool:
    return any(rule.level == "emergency" for rule in _fired(known, tables))


def emergency_flagged(answers: Mapping[str, Any], tables: Tables) -> bool:
    return _emergency(findings(answers, tables), tables)


def _counted_once(known: Mapping[str, bool]) -> dict[str, bool]:
    """The findings without a mention whose question has been answered: it is the same fact.

    Counting both would make the model overconfident, and the answer to the direct question is
    the more reliable of the two; explanations name the fact once, by the answer.
    """
    return {f: present for f, present in known.items() if SAME_FACT.get(f) not in known}


def posterior(known: Mapping[str, bool], tables: Tables) -> dict[str, float]:
    """P(condition | findings) under the naive-Bayes model, summing to 1."""
    evidence = _counted_once(known)
    log_scores = {}
    for condition_id, condition in tables.conditions.items():
        score = math.log(condition.prior)
        for finding, present in evidence.items():
            p = tables.likelihood(condition_id, finding)
            score += math.log(p if present else 1.0 - p)
        log_scores[condition_id] = score
    top = max(log_scores.values())
    weights = {c: math.exp(s - top) for c, s in log_scores.items()}
    total = sum(weights.values())
    return {c: w / total for c, w in weights.items()}


def _entropy(distribution: Mapping[str, float]) -> float:
    return -sum(p * math.log2(p) for p in distribution.values() if p > 0)


def information_gain(finding: str, known: Mapping[str, bool], tables: Tables) -> float:
    """Expected drop in entropy over the conditions from learning whether `finding` is present."""
    prior = posterior(known, tables)
    p_yes = sum(prior[c] * tables.likelihood(c, finding) for c in prior)
    expected = 0.0
    for present, p_answer in ((True, p_yes), (False, 1.0 - p_yes)):
        if p_answer > 0:
            expected += p_answer * _entropy(posterior({**known, finding: present}, tables))
    return _entropy(prior) - expected


def _relevant(question: Question, known: Mapping[str, bool]) -> bool:
    return question.ask_if is None or _holds(question.ask_if, known)


def _unanswered(slot: str, answers: Mapping[str, Any]) -> bool:
    return answers.get(slot) is None


def _question_that_could_fire(rule: Rule, known: Mapping[str, bool], answers: Mapping[str, Any], tables: Tables):
    """An unanswered yes/no question whose answer could make `rule` fire, if any."""
    when = rule.when
    if any(known.get(f) is False for f in when.all) or any(known.get(f) is True for f in when.none):
        return None
    if when.any and all(known.get(f) is False for f in when.any):
        return None
    for finding in when.all + when.any:
        question = tables.question(finding)
        if question and question.kind == "yes_no" and _unanswered(finding, answers):
            return finding
    return None


def next_question(answers: Mapping[str, Any], tables: Tables) -> str | None:
    """The slot to ask about next, or None when the interview is over."""
    known = findings(answers, tables)
    if _emergency(known, tables):
        return None
    problem = _other_problem(answers, known, tables)
    if problem:
        return next((slot for slot in problem.ask if _unanswered(slot, answers)), None)
    for stage in ("red_flag_screening", "essentials"):
        for question in tables.stage(stage):
            if _unanswered(question.slot, answers) and _relevant(question, known):
                return question.slot

    # The urgency is part of the answer: before anything else, ask what could still raise the
    # leading cause's level, or raise any plausible cause to urgent or emergency.
    probabilities = posterior(known, tables)
    top = max(probabilities, key=probabilities.get)
    for condition_id, probability in sorted(probabilities.items(), key=lambda item: -item[1]):
        if condition_id != top and probability < PLAUSIBLE:
            continue
        level, _ = _condition_level(condition_id, known, tables)
        floor = level if condition_id == top else max(level, "routine", key=_rank)
        for rule in tables.conditions[condition_id].raised_by:
            if _rank(rule.level) <= _rank(floor):
                continue
            slot = _question_that_could_fire(rule, known, answers, tables)
            if slot:
                return slot

    pool = tables.stage("discriminating")
    answered = sum(1 for q in pool if not _unanswered(q.slot, answers))
    stopping = tables.stopping
    if answered >= stopping.max_discriminating_questions:
        return None
    if max(probabilities.values()) >= stopping.leading_probability:
        return None
    candidates = [q for q in pool if _unanswered(q.slot, answers) and _relevant(q, known)]
    gains = {q.slot: information_gain(q.slot, known, tables) for q in candidates}
    if not gains:
        return None
    best = max(gains, key=gains.get)
    return best if gains[best] >= stopping.min_information_gain else None


@dataclass
class RankedCondition:
    id: str
    probability: float
    level: str
    supporting: list[str] = field(default_factory=list)
    against: list[str] = field(default_factory=list)


@dataclass
class Assessment:
    level: str
    reasons: list[str]  # why the level is what it is
    conditions: list[RankedCondition]
    red_flags: list[Rule]
    problem: Problem | None = None  # set when the complaint is not a nerve problem

    @property
    def condition_ids(self) -> list[str]:
        return [c.id for c in self.conditions]


def _phrase(finding: str, present: bool, tables: Tables) -> str:
    if finding in tables.phrases:
        return tables.phrases[finding][0 if present else 1]
    kind, _, value = finding.partition(":")
    words = value.replace("_", " ")
    return words if kind == "symptom" else f"symptoms in the {words}"


def _explain(condition_id: str, known: Mapping[str, bool], tables: Tables) -> tuple[list, list]:
    """The answers that point towards and away from a condition, strongest first."""
    scored = []
    for finding, present in _counted_once(known).items():
        p = tables.likelihood(condition_id, finding)
        base = tables.base_rate(finding)
        ratio = (p / base) if present else ((1 - p) / (1 - base))
        scored.append((ratio, _phrase(finding, present, tables)))
    supporting = [text for ratio, text in sorted(scored, reverse=True) if ratio >= 2][:3]
    against = [text for ratio, text in sorted(scored) if ratio <= 0.5][:2]
    return supporting, against


def _raised(level: str, rules: tuple[Rule, ...], known: Mapping[str, bool]) -> tuple[str, list[str]]:
    """The level after the rules that hold, which only ever raise it, and why."""
    reasons: list[str] = []
    for rule in rules:
        if _holds(rule.when, known) and _rank(rule.level) > _rank(level):
            level, reasons = rule.level, [rule.because]
    return level, reasons


def _condition_level(condition_id: str, known: Mapping[str, bool], tables: Tables):
    condition = tables.conditions[condition_id]
    return _raised(condition.default_level, condition.raised_by, known)


def _rank(level: str) -> int:
    return LEVELS.index(level)


def _assess_other_problem(
    problem: Problem, known: Mapping[str, bool], answers: Mapping[str, Any], tables: Tables
) -> Assessment:
    """A redirection, at the problem's own level (no red flag has fired, or it would not be one)."""
    # "Not sure" counts as yes: the redirection asks little, so the safer level wins.
    maybe = {**known, **{f: True for f in _uncertain_findings(answers, tables)}}
    level, reasons = _raised(problem.default_level, problem.raised_by, maybe)
    return Assessment(level, reasons, [RankedCondition(OUT_OF_SCOPE, 1.0, level)], [], problem)


def assess(answers: Mapping[str, Any], tables: Tables) -> Assessment:
    known = findings(answers, tables)
    problem = _other_problem(answers, known, tables)
    if problem:
        return _assess_other_problem(problem, known, answers, tables)
    flags = _fired(known, tables)

    # An emergency flag answered "not sure" still calls for same-day help.
    unsure = _uncertain_findings(answers, tables)
    if unsure:
        maybe = {**known, **{f: True for f in unsure}}
        for rule in tables.red_flags:
            if rule.level == "emergency" and rule not in flags and _holds(rule.when, maybe):
                names = ", ".join(_phrase(f, True, tables) for f in rule.when.names() if f in unsure)
                # No condition: an unsure answer should not rank an emergency cause first.
                flags.append(Rule(rule.when, "urgent", f"you were not sure about {names}"))

    probabilities = posterior(known, tables)
    order = [rule.condition for rule in sorted(flags, key=lambda r: -_rank(r.level)) if rule.condition]
    order += sorted(probabilities, key=probabilities.get, reverse=True)
    shown: list[str] = []
    for condition_id in order:
        if condition_id not in shown:
            shown.append(condition_id)

    level, reasons = "self_care", []
    for rule in flags:
        if _rank(rule.level) > _rank(level):
            level, reasons = rule.level, [rule.because]
        elif rule.level == level and rule.because not in reasons:
            reasons.append(rule.because)

    # Every plausible cause counts towards the urgency, shown or not; up to three are shown.
    ranked = []
    for position, condition_id in enumerate(shown):
        if condition_id not in tables.conditions:  # out_of_scope from a stroke flag
            ranked.append(RankedCondition(condition_id, 1.0, "emergency"))
            continue
        probability = probabilities[condition_id]
        condition_level, because = _condition_level(condition_id, known, tables)
        flagged = any(rule.condition == condition_id for rule in flags)
        if position == 0 or probability >= PLAUSIBLE or flagged:
            if _rank(condition_level) > _rank(level):
                level, reasons = condition_level, list(because)
            elif condition_level == level and not reasons:
                reasons = list(because)
        if position < MAX_SHOWN:
            supporting, against = _explain(condition_id, known, tables)
            ranked.append(RankedCondition(condition_id, probability, condition_level, supporting, against))
    return Assessment(level, reasons, ranked, flags)
