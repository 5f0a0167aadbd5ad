"""Shared fixtures. Tests use a real database (SQLite by default, PostgreSQL when
DATABASE_URL points at it) and a fresh data folder for internal storage."""
import pytest


@pytest.fixture(autouse=True)
def _data_dir(settings, tmp_path):
    settings.STORAGE_DIR = tmp_path / "storage"
