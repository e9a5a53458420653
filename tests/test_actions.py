"""Each custom action, run on trackers built from fixtures/trackers.yml; the exact events returned."""

import pathlib

import yaml
from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.actions import (
    CORRECTION_NOTED,
    INVALID_AGE,
    TABLES,
    WHICH_CONDITION,
    ActionExplainCondition,
    ActionExplainQuestion,
    ActionExplainTests,
    ActionExplainTreatment,
    ActionGiveAssessment,
    ActionOutOfScope,
    ValidateSymptomForm,
    findings_in_latest_message,
)

HERE = pathlib.Path(__file__).parent
FIXTURES = yaml.safe_load((HERE / "fixtures" / "trackers.yml").read_text())
DOMAIN = yaml.safe_load((HERE.parent / "domain.yml").read_text())


def tracker(name: str) -> Tracker:
    fixture = FIXTURES[name]
    just_set = fixture.get("just_set", {})
    slots = {slot: None for slot in DOMAIN["slots"]} | {"requested_slot": None} | fixture.get("slots", {}) | just_set
    message = fixture["latest_message"]
    latest = {"text": message["text"], "intent": {"name": message["intent"], "confidence": 0.99},
              "entities": message["entities"]}  # fmt: skip
    loop = fixture.get("active_loop")
    events = [{"event": "user", "text": message["text"], "parse_data": latest}]
    events += [{"event": "slot", "name": slot, "value": value} for slot, value in just_set.items()]
    return Tracker("test", slots, latest, events, False, None, {"name": loop} if loop else {}, "action_listen")


async def run(action, name):
    dispatcher = CollectingDispatcher()
    events = await action.run(dispatcher, tracker(name), DOMAIN)
    return events, dispatcher.messages


async def extract(name):
    dispatcher = CollectingDispatcher()
    events = findings_in_latest_message(dispatcher, tracker(name), DOMAIN)
    return events, dispatcher.messages


async def test_extract_findings_from_the_first_message():
    events, messages = await extract("first_message_mortons")
    assert events == [
        SlotSet("tight_shoes", "yes"),
        SlotSet("symptoms", ["tingling"]),
        SlotSet("body_parts", ["toes"]),
        SlotSet("side", "left"),
    ]
    assert messages == []


async def test_extract_findings_records_the_answer_to_the_question_asked():
    events, _ = await extract("answering_no_to_bladder")
    assert events == [SlotSet("bladder_bowel_changes", "no")]


async def test_extract_findings_acknowledges_a_correction():
    events, messages = await extract("correcting_the_side")
    assert events == [SlotSet("side", "right")]
    assert [m["text"] for m in messages] == [CORRECTION_NOTED]


async def test_form_asks_the_next_red_flag_question_with_buttons():
    events, messages = await run(ValidateSymptomForm(), "bladder_answered_no")
    assert events == [SlotSet("bladder_bowel_changes", "no"), SlotSet("requested_slot", "saddle_numbness")]
    assert len(messages) == 1
    assert messages[0]["text"].startswith("Is there any numbness or tingling between your legs")
    assert [b["payload"] for b in messages[0]["buttons"]] == ["/affirm", "/deny", "/unsure"]


async def test_form_refuses_a_value_that_is_not_an_answer():
    events, _ = await run(ValidateSymptomForm(), "nonsense_answer")
    assert events == [SlotSet("fever", None), SlotSet("requested_slot", "fever")]


async def test_form_adds_what_is_said_keeps_only_known_symptoms_and_asks_the_same_question_again():
    events, _ = await run(ValidateSymptomForm(), "symptom_added_during_the_interview")
    assert events == [
        SlotSet("symptoms", ["pain", "tingling"]),
        SlotSet("body_parts", ["foot", "toes"]),
        SlotSet("requested_slot", "bladder_bowel_changes"),
    ]


