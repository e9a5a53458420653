# Sourced by the scripts: the project's virtual environment and quiet, offline-friendly settings.
export PATH="$PWD/.venv/bin:$PATH"
export TF_CPP_MIN_LOG_LEVEL=2        # TensorFlow start-up chatter
export RASA_TELEMETRY_ENABLED=false  # no calls home
export SQLALCHEMY_SILENCE_UBER_WARNING=1
