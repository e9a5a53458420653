"""The triage engine: red flags first, ranking, the stopping rule and the urgency."""

import pytest

from actions.triage.engine import assess, emergency_flagged, findings, information_gain, next_question, posterior

DEFAULTS = {"age": 40, "sex": "male", "side": "left", "duration_days": 14, "onset": "gradual"}


def interview(tables, answers, facts):
    """Answers every question the engine asks from `facts` ("no" when not given)."""
    answers, asked = dict(answers), []
    while (slot := next_question(answers, tables)) is not None:
        asked.append(slot)
        answers[slot] = facts.get(slot, DEFAULTS.get(slot, "no"))
        assert len(asked) < 30, asked
    return answers, asked


CASES = [
    # (first message as findings, what the patient answers, expected first, expected level)
    ({"symptoms": ["tingling"], "body_parts": ["toes"], "tight_shoes": "yes"}, {}, "mortons_neuroma", "routine"),
    (
        {"symptoms": ["shooting_pain"], "body_parts": ["lower_back", "calf"], "back_pain": "yes"},
        {"worse_cough_sneeze": "yes", "age": 38},
        "lumbar_radiculopathy",
        "self_care",
    ),
    (
        {"symptoms": ["numbness", "tingling"], "body_parts": ["foot"], "side": "both"},
        {"diabetes": "yes", "worse_at_night": "yes", "age": 64, "duration_days": 200},
        "peripheral_polyneuropathy",
        "routine",
    ),
    (
        {"symptoms": ["pain", "swelling"], "body_parts": ["calf"], "calf_swelling": "yes"},
        {"recent_immobility_travel_surgery": "yes"},
        "deep_vein_thrombosis",
        "urgent",
    ),
    (
        {"symptoms": ["foot_drop"], "body_parts": ["foot"], "weakness_foot_drop": "yes"},
        {"leg_crossing_habit": "yes"},
        "peroneal_neuropathy",
        "urgent",
    ),
    (
        {"symptoms": ["urge_to_move"], "body_parts": ["leg"], "side": "both", "urge_to_move": "yes"},
        {"worse_at_night": "yes", "disturbs_sleep": "yes"},
        "restless_legs_syndrome",
        "routine",
    ),
]


@pytest.mark.parametrize("initial, facts, expected, level", CASES, ids=[c[2] for c in CASES])
def test_interview_ranks_the_expected_condition_first(tables, initial, facts, expected, level):
    answers, asked = interview(tables, initial, facts)
    result = assess(answers, tables)
    assert result.condition_ids[0] == expected
    assert result.level == level
    assert 1 <= len(result.conditions) <= 3


def test_red_flag_questions_come_before_anything_else(tables):
    _, asked = interview(tables, {"symptoms": ["pain"], "body_parts": ["buttock"]}, {})
    assert asked[:4] == ["bladder_bowel_changes", "saddle_numbness", "bilateral_leg_weakness", "leg_cold_pale"]
    assert asked.index("back_pain") < asked.index("age")


def test_questions_answered_in_free_text_are_not_asked_again(tables):
    initial = {"symptoms": ["tingling"], "body_parts": ["toes"], "side": "left", "back_pain": "no", "age": 52}
    _, asked = interview(tables, initial, {})
    assert not {"side", "back_pain", "age"} & set(asked)


@pytest.mark.parametrize(
    "answers, condition",
    [
        ({"bladder_bowel_changes": "yes"}, "cauda_equina_syndrome"),
        ({"saddle_numbness": "yes"}, "cauda_equina_syndrome"),
        ({"bilateral_leg_weakness": "yes"}, "cauda_equina_syndrome"),
        ({"leg_cold_pale": "yes"}, "acute_limb_ischaemia"),
        ({"calf_swelling": "yes", "breathless_or_chest_pain": "yes"}, "deep_vein_thrombosis"),
        ({"fever": "yes", "back_pain": "yes"}, "spinal_infection"),
        ({"cancer_history": "yes", "symptoms": ["weakness"]}, "spinal_tumour"),
        ({"anticoagulants": "yes", "body_parts": ["groin"]}, "femoral_neuropathy"),
        ({"foot_ulcer": "yes", "fever": "yes"}, "peripheral_polyneuropathy"),
        ({"stroke_signs": "yes"}, "out_of_scope"),
        ({"suicidal_thoughts": "yes", "symptoms": ["shooting_pain"]}, "out_of_scope"),
        ({"allergic_reaction": "yes", "problems": ["bite_or_sting"], "symptoms": ["swelling"]}, "out_of_scope"),
    ],
)
def test_an_emergency_red_flag_stops_the_interview_and_names_its_cause(tables, answers, condition):
    assert emergency_flagged(answers, tables)
    assert next_question(answers, tables) is None
    result = assess(answers, tables)
    assert result.level == "emergency"
    assert result.condition_ids[0] == condition


