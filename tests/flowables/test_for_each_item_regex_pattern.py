"""ForEachItem `batch.regexPattern`: one batch per value of the pattern's first group.

Kestra's StorageService.split (splitByRegex) reads the file line by line, runs the
pattern with Matcher.find() on each line and routes it to the batch of `group(1)`;
batches come in the order their key first appears, lines the pattern does not find
are left out, and `regexPattern` wins over `bytes`, `partitions` and `rows`
(ForEachItem.Batch; Kestra's SplitTest.regexPattern with `\\[(\\w+)\\]` over log lines).
"""
import pytest

from executions.models import Execution
from plugins.core.flow.item_batches import BadBatch, split
from tests.flow_runs import run_flow, save

LOG_LINES = (b"[ERROR] Error message 1\n[WARN] Warning message 1\nno level here\n"
             b"[INFO] Info message 1\n[ERROR] Error message 2\n")


def test_rows_are_grouped_by_the_first_group_in_order_of_first_appearance():
    assert split(LOG_LINES, {"regexPattern": r"\[(\w+)\]"}) == [
        b"[ERROR] Error message 1\n[ERROR] Error message 2\n",
        b"[WARN] Warning message 1\n",
        b"[INFO] Info message 1\n",
    ]


def test_the_pattern_is_found_anywhere_in_the_row_and_wins_over_rows_and_bytes():
    batches = split(b"id=1 k=b\nid=2 k=a\nid=3 k=b\n", {"regexPattern": "k=(\\w)", "rows": 1, "bytes": "1"})
    assert batches == [b"id=1 k=b\nid=3 k=b\n", b"id=2 k=a\n"]


def test_a_pattern_without_a_group_keeps_no_row():
    assert split(LOG_LINES, {"regexPattern": r"\[\w+\]"}) == []


def test_the_separator_still_ends_each_row():
    assert split(b"a1\nb2\na3\n", {"regexPattern": "^(a|b)", "separator": ";"}) == [b"a1;a3;", b"b2;"]


def test_an_invalid_pattern_is_refused_with_the_property_named():
    with pytest.raises(BadBatch, match="batch.regexPattern"):
        split(LOG_LINES, {"regexPattern": "(unclosed"})


@pytest.mark.django_db(transaction=True)
def test_for_each_item_starts_one_subflow_per_group(tmp_path):
    save("""
        id: per-level
        namespace: tests.items
        inputs:
          - id: items
            type: STRING
        tasks:
          - id: read
            type: io.kestra.plugin.core.debug.Return
            format: "{{ read(inputs.items) }}"
    """)
    data = tmp_path / "app.log"
    data.write_bytes(LOG_LINES)
    run = run_flow("""
        id: split-by-level
        namespace: tests.items
        inputs:
          - id: file
            type: FILE
        tasks:
          - id: each
            type: io.kestra.plugin.core.flow.ForEachItem
            items: "{{ inputs.file }}"
            batch:
              regexPattern: "\\\\[(\\\\w+)\\\\]"
            namespace: tests.items
            flowId: per-level
            inputs:
              items: "{{ taskrun.items }}"
    """, {"file": str(data)})
    assert run.state == "SUCCESS", run.logs()
    assert run.one("each_items").outputs["numberOfBatches"] == 3
    children = Execution.objects.filter(parent_id=run.execution.id)
    reads = sorted(c.taskruns.get(task_id="read").outputs["value"] for c in children)
    assert reads == [
        "[ERROR] Error message 1\n[ERROR] Error message 2\n",
        "[INFO] Info message 1\n",
        "[WARN] Warning message 1\n",
    ]


@pytest.mark.django_db(transaction=True)
def test_an_invalid_pattern_fails_the_split_task_naming_the_property(tmp_path):
    data = tmp_path / "app.log"
    data.write_bytes(LOG_LINES)
    run = run_flow("""
        id: split-bad-pattern
        namespace: tests.items
        inputs:
          - id: file
            type: FILE
        tasks:
          - id: each
            type: io.kestra.plugin.core.flow.ForEachItem
            items: "{{ inputs.file }}"
            batch:
              regexPattern: "(unclosed"
            namespace: tests.items
            flowId: never-started
    """, {"file": str(data)})
    assert run.state == "FAILED"
    assert run.one("each_split").state == "FAILED"
    assert any("batch.regexPattern" in message for message in run.logs())
    assert not Execution.objects.filter(parent_id=run.execution.id).exists()
