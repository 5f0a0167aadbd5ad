"""WorkingDirectory `cache`: the files matching `patterns` are kept once the tasks ended
and unpacked into the folder of the next run, until `ttl` has passed.

Follows Kestra's WorkingDirectory.Cache with preExecuteTasks / postExecuteTasks (the
archive is rewritten only when a cached file changed), InternalStorage.getCacheFile
(an archive older than its ttl is deleted, not used) and StorageContext.getCacheURI
(`/<namespace>/<flow>/<task>/cache/[<hash of the value>/]cache.zip`); the first test is
Kestra's WorkingDirectoryTest.cache (flow working-directory-cache.yml: a first run
writes hello.txt, the second finds it before writing anything).
"""
import os
import time

import pytest

from storage import internal_storage
from storage.cache_files import TaskCache, value_hash
from tests.flow_runs import run_flow

pytestmark = pytest.mark.django_db(transaction=True)

FLOW = """
    id: wd-cache
    namespace: tests.cache
    inputs:
      - id: write
        type: BOOLEAN
    tasks:
      - id: working_dir
        type: io.kestra.plugin.core.flow.WorkingDirectory
        cache:
          ttl: PT1H
          patterns:
            - "*.txt"
        inputFiles: "{{ inputs.write ? '{\\"hello.txt\\": \\"HELLO WORLD\\", \\"skip.md\\": \\"no\\"}' : '{}' }}"
        outputFiles:
          - "**"
        tasks:
          - id: inside
            type: io.kestra.plugin.core.debug.Return
            format: ok
"""


def _folder(run) -> dict[str, str]:
    """Relative path -> content of each file the directory held once its tasks ended."""
    out = {}
    for relative, uri in run.one("working_dir").outputs.get("outputFiles", {}).items():
        with internal_storage().open(uri) as handle:
            out[relative] = handle.read().decode()
    return out


def _archive_path():
    cache = TaskCache("tests.cache", "wd-cache", "working_dir")
    return internal_storage().local_path(cache.uri())


def _age(path, seconds: float):
    """Make the archive look written `seconds` ago."""
    then = time.time() - seconds
    os.utime(path, (then, then))
    return path.stat().st_mtime


def test_the_next_run_starts_with_the_cached_files():
    first = run_flow(FLOW, {"write": True})
    assert first.state == "SUCCESS", first.logs()
    assert _archive_path().is_file()
    assert "kestra:///tests/cache/wd-cache/working-dir/cache/cache.zip" in " ".join(first.logs())

    second = run_flow(FLOW, {"write": False})
    assert second.state == "SUCCESS", second.logs()
    assert _folder(second) == {"hello.txt": "HELLO WORLD"}  # only what matched the patterns came back


def test_an_unchanged_cache_is_not_written_again_so_its_age_stays():
    run_flow(FLOW, {"write": True})
    written = _age(_archive_path(), 600)
    again = run_flow(FLOW, {"write": False})
    assert again.state == "SUCCESS", again.logs()
    assert _archive_path().stat().st_mtime == written
    assert "Cache files didn't change, skip updating it" in again.logs()


def test_a_cache_older_than_its_ttl_is_deleted_and_not_used():
    run_flow(FLOW, {"write": True})
    _age(_archive_path(), 3601)
    later = run_flow(FLOW, {"write": False})
    assert later.state == "SUCCESS", later.logs()
    assert _folder(later) == {}
    assert not _archive_path().exists()


def test_inside_a_loop_each_value_has_its_own_archive():
    run = run_flow("""
        id: wd-cache-each
        namespace: tests.cache
        tasks:
          - id: each
            type: io.kestra.plugin.core.flow.ForEach
            values: ["a", "b"]
            tasks:
              - id: wd
                type: io.kestra.plugin.core.flow.WorkingDirectory
                cache:
                  patterns: ["*.txt"]
                inputFiles:
                  value.txt: "{{ taskrun.value }}"
                tasks:
                  - id: inside
                    type: io.kestra.plugin.core.debug.Return
                    format: ok
    """)
    assert run.state == "SUCCESS", run.logs()
    cache = TaskCache("tests.cache", "wd-cache-each", "wd")
    for value in ("a", "b"):
        assert cache.uri(value) == f"kestra:///tests/cache/wd-cache-each/wd/cache/{value_hash(value)}/cache.zip"
        assert internal_storage().local_path(cache.uri(value)).is_file()


def test_the_value_hash_is_guavas_murmur3_128_in_hex():
    """Kestra's Hashing.hashToString: murmur3_128 (seed 0) of the UTF-8 bytes, printed
    as Guava's HashCode prints it (bytes of h1 then h2, little-endian)."""
    assert value_hash("hello") == "029bbd41b3a7d8cb191dae486a901e5b"


# A cache without patterns is refused when the flow is saved: tests/spec/test_working_directory_objects.py
