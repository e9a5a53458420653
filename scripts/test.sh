#!/usr/bin/env bash
# Runs every check: lint and format, Rasa data validation, training (cached components are
# reused when nothing changed), the conversation tests, and pytest (engine, actions, and whole conversations against
# the real Rasa and action servers through every channel: REST, socket.io, the chat page in headless Chromium,
# Telegram and Slack against local fakes of their APIs, and `rasa shell` in a pseudo-terminal).
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/setup.sh --tests
source scripts/env.sh

step() { printf '\n== %s  (%ss so far)\n' "$*" "$SECONDS"; }

step "ruff"
ruff check .
ruff format --check .

step "rasa data validate"
rasa data validate --fail-on-warnings

step "rasa train"
bash scripts/train.sh

step "conversation tests (tests/test_stories.yml)"
rasa test core --stories tests/test_stories.yml --e2e --fail-on-prediction-errors --out results/core

step "pytest"
python -m pytest -q -n 2 --dist worksteal  # on both cores; last, so that its summary line closes the output
