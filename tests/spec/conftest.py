"""The spec's tests need no database and no Django settings: they run with or without
pytest-django (`-p no:django`)."""
from types import SimpleNamespace

import pytest

from tests.spec import task_types  # noqa: F401 - registers the test.spec.* types


@pytest.fixture
def settings():
    """Stands in for pytest-django's fixture, which the project's autouse fixtures ask
    for: nothing here reads Django settings."""
    return SimpleNamespace()
