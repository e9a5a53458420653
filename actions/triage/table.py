"""Loads the triage tables (the YAML files beside this module) and checks them at start-up.

A malformed table stops the action server with a `TableError` that names the file, the entry and
the field, instead of failing later in the middle of someone's conversation.
"""

from __future__ import annotations

import pathlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass

import jsonschema
import yaml

HERE = pathlib.Path(__file__).parent

# Urgency levels, least urgent first: comparing indexes gives "the safer level wins".
LEVELS = ("self_care", "routine", "urgent", "emergency")

CONDITION_IDS = (
    "lumbar_radiculopathy",
    "piriformis_syndrome",
    "lumbar_spinal_stenosis",
    "peroneal_neuropathy",
    "tarsal_tunnel_syndrome",
    "mortons_neuroma",
    "meralgia_paresthetica",
    "femoral_neuropathy",
    "pregnancy_sciatica",
    "peripheral_polyneuropathy",
    "cauda_equina_syndrome",
    "spinal_infection",
    "spinal_tumour",
    "deep_vein_thrombosis",
    "acute_limb_ischaemia",
    "peripheral_arterial_disease",
    "restless_legs_syndrome",
    "muscle_cramps",
)
OUT_OF_SCOPE = "out_of_scope"

SYMPTOMS = (
    "pain",
    "burning_pain",
    "shooting_pain",
    "numbness",
    "tingling",
    "weakness",
    "foot_drop",
    "spasm",
    "cramp",
    "swelling",
    "redness",
    "coldness",
    "stiffness",
    "urge_to_move",
)
BODY_PARTS = (
    "lower_back",
    "buttock",
    "hip",
    "groin",
    "thigh",
    "knee",
    "calf",
    "shin",
    "ankle",
    "heel",
    "foot",
    "sole",
    "toes",
    "leg",
    "saddle_area",
)
SIDES = ("left", "right", "both")
MENTIONS = tuple(f"symptom:{s}" for s in SYMPTOMS) + tuple(f"body_part:{b}" for b in BODY_PARTS)
# Findings computed from age, sex, duration, onset and side rather than asked as yes/no.
DERIVED = ("female", "age_over_50", "duration_over_6_weeks", "sudden_onset", "both_sides")


class TableError(ValueError):
    """A triage table is malformed; the message names the file and the bad entry."""


@dataclass(frozen=True)
class When:
    """A condition over findings: all of `all`, at least one of `any` (if given), none of `none`."""

    all: tuple[str, ...] = ()
    any: tuple[str, ...] = ()
    none: tuple[str, ...] = ()

    @classmethod
    def parse(cls, raw: Mapping | None) -> When | None:
        if raw is None:
            return None
        return cls(tuple(raw.get("all", ())), tuple(raw.get("any", ())), tuple(raw.get("none", ())))

    def names(self) -> tuple[str, ...]:
        return self.all + self.any + self.none

    def holds(self, present: Callable[[str], bool]) -> bool:
        return (
            all(present(f) for f in self.all)
            and (not self.any or any(present(f) for f in self.any))
            and not any(present(f) for f in self.none)
        )


@dataclass(frozen=True)
class Rule:
    when: When
    level: str
    because: str
    condition: str | None = None


@dataclass(frozen=True)
class Condition:
    id: str
    name: str
    also_known_as: tuple[str, ...]
    summary: str
    where_felt: str
    typical_symptoms: tuple[str, ...]
    triggers_and_risk_factors: tuple[str, ...]
    red_flags: tuple[str, ...]
    prior: float
    evidence: Mapping[str, float]
    default_level: str
    raised_by: tuple[Rule, ...]
    self_care: tuple[str, ...]
    see_doctor: tuple[str, ...]
    tests: str
    treatment: str
    sources: tuple[str, ...]


@dataclass(frozen=True)
class Problem:
    """A leg problem that is not a nerve problem (other_problems.yml): the bot redirects."""

    id: str
    name: str
    default_level: str
    ask: tuple[str, ...]
    explains: tuple[str, ...]  # findings the problem itself accounts for (a red, warm bite)
    raised_by: tuple[Rule, ...]
    self_care: tuple[str, ...]
    see_doctor: tuple[str, ...]
    sources: tuple[str, ...]


YES_NO_BUTTONS = (("Yes", "/affirm"), ("No", "/deny"), ("Not sure", "/unsure"))


