#!/usr/bin/env bash
# Sets everything up (virtual environment, locked dependencies, a model trained on the current
# data and config) and starts the bot: the action server and the Rasa server with the REST and
# socket.io channels and the HTTP API. Ctrl-C stops both.
#
# Ports: RASA_PORT (default 5005) and ACTION_PORT (default 5055; endpoints.yml points there).
# RASA_AUTH_TOKEN, when set, is required by the HTTP API (?token=...).
# RASA_CORS: space-separated origins allowed to call the server (default: this machine's pages).
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/setup.sh
source scripts/env.sh

bash scripts/train.sh

rasa_port="${RASA_PORT:-5005}"
action_port="${ACTION_PORT:-5055}"
cors=(${RASA_CORS:-http://localhost:$rasa_port http://127.0.0.1:$rasa_port})
auth=()
if [ -n "${RASA_AUTH_TOKEN:-}" ]; then
  auth=(--auth-token "$RASA_AUTH_TOKEN")
fi

rasa run actions --actions actions --port "$action_port" &
actions_pid=$!
trap 'kill "$actions_pid" 2>/dev/null || true' EXIT INT TERM

echo "Action server: http://localhost:$action_port  Rasa server: http://localhost:$rasa_port"
echo "Chat in another terminal with: .venv/bin/rasa shell --port 5006  (REST: see README.md)"
rasa run --enable-api --port "$rasa_port" --cors "${cors[@]}" "${auth[@]}" \
  --credentials credentials.yml --endpoints endpoints.yml
