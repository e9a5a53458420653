#!/usr/bin/env bash
# Creates .venv with Python 3.10 (Rasa 3.6 supports 3.8-3.10) and installs the locked dependencies.
# Re-running is cheap: the install is skipped while requirements.lock is unchanged.
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
