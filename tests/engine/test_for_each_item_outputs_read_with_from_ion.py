"""The Ion ForEachItem writes for its subflows' outputs (Kestra's ForEachItem `_merge`,
one Ion line per subflow through JacksonMapper.ofIon) is what fromIon reads
(FromIonFunction with allRows): one writer and one reader, expressions/ion/."""
import pytest

from tests.flow_runs import run_flow, save

pytestmark = pytest.mark.django_db(transaction=True)


def test_from_ion_reads_every_subflow_output_for_each_item_merged(tmp_path):
    save("""
        id: describe
        namespace: tests.ion
        inputs:
          - id: items
            type: STRING
        tasks:
          - id: read
            type: io.kestra.plugin.core.debug.Return
            format: "{{ read(inputs.items) | trim }}"
        outputs:
          - id: word
            type: STRING
            value: "{{ outputs.read.value }} it's"
          - id: size
            type: INT
            value: "{{ outputs.read.value | length }}"
    """)
    data = tmp_path / "words.txt"
    data.write_text("été\nquote\"d\n")
    run = run_flow("""
        id: merged-ion
        namespace: tests.ion
        inputs:
          - id: file
            type: FILE
        tasks:
          - id: each
            type: io.kestra.plugin.core.flow.ForEachItem
            items: "{{ inputs.file }}"
            namespace: tests.ion
            flowId: describe
            inputs:
              items: "{{ taskrun.items }}"
          - id: rows
            type: io.kestra.plugin.core.debug.Return
            format: >-
              {% for row in fromIon(read(outputs.each_merge.subflowOutputs), allRows=true) %}{{ row.word }}={{ row.size }};{% endfor %}
    """, {"file": str(data)})  # noqa: E501 - the one-line template must stay on one line
    assert run.state == "SUCCESS", run.logs()
    assert run.one("rows").outputs["value"] == "été it's=3;quote\"d it's=7;"
