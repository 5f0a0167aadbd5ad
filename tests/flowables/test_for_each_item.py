import pytest

from executions.models import Execution
from tests.flow_runs import run_flow, save

pytestmark = pytest.mark.django_db(transaction=True)


def test_one_subflow_per_batch_of_lines(tmp_path):
    save("""
        id: batch
        namespace: tests.items
        inputs:
          - id: items
            type: STRING
        tasks:
          - id: read
            type: io.kestra.plugin.core.debug.Return
            format: "{{ read(inputs.items) | trim }}"
    """)
    data = tmp_path / "rows.txt"
    data.write_text("a\nb\nc\nd\ne\n")
    run = run_flow("""
        id: split
        namespace: tests.items
        inputs:
          - id: file
            type: FILE
        tasks:
          - id: each
            type: io.kestra.plugin.core.flow.ForEachItem
            items: "{{ inputs.file }}"
            batch:
              rows: 2
            namespace: tests.items
            flowId: batch
            inputs:
              items: "{{ taskrun.items }}"
    """, {"file": str(data)})
    assert run.state == "SUCCESS", run.logs()
    items = run.one("each_items").outputs
    assert items["numberOfBatches"] == 3
    assert items["iterations"] == {"CREATED": 0, "RUNNING": 0, "SUCCESS": 3}
    children = Execution.objects.filter(parent_id=run.execution.id)
    reads = sorted(c.taskruns.get(task_id="read").outputs["value"] for c in children)
    assert reads == ["a\nb", "c\nd", "e"]


BATCH_FLOW = """
    id: batch
    namespace: tests.items
    inputs:
      - id: items
        type: STRING
      - id: number
        type: INT
    tasks:
      - id: read
        type: io.kestra.plugin.core.debug.Return
        format: "{{ inputs.number }}:{{ read(inputs.items) }}"
"""


def _batches(tmp_path, batch: str, content: str = "a\nb\nc\nd\ne\n"):
    save(BATCH_FLOW)
    data = tmp_path / "rows.csv"
    data.write_text(content)
    run = run_flow(f"""
        id: split
        namespace: tests.items
        inputs:
          - id: file
            type: FILE
        tasks:
          - id: each
            type: io.kestra.plugin.core.flow.ForEachItem
            items: "{{{{ inputs.file }}}}"
            batch: {batch}
            namespace: tests.items
            flowId: batch
            inputs:
              items: "{{{{ taskrun.items }}}}"
              number: "{{{{ taskrun.iteration }}}}"
    """, {"file": str(data)})
    assert run.state == "SUCCESS", run.logs()
    children = Execution.objects.filter(parent_id=run.execution.id)
    return run, sorted(c.taskruns.get(task_id="read").outputs["value"] for c in children)


def test_iterations_are_numbered_from_zero(tmp_path):
    # Kestra 1.1 made ForEachItem count from 0, as ForEach does.
    run, reads = _batches(tmp_path, "{rows: 2}")
    assert reads == ["0:a\nb\n", "1:c\nd\n", "2:e\n"]
    assert run.one("each_items").outputs["numberOfBatches"] == 3


def test_partitions_deal_rows_in_turn(tmp_path):
    _, reads = _batches(tmp_path, "{partitions: 2}")
    assert reads == ["0:a\nc\ne\n", "1:b\nd\n"]


def test_more_partitions_than_rows_leaves_out_empty_batches(tmp_path):
    run, reads = _batches(tmp_path, "{partitions: 4}", "a\nb\n")
    assert reads == ["0:a\n", "1:b\n"]
    assert run.one("each_items").outputs["numberOfBatches"] == 2


def test_bytes_start_a_new_batch_once_the_size_is_reached(tmp_path):
    _, reads = _batches(tmp_path, "{bytes: '4'}", "aa\nbb\ncc\n")
    assert reads == ["0:aa\nbb\n", "1:cc\n"]


def test_a_custom_separator_ends_each_row(tmp_path):
    _, reads = _batches(tmp_path, "{rows: 2, separator: ';'}", "a\nb\nc\n")
    assert reads == ["0:a;b;", "1:c;"]


OUTPUTTING_CHILD = """
    id: squares
    namespace: tests.items
    inputs:
      - id: items
        type: STRING
    tasks:
      - id: read
        type: io.kestra.plugin.core.debug.Return
        format: "{{ read(inputs.items) | trim }}"
    outputs:
      - id: square
        type: INT
        value: "{{ outputs.read.value | number * outputs.read.value | number }}"
"""


