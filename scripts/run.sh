#!/usr/bin/env bash
# Sets everything up (virtual environment, locked dependencies, a model trained on the current
# data and config) and starts the bot: the action server and the Rasa server with the REST and
# socket.io channels and the HTTP API. Ctrl-C stops both.
#
# Ports: RASA_PORT (default 5005) and ACTION_PORT (default 5055; endpoints.yml points there).
# The HTTP API always requires a token (?token=...): RASA_AUTH_TOKEN, else the one in
# .secrets/rasa_auth_token (generated on the first run, mode 0600, git-ignored).
# RASA_CORS: space-separated origins allowed to call the server (default: this machine's pages).
# RASA_ENDPOINTS: the endpoints file (default endpoints.yml: conversations in SQLite;
# endpoints-cluster.yml: PostgreSQL and Redis, for several servers).
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/setup.sh
source scripts/env.sh
source scripts/security.sh

bash scripts/train.sh

rasa_port="${RASA_PORT:-5005}"
action_port="${ACTION_PORT:-5055}"
origins="$(cors_origins "$rasa_port")"
mapfile -t cors <<<"$origins"
ensure_auth_token
endpoints="${RASA_ENDPOINTS:-endpoints.yml}"
if [ "$action_port" != 5055 ]; then  # the endpoints files point to the action server on 5055
  mkdir -p .rasa
  sed "s#localhost:5055/#localhost:$action_port/#" "$endpoints" >.rasa/endpoints.run.yml
  endpoints=.rasa/endpoints.run.yml
fi

rasa run actions --actions actions --port "$action_port" &
actions_pid=$!
trap 'kill "$actions_pid" 2>/dev/null || true' EXIT INT TERM

echo "Action server: http://localhost:$action_port  Rasa server: http://localhost:$rasa_port"
echo "Chat in another terminal with: .venv/bin/rasa shell --port 5006  (REST: see README.md)"
rasa run --enable-api --port "$rasa_port" --cors "${cors[@]}" --auth-token "$RASA_AUTH_TOKEN" \
  --credentials credentials.yml --endpoints "$endpoints"
