"""From one parsed message to slot values: answers, volunteered facts, negations, corrections."""

import pytest

from actions.triage.answers import Message, changes_an_answer, slot_updates


def entity(kind, value, negated=False):
    found = {"entity": kind, "value": value, "start": 0, "end": 1}
    if negated:
        found["role"] = "negated"
    return found


def updates(tables, intent="inform", entities=(), text="", requested=None, current=None):
    return slot_updates(Message(intent, list(entities), text), requested, current or {}, tables)


def test_first_message_fills_symptoms_places_side_and_volunteered_facts(tables):
    result = updates(
        tables,
        entities=[
            entity("symptom", "tingling"),
            entity("body_part", "toes"),
            entity("side", "left"),
            entity("finding", "tight_shoes"),
        ],
        text="I get tingling between my third and fourth toes on the left foot when I wear tight shoes",
    )
    assert result == {"symptoms": ["tingling"], "body_parts": ["toes"], "side": "left", "tight_shoes": "yes"}


def test_negated_back_pain_answers_the_back_pain_question_no(tables):
    result = updates(
        tables,
        entities=[entity("symptom", "numbness"), entity("body_part", "foot"),
                  entity("body_part", "lower_back", negated=True), entity("symptom", "pain", negated=True)],
    )  # fmt: skip
    assert result["back_pain"] == "no"
    assert result["symptoms"] == ["numbness"]
    assert result["body_parts"] == ["foot"]


def test_a_red_flag_mentioned_in_passing_is_recorded(tables):
    result = updates(
        tables,
        entities=[entity("finding", "bladder_bowel_changes", negated=True), entity("side", "both"),
                  entity("body_part", "leg"), entity("symptom", "weakness")],
        text="wee and poo normal, but now both legs are weak",
    )  # fmt: skip
    assert result["bladder_bowel_changes"] == "no"
    assert result["bilateral_leg_weakness"] == "yes"
    assert result["side"] == "both"


def test_a_fact_said_both_present_and_denied_counts_as_present(tables):
    result = updates(
        tables,
        entities=[entity("finding", "bladder_bowel_changes", negated=True), entity("finding", "bladder_bowel_changes")],
        text="i can pee fine but can't feel when i wipe",
    )
    assert result["bladder_bowel_changes"] == "yes"


def test_numbness_in_the_saddle_area_answers_saddle_numbness(tables):
    result = updates(tables, entities=[entity("symptom", "numbness"), entity("body_part", "saddle_area")])
    assert result["saddle_numbness"] == "yes"


def test_yes_no_and_not_sure_answer_the_question_asked(tables):
    assert updates(tables, "affirm", text="yeah", requested="fever") == {"fever": "yes"}
    assert updates(tables, "deny", text="nope", requested="fever") == {"fever": "no"}
    assert updates(tables, "unsure", text="not sure", requested="fever") == {"fever": "unsure"}


def test_a_reply_about_other_questions_only_does_not_answer_the_one_asked(tables):
    fever = [entity("finding", "fever", negated=True)]
    # Asked about the bladder, a "no" to something else leaves the bladder to be asked again.
    assert updates(tables, "deny", fever, "no fever or anything", "bladder_bowel_changes") == {"fever": "no"}
    # A reply that opens with its answer answers the question too.
    both = {"bladder_bowel_changes": "no", "fever": "no"}
    assert updates(tables, "deny", fever, "no, no fever either", "bladder_bowel_changes") == both
    assert updates(tables, "deny", fever, "nope no fever", "bladder_bowel_changes") == both


def test_a_yes_without_a_question_changes_nothing(tables):
    assert updates(tables, "affirm", text="yes") == {}


def test_age_duration_and_choices_as_answers(tables):
    assert updates(tables, "inform", text="forty-five", requested="age") == {"age": 45}
    assert updates(tables, "inform", text="about 3 weeks", requested="duration_days") == {"duration_days": 21}
    assert updates(tables, "inform", text="the left one", requested="side") == {"side": "left"}
    assert updates(tables, "inform", text="I'm a woman", requested="sex") == {"sex": "female"}
    assert updates(tables, "inform", text="it came on gradually", requested="onset") == {"onset": "gradual"}


def test_a_correction_replaces_the_side(tables):
    result = updates(tables, "correct", entities=[entity("side", "right")], text="actually it's my right leg",
                     current={"side": "left", "symptoms": ["pain"]})  # fmt: skip
    assert result == {"side": "right"}


def test_left_and_right_together_mean_both(tables):
    result = updates(tables, entities=[entity("side", "left"), entity("side", "right")])
    assert result["side"] == "both"


def test_a_negated_side_is_not_taken(tables):
    assert "side" not in updates(tables, entities=[entity("side", "right", negated=True)], text="not my right leg")


def test_symptoms_accumulate_across_messages_and_denials_remove_them(tables):
    result = updates(tables, entities=[entity("symptom", "numbness"), entity("symptom", "tingling", negated=True)],
                     current={"symptoms": ["tingling", "pain"]})  # fmt: skip
    assert result["symptoms"] == ["pain", "numbness"]


def test_pregnancy_implies_female(tables):
    result = updates(tables, entities=[entity("finding", "pregnant")], text="I'm 30 weeks pregnant")
    assert result["pregnant"] == "yes"
    assert result["sex"] == "female"
    assert "age" not in result and "duration_days" not in result


