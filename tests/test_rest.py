"""Whole conversations over the REST channel against the real Rasa and action servers.

The servers run the trained model in models/ (the test command trains it first). Each interview is
answered from a dict of facts, question by question, reading `requested_slot` from the tracker
through the HTTP API, as a person (or the evaluation) would.
"""

import pytest
import requests
from chat import Chat

pytestmark = pytest.mark.server


@pytest.fixture
def chat(bot):
    return Chat(bot)


def test_greeting_carries_the_disclaimer_and_emergency_number(chat):
    text = " ".join(chat.say("hello"))
    assert "not a diagnosis" in text and "999" in text


def test_full_assessment_for_mortons_neuroma(chat):
    replies = chat.interview(
        "I get tingling between my third and fourth toes on the left foot when I wear tight shoes", {}
    )
    text = "\n".join(replies)
    assert chat.slot("likely_conditions")[0] == "mortons_neuroma"
    assert chat.slot("triage_level") in ("self_care", "routine")
    assert "Possible causes" in text and "not a diagnosis" in text
    # Said in the first message, so never asked.
    assert "side" not in chat.asked and "tight_shoes" not in chat.asked
    assert chat.asked[0] == "bladder_bowel_changes"


def test_full_assessment_for_sciatica(chat):
    chat.interview(
        "shooting pain from my lower back down the back of my right leg to my calf, worse when I cough",
        {"age": "38", "sex": "male"},
    )
    assert chat.slot("likely_conditions")[0] == "lumbar_radiculopathy"
    assert chat.slot("triage_level") == "self_care"


def test_full_assessment_for_dvt_is_urgent(chat):
    chat.interview("my left calf is swollen, red and painful since a long flight", {})
    assert chat.slot("likely_conditions")[0] == "deep_vein_thrombosis"
    assert chat.slot("triage_level") == "urgent"


def test_red_flag_in_the_first_message_gives_emergency_advice_at_once(chat):
    replies = chat.say("my back hurts and I can't pee properly and I'm numb between my legs")
    assert chat.slot("triage_level") == "emergency"
    assert chat.slot("likely_conditions")[0] == "cauda_equina_syndrome"
    assert chat.tracker()["active_loop"].get("name") is None
    assert any("999" in reply for reply in replies)


def test_a_red_flag_written_for_someone_else_gives_emergency_advice_at_once(chat):
    replies = chat.say("I'm writing for my husband. He has had back pain for weeks and now both his legs are weak.")
    assert chat.slot("triage_level") == "emergency"
    assert chat.slot("likely_conditions")[0] == "cauda_equina_syndrome"
    assert any("999" in reply for reply in replies)


def test_red_flag_answered_in_the_form_stops_the_interview(chat):
    chat.say("tingling in my left foot for two weeks")
    assert chat.slot("requested_slot") == "bladder_bowel_changes"
    chat.say("no")
    assert chat.slot("requested_slot") == "saddle_numbness"
    replies = chat.say("yes")
    assert chat.slot("triage_level") == "emergency"
    assert chat.slot("likely_conditions")[0] == "cauda_equina_syndrome"
    assert "EMERGENCY" in replies[0]


def test_more_symptoms_in_a_later_message_are_added_and_the_question_asked_again(chat):
    chat.say("my left foot hurts")
    assert chat.slot("requested_slot") == "bladder_bowel_changes"
    replies = chat.say("oh and my toes tingle as well")
    assert set(chat.slot("symptoms")) >= {"pain", "tingling"}
    assert "toes" in chat.slot("body_parts")
    assert chat.slot("requested_slot") == "bladder_bowel_changes"
    assert any("peeing or pooing" in reply for reply in replies)


def test_negation_answers_the_question_no(chat):
    chat.say("pins and needles in my left foot but no back pain")
    assert chat.slot("back_pain") == "no"
    assert "tingling" in chat.slot("symptoms")


def test_correction_after_the_assessment_reassesses(chat):
    chat.interview("numbness on the outside of my left thigh", {"tight_waistband": "yes"})
    assert chat.slot("side") == "left"
    replies = chat.say("actually it's my right leg")
    assert chat.slot("side") == "right"
    assert any("Possible causes" in reply for reply in replies)