async def test_form_fills_its_slots_from_the_first_message_and_asks_the_first_red_flag():
    events, messages = await run(ValidateSymptomForm(), "first_message_mortons")
    assert events == [
        SlotSet("tight_shoes", "yes"),
        SlotSet("symptoms", ["tingling"]),
        SlotSet("body_parts", ["toes"]),
        SlotSet("side", "left"),
        SlotSet("requested_slot", "bladder_bowel_changes"),
    ]
    assert [m["text"] for m in messages] == [TABLES.question("bladder_bowel_changes").text]


async def test_a_red_flag_in_the_first_message_ends_the_form_at_once_without_a_question():
    events, messages = await run(ValidateSymptomForm(), "first_message_with_a_bladder_red_flag")
    assert SlotSet("bladder_bowel_changes", "yes") in events
    assert events[-1] == SlotSet("requested_slot", None)
    assert messages == []  # the emergency assessment follows


async def test_form_fills_nothing_from_an_emergency_so_that_the_emergency_rule_answers():
    events, messages = await run(ValidateSymptomForm(), "overdose_and_a_leg_finding_during_the_interview")
    assert events == []  # Rasa's form then rejects the turn: data/rules.yml ends the interview with 999 advice
    assert messages == []


async def test_form_stops_at_once_on_a_red_flag():
    events, messages = await run(ValidateSymptomForm(), "saddle_numbness_answered_yes")
    assert events == [SlotSet("saddle_numbness", "yes"), SlotSet("requested_slot", None)]
    assert messages == []  # no question: the assessment follows


async def test_form_refuses_an_impossible_age_and_asks_again():
    events, messages = await run(ValidateSymptomForm(), "age_out_of_range")
    assert events == [SlotSet("age", None), SlotSet("requested_slot", "bladder_bowel_changes")]
    assert [m["text"] for m in messages] == [INVALID_AGE, TABLES.question("bladder_bowel_changes").text]


async def test_assessment_sets_level_and_conditions_and_explains_them():
    events, messages = await run(ActionGiveAssessment(), "mortons_interview_done")
    assert events == [
        SlotSet("triage_level", "routine"),
        SlotSet("likely_conditions", ["mortons_neuroma", "tarsal_tunnel_syndrome", "peripheral_polyneuropathy"]),
    ]
    assert messages[0]["text"].startswith("ROUTINE:")
    texts = "\n".join(m["text"] for m in messages)
    assert "1. " in texts and "(Morton's neuroma)" in texts and "worse in tight shoes" in texts
    assert "What you can do now:" in texts and "When to get help:" in texts
    assert "Sources: NHS" in texts


async def test_a_pregnant_person_is_told_to_avoid_ibuprofen():
    _, messages = await run(ActionGiveAssessment(), "pregnant_interview_done")
    texts = "\n".join(m["text"] for m in messages)
    assert "Do not take ibuprofen" in texts
    _, messages = await run(ActionGiveAssessment(), "mortons_interview_done")
    assert "Do not take ibuprofen" not in "\n".join(m["text"] for m in messages)


async def test_explain_condition():
    events, messages = await run(ActionExplainCondition(), "asking_what_tarsal_tunnel_is")
    assert events == []
    assert "(tarsal tunnel syndrome):" in messages[0]["text"]
    assert any(m["text"].startswith("Tests:") for m in messages)


async def test_tests_for_the_likeliest_assessed_condition():
    events, messages = await run(ActionExplainTests(), "asking_which_tests_after_a_mortons_assessment")
    assert events == []
    assert messages[0]["text"].startswith("Tests for irritated nerve between the toes (Morton's neuroma):")
    assert "ultrasound" in messages[0]["text"].lower()


async def test_tests_before_any_assessment_say_when_each_test_helps():
    _, messages = await run(ActionExplainTests(), "asking_which_tests_before_any_assessment")
    overview = messages[0]["text"]
    assert [line.split(":")[0] for line in overview.splitlines()[1:4]] == [
        "• MRI scan",
        "• X-ray",
        "• Nerve conduction studies and EMG",
    ]
    assert "not useful as a routine test for back pain or sciatica" in overview
    assert messages[-1]["text"].startswith("Sources: NICE NG59")