@pytest.mark.parametrize(
    "answers, condition",
    [
        ({"cancer_history": "yes", "back_pain": "yes"}, "spinal_tumour"),
        ({"calf_swelling": "yes"}, "deep_vein_thrombosis"),
        ({"leg_red_warm": "yes"}, "deep_vein_thrombosis"),
        ({"foot_ulcer": "yes", "diabetes": "yes"}, "peripheral_polyneuropathy"),
        ({"symptoms": ["cramp"], "body_parts": ["calf"], "cramp_over_10_minutes": "yes"}, "muscle_cramps"),
    ],
)
def test_an_urgent_red_flag_gives_same_day_advice_and_names_its_cause(tables, answers, condition):
    assert not emergency_flagged(answers, tables)
    result = assess(answers, tables)
    assert result.level == "urgent"
    assert result.condition_ids[0] == condition


def test_a_new_foot_drop_is_urgent_whatever_the_cause(tables):
    assert assess({"weakness_foot_drop": "yes", "back_pain": "yes"}, tables).level == "urgent"


def test_a_red_flag_wins_over_a_confident_benign_ranking(tables):
    answers = {"symptoms": ["tingling"], "body_parts": ["toes"], "tight_shoes": "yes", "saddle_numbness": "yes"}
    result = assess(answers, tables)
    assert result.level == "emergency"
    assert result.condition_ids[0] == "cauda_equina_syndrome"
    assert "mortons_neuroma" in result.condition_ids


def test_not_sure_about_an_emergency_red_flag_means_same_day_help(tables):
    answers, _ = interview(
        tables, {"symptoms": ["pain"], "body_parts": ["buttock"]}, {"bladder_bowel_changes": "unsure"}
    )
    result = assess(answers, tables)
    assert result.level == "urgent"
    assert any("not sure" in reason for reason in result.reasons)


def test_a_plausible_second_cause_raises_the_urgency(tables):
    # Calf pain with cramps ranks cramps first, but a swollen calf keeps DVT in play: urgent.
    answers = {"symptoms": ["cramp", "pain"], "body_parts": ["calf"], "worse_at_night": "yes", "calf_swelling": "yes"}
    result = assess(answers, tables)
    assert "deep_vein_thrombosis" in result.condition_ids
    assert result.level == "urgent"


def test_interview_stops_when_one_cause_clearly_leads(tables):
    answers = {
        "symptoms": ["urge_to_move"], "body_parts": ["leg"], "side": "both", "urge_to_move": "yes",
        "worse_at_night": "yes", "disturbs_sleep": "yes", "age": 50, "sex": "male", "duration_days": 60,
        "bladder_bowel_changes": "no", "saddle_numbness": "no", "bilateral_leg_weakness": "no",
        "leg_cold_pale": "no", "calf_swelling": "no", "back_pain": "no",
    }  # fmt: skip
    assert next_question(answers, tables) is None


def test_interview_stops_after_the_maximum_number_of_discriminating_questions(tables):
    answers, asked = interview(tables, {"symptoms": ["pain"], "body_parts": ["leg"]}, {})
    discriminating = {q.slot for q in tables.stage("discriminating")}
    assert len([slot for slot in asked if slot in discriminating]) <= tables.stopping.max_discriminating_questions


def test_the_most_informative_question_is_asked(tables):
    known = findings({"symptoms": ["pain"], "body_parts": ["calf"]}, tables)
    gains = {q.slot: information_gain(q.slot, known, tables) for q in tables.stage("discriminating")}
    assert gains["relieved_by_standing_still"] > gains["tight_waistband"]


def test_explanations_name_the_answers_for_and_against(tables):
    answers = {"symptoms": ["tingling"], "body_parts": ["toes"], "tight_shoes": "yes", "side": "both"}
    mortons = next(c for c in assess(answers, tables).conditions if c.id == "mortons_neuroma")
    assert "worse in tight shoes" in mortons.supporting
    assert "both legs affected" in mortons.against


def test_findings_derive_age_duration_side_and_sex(tables):
    known = findings({"age": 61, "duration_days": 50, "side": "both", "sex": "female", "back_pain": "unsure"}, tables)
    assert known == {"age_over_50": True, "duration_over_6_weeks": True, "both_sides": True, "female": True}


