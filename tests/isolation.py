"""A pytest plugin (loaded with `-p tests.isolation` from pyproject's addopts) that gives
each test run a data folder of its own, so two runs in one checkout never share a
database file or internal storage.

It must act before pytest-django loads the settings, which happens while pytest is
still reading its options: a conftest.py is read too late, a `-p` plugin is imported
early enough. Setting the environment variable (not only the setting) makes every
`manage.py` subprocess a test starts inherit the same folder."""
import os
import shutil
import tempfile

DATA_DIR_ENV = "KESTRAWEB_DATA_DIR"

_run_dir = tempfile.mkdtemp(prefix=f"kestraweb-test-{os.getpid()}-")
os.environ[DATA_DIR_ENV] = _run_dir


def pytest_unconfigure(config):
    shutil.rmtree(_run_dir, ignore_errors=True)
