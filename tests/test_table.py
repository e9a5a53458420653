"""The condition table is checked at start-up; a bad entry stops the server with a clear error."""

import shutil

import pytest
import yaml

from actions.triage import table


def test_every_contract_condition_has_an_entry_with_sources(tables):
    assert set(tables.conditions) == set(table.CONDITION_IDS)
    for condition in tables.conditions.values():
        assert condition.sources
        assert condition.default_level in table.LEVELS


def test_emergency_conditions_give_no_self_care(tables):
    for condition in tables.conditions.values():
        if condition.default_level == "emergency":
            assert condition.self_care == ()


def test_advice_follows_the_guidelines_not_the_seed_articles(tables):
    sciatica = tables.conditions["lumbar_radiculopathy"]
    advice = " ".join(sciatica.self_care + (sciatica.treatment,)).lower()
    assert "bed rest" in advice and "avoid" in advice  # NICE NG59: stay active
    assert any("NICE NG59" in source for source in sciatica.sources)


@pytest.fixture
def table_copy(tmp_path):
    for path in table.HERE.glob("*.yml"):
        shutil.copy(path, tmp_path / path.name)
    return tmp_path


def edit_conditions(directory, change):
    path = directory / "conditions.yml"
    data = yaml.safe_load(path.read_text())
    change(data["conditions"])
    path.write_text(yaml.safe_dump(data))


def test_a_missing_field_names_the_entry(table_copy):
    edit_conditions(table_copy, lambda conditions: conditions[5].pop("self_care"))
    with pytest.raises(
        table.TableError, match=r"entry 'mortons_neuroma' \(conditions\[5\]\).*'self_care' is a required"
    ):
        table.load(table_copy)


def test_a_bad_level_names_the_entry_and_field(table_copy):
    def change(conditions):
        conditions[0]["urgency"]["default"] = "soon"

    edit_conditions(table_copy, change)
    with pytest.raises(table.TableError, match=r"entry 'lumbar_radiculopathy'.*at urgency\.default"):
        table.load(table_copy)


def test_an_unknown_finding_is_refused(table_copy):
    edit_conditions(table_copy, lambda conditions: conditions[1]["evidence"].update({"tight_shoe": 0.5}))
    with pytest.raises(table.TableError, match=r"piriformis_syndrome.*unknown finding 'tight_shoe'"):
        table.load(table_copy)


def test_a_missing_condition_is_refused(table_copy):
    edit_conditions(table_copy, lambda conditions: conditions.pop())
    with pytest.raises(table.TableError, match="no entry for muscle_cramps"):
        table.load(table_copy)


def test_a_redirection_may_only_ask_yes_no_questions(table_copy):
    path = table_copy / "other_problems.yml"
    data = yaml.safe_load(path.read_text())
    data["problems"][1]["ask"] = ["age"]
    path.write_text(yaml.safe_dump(data))
    with pytest.raises(table.TableError, match=r"entry 'bite_or_sting': asks 'age', which is not a yes/no question"):
        table.load(table_copy)


def test_every_redirection_names_its_sources(tables):
    for problem in tables.problems.values():
        assert problem.sources and all(source.startswith(("NHS", "NICE")) for source in problem.sources)
