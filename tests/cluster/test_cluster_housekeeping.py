"""A cluster runs the plugin families' housekeeping when it starts and every
KESTRAWEB_HOUSEKEEPING_EVERY seconds after: a Python dependency environment unused for
longer than KESTRAWEB_PYTHON_ENV_MAX_AGE days is removed from its machine's data
folder, a recent one kept."""
import os

import pytest

from plugins.scripts.dependency_cache import FOLDER, USED, lock_path
from tests.cluster.cluster_process import running_cluster, wait_for

pytestmark = pytest.mark.django_db(transaction=True)


def environment(data_dir, key: str, used_at: float):
    home = data_dir / FOLDER / key
    (home / "bin").mkdir(parents=True)
    lock_path(home).touch()
    (home / USED).touch()
    os.utime(home / USED, (used_at, used_at))
    return home


def test_the_cluster_removes_unused_dependency_environments(tmp_path, orm_broker):
    old = environment(tmp_path, "a" * 20, used_at=0)
    recent = environment(tmp_path, "b" * 20, used_at=os.path.getmtime(tmp_path))
    with running_cluster(tmp_path, orm_broker, KESTRAWEB_PYTHON_ENV_MAX_AGE="1") as proc:
        wait_for(lambda: not old.exists(), "the unused environment removed", proc, tmp_path)
    assert not lock_path(old).exists()
    assert recent.is_dir()
