#!/usr/bin/env bash
# Sets everything up (virtual environment, locked dependencies, a model trained on the current
# data and config) and starts the bot: the action server and the Rasa server with the REST and
# socket.io channels, the chat page at /chat/ and the HTTP API; Telegram and Slack when their
# environment variables are set (see README.md). Ctrl-C stops both.
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

# Channels: credentials.yml always; Telegram and Slack only when configured. Rasa expands ${VAR}
# in credentials files and fails on an unset one, so the optional ones get defaults here.
credentials_dir="$(mktemp -d)"
credentials="$credentials_dir/credentials.yml"
cp credentials.yml "$credentials"
channels="REST, socket.io, the chat page"
if [ -n "${TELEGRAM_TOKEN:-}" ]; then
  : "${TELEGRAM_BOT_NAME:?set TELEGRAM_BOT_NAME to the username of the bot}"
  : "${TELEGRAM_SECRET_TOKEN:?set TELEGRAM_SECRET_TOKEN (any secret; python -m channels.telegram set-webhook registers it)}"
  export TELEGRAM_WEBHOOK_URL="${TELEGRAM_WEBHOOK_URL:-}" TELEGRAM_API_URL="${TELEGRAM_API_URL:-https://api.telegram.org}"
  cat credentials.telegram.yml >>"$credentials"
  channels="$channels, Telegram (/webhooks/telegram/webhook)"
fi
if [ -n "${SLACK_TOKEN:-}" ]; then
  : "${SLACK_SIGNING_SECRET:?set SLACK_SIGNING_SECRET to the signing secret of the Slack app}"
  export SLACK_CHANNEL="${SLACK_CHANNEL:-}" SLACK_API_URL="${SLACK_API_URL:-https://slack.com/api/}"
  cat credentials.slack.yml >>"$credentials"
  channels="$channels, Slack (/webhooks/slack/webhook)"
fi

rasa run actions --actions actions --port "$action_port" &
actions_pid=$!
# Both servers run in the background so that a TERM or Ctrl-C sent to this script stops both.
trap 'kill $actions_pid ${rasa_pid:-} 2>/dev/null || true; rm -rf "$credentials_dir"' EXIT INT TERM

echo "Action server: http://localhost:$action_port  Rasa server: http://localhost:$rasa_port"
echo "Channels: $channels"
echo "Chat in a browser: http://localhost:$rasa_port/chat/  (when the Rasa server says it is up)"
echo "Chat in another terminal with: .venv/bin/rasa shell --port 5006  (REST: see README.md)"
rasa run --enable-api --port "$rasa_port" --cors "${cors[@]}" --auth-token "$RASA_AUTH_TOKEN" \
  --credentials "$credentials" --endpoints "$endpoints" &
rasa_pid=$!
wait "$rasa_pid"