def test_what_is_a_condition(chat):
    text = " ".join(chat.say("what is tarsal tunnel syndrome?"))
    assert "tarsal tunnel" in text.lower() and "Sources:" in text


def test_tests_and_treatment_follow_the_assessment(chat):
    chat.interview("tingling between my third and fourth toes on the left foot, worse in tight shoes", {})
    assert chat.slot("likely_conditions")[0] == "mortons_neuroma"
    tests = " ".join(chat.say("what tests might I need?"))
    assert tests.startswith("Tests for irritated nerve between the toes (Morton's neuroma):")
    treatment = " ".join(chat.say("how is it treated?"))
    assert treatment.startswith("Treatment of irritated nerve between the toes (Morton's neuroma):")


def test_tests_during_the_interview_then_the_question_again(chat):
    chat.say("pain down the back of my right leg")
    asked = chat.slot("requested_slot")
    replies = chat.say("do I need an MRI scan?")
    assert "MRI scan" in replies[0]
    assert chat.slot("requested_slot") == asked


def test_a_sprained_ankle_gets_a_redirection_not_a_nerve_interview(chat):
    replies = chat.interview("I sprained my ankle playing football yesterday, it's swollen and bruised", {})
    assert chat.asked == ["calf_swelling"]  # a clot can hide behind a "sprain"
    assert (chat.slot("likely_conditions"), chat.slot("triage_level")) == (["out_of_scope"], "self_care")
    assert any("outside what I can assess" in reply for reply in replies)


def test_thoughts_of_suicide_inside_a_leg_message_get_emergency_help(chat):
    text = " ".join(chat.say("sciatica for a year and honestly I don't want to be alive anymore"))
    assert "Samaritans" in text
    assert (chat.slot("likely_conditions")[0], chat.slot("triage_level")) == ("out_of_scope", "emergency")


def test_an_overdose_during_the_interview_ends_it_with_emergency_help(chat):
    chat.say("tingling in my left foot for two weeks")
    assert chat.slot("requested_slot") == "bladder_bowel_changes"
    # The intent classifier alone read this as inform; and with a leg finding in it, the form used
    # to fill the finding and ask its next question.
    text = " ".join(chat.say("I swallowed 40 paracetamol and my left leg is numb now"))
    assert "999" in text and "Samaritans" in text
    assert chat.tracker()["active_loop"].get("name") is None
    assert chat.slot("triage_level") == "emergency"


def test_stroke_signs_denied_in_words_answer_the_question(chat):
    chat.say("my right foot suddenly went weak and slaps the floor")
    while (slot := chat.slot("requested_slot")) != "stroke_signs":
        assert slot is not None and len(chat.tracker()["events"]) < 200
        chat.say("no")
    replies = chat.say("no slurred speech or face droop")
    assert chat.slot("stroke_signs") == "no"
    assert chat.tracker()["active_loop"].get("name") == "symptom_form"
    assert not any("999" in reply for reply in replies)


def test_out_of_scope_emergency(chat):
    text = " ".join(chat.say("I have crushing chest pain and my left arm feels heavy"))
    assert "999" in text
    assert chat.slot("likely_conditions") == ["out_of_scope"]
    assert chat.slot("triage_level") == "emergency"


def test_out_of_scope_is_redirected(chat):
    chat.say("can you book me a table for dinner tonight")
    assert chat.slot("likely_conditions") == ["out_of_scope"]


@pytest.mark.parametrize(
    "message",
    ["", "   ", "🦵🦵😭", "x" * 5000, "Me duele mucho la pierna izquierda desde hace dos semanas", "\x00\x07"],
    ids=["empty", "blank", "emoji", "5000 chars", "spanish", "control characters"],
)
def test_bad_input_gets_a_clear_reply_and_the_conversation_goes_on(chat, message):
    assert chat.say(message), "no reply"
    assert chat.say("tingling in my left foot"), "no reply after the bad input"
    assert chat.slot("requested_slot") == "bladder_bowel_changes"


def test_restart_clears_the_conversation(chat):
    chat.say("tingling in my left foot")
    chat.say("restart")
    assert chat.slot("symptoms") is None
    assert chat.tracker()["active_loop"].get("name") is None


def test_the_http_api_requires_the_token(bot):
    assert requests.get(f"{bot.url}/conversations/someone/tracker", timeout=10).status_code == 401