@dataclass(frozen=True)
class Question:
    slot: str
    stage: str  # red_flag_screening, essentials or discriminating
    text: str
    why: str
    kind: str = "yes_no"  # yes_no, number or choice
    ask_if: When | None = None
    buttons: tuple[tuple[str, str], ...] = ()  # (title, payload)


@dataclass(frozen=True)
class Stopping:
    leading_probability: float
    min_information_gain: float
    max_discriminating_questions: int


@dataclass(frozen=True)
class Tables:
    conditions: Mapping[str, Condition]
    base_rates: Mapping[str, float]
    mention_default: float
    phrases: Mapping[str, tuple[str, str]]
    questions: tuple[Question, ...]
    stopping: Stopping
    red_flags: tuple[Rule, ...]
    level_advice: Mapping[str, str]
    level_source: str
    pregnancy_medicines: str
    tests_overview: tuple[str, ...]
    tests_overview_sources: str
    yes_no_findings: tuple[str, ...]  # the findings held in a yes/no slot of the same name
    problems: Mapping[str, Problem]

    def likelihood(self, condition_id: str, finding: str) -> float:
        """P(finding present | condition), falling back to the finding's base rate."""
        evidence = self.conditions[condition_id].evidence
        if finding in evidence:
            return evidence[finding]
        return self.base_rate(finding)

    def base_rate(self, finding: str) -> float:
        return self.base_rates.get(finding, self.mention_default)

    def question(self, slot: str) -> Question | None:
        return next((q for q in self.questions if q.slot == slot), None)

    def stage(self, name: str) -> tuple[Question, ...]:
        return tuple(q for q in self.questions if q.stage == name)


def _read(path: pathlib.Path) -> dict:
    try:
        with path.open(encoding="utf-8") as handle:
            data = yaml.safe_load(handle)
    except (OSError, yaml.YAMLError) as error:
        raise TableError(f"{path.name}: cannot be read: {error}") from error
    if not isinstance(data, dict):
        raise TableError(f"{path.name}: expected a mapping at the top level")
    return data


def _validate_conditions(data: dict, schema: dict, path: pathlib.Path) -> None:
    validator = jsonschema.Draft7Validator(schema)
    error = next(iter(sorted(validator.iter_errors(data), key=lambda e: list(e.path))), None)
    if error is None:
        return
    location = list(error.path)
    entry = ""
    if len(location) >= 2 and location[0] == "conditions":
        raw = data["conditions"][location[1]]
        name = raw.get("id", "?") if isinstance(raw, dict) else "?"
        entry = f" entry '{name}' (conditions[{location[1]}])"
        location = location[2:]
    field = ".".join(str(part) for part in location) or "(top level)"
    raise TableError(f"{path.name}:{entry} at {field}: {error.message}")


def _check_names(names, known: set, where: str) -> None:
    for name in names:
        if name not in known:
            raise TableError(f"{where}: unknown finding '{name}'")


def _rule(raw: Mapping, known: set, where: str, condition: str | None = None) -> Rule:
    """An urgency rule, its findings and level checked."""
    when = When.parse(raw["when"])
    _check_names(when.names(), known, where)
    if raw["level"] not in LEVELS:
        raise TableError(f"{where}: unknown level '{raw['level']}'")
    return Rule(when, raw["level"], raw["because"], condition)