async def test_treatment_of_a_named_condition():
    events, messages = await run(ActionExplainTreatment(), "asking_how_tarsal_tunnel_is_treated")
    assert events == []
    assert messages[0]["text"].startswith("Treatment of trapped nerve on the inside of the ankle")
    assert messages[-1]["text"].startswith("Sources:")


async def test_treatment_of_the_condition_asked_about_before():
    _, messages = await run(ActionExplainTreatment(), "asking_how_it_is_treated_after_asking_what_it_is")
    assert "(restless legs syndrome)" in messages[0]["text"]


async def test_treatment_asks_which_condition_when_there_is_none():
    _, messages = await run(ActionExplainTreatment(), "asking_how_it_is_treated_with_nothing_to_go_on")
    assert [m["text"] for m in messages] == [WHICH_CONDITION]


async def test_swelling_beside_a_sprain_is_not_taken_for_a_swollen_calf():
    events, _ = await extract("first_message_sprained_ankle")
    assert events == [
        SlotSet("trauma", "yes"),
        SlotSet("symptoms", ["swelling"]),
        SlotSet("body_parts", ["ankle"]),
        SlotSet("problems", ["minor_injury"]),
    ]


async def test_a_sprain_gets_a_redirection_with_nhs_advice():
    events, messages = await run(ActionGiveAssessment(), "sprained_ankle_interview_done")
    assert events == [SlotSet("triage_level", "self_care"), SlotSet("likely_conditions", ["out_of_scope"])]
    texts = "\n".join(m["text"] for m in messages)
    assert "sprain, strain, bruise or other injury rather than a trapped or irritated nerve" in texts
    assert "NHS: Sprains and strains" in texts


async def test_thoughts_of_suicide_are_an_emergency_even_inside_a_leg_message():
    events, _ = await extract("suicidal_thoughts_in_a_sciatica_message")
    assert SlotSet("suicidal_thoughts", "yes") in events


async def test_why_do_you_ask_explains_the_current_question():
    events, messages = await run(ActionExplainQuestion(), "asking_why_during_the_interview")
    assert events == []
    assert "cauda equina" in messages[0]["text"]


async def test_chest_pain_is_recorded_as_an_out_of_scope_emergency():
    events, messages = await run(ActionOutOfScope(), "chest_pain_during_the_interview")
    assert events == [SlotSet("likely_conditions", ["out_of_scope"]), SlotSet("triage_level", "emergency")]
    assert messages == []  # the advice is utter_emergency_out_of_scope, the rule's step before


async def test_off_topic_gets_a_polite_redirection():
    events, messages = await run(ActionOutOfScope(), "asking_about_the_weather")
    assert events == [SlotSet("likely_conditions", ["out_of_scope"]), SlotSet("triage_level", "self_care")]
    assert messages == []


async def test_a_choice_question_gets_its_own_buttons():
    events, messages = await run(ValidateSymptomForm(), "side_asked_next")
    assert events[-1] == SlotSet("requested_slot", "side")
    assert [b["title"] for b in messages[-1]["buttons"]] == ["Left", "Right", "Both"]


def test_no_question_has_an_ask_action_or_response_that_the_form_would_add():
    # The form asks a slot's question with action_ask_<slot> or utter_ask_<slot> when one exists:
    # with validate_symptom_form asking too, the question would come twice.
    assert not [a for a in DOMAIN["actions"] if a.startswith("action_ask_")]
    assert not [r for r in DOMAIN["responses"] if r.startswith("utter_ask_")]


def test_every_yes_no_finding_has_a_slot_and_a_validator():
    for finding in TABLES.yes_no_findings:
        assert DOMAIN["slots"][finding]["values"] == ["yes", "no", "unsure"]
        assert hasattr(ValidateSymptomForm, f"validate_{finding}")
