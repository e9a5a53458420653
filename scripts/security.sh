# Sourced by scripts/run.sh: the HTTP API's token and the allowed web origins.

# Sets RASA_AUTH_TOKEN. When it is not set, reads it from $token_file, or writes a new random one
# there (mode 0600, in a git-ignored folder), and says where it is. The HTTP API always needs it.
ensure_auth_token() {
  local token_file="${RASA_AUTH_TOKEN_FILE:-.secrets/rasa_auth_token}"
  if [ -n "${RASA_AUTH_TOKEN:-}" ]; then
    return
  fi
  if [ ! -s "$token_file" ]; then
    mkdir -p "$(dirname "$token_file")"
    chmod 700 "$(dirname "$token_file")"
    (umask 077 && head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n' >"$token_file")
    echo "Generated an HTTP API token in $token_file (mode 0600)."
  fi
  chmod 600 "$token_file"
  RASA_AUTH_TOKEN="$(cat "$token_file")"
  export RASA_AUTH_TOKEN
  echo "The HTTP API needs the token in $token_file: ?token=\$(cat $token_file)"
}

# Prints the allowed web origins, one per line: RASA_CORS (space-separated) or this machine's pages.
# A wildcard is refused: Rasa answers any Origin with credentials allowed for "*".
cors_origins() {
  local port="$1" origin
  for origin in ${RASA_CORS:-http://localhost:$port http://127.0.0.1:$port}; do
    if [[ "$origin" == *"*"* ]]; then
      echo "RASA_CORS: wildcards are not allowed ($origin); list the origins" >&2
      return 1
    fi
    echo "$origin"
  done
}