def test_a_plausible_cause_counts_towards_the_urgency_even_when_not_shown(tables):
    from dataclasses import replace

    # Four equally likely causes (ties keep the table's order): three self-care causes are shown,
    # DVT comes fourth and is not shown, but at 25% it is plausible.
    four = ("lumbar_radiculopathy", "piriformis_syndrome", "mortons_neuroma", "deep_vein_thrombosis")
    conditions = {
        cid: replace(c, prior=1.0 if cid in four else 1e-9, evidence={}) for cid, c in tables.conditions.items()
    }
    result = assess({}, replace(tables, conditions=conditions))
    assert "deep_vein_thrombosis" not in result.condition_ids
    assert result.level == "urgent"  # deep_vein_thrombosis is urgent by default


def test_chest_pain_without_a_swollen_leg_is_an_out_of_scope_emergency(tables):
    result = assess({"symptoms": ["tingling"], "body_parts": ["leg"], "breathless_or_chest_pain": "yes"}, tables)
    assert result.level == "emergency"
    assert result.condition_ids[0] == "out_of_scope"
    with_swelling = assess({"calf_swelling": "yes", "breathless_or_chest_pain": "yes"}, tables)
    assert with_swelling.condition_ids[0] == "deep_vein_thrombosis"


def test_a_question_that_could_make_it_urgent_is_asked_before_stopping(tables):
    # Sciatica clearly leads, but a new foot drop would make it urgent: ask before stopping.
    answers = {
        "symptoms": ["shooting_pain"], "body_parts": ["lower_back", "calf"], "back_pain": "yes", "side": "right",
        "worse_cough_sneeze": "yes", "pain_below_knee": "yes", "age": 51, "sex": "female", "pregnant": "no",
        "duration_days": 21, "bladder_bowel_changes": "no", "saddle_numbness": "no", "bilateral_leg_weakness": "no",
        "leg_cold_pale": "no", "calf_swelling": "no", "fever": "no", "cancer_history": "no",
    }  # fmt: skip
    answers, asked = interview(tables, answers, {"weakness_foot_drop": "yes"})
    assert "weakness_foot_drop" in asked
    assert assess(answers, tables).level == "urgent"


def test_a_sprain_is_redirected_after_a_check_for_a_swollen_calf(tables):
    sprain = {"symptoms": ["swelling", "pain"], "body_parts": ["ankle"], "problems": ["minor_injury"], "trauma": "yes"}
    answers, asked = interview(tables, sprain, {})
    assert asked == ["calf_swelling"]
    result = assess(answers, tables)
    assert (result.level, result.condition_ids, result.problem.id) == ("self_care", ["out_of_scope"], "minor_injury")


def test_a_pulled_calf_muscle_with_a_swollen_calf_gets_the_full_interview(tables):
    pulled = {"symptoms": ["pain"], "body_parts": ["calf"], "problems": ["minor_injury"], "calf_swelling": "yes"}
    answers, asked = interview(tables, pulled, {"recent_immobility_travel_surgery": "yes"})
    assert asked[:3] == ["bladder_bowel_changes", "saddle_numbness", "bilateral_leg_weakness"]
    result = assess(answers, tables)
    assert (result.level, result.condition_ids[0], result.problem) == ("urgent", "deep_vein_thrombosis", None)


@pytest.mark.parametrize("red_warm, level", [("yes", "urgent"), ("unsure", "urgent"), ("no", "self_care")])
def test_a_bite_is_asked_about_infection_before_the_redirection(tables, red_warm, level):
    bite = {"symptoms": ["swelling"], "problems": ["bite_or_sting"]}
    answers, asked = interview(tables, bite, {"leg_red_warm": red_warm})
    assert asked == ["leg_red_warm", "fever"]
    result = assess(answers, tables)
    assert (result.level, result.condition_ids) == (level, ["out_of_scope"])


def test_a_nerve_symptom_keeps_an_injury_in_scope(tables):
    answers = {"symptoms": ["tingling"], "body_parts": ["foot"], "problems": ["minor_injury"], "trauma": "yes"}
    assert next_question(answers, tables) == "bladder_bowel_changes"
    assert assess(answers, tables).problem is None


def test_an_emergency_red_flag_still_wins_over_a_redirection(tables):
    answers = {"symptoms": ["pain"], "problems": ["skin"], "bilateral_leg_weakness": "yes"}
    assert next_question(answers, tables) is None
    result = assess(answers, tables)
    assert (result.level, result.condition_ids[0], result.problem) == ("emergency", "cauda_equina_syndrome", None)


def test_a_mention_and_the_answer_to_its_question_count_once(tables):
    answered = {"weakness_foot_drop": "yes"}
    both = findings({**answered, "symptoms": ["foot_drop"]}, tables)
    assert posterior(both, tables) == posterior(findings(answered, tables), tables)
