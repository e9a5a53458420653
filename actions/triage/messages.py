"""The words of an assessment and of a condition's description, built from the tables."""

from __future__ import annotations

from .engine import Assessment
from .table import OUT_OF_SCOPE, Condition, Problem, Tables


def _join(items) -> str:
    items = list(items)
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def _lower_first(name: str) -> str:
    return name[0].lower() + name[1:]


def _sources(sources) -> str:
    return f"Sources: {'; '.join(sources)}."


def _bullets(title: str, items) -> str:
    return title + "\n" + "\n".join(f"• {item}" for item in items)


def assessment_messages(result: Assessment, tables: Tables, pregnant: bool = False) -> list[str]:
    """The urgency and why, the likely causes with the answers for and against, then what to do."""
    messages = [tables.level_advice[result.level]]
    if result.reasons:
        messages.append(f"Why: {_join(result.reasons)}.")
    if result.problem:
        return messages + _redirection(result.problem, tables)

    lines = ["Possible causes, most likely first:"]
    for number, ranked in enumerate(result.conditions, start=1):
        if ranked.id == OUT_OF_SCOPE:
            lines.append(f"{number}. Not a leg-nerve problem, but something that needs emergency help now.")
            continue
        line = f"{number}. {tables.conditions[ranked.id].name}"
        if ranked.supporting:
            line += f": fits {_join(ranked.supporting)}"
        if ranked.against:
            line += f"; against it: {_join(ranked.against)}"
        lines.append(line + ".")
    messages.append("\n".join(lines))

    top = next((tables.conditions[c.id] for c in result.conditions if c.id in tables.conditions), None)
    if top is None:
        return messages + [f"Source: {tables.level_source}."]
    if result.level != "emergency" and top.self_care:
        messages.append(_bullets("What you can do now:", top.self_care))
    if pregnant:
        messages.append(tables.pregnancy_medicines)
    messages.append(_bullets("When to get help:", top.see_doctor))
    messages.append(_sources(top.sources + (tables.level_source,)))
    return messages


def _redirection(problem: Problem, tables: Tables) -> list[str]:
    messages = [
        f"This sounds like {problem.name} rather than a trapped or irritated nerve, so it is outside "
        "what I can assess. Here is what the NHS advises."
    ]
    messages.append(_bullets("What you can do now:", problem.self_care))
    messages.append(_bullets("When to get help:", problem.see_doctor))
    messages.append(
        "If you also get numbness, tingling, shooting pain or weakness in the leg, tell me and I will "
        "check for a nerve problem."
    )
    messages.append(_sources(problem.sources + (tables.level_source,)))
    return messages


def condition_messages(condition: Condition) -> list[str]:
    """A plain description of one condition, for "what is ...?"."""
    return [
        f"{condition.name}: {condition.summary}",
        f"Where it is felt: {condition.where_felt}",
        _bullets("Typical symptoms:", condition.typical_symptoms),
        f"Tests: {condition.tests}",
        f"Treatment: {condition.treatment}",
        _sources(condition.sources),
    ]


def tests_messages(condition: Condition | None, tables: Tables) -> list[str]:
    """Which tests are and are not useful: for one condition, or in general."""
    if condition is None:
        return [
            _bullets("Tests that may be used for leg nerve symptoms, and when they help:", tables.tests_overview),
            "Most people with a trapped or irritated nerve in the leg need no tests at all; a GP "
            "decides from your symptoms and an examination.",
            f"Sources: {tables.tests_overview_sources}.",
        ]
    return [f"Tests for {_lower_first(condition.name)}: {condition.tests}", _sources(condition.sources)]


def treatment_messages(condition: Condition) -> list[str]:
    messages = [f"Treatment of {_lower_first(condition.name)}: {condition.treatment}"]
    if condition.self_care:
        messages.append(_bullets("What you can do yourself:", condition.self_care))
    return messages + [_sources(condition.sources)]
