"""Shared fixtures. Tests use a real database (SQLite by default, PostgreSQL when
DATABASE_URL points at it) and a fresh data folder for internal storage.

The run's own data folder (and so its SQLite test database) comes from the
tests.isolation plugin; on a database server the test database gets this process's
id, so two runs against one PostgreSQL do not drop each other's database."""
import os

import pytest


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings_parallel_suffix):
    from django.conf import settings

    for db in settings.DATABASES.values():
        if db["ENGINE"] != "django.db.backends.sqlite3":  # SQLite's file is in the run's own folder already
            test = db.setdefault("TEST", {})
            test["NAME"] = f"{test.get('NAME') or 'test_' + db['NAME']}_pid{os.getpid()}"


@pytest.fixture(autouse=True)
def _data_dir(settings, tmp_path):
    settings.STORAGE_DIR = tmp_path / "storage"