def test_it_runs_kestras_three_internal_tasks_and_merges_the_subflow_outputs(tmp_path):
    save(OUTPUTTING_CHILD)
    data = tmp_path / "numbers.txt"
    data.write_text("2\n3\n4\n")
    run = run_flow("""
        id: merged
        namespace: tests.items
        inputs:
          - id: file
            type: FILE
        tasks:
          - id: each
            type: io.kestra.plugin.core.flow.ForEachItem
            items: "{{ inputs.file }}"
            namespace: tests.items
            flowId: squares
            inputs:
              items: "{{ taskrun.items }}"
          - id: total
            type: io.kestra.plugin.core.debug.Return
            format: "{{ outputs.each_items.numberOfBatches }} {{ read(outputs.each_merge.subflowOutputs) | trim }}"
    """, {"file": str(data)})
    assert run.state == "SUCCESS", run.logs()
    assert [tr.task_id for tr in sorted(run.taskruns, key=lambda t: t.seq)] == [
        "each", "each_split", "each_items", "each_merge", "total"]
    assert run.one("each").outputs == {}
    assert run.one("each_items").outputs["iterations"] == {"CREATED": 0, "RUNNING": 0, "SUCCESS": 3}
    assert run.one("each_items").outputs["subflowOutputsBaseUri"].endswith(
        f"/tasks/each_items/{run.one('each_items').id}")
    # Kestra writes each subflow's outputs as one line of Ion text.
    assert run.one("total").outputs["value"] == "3 {square:4}\n{square:9}\n{square:16}"


def test_a_for_each_item_inside_a_loop_merges_per_iteration(tmp_path):
    save(OUTPUTTING_CHILD)
    data = tmp_path / "numbers.txt"
    data.write_text("5\n")
    run = run_flow("""
        id: merged-in-loop
        namespace: tests.items
        inputs:
          - id: file
            type: FILE
        tasks:
          - id: loop
            type: io.kestra.plugin.core.flow.ForEach
            values: [a, b]
            tasks:
              - id: each
                type: io.kestra.plugin.core.flow.ForEachItem
                items: "{{ inputs.file }}"
                namespace: tests.items
                flowId: squares
                inputs:
                  items: "{{ taskrun.items }}"
    """, {"file": str(data)})
    assert run.state == "SUCCESS", run.logs()
    merges = run.of("each_merge")
    assert len(merges) == 2 and all(m.outputs.get("subflowOutputs") for m in merges)
    assert len({m.outputs["subflowOutputs"] for m in merges}) == 2


def test_a_for_each_item_calling_its_own_flow_is_refused():
    from flows.spec import FlowInvalid

    with pytest.raises(FlowInvalid, match=r"tasks\[0\].flowId: recursive call to flow \[tests.items.itself\]"):
        save("""
            id: itself
            namespace: tests.items
            tasks:
              - id: each
                type: io.kestra.plugin.core.flow.ForEachItem
                items: "kestra:///nowhere"
                namespace: tests.items
                flowId: itself
        """)


def _run_parent(tmp_path, content: str, child_flow: str, extra: str = ""):
    save(child_flow)
    data = tmp_path / "rows.txt"
    data.write_text(content)
    return run_flow(f"""
        id: parent
        namespace: tests.items
        inputs:
          - id: file
            type: FILE
        tasks:
          - id: each
            type: io.kestra.plugin.core.flow.ForEachItem
            items: "{{{{ inputs.file }}}}"
            namespace: tests.items
            flowId: squares
            inputs:
              items: "{{{{ taskrun.items }}}}"
            {extra}
    """, {"file": str(data)})


def test_without_wait_the_merge_runs_but_has_nothing_to_merge(tmp_path):
    run = _run_parent(tmp_path, "2\n3\n", OUTPUTTING_CHILD, "wait: false")
    assert run.state == "SUCCESS", run.logs()
    assert run.states() == {"each": ["SUCCESS"], "each_split": ["SUCCESS"], "each_items": ["SUCCESS"],
                            "each_merge": ["SUCCESS"]}
    items = run.one("each_items").outputs
    # Kestra marks each subflow SUCCESS at once: they never count as CREATED.
    assert items["iterations"] == {"RUNNING": 0, "SUCCESS": 2}
    assert items["numberOfBatches"] == 2
    assert run.one("each_merge").outputs == {}


def test_an_empty_file_starts_no_subflow_and_leaves_no_outputs(tmp_path):
    run = _run_parent(tmp_path, "", OUTPUTTING_CHILD)
    assert run.state == "SUCCESS", run.logs()
    assert len(run.taskruns) == 4
    assert run.one("each_items").outputs == {}
    assert run.one("each_merge").outputs == {}
    assert not Execution.objects.filter(parent_id=run.execution.id).exists()


FAILING_CHILD = """
    id: squares
    namespace: tests.items
    inputs:
      - id: items
        type: STRING
    tasks:
      - id: boom
        type: io.kestra.plugin.core.execution.Fail
"""


def test_failed_subflows_fail_the_items_task_and_no_merge_runs(tmp_path):
    run = _run_parent(tmp_path, "a\nb\n", FAILING_CHILD)
    assert run.state == "FAILED"
    assert run.states() == {"each": ["FAILED"], "each_split": ["SUCCESS"], "each_items": ["FAILED"]}
    assert run.one("each_items").outputs["iterations"] == {"CREATED": 0, "RUNNING": 0, "FAILED": 2}


def test_without_transmit_failed_failed_subflows_still_succeed(tmp_path):
    run = _run_parent(tmp_path, "a\n", FAILING_CHILD, "transmitFailed: false")
    assert run.state == "SUCCESS", run.logs()
    assert run.one("each_items").outputs["iterations"] == {"CREATED": 0, "RUNNING": 0, "FAILED": 1}
    assert run.one("each_merge").outputs == {}
