import pathlib
import sys

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # the project's packages (actions, components) without installing

from actions.triage import table  # noqa: E402


@pytest.fixture(scope="session")
def tables():
    return table.load()
