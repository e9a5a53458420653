"""Apologises, with emergency advice, when the action server cannot run an action.

When the Rasa server cannot reach the action server (stopped, restarting, overloaded) or the action
fails there, Rasa 3.6 logs the error, drops the action's events and goes on predicting, which ends
in silence for the person chatting. Every custom action of this bot, and the form (whose validation
runs on the action server), returns events when it works: an answer, a question or a slot. So a
custom action that left no event at all after the person's message means it failed.

This policy then predicts `utter_service_unavailable` (sorry, try again in a minute, and the
emergency numbers) at full confidence above the other policies, then `action_listen`. The
person's message stays in the conversation; when the action server is back, the next message goes
on from where the conversation was. Actions allowed to return nothing are listed in
`silent_actions`. Only live conversations are checked: stories and rules (training, `rasa test`)
leave out the events of actions, so there an action followed by nothing is normal.
"""

from __future__ import annotations

from typing import Any

from rasa.core.constants import POLICY_PRIORITY
from rasa.core.policies.policy import Policy, PolicyPrediction
from rasa.engine.graph import ExecutionContext
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.core.constants import ACTION_LISTEN_NAME
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, UserUttered
from rasa.shared.core.generator import TrackerWithCachedStates
from rasa.shared.core.trackers import DialogueStateTracker

from server import speedups

# Every Rasa process that loads the model (run, shell, test) loads this policy, so Rasa's faster
# paths (server/speedups.py) are installed here.
speedups.install()

RESPONSE = "utter_service_unavailable"


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.POLICY_WITHOUT_END_TO_END_SUPPORT, is_trainable=False)
class ActionServerDownPolicy(Policy):
    @staticmethod
    def get_default_config() -> dict[str, Any]:
        # Above RulePolicy (4): the rules would run the failing form again.
        return {POLICY_PRIORITY: 6, "response": RESPONSE, "silent_actions": []}

    def __init__(
        self,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
        featurizer: Any = None,
    ) -> None:
        super().__init__(config, model_storage, resource, execution_context, featurizer)
        self.response = config["response"]
        self.silent_actions = set(config["silent_actions"])

    def train(self, training_trackers: list[TrackerWithCachedStates], domain: Domain, **kwargs: Any) -> Resource:
        return self._resource  # nothing to learn

    def predict_action_probabilities(
        self,
        tracker: DialogueStateTracker,
        domain: Domain,
        rule_only_data: dict[str, Any] | None = None,
        **kwargs: Any,
    ) -> PolicyPrediction:
        probabilities = self._default_predictions(domain)
        if tracker.latest_action_name == self.response:
            # Listen after the apology (the form's rule would run the failing form again).
            probabilities[domain.index_for_action(ACTION_LISTEN_NAME)] = 1.0
            return self._prediction(probabilities, is_no_user_prediction=True)
        action = self._failed_action(tracker, domain)
        if action is None:
            return self._prediction(probabilities)
        probabilities[domain.index_for_action(self.response)] = 1.0
        # A "no user" prediction, so that it is weighed against the form's happy-path loop.
        return self._prediction(probabilities, is_no_user_prediction=True, diagnostic_data={"failed_action": action})

    def _failed_action(self, tracker: DialogueStateTracker, domain: Domain) -> str | None:
        """The custom action (or form) that ran since the person's message and left no event."""
        # The raw events: `applied_events()` moves a form's ActionExecuted before the events that
        # came with it, which would hide an empty run.
        events = tracker.events
        last = events[-1] if events else None
        if not isinstance(last, ActionExecuted) or last.action_name in (ACTION_LISTEN_NAME, self.response):
            return None
        name = last.action_name or ""
        custom = (name in domain.user_actions and not name.startswith("utter_")) or name in domain.form_names
        if not custom or name in self.silent_actions:
            return None
        # Only in a live conversation, whose messages came through a channel (they carry an id).
        # Stories and rules, in training and `rasa test`, leave the events of actions out.
        user = next((event for event in reversed(events) if isinstance(event, UserUttered)), None)
        if user is None or not user.message_id:
            return None
        return name