def test_chronic_cold_feet_are_asked_about_not_assumed_acute(tables):
    assert "leg_cold_pale" not in updates(tables, entities=[entity("symptom", "coldness")], text="my feet are cold")
    sudden = updates(tables, entities=[entity("symptom", "coldness"), entity("onset", "sudden")])
    assert sudden["leg_cold_pale"] == "yes"


def test_chest_pain_inside_a_leg_message_is_caught_even_without_an_entity(tables):
    text = "my legs have been tingly this week but now I've got a crushing pain in my chest going into my arm"
    assert updates(tables, text=text)["breathless_or_chest_pain"] == "yes"
    assert "breathless_or_chest_pain" not in updates(tables, text="no chest pain, just sore calves")
    assert updates(tables, text="his face is drooping on one side")["stroke_signs"] == "yes"


@pytest.mark.parametrize(
    "text, slot",
    [
        ("tonight I've been counting how many of my tablets it would take to not wake up", "suicidal_thoughts"),
        ("I honestly don't want to be alive anymore", "suicidal_thoughts"),
        ("wasp stung my leg and now my lips are swelling and I'm wheezing", "allergic_reaction"),
        ("restless legs every evening, it's wrecking my sleep", "disturbs_sleep"),
        ("calf cramps most nights, they wake me up", "disturbs_sleep"),
        ("cramp in my calf that won't let go, it's been 25 mins", "cramp_over_10_minutes"),
    ],
)
def test_facts_are_caught_by_their_words(tables, text, slot):
    found = updates(tables, text=text)
    assert found[slot] == "yes"


@pytest.mark.parametrize(
    "text, slot",
    [
        ("I'm not suicidal, just fed up with the pain", "suicidal_thoughts"),
        # Everyday words that the earlier list took for thoughts of suicide.
        ("I hurt myself playing football and my knee is swollen", "suicidal_thoughts"),
        ("how many of my tablets can I take for the pain?", "suicidal_thoughts"),
        ("I try not to wake up my wife when the cramp comes", "suicidal_thoughts"),
        ("no swelling of my lips or tongue", "allergic_reaction"),
        ("my legs twitch in the evening but it doesn't wake me up", "disturbs_sleep"),
        ("tingling in my foot for 20 minutes after sitting", "cramp_over_10_minutes"),
    ],
)
def test_denied_or_unrelated_words_are_not_taken_as_facts(tables, text, slot):
    assert slot not in updates(tables, text=text)


def test_waking_at_night_means_night_time_symptoms(tables):
    found = updates(tables, text="cramps that wake me up")
    assert (found["disturbs_sleep"], found["worse_at_night"]) == ("yes", "yes")


def test_swelling_beside_a_bite_is_asked_about_not_assumed(tables):
    bite = [entity("problem", "bite_or_sting"), entity("symptom", "swelling"), entity("body_part", "calf")]
    found = updates(tables, entities=bite, text="bitten on my calf and it's puffy")
    assert "calf_swelling" not in found
    assert found["problems"] == ["bite_or_sting"]


def test_a_hypothetical_or_someone_elses_red_flag_is_neither_yes_nor_no(tables):
    worried = {"entity": "finding", "value": "cancer_history", "role": "hypothetical", "start": 0, "end": 1}
    mum = {"entity": "symptom", "value": "swelling", "role": "other_person", "start": 0, "end": 1}
    result = updates(tables, entities=[worried, mum, entity("symptom", "pain")], text="")
    assert result == {"symptoms": ["pain"]}


def test_someone_elses_emergency_red_flag_counts_as_present_and_their_other_findings_do_not(tables):
    def theirs(kind, value):
        return {"entity": kind, "value": value, "role": "other_person", "start": 0, "end": 1}

    result = updates(
        tables,
        entities=[entity("symptom", "pain"), theirs("finding", "bladder_bowel_changes"), theirs("symptom", "weakness"),
                  theirs("side", "both"), theirs("finding", "diabetes"), theirs("symptom", "swelling"),
                  entity("finding", "bladder_bowel_changes", negated=True)],
        text="I write for my husband. He can't feel when he wipes, both his legs are weak, he is diabetic. I'm fine",
    )  # fmt: skip
    assert result == {"symptoms": ["pain"], "bladder_bowel_changes": "yes", "bilateral_leg_weakness": "yes"}


def test_a_pain_score_is_recorded(tables):
    assert updates(tables, text="it's about 7 out of 10")["severity"] == 7


@pytest.mark.parametrize(
    "updates, current, changed",
    [
        ({"side": "right"}, {"side": "left"}, True),
        ({"age": 54}, {"age": 45}, True),
        ({"fever": "yes"}, {"fever": "no"}, True),
        ({"symptoms": ["tingling"]}, {"symptoms": ["numbness"]}, True),
        ({"side": "left"}, {"side": None}, False),  # a first answer
        ({"symptoms": ["numbness", "cramp"]}, {"symptoms": ["numbness"]}, False),  # one more symptom
        ({}, {"side": "left"}, False),
    ],
)
def test_changes_an_answer(updates, current, changed):
    assert changes_an_answer(updates, current) is changed
