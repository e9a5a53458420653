#!/usr/bin/env bash
# Creates .venv with Python 3.10 (Rasa 3.6 supports 3.8-3.10) and installs the locked dependencies:
# Python packages from requirements.lock, the chat widget (and the browser test's driver) from
# package-lock.json with `npm ci`, and, with --tests, Debian's Chromium for the browser test.
# Re-running is cheap: each install is skipped while its lockfile is unchanged.
set -euo pipefail
cd "$(dirname "$0")/.."

python_bin="${PYTHON310:-}"
if [ -z "$python_bin" ]; then
  if command -v pyenv >/dev/null && [ -x "$(pyenv root)/versions/3.10.13/bin/python" ]; then
    python_bin="$(pyenv root)/versions/3.10.13/bin/python"
  else
    python_bin="$(command -v python3.10 || true)"
  fi
fi
if [ -z "$python_bin" ] || ! "$python_bin" -c 'import sys; assert sys.version_info[:2] == (3, 10)' 2>/dev/null; then
  echo "setup: Python 3.10 is required (set PYTHON310=/path/to/python3.10)" >&2
  exit 1
fi

if [ ! -x .venv/bin/python ]; then
  "$python_bin" -m venv .venv
fi

stamp=.venv/.requirements.lock.sha256
if ! sha256sum --check --status "$stamp" 2>/dev/null; then
  .venv/bin/python -m pip install --quiet --disable-pip-version-check --upgrade 'pip==24.3.1'
  .venv/bin/python -m pip install --quiet --disable-pip-version-check --require-hashes --no-deps \
    -r requirements.lock
  sha256sum requirements.lock >"$stamp"
fi

# The chat widget (rasa-webchat) served by channels/web.py, and playwright-core for the browser test.
npm_stamp=node_modules/.package-lock.json.sha256
if ! sha256sum --check --status "$npm_stamp" 2>/dev/null; then
  npm ci --no-audit --no-fund --loglevel=error
  sha256sum package-lock.json >"$npm_stamp"
fi

# Debian packages for the tests (the browser test drives Debian's Chromium), installed only when missing.
if [ "${1:-}" = "--tests" ] && [ ! -x /usr/bin/chromium ]; then
  mapfile -t apt_packages < <(grep -v '^#' scripts/apt-packages.txt)
  sudo=()
  if [ "$(id -u)" != 0 ]; then sudo=(sudo); fi
  "${sudo[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${apt_packages[@]}"
fi
