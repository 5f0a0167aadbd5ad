"""Split as Kestra's io.kestra.plugin.core.storage.Split (StorageService#split): by rows,
by bytes, round-robin partitions (empty ones dropped) and a regex's first group; each
line followed by the separator; the source file's extension kept."""
import pytest

from tests.core.storage_flows import read_stored, with_files
from tests.flow_runs import run_flow

pytestmark = pytest.mark.django_db(transaction=True)

LINES = "a1\na2\nb1\na3\nb2"


def _split(flow_id: str, how: str):
    run = run_flow(with_files(flow_id, {"data.csv": LINES}, f"""
        - id: split
          type: io.kestra.plugin.core.storage.Split
          from: "{{{{ outputs.files.uris['data.csv'] }}}}"
          {how}
    """))
    assert run.state == "SUCCESS", run.logs()
    uris = run.one("split").outputs["uris"]
    assert all(uri.endswith(".csv") for uri in uris)
    return [read_stored(uri) for uri in uris]


def test_it_splits_by_rows():
    assert _split("split_rows", "rows: 2") == ["a1\na2\n", "b1\na3\n", "b2\n"]


def test_it_splits_by_bytes_starting_a_file_once_the_size_is_reached():
    assert _split("split_bytes", "bytes: '6'") == ["a1\na2\n", "b1\na3\n", "b2\n"]


def test_it_deals_lines_into_partitions_and_drops_empty_ones():
    assert _split("split_parts", "partitions: 2") == ["a1\nb1\nb2\n", "a2\na3\n"]
    assert _split("split_many", "partitions: 9") == ["a1\n", "a2\n", "b1\n", "a3\n", "b2\n"]


def test_it_groups_lines_by_the_first_group_of_a_pattern():
    assert _split("split_regex", "regexPattern: '^([a-z])'\n          separator: ';'") == ["a1;a2;a3;", "b1;b2;"]


def test_without_a_way_to_split_it_fails_as_kestra_does():
    run = run_flow(with_files("split_none", {"data.csv": LINES}, """
        - id: split
          type: io.kestra.plugin.core.storage.Split
          from: "{{ outputs.files.uris['data.csv'] }}"
    """))
    assert run.state == "FAILED"
    assert "Invalid configuration with no size, count, rows, nor regexPattern" in run.logs()