def load(directory: pathlib.Path = HERE) -> Tables:
    """Reads and checks every table; raises TableError naming the first bad entry."""
    findings = _read(directory / "findings.yml")
    base_rates = {str(k): float(v) for k, v in findings["base_rates"].items()}
    known = set(base_rates) | set(MENTIONS)
    phrases = {k: tuple(v) for k, v in findings["phrases"].items()}

    conditions_path = directory / "conditions.yml"
    raw_conditions = _read(conditions_path)
    _validate_conditions(raw_conditions, _read(directory / "schema.yml"), conditions_path)

    conditions: dict[str, Condition] = {}
    for raw in raw_conditions["conditions"]:
        where = f"conditions.yml: entry '{raw['id']}'"
        if raw["id"] not in CONDITION_IDS:
            raise TableError(f"{where}: not one of the contract's condition ids")
        if raw["id"] in conditions:
            raise TableError(f"{where}: appears twice")
        _check_names(raw["evidence"], known, f"{where} evidence")
        rules = [_rule(rule, known, f"{where} urgency") for rule in raw["urgency"]["raised_by"]]
        conditions[raw["id"]] = Condition(
            id=raw["id"],
            name=raw["name"],
            also_known_as=tuple(raw["also_known_as"]),
            summary=raw["summary"].strip(),
            where_felt=raw["where_felt"],
            typical_symptoms=tuple(raw["typical_symptoms"]),
            triggers_and_risk_factors=tuple(raw["triggers_and_risk_factors"]),
            red_flags=tuple(raw["red_flags"]),
            prior=float(raw["prior"]),
            evidence={k: float(v) for k, v in raw["evidence"].items()},
            default_level=raw["urgency"]["default"],
            raised_by=tuple(rules),
            self_care=tuple(raw["self_care"]),
            see_doctor=tuple(raw["see_doctor"]),
            tests=raw["tests"].strip(),
            treatment=raw["treatment"].strip(),
            sources=tuple(raw["sources"]),
        )
    missing = [c for c in CONDITION_IDS if c not in conditions]
    if missing:
        raise TableError(f"conditions.yml: no entry for {', '.join(missing)}")

    plan = _read(directory / "questions.yml")
    questions = []
    for stage in ("red_flag_screening", "essentials", "discriminating"):
        for raw in plan[stage]:
            where = f"questions.yml: {stage} '{raw.get('slot')}'"
            ask_if = When.parse(raw.get("ask_if"))
            if ask_if:
                _check_names(ask_if.names(), known, where)
            kind = raw.get("kind", "yes_no")
            if kind == "yes_no" and raw["slot"] not in base_rates:
                raise TableError(f"{where}: a yes/no question needs a base rate in findings.yml")
            buttons = tuple((b["title"], b["payload"]) for b in raw.get("buttons", ()))
            if kind == "yes_no" and not buttons:
                buttons = YES_NO_BUTTONS
            questions.append(Question(raw["slot"], stage, raw["text"], raw["why"], kind, ask_if, buttons))

    red_flags = []
    for index, raw in enumerate(_read(directory / "red_flags.yml")["red_flags"]):
        where = f"red_flags.yml: red_flags[{index}]"
        condition = raw.get("condition")
        if condition not in (None, OUT_OF_SCOPE, *CONDITION_IDS):
            raise TableError(f"{where}: unknown condition '{condition}'")
        red_flags.append(_rule(raw, known, where, condition))

    problems = _load_problems(directory / "other_problems.yml", known, questions)

    advice = _read(directory / "advice.yml")
    if set(advice["levels"]) != set(LEVELS):
        raise TableError(f"advice.yml: needs advice for exactly {', '.join(LEVELS)}")

    return Tables(
        conditions=conditions,
        base_rates=base_rates,
        mention_default=float(findings["mention_default"]),
        phrases=phrases,
        questions=tuple(questions),
        stopping=Stopping(**plan["stopping"]),
        red_flags=tuple(red_flags),
        level_advice=advice["levels"],
        level_source=advice["level_source"],
        pregnancy_medicines=advice["pregnancy_medicines"],
        tests_overview=tuple(advice["tests_overview"]),
        tests_overview_sources=advice["tests_overview_sources"],
        yes_no_findings=tuple(f for f in base_rates if f not in DERIVED and f not in MENTIONS),
        problems=problems,
    )


def _load_problems(path: pathlib.Path, known: set, questions: list[Question]) -> dict[str, Problem]:
    yes_no_questions = {q.slot for q in questions if q.kind == "yes_no"}
    problems = {}
    for raw in _read(path)["problems"]:
        where = f"{path.name}: entry '{raw.get('id')}'"
        if raw["level"] not in LEVELS:
            raise TableError(f"{where}: unknown level '{raw['level']}'")
        _check_names(raw.get("explains", ()), known, where)
        for slot in raw["ask"]:
            if slot not in yes_no_questions:
                raise TableError(f"{where}: asks '{slot}', which is not a yes/no question in questions.yml")
        problems[raw["id"]] = Problem(
            id=raw["id"],
            name=raw["name"],
            default_level=raw["level"],
            ask=tuple(raw["ask"]),
            explains=tuple(raw.get("explains", ())),
            raised_by=tuple(_rule(rule, known, where) for rule in raw["raised_by"]),
            self_care=tuple(raw["self_care"]),
            see_doctor=tuple(raw["see_doctor"]),
            sources=tuple(raw["sources"]),
        )
    return problems
